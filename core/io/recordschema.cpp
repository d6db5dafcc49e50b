#include "io/recordschema.h"

#include "io/fieldparsing.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <initializer_list>

namespace sv {

namespace {

std::string lowerTrimmed(std::string_view text) {
  std::string lower;
  for (char c : trimmed(text)) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return lower;
}

// Column indexes of a header by lower-case name.
class Columns {
public:
  explicit Columns(const std::vector<std::string>& header) {
    for (const std::string& name : header) m_names.push_back(lowerTrimmed(name));
    m_original = header;
  }
  int find(std::initializer_list<std::string_view> names) const {
    for (std::string_view name : names)
      for (std::size_t i = 0; i < m_names.size(); ++i)
        if (m_names[i] == name) return static_cast<int>(i);
    return -1;
  }
  bool has(std::string_view name) const { return find({name}) >= 0; }
  const std::string& name(int column) const { return m_original[static_cast<std::size_t>(column)]; }
  std::size_t size() const { return m_names.size(); }

private:
  std::vector<std::string> m_names;
  std::vector<std::string> m_original;
};

std::string_view at(const std::vector<std::string_view>& fields, int column) {
  if (column < 0 || static_cast<std::size_t>(column) >= fields.size()) return {};
  return trimmed(fields[static_cast<std::size_t>(column)]);
}

std::string quoted(std::string_view text) {
  std::string shown(text.substr(0, 60));
  if (text.size() > 60) shown += "…";
  return "'" + shown + "'";
}

// The coordinates of a record: its own columns, else the feature's geometry.
bool readPosition(const std::vector<std::string_view>& fields, const Columns& columns, int latColumn, int lonColumn,
                  int wktColumn, const GeometryPoint& geometry, Incident& incident, FieldProblem& problem) {
  std::optional<double> lat, lon;
  if (latColumn >= 0 && lonColumn >= 0 && (!at(fields, latColumn).empty() || !at(fields, lonColumn).empty() || !geometry)) {
    const std::string_view latText = at(fields, latColumn);
    const std::string_view lonText = at(fields, lonColumn);
    if (latText.empty()) {
      problem = {columns.name(latColumn), "missing"};
      return false;
    }
    if (lonText.empty()) {
      problem = {columns.name(lonColumn), "missing"};
      return false;
    }
    lat = parseDecimal(latText);
    lon = parseDecimal(lonText);
    if (!lat) {
      problem = {columns.name(latColumn), "not a number: " + quoted(latText)};
      return false;
    }
    if (!lon) {
      problem = {columns.name(lonColumn), "not a number: " + quoted(lonText)};
      return false;
    }
  } else if (wktColumn >= 0 && (!at(fields, wktColumn).empty() || !geometry)) {
    const std::string_view wkt = at(fields, wktColumn);
    const auto point = parseWktPoint(wkt);
    if (!point) {
      problem = {columns.name(wktColumn), wkt.empty() ? "missing" : "not a WKT point: " + quoted(wkt)};
      return false;
    }
    lon = point->first;
    lat = point->second;
  } else if (geometry) {
    lon = geometry->first;
    lat = geometry->second;
  } else {
    problem = {"geometry", "missing: the record has no point"};
    return false;
  }
  if (*lat < -90.0 || *lat > 90.0) {
    problem = {latColumn >= 0 ? columns.name(latColumn) : "geometry", "latitude " + std::string(trimmed(at(fields, latColumn))) +
                                                                         " is outside -90 to 90"};
    if (latColumn < 0) problem.reason = "latitude outside -90 to 90";
    return false;
  }
  if (*lon < -180.0 || *lon > 180.0) {
    problem = {lonColumn >= 0 ? columns.name(lonColumn) : "geometry", "longitude " + std::string(trimmed(at(fields, lonColumn))) +
                                                                          " is outside -180 to 180"};
    if (lonColumn < 0) problem.reason = "longitude outside -180 to 180";
    return false;
  }
  if (*lat == 0.0 && *lon == 0.0) {
    problem = {latColumn >= 0 ? columns.name(latColumn) : "geometry", "0, 0 is a missing position written as zero"};
    return false;
  }
  incident.latitude = *lat;
  incident.longitude = *lon;
  return true;
}

// The record's id, required by the ACLED and UCDP layouts.
bool readId(const std::vector<std::string_view>& fields, const Columns& columns, int column, Incident& incident,
            FieldProblem& problem) {
  incident.id = normaliseId(at(fields, column));
  if (!incident.id.empty()) return true;
  problem = {columns.name(column), "missing"};
  return false;
}

bool readDate(std::string_view text, const std::string& column, ParsedDate& date, FieldProblem& problem) {
  if (text.empty()) {
    problem = {column, "missing"};
    return false;
  }
  const auto parsed = parseFlexibleDate(text);
  if (!parsed) {
    problem = {column, "not a date: " + quoted(text)};
    return false;
  }
  date = *parsed;
  return true;
}

std::vector<std::string> actorList(std::string_view text) { return splitList(text, ';'); }

void addUnique(std::vector<std::string>& list, const std::vector<std::string>& items) {
  for (const std::string& item : items)
    if (std::find(list.begin(), list.end(), item) == list.end()) list.push_back(item);
}

// Suffixes UCDP adds to administrative names: "Mopti region", "Niono cercle".
std::string withoutAdminSuffix(std::string_view name) {
  name = trimmed(name);
  for (std::string_view suffix : {" region", " province", " cercle", " district", " prefecture", " state"}) {
    if (name.size() > suffix.size() && lowerTrimmed(name.substr(name.size() - suffix.size())) == trimmed(suffix))
      return std::string(trimmed(name.substr(0, name.size() - suffix.size())));
  }
  return std::string(name);
}

// --- ACLED ----------------------------------------------------------------------

const char* const kAcledLicence =
    "Armed Conflict Location & Event Data (ACLED), acleddata.com. Used under ACLED's terms of use; "
    "the data is the user's own export and is not distributed with Situation Viewer.";

class AcledSchema final : public RecordSchema {
public:
  explicit AcledSchema(const Columns& columns) : m_columns(columns) {
    m_id = columns.find({"event_id_cnty"});
    m_date = columns.find({"event_date"});
    m_timePrecision = columns.find({"time_precision"});
    m_eventType = columns.find({"event_type"});
    m_subEventType = columns.find({"sub_event_type"});
    m_actor1 = columns.find({"actor1"});
    m_assoc1 = columns.find({"assoc_actor_1", "ally_actor_1"});
    m_inter1 = columns.find({"inter1"});
    m_actor2 = columns.find({"actor2"});
    m_assoc2 = columns.find({"assoc_actor_2", "ally_actor_2"});
    m_inter2 = columns.find({"inter2"});
    m_civilian = columns.find({"civilian_targeting"});
    m_admin1 = columns.find({"admin1"});
    m_admin2 = columns.find({"admin2"});
    m_location = columns.find({"location"});
    m_latitude = columns.find({"latitude"});
    m_longitude = columns.find({"longitude"});
    m_geoPrecision = columns.find({"geo_precision"});
    m_source = columns.find({"source"});
    m_notes = columns.find({"notes"});
    m_fatalities = columns.find({"fatalities"});
    if (m_subEventType < 0)
      RecordSchema::m_notes.emplace_back(
          "no sub_event_type column (an ACLED file from before 2019): sub-types left unspecified, "
          "old event types mapped to the current ones");
    if (m_civilian < 0)
      RecordSchema::m_notes.emplace_back(
          "no civilian_targeting column (an ACLED file from before 2023): civilian targeting taken from the "
          "event type Violence against civilians");
  }

