#pragma once

#include "domain/eventstore.h"
#include "domain/gazetteer.h"

#include <array>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <vector>

namespace sv {

// The place a history is about: a gazetteer place (with its GeoNames id), or
// a place named only by the dataset. Incidents are "at" it when they carry its
// GeoNames id, or — having no id of their own — its name (accents and case
// ignored), so that homonyms elsewhere are never mixed in.
struct HistoryPlace {
  std::optional<std::int64_t> geonameId;
  std::string name;
  double longitude = 0.0;
  double latitude = 0.0;
};

struct HistoryOptions {
  double radiusMetres = 0.0; // 0: the place only; else incidents within this radius too
  DayNumber from = std::numeric_limits<DayNumber>::min();
  DayNumber to = std::numeric_limits<DayNumber>::max();
  IncidentFilter filter;
};

struct HistoryEntry {
  EventStore::Index index = 0;
  bool atPlace = true;         // false: nearby, within the radius
  double distanceMetres = 0.0; // from the place, along the geodesic (0 at the place)
  double azimuthDegrees = 0.0; // from the place towards the incident, clockwise from north
};

struct HistorySummary {
  std::size_t incidents = 0;           // counted: aggregates are not (their parts are)
  std::size_t aggregates = 0;          // listed records whose parts are counted instead
  std::optional<DayNumber> firstStart; // the earliest start
  std::optional<DayNumber> lastEnd;    // the latest end
  std::array<std::size_t, kEventTypeCount> byType{};
  std::vector<std::pair<std::string, std::size_t>> byActor; // most frequent first, then by name
  std::int64_t fatalities = 0;                              // the sum of the lower figures reported
  std::size_t withFigure = 0;                               // incidents contributing a figure
  std::size_t lowerBounds = 0;                              // of those, figures given as "at least"
  std::size_t noFigure = 0;                                 // reported without a figure
  std::size_t notReported = 0;                              // no fatality report at all — not zero
};

struct PlaceHistory {
  std::vector<HistoryEntry> entries; // chronological: by start, then end, then id
  HistorySummary summary;
};

// A name turned into the place a history is about.
struct PlaceResolution {
  enum class Status { Found, Ambiguous, Unknown };
  Status status = Status::Unknown;
  HistoryPlace place;                        // when found
  std::optional<std::size_t> gazetteerIndex; // when found in the gazetteer
  std::vector<std::size_t> candidates;       // gazetteer indexes: the homonyms, or suggestions for an unknown name
};
// Resolves "geonames:ID", a gazetteer name or alternate name (accents and
// case ignored; a name spelt a little differently when nothing matches
// exactly), or a place name used by the dataset. Among homonyms the one with
// incidents wins; when several have incidents, or none does and none is a
// place the sources name, the name is ambiguous. Prefixes are never taken
// for a name: they come back as suggestions.
PlaceResolution resolveHistoryPlace(const Gazetteer& gazetteer, const EventStore& store, std::string_view query);
HistoryPlace historyPlace(const Place& place);

// Whether incident i is at the place (see HistoryPlace).
bool isAtPlace(const EventStore& store, EventStore::Index i, const HistoryPlace& place);
// Whether a line or an area incident passes the place: within 5 km of a
// corridor's line, inside an area or within 5 km of its outline.
bool touchesPlace(const EventStore& store, EventStore::Index i, const HistoryPlace& place);
// The incidents at a place — and, with a radius, around it — overlapping
// [from, to] under the filter, with their summary. Lines and areas that pass
// the place are at it; aggregates are listed with their parts but counted
// only through them.
PlaceHistory placeHistory(const EventStore& store, const HistoryPlace& place, const HistoryOptions& options = {});

// "N", "NE", … "NW" for an azimuth in degrees.
const char* compassPoint(double azimuthDegrees);
// "800 m", "12 km", "12.5 km" below 20 km.
std::string formatDistance(double metres);
// "12 km NE" for a nearby entry; empty at the place.
std::string describeOffset(const HistoryEntry& entry);
// "at least 312 in 9 incidents (2 given as lower bounds); 1 reported without a figure; 14 not reported".
std::string describeFatalities(const HistorySummary& summary);

} // namespace sv
