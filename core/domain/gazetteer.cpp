#include "domain/gazetteer.h"

#include "domain/textfold.h"

#include <algorithm>
#include <tuple>
#include <type_traits>

namespace sv {

int Place::administrativeRank() const {
  if (featureCode == "PPLC") return 0;
  if (featureCode == "PPLA") return 1;
  if (featureCode == "PPLA2") return 2;
  if (featureCode == "PPLA3") return 3;
  if (featureCode.starts_with("PPL")) return 4;
  return 5;
}

Gazetteer::Gazetteer(std::vector<Place> places) : m_places(std::move(places)) {
  for (std::size_t i = 0; i < m_places.size(); ++i) {
    const Place& p = m_places[i];
    m_indexById.emplace(p.geonameId, i);
    m_names.push_back({searchKey(p.name), i, 0});
    const std::string asciiKey = searchKey(p.asciiName);
    for (std::size_t a = 0; a < p.alternateNames.size(); ++a) {
      std::string key = searchKey(p.alternateNames[a]);
      if (!key.empty() && key != m_names.back().key && key != asciiKey) {
        m_names.push_back({std::move(key), i, a + 1});
      }
    }
  }
  const auto byKey = [](const NameEntry& a, const NameEntry& b) {
    return std::tie(a.key, a.placeIndex, a.nameSlot) < std::tie(b.key, b.placeIndex, b.nameSlot);
  };
  m_looseNames.reserve(m_names.size());
  for (const NameEntry& entry : m_names) {
    const Place& p = m_places[entry.placeIndex];
    m_looseNames.push_back({looseKey(entry.nameSlot == 0 ? p.name : p.alternateNames[entry.nameSlot - 1]),
                            entry.placeIndex, entry.nameSlot});
  }
  std::sort(m_names.begin(), m_names.end(), byKey);
  std::sort(m_looseNames.begin(), m_looseNames.end(), byKey);
}

std::optional<std::size_t> Gazetteer::indexOfGeonameId(std::int64_t geonameId) const {
  const auto it = m_indexById.find(geonameId);
  if (it == m_indexById.end()) return std::nullopt;
  return it->second;
}

bool Gazetteer::rankBefore(const PlaceMatch& a, const PlaceMatch& b) const {
  if (a.kind != b.kind) return a.kind < b.kind;
  const Place& pa = m_places[a.placeIndex];
  const Place& pb = m_places[b.placeIndex];
  if (pa.isOfInterest() != pb.isOfInterest()) return pa.isOfInterest();
  if (pa.administrativeRank() != pb.administrativeRank()) {
    return pa.administrativeRank() < pb.administrativeRank();
  }
  if (pa.population != pb.population) return pa.population > pb.population;
  if (pa.name != pb.name) return pa.name < pb.name;
  return pa.geonameId < pb.geonameId;
}

std::vector<PlaceMatch> Gazetteer::search(std::string_view query, std::size_t limit) const {
  const std::string key = searchKey(query);
  if (key.empty() || limit == 0) return {};

  // Best match per place: a place found through several names keeps the best.
  std::unordered_map<std::size_t, PlaceMatch> best;
  const auto offer = [&](const NameEntry& entry, MatchKind kind) {
    const Place& p = m_places[entry.placeIndex];
    PlaceMatch match{entry.placeIndex, kind, entry.nameSlot == 0 ? p.name : p.alternateNames[entry.nameSlot - 1]};
    auto [it, inserted] = best.try_emplace(entry.placeIndex, match);
    if (!inserted && kind < it->second.kind) it->second = std::move(match);
  };

  // Exact and prefix matches come from a range of the sorted keys.
  auto it = std::lower_bound(m_names.begin(), m_names.end(), key,
                             [](const NameEntry& e, const std::string& k) { return e.key < k; });
  for (; it != m_names.end() && it->key.starts_with(key); ++it) {
    const bool exact = it->key.size() == key.size();
    const bool primary = it->nameSlot == 0;
    offer(*it, exact ? (primary ? MatchKind::ExactName : MatchKind::ExactAlternate)
                     : (primary ? MatchKind::PrefixName : MatchKind::PrefixAlternate));
  }
  // Similar spellings.
  const std::string loose = looseKey(query);
  const auto [from, to] =
      std::equal_range(m_looseNames.begin(), m_looseNames.end(), loose, [](const auto& a, const auto& b) {
        if constexpr (std::is_same_v<std::decay_t<decltype(a)>, NameEntry>) {
          return a.key < b;
        } else {
          return a < b.key;
        }
      });
  for (auto entry = from; entry != to; ++entry) offer(*entry, MatchKind::Similar);
  // Substrings only for queries long enough to mean something.
  if (key.size() >= 3 && best.size() < limit) {
    for (const NameEntry& entry : m_names) {
      if (!entry.key.starts_with(key) && entry.key.find(key) != std::string::npos) {
        offer(entry, MatchKind::Substring);
      }
    }
  }

  std::vector<PlaceMatch> matches;
  matches.reserve(best.size());
  for (auto& [index, match] : best) matches.push_back(std::move(match));
  const auto order = [this](const PlaceMatch& a, const PlaceMatch& b) { return rankBefore(a, b); };
  if (matches.size() > limit) {
    std::partial_sort(matches.begin(), matches.begin() + static_cast<std::ptrdiff_t>(limit), matches.end(), order);
    matches.resize(limit);
  } else {
    std::sort(matches.begin(), matches.end(), order);
  }
  return matches;
}

std::optional<std::size_t> Gazetteer::resolve(std::string_view name) const {
  // A whole name, even spelt a little differently ("Moura" for Mora, alias
  // Mourra), says more than the start of a longer name (Mourasso).
  const auto matches = search(name, 200);
  if (matches.empty()) return std::nullopt;
  for (const PlaceMatch& match : matches)
    if (match.kind == MatchKind::ExactName || match.kind == MatchKind::ExactAlternate) return match.placeIndex;
  for (const PlaceMatch& match : matches)
    if (match.kind == MatchKind::Similar) return match.placeIndex;
  return matches.front().placeIndex;
}

} // namespace sv