  std::string_view name() const override { return "ACLED"; }

  DatasetInfo datasetInfo(const std::string& fileName) const override {
    DatasetInfo info;
    info.name = fileName;
    info.title = "ACLED export " + fileName;
    info.description = "Events from an ACLED export, imported by Situation Viewer.";
    info.licence = kAcledLicence;
    return info;
  }

  bool convert(const std::vector<std::string_view>& fields, const GeometryPoint& geometry, std::size_t,
               Incident& incident, FieldProblem& problem) const override {
    if (!readId(fields, m_columns, m_id, incident, problem)) return false;
    ParsedDate date;
    if (!readDate(at(fields, m_date), m_columns.name(m_date), date, problem)) return false;
    if (date.precision != DatePrecision::Day) {
      problem = {m_columns.name(m_date), "not a full date: " + quoted(at(fields, m_date))};
      return false;
    }
    // time_precision: 1 the day is known; 2 only the week, the date being its middle; 3 only the month.
    const std::string_view precisionText = at(fields, m_timePrecision);
    const auto precision = precisionText.empty() ? std::optional<std::int64_t>(1) : parseWholeNumber(precisionText);
    if (!precision || *precision < 1 || *precision > 3) {
      problem = {m_columns.name(m_timePrecision), "not 1, 2 or 3: " + quoted(precisionText)};
      return false;
    }
    incident.start = date.start;
    incident.end = date.start;
    incident.datePrecision = DatePrecision::Day;
    if (*precision == 2) {
      incident.start = date.start - 3;
      incident.end = date.start + 3;
      incident.datePrecision = DatePrecision::Week;
    } else if (*precision == 3) {
      const CivilDate civil = civilFromDay(date.start);
      incident.start = dayFromCivil({civil.year, civil.month, 1});
      incident.end = dayFromCivil({civil.year, civil.month, daysInMonth(civil.year, civil.month)});
      incident.datePrecision = DatePrecision::Month;
    }

    if (!readType(fields, incident, problem)) return false;

    if (!readPosition(fields, m_columns, m_latitude, m_longitude, -1, geometry, incident, problem)) return false;
    // geo_precision: 1 the place itself; 2 near it (the nearest town's point); 3 only a larger region.
    const std::string_view geoText = at(fields, m_geoPrecision);
    const auto geo = geoText.empty() ? std::optional<std::int64_t>(1) : parseWholeNumber(geoText);
    if (!geo || *geo < 1 || *geo > 3) {
      problem = {m_columns.name(m_geoPrecision), "not 1, 2 or 3: " + quoted(geoText)};
      return false;
    }
    incident.locationPrecision =
        *geo == 1 ? LocationPrecision::Exact : (*geo == 2 ? LocationPrecision::Near : LocationPrecision::Region);
    incident.place = std::string(at(fields, m_location));
    incident.region = std::string(at(fields, m_admin1));
    incident.cercle = std::string(at(fields, m_admin2));

    incident.actors = {};
    if (const auto a1 = at(fields, m_actor1); !a1.empty()) incident.actors.primary.emplace_back(a1);
    if (const auto a2 = at(fields, m_actor2); !a2.empty()) incident.actors.secondary.emplace_back(a2);
    addUnique(incident.actors.associated, actorList(at(fields, m_assoc1)));
    addUnique(incident.actors.associated, actorList(at(fields, m_assoc2)));

    const std::string_view fatalText = at(fields, m_fatalities);
    if (fatalText.empty()) {
      incident.fatalities = Fatalities::notReported();
    } else {
      const auto n = parseWholeNumber(fatalText);
      if (!n || *n < 0 || *n > 100000000) {
        problem = {m_columns.name(m_fatalities), "not a count: " + quoted(fatalText)};
        return false;
      }
      incident.fatalities = Fatalities::exactly(static_cast<std::int32_t>(*n)); // 0 is ACLED's "none reported"
    }

    if (m_civilian >= 0)
      incident.civilianTargeting = !at(fields, m_civilian).empty();
    else
      incident.civilianTargeting = incident.type == EventType::ViolenceAgainstCivilians;

    incident.summary = std::string(at(fields, m_notes));
    incident.sources.clear();
    // The publishers ACLED coded the event from; the event itself is cited by its id.
    for (std::string& publisher : splitList(at(fields, m_source), ';'))
      incident.sources.push_back(Source{"ACLED", "", std::move(publisher), "", "", ""});
    if (incident.sources.empty()) incident.sources.push_back(Source{"ACLED", "", "", "", "", ""});
    return true;
  }

private:
  bool readType(const std::vector<std::string_view>& fields, Incident& incident, FieldProblem& problem) const {
    const std::string_view typeText = at(fields, m_eventType);
    if (typeText.empty()) {
      problem = {m_columns.name(m_eventType), "missing"};
      return false;
    }
    incident.subType = SubEventType::Unspecified;
    if (const auto type = eventTypeFromName(typeText); type && *type != EventType::Unclassified) {
      incident.type = *type;
    } else if (!oldEventType(typeText, fields, incident)) {
      problem = {m_columns.name(m_eventType), "not an ACLED event type: " + quoted(typeText)};
      return false;
    }
    const std::string_view subText = at(fields, m_subEventType);
    if (!subText.empty()) {
      const auto subType = subEventTypeFromName(subText);
      if (!subType) {
        problem = {m_columns.name(m_subEventType), "not an ACLED sub-event type: " + quoted(subText)};
        return false;
      }
      if (parentType(*subType) != incident.type) {
        problem = {m_columns.name(m_subEventType), quoted(subText) + " is not a kind of " + quoted(typeText)};
        return false;
      }
      incident.subType = *subType;
    }
    return true;
  }

