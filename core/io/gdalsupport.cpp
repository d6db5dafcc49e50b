#include "io/gdalsupport.h"

#include <cpl_error.h>
#include <gdal.h>

namespace sv {
namespace {
void collectError(CPLErr level, CPLErrorNum, const char* message) {
  if (level < CE_Warning) return;
  auto* collector = static_cast<std::vector<std::string>*>(CPLGetErrorHandlerUserData());
  if (collector && message) collector->emplace_back(message);
}
} // namespace

void registerGdalDrivers() { GDALAllRegister(); }

GdalErrorCollector::GdalErrorCollector() { CPLPushErrorHandlerEx(collectError, &m_messages); }

GdalErrorCollector::~GdalErrorCollector() { CPLPopErrorHandler(); }

std::string GdalErrorCollector::summary() const {
  std::string out;
  for (const auto& message : m_messages) {
    if (!out.empty()) out += "; ";
    out += message;
  }
  return out;
}

GDALDatasetUniquePtr openVectorFile(const std::string& path, std::string* error, const char* const* drivers) {
  GdalErrorCollector errors;
  GDALDatasetUniquePtr dataset(
      GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, drivers, nullptr, nullptr));
  if (!dataset && error) {
    *error = path + ": GDAL cannot read it as vector data";
    if (!errors.summary().empty()) *error += " (" + errors.summary() + ")";
  }
  return dataset;
}

OGRSpatialReference wgs84LonLat() {
  OGRSpatialReference wgs84;
  wgs84.SetWellKnownGeogCS("WGS84");
  wgs84.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
  return wgs84;
}

} // namespace sv
