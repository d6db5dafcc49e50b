// Tile base maps and context layers under the incidents.
#include "render/maplayers.h"
#include "render/maprenderer.h"
#include "render/mapstyle.h"
#include "render/testmap.h"
#include "render/tiledata.h"

#include <QFile>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <cmath>

namespace sv {
namespace {

int distance(QColor a, QColor b) {
  return std::abs(a.red() - b.red()) + std::abs(a.green() - b.green()) + std::abs(a.blue() - b.blue());
}

QPointF pixelAt(const MapSettings& settings, double lon, double lat) {
  const Point2 p = test::displayProjection().forward({lon, lat});
  return settings.toPixel(QPointF(p.x, p.y));
}

// The share of pixels in a small square around `at` within `tolerance` of `colour`.
double shareOf(const QImage& image, QPointF at, QColor colour, int tolerance = 40) {
  int near = 0, all = 0;
  const qreal ratio = image.devicePixelRatio();
  for (int dy = -6; dy <= 6; ++dy)
    for (int dx = -6; dx <= 6; ++dx) {
      const QPoint p((at.x() * ratio) + dx, (at.y() * ratio) + dy);
      if (!image.rect().contains(p)) continue;
      ++all;
      if (distance(image.pixelColor(p), colour) <= tolerance) ++near;
    }
  return all ? double(near) / all : 0.0;
}

const QColor kWest(200, 40, 40), kEast(40, 60, 200);

// Tests with an MBTiles file of zoom 6, made with GDAL, red west of 6.3° W and blue east of it.
class TileBaseMap : public ::testing::Test {
protected:
  void SetUp() override {
    path = dir.filePath(QStringLiteral("mali.mbtiles"));
    ASSERT_TRUE(test::writeTestMbtiles(path, 6, kWest, kEast, QStringLiteral("© Test tiles")));
    QString error;
    source = MbtilesSource::open(path, &error);
    ASSERT_TRUE(source) << error.toStdString();
  }
  QTemporaryDir dir;
  QString path;
  std::shared_ptr<const MbtilesSource> source;
};

} // namespace

TEST_F(TileBaseMap, MbtilesFromGdalAreReadAtTheZoomOfTheOutput) {
  EXPECT_EQ(source->attribution(), QStringLiteral("© Test tiles"));
  EXPECT_EQ(source->maxZoom(), 6);
  EXPECT_EQ(source->spec(), QStringLiteral("mbtiles:") + QFileInfo(path).absoluteFilePath());

  // A window of Mali and the same view on a 4K slide: the slide wants finer tiles.
  MapSettings window = test::maliView({900, 700});
  MapSettings slide = test::maliView({900, 700}, 4.0);
  auto unlimited = [](int max) {
    struct Any : TileSource {
      int max;
      QString spec() const override { return {}; }
      QString attribution() const override { return {}; }
      int minZoom() const override { return 0; }
      int maxZoom() const override { return max; }
      std::optional<QImage> tile(const TileId&) const override { return std::nullopt; }
    } any;
    any.max = max;
    return any;
  };
  const auto any = unlimited(19);
  const int windowZoom = tilesNeeded(any, window).front().z;
  EXPECT_EQ(tilesNeeded(any, slide).front().z, windowZoom + 2) << "four times the pixels, two zooms finer";
  // Tiles never coarser than the pixels they cover.
  EXPECT_LE(2 * 20037508.342789244 / 256.0 / std::pow(2.0, windowZoom), window.metresPerPixel() * 1.06);
  // Beyond the file's zooms, its finest tiles are used.
  EXPECT_EQ(tilesNeeded(*source, slide).front().z, 6);
}

TEST_F(TileBaseMap, OverTilesTheVectorMapDrawsLinesAndNamesWithoutItsFills) {
  RenderRequest request = test::requestFor(test::maliView({900, 700}));
  const RenderedMap vector = renderMap(request);
  request.layers.tiles = source;
  const RenderedMap tiled = renderMap(request);
  ASSERT_TRUE(tiled.isComplete);
  EXPECT_EQ(tiled.baseReport.tileZoom, 6);
  EXPECT_GT(tiled.baseReport.tilesDrawn, 4u);

  // West and east of the split, away from lines and names: the tiles'
  // colours, not the countries' and regions' fills.
  const MapSettings& settings = request.settings;
  const QPointF west = pixelAt(settings, -10.0, 19.0), east = pixelAt(settings, 1.0, 21.0);
  EXPECT_GT(shareOf(tiled.baseLayer, west, kWest), 0.8);
  EXPECT_GT(shareOf(tiled.baseLayer, east, kEast), 0.8);
  EXPECT_LT(shareOf(vector.baseLayer, west, kWest), 0.1);
  // Mali's border still draws over the tiles: the border pixels are dark.
  int darkOnBorder = 0;
  for (const QPoint& p : {pixelAt(settings, -4.25, 10.15).toPoint(), pixelAt(settings, 4.24, 19.15).toPoint()})
    for (int d = -3; d <= 3; ++d)
      if (QColor(tiled.baseLayer.pixel(p + QPoint(d, 0))).lightness() < 110 ||
          QColor(tiled.baseLayer.pixel(p + QPoint(0, d))).lightness() < 110)
        ++darkOnBorder;
  EXPECT_GT(darkOnBorder, 0);

  // Half opacity: the tile colour mixed with white.
  request.layers.tileOpacity = 0.5;
  const RenderedMap faint = renderMap(request);
  const QColor half((kWest.red() + 255) / 2, (kWest.green() + 255) / 2, (kWest.blue() + 255) / 2);
  EXPECT_GT(shareOf(faint.baseLayer, west, half, 30), 0.8);

  // The attribution is on the map itself.
  const QImage composed = composeLayers(tiled);
  const QImage plain = composeLayers(vector);
  const QRect corner(composed.width() - 60, composed.height() - 12, 60, 12);
  EXPECT_NE(composed.copy(corner), plain.copy(corner));
}

TEST_F(TileBaseMap, TilesThatAreNotAtHandLeaveTheirSquareBlankAndAreReported) {
  RenderRequest request = test::requestFor(test::maliView({900, 700}));
  request.layers.tiles = source;
  // Zoomed out to West Africa: most tiles lie outside the file.
  request.settings.setMetresPerPixel(request.settings.metresPerPixel() * 3);
  const RenderedMap rendered = renderMap(request);
  EXPECT_FALSE(rendered.baseReport.missingTiles.empty());
  for (const TileId& tile : rendered.baseReport.missingTiles) EXPECT_FALSE(request.layers.tiles->tile(tile));
  // A range change reuses the image; tiles that came since are drawn.
  request.incidentView.to -= 30;
  const RenderedMap later = renderMap(request, rendered, {});
  EXPECT_EQ(later.baseLayer.cacheKey(), rendered.baseLayer.cacheKey()) << "no tile came: nothing to draw again";
  ++request.tileGeneration;
  const RenderedMap again = renderMap(request, later, {});
  EXPECT_NE(again.baseLayer.cacheKey(), rendered.baseLayer.cacheKey());
}

TEST(TileSources, FilesThatAreNoMbtilesAreRefusedByName) {
  QTemporaryDir dir;
  const QString text = dir.filePath(QStringLiteral("notes.mbtiles"));
  QFile file(text);
  ASSERT_TRUE(file.open(QIODevice::WriteOnly));
  file.write("this is not a database\n");
  file.close();
  QString error;
  EXPECT_FALSE(MbtilesSource::open(text, &error));
  EXPECT_TRUE(error.startsWith(text)) << error.toStdString();
  EXPECT_FALSE(MbtilesSource::open(dir.filePath(QStringLiteral("absent.mbtiles")), &error));
  EXPECT_TRUE(error.contains(QStringLiteral("no such file"))) << error.toStdString();
  EXPECT_FALSE(
      openTileSource(QStringLiteral("xyz:ftp://example.org/{z}/{x}/{y}.png"), dir.path().toStdString(), 1, &error));
  EXPECT_TRUE(error.contains(QStringLiteral("{z}, {x} and {y}"))) << error.toStdString();
  EXPECT_FALSE(openTileSource(QStringLiteral("wms:whatever"), dir.path().toStdString(), 1, &error));
}

namespace {

// Roads of three classes, an area of control from 2021 with a name, and a camp.
QString writeContextFile(const QTemporaryDir& dir) {
  const QString path = dir.filePath(QStringLiteral("context.geojson"));
  QFile file(path);
  EXPECT_TRUE(file.open(QIODevice::WriteOnly));
  file.write(R"({"type": "FeatureCollection", "features": [
{"type": "Feature", "properties": {"highway": "primary", "name": "RN1"},
 "geometry": {"type": "LineString", "coordinates": [[-11.43, 14.45], [-8.0, 12.65]]}},
{"type": "Feature", "properties": {"highway": "track", "name": "piste"},
 "geometry": {"type": "LineString", "coordinates": [[-4.0, 20.0], [0.0, 20.0]]}},
{"type": "Feature", "properties": {"name": "Zone A", "since": "2021-03-01"},
 "geometry": {"type": "Polygon", "coordinates": [[[-4, 15], [-2, 15], [-2, 17], [-4, 17], [-4, 15]]]}},
{"type": "Feature", "properties": {"name": "Camp"}, "geometry": null},
{"type": "Feature", "properties": {"name": "Camp B"}, "geometry": {"type": "Point", "coordinates": [0.5, 16.0]}}
]})");
  return path;
}

} // namespace

