#include "domain/placehistory.h"

#include "domain/textfold.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <map>
#include <tuple>

namespace sv {

bool isAtPlace(const EventStore& store, EventStore::Index i, const HistoryPlace& place) {
  const auto id = store.geonameId(i);
  if (place.geonameId && id) return *id == *place.geonameId;
  if (id || place.name.empty()) return false;
  return searchKey(store.place(i)) == searchKey(place.name);
}

namespace {

// A corridor touches the places within this distance of its line, an area
// those inside it or this close to its outline.
constexpr double kTouchMetres = 5000.0;

// Whether a line or an area passes the place, in a local flat approximation
// around it (a few kilometres matter here, not the ellipsoid).
bool touches(const EventStore& store, EventStore::Index i, double longitude, double latitude) {
  constexpr double kDegree = 3.14159265358979323846 / 180.0;
  const double east = 111320.0 * std::cos(latitude * kDegree);
  const double north = 110574.0;
  auto local = [&](const Point2& p) { return Point2{(p.x - longitude) * east, (p.y - latitude) * north}; };
  auto segmentDistance = [](const Point2& a, const Point2& b) {
    const double dx = b.x - a.x, dy = b.y - a.y;
    const double length = dx * dx + dy * dy;
    const double t = length > 0.0 ? std::clamp(-(a.x * dx + a.y * dy) / length, 0.0, 1.0) : 0.0;
    return std::hypot(a.x + t * dx, a.y + t * dy);
  };
  const std::vector<LineString> parts = store.shapeParts(i);
  MultiPolygon area;
  for (const LineString& part : parts) {
    LineString projected;
    projected.reserve(part.size());
    for (const Point2& p : part) projected.push_back(local(p));
    for (std::size_t k = 1; k < projected.size(); ++k)
      if (segmentDistance(projected[k - 1], projected[k]) <= kTouchMetres) return true;
    if (projected.size() == 1 && std::hypot(projected[0].x, projected[0].y) <= kTouchMetres) return true;
    area.rings.push_back(std::move(projected));
  }
  return store.shape(i) == PlaceShape::Area && contains(area, Point2{0.0, 0.0});
}

} // namespace

bool touchesPlace(const EventStore& store, EventStore::Index i, const HistoryPlace& place) {
  const PlaceShape shape = store.shape(i);
  if (shape != PlaceShape::Line && shape != PlaceShape::Area) return false;
  return touches(store, i, place.longitude, place.latitude);
}

PlaceHistory placeHistory(const EventStore& store, const HistoryPlace& place, const HistoryOptions& givenOptions) {
  PlaceHistory history;
  // Aggregates are listed beside their parts, and counted neither in the summary nor twice.
  HistoryOptions options = givenOptions;
  options.filter.includeAggregates = true;
  const auto inRange = [&](EventStore::Index i) {
    return store.start(i) <= options.to && store.end(i) >= options.from;
  };

  if (place.geonameId) {
    for (EventStore::Index i : store.atPlace(*place.geonameId, options.filter))
      if (inRange(i)) history.entries.push_back({i, true, 0.0, 0.0});
  }
  // Incidents named by the place's name without an id of their own. Names
  // are interned, so each distinct one is folded once.
  if (!place.name.empty()) {
    const std::string key = searchKey(place.name);
    std::vector<std::int8_t> nameMatches(store.strings().size(), -1);
    for (EventStore::Index i = 0; i < store.size(); ++i) {
      std::int8_t& match = nameMatches[store.placeId(i)];
      if (match < 0) match = searchKey(store.place(i)) == key ? 1 : 0;
      if (match == 0 || store.geonameId(i) || !inRange(i) || !store.matches(i, options.filter)) continue;
      history.entries.push_back({i, true, 0.0, 0.0});
    }
  }
  std::vector<bool> taken(store.size(), false);
  for (const HistoryEntry& e : history.entries) taken[e.index] = true;
  // Lines and areas that pass the place: a blockaded road through it, a siege around it.
  for (EventStore::Index i : store.shapedIncidents()) {
    if (taken[i] || !inRange(i) || !store.matches(i, options.filter) || !touchesPlace(store, i, place)) continue;
    history.entries.push_back({i, true, 0.0, 0.0});
    taken[i] = true;
  }
  if (options.radiusMetres > 0.0) {
    for (const NearbyIncident& near :
         store.withinRadius(place.longitude, place.latitude, options.radiusMetres, options.filter)) {
      if (taken[near.index] || !inRange(near.index)) continue;
      history.entries.push_back({near.index, false, near.distanceMetres, near.azimuthDegrees});
    }
  }
  std::sort(history.entries.begin(), history.entries.end(), [&](const HistoryEntry& a, const HistoryEntry& b) {
    return std::make_tuple(store.start(a.index), store.end(a.index), store.id(a.index)) <
           std::make_tuple(store.start(b.index), store.end(b.index), store.id(b.index));
  });

  HistorySummary& s = history.summary;
  std::map<std::string, std::size_t, std::less<>> actors;
  for (const HistoryEntry& e : history.entries) {
    const EventStore::Index i = e.index;
    if (store.isAggregate(i)) {
      ++s.aggregates;
      continue;
    }
    ++s.incidents;
    s.firstStart = s.firstStart ? std::min(*s.firstStart, store.start(i)) : store.start(i);
    s.lastEnd = s.lastEnd ? std::max(*s.lastEnd, store.end(i)) : store.end(i);
    ++s.byType[static_cast<std::size_t>(store.type(i))];
    const Fatalities f = store.fatalities(i);
    if (!f.reported) {
      ++s.notReported;
    } else if (!f.low) {
      ++s.noFigure;
    } else {
      s.fatalities += *f.low;
      ++s.withFigure;
      if (!f.high || *f.high != *f.low) ++s.lowerBounds;
    }
    std::vector<std::string_view> named;
    for (const ActorRef& ref : store.actors(i)) {
      const std::string_view name = store.string(ref.actor);
      if (std::find(named.begin(), named.end(), name) != named.end()) continue;
      named.push_back(name);
      ++actors[std::string(name)];
    }
  }
  s.byActor.assign(actors.begin(), actors.end());
  std::stable_sort(s.byActor.begin(), s.byActor.end(),
                   [](const auto& a, const auto& b) { return a.second > b.second; });
  return history;
}

HistoryPlace historyPlace(const Place& place) { return {place.geonameId, place.name, place.longitude, place.latitude}; }

PlaceResolution resolveHistoryPlace(const Gazetteer& gazetteer, const EventStore& store, std::string_view query) {
  PlaceResolution result;
  const std::string text(query);
  const auto found = [&](std::size_t index) {
    result.status = PlaceResolution::Status::Found;
    result.gazetteerIndex = index;
    result.place = historyPlace(gazetteer.place(index));
    result.candidates.clear();
    return result;
  };
  if (text.rfind("geonames:", 0) == 0) {
    std::int64_t id = 0;
    const auto digits = std::string_view(text).substr(9);
    const auto parsed = std::from_chars(digits.data(), digits.data() + digits.size(), id);
    if (parsed.ec != std::errc{} || parsed.ptr != digits.data() + digits.size()) return result;
    if (auto index = gazetteer.indexOfGeonameId(id)) return found(*index);
    const auto at = store.atPlace(id);
    if (at.empty()) return result;
    result.status = PlaceResolution::Status::Found;
    result.place = {id, std::string(store.place(at.front())), store.longitude(at.front()), store.latitude(at.front())};
    return result;
  }

  const auto matches = gazetteer.search(text, 200);
  std::vector<std::size_t> named;
  for (const PlaceMatch& m : matches)
    if (m.kind == MatchKind::ExactName || m.kind == MatchKind::ExactAlternate) named.push_back(m.placeIndex);
  if (named.empty())
    for (const PlaceMatch& m : matches)
      if (m.kind == MatchKind::Similar) named.push_back(m.placeIndex);
  std::vector<std::size_t> withIncidents;
  for (std::size_t index : named)
    if (!store.atPlace(gazetteer.place(index).geonameId).empty()) withIncidents.push_back(index);
  if (withIncidents.size() == 1) return found(withIncidents.front());
  if (withIncidents.size() > 1) {
    result.status = PlaceResolution::Status::Ambiguous;
    result.candidates = withIncidents;
    return result;
  }
  // A place the dataset names without a gazetteer id.
  const std::string key = searchKey(text);
  std::vector<std::int8_t> nameMatches(store.strings().size(), -1);
  for (EventStore::Index i = 0; i < store.size(); ++i) {
    std::int8_t& match = nameMatches[store.placeId(i)];
    if (match < 0) match = searchKey(store.place(i)) == key ? 1 : 0;
    if (match == 0 || store.geonameId(i)) continue;
    result.status = PlaceResolution::Status::Found;
    result.place = {std::nullopt, std::string(store.place(i)), store.longitude(i), store.latitude(i)};
    return result;
  }
  if (named.size() == 1) return found(named.front());
  if (!named.empty() && gazetteer.place(named.front()).isOfInterest()) return found(named.front());
  if (!named.empty()) {
    result.status = PlaceResolution::Status::Ambiguous;
    result.candidates = named;
    return result;
  }
  for (std::size_t k = 0; k < matches.size() && k < 8; ++k) result.candidates.push_back(matches[k].placeIndex);
  return result;
}

const char* compassPoint(double azimuthDegrees) {
  static const char* const points[] = {"N", "NE", "E", "SE", "S", "SW", "W", "NW"};
  double a = std::fmod(azimuthDegrees, 360.0);
  if (a < 0) a += 360.0;
  return points[static_cast<int>(std::floor((a + 22.5) / 45.0)) % 8];
}

std::string formatDistance(double metres) {
  char text[32];
  if (metres < 1000.0) {
    std::snprintf(text, sizeof text, "%.0f m", std::round(metres / 10.0) * 10.0);
  } else if (metres < 20000.0) {
    std::snprintf(text, sizeof text, "%.1f km", metres / 1000.0);
  } else {
    std::snprintf(text, sizeof text, "%.0f km", metres / 1000.0);
  }
  return text;
}

std::string describeOffset(const HistoryEntry& entry) {
  if (entry.atPlace) return {};
  std::string text = formatDistance(entry.distanceMetres);
  text += ' ';
  text += compassPoint(entry.azimuthDegrees);
  return text;
}

std::string describeFatalities(const HistorySummary& s) {
  std::string text;
  const auto plural = [](std::size_t n, const char* one, const char* many) {
    return std::to_string(n) + ' ' + (n == 1 ? one : many);
  };
  if (s.withFigure > 0) {
    text += s.lowerBounds > 0 ? "at least " : "";
    text += std::to_string(s.fatalities);
    text += " in ";
    text += plural(s.withFigure, "incident", "incidents");
    if (s.lowerBounds > 0) {
      text += " (";
      text += plural(s.lowerBounds, "figure", "figures");
      text += " given as a lower bound or range)";
    }
  } else {
    text += "no figure";
  }
  if (s.noFigure > 0) {
    text += "; ";
    text += plural(s.noFigure, "reported without a figure", "reported without a figure");
  }
  if (s.notReported > 0) {
    text += "; ";
    text += plural(s.notReported, "not reported", "not reported");
  }
  return text;
}

} // namespace sv
