#include "widgets/datasetpanel.h"

#include "session/qtdates.h"
#include "session/session.h"

#include "render/incidentstyle.h"
#include "render/qtext.h"

#include <QCheckBox>
#include <QColorDialog>
#include <QComboBox>
#include <QDateEdit>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPainter>
#include <QPixmap>
#include <QPushButton>
#include <QStyle>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <array>

namespace sv {
namespace {

enum Column { NameColumn, CountColumn, ColourColumn, DrawingColumn };

struct NamedColour {
  const char* name;
  QRgb rgb;
};

// Dark colours, apart from the Okabe–Ito type colours, so that a dataset in
// one colour stands out beside datasets coloured by type.
constexpr std::array<NamedColour, 6> kColours{{{"Charcoal", 0x2b2b2b},
                                               {"Crimson", 0xb2182b},
                                               {"Indigo", 0x3f2a8c},
                                               {"Teal", 0x00555a},
                                               {"Brown", 0x7b4a12},
                                               {"Olive", 0x6b7a00}}};

QIcon swatch(const QColor& colour) {
  QPixmap pixmap(14, 14);
  pixmap.fill(Qt::transparent);
  QPainter painter(&pixmap);
  painter.setRenderHint(QPainter::Antialiasing, true);
  painter.setPen(QColor(0x33, 0x33, 0x33));
  if (colour.isValid()) {
    painter.setBrush(colour);
    painter.drawEllipse(QRectF(1.5, 1.5, 11, 11));
  } else {
    // By type: a wheel of the first type colours.
    for (int t = 0; t < 4; ++t) {
      painter.setBrush(incidentstyle::typeColour(static_cast<EventType>(t)));
      painter.drawPie(QRectF(1.5, 1.5, 11, 11), t * 90 * 16, 90 * 16);
    }
  }
  return QIcon(pixmap);
}

} // namespace

DatasetPanel::DatasetPanel(Session& session, QWidget* parent) : QWidget(parent), m_session(session) {
  m_list = new QTreeWidget(this);
  m_list->setObjectName(QStringLiteral("datasetList"));
  m_list->setColumnCount(4);
  m_list->setHeaderLabels({tr("Dataset"), tr("Incidents"), tr("Colours"), tr("Drawn as")});
  m_list->setRootIsDecorated(false);
  m_list->setUniformRowHeights(true);
  m_list->header()->setStretchLastSection(false);
  m_list->header()->setSectionResizeMode(NameColumn, QHeaderView::Stretch);
  m_list->header()->setSectionResizeMode(CountColumn, QHeaderView::ResizeToContents);
  m_list->header()->setSectionResizeMode(ColourColumn, QHeaderView::ResizeToContents);
  m_list->header()->setSectionResizeMode(DrawingColumn, QHeaderView::ResizeToContents);
  m_list->setAccessibleName(tr("Open datasets"));
  m_details = new QLabel(this);
  m_details->setObjectName(QStringLiteral("datasetDetails"));
  m_details->setWordWrap(true);
  m_details->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::LinksAccessibleByMouse);
  m_details->setOpenExternalLinks(true);
  m_details->setAlignment(Qt::AlignTop | Qt::AlignLeft);
  m_remove = new QPushButton(tr("&Remove"), this);
  m_remove->setObjectName(QStringLiteral("removeDataset"));
  m_remove->setToolTip(tr("Close the selected dataset; the others stay open"));

