#include "io/recordfields.h"

#include <algorithm>
#include <cctype>

namespace sv {

std::string lowerTrimmed(std::string_view text) {
  std::string lower;
  for (char c : trimmed(text)) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return lower;
}

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
  if (latColumn >= 0 && lonColumn >= 0 &&
      (!at(fields, latColumn).empty() || !at(fields, lonColumn).empty() || !geometry)) {
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
    problem = {latColumn >= 0 ? columns.name(latColumn) : "geometry",
               "latitude " + std::string(trimmed(at(fields, latColumn))) + " is outside -90 to 90"};
    if (latColumn < 0) problem.reason = "latitude outside -90 to 90";
    return false;
  }
  if (*lon < -180.0 || *lon > 180.0) {
    problem = {lonColumn >= 0 ? columns.name(lonColumn) : "geometry",
               "longitude " + std::string(trimmed(at(fields, lonColumn))) + " is outside -180 to 180"};
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

} // namespace sv
