#include "domain/placematching.h"

#include "domain/textfold.h"
#include "geo/geodesy.h"

#include <limits>
#include <string>
#include <unordered_map>

namespace sv {

namespace {

// "Bamako town", "Kidal city", "Ber village": the name without the kind of place.
std::string_view withoutPlaceSuffix(std::string_view name) {
  for (std::string_view suffix : {" town", " city", " village", " area", " camp"}) {
    if (name.size() > suffix.size() + 1 && searchKey(name.substr(name.size() - suffix.size())) == searchKey(suffix))
      return name.substr(0, name.size() - suffix.size());
  }
  return name;
}

} // namespace

double placeMatchRadiusMetres(LocationPrecision precision) {
  switch (precision) {
    case LocationPrecision::Exact: return 10000.0;
    case LocationPrecision::Near: return 30000.0;
    case LocationPrecision::Cercle: return 100000.0;
    case LocationPrecision::Region: return 300000.0;
    case LocationPrecision::Country: return 0.0;
    case LocationPrecision::Route: return 100000.0; // the place named may be anywhere along the route
  }
  return 0.0;
}

PlaceMatchCounts matchIncidentPlaces(std::vector<Incident>& incidents, const Gazetteer& gazetteer) {
  // Places by the search key of each of their names.
  std::unordered_multimap<std::string, std::size_t> byName;
  for (std::size_t p = 0; p < gazetteer.size(); ++p) {
    const Place& place = gazetteer.place(p);
    byName.emplace(searchKey(place.name), p);
    if (!place.asciiName.empty() && searchKey(place.asciiName) != searchKey(place.name))
      byName.emplace(searchKey(place.asciiName), p);
    for (const std::string& alternate : place.alternateNames) byName.emplace(searchKey(alternate), p);
  }
  PlaceMatchCounts counts;
  std::unordered_map<std::string, std::string> keys; // place name -> key, names repeat across incidents
  for (Incident& incident : incidents) {
    if (incident.geonameId) {
      ++counts.alreadySet;
      continue;
    }
    const double radius = placeMatchRadiusMetres(incident.locationPrecision);
    if (incident.place.empty() || radius <= 0.0 || incident.shape == PlaceShape::Unplaced) {
      ++counts.unmatched;
      continue;
    }
    auto [keyIt, inserted] = keys.try_emplace(incident.place);
    if (inserted) keyIt->second = searchKey(withoutPlaceSuffix(incident.place));
    double best = std::numeric_limits<double>::infinity();
    std::optional<std::size_t> bestPlace;
    const auto [first, last] = byName.equal_range(keyIt->second);
    for (auto it = first; it != last; ++it) {
      const Place& place = gazetteer.place(it->second);
      const double distance =
          geodesicDistance({incident.longitude, incident.latitude}, {place.longitude, place.latitude});
      if (distance <= radius && distance < best) {
        best = distance;
        bestPlace = it->second;
      }
    }
    if (bestPlace) {
      incident.geonameId = gazetteer.place(*bestPlace).geonameId;
      ++counts.matched;
    } else {
      ++counts.unmatched;
    }
  }
  return counts;
}

std::string matchImportedPlaces(std::vector<Incident>& incidents, const Gazetteer& gazetteer) {
  const PlaceMatchCounts counts = matchIncidentPlaces(incidents, gazetteer);
  const std::size_t considered = counts.matched + counts.unmatched;
  if (considered == 0) return {};
  return std::to_string(counts.matched) + " of " + std::to_string(considered) +
         " incidents matched to gazetteer places";
}

} // namespace sv
