#include "widgets/incidenttable.h"

#include "export/incidentreport.h"

#include "control/timecontroller.h"
#include "domain/textfold.h"
#include "io/csv.h"
#include "render/incidentstyle.h"
#include "render/qtext.h"

#include <QApplication>
#include <QClipboard>
#include <QFile>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QMimeData>
#include <QPushButton>
#include <QSaveFile>
#include <QScrollBar>
#include <QTableView>
#include <QTextStream>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>
#include <limits>
#include <numeric>

namespace sv {
namespace {

bool contains(std::string_view folded, const std::string& needle) {
  return folded.find(needle) != std::string_view::npos;
}

// The first actor named, preferring the primary ones: the actor column's sort key.
std::optional<std::uint32_t> leadActor(const EventStore& store, EventStore::Index i) {
  std::optional<std::uint32_t> lead;
  for (const ActorRef& ref : store.actors(i)) {
    if (ref.role == ActorRole::Primary) return ref.actor;
    if (!lead) lead = ref.actor;
  }
  return lead;
}

Actors actorsOf(const EventStore& store, EventStore::Index i) {
  Actors actors;
  for (const ActorRef& ref : store.actors(i)) {
    std::string name(store.string(ref.actor));
    switch (ref.role) {
      case ActorRole::Primary: actors.primary.push_back(std::move(name)); break;
      case ActorRole::Secondary: actors.secondary.push_back(std::move(name)); break;
      case ActorRole::Associated: actors.associated.push_back(std::move(name)); break;
    }
  }
  return actors;
}

// Not reported sorts below "reported, no figure", which sorts below any figure.
std::int64_t fatalityKey(const EventStore& store, EventStore::Index i) {
  const Fatalities f = store.fatalities(i);
  if (!f.reported) return -2;
  return f.low ? *f.low : -1;
}

QString oneLine(QString text) {
  text.replace(QLatin1Char('\n'), QLatin1Char(' '));
  text.replace(QLatin1Char('\r'), QLatin1Char(' '));
  text.replace(QLatin1Char('\t'), QLatin1Char(' '));
  return text;
}

} // namespace

IncidentTableModel::IncidentTableModel(QObject* parent) : QAbstractTableModel(parent) {}

void IncidentTableModel::setStore(std::shared_ptr<const EventStore> store) {
  beginResetModel();
  m_store = std::move(store);
  m_inRange.clear();
  m_rows.clear();
  m_stringRanks.clear();
  endResetModel();
}

bool IncidentTableModel::setIncidents(DayRange range, const IncidentFilter& filter) {
  std::vector<EventStore::Index> inRange;
  if (m_store) inRange = m_store->overlapping(range.from, range.to, filter);
  if (inRange == m_inRange) return false;
  m_inRange = std::move(inRange);
  std::vector<EventStore::Index> rows = arrangedRows();
  if (rows == m_rows) return false;
  beginResetModel();
  m_rows = std::move(rows);
  endResetModel();
  return true;
}

bool IncidentTableModel::setSearchText(const QString& text) {
  if (text == m_search) return false;
  m_search = text;
  std::vector<EventStore::Index> rows = arrangedRows();
  if (rows == m_rows) return false;
  beginResetModel();
  m_rows = std::move(rows);
  endResetModel();
  return true;
}

std::vector<EventStore::Index> IncidentTableModel::arrangedRows() const {
  std::vector<EventStore::Index> rows;
  const std::string needle = foldText(m_search.trimmed().toStdString());
  if (!m_store || needle.empty()) {
    rows = m_inRange;
  } else {
    const EventStore& store = *m_store;
    // Pooled names (places, regions, actors) are folded once each.
    std::vector<std::int8_t> pooled(store.strings().size(), -1);
    const auto pooledMatch = [&](std::uint32_t id) {
      std::int8_t& match = pooled[id];
      if (match < 0) match = contains(foldText(store.string(id)), needle) ? 1 : 0;
      return match == 1;
    };
    std::array<bool, kEventTypeCount> typeMatch{};
    for (int t = 0; t < kEventTypeCount; ++t)
      typeMatch[static_cast<std::size_t>(t)] = contains(foldText(eventTypeName(static_cast<EventType>(t))), needle);
    std::array<bool, kSubEventTypeCount> subTypeMatch{};
    for (int t = 0; t < kSubEventTypeCount; ++t)
      subTypeMatch[static_cast<std::size_t>(t)] =
          contains(foldText(subEventTypeName(static_cast<SubEventType>(t))), needle);
    for (EventStore::Index i : m_inRange) {
      bool match = pooledMatch(store.placeId(i)) || pooledMatch(store.regionId(i)) ||
                   typeMatch[static_cast<std::size_t>(store.type(i))] ||
                   subTypeMatch[static_cast<std::size_t>(store.subType(i))];
      if (!match)
        for (const ActorRef& ref : store.actors(i))
          if ((match = pooledMatch(ref.actor))) break;
      if (!match) match = contains(foldText(store.summary(i)), needle) || contains(foldText(store.id(i)), needle);
      if (match) rows.push_back(i);
    }
  }
  sortRows(rows);
  return rows;
}

const std::vector<std::uint32_t>& IncidentTableModel::stringRanks() const {
  if (m_stringRanks.empty() && m_store) {
    const StringPool& pool = m_store->strings();
    std::vector<std::string> folded(pool.size());
    std::vector<std::uint32_t> order(pool.size());
    for (std::uint32_t id = 0; id < pool.size(); ++id) folded[id] = foldText(pool.at(id));
    std::iota(order.begin(), order.end(), 0u);
    std::sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
      return folded[a] != folded[b] ? folded[a] < folded[b] : pool.at(a) < pool.at(b);
    });
    m_stringRanks.resize(pool.size());
    for (std::uint32_t rank = 0; rank < order.size(); ++rank) m_stringRanks[order[rank]] = rank;
  }
  return m_stringRanks;
}

