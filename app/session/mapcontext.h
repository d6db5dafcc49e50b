#pragma once

#include "db/database.h"
#include "domain/eventstore.h"
#include "geo/projection.h"
#include "render/basemap.h"
#include "render/incidentlayer.h"
#include "render/maplayers.h"

#include <QColor>
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
  QString incidentsPath;        // the open datasets' paths, joined for display
  QStringList incidentProblems; // one line per record the reader rejected
  QStringList datasetPaths;     // the open datasets' paths, one per dataset of the store
  // Per dataset: the single colour its incidents are drawn in, or invalid for
  // colours by event type. Followed by the map and every export.
  std::vector<QColor> datasetColours = {};
  // Tiles and context layers under the incidents; the vector base map alone by default.
  MapLayers layers = {};
  // Per dataset: symbols, density, or density when symbols would not fit.
  std::vector<DatasetDrawing> datasetDrawing = {};
};

// Loads and projects the GeoPackage at `path`; on failure returns nullopt
// with a message naming the file in `error`.
std::optional<MapContext> loadMapContext(const QString& path, QString* error);

// Reads incident datasets in any format importIncidents reads (our own, ACLED,
// UCDP GED, delimited text, GDAL vector formats) into one store. A file that
// cannot be read at all gives null and `error`, and nothing is loaded; records
// that cannot be used are left out and listed in `problems`
// ("FILE:LINE: row N (ID): FIELD: REASON"). Imported incidents are matched to
// `gazetteer`'s places when it is given.
// Database tables too large to read whole give what `window` selects.
std::shared_ptr<const EventStore> loadIncidentStore(const QStringList& paths, QString* error, QStringList* problems,
                                                    const Gazetteer* gazetteer = nullptr, const db::Query& window = {});
// Reads the datasets, matches them to the base map's gazetteer and projects
// them for `context`. False with `error` when one is unreadable.
bool loadIncidents(MapContext& context, const QStringList& paths, QString* error, const db::Query& window = {});
// One store of the incidents of several, each keeping its dataset (the store
// itself when there is one). Null with `error` beyond EventStore::kMaxDatasets.
std::shared_ptr<const EventStore> combineStores(const std::vector<std::shared_ptr<const EventStore>>& stores,
                                                QString* error);

} // namespace sv
