#pragma once

#include "io/incidentdataset.h"

#include <string>
#include <vector>

namespace sv {

// The incident format as a GeoPackage: one layer "incidents" whose columns
// are the GeoJSON properties of docs/data-format.md (actors, fatalities and
// sources as JSON text) with each incident's point, line, area or no
// geometry in WGS84, and a table "situation_viewer_dataset" with the
// dataset's description. QGIS and GDAL open it as any GeoPackage; the viewer
// reads it back whole, with the same checks as the GeoJSON form.
bool writeIncidentGeoPackage(const std::string& path, const DatasetInfo& info, const std::vector<Incident>& incidents,
                             std::string* error = nullptr);
// Whether the file is a GeoPackage written by writeIncidentGeoPackage.
bool isIncidentGeoPackage(const std::string& path);
IncidentReadResult readIncidentGeoPackage(const std::string& path);

} // namespace sv
