#include "widgets/timelineview.h"

#include "control/timecontroller.h"
#include "render/incidentstyle.h"

#include <QHelpEvent>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QToolTip>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

namespace sv {
namespace {

constexpr double kAxisHeight = 22.0;
constexpr double kTopMargin = 14.0;
constexpr double kSideMargin = 8.0;
constexpr double kHandleGrip = 6.0;    // pixels either side of a band edge that grab it
constexpr double kDragThreshold = 4.0; // pixels before a press becomes a pan
constexpr double kWheelZoomPerNotch = 1.25;
constexpr double kMinimumSpanDays = 5.0;
constexpr double kMinimumBinPixels = 3.0;

const QColor kBandFill(31, 78, 160, 46);
const QColor kBandEdge(31, 78, 160);
const QColor kOutsideData(0xee, 0xec, 0xe8);
const QColor kAxisText(0x44, 0x44, 0x44);
const QColor kGrid(0, 0, 0, 28);

// Axis ticks: a unit and every how many of it to label.
struct TickSpec {
  TimeUnit unit; // Day, Week or Month; years are 12 months
  int every;
  double approximateDays;
};
constexpr TickSpec kTickSpecs[] = {
    {TimeUnit::Day, 1, 1.0},        {TimeUnit::Day, 2, 2.0},      {TimeUnit::Week, 1, 7.0},
    {TimeUnit::Month, 1, 30.4},     {TimeUnit::Month, 3, 91.3},   {TimeUnit::Month, 6, 182.6},
    {TimeUnit::Month, 12, 365.2},   {TimeUnit::Month, 24, 730.5}, {TimeUnit::Month, 60, 1826.2},
    {TimeUnit::Month, 120, 3652.4},
};

QString dayMonth(const CivilDate& date) {
  return QStringLiteral("%1 %2").arg(date.day).arg(QLatin1String(monthAbbreviation(date.month)));
}

QString typeName(EventType type) {
  const std::string_view name = eventTypeName(type);
  return QString::fromUtf8(name.data(), static_cast<qsizetype>(name.size()));
}

} // namespace

TimelineView::TimelineView(TimeController* controller, QWidget* parent) : QWidget(parent), m_controller(controller) {
  setFocusPolicy(Qt::StrongFocus);
  setMouseTracking(true);
  setAccessibleName(tr("Timeline"));
  setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
  connect(m_controller, &TimeController::storeChanged, this, [this] {
    m_hasSpan = false;
    showAll();
  });
  connect(m_controller, &TimeController::filterChanged, this, [this](const IncidentFilter& filter) {
    refreshHistogram(filter);
    update();
  });
  connect(m_controller, &TimeController::rangeChanged, this, [this] {
    setAccessibleDescription(QString::fromStdString(formatRangeLabel(m_controller->range())));
    followRange();
    update();
  });
  showAll();
}

QSize TimelineView::sizeHint() const { return {800, 120}; }
QSize TimelineView::minimumSizeHint() const { return {200, 70}; }

QRectF TimelineView::plotRect() const {
  return QRectF(kSideMargin, kTopMargin, std::max(1.0, width() - 2 * kSideMargin),
                std::max(1.0, height() - kTopMargin - kAxisHeight));
}

double TimelineView::pixelsPerDay() const { return plotRect().width() / std::max(m_last - m_first, 1e-6); }

double TimelineView::xForDay(double day) const { return plotRect().left() + (day - m_first) * pixelsPerDay(); }

DayNumber TimelineView::dayAt(double x) const {
  return static_cast<DayNumber>(std::floor(m_first + (x - plotRect().left()) / pixelsPerDay()));
}

DayNumber TimelineView::boundaryAt(double x) const {
  return static_cast<DayNumber>(std::lround(m_first + (x - plotRect().left()) / pixelsPerDay()));
}

QRectF TimelineView::bandRect() const {
  const DayRange range = m_controller->range();
  const QRectF plot = plotRect();
  double left = xForDay(range.from);
  double right = xForDay(static_cast<double>(range.to) + 1.0);
  if (right - left < 2.0) {
    const double middle = (left + right) / 2.0;
    left = middle - 1.0;
    right = middle + 1.0;
  }
  return QRectF(QPointF(left, plot.top() - kTopMargin + 2.0), QPointF(right, plot.bottom()));
}

void TimelineView::setVisibleSpan(double first, double last) {
  const auto& store = m_controller->store();
  double span = std::max(last - first, kMinimumSpanDays);
  if (store && !store->empty()) {
    const double dataFirst = store->firstDay();
    const double dataEnd = static_cast<double>(store->lastDay()) + 1.0;
    const double margin = std::max(15.0, 0.05 * (dataEnd - dataFirst));
    span = std::min(span, dataEnd - dataFirst + 2 * margin);
    first = std::clamp(first, dataFirst - margin, dataEnd + margin - span);
  }
  m_first = first;
  m_last = first + span;
  m_hasSpan = true;
  if (unitForZoom() != m_requestedUnit || (m_histogram.binStarts.empty() && !isHistogramPending()))
    refreshHistogram(m_controller->filter());
  update();
}

void TimelineView::showAll() {
  const auto& store = m_controller->store();
  if (!store || store->empty()) {
    setVisibleSpan(m_first, m_first + 30.0);
    return;
  }
  const double dataFirst = store->firstDay();
  const double dataEnd = static_cast<double>(store->lastDay()) + 1.0;
  const double margin = std::max(3.0, 0.02 * (dataEnd - dataFirst));
  m_histogram = {};
  setVisibleSpan(dataFirst - margin, dataEnd + margin);
}

void TimelineView::zoomBy(double factor, double anchorX) {
  if (!(factor > 0.0)) return;
  const double anchorDay = m_first + (anchorX - plotRect().left()) / pixelsPerDay();
  const double span = (m_last - m_first) / factor;
  const double first = anchorDay - (anchorDay - m_first) / factor;
  setVisibleSpan(first, first + span);
}

void TimelineView::panByPixels(double dx) {
  const double days = dx / pixelsPerDay();
  setVisibleSpan(m_first - days, m_last - days);
}

TimeUnit TimelineView::unitForZoom() const {
  const double perDay = pixelsPerDay();
  if (perDay >= 2 * kMinimumBinPixels) return TimeUnit::Day;
  if (perDay * 7 >= kMinimumBinPixels) return TimeUnit::Week;
  return TimeUnit::Month;
}

void TimelineView::refreshHistogram(const IncidentFilter& filter) {
  const auto& store = m_controller->store();
  const TimeUnit unit = unitForZoom();
  m_requestedUnit = unit;
  if (!store || store->empty()) {
    m_histogramJob.discard();
    m_histogram = {};
    m_histogram.unit = unit;
    emit histogramChanged();
    return;
  }
  // The whole data at once: panning and zooming within one unit then reuse it.
  // Types alone come from prefix counts (microseconds at a million); other
  // filters scan every incident (about 15 ms at a million), off the GUI thread.
  if (filter.isTypeOnly()) {
    m_histogramJob.discard();
    m_histogram = store->histogram(store->firstDay(), store->lastDay(), unit, filter);
    emit histogramChanged();
    return;
  }
  m_histogramJob.start([store, unit, filter](
                           JobControl&) { return store->histogram(store->firstDay(), store->lastDay(), unit, filter); },
                       [this](Histogram histogram) {
                         m_histogram = std::move(histogram);
                         update();
                         emit histogramChanged();
                       });
}

void TimelineView::followRange() {
  if (m_drag != Drag::None) return;
  const DayRange range = m_controller->range();
  const double span = m_last - m_first;
  const double length = static_cast<double>(range.to - range.from) + 1.0;
  if (range.from >= m_first && range.to + 1.0 <= m_last) return;
  if (length > span) {
    const double margin = 0.1 * length;
    setVisibleSpan(range.from - margin, range.to + 1.0 + margin);
  } else if (range.to + 1.0 > m_last) {
    // Keep the band near the right edge when it runs off: playback then reads left to right.
    const double first = range.to + 1.0 - 0.8 * span;
    setVisibleSpan(first, first + span);
  } else {
    const double first = range.from - 0.2 * span;
    setVisibleSpan(first, first + span);
  }
}

std::optional<std::size_t> TimelineView::binAt(const QPointF& position) const {
  if (!plotRect().contains(position) || m_histogram.binStarts.empty()) return std::nullopt;
  const DayNumber day = dayAt(position.x());
  const auto it = std::upper_bound(m_histogram.binStarts.begin(), m_histogram.binStarts.end(), day);
  if (it == m_histogram.binStarts.begin() || it == m_histogram.binStarts.end()) return std::nullopt;
  return static_cast<std::size_t>(it - m_histogram.binStarts.begin() - 1);
}

TimelineView::Drag TimelineView::hitTest(const QPointF& position) const {
  const QRectF band = bandRect();
  if (position.y() < band.top() || position.y() > band.bottom() + kAxisHeight) return Drag::Pending;
  const bool cumulative = m_controller->selection().mode == TimeMode::Cumulative;
  if (std::abs(position.x() - band.right()) <= kHandleGrip) return Drag::ResizeLast;
  if (!cumulative && std::abs(position.x() - band.left()) <= kHandleGrip) return Drag::ResizeFirst;
  if (position.x() > band.left() && position.x() < band.right()) return Drag::Move;
  return Drag::Pending;
}

void TimelineView::updateCursorShape(const QPointF& position) {
  switch (m_drag == Drag::None ? hitTest(position) : m_drag) {
    case Drag::ResizeFirst:
    case Drag::ResizeLast: setCursor(Qt::SizeHorCursor); break;
    case Drag::Move:
    case Drag::Pan: setCursor(Qt::ClosedHandCursor); break;
    default: setCursor(Qt::PointingHandCursor); break;
  }
}

bool TimelineView::event(QEvent* event) {
  if (event->type() == QEvent::ToolTip) {
    auto* help = static_cast<QHelpEvent*>(event);
    const auto bin = binAt(help->pos());
    if (!bin) {
      QToolTip::hideText();
      event->ignore();
      return true;
    }
    const DayRange span{m_histogram.binStarts[*bin], m_histogram.binStarts[*bin + 1] - 1};
    const std::uint32_t total = m_histogram.total(*bin);
    QString text = QStringLiteral("<b>%1</b>: %2")
                       .arg(QString::fromStdString(formatRangeLabel(span)).toHtmlEscaped(),
                            total == 1 ? tr("1 incident") : tr("%1 incidents").arg(total));
    for (std::size_t t = 0; t < kEventTypeCount; ++t) {
      const std::uint32_t count = m_histogram.counts[*bin][t];
      if (count == 0) continue;
      text += QStringLiteral("<br><span style='color:%1'>\u25A0</span> %2: %3")
                  .arg(incidentstyle::typeColour(static_cast<EventType>(t)).name(),
                       typeName(static_cast<EventType>(t)).toHtmlEscaped())
                  .arg(count);
    }
    QToolTip::showText(help->globalPos(), text, this);
    return true;
  }
  return QWidget::event(event);
}

void TimelineView::resizeEvent(QResizeEvent*) {
  if (unitForZoom() != m_requestedUnit) refreshHistogram(m_controller->filter());
}

void TimelineView::mousePressEvent(QMouseEvent* event) {
  if (event->button() != Qt::LeftButton) return;
  m_pressPosition = event->position();
  m_pressCursor = m_controller->selection().cursor;
  m_pressRange = m_controller->range();
  m_pressFirst = m_first;
  m_drag = hitTest(event->position());
  if (m_drag != Drag::Pending) m_controller->pause();
  updateCursorShape(event->position());
}

void TimelineView::mouseMoveEvent(QMouseEvent* event) {
  const QPointF position = event->position();
  if (m_drag == Drag::None) {
    updateCursorShape(position);
    return;
  }
  if (m_drag == Drag::Pending) {
    if ((position - m_pressPosition).manhattanLength() < kDragThreshold) return;
    m_drag = Drag::Pan;
    updateCursorShape(position);
  }
  const double perDay = pixelsPerDay();
  switch (m_drag) {
    case Drag::Pan: {
      const double days = (position.x() - m_pressPosition.x()) / perDay;
      const double span = m_last - m_first;
      setVisibleSpan(m_pressFirst - days, m_pressFirst - days + span);
      break;
    }
    case Drag::Move: {
      const auto days = static_cast<DayNumber>(std::lround((position.x() - m_pressPosition.x()) / perDay));
      m_controller->setCursor(m_pressCursor + days);
      break;
    }
    case Drag::ResizeFirst:
      // A handle sits on a boundary between days: it snaps to the nearest one.
      m_controller->setRange({std::min(boundaryAt(position.x()), m_pressRange.to), m_pressRange.to});
      break;
    case Drag::ResizeLast: {
      const DayNumber last = std::max(boundaryAt(position.x()) - 1, m_pressRange.from);
      if (m_controller->selection().mode == TimeMode::Cumulative) {
        m_controller->setCursor(last);
      } else {
        m_controller->setRange({m_pressRange.from, last});
      }
      break;
    }
    default: break;
  }
}

void TimelineView::mouseReleaseEvent(QMouseEvent* event) {
  if (event->button() != Qt::LeftButton) return;
  // A click off the band puts the cursor on the day clicked.
  if (m_drag == Drag::Pending) m_controller->setCursor(dayAt(event->position().x()));
  m_drag = Drag::None;
  updateCursorShape(event->position());
}

void TimelineView::wheelEvent(QWheelEvent* event) {
  const QPoint delta = event->angleDelta();
  if (delta.y() != 0 && !(event->modifiers() & Qt::ShiftModifier)) {
    zoomBy(std::pow(kWheelZoomPerNotch, delta.y() / 120.0), event->position().x());
  } else {
    const int along = delta.x() != 0 ? delta.x() : delta.y();
    panByPixels(along / 120.0 * 40.0);
  }
  event->accept();
}

void TimelineView::keyPressEvent(QKeyEvent* event) {
  switch (event->key()) {
    case Qt::Key_Space: m_controller->togglePlay(); break;
    case Qt::Key_Left:
      m_controller->pause();
      m_controller->stepBackward();
      break;
    case Qt::Key_Right:
      m_controller->pause();
      m_controller->stepForward();
      break;
    case Qt::Key_Home: m_controller->goToStart(); break;
    case Qt::Key_End: m_controller->goToEnd(); break;
    case Qt::Key_PageUp: m_controller->previousIncident(); break;
    case Qt::Key_PageDown: m_controller->nextIncident(); break;
    case Qt::Key_Plus:
    case Qt::Key_Equal: zoomBy(2.0, bandRect().center().x()); break;
    case Qt::Key_Minus: zoomBy(0.5, bandRect().center().x()); break;
    case Qt::Key_0: showAll(); break;
    default: QWidget::keyPressEvent(event); return;
  }
  event->accept();
}

void TimelineView::paintEvent(QPaintEvent*) {
  QPainter painter(this);
  painter.fillRect(rect(), palette().base());
  const QRectF plot = plotRect();
  const auto& store = m_controller->store();
  if (store && !store->empty()) {
    // Shade the days outside the data, so that the ends of the data are visible.
    const double dataLeft = xForDay(store->firstDay());
    const double dataRight = xForDay(static_cast<double>(store->lastDay()) + 1.0);
    if (dataLeft > 0) painter.fillRect(QRectF(0, 0, dataLeft, plot.bottom()), kOutsideData);
    if (dataRight < width()) painter.fillRect(QRectF(dataRight, 0, width() - dataRight, plot.bottom()), kOutsideData);
  }
  paintAxis(painter, plot);
  paintHistogram(painter, plot);
  paintBand(painter, plot);
  if (hasFocus()) {
    painter.setPen(QPen(palette().highlight(), 2));
    painter.setBrush(Qt::NoBrush);
    painter.drawRect(QRectF(rect()).adjusted(1, 1, -1, -1));
  }
}

void TimelineView::paintHistogram(QPainter& painter, const QRectF& plot) const {
  const Histogram& h = m_histogram;
  if (h.binCount() == 0) return;
  // The bins in view, and the tallest of them, which sets the scale.
  const auto firstBin = static_cast<std::size_t>(std::max<std::ptrdiff_t>(
      0, std::upper_bound(h.binStarts.begin(), h.binStarts.end(), static_cast<DayNumber>(std::floor(m_first))) -
             h.binStarts.begin() - 1));
  std::uint32_t tallest = 0;
  std::size_t lastBin = firstBin;
  for (std::size_t b = firstBin; b < h.binCount() && h.binStarts[b] < m_last; ++b) {
    tallest = std::max(tallest, h.total(b));
    lastBin = b;
  }
  if (tallest == 0) return;
  const double scale = (plot.height() - 2.0) / tallest;
  painter.setPen(Qt::NoPen);
  for (std::size_t b = firstBin; b <= lastBin; ++b) {
    double left = xForDay(h.binStarts[b]);
    double right = xForDay(h.binStarts[b + 1]);
    if (right - left > 4.0) {
      left += 0.5;
      right -= 0.5;
    }
    double top = plot.bottom();
    for (std::size_t t = 0; t < kEventTypeCount; ++t) {
      const std::uint32_t count = h.counts[b][t];
      if (count == 0) continue;
      const double height = count * scale;
      painter.setBrush(incidentstyle::typeColour(static_cast<EventType>(t)));
      painter.drawRect(QRectF(left, top - height, std::max(right - left, 1.0), height));
      top -= height;
    }
  }
  // The scale: the tallest bar's count, per bin unit.
  const QString unit = h.unit == TimeUnit::Day ? tr("day") : h.unit == TimeUnit::Week ? tr("week") : tr("month");
  painter.setPen(kGrid);
  painter.drawLine(QPointF(plot.left(), plot.top() + 1.0), QPointF(plot.right(), plot.top() + 1.0));
  QFont font = painter.font();
  font.setPointSizeF(font.pointSizeF() * 0.85);
  painter.setFont(font);
  painter.setPen(kAxisText);
  painter.drawText(QRectF(plot.left() + 2, 0, plot.width(), kTopMargin), Qt::AlignLeft | Qt::AlignVCenter,
                   tr("%1 incidents per %2 at most, stacked by type").arg(tallest).arg(unit));
}

void TimelineView::paintAxis(QPainter& painter, const QRectF& plot) const {
  painter.setPen(kAxisText);
  painter.drawLine(QPointF(plot.left(), plot.bottom() + 0.5), QPointF(plot.right(), plot.bottom() + 0.5));
  const QFontMetricsF metrics(painter.font());
  const double perDay = pixelsPerDay();
  const double wanted = metrics.horizontalAdvance(QStringLiteral("30 Sep 2025")) + 12.0;
  const TickSpec* spec = &kTickSpecs[std::size(kTickSpecs) - 1];
  for (const TickSpec& candidate : kTickSpecs) {
    const double minimum = candidate.every >= 12 ? metrics.horizontalAdvance(QStringLiteral("2025")) + 16.0
                           : candidate.unit == TimeUnit::Month
                               ? metrics.horizontalAdvance(QStringLiteral("Sep 2025")) + 12.0
                               : wanted;
    if (candidate.approximateDays * perDay >= minimum) {
      spec = &candidate;
      break;
    }
  }
  const auto firstDay = static_cast<DayNumber>(std::floor(m_first));
  const auto lastDay = static_cast<DayNumber>(std::ceil(m_last));
  bool first = true;
  for (DayNumber day = binStart(firstDay, spec->unit); day <= lastDay; day = nextBinStart(day, spec->unit)) {
    const CivilDate date = civilFromDay(day);
    if (spec->unit == TimeUnit::Day && spec->every > 1 && date.day % spec->every != 1) continue;
    if (spec->unit == TimeUnit::Month && spec->every > 1) {
      const int monthIndex = date.year * 12 + date.month - 1;
      if (monthIndex % spec->every != 0) continue;
    }
    const double x = xForDay(day);
    if (x < plot.left() - 1 || x > plot.right() + 1) continue;
    painter.setPen(kGrid);
    painter.drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom()));
    painter.setPen(kAxisText);
    painter.drawLine(QPointF(x, plot.bottom()), QPointF(x, plot.bottom() + 4));
    QString label;
    if (spec->every >= 12) {
      label = QString::number(date.year);
    } else if (spec->unit == TimeUnit::Month) {
      label = date.month == 1 || first
                  ? QStringLiteral("%1 %2").arg(QLatin1String(monthAbbreviation(date.month))).arg(date.year)
                  : QString::fromLatin1(monthAbbreviation(date.month));
    } else {
      label = (date.month == 1 && date.day <= spec->approximateDays) || first
                  ? QStringLiteral("%1 %2").arg(dayMonth(date)).arg(date.year)
                  : dayMonth(date);
    }
    first = false;
    painter.drawText(QRectF(x + 3, plot.bottom() + 2, 200, kAxisHeight - 2), Qt::AlignLeft | Qt::AlignVCenter, label);
  }
}

void TimelineView::paintBand(QPainter& painter, const QRectF&) const {
  const QRectF band = bandRect();
  painter.setRenderHint(QPainter::Antialiasing);
  painter.setPen(Qt::NoPen);
  painter.setBrush(kBandFill);
  painter.drawRect(band);
  painter.setPen(QPen(kBandEdge, 1.5));
  const bool cumulative = m_controller->selection().mode == TimeMode::Cumulative;
  if (!cumulative) painter.drawLine(band.topLeft(), band.bottomLeft());
  painter.drawLine(band.topRight(), band.bottomRight());
  // Handles: grips on the edges that change the band's width.
  painter.setBrush(Qt::white);
  const double gripHeight = std::min(22.0, band.height() * 0.5);
  const auto grip = [&](double x) {
    painter.drawRoundedRect(QRectF(x - 3.0, band.center().y() - gripHeight / 2, 6.0, gripHeight), 2, 2);
  };
  if (!cumulative) grip(band.left());
  grip(band.right());
}

} // namespace sv
