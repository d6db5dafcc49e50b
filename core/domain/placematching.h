#pragma once

#include "domain/gazetteer.h"
#include "domain/incident.h"

#include <cstddef>
#include <string>
#include <vector>

namespace sv {

// How far from an incident's point a gazetteer place of the same name may be
// and still be taken as its place: the reach of its location precision
// (10 km exact, 30 km near, 100 km cercle, 300 km region; never for country).
double placeMatchRadiusMetres(LocationPrecision precision);

struct PlaceMatchCounts {
  std::size_t matched = 0;   // incidents given a gazetteer place
  std::size_t unmatched = 0; // incidents with a place name no gazetteer place of that name lies near
  std::size_t alreadySet = 0;
};

// Gives imported incidents their gazetteer place, so that a place's dossier
// gathers incidents from every dataset: among the places whose name or
// alternate name equals the incident's place name after folding case and
// accents ("Segou" is Ségou, "Timbuktu" is Tombouctou), the nearest within
// placeMatchRadiusMetres. Suffixes sources add ("Bamako town") are ignored.
// Incidents that already have a geonameid are left as they are.
PlaceMatchCounts matchIncidentPlaces(std::vector<Incident>& incidents, const Gazetteer& gazetteer);

// Matches the incidents of an import and says how many were matched, for its
// report ("3 of 4 incidents matched to gazetteer places"); empty when none
// could be (no incident needed a place).
std::string matchImportedPlaces(std::vector<Incident>& incidents, const Gazetteer& gazetteer);

} // namespace sv
