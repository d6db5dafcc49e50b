#pragma once

#include "geo/geometry.h"

#include <atomic>
#include <string>
#include <vector>

namespace sv {

// One feature of a context layer, in WGS84 longitude and latitude.
struct ContextFeature {
  enum class Kind : unsigned char { Point, Line, Area };
  Kind kind = Kind::Point;
  // Points: one part holding every point; lines: their line strings; areas:
  // their rings, drawn by the even-odd rule.
  std::vector<LineString> parts;
  std::vector<std::string> values; // one per field of the layer, empty when unset
};

// A vector file read as context (bases, areas of control, camps, roads):
// drawn under the incidents, never turned into incidents.
struct ContextLayerRead {
  bool ok = false;
  std::string error; // why the file as a whole could not be read, naming it
  std::string name;  // the file's name without its folder
  std::vector<std::string> fields;
  std::vector<ContextFeature> features;
  // Features left out, one line each: "FILE: layer L, feature N: REASON".
  std::vector<std::string> problems;
  std::size_t featuresRead = 0;
};

// Reads every layer of any vector file GDAL opens (GeoPackage, Shapefile,
// GeoJSON, KML, FlatGeobuf, …), converted to WGS84. The fields are the union
// of the layers' fields by name. Features without a usable geometry are left
// out and listed; the others are kept.
ContextLayerRead readContextLayer(const std::string& path, const std::atomic_bool* cancel = nullptr);

} // namespace sv
