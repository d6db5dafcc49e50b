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
  const TileFetcher::Preparation prepared =
      TileFetcher::prepare(content.layers.tiles, compositionMapSettings(format, content));
  if (!prepared.ok) {
    *error = prepared.error;
    return false;
  }
  if (const QString missing = prepared.describeMissing(); !missing.isEmpty()) err << "warning: " << missing;
  return true;
}

} // namespace sv
