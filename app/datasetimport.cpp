#include "datasetimport.h"

#include "application.h"
#include "importcache.h"

#include "geo/projection.h"
#include "io/importer.h"

#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSaveFile>
#include <QVBoxLayout>

namespace sv {

DatasetImportOutcome importDatasets(const QStringList& newPaths, const QStringList& keptPaths,
                                    std::shared_ptr<const EventStore> kept, const Gazetteer& gazetteer,
                                    const std::atomic_bool& cancel, std::atomic<double>& progress,
                                    const QHash<QString, QString>& mappings) {
  DatasetImportOutcome outcome;
  std::vector<std::shared_ptr<const EventStore>> stores;
  if (kept) {
    stores.push_back(std::move(kept));
    outcome.paths = keptPaths;
  }
  // Reading takes most of the time; combining and projecting the rest.
  const double share = 0.8 / static_cast<double>(std::max<qsizetype>(newPaths.size(), 1));
  for (qsizetype f = 0; f < newPaths.size(); ++f) {
    if (outcome.paths.contains(newPaths[f])) continue; // open already: one layer per file
    ImportOptions options;
    options.cancel = &cancel;
    if (const QString mapping = mappings.value(QFileInfo(newPaths[f]).absoluteFilePath()); !mapping.isEmpty()) {
      std::string problem;
      const auto parsed = parseColumnMapping(mapping.toStdString(), &problem);
      if (!parsed) {
        outcome.error = QStringLiteral("%1: column mapping '%2': %3").arg(newPaths[f], mapping, QString::fromStdString(problem));
        return outcome;
      }
      options.mapping = *parsed;
    }
    options.progress = [&progress, f, share](double p) { progress = (static_cast<double>(f) + p) * share; };
    ImportedDataset dataset = importDatasetCached(newPaths[f], options, &gazetteer);
    if (dataset.report.cancelled || cancel) {
      outcome.cancelled = true;
      return outcome;
    }
    if (!dataset.store) {
      outcome.error = QString::fromStdString(dataset.report.error);
      return outcome;
    }
    stores.push_back(std::move(dataset.store));
    outcome.reports.push_back({newPaths[f], std::move(dataset.report)});
    outcome.paths << newPaths[f];
  }
  progress = 0.85;
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
  progress = 0.95;
  std::string error;
  auto projection = Projection::create(Projection::kDefaultCrs, &error);
  if (!projection) {
    outcome.error = QString::fromStdString(error);
    return outcome;
  }
  outcome.layer = IncidentLayerData::build(std::move(store), *projection);
  progress = 1.0;
  outcome.ok = true;
  return outcome;
}

ImportReportDialog::ImportReportDialog(std::vector<FileImportReport> reports, QWidget* parent)
    : QDialog(parent), m_reports(std::move(reports)) {
  setWindowTitle(tr("Import Report"));
  QString heading;
  for (const FileImportReport& report : m_reports) {
    const IncidentReadResult& r = report.result;
    heading += tr("<p><b>%1</b> (%2)<br>%3 %4s read: <b>%5 incidents accepted</b>, %6 duplicates merged, "
                  "<b>%7 rejected</b>.</p>")
                   .arg(QFileInfo(report.path).fileName().toHtmlEscaped(), QString::fromStdString(r.format).toHtmlEscaped())
                   .arg(r.recordsRead)
                   .arg(QString::fromStdString(r.recordNoun))
                   .arg(r.accepted)
                   .arg(r.merged)
                   .arg(r.rejected.size());
  }
  auto* summary = new QLabel(heading, this);
  summary->setWordWrap(true);
  summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
  m_text = new QPlainTextEdit(this);
  m_text->setReadOnly(true);
  m_text->setLineWrapMode(QPlainTextEdit::NoWrap);
  m_text->setAccessibleName(tr("Rejected records"));
  m_text->setPlainText(text());
  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
  QPushButton* save = buttons->addButton(tr("&Save Report…"), QDialogButtonBox::ActionRole);
  connect(save, &QPushButton::clicked, this, &ImportReportDialog::saveWithDialog);
  connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
  auto* layout = new QVBoxLayout(this);
  layout->addWidget(summary);
  layout->addWidget(m_text, 1);
  layout->addWidget(buttons);
  resize(820, 480);
}

QString ImportReportDialog::text() const {
  QString text;
  for (const FileImportReport& report : m_reports)
    text += QString::fromStdString(importReportText(report.path.toStdString(), report.result, report.result.rejected.size()));
  return text;
}

bool ImportReportDialog::saveReport(const QString& path, QString* error) const {
  std::string json;
  for (const FileImportReport& report : m_reports) {
    if (!json.empty()) json += ",\n";
    json += importReportJson(report.path.toStdString(), report.result);
  }
  if (m_reports.size() != 1) json = "[\n" + json + "]\n";
  QSaveFile file(path);
  if (!file.open(QIODevice::WriteOnly) || file.write(json.data(), static_cast<qint64>(json.size())) < 0 || !file.commit()) {
    if (error) *error = tr("%1: cannot write (%2)").arg(path, file.errorString());
    return false;
  }
  return true;
}

void ImportReportDialog::saveWithDialog() {
  const QString path = QFileDialog::getSaveFileName(this, tr("Save Import Report"), QStringLiteral("import-report.json"),
                                                    tr("JSON (*.json)"));
  if (path.isEmpty()) return;
  QString error;
  if (!saveReport(path, &error)) QMessageBox::warning(this, tr("Save Import Report"), error);
}

} // namespace sv
