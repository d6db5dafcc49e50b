#include "session/datasetimport.h"

#include "session/databasesource.h"
#include "session/importcache.h"
#include "session/mapcontext.h"

#include "geo/projection.h"
#include "io/importer.h"

#include <QFileInfo>

namespace sv {

DatasetImportOutcome importDatasets(const QStringList& newPaths, const QStringList& keptPaths,
                                    std::shared_ptr<const EventStore> kept, const Gazetteer& gazetteer, JobControl& job,
                                    const QHash<QString, QString>& mappings, const QHash<QString, db::Query>& windows) {
  const std::atomic_bool& cancel = *job.cancelFlag();
  DatasetImportOutcome outcome;
  std::vector<std::shared_ptr<const EventStore>> stores;
  if (kept) {
    stores.push_back(std::move(kept));
    outcome.paths = keptPaths;
  }
  // Reading takes most of the time; combining and projecting the rest.
  const double share = 0.8 / static_cast<double>(std::max<qsizetype>(newPaths.size(), 1));
  for (qsizetype f = 0; f < newPaths.size(); ++f) {
    const QString path = withoutPassword(newPaths[f]);
    if (outcome.paths.contains(path)) continue; // open already: one layer per file
    ImportOptions options;
    options.cancel = &cancel;
    if (const QString mapping = mappings.value(QFileInfo(newPaths[f]).absoluteFilePath()); !mapping.isEmpty()) {
      std::string problem;
      const auto parsed = parseColumnMapping(mapping.toStdString(), &problem);
      if (!parsed) {
        outcome.error =
            QStringLiteral("%1: column mapping '%2': %3").arg(newPaths[f], mapping, QString::fromStdString(problem));
        return outcome;
      }
      options.mapping = *parsed;
    }
    options.progress = [&job, f, share](double p) { job.setProgress((static_cast<double>(f) + p) * share); };
    ImportedDataset dataset = importDatasetCached(newPaths[f], options, &gazetteer, windows.value(path));
    if (dataset.report.cancelled || cancel) {
      outcome.cancelled = true;
      return outcome;
    }
    if (!dataset.store) {
      outcome.error = QString::fromStdString(dataset.report.error);
      if (dataset.needsPassword) outcome.passwordNeededFor = path;
      return outcome;
    }
    stores.push_back(std::move(dataset.store));
    if (dataset.databaseWindow) outcome.databaseWindows.insert(path, *dataset.databaseWindow);
    outcome.reports.push_back({path, std::move(dataset.report)});
    outcome.paths << path;
  }
  job.setProgress(0.85);
  QString combineError;
  auto store = combineStores(stores, &combineError);
  if (!store) {
    outcome.error = combineError;
    return outcome;
  }
  if (cancel) {
    outcome.cancelled = true;
    return outcome;
  }
  job.setProgress(0.95);
  std::string error;
  auto projection = Projection::create(Projection::kDefaultCrs, &error);
  if (!projection) {
    outcome.error = QString::fromStdString(error);
    return outcome;
  }
  outcome.layer = IncidentLayerData::build(std::move(store), *projection);
  job.setProgress(1.0);
  outcome.ok = true;
  return outcome;
}

} // namespace sv
