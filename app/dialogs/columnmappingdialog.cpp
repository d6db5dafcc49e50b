#include "dialogs/columnmappingdialog.h"
#include "render/qtext.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileInfo>
#include <QGridLayout>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace sv {
namespace {

// The reader's reasons speak of the command line's --map; here the boxes do that.
QString withoutCommandHint(std::string_view problem) {
  QString text = q(problem);
  const qsizetype hint = text.indexOf(QLatin1String("; name it with --map"));
  return hint < 0 ? text : text.left(hint);
}

QString delimiterName(char delimiter) {
  switch (delimiter) {
    case ',': return ColumnMappingDialog::tr("comma");
    case ';': return ColumnMappingDialog::tr("semicolon");
    case '\t': return ColumnMappingDialog::tr("tab");
    case '|': return ColumnMappingDialog::tr("vertical bar");
    default: return QString(QLatin1Char(delimiter));
  }
}

} // namespace

ColumnMappingDialog::ColumnMappingDialog(const QString& path, TablePreview preview, QWidget* parent)
    : QDialog(parent), m_path(path), m_preview(std::move(preview)) {
  setWindowTitle(tr("Columns of %1").arg(QFileInfo(path).fileName()));
  auto* intro = new QLabel(this);
  intro->setWordWrap(true);
  intro->setTextFormat(Qt::RichText); // what it quotes of the file is escaped
  QString text =
      m_preview.format == ImportFormat::Ogr
          ? tr("Layer <b>%1</b>, %2 fields.").arg(q(m_preview.layer).toHtmlEscaped()).arg(m_preview.header.size())
          : tr("Delimited text, %1-separated, %2 columns.")
                .arg(delimiterName(m_preview.delimiter))
                .arg(m_preview.header.size());
  if (!m_preview.problem.empty())
    text +=
        QLatin1Char(' ') + tr("Read as it is: <i>%1</i>.").arg(withoutCommandHint(m_preview.problem).toHtmlEscaped());
  text += QLatin1Char(' ') + tr("Say which column holds each field; a date and a position (latitude and longitude, "
                                "a WKT point, or the features' own geometry) are needed.");
  intro->setText(text);

  auto* roles = new QGroupBox(tr("Fields"), this);
  auto* grid = new QGridLayout(roles);
  const auto& all = columnMappingRoles();
  const int perColumn = static_cast<int>((all.size() + 1) / 2);
  for (std::size_t r = 0; r < all.size(); ++r) {
    const auto& [role, meaning] = all[r];
    auto* label = new QLabel(q(role), roles);
    label->setToolTip(q(meaning));
    auto* box = new QComboBox(roles);
    box->setToolTip(q(meaning));
    box->setAccessibleName(q(role));
    box->addItem(tr("(none)"));
    for (const std::string& column : m_preview.header) box->addItem(q(column));
    for (const auto& [guessedRole, column] : m_preview.guessed.columns)
      if (guessedRole == role) box->setCurrentIndex(box->findText(q(column)));
    label->setBuddy(box);
    const int row = static_cast<int>(r) % perColumn;
    const int column = static_cast<int>(r) / perColumn * 2;
    grid->addWidget(label, row, column);
    grid->addWidget(box, row, column + 1);
    m_roles.emplace_back(std::string(role), box);
    connect(box, &QComboBox::currentIndexChanged, this, &ColumnMappingDialog::updateCheck);
  }
  grid->setColumnStretch(1, 1);
  grid->setColumnStretch(3, 1);

  m_table = new QTableWidget(static_cast<int>(m_preview.rows.size()), static_cast<int>(m_preview.header.size()), this);
  QStringList labels;
  for (const std::string& column : m_preview.header) labels << q(column);
  m_table->setHorizontalHeaderLabels(labels);
  for (std::size_t r = 0; r < m_preview.rows.size(); ++r)
    for (std::size_t c = 0; c < m_preview.rows[r].size() && c < m_preview.header.size(); ++c)
      m_table->setItem(static_cast<int>(r), static_cast<int>(c),
                       new QTableWidgetItem(q(m_preview.rows[r][c]).simplified()));
  m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
  m_table->setWordWrap(false);
  m_table->horizontalHeader()->setDefaultSectionSize(110);
  m_table->setAccessibleName(tr("The first rows of the file"));

  m_status = new QLabel(this);
  m_status->setObjectName(QStringLiteral("mappingStatus"));
  m_status->setWordWrap(true);
  // It quotes the file's values: shown as they are, never as markup.
  m_status->setTextFormat(Qt::PlainText);
  m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
  m_buttons->button(QDialogButtonBox::Ok)->setText(tr("&Import"));
  connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
  connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

  auto* layout = new QVBoxLayout(this);
  layout->addWidget(intro);
  layout->addWidget(roles);
  layout->addWidget(new QLabel(tr("The first %n rows:", nullptr, static_cast<int>(m_preview.rows.size())), this));
  layout->addWidget(m_table, 1);
  layout->addWidget(m_status);
  layout->addWidget(m_buttons);
  resize(900, 640);
  updateCheck();
}

ColumnMapping ColumnMappingDialog::mapping() const {
  ColumnMapping mapping;
  for (const auto& [role, box] : m_roles)
    if (box->currentIndex() > 0) mapping.columns.emplace_back(role, box->currentText().toStdString());
  return mapping;
}

bool ColumnMappingDialog::setColumn(const QString& role, const QString& column) {
  const auto found = std::find_if(m_roles.begin(), m_roles.end(), [&](const auto& r) { return q(r.first) == role; });
  if (found == m_roles.end()) return false;
  const int index = column.isEmpty() ? 0 : found->second->findText(column);
  if (index < 0) return false;
  found->second->setCurrentIndex(index);
  return true;
}

QString ColumnMappingDialog::checkText() const {
  if (!m_check.usable) return tr("Not yet: %1").arg(withoutCommandHint(m_check.problem));
  QString text = tr("%1 of the %2 rows shown become incidents.").arg(m_check.accepted).arg(m_preview.rows.size());
  if (m_check.rejected > 0) text += QLatin1Char(' ') + tr("First problem: %1").arg(q(m_check.problem));
  return text;
}

void ColumnMappingDialog::updateCheck() {
  m_check = checkMapping(m_preview, mapping(), QFileInfo(m_path).completeBaseName().toStdString());
  m_status->setText(checkText());
  m_buttons->button(QDialogButtonBox::Ok)->setEnabled(m_check.usable);
  // The columns in use stand out in the preview.
  for (int c = 0; c < m_table->columnCount(); ++c) {
    const QString name = m_table->horizontalHeaderItem(c)->text();
    const bool used =
        std::any_of(m_roles.begin(), m_roles.end(), [&](const auto& r) { return r.second->currentText() == name; });
    QFont font = m_table->horizontalHeaderItem(c)->font();
    font.setBold(used);
    m_table->horizontalHeaderItem(c)->setFont(font);
  }
}

} // namespace sv
