#pragma once

#include "geo/projection.h"
#include "render/basemap.h"

#include <QString>

#include <memory>
#include <optional>

namespace sv {

// What every command and the window share: the display projection and the
// base map projected with it, loaded once.
struct MapContext {
  Projection projection;
  std::shared_ptr<const BaseMap> baseMap;
};

// Loads and projects the GeoPackage at `path`; on failure returns nullopt
// with a message naming the file in `error`.
std::optional<MapContext> loadMapContext(const QString& path, QString* error);

// The program: a command (places, export) or the window.
int runApplication(int argc, char** argv);

} // namespace sv