void IncidentTableModel::sortRows(std::vector<EventStore::Index>& rows) const {
  if (!m_store) return;
  const EventStore& store = *m_store;
  // Store order is date order (start, end, id), and every sort breaks ties by it.
  std::sort(rows.begin(), rows.end());
  const auto byKey = [&](auto key) {
    using Key = decltype(key(EventStore::Index{}));
    std::vector<std::pair<Key, EventStore::Index>> keyed;
    keyed.reserve(rows.size());
    for (EventStore::Index i : rows) keyed.emplace_back(key(i), i);
    std::stable_sort(keyed.begin(), keyed.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    for (std::size_t k = 0; k < rows.size(); ++k) rows[k] = keyed[k].second;
  };
  switch (m_sortColumn) {
    case PlaceColumn: {
      const auto& ranks = stringRanks();
      byKey([&](EventStore::Index i) { return ranks[store.placeId(i)]; });
      break;
    }
    case RegionColumn: {
      const auto& ranks = stringRanks();
      byKey([&](EventStore::Index i) { return ranks[store.regionId(i)]; });
      break;
    }
    case TypeColumn:
      byKey([&](EventStore::Index i) {
        return static_cast<unsigned>(store.type(i)) * 256u + static_cast<unsigned>(store.subType(i));
      });
      break;
    case ActorsColumn: {
      const auto& ranks = stringRanks();
      byKey([&](EventStore::Index i) {
        const auto lead = leadActor(store, i);
        return lead ? ranks[*lead] : std::numeric_limits<std::uint32_t>::max();
      });
      break;
    }
    case FatalitiesColumn: byKey([&](EventStore::Index i) { return fatalityKey(store, i); }); break;
    case SummaryColumn: byKey([&](EventStore::Index i) { return store.summary(i); }); break;
    case IdColumn: byKey([&](EventStore::Index i) { return store.id(i); }); break;
    case DatasetColumn: byKey([&](EventStore::Index i) { return store.dataset(i); }); break;
    default: break;
  }
  if (m_sortOrder == Qt::DescendingOrder) std::reverse(rows.begin(), rows.end());
}

void IncidentTableModel::sort(int column, Qt::SortOrder order) {
  if (column < 0 || column >= ColumnCount) column = DateColumn;
  if (column == m_sortColumn && order == m_sortOrder) return;
  emit layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
  const QModelIndexList before = persistentIndexList();
  std::vector<EventStore::Index> incidents;
  incidents.reserve(static_cast<std::size_t>(before.size()));
  for (const QModelIndex& index : before) incidents.push_back(incidentAt(index.row()));
  m_sortColumn = column;
  m_sortOrder = order;
  sortRows(m_rows);
  QModelIndexList after;
  after.reserve(before.size());
  std::vector<int> rowOfIncident;
  if (!before.isEmpty() && m_store) {
    rowOfIncident.assign(m_store->size(), -1);
    for (std::size_t row = 0; row < m_rows.size(); ++row) rowOfIncident[m_rows[row]] = static_cast<int>(row);
  }
  for (qsizetype k = 0; k < before.size(); ++k)
    after.push_back(index(rowOfIncident[incidents[static_cast<std::size_t>(k)]], before[k].column()));
  changePersistentIndexList(before, after);
  emit layoutChanged({}, QAbstractItemModel::VerticalSortHint);
}

std::optional<int> IncidentTableModel::rowOf(EventStore::Index incident) const {
  const auto it = std::find(m_rows.begin(), m_rows.end(), incident);
  if (it == m_rows.end()) return std::nullopt;
  return static_cast<int>(it - m_rows.begin());
}

int IncidentTableModel::rowCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int IncidentTableModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

QString IncidentTableModel::cellText(EventStore::Index i, int column) const {
  const EventStore& store = *m_store;
  switch (column) {
    case DateColumn: return q(formatDateSpan(store.start(i), store.end(i), store.datePrecision(i)));
    case PlaceColumn: return q(store.place(i));
    case RegionColumn: return q(store.region(i));
    case TypeColumn: return q(eventTypeName(store.type(i)));
    case ActorsColumn: return q(describeActors(actorsOf(store, i)));
    case FatalitiesColumn: return q(formatFatalities(store.fatalities(i)));
    case SummaryColumn: return oneLine(q(store.summary(i)));
    case IdColumn: return q(store.id(i));
    case DatasetColumn: return q(store.datasetInfo(store.dataset(i)).name);
    default: return {};
  }
}

QVariant IncidentTableModel::data(const QModelIndex& index, int role) const {
  if (!index.isValid() || !m_store || index.row() < 0 || index.row() >= rowCount() || index.column() < 0 ||
      index.column() >= ColumnCount)
    return {};
  const EventStore::Index i = incidentAt(index.row());
  switch (role) {
    case Qt::DisplayRole: return cellText(i, index.column());
    case IncidentRole: return static_cast<uint>(i);
    case Qt::DecorationRole:
      if (index.column() == TypeColumn) return incidentstyle::typeColour(m_store->type(i));
      return {};
    case Qt::TextAlignmentRole:
      if (index.column() == FatalitiesColumn) return QVariant(Qt::AlignRight | Qt::AlignVCenter);
      return {};
    case Qt::ToolTipRole:
      switch (index.column()) {
        case DateColumn:
          return tr("%1 to %2, known to the %3")
              .arg(q(formatIsoDate(m_store->start(i))), q(formatIsoDate(m_store->end(i))),
                   q(datePrecisionName(m_store->datePrecision(i))));
        case PlaceColumn: {
          QString tip = tr("Location precision: %1").arg(q(locationPrecisionName(m_store->locationPrecision(i))));
          if (!m_store->cercle(i).empty()) tip = tr("%1 cercle").arg(q(m_store->cercle(i))) + QLatin1Char('\n') + tip;
          if (!m_store->locationNote(i).empty()) tip += QLatin1Char('\n') + q(m_store->locationNote(i));
          return tip;
        }
        case TypeColumn:
          if (m_store->subType(i) == SubEventType::Unspecified) return {};
          return QStringLiteral("%1 / %2").arg(q(eventTypeName(m_store->type(i))),
                                               q(subEventTypeName(m_store->subType(i))));
        case SummaryColumn:
        case ActorsColumn: return cellText(i, index.column());
        case DatasetColumn: {
          const DatasetInfo& dataset = m_store->datasetInfo(m_store->dataset(i));
          return dataset.title.empty() ? q(dataset.name) : q(dataset.title);
        }
        default: return {};
      }
    default: return {};
  }
}

QVariant IncidentTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
  if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
    return QAbstractTableModel::headerData(section, orientation, role);
  switch (section) {
    case DateColumn: return tr("Date");
    case PlaceColumn: return tr("Place");
    case RegionColumn: return tr("Region");
    case TypeColumn: return tr("Type");
    case ActorsColumn: return tr("Actors");
    case FatalitiesColumn: return tr("Fatalities");
    case SummaryColumn: return tr("Summary");
    case IdColumn: return tr("Id");
    case DatasetColumn: return tr("Dataset");
    default: return {};
  }
}

