#pragma once

#include "session/datasetimport.h"

#include <QDialog>

#include <vector>

class QPlainTextEdit;

namespace sv {

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
