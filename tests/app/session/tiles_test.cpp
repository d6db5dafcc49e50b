// Online tiles: fetched off the window's way, kept on disk for offline use,
// and every failure named; the command line's base maps and context layers.
#include "session/tilefetcher.h"

#include "app/appdata.h"
#include "app/tileserver.h"
#include "app/viewerprocess.h"
#include "render/tiledata.h"

#include <QFile>
#include <QImage>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>

#include <gtest/gtest.h>

namespace sv {
namespace {

std::shared_ptr<XyzSource> sourceFor(const test::TileServer& server, const std::string& mode,
                                     const QTemporaryDir& cache, std::uint64_t limit = 1 << 26) {
  return std::make_shared<XyzSource>(QString::fromStdString(server.url(mode)), cache.path().toStdString(), limit);
}

const std::vector<TileId> kSix = {{6, 28, 29}, {6, 29, 29}, {6, 30, 29}, {6, 28, 30}, {6, 29, 30}, {6, 30, 30}};

} // namespace

TEST(TileFetcher, FetchesWithoutBlockingAndTheCacheServesOffline) {
  test::TileServer server;
  ASSERT_GT(server.port(), 0) << "the loopback tile server did not start";
  QTemporaryDir cache;
  const auto source = sourceFor(server, "ok", cache);
  EXPECT_FALSE(source->tile(kSix[0])) << "nothing cached yet";
  EXPECT_EQ(source->takeWanted().size(), 1u) << "the miss is noted for a fetcher";

  TileFetcher fetcher;
  QSignalSpy arrived(&fetcher, &TileFetcher::tilesArrived);
  QSignalSpy idle(&fetcher, &TileFetcher::idle);
  fetcher.fetch(source, kSix);
  // Asynchronous: fetch() returned before any tile came.
  EXPECT_TRUE(fetcher.isBusy());
  EXPECT_EQ(arrived.count(), 0);
  ASSERT_TRUE(idle.wait(20000));
  EXPECT_EQ(arrived.count(), 6);
  for (const TileId& tile : kSix) EXPECT_TRUE(source->tile(tile)) << tile.x << "," << tile.y;

  // A real User-Agent on every request, and each tile asked for once.
  const auto requests = server.requests();
  EXPECT_EQ(requests.size(), 6u);
  for (const auto& r : requests) EXPECT_EQ(r.userAgent.rfind("SituationViewer/", 0), 0u) << r.userAgent;

  // The server gone, a new source on the same cache shows the tiles.
  server.stop();
  const auto offline = std::make_shared<XyzSource>(source->spec().mid(4), cache.path().toStdString(), 1 << 26);
  for (const TileId& tile : kSix) {
    const auto image = offline->tile(tile);
    ASSERT_TRUE(image);
    EXPECT_EQ(image->pixelColor(128, 128), QColor(40, 160, 90));
  }
}

TEST(TileFetcher, ErrorsSilenceAndNonImagesAreNamedPerTile) {
  test::TileServer server;
  ASSERT_GT(server.port(), 0) << "the loopback tile server did not start";
  QTemporaryDir cache;
  TileFetcher fetcher;
  const auto broken = fetcher.fetchAndWait(sourceFor(server, "error", cache), {kSix[0]});
  ASSERT_EQ(broken.failed.size(), 1u);
  EXPECT_TRUE(broken.failed[0].second.contains(QStringLiteral("HTTP 500"))) << broken.failed[0].second.toStdString();
  EXPECT_TRUE(broken.failed[0].second.contains(QStringLiteral("/error/6/28/29.png")));

  const auto text = fetcher.fetchAndWait(sourceFor(server, "text", cache), {kSix[1]});
  ASSERT_EQ(text.failed.size(), 1u);
  EXPECT_TRUE(text.failed[0].second.contains(QStringLiteral("no image"))) << text.failed[0].second.toStdString();

  // A server that never answers: each tile gives up after its timeout.
  const auto slow = fetcher.fetchAndWait(sourceFor(server, "slow", cache), {kSix[2], kSix[3]}, 400);
  EXPECT_EQ(slow.failed.size(), 2u);
  EXPECT_EQ(slow.fetched, 0u);

  // A failed tile is not asked for again until retry().
  const std::size_t before = server.requests().size();
  const auto source = sourceFor(server, "mixed", cache);
  auto mixed = fetcher.fetchAndWait(source, kSix);
  EXPECT_EQ(mixed.fetched, 4u);       // columns 28 and 30
  EXPECT_EQ(mixed.failed.size(), 2u); // column 29
  const std::size_t after = server.requests().size();
  EXPECT_EQ(after - before, 6u);
  fetcher.fetch(source, kSix);
  EXPECT_FALSE(fetcher.isBusy()) << "four cached, two failed: nothing to ask";
  EXPECT_EQ(server.requests().size(), after);
}

TEST(TileFetcher, TheDiskCacheStaysWithinItsLimit) {
  test::TileServer server;
  ASSERT_GT(server.port(), 0) << "the loopback tile server did not start";
  QTemporaryDir cache;
  const std::uint64_t tileBytes = static_cast<std::uint64_t>(test::solidTilePng(QColor(40, 160, 90)).size());
  const auto source = sourceFor(server, "ok", cache, 3 * tileBytes);
  std::vector<TileId> tiles;
  for (int x = 0; x < 12; ++x) tiles.push_back({5, x, 14});
  TileFetcher fetcher;
  const auto report = fetcher.fetchAndWait(source, tiles);
  EXPECT_EQ(report.fetched, 12u);
  EXPECT_LE(source->cacheBytes(), 3 * tileBytes);
  EXPECT_GT(source->cacheBytes(), 0u);
}

TEST(LayerOptions, ExportsCarryTheBaseMapTheAttributionAndTheMissingTiles) {
  QTemporaryDir dir;
  QProcessEnvironment environment;
  environment.insert(QStringLiteral("XDG_CACHE_HOME"), dir.filePath(QStringLiteral("cache")));

  // Offline: an MBTiles file made with GDAL; its attribution reaches the PDF.
  const QString mbtiles = dir.filePath(QStringLiteral("mali.mbtiles"));
  ASSERT_TRUE(test::writeTestMbtiles(mbtiles, 5, QColor(200, 40, 40), QColor(40, 60, 200),
                                     QStringLiteral("Test relief tiles")));
  const QString pdf = dir.filePath(QStringLiteral("map.pdf"));
  test::ViewerRun run = test::runViewer({QStringLiteral("export"), QStringLiteral("-o"), pdf,
                                         QStringLiteral("--basemap"), QStringLiteral("mbtiles:") + mbtiles},
                                        environment);
  ASSERT_EQ(run.exitCode, 0) << run.err.toStdString();
  EXPECT_TRUE(test::pdfText(pdf).contains(QStringLiteral("Test relief tiles")));

  // Online, from a server that fails every other column: the export is
  // written and says which tiles are missing.
  test::TileServer server;
  ASSERT_GT(server.port(), 0) << "the loopback tile server did not start";
  const QString png = dir.filePath(QStringLiteral("map.png"));
  run = test::runViewer(
      {QStringLiteral("export"), QStringLiteral("-o"), png, QStringLiteral("--size"), QStringLiteral("800x600"),
       QStringLiteral("--basemap"), QStringLiteral("xyz:") + QString::fromStdString(server.url("mixed"))},
      environment);
  ASSERT_EQ(run.exitCode, 0) << run.err.toStdString();
  EXPECT_TRUE(QFile::exists(png));
  EXPECT_TRUE(run.err.contains(QStringLiteral("base map tiles"))) << run.err.toStdString();
  EXPECT_TRUE(run.err.contains(QStringLiteral("HTTP 500"))) << run.err.toStdString();
  // Its tiles are cached: offline, the same export needs no server.
  const std::size_t asked = server.requests().size();
  EXPECT_GT(asked, 0u);
  server.stop();
  run = test::runViewer(
      {QStringLiteral("export"), QStringLiteral("-o"), png, QStringLiteral("--size"), QStringLiteral("800x600"),
       QStringLiteral("--basemap"), QStringLiteral("xyz:") + QString::fromStdString(server.url("ok"))},
      environment);
  EXPECT_EQ(run.exitCode, 0) << run.err.toStdString();
  EXPECT_TRUE(run.err.contains(QStringLiteral("missing"))) << "another template, nothing cached: said so";

  EXPECT_EQ(test::runViewer({QStringLiteral("export"), QStringLiteral("-o"), png, QStringLiteral("--basemap"),
                             QStringLiteral("wms:nothing")})
                .exitCode,
            2);
  run = test::runViewer({QStringLiteral("export"), QStringLiteral("-o"), png, QStringLiteral("--basemap"),
                         QStringLiteral("mbtiles:") + dir.filePath(QStringLiteral("absent.mbtiles"))});
  EXPECT_EQ(run.exitCode, 1);
  EXPECT_TRUE(run.err.contains(QStringLiteral("absent.mbtiles: no such file"))) << run.err.toStdString();
}

TEST(LayerOptions, ContextLayersReachExportsBriefsAndAnimations) {
  QTemporaryDir dir;
  const QString roads = dir.filePath(QStringLiteral("roads.geojson"));
  QFile file(roads);
  ASSERT_TRUE(file.open(QIODevice::WriteOnly));
  file.write(R"({"type": "FeatureCollection", "features": [
{"type": "Feature", "properties": {"highway": "trunk", "name": "RN1"},
 "geometry": {"type": "LineString", "coordinates": [[-11.43, 14.45], [-8.0, 12.65]]}}]})");
  file.close();
  const QString plain = dir.filePath(QStringLiteral("plain.png")),
                layered = dir.filePath(QStringLiteral("layered.png"));
  const QStringList page{QStringLiteral("--size"), QStringLiteral("800x600")};
  ASSERT_EQ(test::runViewer(QStringList{QStringLiteral("export"), QStringLiteral("-o"), plain} + page).exitCode, 0);
  const test::ViewerRun run = test::runViewer(
      QStringList{QStringLiteral("export"), QStringLiteral("-o"), layered, QStringLiteral("--layer"), roads} + page);
  ASSERT_EQ(run.exitCode, 0) << run.err.toStdString();
  EXPECT_NE(QImage(plain), QImage(layered));

  EXPECT_EQ(test::runViewer({QStringLiteral("brief"), QStringLiteral("-o"), dir.filePath(QStringLiteral("b.pdf")),
                             QStringLiteral("--layer"), roads, QStringLiteral("--layer"), roads})
                .exitCode,
            0);
  const QString frames = dir.filePath(QStringLiteral("frames"));
  const test::ViewerRun animate =
      test::runViewer({QStringLiteral("animate"), QStringLiteral("-o"), frames, QStringLiteral("--from"),
                       QStringLiteral("2020-10-01"), QStringLiteral("--to"), QStringLiteral("2020-10-14"),
                       QStringLiteral("--layer"), roads, QStringLiteral("--size"), QStringLiteral("640x360")});
  EXPECT_EQ(animate.exitCode, 0) << animate.err.toStdString();

  const test::ViewerRun missing = test::runViewer({QStringLiteral("export"), QStringLiteral("-o"), plain,
                                                   QStringLiteral("--layer"), dir.filePath(QStringLiteral("no.gpkg"))});
  EXPECT_EQ(missing.exitCode, 1);
  EXPECT_TRUE(missing.err.contains(QStringLiteral("no.gpkg"))) << missing.err.toStdString();
}

} // namespace sv
