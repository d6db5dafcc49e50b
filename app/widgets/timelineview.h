#pragma once

#include "session/backgroundjob.h"

#include "domain/eventstore.h"
#include "domain/timeselection.h"

#include <QWidget>

#include <optional>

namespace sv {

class TimeController;

// The strip under the map: a date axis, a histogram of incidents per bin
// stacked by event type in the map's colours (under the controller's filter),
// and the controller's range as a band. The band moves by dragging its middle
// and changes width by dragging its handles; a click elsewhere moves the
// cursor there; dragging elsewhere pans and the wheel zooms, independently of
// the map. Keys: Space plays or pauses, Left/Right step, Home/End go to the
// ends, Page Up/Down jump to the previous/next incident, +/- zoom, 0 shows all.
class TimelineView : public QWidget {
  Q_OBJECT

public:
  explicit TimelineView(TimeController* controller, QWidget* parent = nullptr);

  // The days shown, as fractional days (a day d covers [d, d + 1)).
  double visibleFirst() const { return m_first; }
  double visibleLast() const { return m_last; }
  void setVisibleSpan(double first, double last);
  void zoomBy(double factor, double anchorX);
  void panByPixels(double dx);
  // Shows the whole dataset.
  void showAll();

  // The histogram as drawn: bins of binUnit() covering the data.
  // With an actor, fatality, region or civilian filter it is counted off the
  // GUI thread (a scan of the data); until then the last one is shown.
  const Histogram& histogram() const { return m_histogram; }
  bool isHistogramPending() const { return m_histogramJob.isRunning(); }
  TimeUnit binUnit() const { return m_histogram.unit; }
  // Geometry, for painting, input and tests.
  double xForDay(double day) const;
  DayNumber dayAt(double x) const;
  // The day starting at the day boundary nearest to x.
  DayNumber boundaryAt(double x) const;
  QRectF plotRect() const;
  QRectF bandRect() const;

  QSize sizeHint() const override;
  QSize minimumSizeHint() const override;

signals:
  void histogramChanged();

protected:
  bool event(QEvent* event) override;
  void paintEvent(QPaintEvent* event) override;
  void resizeEvent(QResizeEvent* event) override;
  void mousePressEvent(QMouseEvent* event) override;
  void mouseMoveEvent(QMouseEvent* event) override;
  void mouseReleaseEvent(QMouseEvent* event) override;
  void wheelEvent(QWheelEvent* event) override;
  void keyPressEvent(QKeyEvent* event) override;

private:
  enum class Drag { None, Pending, Pan, Move, ResizeFirst, ResizeLast };

  double pixelsPerDay() const;
  TimeUnit unitForZoom() const;
  void refreshHistogram(const IncidentFilter& filter);
  void followRange();
  void updateCursorShape(const QPointF& position);
  Drag hitTest(const QPointF& position) const;
  std::optional<std::size_t> binAt(const QPointF& position) const;
  void paintHistogram(QPainter& painter, const QRectF& plot) const;
  void paintAxis(QPainter& painter, const QRectF& plot) const;
  void paintBand(QPainter& painter, const QRectF& plot) const;

  TimeController* m_controller;
  Histogram m_histogram;
  TimeUnit m_requestedUnit = TimeUnit::Day; // of the histogram shown, or of the one being counted
  double m_first = 0.0;
  double m_last = 1.0;
  bool m_hasSpan = false;

  Drag m_drag = Drag::None;
  QPointF m_pressPosition;
  DayNumber m_pressCursor = 0;
  DayRange m_pressRange;
  double m_pressFirst = 0.0;
  BackgroundJob m_histogramJob;
};

} // namespace sv
