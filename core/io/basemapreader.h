#pragma once

#include "io/basemapdata.h"

#include <optional>
#include <string>

namespace sv {

// Reads the bundled GeoPackage (geodata/mali.gpkg). On failure returns
// nullopt and says which file, layer or field was wrong in `error`.
std::optional<BaseMapData> readBaseMap(const std::string& path, std::string* error);

} // namespace sv
