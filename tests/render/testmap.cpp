#include "render/testmap.h"

#include "io/basemapreader.h"
#include "io/incidentdataset.h"
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

const std::shared_ptr<const IncidentLayerData>& bundledIncidents() {
  static const std::shared_ptr<const IncidentLayerData> layer = [] {
    IncidentReadResult read = readIncidentDataset(SV_TEST_INCIDENTS);
    if (!read.ok) throw std::runtime_error(read.error);
    return IncidentLayerData::build(EventStore::build(std::move(read.incidents), std::move(read.info)), displayProjection());
  }();
  return layer;
}

std::shared_ptr<const IncidentLayerData> incidentLayer(std::vector<Incident> incidents) {
  return IncidentLayerData::build(EventStore::build(std::move(incidents)), displayProjection());
}

Incident incidentAt(const char* id, const char* placeName, const char* isoDate, EventType type, Fatalities fatalities) {
  const Gazetteer& gazetteer = bundledBaseMap()->gazetteer();
  const auto index = gazetteer.resolve(placeName);
  if (!index) throw std::runtime_error(std::string("no place named ") + placeName);
  const Place& place = gazetteer.place(*index);
  Incident incident;
  incident.id = id;
  incident.start = incident.end = *parseIsoDate(isoDate);
  incident.place = place.name;
  incident.geonameId = place.geonameId;
  incident.longitude = place.longitude;
  incident.latitude = place.latitude;
  incident.type = type;
  incident.fatalities = fatalities;
  incident.summary = std::string("Test incident at ") + placeName;
  incident.sources.push_back({"test", "Test source", "Test publisher", "", "", "passage"});
  return incident;
}

} // namespace sv::test