  // The event types of ACLED files before 2019, mapped onto the current ones.
  bool oldEventType(std::string_view text, const std::vector<std::string_view>& fields, Incident& incident) const {
    std::string key;
    for (char c : text)
      if (std::isalnum(static_cast<unsigned char>(c))) key += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    struct OldType {
      std::string_view key;
      EventType type;
      SubEventType subType;
    };
    static constexpr std::array<OldType, 8> kOld{{
        {"battlenochangeofterritory", EventType::Battles, SubEventType::ArmedClash},
        {"battlegovernmentregainsterritory", EventType::Battles, SubEventType::GovernmentRegainsTerritory},
        {"battlenonstateactorovertakesterritory", EventType::Battles, SubEventType::NonStateActorOvertakesTerritory},
        {"remoteviolence", EventType::ExplosionsRemoteViolence, SubEventType::Unspecified},
        {"violenceagainstcivilians", EventType::ViolenceAgainstCivilians, SubEventType::Unspecified},
        {"headquartersorbaseestablished", EventType::StrategicDevelopments, SubEventType::HeadquartersOrBaseEstablished},
        {"nonviolenttransferofterritory", EventType::StrategicDevelopments, SubEventType::NonViolentTransferOfTerritory},
        {"strategicdevelopment", EventType::StrategicDevelopments, SubEventType::Unspecified},
    }};
    for (const OldType& old : kOld) {
      if (old.key == key) {
        incident.type = old.type;
        incident.subType = old.subType;
        return true;
      }
    }
    if (key == "riotsprotests") {
      // One old type for both; the actor codes tell them apart (5 rioters, 6 protesters).
      const auto inter1 = parseWholeNumber(at(fields, m_inter1));
      const auto inter2 = parseWholeNumber(at(fields, m_inter2));
      const bool rioters = (inter1 && *inter1 == 5) || (inter2 && *inter2 == 5);
      const bool protesters = (inter1 && *inter1 == 6) || (inter2 && *inter2 == 6);
      incident.type = rioters ? EventType::Riots : (protesters ? EventType::Protests : EventType::Unclassified);
      return true;
    }
    return false;
  }

