#include "domain/incident.h"

#include "domain/textfold.h"

#include <algorithm>
#include <cmath>

namespace sv {

namespace {

constexpr std::array<std::string_view, kEventTypeCount> kEventTypeNames{
    "Battles",
    "Violence against civilians",
    "Explosions/Remote violence",
    "Riots",
    "Protests",
    "Strategic developments",
    "Unclassified",
};

struct SubTypeInfo {
  std::string_view name;
  EventType parent;
};

constexpr std::array<SubTypeInfo, kSubEventTypeCount> kSubTypes{{
    {"", EventType::Battles},
    {"Armed clash", EventType::Battles},
    {"Government regains territory", EventType::Battles},
    {"Non-state actor overtakes territory", EventType::Battles},
    {"Chemical weapon", EventType::ExplosionsRemoteViolence},
    {"Air/drone strike", EventType::ExplosionsRemoteViolence},
    {"Suicide bomb", EventType::ExplosionsRemoteViolence},
    {"Shelling/artillery/missile attack", EventType::ExplosionsRemoteViolence},
    {"Remote explosive/landmine/IED", EventType::ExplosionsRemoteViolence},
    {"Grenade", EventType::ExplosionsRemoteViolence},
    {"Sexual violence", EventType::ViolenceAgainstCivilians},
    {"Attack", EventType::ViolenceAgainstCivilians},
    {"Abduction/forced disappearance", EventType::ViolenceAgainstCivilians},
    {"Peaceful protest", EventType::Protests},
    {"Protest with intervention", EventType::Protests},
    {"Excessive force against protesters", EventType::Protests},
    {"Violent demonstration", EventType::Riots},
    {"Mob violence", EventType::Riots},
    {"Agreement", EventType::StrategicDevelopments},
    {"Arrests", EventType::StrategicDevelopments},
    {"Change to group/activity", EventType::StrategicDevelopments},
    {"Disrupted weapons use", EventType::StrategicDevelopments},
    {"Headquarters or base established", EventType::StrategicDevelopments},
    {"Looting/property destruction", EventType::StrategicDevelopments},
    {"Non-violent transfer of territory", EventType::StrategicDevelopments},
    {"Other", EventType::StrategicDevelopments},
}};

constexpr std::array<std::string_view, 4> kDatePrecisionNames{"day", "week", "month", "year"};
constexpr std::array<std::string_view, kLocationPrecisionCount> kLocationPrecisionNames{"exact",  "near",    "cercle",
                                                                                        "region", "country", "route"};
constexpr std::array<std::string_view, 4> kPlaceShapeNames{"point", "line", "area", "unplaced"};

std::string dayMonth(const CivilDate& d) { return std::to_string(d.day) + " " + monthAbbreviation(d.month); }

std::string dayMonthYear(const CivilDate& d) { return dayMonth(d) + " " + std::to_string(d.year); }

std::string monthYear(const CivilDate& d) {
  return std::string(monthAbbreviation(d.month)) + " " + std::to_string(d.year);
}

const std::string kEnDash = "\xE2\x80\x93";

std::string daySpan(const CivilDate& a, const CivilDate& b) {
  if (a == b) return dayMonthYear(a);
  if (a.year == b.year && a.month == b.month)
    return std::to_string(a.day) + kEnDash + std::to_string(b.day) + " " + monthYear(a);
  if (a.year == b.year) return dayMonth(a) + " " + kEnDash + " " + dayMonthYear(b);
  return dayMonthYear(a) + " " + kEnDash + " " + dayMonthYear(b);
}

} // namespace

std::string_view eventTypeName(EventType type) { return kEventTypeNames[static_cast<std::size_t>(type)]; }

std::string_view subEventTypeName(SubEventType subType) { return kSubTypes[static_cast<std::size_t>(subType)].name; }

EventType parentType(SubEventType subType) { return kSubTypes[static_cast<std::size_t>(subType)].parent; }

std::optional<EventType> eventTypeFromName(std::string_view name) {
  // Names as ACLED writes them first: importers call this for every row.
  for (std::size_t i = 0; i < kEventTypeNames.size(); ++i)
    if (kEventTypeNames[i] == name) return static_cast<EventType>(i);
  const std::string key = searchKey(name);
  if (key.empty()) return std::nullopt;
  for (std::size_t i = 0; i < kEventTypeNames.size(); ++i)
    if (searchKey(kEventTypeNames[i]) == key) return static_cast<EventType>(i);
  return std::nullopt;
}

std::optional<SubEventType> subEventTypeFromName(std::string_view name) {
  for (std::size_t i = 1; i < kSubTypes.size(); ++i)
    if (kSubTypes[i].name == name) return static_cast<SubEventType>(i);
  const std::string key = searchKey(name);
  if (key.empty()) return std::nullopt;
  for (std::size_t i = 1; i < kSubTypes.size(); ++i)
    if (searchKey(kSubTypes[i].name) == key) return static_cast<SubEventType>(i);
  return std::nullopt;
}

std::string_view datePrecisionName(DatePrecision precision) {
  return kDatePrecisionNames[static_cast<std::size_t>(precision)];
}

std::string_view locationPrecisionName(LocationPrecision precision) {
  return kLocationPrecisionNames[static_cast<std::size_t>(precision)];
}

std::optional<DatePrecision> datePrecisionFromName(std::string_view name) {
  for (std::size_t i = 0; i < kDatePrecisionNames.size(); ++i)
    if (kDatePrecisionNames[i] == name) return static_cast<DatePrecision>(i);
  return std::nullopt;
}

std::optional<LocationPrecision> locationPrecisionFromName(std::string_view name) {
  for (std::size_t i = 0; i < kLocationPrecisionNames.size(); ++i)
    if (kLocationPrecisionNames[i] == name) return static_cast<LocationPrecision>(i);
  return std::nullopt;
}

std::string formatFatalities(const Fatalities& f) {
  if (!f.reported) return "not reported";
  if (f.estimate) {
    std::string text = std::to_string(*f.estimate);
    if ((f.low && f.low != f.estimate) || (f.high && f.high != f.estimate)) {
      text += " (";
      if (f.low) text += "low " + std::to_string(*f.low);
      if (f.low && f.high) text += ", ";
      if (f.high) text += "high " + std::to_string(*f.high);
      text += ")";
    }
    return text;
  }
  if (!f.low && !f.high) return "reported, no figure";
  if (f.low && f.high) {
    if (*f.low == *f.high) return std::to_string(*f.low);
    return std::to_string(*f.low) + kEnDash + std::to_string(*f.high);
  }
  std::string text = f.low ? "\xE2\x89\xA5" : "\xE2\x89\xA4"; // ≥ or ≤
  text += std::to_string(f.low ? *f.low : *f.high);
  return text;
}

std::string formatDateSpan(DayNumber start, DayNumber end, DatePrecision precision) {
  const CivilDate a = civilFromDay(start);
  const CivilDate b = civilFromDay(end);
  switch (precision) {
    case DatePrecision::Day: return daySpan(a, b);
    case DatePrecision::Week: {
      std::string text = "~";
      text += daySpan(a, b);
      return text;
    }
    case DatePrecision::Month:
      if (a.year == b.year && a.month == b.month) return monthYear(a);
      if (a.year == b.year)
        return std::string(monthAbbreviation(a.month)) + kEnDash + monthAbbreviation(b.month) + " " +
               std::to_string(a.year);
      return monthYear(a) + " " + kEnDash + " " + monthYear(b);
    case DatePrecision::Year:
      if (a.year == b.year) return std::to_string(a.year);
      return std::to_string(a.year) + kEnDash + std::to_string(b.year);
  }
  return daySpan(a, b);
}

std::string_view placeShapeName(PlaceShape shape) { return kPlaceShapeNames[static_cast<std::size_t>(shape)]; }

namespace {

double ringArea(const LineString& ring) {
  double twice = 0.0;
  for (std::size_t i = 0, j = ring.size() - 1; i < ring.size(); j = i++)
    twice += (ring[j].x - ring[i].x) * (ring[j].y + ring[i].y);
  return twice / 2.0;
}

Point2 ringCentroid(const LineString& ring) {
  double a = 0.0, cx = 0.0, cy = 0.0;
  for (std::size_t i = 0, j = ring.size() - 1; i < ring.size(); j = i++) {
    const double cross = ring[j].x * ring[i].y - ring[i].x * ring[j].y;
    a += cross;
    cx += (ring[j].x + ring[i].x) * cross;
    cy += (ring[j].y + ring[i].y) * cross;
  }
  if (std::abs(a) < 1e-18) return ring.front();
  return {cx / (3.0 * a), cy / (3.0 * a)};
}

} // namespace

Point2 representativePoint(PlaceShape shape, const std::vector<LineString>& parts) {
  const LineString* chosen = nullptr;
  double best = -1.0;
  for (const LineString& part : parts) {
    if (part.empty()) continue;
    double measure = 0.0;
    if (shape == PlaceShape::Area) {
      measure = std::abs(ringArea(part));
    } else {
      for (std::size_t k = 1; k < part.size(); ++k)
        measure += std::hypot(part[k].x - part[k - 1].x, part[k].y - part[k - 1].y);
    }
    if (measure > best) {
      best = measure;
      chosen = &part;
    }
  }
  if (!chosen) return {};
  const LineString& part = *chosen;
  if (shape == PlaceShape::Area) {
    const Point2 centroid = ringCentroid(part);
    if (contains(MultiPolygon{{part}}, centroid)) return centroid;
    // A concave ring: the middle of the widest chord at the centroid's latitude.
    std::vector<double> crossings;
    for (std::size_t i = 0, j = part.size() - 1; i < part.size(); j = i++) {
      const Point2& a = part[i];
      const Point2& b = part[j];
      if ((a.y > centroid.y) != (b.y > centroid.y))
        crossings.push_back((b.x - a.x) * (centroid.y - a.y) / (b.y - a.y) + a.x);
    }
    std::sort(crossings.begin(), crossings.end());
    double widest = -1.0;
    Point2 middle = part.front();
    for (std::size_t k = 0; k + 1 < crossings.size(); k += 2) {
      if (crossings[k + 1] - crossings[k] > widest) {
        widest = crossings[k + 1] - crossings[k];
        middle = {(crossings[k] + crossings[k + 1]) / 2.0, centroid.y};
      }
    }
    return middle;
  }
  // Halfway along the line.
  double remaining = best / 2.0;
  for (std::size_t k = 1; k < part.size(); ++k) {
    const double length = std::hypot(part[k].x - part[k - 1].x, part[k].y - part[k - 1].y);
    if (length >= remaining && length > 0.0) {
      const double t = remaining / length;
      return {part[k - 1].x + t * (part[k].x - part[k - 1].x), part[k - 1].y + t * (part[k].y - part[k - 1].y)};
    }
    remaining -= length;
  }
  return part.back();
}

void placeAtRepresentativePoint(Incident& incident) {
  if (incident.shape != PlaceShape::Line && incident.shape != PlaceShape::Area) return;
  const Point2 at = representativePoint(incident.shape, incident.shapeParts);
  incident.longitude = at.x;
  incident.latitude = at.y;
}

void appendPolygon(std::vector<LineString>& parts, std::vector<LineString> rings) {
  for (std::size_t k = 0; k < rings.size(); ++k) {
    // The exterior counter-clockwise, every hole clockwise.
    const bool clockwise = ringArea(rings[k]) < 0.0;
    if (clockwise == (k == 0)) std::reverse(rings[k].begin(), rings[k].end());
    parts.push_back(std::move(rings[k]));
  }
}

std::vector<std::vector<const LineString*>> polygonsOfRings(const std::vector<LineString>& rings) {
  std::vector<std::vector<const LineString*>> polygons;
  for (const LineString& ring : rings) {
    if (ring.empty()) continue;
    const bool clockwise = ringArea(ring) < 0.0; // the signed area is positive counter-clockwise
    if (polygons.empty() || !clockwise) polygons.emplace_back();
    polygons.back().push_back(&ring);
  }
  return polygons;
}

std::vector<std::string> validateIncident(const Incident& incident) {
  std::vector<std::string> problems;
  if (incident.id.empty()) problems.emplace_back("id: missing");
  if (incident.end < incident.start)
    problems.push_back("end: " + formatIsoDate(incident.end) + " is before start " + formatIsoDate(incident.start));
  if (!std::isfinite(incident.longitude) || incident.longitude < -180.0 || incident.longitude > 180.0)
    problems.emplace_back("longitude: out of range");
  if (!std::isfinite(incident.latitude) || incident.latitude < -90.0 || incident.latitude > 90.0)
    problems.emplace_back("latitude: out of range");
  switch (incident.shape) {
    case PlaceShape::Point:
    case PlaceShape::Unplaced:
      if (!incident.shapeParts.empty()) problems.emplace_back("geometry: parts given for a point or no place");
      break;
    case PlaceShape::Line:
      if (incident.shapeParts.empty()) problems.emplace_back("geometry: a line without parts");
      for (const LineString& part : incident.shapeParts)
        if (part.size() < 2) problems.emplace_back("geometry: a line part needs two positions");
      break;
    case PlaceShape::Area:
      if (incident.shapeParts.empty()) problems.emplace_back("geometry: an area without rings");
      for (const LineString& ring : incident.shapeParts)
        if (ring.size() < 3) problems.emplace_back("geometry: a ring needs three positions");
      break;
  }
  for (const LineString& part : incident.shapeParts)
    for (const Point2& p : part)
      if (!std::isfinite(p.x) || !std::isfinite(p.y) || p.x < -180.0 || p.x > 180.0 || p.y < -90.0 || p.y > 90.0) {
        problems.emplace_back("geometry: position out of range");
        break;
      }
  if (incident.locationPrecision == LocationPrecision::Route && incident.shape != PlaceShape::Line)
    problems.emplace_back("location_precision: 'route' needs a line");
  if (incident.shape == PlaceShape::Unplaced && incident.locationPrecision != LocationPrecision::Region &&
      incident.locationPrecision != LocationPrecision::Country)
    problems.emplace_back("geometry: no place is only for region or country precision");
  if (incident.subType != SubEventType::Unspecified && parentType(incident.subType) != incident.type)
    problems.push_back("sub_event_type: '" + std::string(subEventTypeName(incident.subType)) + "' is not a kind of '" +
                       std::string(eventTypeName(incident.type)) + "'");
  const Fatalities& f = incident.fatalities;
  if ((f.low && *f.low < 0) || (f.high && *f.high < 0)) problems.emplace_back("fatalities: negative");
  if (f.low && f.high && *f.low > *f.high) problems.emplace_back("fatalities: low is above high");
  if (!f.reported && (f.low || f.high)) problems.emplace_back("fatalities: figures given but not reported");
  return problems;
}

} // namespace sv