TEST(ContextLayer, AnyVectorFileIsReadWithItsFieldsAndItsBadFeaturesListed) {
  QTemporaryDir dir;
  const QString path = writeContextFile(dir);
  QString error;
  QStringList problems;
  const auto data = ContextLayerData::read(path, test::displayProjection(), &error, &problems);
  ASSERT_TRUE(data) << error.toStdString();
  EXPECT_EQ(data->features().size(), 4u);
  ASSERT_EQ(problems.size(), 1);
  EXPECT_TRUE(problems[0].startsWith(path) && problems[0].contains(QStringLiteral("feature 4: no geometry")))
      << problems[0].toStdString();
  EXPECT_TRUE(data->fields().contains(QStringLiteral("highway")));
  const ContextStyle style = data->suggestedStyle();
  EXPECT_EQ(style.kind, ContextStyle::Kind::Roads) << "a highway field";
  EXPECT_EQ(style.labelField, QStringLiteral("name"));

  EXPECT_FALSE(ContextLayerData::read(dir.filePath(QStringLiteral("absent.gpkg")), test::displayProjection(), &error));
  EXPECT_TRUE(error.contains(QStringLiteral("absent.gpkg"))) << error.toStdString();
}

TEST(ContextLayer, RoadsAreDrawnByClassAndAreasFollowTheirTimeField) {
  QTemporaryDir dir;
  QString error;
  const auto data = ContextLayerData::read(writeContextFile(dir), test::displayProjection(), &error);
  ASSERT_TRUE(data) << error.toStdString();
  ContextStyle style = data->suggestedStyle();
  style.timeField = QStringLiteral("since");
  style.fill = QColor(0, 160, 0, 255);
  const auto layer = ContextLayer::make(data, style);
  EXPECT_TRUE(layer->isTimed());

  RenderRequest request = test::requestFor(test::maliView({900, 700}));
  request.layers.context = {layer};
  request.incidentView.from = request.incidentView.to = *parseIsoDate("2020-06-01");
  const RenderedMap before = renderMap(request);
  request.incidentView.from = request.incidentView.to = *parseIsoDate("2022-06-01");
  const RenderedMap after = renderMap(request, before, {});
  EXPECT_NE(after.baseLayer.cacheKey(), before.baseLayer.cacheKey()) << "a timed layer follows the range";
  const MapSettings& settings = request.settings;
  const QPointF zone = pixelAt(settings, -3.0, 16.3);
  EXPECT_LT(shareOf(before.baseLayer, zone, QColor(0, 160, 0)), 0.1) << "not yet in 2020";
  EXPECT_GT(shareOf(after.baseLayer, zone, QColor(0, 160, 0)), 0.5) << "in force from March 2021";

  // The primary road in its road colour at the country scale (away from its
  // name, at its middle); the track not yet.
  const QPointF road = pixelAt(settings, -10.401, 13.91);
  EXPECT_GT(shareOf(after.baseLayer, road, QColor(0xf2, 0xa6, 0x4b), 60), 0.05);
  const QPointF track = pixelAt(settings, -2.0, 20.0);
  const RenderedMap without = renderMap(test::requestFor(test::maliView({900, 700})));
  EXPECT_EQ(after.baseLayer.copy(QRect(track.toPoint() - QPoint(2, 2), QSize(5, 5))),
            without.baseLayer.copy(QRect(track.toPoint() - QPoint(2, 2), QSize(5, 5))))
      << "tracks appear only zoomed in";

  // Hidden: the map is the plain base map again.
  request.layers.context = {ContextLayer::make(data, style, false)};
  EXPECT_EQ(renderMap(request).baseLayer, renderMap([&] {
                                            RenderRequest r = request;
                                            r.layers.context.clear();
                                            return r;
                                          }())
                                              .baseLayer);
}

} // namespace sv