  Columns m_columns;
  int m_id, m_date, m_timePrecision, m_eventType, m_subEventType, m_actor1, m_assoc1, m_inter1, m_actor2, m_assoc2,
      m_inter2, m_civilian, m_admin1, m_admin2, m_location, m_latitude, m_longitude, m_geoPrecision, m_source, m_notes,
      m_fatalities;
};

// --- UCDP GED --------------------------------------------------------------------

class UcdpSchema final : public RecordSchema {
public:
  explicit UcdpSchema(const Columns& columns) : m_columns(columns) {
    m_id = columns.find({"id"});
    m_type = columns.find({"type_of_violence"});
    m_dyad = columns.find({"dyad_name"});
    m_sideA = columns.find({"side_a"});
    m_sideB = columns.find({"side_b"});
    m_article = columns.find({"source_article"});
    m_office = columns.find({"source_office"});
    m_sourceDate = columns.find({"source_date"});
    m_headline = columns.find({"source_headline"});
    m_wherePrec = columns.find({"where_prec"});
    m_whereCoordinates = columns.find({"where_coordinates"});
    m_whereDescription = columns.find({"where_description"});
    m_adm1 = columns.find({"adm_1"});
    m_adm2 = columns.find({"adm_2"});
    m_latitude = columns.find({"latitude"});
    m_longitude = columns.find({"longitude"});
    m_wkt = columns.find({"geom_wkt"});
    m_datePrec = columns.find({"date_prec"});
    m_dateStart = columns.find({"date_start"});
    m_dateEnd = columns.find({"date_end"});
    m_best = columns.find({"best"});
    m_low = columns.find({"low"});
    m_high = columns.find({"high"});
  }

  std::string_view name() const override { return "UCDP GED"; }

  DatasetInfo datasetInfo(const std::string& fileName) const override {
    DatasetInfo info;
    info.name = fileName;
    info.title = "UCDP GED extract " + fileName;
    info.description = "Events from the UCDP Georeferenced Event Dataset, imported by Situation Viewer.";
    info.licence =
        "UCDP Georeferenced Event Dataset (GED), Uppsala Conflict Data Program, ucdp.uu.se. Cite: Sundberg, Ralph "
        "and Erik Melander (2013), Introducing the UCDP Georeferenced Event Dataset, Journal of Peace Research 50(4).";
    return info;
  }

