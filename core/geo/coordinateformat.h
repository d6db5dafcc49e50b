#pragma once

#include "geo/geometry.h"

#include <optional>
#include <string>
#include <string_view>

namespace sv {

// Coordinates as people read and type them: decimal degrees, degrees-minutes-
// seconds and MGRS grid references, all on WGS84. Points are longitude/latitude
// in degrees; the written forms put latitude first, as people say them. UTM is
// computed here with Krüger's series (Karney 2011, 6th order, nanometre accuracy)
// rather than through PROJ, so every function is pure and safe on any thread,
// render threads included.

// "14.89208° N, 6.14140° W", with `decimals` (0..9) digits after the point.
std::string formatDecimalDegrees(const Point2& lonLat, int decimals = 5);

// "14° 53′ 31.5″ N, 6° 08′ 29.0″ W", seconds rounded to `secondDecimals` (0..9)
// digits, carrying into minutes and degrees.
std::string formatDegreesMinutesSeconds(const Point2& lonLat, int secondDecimals = 1);

// "29PRS 07585 48364": UTM zone and latitude band, the 100 km square, then the
// easting and northing inside it to `digits` (0..5) digits each. Digits are
// truncated, not rounded, so the reference names the cell holding the point.
// Follows the Norway and Svalbard zone exceptions. Nullopt outside UTM's
// latitudes, 80° S to 84° N: the polar (UPS) grid is not covered.
std::optional<std::string> formatMgrs(const Point2& lonLat, int digits = 5);

// Reads a coordinate as typed:
//   decimal degrees, latitude first   "14.89, -6.14"   "14.89 -6.14"
//   with hemisphere letters, which    "14.89 N 6.14 W"   "14.89N, 6.14W"
//     then decide the order           "6.14W 14.89N"   "N 14.89 W 6.14"
//   degrees, minutes and seconds      "14° 53′ 31.5″ N, 6° 08′ 29.0″ W"
//                                     "14°53'31.5\"N 6°08'29\"W"   "14d53'31.5\"N ..."
//   degrees and decimal minutes       "14 53.5 N 6 08.5 W"
//   MGRS, 0 to 5 digits each          "29PRS0758548364"   "29P RS 075 483"
// An MGRS reference gives the centre of the cell it names. Returns nullopt and
// fills `error` with what was wrong.
std::optional<Point2> parseCoordinate(std::string_view text, std::string* error = nullptr);

} // namespace sv
