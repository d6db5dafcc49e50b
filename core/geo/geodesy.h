#pragma once

#include "geo/geometry.h"

#include <vector>

namespace sv {

// Geodesics on the WGS84 ellipsoid (PROJ's implementation of Karney's
// algorithms). Points are longitude/latitude in degrees. Pure computation:
// safe on any thread.
struct GeodesicLine {
  double distanceMetres = 0.0;
  double initialAzimuthDegrees = 0.0; // clockwise from north, -180..180
};

GeodesicLine geodesicInverse(const Point2& fromLonLat, const Point2& toLonLat);
double geodesicDistance(const Point2& fromLonLat, const Point2& toLonLat);
// The point reached from `fromLonLat` along `azimuthDegrees` after `distanceMetres`.
Point2 geodesicDirect(const Point2& fromLonLat, double azimuthDegrees, double distanceMetres);

// The length of a path along geodesics between its points, in metres.
double geodesicPathLength(const std::vector<Point2>& lonLat);
// The area a closed polygon through the points encloses on the ellipsoid,
// in square metres, whatever the winding; 0 for fewer than three points.
double geodesicPolygonArea(const std::vector<Point2>& lonLat);

} // namespace sv