  bool convert(const std::vector<std::string_view>& fields, const GeometryPoint& geometry, std::size_t,
               Incident& incident, FieldProblem& problem) const override {
    if (!readId(fields, m_columns, m_id, incident, problem)) return false;
    ParsedDate start, end;
    if (!readDate(at(fields, m_dateStart), m_columns.name(m_dateStart), start, problem)) return false;
    if (m_dateEnd >= 0 && !at(fields, m_dateEnd).empty()) {
      if (!readDate(at(fields, m_dateEnd), m_columns.name(m_dateEnd), end, problem)) return false;
    } else {
      end = start;
    }
    incident.start = start.start;
    incident.end = end.end;
    if (incident.end < incident.start) {
      problem = {m_columns.name(m_dateEnd), "before date_start"};
      return false;
    }
    // date_prec: 1 the day; 2 within 2–6 days; 3 the week; 4 the month (8–30 days); 5 only the year.
    const auto datePrec = parseWholeNumber(at(fields, m_datePrec));
    if (m_datePrec >= 0 && (!datePrec || *datePrec < 1 || *datePrec > 5)) {
      problem = {m_columns.name(m_datePrec), "not 1 to 5: " + quoted(at(fields, m_datePrec))};
      return false;
    }
    const std::int64_t dp = datePrec.value_or(1);
    incident.datePrecision = dp == 1 ? DatePrecision::Day
                             : dp <= 3 ? DatePrecision::Week
                             : dp == 4 ? DatePrecision::Month
                                       : DatePrecision::Year;
    if (incident.datePrecision == DatePrecision::Day && incident.end > incident.start)
      incident.datePrecision = DatePrecision::Day; // a dated multi-day event: the span says it

    const auto violence = parseWholeNumber(at(fields, m_type));
    if (!violence || *violence < 1 || *violence > 3) {
      problem = {m_columns.name(m_type), "not 1, 2 or 3: " + quoted(at(fields, m_type))};
      return false;
    }
    // 1 state-based and 2 non-state conflict are fighting between organised sides; 3 is one-sided violence.
    incident.type = *violence == 3 ? EventType::ViolenceAgainstCivilians : EventType::Battles;
    incident.subType = SubEventType::Unspecified;
    incident.civilianTargeting = *violence == 3;

    if (!readPosition(fields, m_columns, m_latitude, m_longitude, m_wkt, geometry, incident, problem)) return false;
    // where_prec: 1 exact; 2 within 25 km; 3 the second-order division; 4 the first-order division;
    // 5 a line or area larger than that; 6 the country; 7 international waters or airspace.
    const auto wherePrec = parseWholeNumber(at(fields, m_wherePrec));
    if (m_wherePrec >= 0 && (!wherePrec || *wherePrec < 1 || *wherePrec > 7)) {
      problem = {m_columns.name(m_wherePrec), "not 1 to 7: " + quoted(at(fields, m_wherePrec))};
      return false;
    }
    const std::int64_t wp = wherePrec.value_or(1);
    incident.locationPrecision = wp == 1   ? LocationPrecision::Exact
                                 : wp == 2 ? LocationPrecision::Near
                                 : wp == 3 ? LocationPrecision::Cercle
                                 : wp <= 5 ? LocationPrecision::Region
                                           : LocationPrecision::Country;
    incident.place = std::string(at(fields, m_whereCoordinates));
    incident.locationNote = std::string(at(fields, m_whereDescription));
    incident.region = withoutAdminSuffix(at(fields, m_adm1));
    incident.cercle = withoutAdminSuffix(at(fields, m_adm2));

    incident.actors = {};
    if (const auto a = at(fields, m_sideA); !a.empty()) incident.actors.primary.emplace_back(a);
    if (const auto b = at(fields, m_sideB); !b.empty()) incident.actors.secondary.emplace_back(b);

    // best, low and high are kept as UCDP gives them, even where low is above best.
    incident.fatalities = Fatalities::notReported();
    const std::pair<int, std::optional<std::int32_t>*> figures[] = {
        {m_best, &incident.fatalities.estimate}, {m_low, &incident.fatalities.low}, {m_high, &incident.fatalities.high}};
    for (const auto& [column, target] : figures) {
      const std::string_view text = at(fields, column);
      if (text.empty()) continue;
      const auto n = parseWholeNumber(text);
      if (!n || *n < 0 || *n > 100000000) {
        problem = {m_columns.name(column), "not a count: " + quoted(text)};
        return false;
      }
      *target = static_cast<std::int32_t>(*n);
      incident.fatalities.reported = true;
    }
    if (incident.fatalities.low && incident.fatalities.high && *incident.fatalities.low > *incident.fatalities.high) {
      problem = {m_columns.name(m_low), "above high"};
      return false;
    }

    const std::string_view dyad = at(fields, m_dyad);
    const std::string_view where = at(fields, m_whereDescription);
    incident.summary = std::string(dyad);
    if (!dyad.empty() && !where.empty()) incident.summary += ": ";
    incident.summary += where;
    incident.sources.clear();
    incident.sources.push_back(Source{"UCDP GED", std::string(at(fields, m_headline)),
                                      std::string(at(fields, m_office)), std::string(at(fields, m_sourceDate)), "",
                                      std::string(at(fields, m_article))});
    return true;
  }

private:
  Columns m_columns;
  int m_id, m_type, m_dyad, m_sideA, m_sideB, m_article, m_office, m_sourceDate, m_headline, m_wherePrec,
      m_whereCoordinates, m_whereDescription, m_adm1, m_adm2, m_latitude, m_longitude, m_wkt, m_datePrec, m_dateStart,
      m_dateEnd, m_best, m_low, m_high;
};

// --- Generic -----------------------------------------------------------------------

struct Role {
  std::string_view name;
  std::string_view meaning;
  std::initializer_list<std::string_view> guesses;
};

const std::array<Role, 18> kRoles{{
    {"id", "the record's identifier (else the file name and record number)", {"id", "event_id", "event_id_cnty", "fid", "uid"}},
    {"date", "the date, or the first day of a span", {"date", "event_date", "date_start", "start_date", "start", "begin", "timestamp", "when", "day"}},
    {"end", "the last day of a span", {"end", "date_end", "end_date"}},
    {"lat", "latitude in degrees (WGS 84)", {"latitude", "lat", "y"}},
    {"lon", "longitude in degrees (WGS 84)", {"longitude", "lon", "lng", "long", "x"}},
    {"wkt", "a WKT point instead of lat and lon", {"wkt", "geom_wkt", "geometry", "geom", "the_geom"}},
    {"place", "the place name", {"location", "place", "town", "village", "name", "where"}},
    {"type", "ACLED event type (else Unclassified)", {"event_type", "type"}},
    {"subtype", "ACLED sub-event type", {"sub_event_type", "subtype", "sub_type"}},
    {"fatalities", "number of deaths", {"fatalities", "deaths", "killed", "dead"}},
    {"actor1", "first actor (; separates several)", {"actor1", "actor", "actor_1", "perpetrator"}},
    {"actor2", "second actor (; separates several)", {"actor2", "actor_2", "target"}},
    {"notes", "a description", {"notes", "description", "summary", "comment", "comments"}},
    {"source", "the source (; separates several)", {"source", "sources"}},
    {"region", "the region (first-level division)", {"region", "admin1"}},
    {"cercle", "the cercle or district (second-level division)", {"cercle", "admin2", "district"}},
    {"date_precision", "day, week, month or year", {"date_precision"}},
    {"location_precision", "exact, near, cercle, region or country", {"location_precision"}},
}};

class GenericSchema final : public RecordSchema {
public:
  // Each role has its columns in order of preference: one when mapped, every
  // column of a usual name when guessed; the first non-empty value counts
  // (KML's TimeStamp and TimeSpan fill different fields of the same layer).
  using RoleColumns = std::array<std::vector<int>, kRoles.size()>;
  GenericSchema(const Columns& columns, RoleColumns roles, std::string sourceName)
      : m_columns(columns), m_roles(std::move(roles)), m_sourceName(std::move(sourceName)) {}

