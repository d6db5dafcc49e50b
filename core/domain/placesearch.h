#pragma once

#include "domain/eventstore.h"
#include "domain/gazetteer.h"
#include "domain/placehistory.h"

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace sv {

// One entry of the place search's completion list.
struct PlaceSuggestion {
  HistoryPlace place;
  std::optional<std::size_t> gazetteerIndex; // empty for a place named only by the dataset
  MatchKind kind = MatchKind::Substring;
  std::string matchedName; // the name (primary or alternate) the query matched
  std::string region;
  std::string cercle;
  std::size_t incidents = 0; // incidents at the place in the whole dataset
};

// Place search over the gazetteer and the incident dataset. Names match as in
// Gazetteer::search (case, accents and punctuation ignored; alternate names;
// similar spellings). Suggestions are ranked by how well they match — a whole
// name, the start of a name, a similar spelling, a part of a name — where a
// place with incidents counts one step better than its match, then by the
// gazetteer's order of importance. Places the dataset names but the gazetteer does not (as in
// an imported export) are suggested too, with their incident counts.
//
// Counts follow the dossier's rule (isAtPlace): an incident is at a gazetteer
// place when it carries its GeoNames id, or, having none, its name. They are
// counted once, when the finder is built: one pass over the incidents.
class PlaceFinder {
public:
  PlaceFinder() = default;
  PlaceFinder(const Gazetteer& gazetteer, std::shared_ptr<const EventStore> store);

  std::vector<PlaceSuggestion> suggest(std::string_view query, std::size_t limit = 12) const;
  // Incidents at a gazetteer place.
  std::size_t incidentCount(std::size_t gazetteerIndex) const;

private:
  struct DatasetPlace {
    std::string key;   // searchKey of the name
    std::string loose; // looseKey of the name
    HistoryPlace place;
    std::string region;
    std::string cercle;
    std::size_t incidents = 0;
  };

  const Gazetteer* m_gazetteer = nullptr;
  std::shared_ptr<const EventStore> m_store;
  std::unordered_map<std::int64_t, std::size_t> m_countById;
  std::unordered_map<std::string, std::size_t> m_countByName; // incidents without an id, by the key of their place name
  std::vector<DatasetPlace> m_datasetPlaces;                  // names with no gazetteer place of that name
};

} // namespace sv
