#pragma once

#include "session/backgroundjob.h"
#include "session/importcache.h"

#include "db/database.h"
#include "domain/gazetteer.h"
#include "io/incidentdataset.h"
#include "render/incidentlayer.h"

#include <QHash>
#include <QString>
#include <QStringList>

#include <atomic>
#include <memory>
#include <vector>

namespace sv {

// What reading one file gave, without its incidents: for the report.
struct FileImportReport {
  QString path;
  IncidentReadResult result; // incidents moved out
};

struct DatasetImportOutcome {
  bool ok = false;
  bool cancelled = false;
  bool forProject = false;                        // the import reopened a project's datasets
  QString error;                                  // the file that could not be read, and why
  QString passwordNeededFor;                      // a database that wants a password (none given, or refused)
  std::shared_ptr<const IncidentLayerData> layer; // every open dataset together, projected
  QStringList paths;                              // the datasets now open
  std::vector<FileImportReport> reports;          // one per file read this time
  QHash<QString, DatabaseWindow> databaseWindows; // the tables read in part, by URI without password
};

// Reads `newPaths` (any format importIncidents reads), matches them to the
// gazetteer, adds them to the incidents of `kept` (the datasets already open,
// at `keptPaths`; null to replace them) and projects the whole for display
// with its own projection. Runs on a worker thread: `job`'s cancel flag stops
// it between records, and its progress (0–1) follows it. A file that cannot be read, or a
// cancel, gives no layer: the data already shown stays as it is.
// `mappings` gives the column mapping (as `--map` writes it) of files read
// with the generic layout, by absolute path. Database tables too large to
// read whole give what their entry in `windows` (by URI without password)
// selects, or their last year.
DatasetImportOutcome importDatasets(const QStringList& newPaths, const QStringList& keptPaths,
                                    std::shared_ptr<const EventStore> kept, const Gazetteer& gazetteer, JobControl& job,
                                    const QHash<QString, QString>& mappings = {},
                                    const QHash<QString, db::Query>& windows = {});

} // namespace sv
