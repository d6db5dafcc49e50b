#pragma once

#include "domain/eventstore.h"

#include <QWidget>

#include <memory>

class QCheckBox;
class QComboBox;
class QLineEdit;
class QListWidget;
class QSpinBox;
class QTreeWidget;
class QTimer;
class QTreeWidgetItem;

namespace sv {

// Chooses which incidents the map, the histogram and the lists show: event
// types and sub-types, actors (searchable), a minimum number of fatalities,
// a region and civilian targeting. Emits filterChanged once per change.
class FilterPanel : public QWidget {
  Q_OBJECT

public:
  explicit FilterPanel(QWidget* parent = nullptr);

  // Fills the choices from a dataset and clears the filter.
  void setStore(std::shared_ptr<const EventStore> store);
  IncidentFilter filter() const { return m_filter; }
  // Sets every choice from `filter` (of this panel's store), as a saved project restores it.
  void setFilter(const IncidentFilter& filter);

  QTreeWidget* typeTree() const { return m_types; }
  QLineEdit* actorSearch() const { return m_actorSearch; }
  QListWidget* actorList() const { return m_actors; }
  QSpinBox* minimumFatalities() const { return m_minFatalities; }
  QComboBox* regionChoice() const { return m_region; }
  QComboBox* civilianChoice() const { return m_civilians; }

public slots:
  void reset();

signals:
  void filterChanged(const sv::IncidentFilter& filter);

private:
  void fillTypes();
  void showMatchingActors(const QString& text);
  IncidentFilter readFilter() const;
  void applyChoices();

  std::shared_ptr<const EventStore> m_store;
  IncidentFilter m_filter;
  bool m_updating = false;
  QTimer* m_treeSettled = nullptr;
  QTreeWidget* m_types = nullptr;
  QLineEdit* m_actorSearch = nullptr;
  QListWidget* m_actors = nullptr;
  QSpinBox* m_minFatalities = nullptr;
  QComboBox* m_region = nullptr;
  QComboBox* m_civilians = nullptr;
};

} // namespace sv
