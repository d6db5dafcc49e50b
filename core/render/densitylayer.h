#pragma once

#include "render/mapsettings.h"

#include <QColor>
#include <QPointF>
#include <QSize>

#include <array>
#include <cstdint>
#include <vector>

class QPainter;

namespace sv {

// Incidents counted in hexagons of the screen: the density view, for
// datasets too large for symbols to say anything at national scale (as
// kepler.gl's and QGIS's hexagon layers do). The classes are fixed, not
// stretched to each view, so that scrubbing through time compares like with like.
namespace density {

inline constexpr double kHexRadius = 13.0; // logical pixels, centre to corner
// The lower bound of each class: 1, 2–4, 5–14, 15–49, 50–199, 200–999,
// 1000–4999, 5000 and more.
inline constexpr std::array<std::uint32_t, 8> kClassFloors = {1, 2, 5, 15, 50, 200, 1000, 5000};
std::size_t classOf(std::uint32_t count);
QColor classColour(std::size_t densityClass);
// "1", "2–4", …, "200+".
QString classLabel(std::size_t densityClass);

struct Bins {
  struct Cell {
    QPointF centre; // logical pixels
    std::uint32_t count = 0;
  };
  std::vector<Cell> cells;
  std::uint32_t maxCount = 0;
  std::size_t incidents = 0;
};

// Counts pixels (logical) in pointy-top hexagons over an output of `size`.
class Binner {
public:
  explicit Binner(QSize size, double radius = kHexRadius);
  void add(const QPointF& pixel);
  Bins bins() const;

private:
  double m_radius;
  double m_inverseRadius;
  int m_columns, m_rows;
  std::vector<std::uint32_t> m_counts; // offset rows ("odd-r"), one margin cell around
  std::size_t m_added = 0;
};

void drawBins(QPainter& painter, const Bins& bins, double radius = kHexRadius);
// The scale of the classes at the bottom left, above the scale bar, with
// the hexagons' width on the ground at the view's centre.
void drawLegend(QPainter& painter, const MapSettings& settings, const Bins& bins, double radius = kHexRadius);

} // namespace density
} // namespace sv
