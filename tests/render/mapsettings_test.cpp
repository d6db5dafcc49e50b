#include "render/mapsettings.h"

#include <gtest/gtest.h>

namespace sv {
namespace {
MapSettings sampleSettings() {
  MapSettings s;
  s.setOutputSize({800, 600});
  s.setCenter({-700000.0, 1600000.0});
  s.setMetresPerPixel(2500.0);
  return s;
}
} // namespace

TEST(MapSettings, PixelAndMapAreInverse) {
  const MapSettings s = sampleSettings();
  EXPECT_EQ(s.toPixel(s.center()), QPointF(400, 300));
  const QPointF pixel(123.5, 456.25);
  const QPointF back = s.toPixel(s.toMap(pixel));
  EXPECT_NEAR(back.x(), pixel.x(), 1e-9);
  EXPECT_NEAR(back.y(), pixel.y(), 1e-9);
  // North is up: a point north of the centre is above it on screen.
  EXPECT_LT(s.toPixel(s.center() + QPointF(0, 10000)).y(), 300.0);
  const QPointF viaTransform = s.mapToPixelTransform().map(QPointF(-650000, 1500000));
  const QPointF direct = s.toPixel(QPointF(-650000, 1500000));
  EXPECT_NEAR(viaTransform.x(), direct.x(), 1e-6);
  EXPECT_NEAR(viaTransform.y(), direct.y(), 1e-6);
}

TEST(MapSettings, ZoomKeepsTheAnchorStill) {
  MapSettings s = sampleSettings();
  const QPointF anchor(620, 140);
  const QPointF before = s.toMap(anchor);
  s.zoomBy(2.0, anchor);
  EXPECT_DOUBLE_EQ(s.metresPerPixel(), 1250.0);
  const QPointF after = s.toMap(anchor);
  EXPECT_NEAR(after.x(), before.x(), 1e-6);
  EXPECT_NEAR(after.y(), before.y(), 1e-6);
}

TEST(MapSettings, ZoomIsClampedToSaneLimits) {
  MapSettings s = sampleSettings();
  s.setMetresPerPixel(0.0001);
  EXPECT_EQ(s.metresPerPixel(), MapSettings::kMinMetresPerPixel);
  s.setMetresPerPixel(1e12);
  EXPECT_EQ(s.metresPerPixel(), MapSettings::kMaxMetresPerPixel);
}

TEST(MapSettings, PanMovesTheMapWithThePointer) {
  MapSettings s = sampleSettings();
  const QPointF grabbed = s.toMap(QPointF(100, 100));
  s.panByPixels(QPointF(30, -20));
  const QPointF now = s.toPixel(grabbed);
  EXPECT_NEAR(now.x(), 130.0, 1e-9);
  EXPECT_NEAR(now.y(), 80.0, 1e-9);
}

TEST(MapSettings, ZoomToExtentShowsAllOfIt) {
  MapSettings s = sampleSettings();
  const QRectF extent(-1370000, 1130000, 1850000, 1750000);
  s.zoomToExtent(extent);
  EXPECT_TRUE(s.visibleExtent().contains(extent));
  EXPECT_EQ(s.center(), extent.center());
}

} // namespace sv
