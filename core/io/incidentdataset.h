#pragma once

#include "domain/eventstore.h"
#include "domain/incident.h"

#include <cstddef>
#include <string>
#include <vector>

namespace sv {

// One record a reader could not use, and why.
struct RejectedRecord {
  std::size_t record = 0; // 1-based position of the feature (or row) in the file
  std::size_t line = 0;   // 1-based line where it starts, 0 if unknown
  std::string id;         // its id, when it has one
  std::string field;      // the field at fault
  std::string reason;
};

struct IncidentReadResult {
  bool ok = false; // false: the file as a whole could not be read; `error` says why
  std::string error;
  DatasetInfo info;
  std::vector<Incident> incidents; // the records accepted
  std::vector<RejectedRecord> rejected;
  std::size_t recordsRead = 0;        // incidents.size() + merged + rejected.size()
  std::size_t merged = 0;             // records folded into an earlier one with the same id (monadic duplicates)
  std::size_t accepted = 0;           // incidents.size() when read, kept when the incidents are moved on
  std::string format;                 // the layout read: "Situation Viewer", "ACLED", "UCDP GED", "generic"
  std::string recordNoun = "feature"; // what the file's records are called in messages: "row", "feature"
  bool cancelled = false;             // stopped on request: nothing should replace the data already loaded
  std::vector<std::string> notes;     // what the reader did beyond reading (rows skipped, types mapped)
};

// The Situation Viewer incident format: a GeoJSON FeatureCollection with
// "format": "situation-viewer-incidents" and "format_version": 1, one Point
// feature per incident (docs/data-format.md). Good records are kept and each
// bad one is listed with its line and field; a file that is not JSON or not
// in the format gives ok == false and no incidents.
IncidentReadResult readIncidentDataset(const std::string& path);
IncidentReadResult parseIncidentDataset(const std::string& text, const std::string& nameForMessages);

// Writes incidents in the same format, atomically (a temporary file renamed
// over the target). Returns false and fills `error` on failure.
bool writeIncidentDataset(const std::string& path, const DatasetInfo& info, const std::vector<Incident>& incidents,
                          std::string* error = nullptr);
std::string serializeIncidentDataset(const DatasetInfo& info, const std::vector<Incident>& incidents);
// One incident as a GeoJSON feature of the format (used by JSON output).
std::string serializeIncidentFeature(const Incident& incident);

// "file: 12 records rejected" style summary lines, one per rejected record:
// "FILE:LINE: feature N (ID): FIELD: REASON" ("row N" for delimited text).
std::string describeRejection(const std::string& path, const RejectedRecord& rejected,
                              const std::string& recordNoun = "feature");

} // namespace sv
