#include "geo/geodesy.h"

#include <gtest/gtest.h>

namespace sv {

// Reference values are properties of the WGS84 ellipsoid (a = 6378137 m,
// f = 1/298.257223563) and the worked example of Karney's geodesic papers.

TEST(Geodesy, OneDegreeAlongTheEquator) {
  // a * pi / 180
  EXPECT_NEAR(geodesicDistance({0, 0}, {1, 0}), 111319.49079327357, 1e-6);
}

TEST(Geodesy, QuarterMeridian) { EXPECT_NEAR(geodesicDistance({0, 0}, {0, 90}), 10001965.729, 1e-3); }

TEST(Geodesy, JfkToHeathrow) {
  const GeodesicLine line = geodesicInverse({-73.8, 40.6}, {-0.5, 51.6});
  EXPECT_NEAR(line.distanceMetres, 5551759.400, 0.01);
  EXPECT_NEAR(line.initialAzimuthDegrees, 51.198882845, 1e-6);
}

TEST(Geodesy, DirectInvertsInverse) {
  const Point2 bamako{-8.0, 12.65};
  const Point2 kayes{-11.44448, 14.44693};
  const GeodesicLine line = geodesicInverse(bamako, kayes);
  EXPECT_GT(line.distanceMetres, 400000.0);
  EXPECT_LT(line.distanceMetres, 450000.0);
  const Point2 reached = geodesicDirect(bamako, line.initialAzimuthDegrees, line.distanceMetres);
  EXPECT_NEAR(reached.x, kayes.x, 1e-9);
  EXPECT_NEAR(reached.y, kayes.y, 1e-9);
}

} // namespace sv

namespace sv {

// Reference values from GeographicLib's Planimeter (WGS84).
TEST(Geodesy, AreasAndPathLengthsOnTheEllipsoid) {
  EXPECT_NEAR(geodesicPolygonArea({{0, 0}, {1, 0}, {1, 1}, {0, 1}}), 12308778361.5, 1.0);
  // Either winding, the same area; the triangle Bamako–Farabougou–Kayes.
  const std::vector<Point2> triangle{{-7.99, 12.65}, {-6.1414, 14.8921}, {-11.43, 14.45}};
  EXPECT_NEAR(geodesicPolygonArea(triangle), 66260223331.6, 1.0);
  EXPECT_NEAR(geodesicPolygonArea({triangle[2], triangle[1], triangle[0]}), 66260223331.6, 1.0);
  EXPECT_NEAR(geodesicPathLength({triangle[0], triangle[1], triangle[2], triangle[0]}), 1312548.900268, 1e-3);
  EXPECT_EQ(geodesicPolygonArea({{0, 0}, {1, 1}}), 0.0);
  EXPECT_EQ(geodesicPathLength({{0, 0}}), 0.0);
}

} // namespace sv
