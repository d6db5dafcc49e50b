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
    return IncidentLayerData::build(EventStore::build(std::move(read.incidents), std::move(read.info)),
                                    displayProjection());
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

std::shared_ptr<const IncidentLayerData> referenceIncidents() {
  static const std::shared_ptr<const IncidentLayerData> layer = [] {
    std::vector<Incident> incidents;
    incidents.push_back(incidentAt("R1", "Farabougou", "2020-10-06", EventType::Battles, Fatalities::exactly(12)));
    incidents.push_back(
        incidentAt("R2", "Farabougou", "2020-10-09", EventType::ViolenceAgainstCivilians, Fatalities::exactly(3)));
    incidents.push_back(incidentAt("R3", "Farabougou", "2020-10-14", EventType::Battles, Fatalities::notReported()));
    incidents.push_back(
        incidentAt("R4", "Niono", "2020-10-12", EventType::ExplosionsRemoteViolence, Fatalities::exactly(40)));
    Incident near =
        incidentAt("R5", "Ségou", "2020-10-20", EventType::ViolenceAgainstCivilians, Fatalities::exactly(6));
    near.locationPrecision = LocationPrecision::Near;
    incidents.push_back(std::move(near));
    Incident week = incidentAt("R6", "Mopti", "2020-10-19", EventType::Protests, Fatalities::notReported());
    week.datePrecision = DatePrecision::Week;
    week.end = week.start + 6;
    incidents.push_back(std::move(week));
    incidents.push_back(incidentAt("R7", "Djenné", "2020-10-22", EventType::Riots, Fatalities::exactly(1)));
    incidents.push_back(
        incidentAt("R8", "Ké-Macina", "2020-10-25", EventType::StrategicDevelopments, Fatalities::notReported()));
    return incidentLayer(std::move(incidents));
  }();
  return layer;
}

MapSettings referenceView(QSize size) {
  MapSettings settings;
  settings.setOutputSize(size);
  const Point2 west = displayProjection().forward({-7.2, 13.0});
  const Point2 east = displayProjection().forward({-3.6, 15.2});
  settings.zoomToExtent(QRectF(QPointF(west.x, west.y), QPointF(east.x, east.y)).normalized());
  return settings;
}

} // namespace sv::test
