#pragma once

#include "domain/eventstore.h"
#include "geo/projection.h"
#include "render/basemap.h"
#include "render/incidentlayer.h"

#include <QString>
#include <QStringList>

#include <memory>
#include <optional>

namespace sv {

// What every command and the window share: the display projection and the
// base map projected with it, loaded once.
struct MapContext {
  Projection projection;
  std::shared_ptr<const BaseMap> baseMap;
  // The incident dataset shown, projected once; null until loadIncidents.
  std::shared_ptr<const IncidentLayerData> incidents;
  QString incidentsPath;
  QStringList incidentProblems; // one line per record the reader rejected
};

// Loads and projects the GeoPackage at `path`; on failure returns nullopt
// with a message naming the file in `error`.
std::optional<MapContext> loadMapContext(const QString& path, QString* error);

// Reads an incident dataset. A file that cannot be read at all gives null and
// `error`; records that cannot be used are left out and listed in `problems`
// ("FILE:LINE: feature N (ID): FIELD: REASON").
std::shared_ptr<const EventStore> loadIncidentStore(const QString& path, QString* error, QStringList* problems);
// Reads the dataset and projects it for `context`. False with `error` when unreadable.
bool loadIncidents(MapContext& context, const QString& path, QString* error);

// The program: a command (places, events, export) or the window.
int runApplication(int argc, char** argv);

} // namespace sv
