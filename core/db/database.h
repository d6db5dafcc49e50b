#pragma once

#include "domain/calendar.h"
#include "domain/eventstore.h"
#include "domain/incident.h"
#include "io/incidentdataset.h"

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

struct pg_conn;

namespace sv::db {

// Why a database operation failed, so that callers can answer it: ask for a
// password, say the server is down, suggest 'db init'.
enum class ErrorKind {
  None,
  BadUri,               // the URI cannot be read, or names an invalid schema or table
  Unreachable,          // no server answers (down, wrong host or port, network lost)
  NeedsPassword,        // the server wants a password and none was given
  AuthenticationFailed, // wrong user or password
  NoDatabase,           // the database does not exist
  NoPostGis,            // the PostGIS extension is not installed in the database
  NoTable,              // no incident table of our format at schema.table
  WrongSchema,          // a table is there but lacks our columns
  Permission,           // the role lacks a right (SELECT to view, INSERT/UPDATE to push, CREATE to init)
  Cancelled,            // stopped on request; a push is rolled back
  Rejected,             // the server refused the data (a constraint, a trigger); a push is rolled back
  Other,
};

struct Error {
  ErrorKind kind = ErrorKind::None;
  std::string message; // names the database and table, and the cause
};

// Where the incidents are: a PostgreSQL connection URI
// (postgresql://user@host:port/database?sslmode=require) with two parameters
// of ours, schema= (default "public") and table= (default "incidents"),
// which libpq never sees.
struct Location {
  std::string connection; // the URI libpq connects with (our parameters removed; may hold a password)
  std::string schema = "public";
  std::string table = "incidents";
  std::string display; // the URI without its password: for messages, projects, settings and keychain keys
  std::string host;    // as given, empty for libpq's default
  std::string port;
  std::string database;
  std::string user;
  std::string password; // given in the URI (discouraged: a command line is visible to other users)
};

// "postgresql://" or "postgres://".
bool isDatabaseUri(std::string_view text);
// Validates the URI (libpq's own parser), the schema and the table.
std::optional<Location> parseLocation(const std::string& uri, Error* error);
// A URI made of its parts (the connection dialog's), without a password.
std::string makeUri(const std::string& host, const std::string& port, const std::string& database,
                    const std::string& user, const std::string& sslMode, const std::string& schema,
                    const std::string& table);
// Names we create tables from: lower-case letters, digits and '_', starting
// with a letter or '_', at most 47 characters (so that the derived names of
// the sources and change tables stay within PostgreSQL's 63).
bool isValidName(std::string_view name);

// One open connection to the server. Not thread-safe: one thread at a time.
class Connection {
public:
  // Connects within `timeoutSeconds`. `password`, when not empty, replaces
  // the URI's; without either, libpq looks in PGPASSWORD and ~/.pgpass.
  static std::unique_ptr<Connection> open(const Location& location, const std::string& password, Error* error,
                                          int timeoutSeconds = 5);
  ~Connection();
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  const Location& location() const { return m_location; }
  pg_conn* raw() const { return m_conn; }
  bool isOk() const;
  // The quoted, schema-qualified name of one of our tables: "" for the
  // incidents, "_sources", "_datasets", "_changes".
  std::string tableName(std::string_view suffix = {}) const;

  // Runs one statement with its values bound as parameters (NULL for
  // nullopt), all in text form. Returns the rows, each a vector of
  // fields (nullopt for NULL); nullopt with `error` on failure.
  using Row = std::vector<std::optional<std::string>>;
  std::optional<std::vector<Row>> query(const std::string& sql, const std::vector<std::optional<std::string>>& params,
                                        Error* error);
  bool execute(const std::string& sql, Error* error) { return query(sql, {}, error).has_value(); }

  // The error of the last failed call in our terms, naming the table.
  Error lastError(const std::string& what) const;

private:
  Connection(pg_conn* conn, Location location) : m_conn(conn), m_location(std::move(location)) {}
  pg_conn* m_conn;
  Location m_location;
};

// The incident schema (docs/database.md): creates the PostGIS extension when
// missing and allowed, the schema, the incident table with its GiST and time
// indexes, the sources, datasets and change tables, and the trigger that
// counts changes and notifies listeners. Safe to run again: it changes
// nothing that is already there.
bool initSchema(Connection& connection, Error* error);

// Whether the table is there in our format, with PostGIS; `error` says what is missing.
bool checkSchema(Connection& connection, Error* error);

struct PushCounts {
  std::size_t inserted = 0;
  std::size_t updated = 0;   // an incident of the same id whose fields changed
  std::size_t unchanged = 0; // an incident of the same id, pushed again as it was
};

// Uploads incidents in one transaction, upserting by id: pushing the same
// data twice leaves the same rows. `datasetName` and `info` go to the datasets
// table. A failure or a cancel rolls everything back.
bool pushIncidents(Connection& connection, const std::string& datasetName, const DatasetInfo& info,
                   const std::vector<Incident>& incidents, PushCounts* counts, Error* error,
                   const std::atomic_bool* cancel = nullptr, const std::function<void(double)>& progress = {});
// The same from incidents made one at a time (a store's, by index), so that
// millions are pushed without holding them all as records. Each is asked
// for twice: once for its row, once for its sources.
struct IncidentSource {
  std::size_t count = 0;
  std::function<Incident(std::size_t)> at;
};
bool pushIncidents(Connection& connection, const std::string& datasetName, const DatasetInfo& info,
                   const IncidentSource& incidents, PushCounts* counts, Error* error,
                   const std::atomic_bool* cancel = nullptr, const std::function<void(double)>& progress = {});

// What to fetch: incidents overlapping [from, to] and inside the extent,
// pushed down into SQL; unset parts take everything.
struct Query {
  std::optional<DayNumber> from;
  std::optional<DayNumber> to;
  struct Extent {
    double west, south, east, north; // degrees
    friend bool operator==(const Extent&, const Extent&) = default;
  };
  std::optional<Extent> extent;
  bool whole() const { return !from && !to && !extent; }
  friend bool operator==(const Query&, const Query&) = default;
};

// The table's size as the planner estimates it (pg_class.reltuples), or an
// exact count for small tables; -1 on failure.
std::int64_t estimateRows(Connection& connection, Error* error);

// The change counter the trigger raises: a refresh is due when it moved.
std::optional<std::int64_t> changeVersion(Connection& connection, Error* error);

// Reads the incidents the query selects, streamed through a cursor in
// batches, in one read-only transaction. Records the table holds but that
// are unusable are listed in `rejected`, as a file's are.
IncidentReadResult readIncidents(Connection& connection, const Query& query, const std::atomic_bool* cancel = nullptr,
                                 const std::function<void(double)>& progress = {});

// Waits for the change notifications of one table on a connection of its own.
class ChangeListener {
public:
  static std::unique_ptr<ChangeListener> open(const Location& location, const std::string& password, Error* error);
  ~ChangeListener();
  enum class Event { Timeout, Changed, Lost };
  // Waits up to `timeoutMs` for a notification for our table; Lost when the
  // connection broke (the listener is then of no more use).
  Event wait(int timeoutMs);

private:
  explicit ChangeListener(std::unique_ptr<Connection> connection) : m_connection(std::move(connection)) {}
  std::unique_ptr<Connection> m_connection;
  std::string m_payload;
};

// The notification channel the change trigger uses; the payload is "schema.table".
inline constexpr std::string_view kChannel = "situation_viewer";
// The format recorded in the incident table's comment.
inline constexpr std::string_view kFormatComment = "situation-viewer-incidents 1";

} // namespace sv::db
