#pragma once

#include <QPointF>
#include <QRectF>
#include <QSize>
#include <QTransform>

namespace sv {

// What a map image shows: a plain, copyable value. The view is a centre in
// projected metres and a resolution in projected metres per logical pixel;
// y grows northward in map units and downward in pixels.
class MapSettings {
public:
  static constexpr double kMinMetresPerPixel = 2.0;
  static constexpr double kMaxMetresPerPixel = 20000.0;

  QSize outputSize() const { return m_outputSize; }
  void setOutputSize(const QSize& size) { m_outputSize = size; }
  qreal devicePixelRatio() const { return m_devicePixelRatio; }
  void setDevicePixelRatio(qreal ratio) { m_devicePixelRatio = ratio; }
  QPointF center() const { return m_center; }
  void setCenter(const QPointF& center) { m_center = center; }
  double metresPerPixel() const { return m_metresPerPixel; }
  void setMetresPerPixel(double metresPerPixel);

  QRectF visibleExtent() const;
  QPointF toPixel(const QPointF& mapPoint) const;
  QPointF toMap(const QPointF& pixel) const;
  // Maps projected coordinates to logical pixels, for a QPainter.
  QTransform mapToPixelTransform() const;

  void zoomToExtent(const QRectF& extent, double marginFraction = 0.04);
  // factor > 1 zooms in; the map point under `anchorPixel` stays put.
  void zoomBy(double factor, const QPointF& anchorPixel);
  void panByPixels(const QPointF& delta);

  friend bool operator==(const MapSettings&, const MapSettings&) = default;

private:
  QSize m_outputSize{800, 600};
  qreal m_devicePixelRatio = 1.0;
  QPointF m_center;
  double m_metresPerPixel = 1000.0;
};

} // namespace sv
