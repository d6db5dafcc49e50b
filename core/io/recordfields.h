#pragma once

// What the record schemas share: the header's columns and the reading of
// ids, dates and positions with the problem each can give. Internal to the
// importer (core/io).

#include "io/fieldparsing.h"
#include "io/recordschema.h"

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace sv {

std::string lowerTrimmed(std::string_view text);

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

// A field of a record, trimmed; empty for a missing column.
std::string_view at(const std::vector<std::string_view>& fields, int column);
// A value as quoted in a reason, cut after 60 bytes.
std::string quoted(std::string_view text);
// The coordinates of a record: its own columns (lat/lon, else WKT), else the feature's geometry.
bool readPosition(const std::vector<std::string_view>& fields, const Columns& columns, int latColumn, int lonColumn,
                  int wktColumn, const GeometryPoint& geometry, Incident& incident, FieldProblem& problem);
// The record's id, required by the ACLED and UCDP layouts.
bool readId(const std::vector<std::string_view>& fields, const Columns& columns, int column, Incident& incident,
            FieldProblem& problem);
bool readDate(std::string_view text, const std::string& column, ParsedDate& date, FieldProblem& problem);
std::vector<std::string> actorList(std::string_view text);
void addUnique(std::vector<std::string>& list, const std::vector<std::string>& items);
// Suffixes UCDP adds to administrative names: "Mopti region", "Niono cercle".
std::string withoutAdminSuffix(std::string_view name);

// The source layouts (sourceschemas.cpp).
std::unique_ptr<RecordSchema> makeAcledSchema(const Columns& columns);
std::unique_ptr<RecordSchema> makeUcdpSchema(const Columns& columns);

} // namespace sv
