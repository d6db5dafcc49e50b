#pragma once

#include "render/basemap.h"
#include "render/mapsettings.h"

#include <QColor>
#include <QFont>

namespace sv {

// Colours, fonts and the zoom thresholds of the base map, in one place.
namespace mapstyle {

inline const QColor kBackground{0xe4, 0xe1, 0xda};
inline const QColor kNeighbourFill{0xf3, 0xf1, 0xec};
inline const QColor kCountryBorder{0x8c, 0x86, 0x7c};
inline const QColor kMaliBorder{0x4a, 0x44, 0x3c};
inline const QColor kRegionBorder{0x86, 0x7d, 0x70};
inline const QColor kCercleBorder{0xa8, 0x9f, 0x92};
inline const QColor kWater{0x7e, 0xae, 0xd3};
inline const QColor kWaterFill{0xb5, 0xd3, 0xe7};
inline const QColor kPlaceSymbol{0x33, 0x2f, 0x2a};
inline const QColor kPlaceText{0x20, 0x1d, 0x1a};
inline const QColor kRegionText{0x6a, 0x5f, 0x52};
inline const QColor kCountryText{0x8a, 0x82, 0x78};
inline const QColor kHalo{0xff, 0xff, 0xff};

// Nine light fills, one per region (in ISO-code order), far enough apart in
// lightness and hue to stay distinct for the common forms of colour blindness,
// and light enough for incident symbols to stand out on them.
QColor regionFill(int index);

// Cercle boundaries appear below this resolution (metres per logical pixel).
constexpr double kCercleBoundaryResolution = 1300.0;

// The finest resolution at which a class of place is still left out.
double placeVisibilityResolution(PlaceClass placeClass);

// DejaVu Sans at a pixel size, unhinted.
QFont mapFont(int pixelSize);
QFont placeFont(PlaceClass placeClass);
QFont regionFont();
QFont countryFont();
double placeSymbolRadius(PlaceClass placeClass);

} // namespace mapstyle
} // namespace sv
