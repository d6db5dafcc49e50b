#include "render/mapsettings.h"

#include <algorithm>

namespace sv {

void MapSettings::setMetresPerPixel(double metresPerPixel) {
  m_metresPerPixel = std::clamp(metresPerPixel, kMinMetresPerPixel, kMaxMetresPerPixel);
}

QRectF MapSettings::visibleExtent() const {
  const double halfWidth = m_outputSize.width() * m_metresPerPixel / 2.0;
  const double halfHeight = m_outputSize.height() * m_metresPerPixel / 2.0;
  return {m_center.x() - halfWidth, m_center.y() - halfHeight, 2 * halfWidth, 2 * halfHeight};
}

QPointF MapSettings::toPixel(const QPointF& mapPoint) const {
  return {(mapPoint.x() - m_center.x()) / m_metresPerPixel + m_outputSize.width() / 2.0,
          m_outputSize.height() / 2.0 - (mapPoint.y() - m_center.y()) / m_metresPerPixel};
}

QPointF MapSettings::toMap(const QPointF& pixel) const {
  return {m_center.x() + (pixel.x() - m_outputSize.width() / 2.0) * m_metresPerPixel,
          m_center.y() - (pixel.y() - m_outputSize.height() / 2.0) * m_metresPerPixel};
}

QTransform MapSettings::mapToPixelTransform() const {
  const double scale = 1.0 / m_metresPerPixel;
  return QTransform(scale, 0, 0, -scale, m_outputSize.width() / 2.0 - m_center.x() * scale,
                    m_outputSize.height() / 2.0 + m_center.y() * scale);
}

void MapSettings::zoomToExtent(const QRectF& extent, double marginFraction) {
  if (extent.isEmpty() || m_outputSize.isEmpty()) return;
  m_center = extent.center();
  const double byWidth = extent.width() / m_outputSize.width();
  const double byHeight = extent.height() / m_outputSize.height();
  setMetresPerPixel(std::max(byWidth, byHeight) * (1.0 + 2.0 * marginFraction));
}

void MapSettings::zoomBy(double factor, const QPointF& anchorPixel) {
  if (factor <= 0.0) return;
  const QPointF anchor = toMap(anchorPixel);
  setMetresPerPixel(m_metresPerPixel / factor);
  // Put the anchor back under the same pixel.
  const QPointF moved = toMap(anchorPixel);
  m_center += anchor - moved;
}

void MapSettings::panByPixels(const QPointF& delta) {
  m_center += QPointF(-delta.x() * m_metresPerPixel, delta.y() * m_metresPerPixel);
}

} // namespace sv