  // A table too large to read whole: which part is shown, and another to fetch.
  m_part = new QWidget(this);
  m_part->setObjectName(QStringLiteral("databasePart"));
  m_partText = new QLabel(m_part);
  m_partText->setWordWrap(true);
  m_partFrom = new QDateEdit(m_part);
  m_partTo = new QDateEdit(m_part);
  for (QDateEdit* edit : {m_partFrom, m_partTo}) {
    edit->setCalendarPopup(true);
    edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
  }
  m_partFrom->setObjectName(QStringLiteral("partFrom"));
  m_partTo->setObjectName(QStringLiteral("partTo"));
  m_partInView = new QCheckBox(tr("Only what the map shows"), m_part);
  m_partInView->setObjectName(QStringLiteral("partInView"));
  m_partFetch = new QPushButton(tr("&Fetch"), m_part);
  m_partFetch->setObjectName(QStringLiteral("partFetch"));
  m_partFetch->setToolTip(tr("Read these days of the table from the database, in place of those shown"));
  auto* partDates = new QHBoxLayout;
  partDates->addWidget(new QLabel(tr("From"), m_part));
  partDates->addWidget(m_partFrom, 1);
  partDates->addWidget(new QLabel(tr("to"), m_part));
  partDates->addWidget(m_partTo, 1);
  auto* partButtons = new QHBoxLayout;
  partButtons->addWidget(m_partInView, 1);
  partButtons->addWidget(m_partFetch);
  auto* partLayout = new QVBoxLayout(m_part);
  partLayout->setContentsMargins(0, 0, 0, 0);
  partLayout->addWidget(m_partText);
  partLayout->addLayout(partDates);
  partLayout->addLayout(partButtons);
  m_part->hide();
  connect(m_partFetch, &QPushButton::clicked, this, &DatasetPanel::fetchDatabaseWindow);

  auto* buttons = new QHBoxLayout;
  buttons->addStretch(1);
  buttons->addWidget(m_remove);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(4, 4, 4, 4);
  layout->addWidget(m_list, 1);
  layout->addLayout(buttons);
  layout->addWidget(m_part);
  layout->addWidget(m_details, 1);

  connect(m_list, &QTreeWidget::currentItemChanged, this, &DatasetPanel::showDetails);
  connect(m_list, &QTreeWidget::itemChanged, this, [this](QTreeWidgetItem* item, int column) {
    if (m_filling || column != NameColumn) return;
    m_session.setDatasetVisible(static_cast<std::size_t>(m_list->indexOfTopLevelItem(item)),
                                item->checkState(NameColumn) == Qt::Checked);
  });
  connect(m_remove, &QPushButton::clicked, this, [this] {
    if (m_list->currentItem() && m_infos.size() > 1) m_session.removeDataset(currentDataset());
  });
  connect(&m_session, &Session::datasetsChanged, this, &DatasetPanel::showDatasets);
  // Removing re-reads the other datasets: not while an import runs.
  connect(&m_session, &Session::importStarted, m_remove, [this] { m_remove->setEnabled(false); });
  connect(&m_session, &Session::importFinished, m_remove, [this] { m_remove->setEnabled(m_infos.size() > 1); });
  connect(&m_session, &Session::stylesChanged, this, &DatasetPanel::showStyles);
  connect(&m_session, &Session::staleChanged, this, [this](std::size_t dataset) {
    fillRow(dataset);
    if (dataset == currentDataset()) showDetails();
  });
  showDatasets();
}

QStringList DatasetPanel::colourChoices() {
  QStringList choices{tr("By event type")};
  for (const NamedColour& colour : kColours) choices << tr(colour.name);
  return choices;
}

QColor DatasetPanel::suggestedColour(std::size_t dataset) { return QColor(kColours[dataset % kColours.size()].rgb); }

