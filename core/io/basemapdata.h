#pragma once

#include "domain/place.h"
#include "geo/geometry.h"

#include <string>
#include <vector>

namespace sv {

struct CountryFeature {
  std::string name;
  std::string nameFrench;
  std::string isoCode;
  MultiPolygon area;
  bool isMali() const { return isoCode == "MLI"; }
};

struct RegionFeature {
  std::string name;    // French, with accents
  std::string isoCode; // ML-1 ... ML-8, ML-BKO
  std::string kind;    // "region" or "district"
  Point2 labelPoint;
  MultiPolygon area;
};

struct CercleFeature {
  std::string name;
  std::string region;
  MultiPolygon area;
};

struct WaterLine {
  std::string name;
  int scaleRank = 0;
  MultiLineString line;
};

struct WaterArea {
  std::string name;
  int scaleRank = 0;
  MultiPolygon area;
};

struct Attribution {
  std::string layer;
  std::string source;
  std::string version;
  std::string licence;
  std::string text;
};

// The bundled base map as read, in WGS84 degrees.
struct BaseMapData {
  std::vector<CountryFeature> countries;
  std::vector<RegionFeature> regions;
  std::vector<CercleFeature> cercles;
  std::vector<WaterLine> rivers;
  std::vector<WaterArea> lakes;
  std::vector<Place> places;
  std::vector<Attribution> attributions;
};

} // namespace sv
