#include "db/database.h"

#include <libpq-fe.h>
#include <nlohmann/json.hpp>

#include <poll.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstring>
#include <utility>

namespace sv::db {
namespace {

using Params = std::vector<std::optional<std::string>>;

constexpr std::size_t kMaxNameLength = 47; // + "_rows_changed", the longest suffix, stays within 63
constexpr int kFetchBatch = 20000;
constexpr std::size_t kCopyChunk = 1 << 20;

// Our parameters in a URI's query, which libpq would refuse.
constexpr std::string_view kSchemaParameter = "schema";
constexpr std::string_view kTableParameter = "table";

std::string percentDecode(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '%' && i + 2 < text.size()) {
      int value = 0;
      const auto [ptr, ec] = std::from_chars(text.data() + i + 1, text.data() + i + 3, value, 16);
      if (ec == std::errc() && ptr == text.data() + i + 3) {
        out.push_back(static_cast<char>(value));
        i += 2;
        continue;
      }
    }
    out.push_back(text[i]);
  }
  return out;
}

std::string percentEncode(std::string_view text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (const char c : text) {
    const auto u = static_cast<unsigned char>(c);
    if (std::isalnum(u) || c == '-' || c == '_' || c == '.' || c == '~') {
      out.push_back(c);
    } else {
      out.push_back('%');
      out.push_back(kHex[u >> 4]);
      out.push_back(kHex[u & 15]);
    }
  }
  return out;
}

std::string quoteIdentifier(std::string_view name) {
  std::string out = "\"";
  for (const char c : name) {
    if (c == '"') out.push_back('"');
    out.push_back(c);
  }
  out.push_back('"');
  return out;
}

std::string quoteLiteral(std::string_view text) {
  std::string out = "'";
  for (const char c : text) {
    if (c == '\'') out.push_back('\'');
    out.push_back(c);
  }
  out.push_back('\'');
  return out;
}

std::string where(const Location& location) {
  return "\"" + location.schema + "." + location.table + "\" in " + location.display;
}

// PostgreSQL's error codes (SQLSTATE) in our terms.
ErrorKind kindOfState(std::string_view state) {
  if (state == "42P01" || state == "3F000") return ErrorKind::NoTable;
  if (state == "42703") return ErrorKind::WrongSchema;
  if (state == "42704" || state == "42883" || state == "58P01") return ErrorKind::NoPostGis;
  if (state == "42501") return ErrorKind::Permission;
  if (state == "57014") return ErrorKind::Cancelled;
  if (state.substr(0, 2) == "08" || state == "57P01" || state == "57P02" || state == "57P03")
    return ErrorKind::Unreachable;
  if (state.substr(0, 2) == "23" || state == "P0001" || state.substr(0, 2) == "22") return ErrorKind::Rejected;
  if (state == "28P01" || state == "28000") return ErrorKind::AuthenticationFailed;
  if (state == "3D000") return ErrorKind::NoDatabase;
  return ErrorKind::Other;
}

