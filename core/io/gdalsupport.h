#pragma once

#include <gdal_priv.h>
#include <ogr_spatialref.h>

#include <string>
#include <vector>

namespace sv {

// Registers GDAL's drivers; call once from main (and the test main).
void registerGdalDrivers();

// While alive, GDAL errors raised on this thread are collected instead of
// printed, so that callers can turn them into return values.
class GdalErrorCollector {
public:
  GdalErrorCollector();
  ~GdalErrorCollector();
  GdalErrorCollector(const GdalErrorCollector&) = delete;
  GdalErrorCollector& operator=(const GdalErrorCollector&) = delete;

  const std::vector<std::string>& messages() const { return m_messages; }
  // The collected messages joined with "; ", or an empty string.
  std::string summary() const;

private:
  std::vector<std::string> m_messages;
};

// A vector file opened read-only, by `drivers` (null: any); null with
// `error` ("FILE: GDAL cannot read it as vector data (GDAL's reason)").
GDALDatasetUniquePtr openVectorFile(const std::string& path, std::string* error, const char* const* drivers = nullptr);
// WGS 84 with longitude first, as every reader and writer here keeps coordinates.
OGRSpatialReference wgs84LonLat();

} // namespace sv
