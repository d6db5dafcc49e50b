#pragma once

#include "domain/place.h"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace sv {

enum class MatchKind {
  ExactName,       // the query is the place's name
  ExactAlternate,  // the query is one of its alternate names
  PrefixName,      // the query starts its name
  PrefixAlternate, // the query starts an alternate name
  Similar,         // a name spelt a little differently ("Dogofry" for Dogofri)
  Substring,       // the query occurs inside a name
};

struct PlaceMatch {
  std::size_t placeIndex = 0;
  MatchKind kind = MatchKind::Substring;
  std::string matchedName; // the name (primary or alternate) that matched
};

// The places of the bundled gazetteer, searchable by name.
// Matching ignores case, accents and punctuation ("segou" finds Ségou,
// "Dogofri" finds it under its alternate name "Dogofiri", and the spelling
// "Dogofry" of the sources finds it as a similar spelling). Candidates are ranked
// by how well they match, then by importance: places named by the situation's
// sources first (so "Farabougou" resolves to the one in Niono cercle), then
// administrative rank, then population.
class Gazetteer {
public:
  Gazetteer() = default;
  explicit Gazetteer(std::vector<Place> places);

  const std::vector<Place>& places() const { return m_places; }
  std::size_t size() const { return m_places.size(); }
  const Place& place(std::size_t index) const { return m_places[index]; }
  std::optional<std::size_t> indexOfGeonameId(std::int64_t geonameId) const;

  std::vector<PlaceMatch> search(std::string_view query, std::size_t limit = 20) const;
  // The place a whole name means: the best exact match, else the best similar
  // spelling, else the best of any match.
  std::optional<std::size_t> resolve(std::string_view name) const;

private:
  struct NameEntry {
    std::string key;
    std::size_t placeIndex;
    std::size_t nameSlot; // 0 = primary name, otherwise 1 + alternate index
  };
  bool rankBefore(const PlaceMatch& a, const PlaceMatch& b) const;

  std::vector<Place> m_places;
  std::vector<NameEntry> m_names;      // sorted by key
  std::vector<NameEntry> m_looseNames; // the same names by loose key
  std::unordered_map<std::int64_t, std::size_t> m_indexById;
};

} // namespace sv