void DatasetPanel::showDatasets() {
  m_filling = true;
  m_infos.clear();
  m_sizes.clear();
  if (const auto store = m_session.store()) {
    for (std::size_t d = 0; d < store->datasetCount(); ++d) m_infos.push_back(store->datasetInfo(d));
    m_sizes = store->datasetSizes();
  }
  m_list->clear();
  m_colourBoxes.clear();
  m_drawingBoxes.clear();
  for (std::size_t d = 0; d < m_infos.size(); ++d) {
    auto* item = new QTreeWidgetItem(m_list);
    item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
    auto* box = new QComboBox(m_list);
    box->setAccessibleName(tr("Colours of %1").arg(q(m_infos[d].name)));
    box->addItem(swatch(QColor()), tr("By event type"));
    for (const NamedColour& colour : kColours)
      box->addItem(swatch(QColor(colour.rgb)), tr(colour.name), QColor(colour.rgb));
    box->addItem(tr("Other colour…"));
    m_list->setItemWidget(item, ColourColumn, box);
    m_colourBoxes.push_back(box);
    connect(box, &QComboBox::activated, this, [this, d](int choice) { chooseColour(d, choice); });
    auto* drawing = new QComboBox(m_list);
    drawing->setAccessibleName(tr("How %1 is drawn").arg(q(m_infos[d].name)));
    drawing->setToolTip(tr("Symbols, counts in hexagons (density), or density when the symbols would not fit"));
    drawing->addItem(tr("Automatic"), static_cast<int>(DatasetDrawing::Automatic));
    drawing->addItem(tr("Symbols"), static_cast<int>(DatasetDrawing::Symbols));
    drawing->addItem(tr("Density"), static_cast<int>(DatasetDrawing::Density));
    m_list->setItemWidget(item, DrawingColumn, drawing);
    m_drawingBoxes.push_back(drawing);
    connect(drawing, &QComboBox::activated, this, [this, d, drawing](int choice) {
      m_session.setDatasetDrawing(d, static_cast<DatasetDrawing>(drawing->itemData(choice).toInt()));
    });
    fillRow(d);
  }
  m_filling = false;
  if (!m_infos.empty()) m_list->setCurrentItem(m_list->topLevelItem(0));
  m_remove->setEnabled(m_infos.size() > 1);
  showDetails();
}

void DatasetPanel::showStyles() {
  for (std::size_t d = 0; d < m_infos.size(); ++d) fillRow(d);
}

void DatasetPanel::fillRow(std::size_t dataset) {
  if (dataset >= m_infos.size() || dataset >= m_session.styles().size()) return;
  const bool filling = m_filling;
  m_filling = true;
  QTreeWidgetItem* item = m_list->topLevelItem(static_cast<int>(dataset));
  const DatasetInfo& info = m_infos[dataset];
  const DatasetStyle& style = m_session.styles()[dataset];
  const QStringList& paths = m_session.datasetPaths();
  const QString name = q(info.name.empty() ? info.title : info.name);
  // A database whose server is gone keeps showing what it read, marked as such.
  const bool stale = m_session.isStale(dataset);
  item->setText(NameColumn, stale ? tr("%1 (offline)").arg(name) : name);
  item->setIcon(NameColumn, stale ? QWidget::style()->standardIcon(QStyle::SP_MessageBoxWarning) : QIcon());
  item->setForeground(NameColumn, stale ? palette().brush(QPalette::Disabled, QPalette::Text)
                                        : palette().brush(QPalette::Active, QPalette::Text));
  const QString path =
      dataset < static_cast<std::size_t>(paths.size()) ? paths[static_cast<qsizetype>(dataset)] : QString();
  item->setToolTip(
      NameColumn,
      stale ? tr("%1\nOffline: %2\nShowing what was read last; reconnecting.").arg(path, m_session.staleReason(dataset))
            : path);
  item->setCheckState(NameColumn, style.visible ? Qt::Checked : Qt::Unchecked);
  item->setText(CountColumn,
                QLocale().toString(static_cast<qulonglong>(dataset < m_sizes.size() ? m_sizes[dataset] : 0)));
  item->setTextAlignment(CountColumn, Qt::AlignRight | Qt::AlignVCenter);
  QComboBox* box = m_colourBoxes[dataset];
  const int other = box->count() - 1;
  int index = 0;
  if (style.colour.isValid()) {
    index = box->findData(style.colour);
    if (index < 0) {
      // A colour picked by hand: shown as its own entry above "Other colour…".
      box->insertItem(other, swatch(style.colour), style.colour.name(), style.colour);
      index = other;
    }
  }
  box->setCurrentIndex(index);
  m_drawingBoxes[dataset]->setCurrentIndex(m_drawingBoxes[dataset]->findData(static_cast<int>(style.drawing)));
  m_filling = filling;
}

void DatasetPanel::chooseColour(std::size_t dataset, int choice) {
  QComboBox* box = m_colourBoxes[dataset];
  QColor colour;
  if (choice == box->count() - 1) {
    const QColor current = m_session.styles()[dataset].colour;
    colour = QColorDialog::getColor(current.isValid() ? current : suggestedColour(dataset), this,
                                    tr("Colour of %1").arg(q(m_infos[dataset].name)));
    if (!colour.isValid()) { // cancelled
      fillRow(dataset);
      return;
    }
  } else if (choice > 0) {
    colour = box->itemData(choice).value<QColor>();
  }
  m_session.setDatasetColour(dataset, colour);
  fillRow(dataset); // a colour the session had already is shown again
}

