#include "io/importer.h"

#include "io/csvreader.h"
#include "io/fieldparsing.h"
#include "io/gdalsupport.h"
#include "io/incidentgpkg.h"
#include "io/storefile.h"
#include "io/textencoding.h"

#include <gdal_priv.h>
#include <ogr_spatialref.h>
#include <ogrsf_frmts.h>

#include <nlohmann/json.hpp>

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <memory>
#include <thread>

namespace sv {

namespace {

// A line or polygon geometry as an incident's shape, in WGS84 longitude and
// latitude: line strings become a line's parts, polygons' rings an area's.
// False for points, collections mixing kinds, and what cannot be converted.
bool shapeOfGeometry(const OGRGeometry& geometry, OGRCoordinateTransformation* transform, PlaceShape& shape,
                     std::vector<LineString>& parts) {
  std::unique_ptr<OGRGeometry> copy(geometry.clone());
  if (transform && copy->transform(transform) != OGRERR_NONE) return false;
  auto addLine = [&](const OGRLineString& line) {
    LineString part;
    part.reserve(static_cast<std::size_t>(line.getNumPoints()));
    for (int k = 0; k < line.getNumPoints(); ++k) part.push_back({line.getX(k), line.getY(k)});
    if (part.size() >= 2) parts.push_back(std::move(part));
  };
  auto addPolygon = [&](const OGRPolygon& polygon) {
    std::vector<LineString> rings; // the exterior, then the holes
    for (const OGRLinearRing* ring : polygon) {
      LineString points;
      for (int k = 0; k < ring->getNumPoints(); ++k) points.push_back({ring->getX(k), ring->getY(k)});
      if (points.size() >= 4 && points.front() == points.back())
        rings.push_back(std::move(points));
      else if (rings.empty())
        return; // no usable exterior: its holes mean nothing alone
    }
    appendPolygon(parts, std::move(rings));
  };
  parts.clear();
  switch (wkbFlatten(copy->getGeometryType())) {
    case wkbLineString:
      shape = PlaceShape::Line;
      addLine(*copy->toLineString());
      break;
    case wkbMultiLineString:
      shape = PlaceShape::Line;
      for (const OGRLineString* line : *copy->toMultiLineString()) addLine(*line);
      break;
    case wkbPolygon:
      shape = PlaceShape::Area;
      addPolygon(*copy->toPolygon());
      break;
    case wkbMultiPolygon:
      shape = PlaceShape::Area;
      for (const OGRPolygon* polygon : *copy->toMultiPolygon()) addPolygon(*polygon);
      break;
    default: return false;
  }
  for (const LineString& part : parts)
    for (const Point2& p : part)
      if (!std::isfinite(p.x) || !std::isfinite(p.y) || std::abs(p.x) > 180.0 || std::abs(p.y) > 90.0) return false;
  if (parts.empty()) shape = PlaceShape::Point;
  return !parts.empty();
}

constexpr std::size_t kProgressEvery = 4096;

std::string lowerExtension(const std::string& path) {
  std::string extension = std::filesystem::path(path).extension().string();
  for (char& c : extension) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return extension;
}

std::string fileStem(const std::string& path) { return std::filesystem::path(path).stem().string(); }

// A file's bytes, mapped read-only (copied for files that cannot be mapped).
class FileBytes {
public:
  explicit FileBytes(const std::string& path) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
      m_error = std::strerror(errno);
      return;
    }
    struct stat info {};
    if (::fstat(fd, &info) != 0 || !S_ISREG(info.st_mode)) {
      m_error = "not a regular file";
      ::close(fd);
      return;
    }
    m_size = static_cast<std::size_t>(info.st_size);
    if (m_size > 0) {
      void* mapped = ::mmap(nullptr, m_size, PROT_READ, MAP_PRIVATE, fd, 0);
      if (mapped != MAP_FAILED) {
        m_mapped = mapped;
        ::madvise(mapped, m_size, MADV_SEQUENTIAL);
      } else {
        m_copy.resize(m_size);
        std::size_t done = 0;
        while (done < m_size) {
          const ssize_t n = ::read(fd, m_copy.data() + done, m_size - done);
          if (n <= 0) break;
          done += static_cast<std::size_t>(n);
        }
        m_copy.resize(done);
        m_size = done;
      }
    }
    ::close(fd);
    m_ok = true;
  }
  ~FileBytes() {
    if (m_mapped) ::munmap(m_mapped, m_size);
  }
  FileBytes(const FileBytes&) = delete;
  FileBytes& operator=(const FileBytes&) = delete;

