#pragma once

#include <cstddef>
#include <vector>

namespace sv {

// Plain geometry in any planar or angular coordinate system (degrees for
// WGS84 data as read, metres once projected for display).
struct Point2 {
  double x = 0.0;
  double y = 0.0;
  friend bool operator==(const Point2&, const Point2&) = default;
};

using Ring = std::vector<Point2>;
using LineString = std::vector<Point2>;

// Rings of one or more polygons; drawn with the even-odd rule, which holds
// for non-overlapping polygons with holes.
struct MultiPolygon {
  std::vector<Ring> rings;
};

struct MultiLineString {
  std::vector<LineString> parts;
};

struct Extent {
  double minX = 0.0;
  double minY = 0.0;
  double maxX = 0.0;
  double maxY = 0.0;
  bool isEmpty() const { return maxX < minX || maxY < minY; }
  double width() const { return maxX - minX; }
  double height() const { return maxY - minY; }
  static Extent empty() { return {1.0, 1.0, -1.0, -1.0}; }
  void include(const Point2& p) {
    if (isEmpty()) {
      *this = {p.x, p.y, p.x, p.y};
      return;
    }
    if (p.x < minX) minX = p.x;
    if (p.y < minY) minY = p.y;
    if (p.x > maxX) maxX = p.x;
    if (p.y > maxY) maxY = p.y;
  }
};

// Whether a point lies inside a multipolygon, by the even-odd rule that also
// draws it (a point in a hole is outside).
inline bool contains(const MultiPolygon& polygon, const Point2& p) {
  bool inside = false;
  for (const Ring& ring : polygon.rings) {
    for (std::size_t i = 0, j = ring.size() - 1; i < ring.size(); j = i++) {
      const Point2& a = ring[i];
      const Point2& b = ring[j];
      if ((a.y > p.y) != (b.y > p.y) && p.x < (b.x - a.x) * (p.y - a.y) / (b.y - a.y) + a.x) inside = !inside;
    }
  }
  return inside;
}

} // namespace sv
