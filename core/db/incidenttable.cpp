// The incidents' own statements: pushes (COPY into temporary tables, then
// an upsert by id) and reads (a cursor with the range and extent bound).
#include "db/database.h"
#include "db/sql.h"

#include <libpq-fe.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <utility>

namespace sv::db {
namespace {

constexpr int kFetchBatch = 20000;
constexpr std::size_t kCopyChunk = 1 << 20;

// --- COPY text format ------------------------------------------------------

void appendCopyText(std::string& out, std::string_view text) {
  for (const char c : text) {
    switch (c) {
      case '\\': out += "\\\\"; break;
      case '\t': out += "\\t"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      default: out.push_back(c);
    }
  }
}

// A text[] literal ({"a","b"}), itself escaped for COPY.
void appendCopyArray(std::string& out, const std::vector<std::string>& values) {
  std::string literal = "{";
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (i) literal.push_back(',');
    literal.push_back('"');
    for (const char c : values[i]) {
      if (c == '"' || c == '\\') literal.push_back('\\');
      literal.push_back(c);
    }
    literal.push_back('"');
  }
  literal.push_back('}');
  appendCopyText(out, literal);
}

template <typename T> void appendNumber(std::string& out, T value) {
  char buffer[32];
  const auto [ptr, ec] = std::to_chars(buffer, buffer + sizeof buffer, value);
  out.append(buffer, ptr);
}

void appendOptional(std::string& out, const std::optional<std::int32_t>& value) {
  if (value)
    appendNumber(out, *value);
  else
    out += "\\N";
}

// PostGIS's GeoJSON of a shape: lines and polygons, multi or not.
bool shapeFromGeoJson(const char* text, Incident& incident) {
  const auto json = nlohmann::json::parse(text, nullptr, false);
  if (!json.is_object() || !json.contains("type") || !json["type"].is_string() || !json.contains("coordinates"))
    return false;
  const std::string type = json["type"].get<std::string>();
  const auto& coordinates = json["coordinates"];
  bool sound = true;
  auto positions = [&](const nlohmann::json& array) {
    LineString line;
    if (!array.is_array()) sound = false;
    for (const auto& position : array) {
      if (!position.is_array() || position.size() < 2 || !position[0].is_number() || !position[1].is_number()) {
        sound = false;
        break;
      }
      line.push_back({position[0].get<double>(), position[1].get<double>()});
    }
    return line;
  };
  auto each = [&](const nlohmann::json& array, auto&& visit) {
    if (!array.is_array()) {
      sound = false;
      return;
    }
    for (const auto& item : array) visit(item);
  };
  std::vector<LineString> parts;
  if (type == "LineString") {
    parts.push_back(positions(coordinates));
  } else if (type == "MultiLineString" || type == "Polygon") {
    each(coordinates, [&](const nlohmann::json& item) { parts.push_back(positions(item)); });
  } else if (type == "MultiPolygon") {
    each(coordinates, [&](const nlohmann::json& polygon) {
      each(polygon, [&](const nlohmann::json& ring) { parts.push_back(positions(ring)); });
    });
  } else {
    return false;
  }
  if (!sound || parts.empty()) return false;
  incident.shape = type == "Polygon" || type == "MultiPolygon" ? PlaceShape::Area : PlaceShape::Line;
  incident.shapeParts = std::move(parts);
  return true;
}

void appendPositions(std::string& out, const LineString& positions, bool close) {
  out.push_back('(');
  for (std::size_t k = 0; k < positions.size(); ++k) {
    if (k > 0) out.push_back(',');
    appendNumber(out, positions[k].x);
    out.push_back(' ');
    appendNumber(out, positions[k].y);
  }
  if (close && !positions.empty() && !(positions.front() == positions.back())) {
    out.push_back(',');
    appendNumber(out, positions.front().x);
    out.push_back(' ');
    appendNumber(out, positions.front().y);
  }
  out.push_back(')');
}

// A line as an EWKT MultiLineString, an area as a MultiPolygon, else null.
void appendShape(std::string& out, const Incident& incident) {
  if (incident.shape == PlaceShape::Line && !incident.shapeParts.empty()) {
    out += "SRID=4326;MULTILINESTRING(";
    for (std::size_t p = 0; p < incident.shapeParts.size(); ++p) {
      if (p > 0) out.push_back(',');
      appendPositions(out, incident.shapeParts[p], false);
    }
    out.push_back(')');
  } else if (incident.shape == PlaceShape::Area && !incident.shapeParts.empty()) {
    out += "SRID=4326;MULTIPOLYGON(";
    const auto polygons = polygonsOfRings(incident.shapeParts);
    for (std::size_t p = 0; p < polygons.size(); ++p) {
      if (p > 0) out.push_back(',');
      out.push_back('(');
      for (std::size_t r = 0; r < polygons[p].size(); ++r) {
        if (r > 0) out.push_back(',');
        appendPositions(out, *polygons[p][r], true);
      }
      out.push_back(')');
    }
    out.push_back(')');
  } else {
    out += "\\N";
  }
}

void appendIncidentRow(std::string& out, const Incident& incident, const std::string& dataset) {
  const auto tab = [&out] { out.push_back('\t'); };
  appendCopyText(out, incident.id);
  tab();
  out += formatIsoDate(incident.start);
  tab();
  out += formatIsoDate(incident.end);
  tab();
  out += datePrecisionName(incident.datePrecision);
  tab();
  appendCopyText(out, incident.place);
  tab();
  if (incident.geonameId)
    appendNumber(out, *incident.geonameId);
  else
    out += "\\N";
  tab();
  if (incident.shape == PlaceShape::Unplaced) {
    out += "\\N";
  } else {
    out += "SRID=4326;POINT(";
    appendNumber(out, incident.longitude);
    out.push_back(' ');
    appendNumber(out, incident.latitude);
    out.push_back(')');
  }
  tab();
  appendShape(out, incident);
  tab();
  out += locationPrecisionName(incident.locationPrecision);
  tab();
  appendCopyText(out, incident.locationNote);
  tab();
  appendCopyText(out, incident.region);
  tab();
  appendCopyText(out, incident.cercle);
  tab();
  out += eventTypeName(incident.type);
  tab();
  if (incident.subType != SubEventType::Unspecified) out += subEventTypeName(incident.subType);
  tab();
  appendCopyArray(out, incident.actors.primary);
  tab();
  appendCopyArray(out, incident.actors.secondary);
  tab();
  appendCopyArray(out, incident.actors.associated);
  tab();
  out += incident.fatalities.reported ? "t" : "f";
  tab();
  appendOptional(out, incident.fatalities.low);
  tab();
  appendOptional(out, incident.fatalities.high);
  tab();
  appendOptional(out, incident.fatalities.estimate);
  tab();
  out += incident.civilianTargeting ? "t" : "f";
  tab();
  appendCopyText(out, incident.summary);
  tab();
  appendCopyText(out, dataset);
  tab();
  appendCopyText(out, incident.partOf);
  out.push_back('\n');
}

void appendSourceRows(std::string& out, const Incident& incident) {
  for (std::size_t s = 0; s < incident.sources.size(); ++s) {
    const Source& source = incident.sources[s];
    appendCopyText(out, incident.id);
    out.push_back('\t');
    appendNumber(out, s);
    for (const std::string* field :
         {&source.document, &source.title, &source.publisher, &source.date, &source.url, &source.passage}) {
      out.push_back('\t');
      appendCopyText(out, *field);
    }
    out.push_back('\n');
  }
}

// --- Reading rows ----------------------------------------------------------

std::vector<std::string> jsonStrings(const char* text) {
  std::vector<std::string> values;
  const auto json = nlohmann::json::parse(text, nullptr, false);
  if (!json.is_array()) return values;
  for (const auto& value : json)
    if (value.is_string()) values.push_back(value.get<std::string>());
  return values;
}

// --- Pushing -------------------------------------------------------------------

bool copyIn(Connection& connection, const std::string& statement, const IncidentSource& incidents, bool sourcesTable,
            const std::string& dataset, Error* error, const std::atomic_bool* cancel,
            const std::function<void(double)>& progress, double from, double share) {
  PGconn* conn = connection.raw();
  PGresult* started = PQexec(conn, statement.c_str());
  if (PQresultStatus(started) != PGRES_COPY_IN) {
    if (error) *error = resultError(connection, started);
    PQclear(started);
    return false;
  }
  PQclear(started);
  std::string buffer;
  buffer.reserve(kCopyChunk + 4096);
  const auto send = [&]() {
    if (buffer.empty()) return true;
    const bool sent = PQputCopyData(conn, buffer.data(), static_cast<int>(buffer.size())) == 1;
    buffer.clear();
    return sent;
  };
  const char* abort = nullptr;
  for (std::size_t i = 0; i < incidents.count && !abort; ++i) {
    const Incident incident = incidents.at(i);
    if (sourcesTable)
      appendSourceRows(buffer, incident);
    else
      appendIncidentRow(buffer, incident, dataset);
    if (buffer.size() >= kCopyChunk) {
      if (cancel && *cancel) abort = "cancelled";
      if (!send()) break;
      if (progress) progress(from + share * static_cast<double>(i + 1) / static_cast<double>(incidents.count));
    }
  }
  if (!abort) send();
  PQputCopyEnd(conn, abort);
  PGresult* result = PQgetResult(conn);
  const bool ok = PQresultStatus(result) == PGRES_COMMAND_OK;
  if (!ok && error) {
    *error = abort ? Error{ErrorKind::Cancelled, connection.location().display + ": push cancelled, nothing changed"}
                   : resultError(connection, result);
  }
  PQclear(result);
  while (PGresult* more = PQgetResult(conn)) PQclear(more);
  return ok;
}

} // namespace