  bool ok() const { return m_ok; }
  const std::string& error() const { return m_error; }
  std::string_view text() const {
    if (m_mapped) return {static_cast<const char*>(m_mapped), m_size};
    return m_copy;
  }

private:
  void* m_mapped = nullptr;
  std::size_t m_size = 0;
  std::string m_copy;
  std::string m_error;
  bool m_ok = false;
};

bool isCancelled(const ImportOptions& options) {
  return options.cancel && options.cancel->load(std::memory_order_relaxed);
}

void acceptRecord(IncidentReadResult& result, Incident&& incident) {
  ++result.recordsRead;
  result.incidents.push_back(std::move(incident));
}

void rejectRecord(IncidentReadResult& result, std::size_t record, std::size_t line, std::string id, std::string field,
                  std::string reason) {
  ++result.recordsRead;
  result.rejected.push_back(RejectedRecord{record, line, std::move(id), std::move(field), std::move(reason)});
}

// Folds every record whose id came earlier into that first one (ACLED's
// monadic files list an event once per actor). Ids are grouped by hash, then
// compared: no per-record allocation.
void mergeRepeatedIds(IncidentReadResult& result) {
  std::vector<Incident>& incidents = result.incidents;
  std::vector<std::pair<std::size_t, std::uint32_t>> byHash(incidents.size());
  const std::hash<std::string_view> hash;
  for (std::size_t i = 0; i < incidents.size(); ++i) byHash[i] = {hash(incidents[i].id), static_cast<std::uint32_t>(i)};
  std::sort(byHash.begin(), byHash.end());
  std::vector<bool> merged(incidents.size(), false);
  for (std::size_t a = 0; a < byHash.size();) {
    std::size_t b = a + 1;
    while (b < byHash.size() && byHash[b].first == byHash[a].first) ++b;
    for (std::size_t x = a; x < b; ++x) {
      if (merged[byHash[x].second]) continue;
      for (std::size_t y = x + 1; y < b; ++y) {
        const std::uint32_t later = byHash[y].second;
        if (merged[later] || incidents[later].id != incidents[byHash[x].second].id) continue;
        mergeDuplicate(incidents[byHash[x].second], incidents[later]);
        merged[later] = true;
        ++result.merged;
      }
    }
    a = b;
  }
  if (result.merged == 0) return;
  std::size_t kept = 0;
  for (std::size_t i = 0; i < incidents.size(); ++i) {
    if (merged[i]) continue;
    if (kept != i) incidents[kept] = std::move(incidents[i]);
    ++kept;
  }
  incidents.resize(kept);
}

// --- Delimited text ------------------------------------------------------------

// Files above this size are read on several threads.
constexpr std::size_t kParallelBytes = 16u << 20;
constexpr std::size_t kMaxSlices = 8;

struct SliceOutput {
  IncidentReadResult part; // records, rows and lines numbered from the slice's start
  std::size_t rows = 0;    // data rows read
  std::size_t lines = 1;   // the reader's line at the end: 1 + the line breaks read
  bool endedInQuote = false;
  bool cancelled = false;
};

