#include "session/mapcontext.h"

#include "session/databasesource.h"
#include "session/importcache.h"

#include "io/basemapreader.h"
#include "io/importer.h"

namespace sv {

std::optional<MapContext> loadMapContext(const QString& path, QString* error) {
  std::string message;
  auto data = readBaseMap(path.toStdString(), &message);
  if (!data) {
    if (error) *error = QString::fromStdString(message);
    return std::nullopt;
  }
  auto projection = Projection::create(Projection::kDefaultCrs, &message);
  if (!projection) {
    if (error) *error = QString::fromStdString(message);
    return std::nullopt;
  }
  auto baseMap = BaseMap::build(std::move(*data), *projection);
  return MapContext{std::move(*projection), std::move(baseMap), nullptr, QString(), QStringList(), QStringList(), {}};
}

std::shared_ptr<const EventStore> combineStores(const std::vector<std::shared_ptr<const EventStore>>& stores,
                                                QString* error) {
  auto store = EventStore::combine(stores);
  if (!store && error)
    *error = QStringLiteral("more than %1 datasets open at once: close some first").arg(EventStore::kMaxDatasets);
  return store;
}

std::shared_ptr<const EventStore> loadIncidentStore(const QStringList& paths, QString* error, QStringList* problems,
                                                    const Gazetteer* gazetteer, const db::Query& window) {
  std::vector<std::shared_ptr<const EventStore>> stores;
  for (const QString& given : paths) {
    const QString path = withoutPassword(given);
    const std::string file = path.toStdString();
    ImportedDataset dataset = importDatasetCached(given, {}, gazetteer, window);
    const IncidentReadResult& read = dataset.report;
    if (!dataset.store) {
      if (error) *error = QString::fromStdString(read.error);
      return nullptr;
    }
    if (problems) {
      for (const RejectedRecord& rejected : read.rejected)
        *problems << QString::fromStdString(describeRejection(file, rejected, read.recordNoun));
      if (!read.rejected.empty()) {
        *problems << QStringLiteral("%1: %2 of %3 %4s rejected, %5 incidents read")
                         .arg(path, QString::number(read.rejected.size()), QString::number(read.recordsRead),
                              QString::fromStdString(read.recordNoun), QString::number(dataset.store->size()));
      }
    }
    stores.push_back(std::move(dataset.store));
  }
  return combineStores(stores, error);
}

bool loadIncidents(MapContext& context, const QStringList& given, QString* error, const db::Query& window) {
  QStringList problems;
  auto store = loadIncidentStore(given, error, &problems, &context.baseMap->gazetteer(), window);
  if (!store) return false;
  QStringList paths;
  for (const QString& path : given) paths << withoutPassword(path);
  context.incidents = IncidentLayerData::build(std::move(store), context.projection);
  context.incidentsPath = paths.join(QStringLiteral(", "));
  context.incidentProblems = problems;
  context.datasetPaths = paths;
  return true;
}

} // namespace sv
