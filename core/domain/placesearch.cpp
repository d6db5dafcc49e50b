#include "domain/placesearch.h"

#include "domain/textfold.h"

#include <algorithm>

namespace sv {

PlaceFinder::PlaceFinder(const Gazetteer& gazetteer, std::shared_ptr<const EventStore> store)
    : m_gazetteer(&gazetteer), m_store(std::move(store)) {
  if (!m_store) return;
  const EventStore& s = *m_store;
  // Place names are interned: count per name id, fold each distinct name once.
  std::vector<std::size_t> perName(s.strings().size(), 0);
  std::vector<EventStore::Index> firstOfName(s.strings().size(), 0);
  for (EventStore::Index i = 0; i < s.size(); ++i) {
    if (s.isAggregate(i)) continue; // counted through its parts
    if (const auto id = s.geonameId(i)) {
      ++m_countById[*id];
      continue;
    }
    const std::uint32_t name = s.placeId(i);
    if (perName[name]++ == 0) firstOfName[name] = i;
  }
  std::unordered_map<std::string, std::size_t> datasetIndex;
  for (std::uint32_t name = 0; name < perName.size(); ++name) {
    if (perName[name] == 0) continue;
    std::string key = searchKey(s.string(name));
    if (key.empty()) continue;
    m_countByName[key] += perName[name];
    // Is there a gazetteer place of this very name? Then these incidents are
    // its own (isAtPlace); otherwise the name is a place of the dataset alone.
    bool inGazetteer = false;
    for (const PlaceMatch& match : gazetteer.search(s.string(name), 50)) {
      if (match.kind != MatchKind::ExactName && match.kind != MatchKind::ExactAlternate) break;
      if (searchKey(gazetteer.place(match.placeIndex).name) == key) {
        inGazetteer = true;
        break;
      }
    }
    if (inGazetteer) continue;
    const auto [it, inserted] = datasetIndex.try_emplace(key, m_datasetPlaces.size());
    if (inserted) {
      const EventStore::Index first = firstOfName[name];
      DatasetPlace d;
      d.key = key;
      d.loose = looseKey(s.string(name));
      d.place.name = std::string(s.string(name));
      d.place.longitude = s.longitude(first);
      d.place.latitude = s.latitude(first);
      d.region = std::string(s.region(first));
      d.cercle = std::string(s.cercle(first));
      m_datasetPlaces.push_back(std::move(d));
    }
    m_datasetPlaces[it->second].incidents += perName[name];
  }
}

std::size_t PlaceFinder::incidentCount(std::size_t gazetteerIndex) const {
  if (!m_gazetteer || gazetteerIndex >= m_gazetteer->size()) return 0;
  const Place& place = m_gazetteer->place(gazetteerIndex);
  std::size_t count = 0;
  if (const auto it = m_countById.find(place.geonameId); it != m_countById.end()) count += it->second;
  if (const auto it = m_countByName.find(searchKey(place.name)); it != m_countByName.end()) count += it->second;
  return count;
}

std::vector<PlaceSuggestion> PlaceFinder::suggest(std::string_view query, std::size_t limit) const {
  std::vector<PlaceSuggestion> result;
  const std::string key = searchKey(query);
  if (!m_gazetteer || key.empty() || limit == 0) return result;

  // Ask the gazetteer for more than needed: places with incidents may rank
  // below others of the same kind of match there.
  for (const PlaceMatch& match : m_gazetteer->search(query, std::max<std::size_t>(limit * 5, 60))) {
    const Place& p = m_gazetteer->place(match.placeIndex);
    result.push_back({historyPlace(p), match.placeIndex, match.kind, match.matchedName, p.region, p.cercle,
                      incidentCount(match.placeIndex)});
  }
  const std::string loose = looseKey(query);
  for (const DatasetPlace& d : m_datasetPlaces) {
    MatchKind kind;
    if (d.key == key)
      kind = MatchKind::ExactName;
    else if (d.key.starts_with(key))
      kind = MatchKind::PrefixName;
    else if (d.loose == loose)
      kind = MatchKind::Similar;
    else if (d.key.find(key) != std::string::npos)
      kind = MatchKind::Substring;
    else
      continue;
    result.push_back({d.place, std::nullopt, kind, d.place.name, d.region, d.cercle, d.incidents});
  }
  // Relevance: a whole name, then the start of a name, then a similar
  // spelling, then a part of a name. Importance: a place with incidents is
  // worth one step of relevance, so "fara" offers Farabougou, where the
  // incidents are, beside the hamlets called Fara, and before them. Among
  // equals the gazetteer's order is kept (stable sort); places named only by
  // the dataset come after gazetteer places with incidents, most incidents first.
  const auto tier = [](const PlaceSuggestion& s) {
    int relevance = 0;
    switch (s.kind) {
      case MatchKind::ExactName:
      case MatchKind::ExactAlternate: relevance = 1; break;
      case MatchKind::PrefixName:
      case MatchKind::PrefixAlternate: relevance = 2; break;
      case MatchKind::Similar: relevance = 3; break;
      case MatchKind::Substring: relevance = 4; break;
    }
    return relevance - (s.incidents > 0 ? 1 : 0);
  };
  std::stable_sort(result.begin(), result.end(), [&](const PlaceSuggestion& a, const PlaceSuggestion& b) {
    if (tier(a) != tier(b)) return tier(a) < tier(b);
    if ((a.incidents > 0) != (b.incidents > 0)) return a.incidents > 0;
    if (a.kind != b.kind) return a.kind < b.kind;
    if (a.gazetteerIndex.has_value() != b.gazetteerIndex.has_value()) return a.gazetteerIndex.has_value();
    if (!a.gazetteerIndex && a.incidents != b.incidents) return a.incidents > b.incidents;
    return false;
  });
  if (result.size() > limit) result.resize(limit);
  return result;
}

} // namespace sv