// Reads the rows of one slice of a delimited file. The first slice starts
// with the header (skipped) and may hold the HXL row.
void readSlice(std::string_view slice, bool first, bool last, const RecordSchema& schema, std::size_t columns,
               char delimiter, const ImportOptions& options, SliceOutput& out) {
  CsvReader reader(slice, delimiter);
  CsvRecord record;
  if (first) reader.next(record);
  // About 400 bytes a row in real exports; reserving avoids moving every incident as the list grows.
  out.part.incidents.reserve(slice.size() / 400 + 16);
  Incident incident;
  FieldProblem problem;
  bool firstData = first;
  const std::string delimiterName = delimiter == '\t' ? "\\t" : std::string(1, delimiter);
  while (reader.next(record)) {
    if (firstData) {
      firstData = false;
      if (isHxlRow(record.fields)) {
        out.part.notes.push_back("line " + std::to_string(record.line) + ": HXL hashtag row skipped");
        continue;
      }
    }
    const std::size_t row = ++out.rows;
    if (row % kProgressEvery == 0) {
      if (isCancelled(options)) {
        out.cancelled = true;
        return;
      }
      if (first && options.progress)
        options.progress(static_cast<double>(reader.position()) /
                         static_cast<double>(std::max<std::size_t>(reader.size(), 1)));
    }
    if (record.unterminated) {
      out.endedInQuote = true;
      rejectRecord(out.part, row, record.line, "", "",
                   "the file ends inside a quoted field: the row is truncated (lines " + std::to_string(record.line) +
                       "–" + std::to_string(record.lastLine) + ")");
      continue;
    }
    if (record.fields.size() != columns) {
      std::string reason = std::to_string(record.fields.size()) + (record.fields.size() == 1 ? " field" : " fields") +
                           " where the header has " + std::to_string(columns);
      if (record.fields.size() == 1)
        reason += " (a delimiter other than the header's '" + delimiterName + "'?)";
      else if (last && record.fields.size() < columns && reader.position() >= reader.size())
        reason += " (the last line is cut short)";
      rejectRecord(out.part, row, record.line, "", "", std::move(reason));
      continue;
    }
    if (schema.convert(record.fields, std::nullopt, row, incident, problem)) {
      acceptRecord(out.part, std::move(incident));
      incident = Incident();
    } else {
      rejectRecord(out.part, row, record.line, incident.id, std::move(problem.field), std::move(problem.reason));
    }
  }
  out.lines = reader.line();
}

void importDelimited(const std::string& path, std::string_view text, const ImportOptions& options,
                     IncidentReadResult& result) {
  const std::string name = std::filesystem::path(path).filename().string();
  result.recordNoun = "row";
  if (looksBinary(text.substr(0, 65536))) {
    result.error = path + ": not a text file (binary data); expected delimited text (CSV)";
    return;
  }
  text = withoutBom(text);
  // Decided once for the whole file: UTF-8, or else Windows-1252 (French
  // Excel's default), transcoded so that no invalid UTF-8 goes further.
  std::string transcoded;
  DecodedText decoded = decodeText(text, transcoded);
  text = decoded.text;
  if (!decoded.note.empty()) result.notes.push_back(std::move(decoded.note));
  const std::size_t firstLineEnd = std::min(text.find_first_of("\r\n"), text.size());
  const char delimiter = sniffDelimiter(text.substr(0, std::max<std::size_t>(firstLineEnd, 1)));
  CsvReader reader(text, delimiter);
  CsvRecord record;
  if (!reader.next(record) || (record.fields.size() == 1 && trimmed(record.fields[0]).empty())) {
    result.error = path + ": empty file, no header row";
    return;
  }
  if (record.unterminated) {
    result.error = path + ":1: the header row never ends (an unclosed quote)";
    return;
  }
  std::vector<std::string> header(record.fields.begin(), record.fields.end());
  std::string error;
  auto schema = recordSchemaFor(header, options.format == ImportFormat::Csv ? ImportFormat::Auto : options.format,
                                options.mapping, fileStem(path), &error);
  if (!schema) {
    result.error = path + ":1: " + error + " (columns:";
    for (const std::string& column : header) result.error += " " + column;
    result.error += ")";
    return;
  }
  result.format = std::string(schema->name());
  result.info = schema->datasetInfo(name);
  result.notes.insert(result.notes.end(), schema->notes().begin(), schema->notes().end());
  if (delimiter != ',')
    result.notes.push_back(std::string("fields separated by '") +
                           (delimiter == '\t' ? "\\t" : std::string(1, delimiter)) + "'");

  // Large files are read in slices on every core. A slice starts after a
  // line break; the slice before it, read from the true start, shows whether
  // that break was inside a quoted field, and if so the file is read again
  // as one slice.
  const std::size_t dataStart = reader.position();
  std::size_t slices = 1;
  if (text.size() - dataStart > kParallelBytes)
    slices = std::clamp<std::size_t>(std::thread::hardware_concurrency(), 1, kMaxSlices);
  // A cut goes after a line break with an even number of quotes before it:
  // outside any quoted field unless a stray quote misleads the count.
  std::vector<std::size_t> bounds{0};
  std::size_t counted = dataStart;
  bool insideQuotes = false;
  for (std::size_t k = 1; k < slices; ++k) {
    std::size_t newline =
        text.find('\n', std::max(dataStart + (text.size() - dataStart) * k / slices, bounds.back() + 1));
    while (newline != std::string_view::npos) {
      insideQuotes ^= (std::count(text.begin() + static_cast<std::ptrdiff_t>(counted),
                                  text.begin() + static_cast<std::ptrdiff_t>(newline), '"') %
                       2) != 0;
      counted = newline;
      if (!insideQuotes) break;
      newline = text.find('\n', newline + 1);
    }
    if (newline == std::string_view::npos || newline + 1 >= text.size()) break;
    bounds.push_back(newline + 1);
  }
  bounds.push_back(text.size());

  const auto readSlices = [&](const std::vector<std::size_t>& cuts) {
    std::vector<SliceOutput> outputs(cuts.size() - 1);
    const auto readOne = [&](std::size_t k) {
      readSlice(text.substr(cuts[k], cuts[k + 1] - cuts[k]), k == 0, k + 2 == cuts.size(), *schema, header.size(),
                delimiter, options, outputs[k]);
    };
    std::vector<std::thread> threads;
    for (std::size_t k = 1; k + 1 < cuts.size(); ++k) threads.emplace_back(readOne, k);
    readOne(0);
    for (std::thread& thread : threads) thread.join();
    return outputs;
  };
  std::vector<SliceOutput> outputs = readSlices(bounds);
  bool clean = true;
  for (std::size_t k = 0; k + 1 < outputs.size(); ++k) clean = clean && !outputs[k].endedInQuote;
  if (!clean) outputs = readSlices({0, text.size()});

  std::size_t lineOffset = 0, rowOffset = 0;
  for (SliceOutput& output : outputs) {
    if (output.cancelled) {
      result.cancelled = true;
      result.error = path + ": import cancelled";
      result.incidents.clear();
      return;
    }
    for (RejectedRecord& rejected : output.part.rejected) {
      rejected.line += lineOffset;
      rejected.record += rowOffset;
    }
    result.recordsRead += output.part.recordsRead;
    if (result.incidents.empty()) {
      result.incidents = std::move(output.part.incidents);
    } else {
      result.incidents.insert(result.incidents.end(), std::make_move_iterator(output.part.incidents.begin()),
                              std::make_move_iterator(output.part.incidents.end()));
    }
    result.rejected.insert(result.rejected.end(), std::make_move_iterator(output.part.rejected.begin()),
                           std::make_move_iterator(output.part.rejected.end()));
    result.notes.insert(result.notes.end(), output.part.notes.begin(), output.part.notes.end());
    output.part = {};
    lineOffset += output.lines - 1;
    rowOffset += output.rows;
  }
  mergeRepeatedIds(result);
  if (options.progress) options.progress(1.0);
  result.ok = true;
}

