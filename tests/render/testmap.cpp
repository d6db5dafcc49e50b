#include "render/testmap.h"

#include "io/basemapreader.h"
#include "render/decorations.h"


#include <stdexcept>

namespace sv::test {

const Projection& displayProjection() {
  static const Projection projection = Projection::webMercator();
  return projection;
}

const std::shared_ptr<const BaseMap>& bundledBaseMap() {
  static const std::shared_ptr<const BaseMap> map = [] {
    std::string error;
    auto data = readBaseMap(SV_TEST_GEODATA, &error);
    if (!data) throw std::runtime_error(error);
    return BaseMap::build(std::move(*data), displayProjection());
  }();
  return map;
}

const ProjectedPlace& projectedPlace(const BaseMap& map, const char* name) {
  const auto index = map.gazetteer().resolve(name);
  if (!index) throw std::runtime_error(std::string("no place named ") + name);
  for (const ProjectedPlace& place : map.places()) {
    if (place.gazetteerIndex == *index) return place;
  }
  throw std::runtime_error(std::string("place not projected: ") + name);
}

MapSettings maliView(QSize size, qreal devicePixelRatio) {
  MapSettings settings;
  settings.setOutputSize(size);
  settings.setDevicePixelRatio(devicePixelRatio);
  settings.zoomToExtent(bundledBaseMap()->maliExtent());
  return settings;
}

RenderRequest requestFor(const MapSettings& settings) {
  RenderRequest request;
  request.settings = settings;
  request.baseMap = bundledBaseMap();
  request.scaleBar = computeScaleBar(settings, displayProjection());
  return request;
}

} // namespace sv::test
