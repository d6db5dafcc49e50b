#pragma once

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

} // namespace sv
