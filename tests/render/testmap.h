#pragma once

#include "geo/projection.h"
#include "render/basemap.h"

#include <memory>

namespace sv::test {

// The bundled base map, projected for display, built once per test binary.
const std::shared_ptr<const BaseMap>& bundledBaseMap();
const Projection& displayProjection();
// The index of the best gazetteer match for `name` among the projected places.
const ProjectedPlace& projectedPlace(const BaseMap& map, const char* name);

} // namespace sv::test
