#pragma once

#include "domain/eventstore.h"

#include <QColor>
#include <QStringList>
#include <QWidget>

#include <cstdint>
#include <vector>

class QComboBox;
class QLabel;
class QPushButton;
class QTreeWidget;
class QTreeWidgetItem;

namespace sv {

// How one open dataset is shown.
struct DatasetStyle {
  bool visible = true;
  QColor colour = QColor(); // invalid: by event type; else every incident in this colour (the shape still gives the type)
  friend bool operator==(const DatasetStyle&, const DatasetStyle&) = default;
};

// The open datasets as layers: each with its name, its number of incidents,
// a box that shows or hides it, and its colours (by event type, or one colour
// for the whole dataset so that datasets shown together can be told apart).
// The selected dataset's title, description, date and attribution are shown
// below the list. Styles are kept by file path across re-imports.
class DatasetPanel : public QWidget {
  Q_OBJECT

public:
  explicit DatasetPanel(QWidget* parent = nullptr);

  // The datasets of `store`, opened from `paths` (one per dataset), shown with `styles` (missing ones default).
  void setDatasets(const EventStore& store, const QStringList& paths, std::vector<DatasetStyle> styles);
  const std::vector<DatasetStyle>& styles() const { return m_styles; }
  const QStringList& paths() const { return m_paths; }
  std::size_t datasetCount() const { return m_styles.size(); }
  // Bit per visible dataset, for IncidentFilter::datasets.
  std::uint64_t visibleDatasets() const;
  // Per dataset: its single colour, or invalid for colours by event type.
  std::vector<QColor> colours() const;

  void setDatasetVisible(std::size_t dataset, bool visible);
  void setDatasetColour(std::size_t dataset, const QColor& colour);
  void selectDataset(std::size_t dataset);
  // The styles of the datasets opened from `paths`, carried over from those
  // already shown where a path matches.
  std::vector<DatasetStyle> stylesFor(const QStringList& paths) const;
  // The colour offered first to the n-th dataset shown in a single colour.
  static QColor suggestedColour(std::size_t dataset);
  // The choices in a dataset's colour box, for tests: "By event type", then the named colours.
  static QStringList colourChoices();

signals:
  void stylesChanged();
  void removeRequested(std::size_t dataset);

private:
  void fillRow(std::size_t dataset);
  void chooseColour(std::size_t dataset, int choice);
  void showDetails();
  std::size_t currentDataset() const;

  QTreeWidget* m_list = nullptr;
  QLabel* m_details = nullptr;
  QPushButton* m_remove = nullptr;
  std::vector<QComboBox*> m_colourBoxes;
  std::vector<DatasetStyle> m_styles;
  std::vector<DatasetInfo> m_infos;
  std::vector<std::size_t> m_sizes;
  QStringList m_paths;
  bool m_filling = false;
};

} // namespace sv
