#include "widgets/legendwidget.h"

#include <QPainter>

#include <algorithm>
#include <array>
#include <vector>

namespace sv {

namespace {

constexpr int kMargin = 10;
constexpr int kRow = 26;
constexpr int kSymbolColumn = 56; // width reserved for symbols
constexpr int kHeading = 24;

const EventType kTypes[] = {EventType::Battles,
                            EventType::ViolenceAgainstCivilians,
                            EventType::ExplosionsRemoteViolence,
                            EventType::Riots,
                            EventType::Protests,
                            EventType::StrategicDevelopments,
                            EventType::Unclassified};

} // namespace

LegendWidget::LegendWidget(QWidget* parent) : QWidget(parent) {
  setAccessibleName(tr("Legend"));
  setBackgroundRole(QPalette::Base);
  setAutoFillBackground(true);
}

void LegendWidget::setIncidents(std::shared_ptr<const IncidentLayerData> incidents) {
  m_incidents = std::move(incidents);
  updateGeometry();
  update();
}

void LegendWidget::setTypeCounts(const std::array<std::size_t, kEventTypeCount>& counts) {
  const bool hadUnclassified = hasUnclassified();
  m_counts = counts;
  m_hasCounts = true;
  if (hasUnclassified() != hadUnclassified) updateGeometry();
  update();
}

namespace {

// The fatality figures shown as size examples: distinct, smallest first,
// none above the dataset's largest figure.
std::vector<int> sizeExamples(int maximum) {
  std::vector<int> examples{0, 10, maximum / 3, maximum};
  examples.erase(std::remove_if(examples.begin(), examples.end(),
                                [&](int f) { return f > maximum || (f > 0 && f < 10 && f != maximum); }),
                 examples.end());
  std::sort(examples.begin(), examples.end());
  examples.erase(std::unique(examples.begin(), examples.end()), examples.end());
  return examples;
}

int sizeRowHeight(double radius) { return std::max(kRow, static_cast<int>(2 * radius + 6)); }

} // namespace

int LegendWidget::contentHeight() const {
  const incidentstyle::SizeScale scale = m_incidents ? m_incidents->sizeScale() : incidentstyle::SizeScale();
  int height = 2 * kMargin + 3 * kHeading + (hasUnclassified() ? 7 : 6) * kRow + 3 * kRow + 16;
  if (!m_datasetRows.empty()) height += kHeading + static_cast<int>(m_datasetRows.size()) * kRow;
  for (int fatalities : sizeExamples(scale.datasetMax())) height += sizeRowHeight(scale.radius(fatalities));
  return height;
}

void LegendWidget::setDatasetColours(const QStringList& names, const std::vector<QColor>& colours) {
  std::vector<std::pair<QString, QColor>> rows;
  for (std::size_t d = 0; d < colours.size() && d < static_cast<std::size_t>(names.size()); ++d)
    if (colours[d].isValid()) rows.emplace_back(names[static_cast<qsizetype>(d)], colours[d]);
  if (rows == m_datasetRows) return;
  m_datasetRows = std::move(rows);
  updateGeometry();
  update();
}

bool LegendWidget::hasUnclassified() const {
  return m_hasCounts && m_counts[static_cast<std::size_t>(EventType::Unclassified)] > 0;
}

QSize LegendWidget::sizeHint() const { return {300, contentHeight()}; }

void LegendWidget::paintEvent(QPaintEvent*) {
  QPainter painter(this);
  painter.setRenderHint(QPainter::Antialiasing, true);
  const QColor text = palette().color(QPalette::Text);
  QFont headingFont = font();
  headingFont.setBold(true);
  int y = kMargin;
  const int textX = kMargin + kSymbolColumn;
  const int width = this->width() - textX - kMargin;

  auto heading = [&](const QString& title) {
    painter.setFont(headingFont);
    painter.setPen(text);
    painter.drawText(QRect(kMargin, y, this->width() - 2 * kMargin, kHeading), Qt::AlignLeft | Qt::AlignVCenter, title);
    y += kHeading;
    painter.setFont(font());
  };
  auto row = [&](const QString& label, auto&& drawSymbol, int height = kRow) {
    drawSymbol(QPointF(kMargin + kSymbolColumn / 2.0 - 4, y + height / 2.0));
    painter.setPen(text);
    painter.drawText(QRect(textX, y, width, height), Qt::AlignLeft | Qt::AlignVCenter | Qt::TextWordWrap, label);
    y += height;
  };
  const incidentstyle::SizeScale scale = m_incidents ? m_incidents->sizeScale() : incidentstyle::SizeScale();
  const double small = incidentstyle::SizeScale::kMinRadius + 1.5;

  heading(tr("Event type"));
  for (EventType type : kTypes) {
    if (type == EventType::Unclassified && !hasUnclassified()) continue;
    QString label = QString::fromUtf8(eventTypeName(type).data(), static_cast<qsizetype>(eventTypeName(type).size()));
    if (m_hasCounts) label += QStringLiteral("  (%1)").arg(m_counts[static_cast<std::size_t>(type)]);
    row(label, [&](QPointF c) { incidentstyle::drawSymbol(painter, c, {type, small + 1, false, false}); });
  }

  if (!m_datasetRows.empty()) {
    // The colour names the dataset; the shape still gives the event type.
    heading(tr("Datasets in one colour"));
    for (const auto& [name, colour] : m_datasetRows)
      row(name, [&](QPointF c) {
        incidentstyle::drawSymbol(painter, c, {EventType::Unclassified, small + 1, false, false, colour});
      });
  }

  heading(tr("Certainty"));
  row(
      tr("Approximate place (near a place, or only the cercle, region or country)"),
      [&](QPointF c) {
        incidentstyle::drawSymbol(painter, c, {EventType::Battles, small + 2, true, false});
      },
      kRow + 8);
  row(tr("Approximate date (week, month or year)"), [&](QPointF c) {
    incidentstyle::drawSymbol(painter, c, {EventType::Battles, small, false, true});
  });
  row(
      tr("Several incidents at one place or close together"),
      [&](QPointF c) {
        incidentstyle::drawSymbol(painter, c + QPointF(3, -3),
                                  {EventType::StrategicDevelopments, small - 1, false, false});
        incidentstyle::drawSymbol(painter, c, {EventType::Battles, small, false, false});
        incidentstyle::drawCountBadge(painter, c, small + 6, 12);
      },
      kRow + 8);

  heading(tr("Fatalities (symbol area)"));
  const int maximum = scale.datasetMax();
  for (int fatalities : sizeExamples(maximum)) {
    const QString label = fatalities == 0         ? tr("none, or not reported")
                          : fatalities == maximum ? tr("%1, the most in the dataset").arg(maximum)
                                                  : QString::number(fatalities);
    const double radius = scale.radius(fatalities);
    row(
        label,
        [&](QPointF c) {
          incidentstyle::drawSymbol(painter, c, {EventType::Battles, radius, false, false});
        },
        sizeRowHeight(radius));
  }
}

} // namespace sv