void DatasetPanel::selectDataset(std::size_t dataset) {
  if (dataset < m_infos.size()) m_list->setCurrentItem(m_list->topLevelItem(static_cast<int>(dataset)));
}

std::size_t DatasetPanel::currentDataset() const {
  const int row = m_list->indexOfTopLevelItem(m_list->currentItem());
  return row < 0 ? 0 : static_cast<std::size_t>(row);
}

void DatasetPanel::showDatabaseWindow() {
  const auto part = m_list->currentItem() ? m_session.databaseWindow(currentDataset()) : std::nullopt;
  m_part->setVisible(part.has_value());
  if (!part) return;
  const QDate first = toQDate(part->tableFirst), last = toQDate(part->tableLast);
  const QDate from = toQDate(part->query.from.value_or(part->tableFirst));
  const QDate to = toQDate(part->query.to.value_or(part->tableLast));
  m_partText->setText(
      tr("The table holds about %1 incidents, %2 to %3: more than are read whole. Shown: %4 to %5%6.")
          .arg(QLocale().toString(static_cast<qlonglong>(part->tableRows)),
               QLocale().toString(first, QLocale::ShortFormat), QLocale().toString(last, QLocale::ShortFormat),
               QLocale().toString(from, QLocale::ShortFormat), QLocale().toString(to, QLocale::ShortFormat),
               part->query.extent ? tr(", inside the view it was fetched for") : QString()));
  for (QDateEdit* edit : {m_partFrom, m_partTo}) edit->setDateRange(first, last);
  m_partFrom->setDate(from);
  m_partTo->setDate(to);
  m_partInView->setChecked(part->query.extent.has_value());
  m_partInView->setEnabled(static_cast<bool>(m_viewExtent));
}

void DatasetPanel::fetchDatabaseWindow() {
  if (!m_list->currentItem()) return;
  db::Query query;
  query.from = fromQDate(std::min(m_partFrom->date(), m_partTo->date()));
  query.to = fromQDate(std::max(m_partFrom->date(), m_partTo->date()));
  if (m_partInView->isChecked() && m_viewExtent) query.extent = m_viewExtent();
  m_session.fetchDatabaseWindow(currentDataset(), query);
}

void DatasetPanel::showDetails() {
  showDatabaseWindow();
  if (m_infos.empty() || !m_list->currentItem()) {
    m_details->clear();
    return;
  }
  const std::size_t d = currentDataset();
  const DatasetInfo& info = m_infos[d];
  const auto escaped = [](const std::string& text) {
    return q(text).toHtmlEscaped().replace(QLatin1Char('\n'), QStringLiteral("<br>"));
  };
  QString html = QStringLiteral("<b>%1</b>").arg(escaped(info.title.empty() ? info.name : info.title));
  if (!info.description.empty()) html += QStringLiteral("<br>%1").arg(escaped(info.description));
  if (!info.compiled.empty()) html += QStringLiteral("<br>") + tr("Compiled: %1").arg(escaped(info.compiled));
  html += QStringLiteral("<p>") +
          (info.licence.empty() ? tr("No attribution given: check the terms of whoever supplied this file.")
                                : tr("Attribution: %1").arg(escaped(info.licence))) +
          QStringLiteral("</p>");
  if (m_session.isStale(d))
    html +=
        QStringLiteral("<p><b>%1</b><br>%2</p>")
            .arg(tr("Offline: showing what was read last, reconnecting."), m_session.staleReason(d).toHtmlEscaped());
  const QStringList& paths = m_session.datasetPaths();
  if (d < static_cast<std::size_t>(paths.size()))
    html += QStringLiteral("<p><small>%1</small></p>").arg(paths[static_cast<qsizetype>(d)].toHtmlEscaped());
  m_details->setText(html);
}

} // namespace sv
