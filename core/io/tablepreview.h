#pragma once

#include "io/recordschema.h"

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace sv {

// The first records of a table (delimited text, or the first layer of a GDAL
// vector file that has features), for choosing which column holds which
// field before importing it, as the window's column-mapping dialog does.
struct TablePreview {
  ImportFormat format = ImportFormat::Csv; // Csv or Ogr
  char delimiter = ',';                    // for delimited text
  std::string layer;                       // for OGR: the layer shown
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows; // fields in header order
  std::vector<GeometryPoint> geometry;        // per row, for OGR features
  std::string recognised; // what the file reads as without a mapping: "ACLED", "UCDP GED", "generic"
  std::string problem;    // why it cannot be read without a mapping; empty when it can
  ColumnMapping guessed;  // the generic layout's columns taken by their usual names
};

// Reads up to `rows` records. Null with `error` (naming the file) when the
// file is missing, binary, empty or not a table at all.
std::optional<TablePreview> previewTable(const std::string& path, std::size_t rows, std::string* error);

// What a mapping would make of the preview: whether the layout can be read
// with it and, if so, how many preview records become incidents, with the
// first problem met.
struct MappingCheck {
  bool usable = false;
  std::string problem; // why not usable, or the first rejected record's reason
  std::size_t accepted = 0;
  std::size_t rejected = 0;
};
MappingCheck checkMapping(const TablePreview& preview, const ColumnMapping& mapping, const std::string& sourceName);

} // namespace sv