// libpq's messages on one line: its continuation lines ("\n\tIs the server
// running…") joined with a space, the final newline dropped.
std::string trimmed(std::string text) {
  std::string out;
  for (const char c : text) {
    if (c == '\n' || c == '\t' || c == '\r') {
      if (!out.empty() && out.back() != ' ') out.push_back(' ');
    } else if (!(c == ' ' && !out.empty() && out.back() == ' ')) {
      out.push_back(c);
    }
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

// The columns of the incident table, in the order every statement uses.
struct Column {
  const char* name;
  const char* type;
};
constexpr Column kColumns[] = {
    {"id", "text PRIMARY KEY"},
    {"start_date", "date NOT NULL"},
    {"end_date", "date NOT NULL"},
    {"date_precision", "text NOT NULL CHECK (date_precision IN ('day', 'week', 'month', 'year'))"},
    {"place", "text NOT NULL DEFAULT ''"},
    {"geonameid", "bigint"},
    {"geom", "geometry(Point, 4326) NOT NULL"},
    {"location_precision",
     "text NOT NULL CHECK (location_precision IN ('exact', 'near', 'cercle', 'region', 'country'))"},
    {"location_note", "text NOT NULL DEFAULT ''"},
    {"region", "text NOT NULL DEFAULT ''"},
    {"cercle", "text NOT NULL DEFAULT ''"},
    {"event_type", "text NOT NULL"},
    {"sub_event_type", "text NOT NULL DEFAULT ''"},
    {"actors_primary", "text[] NOT NULL DEFAULT '{}'"},
    {"actors_secondary", "text[] NOT NULL DEFAULT '{}'"},
    {"actors_associated", "text[] NOT NULL DEFAULT '{}'"},
    {"fatalities_reported", "boolean NOT NULL DEFAULT false"},
    {"fatalities_low", "integer"},
    {"fatalities_high", "integer"},
    {"fatalities_estimate", "integer"},
    {"civilian_targeting", "boolean NOT NULL DEFAULT false"},
    {"summary", "text NOT NULL DEFAULT ''"},
    {"dataset", "text NOT NULL DEFAULT ''"},
};
constexpr const char* kSourceColumns[] = {"incident_id", "position", "document", "title",
                                          "publisher",   "date",     "url",      "passage"};

std::string columnList(const char* prefix = "") {
  std::string list;
  for (const Column& column : kColumns) {
    if (!list.empty()) list += ", ";
    list += prefix;
    list += column.name;
  }
  return list;
}

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
  out += "SRID=4326;POINT(";
  appendNumber(out, incident.longitude);
  out.push_back(' ');
  appendNumber(out, incident.latitude);
  out.push_back(')');
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

std::optional<std::int64_t> toInteger(const char* text) {
  std::int64_t value = 0;
  const char* end = text + std::strlen(text);
  const auto [ptr, ec] = std::from_chars(text, end, value);
  if (ec != std::errc() || ptr != end) return std::nullopt;
  return value;
}

std::optional<double> toDouble(const char* text) {
  double value = 0;
  const char* end = text + std::strlen(text);
  const auto [ptr, ec] = std::from_chars(text, end, value);
  if (ec != std::errc() || ptr != end) return std::nullopt;
  return value;
}

} // namespace

// --- Locations -----------------------------------------------------------------

bool isDatabaseUri(std::string_view text) {
  return text.starts_with("postgresql://") || text.starts_with("postgres://");
}

bool isValidName(std::string_view name) {
  if (name.empty() || name.size() > kMaxNameLength) return false;
  if (!(std::islower(static_cast<unsigned char>(name[0])) || name[0] == '_')) return false;
  return std::all_of(name.begin(), name.end(),
                     [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'; });
}

std::optional<Location> parseLocation(const std::string& uri, Error* error) {
  const auto fail = [&](std::string message) -> std::optional<Location> {
    if (error) *error = {ErrorKind::BadUri, std::move(message)};
    return std::nullopt;
  };
  if (!isDatabaseUri(uri)) return fail("'" + uri + "' is not a PostgreSQL URI (postgresql://…)");
  Location location;
  // Take our parameters out of the query; keep the others, in order, for libpq.
  std::string base = uri;
  std::string kept;
  if (const auto question = uri.find('?'); question != std::string::npos) {
    base = uri.substr(0, question);
    std::string_view query = std::string_view(uri).substr(question + 1);
    while (!query.empty()) {
      const auto amp = query.find('&');
      const std::string_view pair = query.substr(0, amp);
      query = amp == std::string_view::npos ? std::string_view() : query.substr(amp + 1);
      const auto eq = pair.find('=');
      const std::string key = percentDecode(pair.substr(0, eq));
      const std::string value = eq == std::string_view::npos ? std::string() : percentDecode(pair.substr(eq + 1));
      if (key == kSchemaParameter)
        location.schema = value;
      else if (key == kTableParameter)
        location.table = value;
      else if (!pair.empty())
        kept += (kept.empty() ? "" : "&") + std::string(pair);
    }
  }
  if (!isValidName(location.schema))
    return fail("schema '" + location.schema +
                "' is not a name the viewer uses: lower-case letters, digits and '_', at most 47 characters");
  if (!isValidName(location.table))
    return fail("table '" + location.table +
                "' is not a name the viewer uses: lower-case letters, digits and '_', at most 47 characters");
  location.connection = kept.empty() ? base : base + "?" + kept;
  char* message = nullptr;
  PQconninfoOption* options = PQconninfoParse(location.connection.c_str(), &message);
  if (!options) {
    std::string reason = message ? trimmed(message) : "cannot be read";
    PQfreemem(message);
    // Named without what follows the scheme's user, which may be a password.
    const auto at = uri.find('@');
    const std::string shown =
        at == std::string::npos ? base : uri.substr(0, uri.find("://") + 3) + "…" + uri.substr(at);
    return fail("'" + shown.substr(0, shown.find('?')) + "': " + reason);
  }
  for (PQconninfoOption* option = options; option->keyword; ++option) {
    if (!option->val) continue;
    const std::string_view keyword = option->keyword;
    if (keyword == "host" || keyword == "hostaddr") {
      if (location.host.empty()) location.host = option->val;
    } else if (keyword == "port") {
      location.port = option->val;
    } else if (keyword == "dbname") {
      location.database = option->val;
    } else if (keyword == "user") {
      location.user = option->val;
    } else if (keyword == "password") {
      location.password = option->val;
    }
  }
  PQconninfoFree(options);
  // The display form: the same URI without the password.
  std::string display = base;
  if (!location.password.empty()) {
    const auto scheme = display.find("://") + 3;
    const auto at = display.find('@', scheme);
    const auto colon = display.find(':', scheme);
    if (at != std::string::npos && colon != std::string::npos && colon < at) display.erase(colon, at - colon);
  }
  std::string displayQuery;
  for (std::string_view rest = kept; !rest.empty();) {
    const auto amp = rest.find('&');
    const std::string_view pair = rest.substr(0, amp);
    rest = amp == std::string_view::npos ? std::string_view() : rest.substr(amp + 1);
    if (percentDecode(pair.substr(0, pair.find('='))) == "password") continue;
    displayQuery += (displayQuery.empty() ? "" : "&") + std::string(pair);
  }
  if (location.schema != "public")
    displayQuery += (displayQuery.empty() ? "" : "&") + std::string(kSchemaParameter) + "=" + location.schema;
  if (location.table != "incidents")
    displayQuery += (displayQuery.empty() ? "" : "&") + std::string(kTableParameter) + "=" + location.table;
  location.display = displayQuery.empty() ? display : display + "?" + displayQuery;
  return location;
}

std::string makeUri(const std::string& host, const std::string& port, const std::string& database,
                    const std::string& user, const std::string& sslMode, const std::string& schema,
                    const std::string& table) {
  std::string uri = "postgresql://";
  if (!user.empty()) uri += percentEncode(user) + "@";
  // An IPv6 address goes in brackets.
  uri += host.find(':') != std::string::npos ? "[" + host + "]" : percentEncode(host);
  if (!port.empty()) uri += ":" + port;
  uri += "/" + percentEncode(database);
  std::string query;
  const auto add = [&query](std::string_view key, const std::string& value) {
    query += (query.empty() ? "?" : "&") + std::string(key) + "=" + percentEncode(value);
  };
  if (!sslMode.empty()) add("sslmode", sslMode);
  if (!schema.empty() && schema != "public") add(kSchemaParameter, schema);
  if (!table.empty() && table != "incidents") add(kTableParameter, table);
  return uri + query;
}

// --- Connections ---------------------------------------------------------------

std::unique_ptr<Connection> Connection::open(const Location& location, const std::string& password, Error* error,
                                             int timeoutSeconds) {
  // Defaults first, so that the URI's own settings win; the password last.
  const std::string timeout = std::to_string(timeoutSeconds);
  std::vector<const char*> keys{"connect_timeout",     "application_name", "keepalives",      "keepalives_idle",
                                "keepalives_interval", "keepalives_count", "client_encoding", "dbname"};
  std::vector<const char*> values{timeout.c_str(), "situation-viewer",         "1", "10", "5", "3",
                                  "UTF8",          location.connection.c_str()};
  if (!password.empty()) {
    keys.push_back("password");
    values.push_back(password.c_str());
  }
  keys.push_back(nullptr);
  values.push_back(nullptr);
  PGconn* conn = PQconnectdbParams(keys.data(), values.data(), 1);
  if (!conn) {
    if (error) *error = {ErrorKind::Other, location.display + ": out of memory"};
    return nullptr;
  }
  if (PQstatus(conn) == CONNECTION_OK) {
    // The server's notices ("already exists, skipping") are not for users.
    PQsetNoticeProcessor(
        conn, [](void*, const char*) {}, nullptr);
  }
  if (PQstatus(conn) != CONNECTION_OK) {
    const std::string reason = trimmed(PQerrorMessage(conn));
    ErrorKind kind = ErrorKind::Unreachable;
    std::string message = location.display + ": ";
    if (PQconnectionNeedsPassword(conn) && password.empty() && location.password.empty()) {
      kind = ErrorKind::NeedsPassword;
      message += "the server asks for a password";
    } else if (reason.find("password authentication failed") != std::string::npos) {
      kind = ErrorKind::AuthenticationFailed;
      message += "the server refused the user name or password (" + reason + ")";
    } else if (reason.find("authentication failed") != std::string::npos) {
      // Peer, certificate or GSS: a password would not help.
      kind = ErrorKind::Other;
      message += "the server refused the connection (" + reason + ")";
    } else if (reason.find("does not exist") != std::string::npos && reason.find("database") != std::string::npos) {
      kind = ErrorKind::NoDatabase;
      message += "there is no database '" + location.database + "' on the server (" + reason + ")";
    } else {
      message += "no connection to the server (" + reason + ")";
    }
    PQfinish(conn);
    if (error) *error = {kind, std::move(message)};
    return nullptr;
  }
  return std::unique_ptr<Connection>(new Connection(conn, location));
}

Connection::~Connection() { PQfinish(m_conn); }

bool Connection::isOk() const { return PQstatus(m_conn) == CONNECTION_OK; }

std::string Connection::tableName(std::string_view suffix) const {
  return quoteIdentifier(m_location.schema) + "." + quoteIdentifier(m_location.table + std::string(suffix));
}

Error Connection::lastError(const std::string& what) const {
  if (!isOk())
    return {ErrorKind::Unreachable,
            m_location.display + ": the connection to the server was lost (" + trimmed(PQerrorMessage(m_conn)) + ")"};
  return {ErrorKind::Other, what + ": " + trimmed(PQerrorMessage(m_conn))};
}

struct ResultError {
  static Error of(const Connection& connection, PGresult* result) {
    if (!connection.isOk()) return connection.lastError({});
    const char* state = result ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
    const std::string reason = trimmed(result ? PQresultErrorMessage(result) : PQerrorMessage(connection.m_conn));
    const ErrorKind kind = state ? kindOfState(state) : ErrorKind::Other;
    return {kind, where(connection.location()) + ": " + reason};
  }
};

std::optional<std::vector<Connection::Row>> Connection::query(const std::string& sql, const Params& params,
                                                              Error* error) {
  std::vector<const char*> values;
  values.reserve(params.size());
  for (const auto& param : params) values.push_back(param ? param->c_str() : nullptr);
  PGresult* result =
      PQexecParams(m_conn, sql.c_str(), static_cast<int>(values.size()), nullptr, values.data(), nullptr, nullptr, 0);
  const ExecStatusType status = result ? PQresultStatus(result) : PGRES_FATAL_ERROR;
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
    if (error) *error = ResultError::of(*this, result);
    PQclear(result);
    return std::nullopt;
  }
  std::vector<Row> rows;
  const int count = PQntuples(result);
  const int fields = PQnfields(result);
  rows.reserve(static_cast<std::size_t>(count));
  for (int r = 0; r < count; ++r) {
    Row row;
    row.reserve(static_cast<std::size_t>(fields));
    for (int f = 0; f < fields; ++f)
      row.push_back(PQgetisnull(result, r, f) ? std::nullopt : std::optional<std::string>(PQgetvalue(result, r, f)));
    rows.push_back(std::move(row));
  }
  PQclear(result);
  return rows;
}

// --- The schema ----------------------------------------------------------------

namespace {

// Rolls back unless committed.
class Transaction {
public:
  Transaction(Connection& connection, const char* begin, Error* error) : m_connection(connection) {
    m_open = connection.execute(begin, error);
  }
  ~Transaction() {
    if (m_open && m_connection.isOk()) m_connection.execute("ROLLBACK", nullptr);
  }
  bool open() const { return m_open; }
  bool commit(Error* error) {
    m_open = false;
    return m_connection.execute("COMMIT", error);
  }

private:
  Connection& m_connection;
  bool m_open = false;
};

bool hasPostGis(Connection& connection, Error* error) {
  const auto rows = connection.query("SELECT extversion FROM pg_extension WHERE extname = 'postgis'", {}, error);
  if (!rows) return false;
  if (rows->empty()) {
    if (error)
      *error = {ErrorKind::NoPostGis,
                connection.location().display + ": the PostGIS extension is not installed in database '" +
                    connection.location().database + "' (its owner can add it: CREATE EXTENSION postgis;)"};
    return false;
  }
  return true;
}

} // namespace

bool initSchema(Connection& connection, Error* error) {
  Transaction transaction(connection, "BEGIN", error);
  if (!transaction.open()) return false;
  const Location& location = connection.location();
  // Two clients initialising at once take turns.
  if (!connection.query("SELECT pg_advisory_xact_lock(hashtext($1))", {location.schema + "." + location.table}, error))
    return false;
  const auto present = connection.query("SELECT 1 FROM pg_extension WHERE extname = 'postgis'", {}, error);
  if (!present) return false;
  if (present->empty()) {
    Error failed;
    if (!connection.execute("CREATE EXTENSION IF NOT EXISTS postgis", &failed)) {
      if (error)
        *error = {failed.kind == ErrorKind::Permission || failed.kind == ErrorKind::NoPostGis ? ErrorKind::NoPostGis
                                                                                              : failed.kind,
                  location.display + ": the PostGIS extension is not installed in database '" + location.database +
                      "' and could not be added (" + failed.message +
                      "); its owner can add it with CREATE EXTENSION postgis;"};
      return false;
    }
  }
  const std::string schema = quoteIdentifier(location.schema);
  const std::string table = connection.tableName();
  const std::string sources = connection.tableName("_sources");
  const std::string datasets = connection.tableName("_datasets");
  const std::string changes = connection.tableName("_changes");
  const std::string function = connection.tableName("_changed");
  const std::string rowsFunction = connection.tableName("_rows_changed");
  const std::string prefix = location.table;
  // A statement trigger that sees the rows it changed (a transition table,
  // one event a trigger).
  const auto trigger = [&](const char* suffix, const char* event, const std::string& on, const char* rows) {
    return "CREATE OR REPLACE TRIGGER " + quoteIdentifier(prefix + suffix) + " AFTER " + event + " ON " + on +
           " REFERENCING " + rows + " TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION " + rowsFunction + "()";
  };
  std::string columns;
  for (const Column& column : kColumns) columns += std::string("  ") + column.name + " " + column.type + ",\n";
  const std::string statements[] = {
      "CREATE SCHEMA IF NOT EXISTS " + schema,
      "CREATE TABLE IF NOT EXISTS " + table + " (\n" + columns +
          "  updated_at timestamptz NOT NULL DEFAULT now(),\n  CHECK (end_date >= start_date)\n)",
      "COMMENT ON TABLE " + table + " IS " + quoteLiteral(kFormatComment),
      "CREATE INDEX IF NOT EXISTS " + quoteIdentifier(prefix + "_geom_idx") + " ON " + table + " USING gist (geom)",
      "CREATE INDEX IF NOT EXISTS " + quoteIdentifier(prefix + "_start_idx") + " ON " + table + " (start_date)",
      "CREATE INDEX IF NOT EXISTS " + quoteIdentifier(prefix + "_end_idx") + " ON " + table + " (end_date)",
      "CREATE TABLE IF NOT EXISTS " + sources + " (\n  incident_id text NOT NULL REFERENCES " + table +
          " (id) ON DELETE CASCADE,\n  position integer NOT NULL,\n  document text NOT NULL DEFAULT '',\n"
          "  title text NOT NULL DEFAULT '',\n  publisher text NOT NULL DEFAULT '',\n"
          "  date text NOT NULL DEFAULT '',\n  url text NOT NULL DEFAULT '',\n  passage text NOT NULL DEFAULT '',\n"
          "  PRIMARY KEY (incident_id, position)\n)",
      "CREATE TABLE IF NOT EXISTS " + datasets +
          " (\n  name text PRIMARY KEY,\n  title text NOT NULL DEFAULT '',\n  description text NOT NULL DEFAULT '',\n"
          "  compiled text NOT NULL DEFAULT '',\n  licence text NOT NULL DEFAULT '',\n"
          "  incidents bigint NOT NULL DEFAULT 0,\n  pushed_at timestamptz NOT NULL DEFAULT now()\n)",
      "CREATE TABLE IF NOT EXISTS " + changes +
          " (\n  id integer PRIMARY KEY CHECK (id = 1),\n  version bigint NOT NULL DEFAULT 0,\n"
          "  changed_at timestamptz NOT NULL DEFAULT now()\n)",
      "INSERT INTO " + changes + " (id) VALUES (1) ON CONFLICT (id) DO NOTHING",
      // Every change to the incidents or their sources, by anyone, raises the
      // counter and notifies the viewers listening; a statement that changed
      // no row (a push of the same data again) does neither.
      "CREATE OR REPLACE FUNCTION " + rowsFunction +
          "() RETURNS trigger LANGUAGE plpgsql AS $body$\nBEGIN\n  IF EXISTS (SELECT 1 FROM changed_rows) THEN\n"
          "    UPDATE " +
          changes + " SET version = version + 1, changed_at = now();\n    PERFORM pg_notify(" + quoteLiteral(kChannel) +
          ", " + quoteLiteral(location.schema + "." + location.table) + ");\n  END IF;\n  RETURN NULL;\nEND\n$body$",
      "CREATE OR REPLACE FUNCTION " + function + "() RETURNS trigger LANGUAGE plpgsql AS $body$\nBEGIN\n  UPDATE " +
          changes + " SET version = version + 1, changed_at = now();\n  PERFORM pg_notify(" + quoteLiteral(kChannel) +
          ", " + quoteLiteral(location.schema + "." + location.table) + ");\n  RETURN NULL;\nEND\n$body$",
      // The one trigger of each table in the first version of the schema.
      "DROP TRIGGER IF EXISTS " + quoteIdentifier(prefix + "_changed") + " ON " + table,
      "DROP TRIGGER IF EXISTS " + quoteIdentifier(prefix + "_sources_changed") + " ON " + sources,
      trigger("_ins", "INSERT", table, "NEW"),
      trigger("_upd", "UPDATE", table, "NEW"),
      trigger("_del", "DELETE", table, "OLD"),
      "CREATE OR REPLACE TRIGGER " + quoteIdentifier(prefix + "_trunc") + " AFTER TRUNCATE ON " + table +
          " FOR EACH STATEMENT EXECUTE FUNCTION " + function + "()",
      trigger("_src_ins", "INSERT", sources, "NEW"),
      trigger("_src_upd", "UPDATE", sources, "NEW"),
      trigger("_src_del", "DELETE", sources, "OLD"),
  };
  for (const std::string& statement : statements)
    if (!connection.execute(statement, error)) return false;
  return transaction.commit(error);
}

bool checkSchema(Connection& connection, Error* error) {
  if (!hasPostGis(connection, error)) return false;
  const Location& location = connection.location();
  const auto rows = connection.query(
      "SELECT c.column_name FROM information_schema.columns c WHERE c.table_schema = $1 AND c.table_name = $2",
      {location.schema, location.table}, error);
  if (!rows) return false;
  if (rows->empty()) {
    if (error)
      *error = {ErrorKind::NoTable, where(location) +
                                        ": there is no incident table there (or this role may not see it); create "
                                        "it with 'situation-viewer db init URI'"};
    return false;
  }
  std::vector<std::string> names;
  for (const auto& row : *rows) names.push_back(row[0].value_or(""));
  for (const Column& column : kColumns) {
    if (std::find(names.begin(), names.end(), column.name) == names.end()) {
      if (error)
        *error = {ErrorKind::WrongSchema, where(location) + ": the table is not in the viewer's format (no column '" +
                                              column.name + "'; see docs/database.md)"};
      return false;
    }
  }
  const auto sources = connection.query("SELECT to_regclass($1)", {connection.tableName("_sources")}, error);
  if (!sources) return false;
  if (sources->empty() || !(*sources)[0][0]) {
    if (error)
      *error = {ErrorKind::WrongSchema, where(location) + ": the sources table " + connection.tableName("_sources") +
                                            " is missing; run 'situation-viewer db init URI'"};
    return false;
  }
  return true;
}

// --- Pushing -------------------------------------------------------------------

namespace {

bool copyIn(Connection& connection, const std::string& statement, const IncidentSource& incidents, bool sourcesTable,
            const std::string& dataset, Error* error, const std::atomic_bool* cancel,
            const std::function<void(double)>& progress, double from, double share) {
  PGconn* conn = connection.raw();
  PGresult* started = PQexec(conn, statement.c_str());
  if (PQresultStatus(started) != PGRES_COPY_IN) {
    if (error) *error = ResultError::of(connection, started);
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
                   : ResultError::of(connection, result);
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
    type = type.substr(0, type.find(' '));
    if (std::string_view(column.name) == "geom") type = "geometry(Point, 4326)";
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
    std::string condition = "i.geom && ST_MakeEnvelope(";
    const double corners[] = {query.extent->west, query.extent->south, query.extent->east, query.extent->north};
    for (int k = 0; k < 4; ++k) {
      params.push_back(number(corners[k]));
      condition += (k ? ", $" : "$") + std::to_string(params.size()) + "::float8";
    }
    condition += ", 4326)";
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
      sources + " FROM " + from + conditions;
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
      error = ResultError::of(connection, batch);
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
      if (!longitude || !latitude || !std::isfinite(*longitude) || !std::isfinite(*latitude)) {
        reject("geom", "no point");
        continue;
      }
      incident.longitude = *longitude;
      incident.latitude = *latitude;
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

// --- Change notifications ----------------------------------------------------------

std::unique_ptr<ChangeListener> ChangeListener::open(const Location& location, const std::string& password,
                                                     Error* error) {
  auto connection = Connection::open(location, password, error);
  if (!connection) return nullptr;
  if (!connection->execute("LISTEN " + quoteIdentifier(kChannel), error)) return nullptr;
  std::unique_ptr<ChangeListener> listener(new ChangeListener(std::move(connection)));
  listener->m_payload = location.schema + "." + location.table;
  return listener;
}

ChangeListener::~ChangeListener() = default;

ChangeListener::Event ChangeListener::wait(int timeoutMs) {
  PGconn* conn = m_connection->raw();
  if (PQstatus(conn) != CONNECTION_OK) return Event::Lost;
  // Notifications that arrived with an earlier reply are already buffered.
  bool changed = false;
  const auto drain = [&] {
    while (PGnotify* notify = PQnotifies(conn)) {
      if (m_payload == notify->extra) changed = true;
      PQfreemem(notify);
    }
  };
  drain();
  if (changed) return Event::Changed;
  pollfd descriptor{PQsocket(conn), POLLIN, 0};
  if (descriptor.fd < 0) return Event::Lost;
  const int ready = poll(&descriptor, 1, timeoutMs);
  if (ready < 0) return Event::Timeout; // interrupted by a signal: the caller waits again
  if (ready == 0) return Event::Timeout;
  if (!PQconsumeInput(conn) || PQstatus(conn) != CONNECTION_OK) return Event::Lost;
  // A closed socket is readable with nothing to read: PQconsumeInput says so above.
  drain();
  if ((descriptor.revents & (POLLHUP | POLLERR)) != 0) return Event::Lost;
  return changed ? Event::Changed : Event::Timeout;
}

} // namespace sv::db