  std::string_view name() const override { return "generic"; }

  DatasetInfo datasetInfo(const std::string& fileName) const override {
    DatasetInfo info;
    info.name = fileName;
    info.title = fileName;
    info.description = "Incidents imported from " + fileName + " by Situation Viewer.";
    info.licence = "The terms of " + fileName + " as its provider gives them.";
    return info;
  }

  void addNote(std::string note) { m_notes.push_back(std::move(note)); }

  bool convert(const std::vector<std::string_view>& fields, const GeometryPoint& geometry, std::size_t record,
               Incident& incident, FieldProblem& problem) const override {
    // The column a role's value came from (its first when all are empty), and the value.
    const auto column = [&](std::string_view role) {
      const std::vector<int>& candidates = m_roles[roleIndex(role)];
      for (int c : candidates)
        if (!at(fields, c).empty()) return c;
      return candidates.empty() ? -1 : candidates.front();
    };
    const auto value = [&](std::string_view role) { return at(fields, column(role)); };
    incident.id = normaliseId(value("id"));
    if (incident.id.empty()) incident.id = m_sourceName + "-" + std::to_string(record);

    ParsedDate start, end;
    if (!readDate(value("date"), m_columns.name(column("date")), start, problem)) return false;
    end = start;
    if (column("end") >= 0 && !value("end").empty() &&
        !readDate(value("end"), m_columns.name(column("end")), end, problem))
      return false;
    incident.start = start.start;
    incident.end = std::max(start.end, end.end);
    if (end.end < start.start) {
      problem = {m_columns.name(column("end")), "before the start date"};
      return false;
    }
    incident.datePrecision = std::max(start.precision, end.precision);
    if (column("date_precision") >= 0 && !value("date_precision").empty()) {
      const auto precision = datePrecisionFromName(value("date_precision"));
      if (!precision) {
        problem = {m_columns.name(column("date_precision")), "not day, week, month or year: " + quoted(value("date_precision"))};
        return false;
      }
      incident.datePrecision = std::max(incident.datePrecision, *precision);
    }

    if (!readPosition(fields, m_columns, column("lat"), column("lon"), column("wkt"), geometry, incident, problem))
      return false;
    incident.locationPrecision = LocationPrecision::Exact;
    if (column("location_precision") >= 0 && !value("location_precision").empty()) {
      const auto precision = locationPrecisionFromName(value("location_precision"));
      if (!precision) {
        problem = {m_columns.name(column("location_precision")), "not exact, near, cercle, region or country: " +
                                                                   quoted(value("location_precision"))};
        return false;
      }
      incident.locationPrecision = *precision;
    }

    incident.type = EventType::Unclassified;
    incident.subType = SubEventType::Unspecified;
    if (const auto typeText = value("type"); !typeText.empty()) {
      const auto type = eventTypeFromName(typeText);
      if (!type) {
        problem = {m_columns.name(column("type")), "not an ACLED event type: " + quoted(typeText)};
        return false;
      }
      incident.type = *type;
    }
    if (const auto subText = value("subtype"); !subText.empty()) {
      const auto subType = subEventTypeFromName(subText);
      if (!subType) {
        problem = {m_columns.name(column("subtype")), "not an ACLED sub-event type: " + quoted(subText)};
        return false;
      }
      if (value("type").empty()) incident.type = parentType(*subType);
      if (parentType(*subType) != incident.type) {
        problem = {m_columns.name(column("subtype")), quoted(subText) + " is not a kind of " + quoted(value("type"))};
        return false;
      }
      incident.subType = *subType;
    }
    incident.civilianTargeting = incident.type == EventType::ViolenceAgainstCivilians;

    incident.fatalities = Fatalities::notReported();
    if (const auto text = value("fatalities"); !text.empty()) {
      const auto n = parseWholeNumber(text);
      if (!n || *n < 0 || *n > 100000000) {
        problem = {m_columns.name(column("fatalities")), "not a count: " + quoted(text)};
        return false;
      }
      incident.fatalities = Fatalities::exactly(static_cast<std::int32_t>(*n));
    }
    incident.place = std::string(value("place"));
    incident.region = std::string(value("region"));
    incident.cercle = std::string(value("cercle"));
    incident.actors = {};
    incident.actors.primary = actorList(value("actor1"));
    incident.actors.secondary = actorList(value("actor2"));
    incident.summary = std::string(value("notes"));
    incident.sources.clear();
    for (const std::string& publisher : splitList(value("source"), ';'))
      incident.sources.push_back(Source{m_sourceName, "", publisher, "", "", ""});
    if (incident.sources.empty()) incident.sources.push_back(Source{m_sourceName, "", "", "", "", ""});
    return true;
  }

