#pragma once

#include "io/tablepreview.h"

#include <QDialog>
#include <QString>

#include <string>
#include <utility>
#include <vector>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QTableWidget;

namespace sv {

// Which column of a user's own table holds which field, chosen over a
// preview of its first rows, as QGIS's delimited-text import does. Each role
// of the generic layout (date, end, lat, lon, WKT, place, type, fatalities,
// actors…) has a box listing the columns; they start from the columns' usual
// names. Below, the mapping is tried on the preview rows as it changes:
// what it lacks, or how many rows it reads and the first problem met.
class ColumnMappingDialog : public QDialog {
  Q_OBJECT

public:
  ColumnMappingDialog(const QString& path, TablePreview preview, QWidget* parent = nullptr);

  const QString& path() const { return m_path; }
  ColumnMapping mapping() const;
  // Chooses the column of a role (an empty column clears it), as a user would in its box.
  bool setColumn(const QString& role, const QString& column);
  const MappingCheck& check() const { return m_check; }
  QString checkText() const;

private:
  void updateCheck();

  QString m_path;
  TablePreview m_preview;
  std::vector<std::pair<std::string, QComboBox*>> m_roles;
  QTableWidget* m_table = nullptr;
  QLabel* m_status = nullptr;
  QDialogButtonBox* m_buttons = nullptr;
  MappingCheck m_check;
};

} // namespace sv
