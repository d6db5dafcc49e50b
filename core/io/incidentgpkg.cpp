#include "io/incidentgpkg.h"

#include "io/gdalsupport.h"

#include <gdal_priv.h>
#include <ogr_spatialref.h>
#include <ogrsf_frmts.h>

#include <nlohmann/json.hpp>

#include <filesystem>
#include <memory>

namespace sv {
namespace {

using Json = nlohmann::ordered_json;

constexpr const char* kLayer = "incidents";
constexpr const char* kDatasetTable = "situation_viewer_dataset";
// Properties kept as JSON text: objects and arrays have no column type.
bool isJsonText(const std::string& name) { return name == "actors" || name == "fatalities" || name == "sources"; }

OGRFieldType typeOf(const std::string& name) {
  if (name == "place_geonameid") return OFTInteger64;
  if (name == "civilian_targeting") return OFTInteger;
  return OFTString;
}

} // namespace

bool writeIncidentGeoPackage(const std::string& path, const DatasetInfo& info, const std::vector<Incident>& incidents,
                             std::string* error) {
  const auto fail = [&](const std::string& why) {
    if (error) *error = path + ": " + why;
    return false;
  };
  GdalErrorCollector errors;
  GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("GPKG");
  if (!driver) return fail("GDAL has no GeoPackage driver");
  // Written beside and renamed over the target: a failure leaves the old file whole.
  const std::string temporary = path + ".part";
  std::filesystem::remove(temporary);
  {
    GDALDatasetUniquePtr dataset(driver->Create(temporary.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
    if (!dataset) return fail("cannot create it (" + errors.summary() + ")");
    OGRSpatialReference wgs84 = wgs84LonLat();
    const char* layerOptions[] = {"GEOMETRY_NAME=geom", "FID=fid", "SPATIAL_INDEX=YES", nullptr};
    OGRLayer* layer = dataset->CreateLayer(kLayer, &wgs84, wkbUnknown, const_cast<char**>(layerOptions));
    if (!layer) return fail("cannot create its layer (" + errors.summary() + ")");
    // The columns: the properties of an incident as the GeoJSON form writes them.
    const Json sample = Json::parse(serializeIncidentFeature(Incident{}));
    std::vector<std::string> columns;
    for (const auto& [name, value] : sample["properties"].items()) {
      OGRFieldDefn field(name.c_str(), typeOf(name));
      if (layer->CreateField(&field) != OGRERR_NONE) return fail("cannot add the column " + name);
      columns.push_back(name);
    }
    if (dataset->StartTransaction() != OGRERR_NONE) return fail("cannot start writing");
    for (const Incident& incident : incidents) {
      const Json feature = Json::parse(serializeIncidentFeature(incident));
      OGRFeature out(layer->GetLayerDefn());
      const Json& properties = feature["properties"];
      for (int k = 0; k < static_cast<int>(columns.size()); ++k) {
        const auto it = properties.find(columns[static_cast<std::size_t>(k)]);
        if (it == properties.end() || it->is_null()) {
          out.SetFieldNull(k);
        } else if (isJsonText(columns[static_cast<std::size_t>(k)])) {
          out.SetField(k, it->dump().c_str());
        } else if (it->is_string()) {
          out.SetField(k, it->get<std::string>().c_str());
        } else if (it->is_boolean()) {
          out.SetField(k, it->get<bool>() ? 1 : 0);
        } else if (it->is_number_integer()) {
          out.SetField(k, static_cast<GIntBig>(it->get<std::int64_t>()));
        } else {
          out.SetField(k, it->dump().c_str());
        }
      }
      if (!feature["geometry"].is_null()) {
        std::unique_ptr<OGRGeometry> geometry(
            OGRGeometryFactory::createFromGeoJson(feature["geometry"].dump().c_str()));
        if (!geometry) return fail("incident " + incident.id + ": its geometry cannot be written");
        geometry->assignSpatialReference(&wgs84);
        out.SetGeometry(geometry.get());
      }
      if (layer->CreateFeature(&out) != OGRERR_NONE)
        return fail("incident " + incident.id + ": cannot be written (" + errors.summary() + ")");
    }
    OGRLayer* table = dataset->CreateLayer(kDatasetTable, nullptr, wkbNone, nullptr);
    if (!table) return fail("cannot create its dataset table");
    const std::pair<const char*, std::string> fields[] = {
        {"name", info.name},         {"title", info.title},     {"description", info.description},
        {"compiled", info.compiled}, {"licence", info.licence}, {"format", "situation-viewer-incidents"},
        {"format_version", "2"}};
    for (const auto& [name, value] : fields) {
      OGRFieldDefn field(name, OFTString);
      table->CreateField(&field);
    }
    OGRFeature row(table->GetLayerDefn());
    for (const auto& [name, value] : fields) row.SetField(name, value.c_str());
    if (table->CreateFeature(&row) != OGRERR_NONE || dataset->CommitTransaction() != OGRERR_NONE)
      return fail("writing failed (" + errors.summary() + ")");
  }
  std::error_code renamed;
  std::filesystem::rename(temporary, path, renamed);
  if (renamed) return fail("cannot replace it (" + renamed.message() + ")");
  return true;
}

constexpr const char* kGeoPackageOnly[] = {"GPKG", nullptr};

bool isIncidentGeoPackage(const std::string& path) {
  GDALDatasetUniquePtr dataset = openVectorFile(path, nullptr, kGeoPackageOnly);
  return dataset && dataset->GetLayerByName(kDatasetTable) && dataset->GetLayerByName(kLayer);
}

IncidentReadResult readIncidentGeoPackage(const std::string& path) {
  IncidentReadResult result;
  GDALDatasetUniquePtr dataset = openVectorFile(path, nullptr, kGeoPackageOnly);
  OGRLayer* layer = dataset ? dataset->GetLayerByName(kLayer) : nullptr;
  OGRLayer* table = dataset ? dataset->GetLayerByName(kDatasetTable) : nullptr;
  if (!layer || !table) {
    result.error =
        path + ": not a Situation Viewer GeoPackage (no '" + kLayer + "' layer and '" + kDatasetTable + "' table)";
    return result;
  }
  // The collection the GeoJSON reader takes, so that both forms are checked alike.
  Json collection{{"type", "FeatureCollection"}, {"format", "situation-viewer-incidents"}};
  std::unique_ptr<OGRFeature> row(table->GetNextFeature());
  Json dataset_info = Json::object();
  if (row) {
    for (const char* name : {"title", "description", "compiled", "licence"})
      if (row->GetFieldIndex(name) >= 0) dataset_info[name] = row->GetFieldAsString(name);
    if (row->GetFieldIndex("name") >= 0) collection["name"] = row->GetFieldAsString("name");
    collection["format_version"] =
        row->GetFieldIndex("format_version") >= 0 ? std::atoi(row->GetFieldAsString("format_version")) : 2;
  } else {
    collection["format_version"] = 2;
  }
  collection["dataset"] = dataset_info;
  Json features = Json::array();
  OGRFeatureDefn* definition = layer->GetLayerDefn();
  layer->ResetReading();
  for (auto&& feature : *layer) {
    Json properties = Json::object();
    for (int k = 0; k < definition->GetFieldCount(); ++k) {
      const std::string name = definition->GetFieldDefn(k)->GetNameRef();
      if (!feature->IsFieldSetAndNotNull(k)) {
        properties[name] = nullptr;
      } else if (isJsonText(name)) {
        properties[name] = Json::parse(feature->GetFieldAsString(k), nullptr, false); // invalid: rejected by the reader
      } else if (name == "civilian_targeting") {
        properties[name] = feature->GetFieldAsInteger(k) != 0;
      } else if (definition->GetFieldDefn(k)->GetType() == OFTInteger64 ||
                 definition->GetFieldDefn(k)->GetType() == OFTInteger) {
        properties[name] = static_cast<std::int64_t>(feature->GetFieldAsInteger64(k));
      } else {
        properties[name] = feature->GetFieldAsString(k);
      }
    }
    Json geometry = nullptr;
    if (const OGRGeometry* g = feature->GetGeometryRef(); g && !g->IsEmpty()) {
      char* text = g->exportToJson();
      geometry = Json::parse(text ? text : "null", nullptr, false);
      CPLFree(text);
    }
    Json out{{"type", "Feature"}, {"geometry", geometry}, {"properties", properties}};
    if (properties.contains("id") && properties["id"].is_string()) out["id"] = properties["id"];
    features.push_back(std::move(out));
  }
  collection["features"] = std::move(features);
  result = parseIncidentDataset(collection.dump(), path);
  // Lines of a text the reader made up mean nothing to the user: the feature number does.
  for (RejectedRecord& rejected : result.rejected) rejected.line = 0;
  result.format = "Situation Viewer GeoPackage";
  return result;
}

} // namespace sv
