#include "io/recordschema.h"

#include "io/recordfields.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <initializer_list>

namespace sv {

namespace {

// --- Generic -----------------------------------------------------------------------

struct Role {
  std::string_view name;
  std::string_view meaning;
  std::initializer_list<std::string_view> guesses;
};

const std::array<Role, 18> kRoles{{
    {"id",
     "the record's identifier (else the file name and record number)",
     {"id", "event_id", "event_id_cnty", "globaleventid", "fid", "uid"}},
    {"date",
     "the date, or the first day of a span",
     {"date", "event_date", "date_start", "start_date", "start", "begin", "timestamp", "when", "day", "sqldate"}},
    {"end", "the last day of a span", {"end", "date_end", "end_date"}},
    {"lat", "latitude in degrees (WGS 84)", {"latitude", "lat", "y", "actiongeo_lat"}},
    {"lon", "longitude in degrees (WGS 84)", {"longitude", "lon", "lng", "long", "x", "actiongeo_long"}},
    {"wkt", "a WKT point instead of lat and lon", {"wkt", "geom_wkt", "geometry", "geom", "the_geom"}},
    {"place", "the place name", {"location", "place", "town", "village", "name", "where", "actiongeo_fullname"}},
    {"type", "ACLED event type (else Unclassified)", {"event_type", "type"}},
    {"subtype", "ACLED sub-event type", {"sub_event_type", "subtype", "sub_type"}},
    {"fatalities", "number of deaths", {"fatalities", "deaths", "killed", "dead"}},
    {"actor1", "first actor (; separates several)", {"actor1", "actor", "actor_1", "perpetrator", "actor1name"}},
    {"actor2", "second actor (; separates several)", {"actor2", "actor_2", "target", "actor2name"}},
    {"notes", "a description", {"notes", "description", "summary", "comment", "comments"}},
    {"source", "the source (; separates several)", {"source", "sources", "sourceurl"}},
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
        problem = {m_columns.name(column("date_precision")),
                   "not day, week, month or year: " + quoted(value("date_precision"))};
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
        problem = {m_columns.name(column("location_precision")),
                   "not exact, near, cercle, region or country: " + quoted(value("location_precision"))};
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

// Fills the roles not yet given with every column of a usual name not already
// taken, and says what it took ("date=event_date").
std::vector<std::string> guessRoles(const Columns& columns, GenericSchema::RoleColumns& roles,
                                    std::vector<int>& taken) {
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
      for (int column : roles[r]) names.append(names.empty() ? "" : "|").append(columns.name(column));
      guessed.push_back(std::string(kRoles[r].name).append("=").append(names));
    }
  }
  return guessed;
}

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
  const std::vector<std::string> guessed = guessRoles(columns, roles, taken);
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

ColumnMapping guessColumnMapping(const std::vector<std::string>& header) {
  const Columns columns(header);
  GenericSchema::RoleColumns roles;
  std::vector<int> taken;
  guessRoles(columns, roles, taken);
  ColumnMapping mapping;
  for (std::size_t r = 0; r < kRoles.size(); ++r)
    if (!roles[r].empty()) mapping.columns.emplace_back(std::string(kRoles[r].name), columns.name(roles[r].front()));
  return mapping;
}

std::string_view importFormatName(ImportFormat format) {
  switch (format) {
    case ImportFormat::Auto: return "auto";
    case ImportFormat::Native: return "native";
    case ImportFormat::Acled: return "acled";
    case ImportFormat::Ucdp: return "ucdp";
    case ImportFormat::Ogr: return "ogr";
    case ImportFormat::Csv: return "csv";
    case ImportFormat::Store: return "store";
  }
  return "auto";
}

std::optional<ImportFormat> importFormatFromName(std::string_view name) {
  const std::string key = lowerTrimmed(name);
  for (ImportFormat format : {ImportFormat::Auto, ImportFormat::Native, ImportFormat::Acled, ImportFormat::Ucdp,
                              ImportFormat::Ogr, ImportFormat::Csv, ImportFormat::Store})
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
        std::string message = "unknown role '";
        message.append(role).append("' (roles:");
        for (const Role& r : kRoles) message.append(" ").append(r.name);
        *error = message.append(")");
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
    return makeAcledSchema(columns);
  }
  if (format == ImportFormat::Ucdp || (format != ImportFormat::Csv && mapping.empty() && ucdp)) {
    for (std::string_view required : {"id", "type_of_violence", "date_start"}) {
      if (!columns.has(required)) {
        if (error) *error = "not a UCDP GED file: no " + std::string(required) + " column";
        return nullptr;
      }
    }
    if (!(columns.has("latitude") && columns.has("longitude")) && !columns.has("geom_wkt") &&
        format != ImportFormat::Ogr) {
      if (error) *error = "not a UCDP GED file: no latitude and longitude columns";
      return nullptr;
    }
    return makeUcdpSchema(columns);
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
    if (std::find(kept.sources.begin(), kept.sources.end(), source) == kept.sources.end())
      kept.sources.push_back(source);
}

} // namespace sv
