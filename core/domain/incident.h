#pragma once

#include "domain/calendar.h"
#include "geo/geometry.h"

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sv {

// How precisely the source dates an incident. The span [start, end] always
// covers every day the incident may have happened on: "late March 2022" is
// 21–31 March with week precision, never 1 March.
enum class DatePrecision : std::uint8_t { Day = 0, Week = 1, Month = 2, Year = 3 };

// How precisely the source places an incident.
enum class LocationPrecision : std::uint8_t {
  Exact = 0,   // at the named place
  Near = 1,    // near or around the named place
  Cercle = 2,  // somewhere in a cercle (district)
  Region = 3,  // somewhere in a region or a described part of the country
  Country = 4, // the source gives no place inside Mali
  Route = 5,   // a line joining the places the source names, straight between them: not a traced road
};
inline constexpr int kLocationPrecisionCount = 6;

// What an incident's place is. Most incidents happen at a point; a blockaded
// road is a line, a besieged area or an area of operations a polygon; and an
// incident the sources place nowhere drawable ("across central Mali",
// "targeting army bases") has no geometry: it is listed, never drawn.
enum class PlaceShape : std::uint8_t { Point = 0, Line = 1, Area = 2, Unplaced = 3 };
std::string_view placeShapeName(PlaceShape shape); // "point", "line", "area", "unplaced"

// ACLED's event types (codebook 2019 onwards).
enum class EventType : std::uint8_t {
  Battles = 0,
  ViolenceAgainstCivilians = 1,
  ExplosionsRemoteViolence = 2,
  Riots = 3,
  Protests = 4,
  StrategicDevelopments = 5,
  Unclassified = 6, // imported data that gives no ACLED event type (UCDP aside, which maps onto ACLED's)
};
inline constexpr int kEventTypeCount = 7;

// ACLED's sub-event types. Unspecified is for data that has none (ACLED files
// before 2019).
enum class SubEventType : std::uint8_t {
  Unspecified = 0,
  ArmedClash,
  GovernmentRegainsTerritory,
  NonStateActorOvertakesTerritory,
  ChemicalWeapon,
  AirDroneStrike,
  SuicideBomb,
  ShellingArtilleryMissileAttack,
  RemoteExplosiveLandmineIed,
  Grenade,
  SexualViolence,
  Attack,
  AbductionForcedDisappearance,
  PeacefulProtest,
  ProtestWithIntervention,
  ExcessiveForceAgainstProtesters,
  ViolentDemonstration,
  MobViolence,
  Agreement,
  Arrests,
  ChangeToGroupActivity,
  DisruptedWeaponsUse,
  HeadquartersOrBaseEstablished,
  LootingPropertyDestruction,
  NonViolentTransferOfTerritory,
  Other,
};
inline constexpr int kSubEventTypeCount = 26;

std::string_view eventTypeName(EventType type);          // "Violence against civilians"
std::string_view subEventTypeName(SubEventType subType); // "Abduction/forced disappearance"
EventType parentType(SubEventType subType);              // meaningless for Unspecified
// Names compare after folding case, accents and punctuation.
std::optional<EventType> eventTypeFromName(std::string_view name);
std::optional<SubEventType> subEventTypeFromName(std::string_view name);

std::string_view datePrecisionName(DatePrecision precision);         // "day" …
std::string_view locationPrecisionName(LocationPrecision precision); // "exact" …
std::optional<DatePrecision> datePrecisionFromName(std::string_view name);
std::optional<LocationPrecision> locationPrecisionFromName(std::string_view name);
inline bool isApproximate(LocationPrecision precision) { return precision != LocationPrecision::Exact; }
inline bool isApproximate(DatePrecision precision) { return precision != DatePrecision::Day; }

// Fatalities as the source gives them. "Not reported" is not zero:
//  - reported == false: the source gives no fatality information;
//  - reported with no bounds: deaths are reported without a figure;
//  - low == high: an exact figure; only low: "at least"; only high: "at most".
//  - estimate: the source's own best figure beside its bounds (UCDP's "best"),
//    kept as given even where it lies outside them, as it does in real UCDP rows.
struct Fatalities {
  bool reported = false;
  std::optional<std::int32_t> low;
  std::optional<std::int32_t> high;
  std::optional<std::int32_t> estimate;

  static Fatalities notReported() { return {}; }
  static Fatalities exactly(std::int32_t n) { return {true, n, n, std::nullopt}; }
  static Fatalities atLeast(std::int32_t n) { return {true, n, std::nullopt, std::nullopt}; }
  // The figure used for sizing and minimum-fatality filters: the estimate, else the lower bound, else 0.
  std::int32_t best() const { return estimate.value_or(low.value_or(0)); }
  friend bool operator==(const Fatalities&, const Fatalities&) = default;
};
// "not reported", "reported, no figure", "6", "≥300", "20–30", "≤5", "12 (low 10, high 15)".
std::string formatFatalities(const Fatalities& fatalities);

struct Source {
  std::string document; // the file or reference of the document
  std::string title;
  std::string publisher;
  std::string date;    // as the source dates itself (ISO where known, may be empty)
  std::string url;     // may be empty
  std::string passage; // the passage the incident rests on
  friend bool operator==(const Source&, const Source&) = default;
};

struct Actors {
  std::vector<std::string> primary;
  std::vector<std::string> secondary;
  std::vector<std::string> associated;
  friend bool operator==(const Actors&, const Actors&) = default;
};

// One incident as a whole record: what readers produce and writers consume.
// The EventStore keeps incidents in columns instead of as these objects.
struct Incident {
  std::string id;
  DayNumber start = 0;
  DayNumber end = 0;
  DatePrecision datePrecision = DatePrecision::Day;
  std::string place; // the place name as the source gives it
  std::optional<std::int64_t> geonameId;
  // The incident's point: where a Point is, and for a line or an area the
  // representative point that clusters, radius queries and point-only formats
  // use (representativePoint). 0, 0 for an unplaced incident.
  double longitude = 0.0;
  double latitude = 0.0;
  PlaceShape shape = PlaceShape::Point;
  // For Line, its parts (line strings); for Area, the rings of its polygons,
  // drawn by the even-odd rule. Longitude/latitude. Empty otherwise.
  std::vector<LineString> shapeParts;
  LocationPrecision locationPrecision = LocationPrecision::Exact;
  std::string locationNote;
  std::string region;
  std::string cercle;
  EventType type = EventType::Battles;
  SubEventType subType = SubEventType::Unspecified;
  Actors actors;
  Fatalities fatalities;
  bool civilianTargeting = false;
  std::string summary;
  std::vector<Source> sources;
  // The id of the aggregate record (a whole siege, a campaign) whose figures
  // this record's make up; empty when it is not a part. An aggregate is kept
  // for its span and sources but never counted beside its parts.
  std::string partOf;
  friend bool operator==(const Incident&, const Incident&) = default;
};

// Dates as a reader should see them, following their precision:
// day "19 Aug 2025", "6–22 Oct 2020"; week "~21–31 Mar 2022"; month "Oct 2020",
// "Sep–Nov 2025"; year "2020", "2020–2021".
std::string formatDateSpan(DayNumber start, DayNumber end, DatePrecision precision);

// The point that stands for a line or an area: the point halfway along the
// longest part of a line, and for an area the centroid of its largest ring
// when that lies inside it, else the middle of the ring's widest horizontal
// chord through its centroid's latitude. Degrees in, degrees out.
Point2 representativePoint(PlaceShape shape, const std::vector<LineString>& parts);
// Sets a line's or an area's longitude and latitude to its representative point.
void placeAtRepresentativePoint(Incident& incident);

// An area's rings as polygons, for formats that nest them: a counter-clockwise
// ring starts a polygon (RFC 7946's exterior) and a clockwise one is a hole
// of the polygon before it (the first ring always starts one). Pointers into
// `rings`.
std::vector<std::vector<const LineString*>> polygonsOfRings(const std::vector<LineString>& rings);
// Appends one polygon's rings (the exterior first, then its holes) to an
// area's parts, turned as polygonsOfRings reads them, whatever their winding
// in the source.
void appendPolygon(std::vector<LineString>& parts, std::vector<LineString> rings);

// The problems that make an incident unusable, empty if none.
std::vector<std::string> validateIncident(const Incident& incident);

} // namespace sv
