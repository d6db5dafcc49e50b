#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace sv {

// A populated place of the gazetteer (a GeoNames record), in WGS84 degrees.
struct Place {
  std::int64_t geonameId = 0;
  std::string name;
  std::string asciiName;
  std::vector<std::string> alternateNames;
  double longitude = 0.0;
  double latitude = 0.0;
  std::string featureCode; // GeoNames code: PPLC, PPLA, PPLA2, PPLA3, PPL, ADM3 ...
  std::int64_t population = 0;
  std::string region;
  std::string cercle;
  // Position in the list of places the situation's sources name (1 = first),
  // 0 when the sources do not name it.
  int interestRank = 0;

  bool isOfInterest() const { return interestRank > 0; }
  bool isCapital() const { return featureCode == "PPLC"; }
  bool isRegionalCapital() const { return featureCode == "PPLA"; }
  // 0 for the capital, growing for less important administrative ranks.
  int administrativeRank() const;
};

} // namespace sv