void IncidentTableModel::writeCsv(QTextStream& out, const std::vector<int>& rows) const {
  out << q(csvRow(incidentCsvHeader()));
  if (!m_store) return;
  const auto write = [&](EventStore::Index i) { out << q(csvRow(incidentCsvFields(m_store->incident(i)))); };
  if (rows.empty()) {
    for (EventStore::Index i : m_rows) write(i);
  } else {
    for (int row : rows)
      if (row >= 0 && row < rowCount()) write(incidentAt(row));
  }
}

QString IncidentTableModel::tabSeparated(const std::vector<int>& rows) const {
  QStringList lines;
  QStringList header;
  // The dataset column only when there are datasets to tell apart, as in the table.
  const int columns = m_store && m_store->datasetCount() > 1 ? ColumnCount : DatasetColumn;
  for (int c = 0; c < columns; ++c) header << headerData(c, Qt::Horizontal).toString();
  lines << header.join(QLatin1Char('\t'));
  for (int row : rows) {
    if (row < 0 || row >= rowCount()) continue;
    QStringList cells;
    for (int c = 0; c < columns; ++c) cells << oneLine(cellText(incidentAt(row), c));
    lines << cells.join(QLatin1Char('\t'));
  }
  return lines.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

IncidentTablePanel::IncidentTablePanel(std::shared_ptr<const EventStore> store, TimeController* controller,
                                       QWidget* parent)
    : QWidget(parent), m_controller(controller) {
  m_model = new IncidentTableModel(this);
  m_model->setStore(std::move(store));
  m_search = new QLineEdit(this);
  m_search->setPlaceholderText(tr("Search the range: place, actor, type, summary, id"));
  m_search->setClearButtonEnabled(true);
  m_search->setAccessibleName(tr("Search incidents"));
  m_count = new QLabel(this);
  auto* copy = new QPushButton(tr("Cop&y"), this);
  copy->setToolTip(tr("Copy the selected rows, or every row shown, as tab-separated text"));
  auto* exportButton = new QPushButton(tr("E&xport CSV…"), this);
  exportButton->setToolTip(tr("Save the rows shown, every field with their sources, as CSV"));
  m_view = new QTableView(this);
  m_view->setModel(m_model);
  m_view->setSortingEnabled(true);
  m_view->sortByColumn(IncidentTableModel::DateColumn, Qt::AscendingOrder);
  m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
  m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
  m_view->setAlternatingRowColors(true);
  m_view->setWordWrap(false);
  m_view->verticalHeader()->hide();
  m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
  m_view->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 6);
  // Columns as wide as their usual longest text; the summary takes the rest.
  const QFontMetrics metrics = m_view->fontMetrics();
  const auto fit = [&](const QString& sample, int extra = 0) { return metrics.horizontalAdvance(sample) + 18 + extra; };
  m_view->setColumnWidth(IncidentTableModel::DateColumn, fit(QStringLiteral("~23\u201329 Aug 2025")));
  m_view->setColumnWidth(IncidentTableModel::PlaceColumn, fit(QStringLiteral("Farabougou Koura")));
  m_view->setColumnWidth(IncidentTableModel::RegionColumn, fit(QStringLiteral("Tombouctou")));
  m_view->setColumnWidth(IncidentTableModel::TypeColumn,
                         fit(QStringLiteral("Strategic developments"), 2 * metrics.height() + 12));
  m_view->setColumnWidth(IncidentTableModel::ActorsColumn, fit(QStringLiteral("JNIM vs Military Forces of Mali")));
  m_view->setColumnWidth(IncidentTableModel::FatalitiesColumn, fit(QStringLiteral("not reported")));
  m_view->setColumnWidth(IncidentTableModel::IdColumn, fit(QStringLiteral("MLI-2020-0001")));
  m_view->horizontalHeader()->setMinimumSectionSize(metrics.horizontalAdvance(QStringLiteral("Id")) + 24);
  m_view->horizontalHeader()->setSectionResizeMode(IncidentTableModel::SummaryColumn, QHeaderView::Stretch);
  m_view->setColumnHidden(IncidentTableModel::DatasetColumn, !m_model->store() || m_model->store()->datasetCount() < 2);
  m_view->setAccessibleName(tr("Incidents in the range"));
  m_searchDelay = new QTimer(this);
  m_searchDelay->setSingleShot(true);
  m_searchDelay->setInterval(200);

  auto* top = new QHBoxLayout;
  top->addWidget(m_search, 1);
  top->addWidget(m_count);
  top->addWidget(copy);
  top->addWidget(exportButton);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(4, 4, 4, 4);
  layout->addLayout(top);
  layout->addWidget(m_view, 1);

  connect(m_search, &QLineEdit::textChanged, m_searchDelay, qOverload<>(&QTimer::start));
  connect(m_search, &QLineEdit::returnPressed, this, &IncidentTablePanel::applySearch);
  connect(m_searchDelay, &QTimer::timeout, this, &IncidentTablePanel::applySearch);
  connect(copy, &QPushButton::clicked, this, &IncidentTablePanel::copyRows);
  connect(exportButton, &QPushButton::clicked, this, &IncidentTablePanel::exportWithDialog);
  connect(m_controller, &TimeController::rangeChanged, this, &IncidentTablePanel::follow);
  connect(m_controller, &TimeController::filterChanged, this, &IncidentTablePanel::follow);
  connect(m_controller, &TimeController::storeChanged, this, [this] {
    m_model->setStore(m_controller->store());
    follow();
  });
  connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this](const QModelIndex& current) {
    if (m_selecting || !current.isValid()) return;
    m_selected = m_model->incidentAt(current.row());
    emit incidentSelected(*m_selected);
  });
  // After a sort the selected row keeps its selection; bring it into view.
  connect(m_model, &QAbstractItemModel::layoutChanged, this, [this] {
    if (m_view->currentIndex().isValid()) m_view->scrollTo(m_view->currentIndex(), QAbstractItemView::PositionAtCenter);
  });
  auto* copyShortcut = new QAction(this);
  copyShortcut->setShortcut(QKeySequence::Copy);
  copyShortcut->setShortcutContext(Qt::WidgetWithChildrenShortcut);
  connect(copyShortcut, &QAction::triggered, this, &IncidentTablePanel::copyRows);
  m_view->addAction(copyShortcut);
  showCount();
}

