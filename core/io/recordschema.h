#pragma once

#include "domain/eventstore.h"
#include "domain/incident.h"

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace sv {

// The formats an import can read. Auto picks one from the file's name and contents.
// Store: our large-data format, a store file (storefile.h) named .svstore.
enum class ImportFormat : std::uint8_t { Auto, Native, Acled, Ucdp, Ogr, Csv, Store };
// "auto", "native", "acled", "ucdp", "ogr", "csv", "store"
std::string_view importFormatName(ImportFormat format);
std::optional<ImportFormat> importFormatFromName(std::string_view name);

// Which column holds which field of the generic mapping, as `--map` gives it:
// "date=day,lat=y,lon=x". Roles are listed by columnMappingRoles().
struct ColumnMapping {
  std::vector<std::pair<std::string, std::string>> columns; // role, column name
  bool empty() const { return columns.empty(); }
  std::string describe() const; // back to "role=column,…"
};
std::optional<ColumnMapping> parseColumnMapping(std::string_view text, std::string* error);
// The generic layout's columns by their usual names ("event_date" for the
// date, "latitude" or "y" for lat…), one per role, as a starting mapping.
ColumnMapping guessColumnMapping(const std::vector<std::string>& header);
// Every role with what it means, for help texts.
const std::vector<std::pair<std::string_view, std::string_view>>& columnMappingRoles();

// Why one record could not be used.
struct FieldProblem {
  std::string field; // the column at fault, as the file names it (empty for the record as a whole)
  std::string reason;
};

// A point from a feature's geometry (OGR sources), longitude first.
using GeometryPoint = std::optional<std::pair<double, double>>;

// Turns the records of one table (a CSV file or an OGR layer) into incidents,
// by the table's header. One schema per source layout: ACLED, UCDP GED, or
// the generic mapping of a user's own columns.
class RecordSchema {
public:
  virtual ~RecordSchema() = default;
  // "ACLED", "UCDP GED", "generic".
  virtual std::string_view name() const = 0;
  // Converts one record (fields in header order); false with `problem` when it cannot be used.
  virtual bool convert(const std::vector<std::string_view>& fields, const GeometryPoint& geometry, std::size_t record,
                       Incident& incident, FieldProblem& problem) const = 0;
  // The dataset's description and attribution, for a file of this layout.
  virtual DatasetInfo datasetInfo(const std::string& fileName) const = 0;
  // What the reader did beyond reading, for the report: old event types mapped, columns guessed.
  const std::vector<std::string>& notes() const { return m_notes; }

protected:
  std::vector<std::string> m_notes;
};

// The schema for a table with this header. `format` Auto recognises ACLED and
// UCDP GED by their columns and falls back to the generic mapping, which
// guesses columns by their usual names unless `mapping` names them; records
// without an id are named after `sourceName` and their number. Returns null
// with `error` when the header does not give what the layout needs.
std::unique_ptr<RecordSchema> recordSchemaFor(const std::vector<std::string>& header, ImportFormat format,
                                              const ColumnMapping& mapping, const std::string& sourceName,
                                              std::string* error);

// True when a record is HDX's hashtag row (#event+code, #date…) that follows the header.
bool isHxlRow(const std::vector<std::string_view>& fields);

// Folds a monadic duplicate (the same event listed again for another actor)
// into the incident already read: actors and sources not yet listed are added.
void mergeDuplicate(Incident& kept, const Incident& duplicate);

} // namespace sv