// --- GDAL/OGR --------------------------------------------------------------------

std::string featureField(OGRFeature& feature, int index) {
  if (!feature.IsFieldSetAndNotNull(index)) return {};
  return feature.GetFieldAsString(index);
}

void importOgr(const std::string& path, const ImportOptions& options, IncidentReadResult& result) {
  GDALDatasetUniquePtr dataset = openVectorFile(path, &result.error);
  if (!dataset) return;
  const std::string name = std::filesystem::path(path).filename().string();
  result.format.clear();
  result.recordNoun = "feature";
  const OGRSpatialReference wgs84 = wgs84LonLat();

  std::size_t totalFeatures = 0;
  for (auto&& layer : dataset->GetLayers())
    totalFeatures += static_cast<std::size_t>(std::max<GIntBig>(layer->GetFeatureCount(FALSE), 0));

  result.incidents.reserve(totalFeatures);
  std::size_t featureNumber = 0;
  bool anyLayer = false;
  std::string firstError;
  for (auto&& layer : dataset->GetLayers()) {
    OGRFeatureDefn* definition = layer->GetLayerDefn();
    std::vector<std::string> header;
    for (int i = 0; i < definition->GetFieldCount(); ++i)
      header.emplace_back(definition->GetFieldDefn(i)->GetNameRef());
    std::string error;
    auto schema = recordSchemaFor(header, options.format == ImportFormat::Ogr ? ImportFormat::Auto : options.format,
                                  options.mapping, fileStem(path), &error);
    if (!schema) {
      if (layer->GetFeatureCount(TRUE) == 0) continue; // empty folders of KML files
      if (firstError.empty()) firstError = "layer " + std::string(layer->GetName()) + ": " + error;
      continue;
    }
    if (!anyLayer) {
      result.format = "OGR " + std::string(dataset->GetDriverName()) + ", " + std::string(schema->name());
      result.info = schema->datasetInfo(name);
      anyLayer = true;
    }
    for (const std::string& note : schema->notes())
      result.notes.push_back("layer " + std::string(layer->GetName()) + ": " + note);

    std::unique_ptr<OGRCoordinateTransformation> transform;
    if (const OGRSpatialReference* layerSrs = layer->GetSpatialRef(); layerSrs && !layerSrs->IsSame(&wgs84)) {
      transform.reset(OGRCreateCoordinateTransformation(layerSrs, &wgs84));
      if (!transform) {
        if (firstError.empty())
          firstError =
              "layer " + std::string(layer->GetName()) + ": its coordinate system cannot be converted to WGS 84";
        continue;
      }
    }

    std::vector<std::string> values(header.size());
    std::vector<std::string_view> fields(header.size());
    Incident incident;
    FieldProblem problem;
    layer->ResetReading();
    for (auto&& feature : *layer) {
      ++featureNumber;
      if (featureNumber % kProgressEvery == 0) {
        if (isCancelled(options)) {
          result.cancelled = true;
          result.error = path + ": import cancelled at feature " + std::to_string(featureNumber);
          return;
        }
        if (options.progress && totalFeatures > 0)
          options.progress(std::min(1.0, static_cast<double>(featureNumber) / static_cast<double>(totalFeatures)));
      }
      for (std::size_t i = 0; i < header.size(); ++i) {
        values[i] = featureField(*feature, static_cast<int>(i));
        fields[i] = values[i];
      }
      GeometryPoint point;
      std::string geometryNote;
      PlaceShape shape = PlaceShape::Point;
      std::vector<LineString> shapeParts;
      if (const OGRGeometry* geometry = feature->GetGeometryRef(); geometry && !geometry->IsEmpty()) {
        OGRPoint centre;
        if (wkbFlatten(geometry->getGeometryType()) == wkbPoint) {
          centre = *geometry->toPoint();
        } else if (shapeOfGeometry(*geometry, transform.get(), shape, shapeParts)) {
          const Point2 representative = representativePoint(shape, shapeParts);
          point = std::make_pair(representative.x, representative.y);
        } else if (geometry->Centroid(&centre) == OGRERR_NONE) {
          geometryNote = std::string("the centroid of a ") + OGRGeometryTypeToName(geometry->getGeometryType());
        }
        if (transform && !centre.IsEmpty() && centre.transform(transform.get()) != OGRERR_NONE) centre.empty();
        if (!centre.IsEmpty()) point = std::make_pair(centre.getX(), centre.getY());
      }
      if (schema->convert(fields, point, featureNumber, incident, problem)) {
        if (shape != PlaceShape::Point) {
          incident.shape = shape;
          incident.shapeParts = std::move(shapeParts);
          if (incident.locationPrecision == LocationPrecision::Route && shape != PlaceShape::Line)
            incident.locationPrecision = LocationPrecision::Near;
        }
        if (!geometryNote.empty() && incident.locationNote.empty()) incident.locationNote = geometryNote;
        acceptRecord(result, std::move(incident));
        incident = Incident();
      } else {
        rejectRecord(result, featureNumber, 0, incident.id, std::move(problem.field), std::move(problem.reason));
      }
    }
  }
  if (!anyLayer) {
    result.error = path + ": " + (firstError.empty() ? std::string("no layer with features") : firstError);
    return;
  }
  mergeRepeatedIds(result);
  if (!firstError.empty()) result.notes.push_back(firstError + " (layer skipped)");
  if (options.progress) options.progress(1.0);
  result.ok = true;
}