bool pushIncidents(Connection& connection, const std::string& datasetName, const DatasetInfo& info,
                   const std::vector<Incident>& incidents, PushCounts* counts, Error* error,
                   const std::atomic_bool* cancel, const std::function<void(double)>& progress) {
  return pushIncidents(connection, datasetName, info,
                       IncidentSource{incidents.size(), [&](std::size_t i) { return incidents[i]; }}, counts, error,
                       cancel, progress);
}

bool pushIncidents(Connection& connection, const std::string& datasetName, const DatasetInfo& info,
                   const IncidentSource& incidents, PushCounts* counts, Error* error, const std::atomic_bool* cancel,
                   const std::function<void(double)>& progress) {
  if (!checkSchema(connection, error)) return false;
  Transaction transaction(connection, "BEGIN", error);
  if (!transaction.open()) return false;
  const std::string table = connection.tableName();
  const std::string sources = connection.tableName("_sources");
  const std::string datasets = connection.tableName("_datasets");
  // Staging tables of the transaction's own: the upsert then runs in SQL.
  std::string stagingColumns;
  for (const Column& column : kColumns) {
    std::string type = column.type;
    type = type.substr(0, type.find(' ')); // the types carry no space; their constraints do not apply here
    stagingColumns += std::string(stagingColumns.empty() ? "" : ", ") + column.name + " " + type;
  }
  const std::string setup[] = {
      "CREATE TEMPORARY TABLE sv_push (" + stagingColumns + ") ON COMMIT DROP",
      "CREATE TEMPORARY TABLE sv_push_sources (incident_id text, position integer, document text, title text, "
      "publisher text, date text, url text, passage text) ON COMMIT DROP",
  };
  for (const std::string& statement : setup)
    if (!connection.execute(statement, error)) return false;
  if (!copyIn(connection, "COPY sv_push (" + columnList() + ") FROM STDIN", incidents, false, datasetName, error,
              cancel, progress, 0.0, 0.6))
    return false;
  std::string sourceColumns;
  for (const char* column : kSourceColumns) sourceColumns += std::string(sourceColumns.empty() ? "" : ", ") + column;
  if (!copyIn(connection, "COPY sv_push_sources (" + sourceColumns + ") FROM STDIN", incidents, true, datasetName,
              error, cancel, progress, 0.6, 0.2))
    return false;
  if (cancel && *cancel) {
    if (error) *error = {ErrorKind::Cancelled, connection.location().display + ": push cancelled, nothing changed"};
    return false;
  }
  // Readers merge repeated ids; should the data still repeat one, one row is kept.
  std::string assignments, current, incoming;
  for (const Column& column : kColumns) {
    if (std::string_view(column.name) == "id") continue;
    const std::string name = column.name;
    assignments += (assignments.empty() ? "" : ", ") + name + " = EXCLUDED." + name;
    current += (current.empty() ? "t." : ", t.") + name;
    incoming += (incoming.empty() ? "EXCLUDED." : ", EXCLUDED.") + name;
  }
  const std::string upsert =
      "WITH changed AS (INSERT INTO " + table + " AS t (" + columnList() + ") SELECT DISTINCT ON (id) " + columnList() +
      " FROM sv_push ORDER BY id ON CONFLICT (id) DO UPDATE SET " + assignments + ", updated_at = now() WHERE (" +
      current + ") IS DISTINCT FROM (" + incoming +
      ") RETURNING (xmax = 0) AS inserted) SELECT count(*) FILTER (WHERE inserted), "
      "count(*) FILTER (WHERE NOT inserted), (SELECT count(DISTINCT id) FROM sv_push) FROM changed";
  const auto upserted = connection.query(upsert, {}, error);
  if (!upserted) return false;
  if (progress) progress(0.9);
  // Sources: replaced where they differ, so that pushing the same data twice changes nothing.
  const std::string sourceStatements[] = {
      "DELETE FROM " + sources +
          " s WHERE s.incident_id IN (SELECT DISTINCT incident_id FROM sv_push_sources "
          "UNION SELECT id FROM sv_push) AND NOT EXISTS (SELECT 1 FROM sv_push_sources p WHERE p.incident_id = "
          "s.incident_id AND p.position = s.position AND (p.document, p.title, p.publisher, p.date, p.url, p.passage) "
          "= "
          "(s.document, s.title, s.publisher, s.date, s.url, s.passage))",
      "INSERT INTO " + sources + " (" + sourceColumns + ") SELECT DISTINCT ON (incident_id, position) " +
          sourceColumns + " FROM sv_push_sources ORDER BY incident_id, position ON CONFLICT DO NOTHING",
  };
  for (const std::string& statement : sourceStatements)
    if (!connection.execute(statement, error)) return false;
  if (!connection.query(
          "INSERT INTO " + datasets +
              " (name, title, description, compiled, licence, incidents, pushed_at) VALUES ($1, $2, "
              "$3, $4, $5, $6, now()) ON CONFLICT (name) DO UPDATE SET title = EXCLUDED.title, "
              "description = EXCLUDED.description, compiled = EXCLUDED.compiled, licence = "
              "EXCLUDED.licence, incidents = EXCLUDED.incidents, pushed_at = now()",
          {datasetName, info.title, info.description, info.compiled, info.licence, std::to_string(incidents.count)},
          error))
    return false;
  if (cancel && *cancel) {
    if (error) *error = {ErrorKind::Cancelled, connection.location().display + ": push cancelled, nothing changed"};
    return false;
  }
  if (!transaction.commit(error)) return false;
  if (counts) {
    const auto& row = (*upserted)[0];
    counts->inserted = static_cast<std::size_t>(toInteger(row[0].value_or("0").c_str()).value_or(0));
    counts->updated = static_cast<std::size_t>(toInteger(row[1].value_or("0").c_str()).value_or(0));
    const auto distinct = static_cast<std::size_t>(toInteger(row[2].value_or("0").c_str()).value_or(0));
    counts->unchanged = distinct - counts->inserted - counts->updated;
  }
  if (progress) progress(1.0);
  return true;
}

