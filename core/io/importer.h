#pragma once

#include "io/incidentdataset.h"
#include "io/recordschema.h"

#include <atomic>
#include <functional>
#include <string>

namespace sv {

struct ImportOptions {
  ImportFormat format = ImportFormat::Auto;
  ColumnMapping mapping; // for the generic layout (csv, or ogr layers that are neither ACLED nor UCDP)
  const std::atomic_bool* cancel = nullptr; // raised by another thread: the import stops and reports cancelled
  std::function<void(double)> progress;     // 0 to 1, called from the importing thread now and then
};

// The format a file will be read as under `requested`: Native for our own
// dataset (GeoJSON, or its GeoPackage form), Store for our large-data format (.svstore), Ogr for GDAL's
// vector formats, Csv for delimited text (which may hold ACLED, UCDP GED or
// generic records).
ImportFormat resolveImportFormat(const std::string& path, ImportFormat requested);

// Reads incidents from any supported file: our dataset, ACLED and UCDP GED
// exports, generic delimited text, or any vector format GDAL reads. Never
// throws and never crashes on a malformed file. Good records are kept; each
// bad one is listed with its line (or feature), field and reason; records
// repeating an id are merged into the first (ACLED's monadic files). The
// counts reconcile: recordsRead == incidents + merged + rejected.
IncidentReadResult importIncidents(const std::string& path, const ImportOptions& options = {});

// The import report as JSON: file, format, counts, notes, and every rejected
// record with line, column and reason.
std::string importReportJson(const std::string& path, const IncidentReadResult& result);
// The same as text: a counts line, the notes, then up to `maxListed` rejections.
std::string importReportText(const std::string& path, const IncidentReadResult& result, std::size_t maxListed);

} // namespace sv
