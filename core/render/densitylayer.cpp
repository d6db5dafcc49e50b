#include "render/densitylayer.h"

#include "render/decorations.h"
#include "render/mapstyle.h"

#include <QCoreApplication>
#include <QFontMetricsF>
#include <QPainter>
#include <QPainterPath>
#include <QPolygonF>

#include <cmath>

namespace sv::density {
namespace {

constexpr double kSqrt3 = 1.7320508075688772;
// A sequential ramp, light to dark (ColorBrewer YlOrRd), read the same by
// the common forms of colour blindness.
constexpr std::array<QRgb, kClassFloors.size()> kRamp = {0xffffcc, 0xffeda0, 0xfed976, 0xfeb24c,
                                                         0xfd8d3c, 0xfc4e2a, 0xe31a1c, 0xb10026};

QPolygonF hexagon(const QPointF& centre, double radius) {
  QPolygonF polygon;
  for (int k = 0; k < 6; ++k) {
    const double angle = (60.0 * k - 30.0) * 3.14159265358979323846 / 180.0;
    polygon << centre + QPointF(radius * std::cos(angle), radius * std::sin(angle));
  }
  return polygon;
}

} // namespace

std::size_t classOf(std::uint32_t count) {
  std::size_t c = 0;
  while (c + 1 < kClassFloors.size() && count >= kClassFloors[c + 1]) ++c;
  return c;
}

QColor classColour(std::size_t densityClass) {
  QColor colour(kRamp[std::min(densityClass, kRamp.size() - 1)]);
  colour.setAlpha(170); // the towns' names under them stay readable
  return colour;
}

QString classLabel(std::size_t c) {
  if (c + 1 >= kClassFloors.size()) return QStringLiteral("%1+").arg(kClassFloors.back());
  if (kClassFloors[c + 1] - kClassFloors[c] == 1) return QString::number(kClassFloors[c]);
  return QStringLiteral("%1–%2").arg(kClassFloors[c]).arg(kClassFloors[c + 1] - 1);
}

Binner::Binner(QSize size, double radius)
    : m_radius(radius),
      m_inverseRadius(1.0 / radius),
      m_columns(static_cast<int>(std::ceil(size.width() / (kSqrt3 * radius))) + 3),
      m_rows(static_cast<int>(std::ceil(size.height() / (1.5 * radius))) + 3),
      m_counts(static_cast<std::size_t>(m_columns) * static_cast<std::size_t>(m_rows), 0) {}

void Binner::add(const QPointF& pixel) {
  // Pixel to axial coordinates, rounded in cube coordinates (the usual way),
  // with the divisions folded into constants and rounding by an offset cast:
  // this runs once per incident, a million times a frame.
  const double q = kSqrt3 / 3.0 * m_inverseRadius * pixel.x() - m_inverseRadius / 3.0 * pixel.y();
  const double r = 2.0 / 3.0 * m_inverseRadius * pixel.y();
  const double s = -q - r;
  constexpr double kOffset = 1 << 20; // keeps the values positive for the cast, far beyond any output
  int rq = static_cast<int>(q + kOffset + 0.5) - (1 << 20);
  int rr = static_cast<int>(r + kOffset + 0.5) - (1 << 20);
  const int rs = static_cast<int>(s + kOffset + 0.5) - (1 << 20);
  const double dq = std::abs(rq - q), dr = std::abs(rr - r), ds = std::abs(rs - s);
  // Without branches: which coordinate to mend depends on the point, and
  // mispredicted jumps cost more than the arithmetic.
  const int fixQ = (dq > dr) & (dq > ds);
  const int fixR = (1 - fixQ) & (dr > ds);
  rq += fixQ * (-rr - rs - rq);
  rr += fixR * (-rq - rs - rr);
  const int x = rq + (rr - (rr & 1)) / 2 + 1, y = rr + 1;
  if (static_cast<unsigned>(x) >= static_cast<unsigned>(m_columns) ||
      static_cast<unsigned>(y) >= static_cast<unsigned>(m_rows))
    return;
  ++m_counts[static_cast<std::size_t>(y) * static_cast<std::size_t>(m_columns) + static_cast<std::size_t>(x)];
  ++m_added;
}

Bins Binner::bins() const {
  Bins bins;
  bins.incidents = m_added;
  for (int y = 0; y < m_rows; ++y)
    for (int x = 0; x < m_columns; ++x) {
      const std::uint32_t count =
          m_counts[static_cast<std::size_t>(y) * static_cast<std::size_t>(m_columns) + static_cast<std::size_t>(x)];
      if (count == 0) continue;
      const int row = y - 1, column = x - 1;
      const double cx = m_radius * kSqrt3 * (column + 0.5 * (row & 1));
      const double cy = m_radius * 1.5 * row;
      bins.cells.push_back({QPointF(cx, cy), count});
      bins.maxCount = std::max(bins.maxCount, count);
    }
  return bins;
}

void drawBins(QPainter& painter, const Bins& bins, double radius) {
  // One path per class, filled once: thousands of hexagons in six calls.
  std::array<QPainterPath, kClassFloors.size()> paths;
  for (const Bins::Cell& cell : bins.cells) paths[classOf(cell.count)].addPolygon(hexagon(cell.centre, radius - 0.6));
  painter.save();
  painter.setRenderHint(QPainter::Antialiasing, false); // hexagons tile: no edge to smooth
  for (std::size_t c = 0; c < paths.size(); ++c)
    if (!paths[c].isEmpty()) painter.fillPath(paths[c], classColour(c));
  painter.restore();
}

void drawLegend(QPainter& painter, const MapSettings& settings, const Bins& bins, double radius) {
  if (bins.cells.empty()) return;
  painter.save();
  painter.setRenderHint(QPainter::Antialiasing, true);
  const QFont font = mapstyle::mapFont(11);
  painter.setFont(font);
  const QFontMetricsF metrics(font);
  // Web Mercator's scale at the view's centre, without PROJ: ground = projected × cos(latitude).
  const double latitude = std::atan(std::sinh(settings.center().y() / 6378137.0));
  const double across = kSqrt3 * radius * settings.metresPerPixel() * std::cos(latitude) / 1000.0;
  const QString title = QCoreApplication::translate("Density", "Incidents per hexagon (%1 km across)")
                            .arg(across, 0, 'f', across < 10 ? 1 : 0);
  const std::size_t classes = classOf(bins.maxCount) + 1;
  const double row = metrics.height() + 2;
  const double width = std::max(metrics.horizontalAdvance(title), 150.0) + 16;
  const double height = row * static_cast<double>(classes + 1) + 10;
  const QRectF scaleBar = scaleBarArea(settings);
  const QRectF box(8, scaleBar.top() - height - 8, width, height);
  painter.setPen(Qt::NoPen);
  painter.setBrush(QColor(255, 255, 255, 225));
  painter.drawRoundedRect(box, 4, 4);
  painter.setPen(QColor(0x22, 0x22, 0x22));
  painter.drawText(QPointF(box.left() + 8, box.top() + 5 + metrics.ascent()), title);
  for (std::size_t c = 0; c < classes; ++c) {
    const double y = box.top() + 5 + row * static_cast<double>(c + 1);
    painter.setPen(QPen(QColor(255, 255, 255), 0.8));
    painter.setBrush(classColour(c));
    painter.drawPolygon(hexagon(QPointF(box.left() + 16, y + row / 2), 6.5));
    painter.setPen(QColor(0x22, 0x22, 0x22));
    painter.drawText(QPointF(box.left() + 30, y + metrics.ascent()), classLabel(c));
  }
  painter.restore();
}

} // namespace sv::density
