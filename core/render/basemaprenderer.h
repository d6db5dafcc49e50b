#pragma once

#include "render/basemap.h"
#include "render/cancelflag.h"
#include "render/mapsettings.h"

class QPainter;

namespace sv {

// Paints the base map (countries, regions, cercles, water, places and their
// labels) on any QPainter set up in logical pixels of `settings`. Returns
// false when `cancel` was raised part-way; the picture is then incomplete.
bool renderBaseMap(QPainter& painter, const BaseMap& map, const MapSettings& settings, const CancelFlag& cancel);

} // namespace sv
