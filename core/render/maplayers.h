#pragma once

#include "render/basemap.h"
#include "render/basemaprenderer.h"
#include "render/cancelflag.h"
#include "render/contextlayer.h"
#include "render/mapsettings.h"
#include "render/tilesource.h"

#include <memory>
#include <vector>

class QPainter;

namespace sv {

// What lies under the incidents: the base layer (the vector base map, or
// tiles with the vector base map over them or not) and the context layers.
struct MapLayers {
  std::shared_ptr<const TileSource> tiles; // null: the vector base map alone
  double tileOpacity = 1.0;
  // Over tiles, the vector base map draws its boundaries, rivers and labels
  // (never its fills, which would hide the tiles), unless turned off.
  bool vectorsOverTiles = true;
  std::vector<std::shared_ptr<const ContextLayer>> context; // drawn in order, the last on top

  bool isTimed() const;
  // The attribution lines the layers add to the base map's (the tiles').
  QStringList attributions() const;
  friend bool operator==(const MapLayers&, const MapLayers&) = default;
};

// What drawing the base layers found.
struct BaseLayerReport {
  int tileZoom = -1;
  std::size_t tilesDrawn = 0;
  std::vector<TileId> missingTiles; // wanted and not at hand
  // Where the towns' names went (logical pixels): incident symbols keep off them.
  std::vector<QRectF> placeLabelRects;
};

// Draws the base layer and the context layers for the range [from, to]
// (timed context layers follow it) in logical pixels of `settings`. Tiles
// come at the zoom whose pixels match the device's (a 4K slide gets finer
// tiles than the window); a tile not at hand leaves its square empty and is
// listed in `report`. False when cancelled part-way.
bool renderBaseLayers(QPainter& painter, const BaseMap* baseMap, const MapLayers& layers, const MapSettings& settings,
                      DayNumber from, DayNumber to, const CancelFlag& cancel, BaseLayerReport* report = nullptr);

// The tiles an output of `settings` needs, at the zoom of its device pixels:
// for fetching them before an export.
std::vector<TileId> tilesNeeded(const TileSource& source, const MapSettings& settings);

} // namespace sv
