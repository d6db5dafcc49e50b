#pragma once

// What the database's sources share and nobody else needs: quoting, errors,
// the incident table's columns, transactions. Not installed, not included
// outside core/db.
#include "db/database.h"

#include <libpq-fe.h>

#include <charconv>
#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sv::db {

using Params = std::vector<std::optional<std::string>>;

std::string quoteIdentifier(std::string_view name);
std::string quoteLiteral(std::string_view text);
// "schema.table" in the display URI, for messages.
std::string where(const Location& location);
// libpq's messages on one line.
std::string trimmed(std::string text);
// The error of a failed statement in our terms (SQLSTATE), naming the table.
Error resultError(const Connection& connection, PGresult* result);

#define SV_LOCATION_PRECISIONS "('exact', 'near', 'cercle', 'region', 'country', 'route')"

// The columns of the incident table, in the order every statement uses.
struct Column {
  const char* name;
  const char* type;
};
inline constexpr Column kColumns[] = {
    {"id", "text PRIMARY KEY"},
    {"start_date", "date NOT NULL"},
    {"end_date", "date NOT NULL"},
    {"date_precision", "text NOT NULL CHECK (date_precision IN ('day', 'week', 'month', 'year'))"},
    {"place", "text NOT NULL DEFAULT ''"},
    {"geonameid", "bigint"},
    {"geom", "geometry(Point,4326)"},     // the incident's point; a line's or area's representative one; null: unplaced
    {"shape", "geometry(Geometry,4326)"}, // a line's MultiLineString, an area's MultiPolygon; null for the others
    {"location_precision", "text NOT NULL CHECK (location_precision IN " SV_LOCATION_PRECISIONS ")"},
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
    {"part_of", "text NOT NULL DEFAULT ''"},
};
inline constexpr const char* kSourceColumns[] = {"incident_id", "position", "document", "title",
                                                 "publisher",   "date",     "url",      "passage"};

inline std::string columnList(const char* prefix = "") {
  std::string list;
  for (const Column& column : kColumns) {
    if (!list.empty()) list += ", ";
    list += prefix;
    list += column.name;
  }
  return list;
}

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

inline std::optional<std::int64_t> toInteger(const char* text) {
  std::int64_t value = 0;
  const char* end = text + std::strlen(text);
  const auto [ptr, ec] = std::from_chars(text, end, value);
  if (ec != std::errc() || ptr != end) return std::nullopt;
  return value;
}

inline std::optional<double> toDouble(const char* text) {
  double value = 0;
  const char* end = text + std::strlen(text);
  const auto [ptr, ec] = std::from_chars(text, end, value);
  if (ec != std::errc() || ptr != end) return std::nullopt;
  return value;
}

} // namespace sv::db
