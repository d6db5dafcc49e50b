#pragma once

#include "render/incidentlayer.h"

#include <QColor>
#include <QStringList>
#include <QWidget>

#include <memory>
#include <utility>
#include <vector>

namespace sv {

// Explains the incident symbols, drawn with the same code as the map: a shape
// and colour per event type (with the number of incidents of each in view),
// hollow symbols for approximate places, dashed rings for approximate dates,
// sizes for fatalities on the dataset's fixed scale, and the stack badge.
class LegendWidget : public QWidget {
  Q_OBJECT

public:
  explicit LegendWidget(QWidget* parent = nullptr);

  void setIncidents(std::shared_ptr<const IncidentLayerData> incidents);
  // Counts per type of the incidents in view, shown beside each type.
  void setTypeCounts(const std::array<std::size_t, kEventTypeCount>& counts);
  // Datasets drawn in a single colour get a row each: a circle in that colour and the dataset's name.
  void setDatasetColours(const QStringList& names, const std::vector<QColor>& colours);
  int datasetRows() const { return static_cast<int>(m_datasetRows.size()); }
  // Unclassified incidents (imported data without ACLED types) get a legend row only when the view holds some.
  bool hasUnclassified() const;

  QSize sizeHint() const override;
  QSize minimumSizeHint() const override { return sizeHint(); }

protected:
  void paintEvent(QPaintEvent* event) override;

private:
  int contentHeight() const;

  std::shared_ptr<const IncidentLayerData> m_incidents;
  std::array<std::size_t, kEventTypeCount> m_counts{};
  bool m_hasCounts = false;
  std::vector<std::pair<QString, QColor>> m_datasetRows;
};

} // namespace sv
