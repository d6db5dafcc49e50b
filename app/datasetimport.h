#pragma once

#include "domain/gazetteer.h"
#include "io/incidentdataset.h"
#include "render/incidentlayer.h"

#include <QDialog>
#include <QHash>
#include <QString>
#include <QStringList>

#include <atomic>
#include <memory>
#include <vector>

class QPlainTextEdit;

namespace sv {

// What reading one file gave, without its incidents: for the report.
struct FileImportReport {
  QString path;
  IncidentReadResult result; // incidents moved out
};

struct DatasetImportOutcome {
  bool ok = false;
  bool cancelled = false;
  QString error;                                  // the file that could not be read, and why
  std::shared_ptr<const IncidentLayerData> layer; // every open dataset together, projected
  QStringList paths;                              // the datasets now open
  std::vector<FileImportReport> reports;          // one per file read this time
};

// Reads `newPaths` (any format importIncidents reads), matches them to the
// gazetteer, adds them to the incidents of `kept` (the datasets already open,
// at `keptPaths`; null to replace them) and projects the whole for display
// with its own projection. Runs on a worker thread: `cancel` stops it between
// records and `progress` (0–1) follows it. A file that cannot be read, or a
// cancel, gives no layer: the data already shown stays as it is.
// `mappings` gives the column mapping (as `--map` writes it) of files read
// with the generic layout, by absolute path.
DatasetImportOutcome importDatasets(const QStringList& newPaths, const QStringList& keptPaths,
                                    std::shared_ptr<const EventStore> kept, const Gazetteer& gazetteer,
                                    const std::atomic_bool& cancel, std::atomic<double>& progress,
                                    const QHash<QString, QString>& mappings = {});

// The import report in the window: counts per file, notes, and every
// rejected record, with a button that saves it all as JSON.
class ImportReportDialog : public QDialog {
  Q_OBJECT

public:
  ImportReportDialog(std::vector<FileImportReport> reports, QWidget* parent = nullptr);
  QString text() const;
  const std::vector<FileImportReport>& reports() const { return m_reports; }
  bool saveReport(const QString& path, QString* error) const;

private:
  void saveWithDialog();

  std::vector<FileImportReport> m_reports;
  QPlainTextEdit* m_text = nullptr;
};

} // namespace sv
