#include "geo/geodesy.h"

#include <geodesic.h>

#include <cmath>

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

double geodesicPathLength(const std::vector<Point2>& lonLat) {
  double length = 0.0;
  for (std::size_t k = 1; k < lonLat.size(); ++k) length += geodesicDistance(lonLat[k - 1], lonLat[k]);
  return length;
}

double geodesicPolygonArea(const std::vector<Point2>& lonLat) {
  if (lonLat.size() < 3) return 0.0;
  std::vector<double> latitudes, longitudes;
  for (const Point2& p : lonLat) {
    latitudes.push_back(p.y);
    longitudes.push_back(p.x);
  }
  double area = 0.0;
  double perimeter = 0.0;
  geod_polygonarea(&wgs84(), latitudes.data(), longitudes.data(), static_cast<int>(lonLat.size()), &area, &perimeter);
  return std::abs(area);
}

} // namespace sv
