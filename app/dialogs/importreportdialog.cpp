#include "dialogs/importreportdialog.h"

#include "session/databasesource.h"

#include "io/importer.h"

#include <QDialogButtonBox>
#include <QFileDialog>
#include <QLabel>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSaveFile>
#include <QVBoxLayout>

namespace sv {

ImportReportDialog::ImportReportDialog(std::vector<FileImportReport> reports, QWidget* parent)
    : QDialog(parent), m_reports(std::move(reports)) {
  setWindowTitle(tr("Import Report"));
  QString heading;
  for (const FileImportReport& report : m_reports) {
    const IncidentReadResult& r = report.result;
    heading += tr("<p><b>%1</b> (%2)<br>%3 %4s read: <b>%5 incidents accepted</b>, %6 duplicates merged, "
                  "<b>%7 rejected</b>.</p>")
                   .arg((isDatabaseUri(report.path) ? report.path : QFileInfo(report.path).fileName()).toHtmlEscaped(),
                        QString::fromStdString(r.format).toHtmlEscaped())
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
    text += QString::fromStdString(
        importReportText(report.path.toStdString(), report.result, report.result.rejected.size()));
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
  if (!file.open(QIODevice::WriteOnly) || file.write(json.data(), static_cast<qint64>(json.size())) < 0 ||
      !file.commit()) {
    if (error) *error = tr("%1: cannot write (%2)").arg(path, file.errorString());
    return false;
  }
  return true;
}

void ImportReportDialog::saveWithDialog() {
  const QString path = QFileDialog::getSaveFileName(this, tr("Save Import Report"),
                                                    QStringLiteral("import-report.json"), tr("JSON (*.json)"));
  if (path.isEmpty()) return;
  QString error;
  if (!saveReport(path, &error)) QMessageBox::warning(this, tr("Save Import Report"), error);
}

} // namespace sv
