#pragma once

#include <QObject>
#include <QPointF>
#include <QString>

#include <optional>
#include <vector>

class QWidget;

namespace sv {

class MapCanvas;
class Projection;

// The map's coordinate tools: a right-click copies the point's coordinates
// (decimal degrees, degrees-minutes-seconds, MGRS) or starts measuring from
// it; "Go to Coordinate…" centres the map on a typed coordinate and marks
// it; measuring adds a point per click and shows the length along geodesics
// and, from three points, the enclosed area on the ellipsoid, until Escape,
// a double click or "Stop Measuring". Drawn over the canvas, never into its
// rendered images.
class MapTools : public QObject {
  Q_OBJECT

public:
  MapTools(MapCanvas* canvas, const Projection& projection);

  bool isMeasuring() const { return m_measuring; }
  const std::vector<QPointF>& measuredPoints() const { return m_points; } // longitude, latitude
  // "Distance 12.3 km" or "Distance 120 km · Area 1 520 km²"; empty when not measuring.
  QString measurement() const;
  std::optional<QPointF> marker() const { return m_marker; }

  void startMeasuring(std::optional<QPointF> fromLonLat = std::nullopt);
  void addPoint(const QPointF& lonLat);
  void stopMeasuring();
  // Centres the map on the point and marks it; false with `error` for text
  // that is no coordinate.
  bool goTo(const QString& text, QString* error);
  void goToWithDialog();
  // The coordinate lines a right-click offers to copy.
  static QStringList coordinateTexts(const QPointF& lonLat);

signals:
  // The measurement changed (or ended: empty), for the status bar.
  void measurementChanged(const QString& text);

protected:
  bool eventFilter(QObject* watched, QEvent* event) override;

private:
  void showMenu(const QPointF& pixel, const QPoint& global);
  QPointF pixelOf(const QPointF& lonLat) const;

  MapCanvas* m_canvas;
  const Projection& m_projection;
  QWidget* m_overlay;
  bool m_measuring = false;
  std::vector<QPointF> m_points;
  std::optional<QPointF> m_hover; // the pointer, while measuring: the next point
  std::optional<QPointF> m_marker;
  std::optional<QPointF> m_pressAt; // where a left button went down, while measuring
  friend class MapToolsOverlay;
};

} // namespace sv
