#include "render/maplayers.h"

#include "render/mapstyle.h"

#include <QPainter>

#include <algorithm>
#include <cmath>

namespace sv {

bool MapLayers::isTimed() const {
  return std::any_of(context.begin(), context.end(), [](const auto& layer) { return layer->isTimed(); });
}

QStringList MapLayers::attributions() const {
  QStringList lines;
  if (tiles) lines << tiles->attribution();
  return lines;
}

std::vector<TileId> tilesNeeded(const TileSource& source, const MapSettings& settings) {
  // The output's own pixels decide: the window's, or a 4K slide's or a 300 dpi page's.
  const int zoom = tileZoomFor(source, settings.metresPerPixel() / std::max(settings.devicePixelRatio(), 1e-6));
  return tilesCovering(settings.visibleExtent(), zoom);
}

namespace {

void drawTiles(QPainter& painter, const TileSource& source, const MapSettings& settings, double opacity,
               const CancelFlag& cancel, BaseLayerReport& report) {
  const std::vector<TileId> tiles = tilesNeeded(source, settings);
  if (tiles.empty()) return;
  report.tileZoom = tiles.front().z;
  painter.save();
  painter.setOpacity(std::clamp(opacity, 0.0, 1.0));
  painter.setRenderHint(QPainter::SmoothPixmapTransform, true);
  for (const TileId& id : tiles) {
    if (isCancelled(cancel)) break;
    const std::optional<QImage> image = source.tile(id);
    if (!image) {
      report.missingTiles.push_back(id);
      continue;
    }
    const QRectF extent = tileExtent(id);
    // Corners in logical pixels, widened by a hair so that neighbours meet without a seam.
    QRectF target(settings.toPixel(extent.topLeft()), settings.toPixel(extent.bottomRight()));
    target = target.normalized().adjusted(-0.25, -0.25, 0.25, 0.25);
    painter.drawImage(target, *image);
    ++report.tilesDrawn;
  }
  painter.restore();
}

} // namespace

bool renderBaseLayers(QPainter& painter, const BaseMap* baseMap, const MapLayers& layers, const MapSettings& settings,
                      DayNumber from, DayNumber to, const CancelFlag& cancel, BaseLayerReport* report) {
  BaseLayerReport local;
  BaseLayerReport& found = report ? *report : local;
  const double deviceScale = std::sqrt(std::abs(painter.deviceTransform().determinant()));
  const QRectF pixels(QPointF(0, 0), QSizeF(settings.outputSize()));
  if (layers.tiles) {
    painter.fillRect(pixels, Qt::white);
    drawTiles(painter, *layers.tiles, settings, layers.tileOpacity, cancel, found);
  }
  std::vector<QRectF> labelRects;
  BaseMapOptions options;
  options.background = !layers.tiles;
  options.vectors = !layers.tiles || layers.vectorsOverTiles;
  options.labelRects = &labelRects;
  options.placeLabelRects = &found.placeLabelRects;
  options.beforeLabels = [&](QPainter& p) {
    for (const auto& layer : layers.context) layer->draw(p, settings, from, to, deviceScale);
  };
  bool complete = true;
  if (baseMap) {
    if (layers.tiles && !layers.vectorsOverTiles) {
      // The tiles carry their own names: only the context layers go over them.
      painter.save();
      options.beforeLabels(painter);
      painter.restore();
    } else {
      complete = renderBaseMap(painter, *baseMap, settings, cancel, options);
    }
  } else {
    if (options.background) painter.fillRect(pixels, mapstyle::kBackground);
    options.beforeLabels(painter);
  }
  if (!complete || isCancelled(cancel)) return false;
  for (const auto& layer : layers.context) layer->drawLabels(painter, settings, from, to, labelRects);
  return !isCancelled(cancel);
}

} // namespace sv
