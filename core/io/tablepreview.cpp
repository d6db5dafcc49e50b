#include "io/tablepreview.h"

#include "io/csvreader.h"
#include "io/gdalsupport.h"
#include "io/importer.h"
#include "io/textencoding.h"

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <filesystem>
#include <fstream>

namespace sv {
namespace {

constexpr std::size_t kPreviewBytes = 1 << 20; // enough for the header and the first rows of any export

std::string stem(const std::string& path) { return std::filesystem::path(path).stem().string(); }

bool previewDelimited(const std::string& path, std::size_t rows, TablePreview& preview, std::string* error) {
  std::ifstream in(path, std::ios::binary);
  std::string head(kPreviewBytes, '\0');
  in.read(head.data(), static_cast<std::streamsize>(head.size()));
  head.resize(static_cast<std::size_t>(in.gcount()));
  const bool whole = in.gcount() < static_cast<std::streamsize>(kPreviewBytes);
  if (looksBinary(head.substr(0, 65536))) {
    if (error) *error = path + ": not a text file (binary data)";
    return false;
  }
  std::string_view text = withoutBom(head);
  // The import's choice of encoding, on the bytes read (a sequence cut by
  // their end is not held against UTF-8).
  std::string transcoded;
  text = decodeText(text, transcoded, !whole).text;
  const std::size_t firstLineEnd = std::min(text.find_first_of("\r\n"), text.size());
  preview.delimiter = sniffDelimiter(text.substr(0, std::max<std::size_t>(firstLineEnd, 1)));
  CsvReader reader(text, preview.delimiter);
  CsvRecord record;
  if (!reader.next(record) || record.unterminated || (record.fields.size() == 1 && record.fields[0].empty())) {
    if (error) *error = path + ": empty file, no header row";
    return false;
  }
  preview.header.assign(record.fields.begin(), record.fields.end());
  while (preview.rows.size() < rows && reader.next(record)) {
    // A record cut by the end of the preview's bytes is not shown.
    if (record.unterminated || (!whole && reader.position() >= text.size())) break;
    if (isHxlRow(record.fields)) continue;
    preview.rows.emplace_back(record.fields.begin(), record.fields.end());
  }
  return true;
}

bool previewOgr(const std::string& path, std::size_t rows, TablePreview& preview, std::string* error) {
  registerGdalDrivers();
  GDALDatasetUniquePtr dataset(
      GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, nullptr, nullptr));
  if (!dataset) {
    if (error) *error = path + ": GDAL cannot read it as vector data";
    return false;
  }
  // The first layer with a feature (KML files hold empty folders); counting features could read the whole file.
  for (auto&& layer : dataset->GetLayers()) {
    layer->ResetReading();
    if (OGRFeatureUniquePtr first(layer->GetNextFeature()); !first) continue;
    preview.layer = layer->GetName();
    OGRFeatureDefn* definition = layer->GetLayerDefn();
    for (int i = 0; i < definition->GetFieldCount(); ++i)
      preview.header.emplace_back(definition->GetFieldDefn(i)->GetNameRef());
    layer->ResetReading();
    for (auto&& feature : *layer) {
      if (preview.rows.size() >= rows) break;
      std::vector<std::string> fields;
      for (int i = 0; i < definition->GetFieldCount(); ++i)
        fields.emplace_back(feature->IsFieldSetAndNotNull(i) ? feature->GetFieldAsString(i) : "");
      GeometryPoint point;
      if (const OGRGeometry* geometry = feature->GetGeometryRef(); geometry && !geometry->IsEmpty()) {
        OGRPoint centre;
        if (geometry->Centroid(&centre) == OGRERR_NONE && !centre.IsEmpty())
          point = std::make_pair(centre.getX(), centre.getY());
      }
      preview.rows.push_back(std::move(fields));
      preview.geometry.push_back(point);
    }
    return true;
  }
  if (error) *error = path + ": no layer with features";
  return false;
}

} // namespace

std::optional<TablePreview> previewTable(const std::string& path, std::size_t rows, std::string* error) {
  std::error_code code;
  if (!std::filesystem::is_regular_file(path, code)) {
    if (error) *error = path + ": no such file";
    return std::nullopt;
  }
  TablePreview preview;
  preview.format =
      resolveImportFormat(path, ImportFormat::Auto) == ImportFormat::Ogr ? ImportFormat::Ogr : ImportFormat::Csv;
  const bool read = preview.format == ImportFormat::Ogr ? previewOgr(path, rows, preview, error)
                                                        : previewDelimited(path, rows, preview, error);
  if (!read) return std::nullopt;
  std::string problem;
  if (auto schema = recordSchemaFor(preview.header, ImportFormat::Auto, {}, stem(path), &problem))
    preview.recognised = schema->name();
  else
    preview.problem = problem;
  preview.guessed = guessColumnMapping(preview.header);
  return preview;
}

MappingCheck checkMapping(const TablePreview& preview, const ColumnMapping& mapping, const std::string& sourceName) {
  MappingCheck check;
  auto schema = recordSchemaFor(preview.header, ImportFormat::Auto, mapping, sourceName, &check.problem);
  if (!schema) return check;
  check.usable = true;
  std::vector<std::string_view> fields;
  for (std::size_t r = 0; r < preview.rows.size(); ++r) {
    fields.assign(preview.rows[r].begin(), preview.rows[r].end());
    fields.resize(preview.header.size());
    Incident incident;
    FieldProblem problem;
    const GeometryPoint point = r < preview.geometry.size() ? preview.geometry[r] : GeometryPoint();
    if (schema->convert(fields, point, r + 1, incident, problem)) {
      ++check.accepted;
    } else {
      ++check.rejected;
      if (check.problem.empty()) check.problem = (problem.field.empty() ? "" : problem.field + ": ") + problem.reason;
    }
  }
  return check;
}

} // namespace sv
