#include "cli/layeroptions.h"

#include "session/tilecache.h"
#include "session/tilefetcher.h"

#include <QDir>

namespace sv {

LayerOptions::LayerOptions()
    : m_basemap(QStringLiteral("basemap"), QString(), QStringLiteral("spec")),
      m_opacity(QStringLiteral("basemap-opacity"), QString(), QStringLiteral("n"), QStringLiteral("1")),
      m_noVectors(QStringLiteral("no-base-vectors"), QString()),
      m_layer(QStringLiteral("layer"), QString(), QStringLiteral("file")) {}

void LayerOptions::addTo(QCommandLineParser& parser) const {
  parser.addOptions({m_basemap, m_opacity, m_noVectors, m_layer});
}

QString LayerOptions::helpText() {
  return QStringLiteral(
      "Layer options:\n"
      "  --basemap SPEC      tiles under the map: mbtiles:FILE (offline raster tiles)\n"
      "                      or xyz:URL with {z}, {x} and {y}, fetched and cached;\n"
      "                      the vector base map then draws its boundaries, rivers\n"
      "                      and names over them, without its fills\n"
      "  --basemap-opacity N the tiles' opacity, 0 to 1 (default 1)\n"
      "  --no-base-vectors   the tiles alone, without the vector base map\n"
      "  --layer FILE        a context layer (any vector file GDAL reads: bases,\n"
      "                      areas of control, camps, roads) drawn under the\n"
      "                      incidents; repeatable. Road files (a highway or fclass\n"
      "                      field) get the road style\n");
}

bool LayerOptions::load(const QCommandLineParser& parser, MapContext& context, QTextStream& err, QString* error) const {
  MapLayers layers;
  if (parser.isSet(m_basemap)) {
    layers.tiles = openTileSource(parser.value(m_basemap), tileCacheDirectory(), kTileCacheLimitBytes, error);
    if (!layers.tiles) {
      // A spec of the wrong form is a usage error; a file that cannot be read is not.
      *error =
          (error->startsWith(QLatin1Char('\'')) ? QStringLiteral("bad --basemap %1") : QStringLiteral("--basemap %1"))
              .arg(*error);
      return false;
    }
    bool ok = false;
    layers.tileOpacity = parser.value(m_opacity).toDouble(&ok);
    if (!ok || layers.tileOpacity < 0 || layers.tileOpacity > 1) {
      *error = QStringLiteral("bad --basemap-opacity '%1': expected a number from 0 to 1").arg(parser.value(m_opacity));
      return false;
    }
    layers.vectorsOverTiles = !parser.isSet(m_noVectors);
  }
  for (const QString& path : parser.values(m_layer)) {
    QStringList problems;
    auto data = ContextLayerData::read(path, context.projection, error, &problems);
    for (const QString& problem : problems) err << problem << "\n";
    if (!data) return false;
    layers.context.push_back(ContextLayer::make(data, data->suggestedStyle()));
  }
  context.layers = std::move(layers);
  return true;
}

bool prepareTiles(const CompositionContent& content, const PageFormat& format, QTextStream& err, QString* error) {
  const auto& source = content.layers.tiles;
  if (!source) return true;
  const std::vector<TileId> needed = tilesNeeded(*source, compositionMapSettings(format, content));
  std::vector<std::pair<TileId, QString>> missing;
  if (auto xyz = std::dynamic_pointer_cast<const XyzSource>(source)) {
    if (needed.size() > TileFetcher::kExportTileLimit) {
      *error = QStringLiteral(
                   "the map needs %1 tiles from %2 at zoom %3, more than the %4 a public tile server "
                   "allows at once; use a smaller page, a larger view, or an MBTiles file")
                   .arg(needed.size())
                   .arg(xyz->spec().mid(4))
                   .arg(needed.front().z)
                   .arg(TileFetcher::kExportTileLimit);
      return false;
    }
    TileFetcher fetcher;
    const TileFetcher::Report report = fetcher.fetchAndWait(xyz, needed);
    missing = report.failed;
  } else {
    for (const TileId& tile : needed)
      if (!source->tile(tile)) missing.emplace_back(tile, QStringLiteral("not in the file"));
  }
  if (!missing.empty()) {
    err << "warning: " << missing.size() << " of " << needed.size() << " base map tiles (zoom " << needed.front().z
        << ") are missing and left blank:\n";
    const std::size_t shown = std::min<std::size_t>(missing.size(), 10);
    for (std::size_t k = 0; k < shown; ++k)
      err << "  tile " << missing[k].first.z << "/" << missing[k].first.x << "/" << missing[k].first.y << ": "
          << missing[k].second << "\n";
    if (missing.size() > shown) err << "  and " << missing.size() - shown << " more\n";
  }
  return true;
}

} // namespace sv