// --- Reading -------------------------------------------------------------------

std::int64_t estimateRows(Connection& connection, Error* error) {
  const auto estimate = connection.query("SELECT reltuples::bigint FROM pg_class WHERE oid = to_regclass($1)",
                                         {connection.tableName()}, error);
  if (!estimate || estimate->empty()) return -1;
  const std::int64_t planned = toInteger((*estimate)[0][0].value_or("-1").c_str()).value_or(-1);
  // Never analysed (-1), or small: count. Counting a million rows takes a
  // fraction of a second; beyond, the estimate is close enough for a threshold.
  if (planned >= 0 && planned > 1'000'000) return planned;
  const auto counted = connection.query("SELECT count(*) FROM " + connection.tableName(), {}, error);
  if (!counted || counted->empty()) return -1;
  return toInteger((*counted)[0][0].value_or("-1").c_str()).value_or(-1);
}

std::optional<std::int64_t> changeVersion(Connection& connection, Error* error) {
  const auto rows = connection.query("SELECT version FROM " + connection.tableName("_changes"), {}, error);
  if (!rows || rows->empty()) return std::nullopt;
  return toInteger((*rows)[0][0].value_or("0").c_str());
}

IncidentReadResult readIncidents(Connection& connection, const Query& query, const std::atomic_bool* cancel,
                                 const std::function<void(double)>& progress) {
  IncidentReadResult result;
  result.format = "PostGIS";
  result.recordNoun = "row";
  const Location& location = connection.location();
  const auto fail = [&result](const Error& error) {
    result.ok = false;
    result.error = error.message;
    return result;
  };
  Error error;
  if (!checkSchema(connection, &error)) return fail(error);
  Transaction transaction(connection, "BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY", &error);
  if (!transaction.open()) return fail(error);
  // A table another client holds locked (TRUNCATE, ALTER) fails the read
  // after a while, saying so, instead of holding it for as long as the lock.
  if (!connection.execute("SET LOCAL lock_timeout = '20s'", &error)) return fail(error);

  // The datasets pushed here describe the whole.
  const auto datasets = connection.query("SELECT name, title, description, compiled, licence FROM " +
                                             connection.tableName("_datasets") + " ORDER BY pushed_at, name",
                                         {}, &error);
  if (!datasets) return fail(error);
  std::vector<DatasetInfo> infos;
  for (const auto& row : *datasets)
    infos.push_back(
        {row[0].value_or(""), row[1].value_or(""), row[2].value_or(""), row[3].value_or(""), row[4].value_or("")});
  result.info = combinedDatasetInfo(infos);
  result.info.name = location.schema + "." + location.table;
  if (result.info.title.empty()) result.info.title = "Incidents in " + location.display;

  // The whole table: its size known, the incidents are not moved as they grow.
  std::int64_t expected = 0;
  if (progress || query.whole()) expected = std::max<std::int64_t>(estimateRows(connection, nullptr), 1);
  if (query.whole()) result.incidents.reserve(static_cast<std::size_t>(expected));

  // Every value is a bound parameter; only our validated, quoted names are in the text.
  Params params;
  std::string conditions;
  const auto add = [&](const std::string& condition, std::optional<std::string> value) {
    params.push_back(std::move(value));
    std::string text = condition;
    if (const std::size_t at = text.find('?'); at != std::string::npos)
      text.replace(at, 1, "$" + std::to_string(params.size()));
    conditions += conditions.empty() ? " WHERE " : " AND ";
    conditions += text;
  };
  if (query.from) add("i.end_date >= ?::date", formatIsoDate(*query.from));
  if (query.to) add("i.start_date <= ?::date", formatIsoDate(*query.to));
  if (query.extent) {
    // Not std::to_string, which follows the C locale's decimal comma.
    const auto number = [](double value) {
      char buffer[32];
      const auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, value);
      return std::string(buffer, ec == std::errc() ? end : buffer);
    };
    std::string envelope = "ST_MakeEnvelope(";
    const double corners[] = {query.extent->west, query.extent->south, query.extent->east, query.extent->north};
    for (int k = 0; k < 4; ++k) {
      params.push_back(number(corners[k]));
      envelope += (k ? ", $" : "$") + std::to_string(params.size()) + "::float8";
    }
    envelope += ", 4326)";
    // A line or an area whose point lies outside the extent may still cross it.
    const std::string condition = "(i.geom && " + envelope + " OR i.shape && " + envelope + ")";
    conditions += conditions.empty() ? " WHERE " : " AND ";
    conditions += condition;
  }
  // Sources: per incident through its index for a part of the table; for
  // the whole, one pass over the sources table, joined by hash (a quarter
  // faster at 2.5 million).
  const std::string aggregate =
      "json_agg(json_build_array(s.document, s.title, s.publisher, s.date, s.url, "
      "s.passage) ORDER BY s.position)";
  const std::string sources = query.whole() ? std::string("w.sources")
                                            : "(SELECT " + aggregate + " FROM " + connection.tableName("_sources") +
                                                  " s WHERE s.incident_id = i.id)";
  const std::string from = query.whole() ? connection.tableName() + " i LEFT JOIN (SELECT s.incident_id, " + aggregate +
                                               " AS sources FROM " + connection.tableName("_sources") +
                                               " s GROUP BY s.incident_id) w ON w.incident_id = i.id"
                                         : connection.tableName() + " i";
  const std::string select =
      "SELECT i.id, CASE WHEN isfinite(i.start_date) THEN i.start_date - DATE '1970-01-01' END, CASE WHEN "
      "isfinite(i.end_date) THEN i.end_date - DATE '1970-01-01' END, i.date_precision, i.place, "
      "i.geonameid, ST_X(i.geom), ST_Y(i.geom), i.location_precision, i.location_note, i.region, i.cercle, "
      "i.event_type, i.sub_event_type, to_json(i.actors_primary), to_json(i.actors_secondary), "
      "to_json(i.actors_associated), i.fatalities_reported, i.fatalities_low, i.fatalities_high, "
      "i.fatalities_estimate, i.civilian_targeting, i.summary, " +
      sources + ", ST_AsGeoJSON(i.shape), i.part_of FROM " + from + conditions;
  // A cursor cannot take parameters in DECLARE through the simple protocol;
  // the extended one binds them.
  if (!connection.query("DECLARE sv_incidents NO SCROLL CURSOR FOR " + select, params, &error)) return fail(error);

  PGconn* conn = connection.raw();
  const std::string fetch = "FETCH " + std::to_string(kFetchBatch) + " FROM sv_incidents";
  std::size_t row = 0;
  for (;;) {
    if (cancel && *cancel) {
      result.cancelled = true;
      result.incidents.clear();
      result.error = location.display + ": reading cancelled";
      return result;
    }
    PGresult* batch = PQexec(conn, fetch.c_str());
    if (PQresultStatus(batch) != PGRES_TUPLES_OK) {
      error = resultError(connection, batch);
      PQclear(batch);
      result.incidents.clear();
      return fail(error);
    }
    const int count = PQntuples(batch);
    for (int r = 0; r < count; ++r) {
      ++row;
      const auto text = [&](int f) -> const char* {
        return PQgetisnull(batch, r, f) ? nullptr : PQgetvalue(batch, r, f);
      };
      const auto textOr = [&](int f) -> std::string {
        const char* value = text(f);
        return value ? std::string(value) : std::string();
      };
      Incident incident;
      incident.id = textOr(0);
      const auto reject = [&](std::string field, std::string reason) {
        result.rejected.push_back({row, 0, incident.id, std::move(field), std::move(reason)});
      };
      const auto start = text(1) ? toInteger(text(1)) : std::nullopt;
      const auto end = text(2) ? toInteger(text(2)) : std::nullopt;
      if (!start || !end) {
        reject("start_date", "no date");
        continue;
      }
      incident.start = static_cast<DayNumber>(*start);
      incident.end = static_cast<DayNumber>(*end);
      const auto datePrecision = datePrecisionFromName(textOr(3));
      if (!datePrecision) {
        reject("date_precision", "'" + textOr(3) + "' is not day, week, month or year");
        continue;
      }
      incident.datePrecision = *datePrecision;
      incident.place = textOr(4);
      if (text(5)) incident.geonameId = toInteger(text(5));
      std::optional<double> longitude, latitude;
      if (text(6)) longitude = toDouble(text(6));
      if (text(7)) latitude = toDouble(text(7));
      if (!text(6) && !text(7) && !text(24)) {
        incident.shape = PlaceShape::Unplaced;
      } else if (!longitude || !latitude || !std::isfinite(*longitude) || !std::isfinite(*latitude)) {
        reject("geom", "no point");
        continue;
      } else {
        incident.longitude = *longitude;
        incident.latitude = *latitude;
      }
      if (const char* shape = text(24)) {
        if (!shapeFromGeoJson(shape, incident)) {
          reject("shape", "not a MultiLineString or MultiPolygon with positions in range");
          continue;
        }
      }
      incident.partOf = textOr(25);
      const auto locationPrecision = locationPrecisionFromName(textOr(8));
      if (!locationPrecision) {
        reject("location_precision", "'" + textOr(8) + "' is not a location precision");
        continue;
      }
      incident.locationPrecision = *locationPrecision;
      incident.locationNote = textOr(9);
      incident.region = textOr(10);
      incident.cercle = textOr(11);
      const auto type = eventTypeFromName(textOr(12));
      if (!type) {
        reject("event_type", "'" + textOr(12) + "' is not an ACLED event type");
        continue;
      }
      incident.type = *type;
      if (const std::string sub = textOr(13); !sub.empty()) {
        const auto subType = subEventTypeFromName(sub);
        if (!subType) {
          reject("sub_event_type", "'" + sub + "' is not an ACLED sub-event type");
          continue;
        }
        incident.subType = *subType;
      }
      incident.actors.primary = jsonStrings(text(14) ? text(14) : "[]");
      incident.actors.secondary = jsonStrings(text(15) ? text(15) : "[]");
      incident.actors.associated = jsonStrings(text(16) ? text(16) : "[]");
      incident.fatalities.reported = textOr(17) == "t";
      const auto figure = [&](int f) -> std::optional<std::int32_t> {
        if (!text(f)) return std::nullopt;
        const auto value = toInteger(text(f));
        if (!value) return std::nullopt;
        return static_cast<std::int32_t>(*value);
      };
      incident.fatalities.low = figure(18);
      incident.fatalities.high = figure(19);
      incident.fatalities.estimate = figure(20);
      incident.civilianTargeting = textOr(21) == "t";
      incident.summary = textOr(22);
      if (const char* json = text(23)) {
        const auto parsed = nlohmann::json::parse(json, nullptr, false);
        if (parsed.is_array()) {
          for (const auto& source : parsed) {
            if (!source.is_array() || source.size() != 6) continue;
            const auto field = [&](std::size_t k) {
              return source[k].is_string() ? source[k].get<std::string>() : std::string();
            };
            incident.sources.push_back({field(0), field(1), field(2), field(3), field(4), field(5)});
          }
        }
      }
      if (auto problems = validateIncident(incident); !problems.empty()) {
        reject("", problems.front());
        continue;
      }
      result.incidents.push_back(std::move(incident));
    }
    PQclear(batch);
    if (progress && expected > 0) progress(std::min(1.0, static_cast<double>(row) / static_cast<double>(expected)));
    if (count < kFetchBatch) break;
  }
  result.recordsRead = row;
  result.accepted = result.incidents.size();
  result.ok = true;
  if (!query.whole()) {
    std::string part = "only the incidents";
    if (query.from || query.to)
      part += " overlapping " + (query.from ? formatIsoDate(*query.from) : std::string("the start")) + " to " +
              (query.to ? formatIsoDate(*query.to) : std::string("the end"));
    if (query.extent) part += " inside the view's extent";
    result.notes.push_back(part + " were fetched from the database");
  }
  return result;
}

} // namespace sv::db