  static std::size_t roleIndex(std::string_view role) {
    for (std::size_t i = 0; i < kRoles.size(); ++i)
      if (kRoles[i].name == role) return i;
    return 0;
  }

private:
  Columns m_columns;
  RoleColumns m_roles;
  std::string m_sourceName;
};

std::unique_ptr<RecordSchema> genericSchema(const Columns& columns, const ColumnMapping& mapping,
                                            const std::string& sourceName, std::string* error) {
  GenericSchema::RoleColumns roles;
  std::vector<int> taken;
  for (const auto& [role, columnName] : mapping.columns) {
    const int column = columns.find({lowerTrimmed(columnName)});
    if (column < 0) {
      if (error) *error = "--map " + role + "=" + columnName + ": the file has no column '" + columnName + "'";
      return nullptr;
    }
    roles[GenericSchema::roleIndex(role)] = {column};
    taken.push_back(column);
  }
  std::vector<std::string> guessed;
  for (std::size_t r = 0; r < kRoles.size(); ++r) {
    if (!roles[r].empty()) continue;
    for (std::string_view guess : kRoles[r].guesses) {
      const int column = columns.find({guess});
      if (column < 0 || std::find(taken.begin(), taken.end(), column) != taken.end()) continue;
      roles[r].push_back(column);
      taken.push_back(column);
    }
    if (!roles[r].empty()) {
      std::string names;
      for (int column : roles[r]) names += (names.empty() ? "" : "|") + columns.name(column);
      guessed.push_back(std::string(kRoles[r].name) + "=" + names);
    }
  }
  const auto has = [&](std::string_view role) { return !roles[GenericSchema::roleIndex(role)].empty(); };
  if (!has("date")) {
    if (error) *error = "no date column found; name it with --map date=COLUMN";
    return nullptr;
  }
  const bool positioned = (has("lat") && has("lon")) || has("wkt");
  auto schema = std::make_unique<GenericSchema>(columns, std::move(roles), sourceName);
  if (!positioned) schema->addNote("no lat/lon or WKT column: positions come from the features' geometry");
  if (!guessed.empty()) {
    std::string note = "columns taken by their names:";
    for (const std::string& g : guessed) note += " " + g;
    schema->addNote(note);
  }
  return schema;
}

} // namespace

std::string_view importFormatName(ImportFormat format) {
  switch (format) {
  case ImportFormat::Auto: return "auto";
  case ImportFormat::Native: return "native";
  case ImportFormat::Acled: return "acled";
  case ImportFormat::Ucdp: return "ucdp";
  case ImportFormat::Ogr: return "ogr";
  case ImportFormat::Csv: return "csv";
  }
  return "auto";
}

std::optional<ImportFormat> importFormatFromName(std::string_view name) {
  const std::string key = lowerTrimmed(name);
  for (ImportFormat format : {ImportFormat::Auto, ImportFormat::Native, ImportFormat::Acled, ImportFormat::Ucdp,
                              ImportFormat::Ogr, ImportFormat::Csv})
    if (importFormatName(format) == key) return format;
  return std::nullopt;
}

std::string ColumnMapping::describe() const {
  std::string text;
  for (const auto& [role, column] : columns) {
    if (!text.empty()) text += ",";
    text += role + "=" + column;
  }
  return text;
}

const std::vector<std::pair<std::string_view, std::string_view>>& columnMappingRoles() {
  static const auto roles = [] {
    std::vector<std::pair<std::string_view, std::string_view>> list;
    for (const Role& role : kRoles) list.emplace_back(role.name, role.meaning);
    return list;
  }();
  return roles;
}

std::optional<ColumnMapping> parseColumnMapping(std::string_view text, std::string* error) {
  ColumnMapping mapping;
  for (const std::string& item : splitList(text, ',')) {
    const auto equals = item.find('=');
    if (equals == std::string::npos) {
      if (error) *error = "'" + item + "' is not ROLE=COLUMN";
      return std::nullopt;
    }
    std::string role = lowerTrimmed(std::string_view(item).substr(0, equals));
    if (role == "latitude") role = "lat";
    if (role == "longitude" || role == "lng") role = "lon";
    if (role == "date_end" || role == "end_date") role = "end";
    if (role == "sub_type" || role == "sub_event_type") role = "subtype";
    const std::string column(trimmed(std::string_view(item).substr(equals + 1)));
    const bool known = std::any_of(kRoles.begin(), kRoles.end(), [&](const Role& r) { return r.name == role; });
    if (!known) {
      if (error) {
        *error = "unknown role '" + role + "' (roles:";
        for (const Role& r : kRoles) *error += " " + std::string(r.name);
        *error += ")";
      }
      return std::nullopt;
    }
    if (column.empty()) {
      if (error) *error = "'" + item + "' names no column";
      return std::nullopt;
    }
    mapping.columns.emplace_back(role, column);
  }
  return mapping;
}

std::unique_ptr<RecordSchema> recordSchemaFor(const std::vector<std::string>& header, ImportFormat format,
                                              const ColumnMapping& mapping, const std::string& sourceName,
                                              std::string* error) {
  const Columns columns(header);
  const bool acled = columns.has("event_id_cnty") && columns.has("event_date") && columns.has("event_type");
  const bool ucdp = columns.has("type_of_violence") && columns.has("date_start") && columns.has("where_prec");
  if (format == ImportFormat::Acled || (format != ImportFormat::Csv && mapping.empty() && acled)) {
    for (std::string_view required : {"event_id_cnty", "event_date", "event_type", "latitude", "longitude"}) {
      if (!columns.has(required)) {
        if (error) *error = "not an ACLED export: no " + std::string(required) + " column";
        return nullptr;
      }
    }
    return std::make_unique<AcledSchema>(columns);
  }
  if (format == ImportFormat::Ucdp || (format != ImportFormat::Csv && mapping.empty() && ucdp)) {
    for (std::string_view required : {"id", "type_of_violence", "date_start"}) {
      if (!columns.has(required)) {
        if (error) *error = "not a UCDP GED file: no " + std::string(required) + " column";
        return nullptr;
      }
    }
    if (!(columns.has("latitude") && columns.has("longitude")) && !columns.has("geom_wkt") && format != ImportFormat::Ogr) {
      if (error) *error = "not a UCDP GED file: no latitude and longitude columns";
      return nullptr;
    }
    return std::make_unique<UcdpSchema>(columns);
  }
  return genericSchema(columns, mapping, sourceName, error);
}

bool isHxlRow(const std::vector<std::string_view>& fields) {
  std::size_t tags = 0, values = 0;
  for (std::string_view field : fields) {
    field = trimmed(field);
    if (field.empty()) continue;
    ++values;
    if (field.front() == '#') ++tags;
  }
  return values > 0 && tags * 2 > values;
}

void mergeDuplicate(Incident& kept, const Incident& duplicate) {
  // An actor already named in any role keeps that role: a monadic file lists
  // A against B, then B against A.
  const auto named = [&](const std::string& actor) {
    for (const auto* list : {&kept.actors.primary, &kept.actors.secondary, &kept.actors.associated})
      if (std::find(list->begin(), list->end(), actor) != list->end()) return true;
    return false;
  };
  const std::pair<std::vector<std::string>*, const std::vector<std::string>*> roles[] = {
      {&kept.actors.primary, &duplicate.actors.primary},
      {&kept.actors.secondary, &duplicate.actors.secondary},
      {&kept.actors.associated, &duplicate.actors.associated}};
  for (const auto& [target, from] : roles)
    for (const std::string& actor : *from)
      if (!named(actor)) target->push_back(actor);
  for (const Source& source : duplicate.sources)
    if (std::find(kept.sources.begin(), kept.sources.end(), source) == kept.sources.end()) kept.sources.push_back(source);
}

} // namespace sv
