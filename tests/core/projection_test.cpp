#include "geo/projection.h"

#include <gtest/gtest.h>

#include <cmath>
#include <numbers>

namespace sv {

TEST(Projection, WebMercatorMatchesItsDefinition) {
  const Projection p = Projection::webMercator();
  constexpr double radius = 6378137.0;
  for (const Point2 lonLat : {Point2{0, 0}, Point2{-8.0, 12.65}, Point2{-11.44448, 14.44693}, Point2{4.2, 24.9}}) {
    const Point2 xy = p.forward(lonLat);
    const double lambda = lonLat.x * std::numbers::pi / 180.0;
    const double phi = lonLat.y * std::numbers::pi / 180.0;
    EXPECT_NEAR(xy.x, radius * lambda, 1e-6);
    EXPECT_NEAR(xy.y, radius * std::log(std::tan(std::numbers::pi / 4 + phi / 2)), 1e-6);
  }
  EXPECT_NEAR(p.forward({180.0, 0.0}).x, 20037508.342789244, 1e-6);
}

TEST(Projection, RoundTripsOverMaliAndItsNeighbours) {
  const Projection p = Projection::webMercator();
  for (double lon = -18.0; lon <= 16.0; lon += 0.7) {
    for (double lat = 3.0; lat <= 30.0; lat += 0.9) {
      const Point2 back = p.inverse(p.forward({lon, lat}));
      EXPECT_NEAR(back.x, lon, 1e-9);
      EXPECT_NEAR(back.y, lat, 1e-9);
    }
  }
}

TEST(Projection, ArrayFormMatchesPointForm) {
  const Projection p = Projection::webMercator();
  std::vector<Point2> points{{-8.0, 12.65}, {-6.1414, 14.8921}, {-5.6, 10.9}};
  const auto expected = points;
  p.forward(points);
  for (std::size_t i = 0; i < points.size(); ++i) {
    const Point2 one = p.forward(expected[i]);
    EXPECT_DOUBLE_EQ(points[i].x, one.x);
    EXPECT_DOUBLE_EQ(points[i].y, one.y);
  }
}

TEST(Projection, UnknownCrsIsAnErrorNotACrash) {
  std::string error;
  EXPECT_FALSE(Projection::create("EPSG:999999", &error).has_value());
  EXPECT_NE(error.find("EPSG:999999"), std::string::npos);
}

TEST(Projection, EqualAreaAlternativeWorks) {
  // An equal-area display (Africa Albers) is a supported alternative.
  auto p = Projection::create("ESRI:102022");
  ASSERT_TRUE(p.has_value());
  const Point2 back = p->inverse(p->forward({-6.1414, 14.8921}));
  EXPECT_NEAR(back.x, -6.1414, 1e-8);
  EXPECT_NEAR(back.y, 14.8921, 1e-8);
}

} // namespace sv
