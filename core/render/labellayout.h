#pragma once

#include "render/basemap.h"
#include "render/mapsettings.h"

#include <QFont>
#include <QRectF>
#include <QString>

#include <vector>

namespace sv {

struct PlacedLabel {
  enum class Kind { Place, Region, Country };
  Kind kind = Kind::Place;
  QString text;
  QRectF rect;    // logical pixels
  QPointF anchor; // the symbol's position, for places
  QFont font;
  PlaceClass placeClass = PlaceClass::Village;
  std::size_t gazetteerIndex = 0; // for places
};

// Chooses the labels of one view: places by priority (capital, regional
// capitals, the places the sources name, cercle seats, then by population),
// region names and neighbouring country names, none overlapping another.
// More places qualify as the view zooms in.
std::vector<PlacedLabel> layoutLabels(const BaseMap& map, const MapSettings& settings);

} // namespace sv
