#include "geo/geodesy.h"

#include <geodesic.h>

namespace sv {
namespace {
const geod_geodesic& wgs84() {
  static const geod_geodesic geodesic = [] {
    geod_geodesic g{};
    geod_init(&g, 6378137.0, 1.0 / 298.257223563);
    return g;
  }();
  return geodesic;
}
} // namespace

GeodesicLine geodesicInverse(const Point2& fromLonLat, const Point2& toLonLat) {
  double distance = 0.0;
  double azimuth1 = 0.0;
  double azimuth2 = 0.0;
  geod_inverse(&wgs84(), fromLonLat.y, fromLonLat.x, toLonLat.y, toLonLat.x, &distance, &azimuth1, &azimuth2);
  return {distance, azimuth1};
}

double geodesicDistance(const Point2& fromLonLat, const Point2& toLonLat) {
  return geodesicInverse(fromLonLat, toLonLat).distanceMetres;
}

Point2 geodesicDirect(const Point2& fromLonLat, double azimuthDegrees, double distanceMetres) {
  double latitude = 0.0;
  double longitude = 0.0;
  geod_direct(&wgs84(), fromLonLat.y, fromLonLat.x, azimuthDegrees, distanceMetres, &latitude, &longitude, nullptr);
  return {longitude, latitude};
}

} // namespace sv
