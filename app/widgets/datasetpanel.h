#pragma once

#include "session/datasetstyle.h"

#include "db/database.h"
#include "domain/eventstore.h"

#include <QColor>
#include <QStringList>
#include <QWidget>

#include <cstdint>
#include <functional>
#include <optional>
#include <vector>

class QCheckBox;
class QComboBox;
class QDateEdit;
class QLabel;
class QPushButton;
class QTreeWidget;
class QTreeWidgetItem;

namespace sv {

class Session;

// The open datasets as layers: each with its name, its number of incidents,
// a box that shows or hides it, and its colours (by event type, or one colour
// for the whole dataset so that datasets shown together can be told apart).
// The selected dataset's title, description, date and attribution are shown
// below the list. A view of the session's datasets and styles: it follows
// their signals and changes them only through the session.
class DatasetPanel : public QWidget {
  Q_OBJECT

public:
  explicit DatasetPanel(Session& session, QWidget* parent = nullptr);

  std::size_t datasetCount() const { return m_infos.size(); }
  void selectDataset(std::size_t dataset);
  // The colour offered first to the n-th dataset shown in a single colour.
  static QColor suggestedColour(std::size_t dataset);
  // The choices in a dataset's colour box, for tests: "By event type", then the named colours.
  static QStringList colourChoices();
  // Where the map looks, in degrees, for fetching a table's part "in the view".
  void setViewExtentProvider(std::function<std::optional<db::Query::Extent>()> provider) {
    m_viewExtent = std::move(provider);
  }

private:
  void showDatasets();
  void showStyles();
  void fillRow(std::size_t dataset);
  void chooseColour(std::size_t dataset, int choice);
  void showDetails();
  void showDatabaseWindow();
  void fetchDatabaseWindow();
  std::size_t currentDataset() const;

  Session& m_session;
  QTreeWidget* m_list = nullptr;
  QLabel* m_details = nullptr;
  QPushButton* m_remove = nullptr;
  std::vector<QComboBox*> m_colourBoxes;
  std::vector<QComboBox*> m_drawingBoxes;
  std::vector<DatasetInfo> m_infos;
  std::vector<std::size_t> m_sizes;
  bool m_filling = false;
  // A table read in part: which part, and the choice of another.
  QWidget* m_part = nullptr;
  QLabel* m_partText = nullptr;
  QDateEdit* m_partFrom = nullptr;
  QDateEdit* m_partTo = nullptr;
  QCheckBox* m_partInView = nullptr;
  QPushButton* m_partFetch = nullptr;
  std::function<std::optional<db::Query::Extent>()> m_viewExtent;
};

} // namespace sv
