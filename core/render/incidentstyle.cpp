#include "render/incidentstyle.h"

#include <memory>
#include <vector>

#include "render/mapstyle.h"

#include <QPainterPath>
#include <QPolygonF>

#include <algorithm>
#include <cmath>

namespace sv::incidentstyle {

namespace {

constexpr double kPi = 3.14159265358979323846;
const QColor kOutline{0x1f, 0x1c, 0x19};

QPainterPath shapePath(Shape shape, const QPointF& c, double r) {
  QPainterPath path;
  auto regular = [&](int corners, double rotation, double innerRatio) {
    QPolygonF polygon;
    const int points = innerRatio > 0 ? corners * 2 : corners;
    for (int k = 0; k < points; ++k) {
      const double radius = innerRatio > 0 && k % 2 == 1 ? r * innerRatio : r;
      const double angle = rotation + 2 * kPi * k / points;
      polygon << QPointF(c.x() + radius * std::sin(angle), c.y() - radius * std::cos(angle));
    }
    polygon << polygon.front();
    path.addPolygon(polygon);
    path.closeSubpath();
  };
  switch (shape) {
    case Shape::Circle: path.addEllipse(c, r, r); break;
    case Shape::Triangle:
      regular(3, 0.0, 0.0);
      path.translate(0, r * 0.2); // visually centred
      break;
    case Shape::InvertedTriangle:
      regular(3, kPi, 0.0);
      path.translate(0, -r * 0.2);
      break;
    case Shape::Star: regular(5, 0.0, 0.5); break;
    case Shape::Square: path.addRect(QRectF(c.x() - r * 0.85, c.y() - r * 0.85, r * 1.7, r * 1.7)); break;
    case Shape::Diamond: regular(4, 0.0, 0.0); break;
  }
  return path;
}

// Shapes with corners look smaller than a circle of the same radius.
double shapeScale(Shape shape) {
  switch (shape) {
    case Shape::Circle: return 1.0;
    case Shape::Square: return 0.95;
    case Shape::Diamond: return 1.15;
    case Shape::Star: return 1.35;
    case Shape::Triangle:
    case Shape::InvertedTriangle: return 1.3;
  }
  return 1.0;
}

} // namespace

QColor typeColour(EventType type) {
  switch (type) {
    case EventType::Battles: return QColor(0xD5, 0x5E, 0x00);                  // vermilion
    case EventType::ViolenceAgainstCivilians: return QColor(0xCC, 0x79, 0xA7); // reddish purple
    case EventType::ExplosionsRemoteViolence: return QColor(0xE6, 0x9F, 0x00); // orange
    case EventType::Riots: return QColor(0x00, 0x72, 0xB2);                    // blue
    case EventType::Protests: return QColor(0x56, 0xB4, 0xE9);                 // sky blue
    case EventType::StrategicDevelopments: return QColor(0x00, 0x9E, 0x73);    // bluish green
    case EventType::Unclassified: return QColor(0x80, 0x80, 0x80);             // grey: no type given
  }
  return Qt::black;
}

Shape typeShape(EventType type) {
  switch (type) {
    case EventType::Battles: return Shape::Circle;
    case EventType::ViolenceAgainstCivilians: return Shape::Triangle;
    case EventType::ExplosionsRemoteViolence: return Shape::Star;
    case EventType::Riots: return Shape::Square;
    case EventType::Protests: return Shape::InvertedTriangle;
    case EventType::StrategicDevelopments: return Shape::Diamond;
    case EventType::Unclassified: return Shape::Circle;
  }
  return Shape::Circle;
}

SizeScale::SizeScale(std::int32_t datasetMaxFatalities)
    : m_datasetMax(std::max(datasetMaxFatalities, 0)), m_max(std::max(datasetMaxFatalities, 10)) {
  m_areaPerFatality = (kMaxRadius * kMaxRadius - kMinRadius * kMinRadius) / m_max;
}

double SizeScale::radius(std::int32_t fatalities) const {
  const double f = std::clamp<double>(fatalities, 0, m_max);
  return std::sqrt(kMinRadius * kMinRadius + m_areaPerFatality * f);
}

void drawSymbol(QPainter& painter, const QPointF& centre, const SymbolLook& look) {
  const Shape shape = typeShape(look.type);
  const double r = look.radius * shapeScale(shape);
  const QColor colour = look.colour.isValid() ? look.colour : typeColour(look.type);
  const QPainterPath path = shapePath(shape, centre, r);
  painter.save();
  painter.setRenderHint(QPainter::Antialiasing, true);
  if (look.approximateLocation) {
    // Hollow: a white core inside a thick ring in the type's colour.
    painter.setPen(QPen(kOutline, 1.0));
    painter.setBrush(colour);
    painter.drawPath(path);
    const QPainterPath inner = shapePath(shape, centre, std::max(r - 3.0, r * 0.45));
    painter.setPen(Qt::NoPen);
    painter.setBrush(QColor(255, 255, 255, 235));
    painter.drawPath(inner);
  } else {
    painter.setPen(QPen(kOutline, 1.0));
    painter.setBrush(colour);
    painter.drawPath(path);
  }
  if (look.approximateDate) {
    QPen dashed(kOutline, 1.2, Qt::CustomDashLine);
    dashed.setDashPattern({2.0, 2.0});
    painter.setPen(dashed);
    painter.setBrush(Qt::NoBrush);
    const double ring = r + 3.0;
    painter.drawEllipse(centre, ring, ring);
  }
  painter.restore();
}

QRectF countBadgeRect(const QPointF& symbolCentre, double symbolRadius, std::uint32_t count) {
  const int digits = static_cast<int>(std::to_string(count).size());
  const double height = 13.0;
  const double width = std::max(height, 6.0 + 6.5 * digits);
  const QPointF corner = symbolCentre + QPointF(symbolRadius * 0.55, -symbolRadius * 0.55 - height);
  return QRectF(corner, QSizeF(width, height));
}

void drawCountBadge(QPainter& painter, const QPointF& symbolCentre, double symbolRadius, std::uint32_t count) {
  const QRectF rect = countBadgeRect(symbolCentre, symbolRadius, count);
  painter.save();
  painter.setRenderHint(QPainter::Antialiasing, true);
  painter.setPen(QPen(Qt::white, 1.2));
  painter.setBrush(kOutline);
  painter.drawRoundedRect(rect, rect.height() / 2, rect.height() / 2);
  painter.setFont(mapstyle::mapFont(10));
  painter.setPen(Qt::white);
  painter.drawText(rect, Qt::AlignCenter, QString::number(count));
  painter.restore();
}

SymbolCache& SymbolCache::forThread(qreal devicePixelRatio) {
  constexpr std::size_t kMaxSprites = 4096;
  thread_local std::vector<std::unique_ptr<SymbolCache>> caches;
  for (const auto& cache : caches) {
    if (cache->m_ratio != devicePixelRatio) continue;
    if (cache->m_sprites.size() > kMaxSprites) cache->m_sprites.clear();
    return *cache;
  }
  if (caches.size() > 4) caches.clear();
  return *caches.emplace_back(std::make_unique<SymbolCache>(devicePixelRatio));
}

const SymbolCache::Sprite& SymbolCache::sprite(std::uint64_t key, const QRectF& bounds,
                                               const std::function<void(QPainter&)>& draw) {
  auto it = m_sprites.find(key);
  if (it != m_sprites.end()) return it->second;
  const QRect pixels = bounds.toAlignedRect();
  QImage image(static_cast<int>(std::ceil(pixels.width() * m_ratio)),
               static_cast<int>(std::ceil(pixels.height() * m_ratio)), QImage::Format_ARGB32_Premultiplied);
  image.setDevicePixelRatio(m_ratio);
  image.fill(Qt::transparent);
  {
    QPainter painter(&image);
    painter.translate(-pixels.topLeft());
    draw(painter);
  }
  return m_sprites.emplace(key, Sprite{std::move(image), QPointF(pixels.topLeft())}).first->second;
}

void SymbolCache::drawSymbol(QPainter& painter, const QPointF& centre, const SymbolLook& look) {
  // Radii to a quarter pixel and centres to the device pixel grid, so that a
  // handful of sprites serve every symbol of a layer.
  const double radius = std::round(look.radius * 4.0) / 4.0;
  const QPointF snapped(std::round(centre.x() * m_ratio) / m_ratio, std::round(centre.y() * m_ratio) / m_ratio);
  const std::uint64_t colourKey =
      look.colour.isValid() ? (std::uint64_t{1} << 24 | (look.colour.rgb() & 0xFFFFFFu)) : 0;
  const std::uint64_t key = static_cast<std::uint64_t>(look.type) | (look.approximateLocation ? 8u : 0u) |
                            (look.approximateDate ? 16u : 0u) |
                            (static_cast<std::uint64_t>(std::lround(radius * 4.0)) & 0x7FFu) << 5 | colourKey << 16;
  const double reach = std::ceil(radius * 1.4 + 5.0);
  const Sprite& s = sprite(key, QRectF(-reach, -reach, 2 * reach, 2 * reach), [&](QPainter& p) {
    incidentstyle::drawSymbol(p, QPointF(0, 0),
                              {look.type, radius, look.approximateLocation, look.approximateDate, look.colour});
  });
  painter.drawImage(snapped + s.offset, s.image);
}

void SymbolCache::drawCountBadge(QPainter& painter, const QPointF& symbolCentre, double symbolRadius,
                                 std::uint32_t count) {
  const QRectF rect = countBadgeRect(symbolCentre, symbolRadius, count);
  const QPointF whole(std::floor(rect.left()), std::floor(rect.top()));
  const std::uint64_t key = (std::uint64_t{1} << 62) | count;
  const QRectF local(QPointF(0, 0), rect.size());
  const Sprite& s = sprite(key, local.adjusted(-1, -1, 1, 1), [&](QPainter& p) {
    // Drawn as at a centre that puts the badge at the sprite's origin.
    const QRectF atOrigin = countBadgeRect(QPointF(0, 0), symbolRadius, count);
    p.translate(-atOrigin.topLeft());
    incidentstyle::drawCountBadge(p, QPointF(0, 0), symbolRadius, count);
  });
  painter.drawImage(whole + s.offset, s.image);
}

void drawCorridor(QPainter& painter, const QPainterPath& path, EventType type, const QColor& colour,
                  bool approximateRoute) {
  const QColor base = colour.isValid() ? colour : typeColour(type);
  painter.save();
  painter.setRenderHint(QPainter::Antialiasing);
  painter.setBrush(Qt::NoBrush);
  QColor band = base;
  band.setAlphaF(0.28);
  painter.setPen(QPen(band, 2.0 * kCorridorHalfWidth, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
  painter.drawPath(path);
  QPen dashes(base.darker(115), 2.0, Qt::CustomDashLine, Qt::FlatCap, Qt::RoundJoin);
  dashes.setDashPattern(approximateRoute ? QList<qreal>{5.0, 3.0} : QList<qreal>{3.0, 2.0});
  painter.setPen(dashes);
  painter.drawPath(path);
  painter.restore();
}

void drawArea(QPainter& painter, const QPainterPath& path, EventType type, const QColor& colour) {
  const QColor base = colour.isValid() ? colour : typeColour(type);
  painter.save();
  painter.setRenderHint(QPainter::Antialiasing);
  QColor hatch = base;
  hatch.setAlphaF(0.6);
  QBrush brush(hatch, Qt::BDiagPattern);
  // The brush's transform is merged with the painter's, so the hatching keeps its spacing in logical pixels.
  brush.setTransform(QTransform::fromScale(1.5, 1.5));
  painter.setBrush(brush);
  painter.setPen(QPen(base, 2.0, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
  painter.drawPath(path);
  painter.restore();
}

} // namespace sv::incidentstyle