void IncidentTablePanel::showEvent(QShowEvent* event) {
  QWidget::showEvent(event);
  if (m_stale) refresh();
}

void IncidentTablePanel::setStore(std::shared_ptr<const EventStore> store) {
  // Which dataset an incident came from matters once there are several.
  m_view->setColumnHidden(IncidentTableModel::DatasetColumn, store->datasetCount() < 2);
  m_model->setStore(std::move(store));
  refresh();
}

void IncidentTablePanel::follow() {
  if (!isVisible()) {
    m_stale = true;
    return;
  }
  refresh();
}

void IncidentTablePanel::refresh() {
  m_stale = false;
  const QModelIndex top = m_view->indexAt(QPoint(0, 0));
  const std::optional<EventStore::Index> topIncident =
      top.isValid() ? std::optional(m_model->incidentAt(top.row())) : std::nullopt;
  if (m_model->setIncidents(m_controller->range(), m_controller->filter())) afterRowsChanged(topIncident);
  showCount();
}

void IncidentTablePanel::applySearch() {
  m_searchDelay->stop();
  const QModelIndex top = m_view->indexAt(QPoint(0, 0));
  const std::optional<EventStore::Index> topIncident =
      top.isValid() ? std::optional(m_model->incidentAt(top.row())) : std::nullopt;
  if (m_model->setSearchText(m_search->text())) afterRowsChanged(topIncident);
  showCount();
}

