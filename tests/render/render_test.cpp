#include "render/labellayout.h"
#include "render/maprenderer.h"
#include "render/mapstyle.h"
#include "render/testmap.h"

#include <QPainter>

#include <gtest/gtest.h>

#include <cstdlib>

namespace sv {
namespace {

using test::maliView;
using test::requestFor;

bool near(QColor a, QColor b, int tolerance) {
  return std::abs(a.red() - b.red()) <= tolerance && std::abs(a.green() - b.green()) <= tolerance &&
         std::abs(a.blue() - b.blue()) <= tolerance;
}

// A pixel of `region` well inside it and away from every label, symbol and border.
std::optional<QPoint> quietPointIn(const ProjectedRegion& region, const MapSettings& s,
                                   const std::vector<PlacedLabel>& labels) {
  const QRectF box(s.toPixel(region.bounds.bottomLeft()), s.toPixel(region.bounds.topRight()));
  const QRectF pixels = box.normalized();
  for (double y = pixels.top(); y < pixels.bottom(); y += 3) {
    for (double x = pixels.left(); x < pixels.right(); x += 3) {
      bool inside = true;
      for (const QPointF d : {QPointF(0, 0), QPointF(6, 0), QPointF(-6, 0), QPointF(0, 6), QPointF(0, -6)}) {
        inside = inside && region.path.contains(s.toMap(QPointF(x, y) + d));
      }
      if (!inside) continue;
      const QRectF around(x - 8, y - 8, 16, 16);
      bool clear = true;
      for (const auto& label : labels) {
        clear = clear && !label.rect.intersects(around) &&
                !QRectF(label.anchor - QPointF(8, 8), QSizeF(16, 16)).intersects(around);
      }
      // Keep clear of rivers and the scale bar / north arrow corners.
      if (clear && x > 200 && y > 60 && y < s.outputSize().height() - 60)
        return QPoint(static_cast<int>(x), static_cast<int>(y));
    }
  }
  return std::nullopt;
}

} // namespace

TEST(Render, RegionsAreFilledWithTheirColours) {
  const MapSettings s = maliView({1280, 800});
  const RenderedMap rendered = renderMap(requestFor(s));
  ASSERT_TRUE(rendered.isComplete);
  const QImage image = composeLayers(rendered);
  const auto labels = layoutLabels(*test::bundledBaseMap(), s);
  int probed = 0;
  for (const ProjectedRegion& region : test::bundledBaseMap()->regions()) {
    if (region.name == QStringLiteral("Bamako")) continue; // the district is a few pixels wide here
    const auto point = quietPointIn(region, s, labels);
    if (!point) continue;
    // Rivers cross some regions; a probe on one is skipped, not failed.
    const QColor colour = image.pixelColor(*point);
    if (near(colour, mapstyle::kWater, 40) || near(colour, mapstyle::kWaterFill, 20)) continue;
    EXPECT_TRUE(near(colour, mapstyle::regionFill(region.colourIndex), 2))
        << region.name.toStdString() << " at " << point->x() << "," << point->y() << " is "
        << colour.name().toStdString();
    ++probed;
  }
  EXPECT_GE(probed, 6);
}

TEST(Render, TownSymbolsStandAtTheirProjectedPositions) {
  const MapSettings s = maliView({1280, 800});
  const QImage image = composeLayers(renderMap(requestFor(s)));
  const auto& map = *test::bundledBaseMap();
  // Of-interest places are a filled dot: the centre pixel is the symbol colour.
  for (const char* name : {"Farabougou", "Loulouni"}) {
    const QPointF p = s.toPixel(test::projectedPlace(map, name).position);
    EXPECT_TRUE(near(image.pixelColor(static_cast<int>(p.x()), static_cast<int>(p.y())), mapstyle::kPlaceSymbol, 40))
        << name;
  }
  // Regional capitals are a ring: dark about three pixels out, white at the centre.
  for (const char* name : {"Kayes", "Mopti", "Ségou"}) {
    const QPointF p = s.toPixel(test::projectedPlace(map, name).position);
    const QPointF ring = p + QPointF(2.9, 0);
    EXPECT_TRUE(
        near(image.pixelColor(static_cast<int>(ring.x()), static_cast<int>(ring.y())), mapstyle::kPlaceSymbol, 50))
        << name;
    EXPECT_TRUE(near(image.pixelColor(static_cast<int>(p.x()), static_cast<int>(p.y())), Qt::white, 40)) << name;
  }
  // Outside Mali, the neighbours' fill.
  const Point2 inMauritania = test::displayProjection().forward({-10.5, 20.0});
  const QPointF mauritania = s.toPixel(QPointF(inMauritania.x, inMauritania.y));
  EXPECT_TRUE(near(image.pixelColor(mauritania.toPoint()), mapstyle::kNeighbourFill, 2));
}

TEST(Render, SameSettingsGiveIdenticalPixels) {
  // The first text drawn in a process may differ from later text by one level
  // of antialiasing (font engine caches warming up); renders after it are
  // identical, and so are separate processes (see CommandLine.ExportIsReproducible).
  const MapSettings s = maliView({640, 480});
  composeLayers(renderMap(requestFor(s)));
  const QImage a = composeLayers(renderMap(requestFor(s)));
  const QImage b = composeLayers(renderMap(requestFor(s)));
  EXPECT_TRUE(a == b);
}

TEST(Render, HighDpiImagesHaveDevicePixels) {
  const MapSettings s = maliView({400, 300}, 2.0);
  const RenderedMap rendered = renderMap(requestFor(s));
  EXPECT_EQ(rendered.baseLayer.size(), QSize(800, 600));
  EXPECT_EQ(rendered.baseLayer.devicePixelRatio(), 2.0);
  const QPointF farabougou = s.toPixel(test::projectedPlace(*test::bundledBaseMap(), "Farabougou").position) * 2.0;
  EXPECT_TRUE(near(rendered.baseLayer.pixelColor(farabougou.toPoint()), mapstyle::kPlaceSymbol, 40));
}

TEST(Render, CancelledJobStopsAndSaysSo) {
  auto cancel = makeCancelFlag();
  cancel->store(true);
  const RenderedMap rendered = renderMap(requestFor(maliView({640, 480})), cancel);
  EXPECT_FALSE(rendered.isComplete);
}

TEST(Render, ReusesTheBaseLayerForTheSameView) {
  const RenderRequest request = requestFor(maliView({320, 240}));
  const RenderedMap first = renderMap(request);
  const RenderedMap second = renderMap(request, first, {});
  EXPECT_EQ(first.baseLayer.cacheKey(), second.baseLayer.cacheKey());
}

TEST(ScaleBar, ScaleIsRoundedAndGrouped) {
  EXPECT_EQ(formatScale(8312345.0), QStringLiteral("1:8\u2009300\u2009000"));
  EXPECT_EQ(formatScale(49876.0), QStringLiteral("1:50\u2009000"));
}

TEST(ScaleBar, IsGeodesicAndRound) {
  const MapSettings s = maliView({1280, 800});
  const ScaleBar bar = computeScaleBar(s, test::displayProjection());
  EXPECT_GT(bar.lengthPixels, 40.0);
  EXPECT_LE(bar.lengthPixels, 140.0);
  EXPECT_TRUE(bar.label.endsWith(QStringLiteral(" km")));
  // Ground distance is shorter than the Mercator distance at Mali's latitudes.
  EXPECT_LT(bar.groundMetres / bar.lengthPixels, s.metresPerPixel());
}

} // namespace sv
