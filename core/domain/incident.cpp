#include "domain/incident.h"

#include "domain/textfold.h"

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
constexpr std::array<std::string_view, 5> kLocationPrecisionNames{"exact", "near", "cercle", "region", "country"};

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

std::vector<std::string> validateIncident(const Incident& incident) {
  std::vector<std::string> problems;
  if (incident.id.empty()) problems.emplace_back("id: missing");
  if (incident.end < incident.start)
    problems.push_back("end: " + formatIsoDate(incident.end) + " is before start " + formatIsoDate(incident.start));
  if (!std::isfinite(incident.longitude) || incident.longitude < -180.0 || incident.longitude > 180.0)
    problems.emplace_back("longitude: out of range");
  if (!std::isfinite(incident.latitude) || incident.latitude < -90.0 || incident.latitude > 90.0)
    problems.emplace_back("latitude: out of range");
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