bool isNativeDataset(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::string head(4096, '\0');
  in.read(head.data(), static_cast<std::streamsize>(head.size()));
  head.resize(static_cast<std::size_t>(in.gcount()));
  return head.find("\"situation-viewer-incidents\"") != std::string::npos;
}

} // namespace

ImportFormat resolveImportFormat(const std::string& path, ImportFormat requested) {
  if (requested == ImportFormat::Acled || requested == ImportFormat::Ucdp) {
    const std::string extension = lowerExtension(path);
    return extension == ".csv" || extension == ".tsv" || extension == ".txt" ? ImportFormat::Csv : ImportFormat::Ogr;
  }
  if (requested != ImportFormat::Auto) return requested;
  const std::string extension = lowerExtension(path);
  if (extension == ".svstore") return ImportFormat::Store;
  if (extension == ".csv" || extension == ".tsv" || extension == ".txt" || extension == ".tab")
    return ImportFormat::Csv;
  if ((extension == ".json" || extension == ".geojson") && isNativeDataset(path)) return ImportFormat::Native;
  if (extension == ".gpkg" && isIncidentGeoPackage(path)) return ImportFormat::Native;
  return ImportFormat::Ogr;
}

IncidentReadResult importIncidents(const std::string& path, const ImportOptions& options) {
  const ImportFormat format = resolveImportFormat(path, options.format);
  if (format == ImportFormat::Native)
    return lowerExtension(path) == ".gpkg" ? readIncidentGeoPackage(path) : readIncidentDataset(path);
  IncidentReadResult result;
  if (format == ImportFormat::Store) {
    // Whole incidents from a store's columns: for converting one to another
    // format. Opening one for display reads the store itself.
    const auto store = readStoreFile(path, &result.error);
    if (!store) return result;
    result.ok = true;
    result.format = "Situation Viewer store";
    result.info = store->info();
    result.incidents.reserve(store->size());
    for (EventStore::Index i = 0; i < store->size(); ++i) result.incidents.push_back(store->incident(i));
    result.recordsRead = result.accepted = result.incidents.size();
    result.recordNoun = "incident";
    return result;
  }
  if (!std::filesystem::exists(path)) {
    result.error = path + ": no such file";
    return result;
  }
  if (format == ImportFormat::Ogr) {
    ImportOptions ogrOptions = options;
    if (ogrOptions.format == ImportFormat::Auto) ogrOptions.format = ImportFormat::Ogr;
    importOgr(path, ogrOptions, result);
  } else {
    const FileBytes bytes(path);
    if (!bytes.ok()) {
      result.error = path + ": cannot read the file (" + bytes.error() + ")";
      return result;
    }
    importDelimited(path, bytes.text(), options, result);
  }
  if (!result.ok) {
    result.incidents.clear();
    result.incidents.shrink_to_fit();
  }
  result.accepted = result.incidents.size();
  return result;
}

