#pragma once

#include "session/datasetstyle.h"

#include "domain/eventstore.h"
#include "domain/placehistory.h"
#include "domain/timeselection.h"
#include "io/recordschema.h"
#include "render/contextlayer.h"

#include <QJsonObject>
#include <QPointF>
#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace sv {

// A saved session: the datasets open (by path) with their styles, the map's
// view, the time slider, the filters and the selection. Written as JSON
// (*.svproject). Datasets are stored relative to the project file when they
// sit beside it or below it, so that a folder of data and project can move.
struct Project {
  struct Dataset {
    QString path; // absolute once read
    DatasetStyle style;
    QString mapping =
        QString(); // the columns of a generic table, as `--map` gives them; empty when read by its own layout
  };
  std::vector<Dataset> datasets;
  // The view: the centre in degrees and the scale; none keeps the default view.
  std::optional<QPointF> centreLonLat;
  double metresPerPixel = 0.0;
  std::optional<TimeSelection> time; // its cursor as a date
  double speed = 0.0;                // steps per second; 0 keeps the current speed
  // The filter by names (types, sub-types, actors, region), since numbers
  // differ from store to store: resolved by filterFromJson once the data is open.
  QJsonObject filter;
  std::optional<HistoryPlace> place; // the place whose dossier is open
  QString incidentId;                // the incident selected
  // The base layer and the context layers. Files are stored like datasets.
  struct ContextLayerEntry {
    QString path;
    ContextStyle style;
    bool visible = true;
  };
  QString baseMap;          // "mbtiles:FILE" or "xyz:URL"; empty: the vector base map
  double baseOpacity = 1.0; // of the tiles
  bool baseVectors = true;  // the vector base map's lines and names over the tiles
  std::vector<ContextLayerEntry> contextLayers;
};

inline constexpr const char* kProjectSuffix = "svproject";

// Writes atomically (QSaveFile): a failure midway leaves the old file as it was.
bool writeProject(const QString& path, const Project& project, QString* error);
// Reads a project; relative dataset paths are resolved against its folder.
// Null with `error` (naming the file, and the field when one is wrong) when
// it cannot be used.
std::optional<Project> readProject(const QString& path, QString* error);

// The filter in names, and back. Names the store does not know (an actor of
// a dataset no longer open) are left out and listed in `unknown`.
QJsonObject filterToJson(const EventStore& store, const IncidentFilter& filter);
IncidentFilter filterFromJson(const EventStore& store, const QJsonObject& json, QStringList* unknown);

} // namespace sv
