#pragma once

#include "domain/eventstore.h"
#include "domain/timeselection.h"

#include <QAbstractTableModel>
#include <QString>
#include <QWidget>

#include <memory>
#include <optional>
#include <vector>

class QLabel;
class QLineEdit;
class QTableView;
class QTextStream;
class QTimer;

namespace sv {

class TimeController;

// The incidents of a time range under a filter, one row each, narrowed by a
// search text and sorted by any column. Rows are store indexes; cells are
// made only for the rows on screen, so a range of a million incidents costs a
// vector of indexes. Sorting and searching happen here rather than in a proxy
// model, on integer keys where they can, for the same reason.
class IncidentTableModel : public QAbstractTableModel {
  Q_OBJECT

public:
  enum Column {
    DateColumn,
    PlaceColumn,
    RegionColumn,
    TypeColumn,
    ActorsColumn,
    FatalitiesColumn,
    SummaryColumn,
    IdColumn,
    DatasetColumn,
    ColumnCount
  };
  static constexpr int IncidentRole = Qt::UserRole + 1; // the store index, as uint

  explicit IncidentTableModel(QObject* parent = nullptr);

  void setStore(std::shared_ptr<const EventStore> store);
  const std::shared_ptr<const EventStore>& store() const { return m_store; }
  // Shows the incidents overlapping the range under the filter. Returns
  // whether the rows changed; when they did not, nothing is signalled.
  bool setIncidents(DayRange range, const IncidentFilter& filter);
  // Keeps the rows whose place, region, type, actors, summary or id contain
  // the text (case and accents ignored).
  bool setSearchText(const QString& text);
  const QString& searchText() const { return m_search; }

  int rowCount(const QModelIndex& parent = {}) const override;
  int columnCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
  QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
  void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

  EventStore::Index incidentAt(int row) const { return m_rows[static_cast<std::size_t>(row)]; }
  std::optional<int> rowOf(EventStore::Index incident) const;
  const std::vector<EventStore::Index>& rows() const { return m_rows; }
  // Incidents in the range under the filter, before the search.
  std::size_t unsearchedCount() const { return m_inRange.size(); }

  // The given rows (all rows when empty) as CSV with a header, every field of
  // each record, cells safe from spreadsheet formulas.
  void writeCsv(QTextStream& out, const std::vector<int>& rows = {}) const;
  // The given rows' visible columns as tab-separated text with a header, for
  // the clipboard.
  QString tabSeparated(const std::vector<int>& rows) const;

private:
  std::vector<EventStore::Index> arrangedRows() const;
  void sortRows(std::vector<EventStore::Index>& rows) const;
  const std::vector<std::uint32_t>& stringRanks() const;
  QString cellText(EventStore::Index incident, int column) const;

  std::shared_ptr<const EventStore> m_store;
  std::vector<EventStore::Index> m_inRange; // store order
  std::vector<EventStore::Index> m_rows;    // searched and sorted
  QString m_search;
  int m_sortColumn = DateColumn;
  Qt::SortOrder m_sortOrder = Qt::AscendingOrder;
  mutable std::vector<std::uint32_t> m_stringRanks; // alphabetical rank of each pooled string
};

// The incident table dock: a search field, the table, the count, and Copy and
// Export. It follows the time controller's range and filter, keeping the
// selected incident and the incident at the top of the view in place when
// the rows change; while hidden it does not follow, and catches up when shown.
class IncidentTablePanel : public QWidget {
  Q_OBJECT

public:
  IncidentTablePanel(std::shared_ptr<const EventStore> store, TimeController* controller, QWidget* parent = nullptr);

  IncidentTableModel* model() const { return m_model; }
  QTableView* view() const { return m_view; }
  QLineEdit* searchField() const { return m_search; }
  // Marks an incident chosen elsewhere; says nothing back.
  void selectIncident(std::optional<EventStore::Index> incident);
  // Another dataset opened: the rows are those of its incidents in the range.
  void setStore(std::shared_ptr<const EventStore> store);
  std::optional<EventStore::Index> selectedIncident() const { return m_selected; }
  // Selected rows, or every row when none is selected.
  std::vector<int> rowsToCopy() const;
  void copyRows();
  bool exportCsv(const QString& path, QString* error);

signals:
  void incidentSelected(sv::EventStore::Index incident);

protected:
  void showEvent(QShowEvent* event) override;

private:
  void follow();
  void refresh();
  void applySearch();
  void afterRowsChanged(std::optional<EventStore::Index> topIncident);
  void showCount();
  void exportWithDialog();

  TimeController* m_controller;
  IncidentTableModel* m_model;
  QTableView* m_view;
  QLineEdit* m_search;
  QLabel* m_count;
  QTimer* m_searchDelay;
  std::optional<EventStore::Index> m_selected;
  bool m_stale = true;
  bool m_selecting = false;
};

} // namespace sv
