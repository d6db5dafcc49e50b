// Connections, the schema and change notifications; the incidents' own
// statements (pushes and reads) are in incidenttable.cpp.
#include "db/database.h"
#include "db/sql.h"

#include <libpq-fe.h>

#include <poll.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstring>
#include <utility>

namespace sv::db {
namespace {

constexpr std::size_t kMaxNameLength = 47; // + "_rows_changed", the longest suffix, stays within 63

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

} // namespace

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

Error resultError(const Connection& connection, PGresult* result) {
  if (!connection.isOk()) return connection.lastError({});
  const char* state = result ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
  const std::string reason = trimmed(result ? PQresultErrorMessage(result) : PQerrorMessage(connection.raw()));
  const ErrorKind kind = state ? kindOfState(state) : ErrorKind::Other;
  return {kind, where(connection.location()) + ": " + reason};
}

std::optional<std::vector<Connection::Row>> Connection::query(const std::string& sql, const Params& params,
                                                              Error* error) {
  std::vector<const char*> values;
  values.reserve(params.size());
  for (const auto& param : params) values.push_back(param ? param->c_str() : nullptr);
  PGresult* result =
      PQexecParams(m_conn, sql.c_str(), static_cast<int>(values.size()), nullptr, values.data(), nullptr, nullptr, 0);
  const ExecStatusType status = result ? PQresultStatus(result) : PGRES_FATAL_ERROR;
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
    if (error) *error = resultError(*this, result);
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
      // Tables made before lines, areas, unplaced incidents and aggregates.
      "ALTER TABLE " + table + " ADD COLUMN IF NOT EXISTS shape geometry(Geometry, 4326)",
      "ALTER TABLE " + table + " ADD COLUMN IF NOT EXISTS part_of text NOT NULL DEFAULT ''",
      "ALTER TABLE " + table + " ALTER COLUMN geom DROP NOT NULL",
      "DO $body$\nDECLARE c record;\nBEGIN\n  FOR c IN SELECT conname FROM pg_constraint WHERE conrelid = " +
          quoteLiteral(table) +
          "::regclass AND contype = 'c' AND pg_get_constraintdef(oid) LIKE '%location_precision%' AND "
          "pg_get_constraintdef(oid) NOT LIKE '%route%' LOOP\n    EXECUTE " +
          quoteLiteral("ALTER TABLE " + table + " DROP CONSTRAINT ") + " || quote_ident(c.conname);\n    EXECUTE " +
          quoteLiteral("ALTER TABLE " + table + " ADD CHECK (location_precision IN " SV_LOCATION_PRECISIONS ")") +
          ";\n  END LOOP;\nEND\n$body$",
      "CREATE INDEX IF NOT EXISTS " + quoteIdentifier(prefix + "_geom_idx") + " ON " + table + " USING gist (geom)",
      "CREATE INDEX IF NOT EXISTS " + quoteIdentifier(prefix + "_shape_idx") + " ON " + table + " USING gist (shape)",
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
      const std::string_view name = column.name;
      if (error && (name == "shape" || name == "part_of")) {
        *error = {ErrorKind::WrongSchema, where(location) +
                                              ": the table predates lines, areas and aggregates (no column '" +
                                              column.name + "'); upgrade it with 'situation-viewer db init URI'"};
        return false;
      }
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