std::string importReportJson(const std::string& path, const IncidentReadResult& result) {
  nlohmann::ordered_json report;
  report["file"] = path;
  report["ok"] = result.ok;
  if (!result.error.empty()) report["error"] = result.error;
  report["format"] = result.format;
  report["record_noun"] = result.recordNoun;
  report["cancelled"] = result.cancelled;
  report["rows_read"] = result.recordsRead;
  report["incidents_accepted"] = result.accepted;
  report["duplicates_merged"] = result.merged;
  report["rows_rejected"] = result.rejected.size();
  report["reconciles"] = result.recordsRead == result.accepted + result.merged + result.rejected.size();
  report["notes"] = result.notes;
  report["attribution"] = result.info.licence;
  auto rejected = nlohmann::ordered_json::array();
  for (const RejectedRecord& r : result.rejected) {
    nlohmann::ordered_json entry;
    entry[result.recordNoun] = r.record;
    entry["line"] = r.line > 0 ? nlohmann::ordered_json(r.line) : nlohmann::ordered_json(nullptr);
    entry["id"] = r.id;
    entry["column"] = r.field;
    entry["reason"] = r.reason;
    rejected.push_back(std::move(entry));
  }
  report["rejected"] = std::move(rejected);
  return report.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
}

std::string importReportText(const std::string& path, const IncidentReadResult& result, std::size_t maxListed) {
  std::string text;
  if (!result.ok) {
    text += result.error + "\n";
    if (result.recordsRead == 0) return text;
  }
  text += path + " (" + result.format + "): " + std::to_string(result.recordsRead) + " " + result.recordNoun +
          "s read, " + std::to_string(result.accepted) + " incidents accepted, " + std::to_string(result.merged) +
          " duplicates merged, " + std::to_string(result.rejected.size()) + " rejected\n";
  for (const std::string& note : result.notes) text += "  note: " + note + "\n";
  const std::size_t listed = std::min(maxListed, result.rejected.size());
  for (std::size_t i = 0; i < listed; ++i)
    text += "  " + describeRejection(path, result.rejected[i], result.recordNoun) + "\n";
  if (listed < result.rejected.size())
    text += "  … and " + std::to_string(result.rejected.size() - listed) + " more (--report FILE lists them all)\n";
  return text;
}

} // namespace sv