// The rows were replaced: select the selected incident again, and keep the
// incident that was at the top of the view there when it is still listed.
void IncidentTablePanel::afterRowsChanged(std::optional<EventStore::Index> topIncident) {
  const auto selectedRow = m_selected ? m_model->rowOf(*m_selected) : std::nullopt;
  m_selecting = true;
  if (selectedRow) {
    m_view->selectionModel()->setCurrentIndex(m_model->index(*selectedRow, 0),
                                              QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
  } else {
    m_view->selectionModel()->clear();
  }
  m_selecting = false;
  if (const auto topRow = topIncident ? m_model->rowOf(*topIncident) : std::nullopt)
    m_view->scrollTo(m_model->index(*topRow, 0), QAbstractItemView::PositionAtTop);
}

void IncidentTablePanel::showCount() {
  const std::size_t shown = m_model->rows().size();
  const std::size_t all = m_model->unsearchedCount();
  const QString range = QString::fromStdString(formatRangeLabel(m_controller->range()));
  if (m_model->searchText().trimmed().isEmpty() || shown == all)
    m_count->setText(all == 1 ? tr("1 incident, %1").arg(range) : tr("%1 incidents, %2").arg(all).arg(range));
  else
    m_count->setText(tr("%1 of %2 match").arg(shown).arg(all));
}

void IncidentTablePanel::selectIncident(std::optional<EventStore::Index> incident) {
  m_selected = incident;
  const auto row = incident ? m_model->rowOf(*incident) : std::nullopt;
  m_selecting = true;
  if (row) {
    const QModelIndex index = m_model->index(*row, 0);
    m_view->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_view->scrollTo(index, QAbstractItemView::EnsureVisible);
  } else {
    m_view->selectionModel()->clear();
  }
  m_selecting = false;
}

std::vector<int> IncidentTablePanel::rowsToCopy() const {
  std::vector<int> rows;
  for (const QModelIndex& index : m_view->selectionModel()->selectedRows()) rows.push_back(index.row());
  std::sort(rows.begin(), rows.end());
  if (rows.empty()) {
    rows.resize(m_model->rows().size());
    std::iota(rows.begin(), rows.end(), 0);
  }
  return rows;
}

void IncidentTablePanel::copyRows() {
  const std::vector<int> rows = rowsToCopy();
  auto* mime = new QMimeData;
  mime->setText(m_model->tabSeparated(rows));
  QString csv;
  QTextStream out(&csv);
  m_model->writeCsv(out, rows);
  out.flush();
  mime->setData(QStringLiteral("text/csv"), csv.toUtf8());
  QApplication::clipboard()->setMimeData(mime);
}

bool IncidentTablePanel::exportCsv(const QString& path, QString* error) {
  QSaveFile file(path); // the old file stays whole until the new one is complete
  if (!file.open(QIODevice::WriteOnly)) {
    if (error) *error = tr("Cannot write %1: %2").arg(path, file.errorString());
    return false;
  }
  QTextStream out(&file);
  m_model->writeCsv(out);
  out.flush();
  if (out.status() != QTextStream::Ok || !file.commit()) {
    if (error) *error = tr("Cannot write %1: %2").arg(path, file.errorString());
    return false;
  }
  return true;
}

void IncidentTablePanel::exportWithDialog() {
  const QString path = QFileDialog::getSaveFileName(this, tr("Export Incidents"), QStringLiteral("incidents.csv"),
                                                    tr("CSV files (*.csv)"));
  if (path.isEmpty()) return;
  QString error;
  if (!exportCsv(path, &error)) QMessageBox::warning(this, tr("Export Incidents"), error);
}

} // namespace sv
