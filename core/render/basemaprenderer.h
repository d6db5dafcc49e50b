#pragma once

#include "render/basemap.h"
#include "render/cancelflag.h"
#include "render/mapsettings.h"

#include <QRectF>

#include <functional>
#include <vector>

class QPainter;

namespace sv {

// How much of the base map to draw: all of it on its own; over a tile base
// map, its boundaries, rivers and labels without the fills.
struct BaseMapOptions {
  bool background = true; // the page colour, neighbours' and regions' fills, lakes' fills
  bool vectors = true;    // false: only the labels (and place symbols)
  // Called after the lines and before the place symbols and labels, in
  // logical pixels: context layers draw there, under the names.
  std::function<void(QPainter&)> beforeLabels;
  std::vector<QRectF>* labelRects = nullptr;      // receives the labels' rectangles
  std::vector<QRectF>* placeLabelRects = nullptr; // receives the place labels' rectangles
};

// Paints the base map (countries, regions, cercles, water, places and their
// labels) on any QPainter set up in logical pixels of `settings`. Returns
// false when `cancel` was raised part-way; the picture is then incomplete.
bool renderBaseMap(QPainter& painter, const BaseMap& map, const MapSettings& settings, const CancelFlag& cancel,
                   const BaseMapOptions& options = {});

} // namespace sv
