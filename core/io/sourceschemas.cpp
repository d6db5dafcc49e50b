// The schemas of the two event datasets users bring: ACLED exports and UCDP GED.
#include "io/recordfields.h"

#include <array>
#include <cctype>

namespace sv {

namespace {

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
      if (std::isalnum(static_cast<unsigned char>(c)))
        key += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
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
        {"headquartersorbaseestablished", EventType::StrategicDevelopments,
         SubEventType::HeadquartersOrBaseEstablished},
        {"nonviolenttransferofterritory", EventType::StrategicDevelopments,
         SubEventType::NonViolentTransferOfTerritory},
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
    incident.datePrecision = dp == 1   ? DatePrecision::Day
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
    const std::pair<int, std::optional<std::int32_t>*> figures[] = {{m_best, &incident.fatalities.estimate},
                                                                    {m_low, &incident.fatalities.low},
                                                                    {m_high, &incident.fatalities.high}};
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

} // namespace

std::unique_ptr<RecordSchema> makeAcledSchema(const Columns& columns) { return std::make_unique<AcledSchema>(columns); }
std::unique_ptr<RecordSchema> makeUcdpSchema(const Columns& columns) { return std::make_unique<UcdpSchema>(columns); }

} // namespace sv
