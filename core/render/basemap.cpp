#include "render/basemap.h"

#include "geo/projection.h"

#include <algorithm>
#include <tuple>

namespace sv {
namespace {

QPainterPath polygonPath(MultiPolygon area, const Projection& projection) {
  QPainterPath path;
  path.setFillRule(Qt::OddEvenFill);
  for (Ring& ring : area.rings) {
    projection.forward(ring);
    if (ring.size() < 3) continue;
    path.moveTo(ring.front().x, ring.front().y);
    for (std::size_t i = 1; i < ring.size(); ++i) path.lineTo(ring[i].x, ring[i].y);
    path.closeSubpath();
  }
  return path;
}

QPainterPath linePath(MultiLineString line, const Projection& projection) {
  QPainterPath path;
  for (LineString& part : line.parts) {
    projection.forward(part);
    if (part.size() < 2) continue;
    path.moveTo(part.front().x, part.front().y);
    for (std::size_t i = 1; i < part.size(); ++i) path.lineTo(part[i].x, part[i].y);
  }
  return path;
}

QPointF toQPoint(const Point2& p) { return {p.x, p.y}; }

ProjectedArea projectArea(const std::string& name, MultiPolygon area, const Projection& projection) {
  ProjectedArea projected;
  projected.name = QString::fromStdString(name);
  projected.path = polygonPath(std::move(area), projection);
  projected.bounds = projected.path.boundingRect();
  return projected;
}

} // namespace

PlaceClass classify(const Place& place) {
  if (place.isCapital()) return PlaceClass::Capital;
  if (place.isRegionalCapital()) return PlaceClass::RegionalCapital;
  if (place.isOfInterest()) return PlaceClass::OfInterest;
  if (place.featureCode == "PPLA2") return PlaceClass::CercleSeat;
  if (place.population > 0 || place.featureCode == "PPLA3") return PlaceClass::Populated;
  return PlaceClass::Village;
}

std::shared_ptr<const BaseMap> BaseMap::build(BaseMapData data, const Projection& projection) {
  auto map = std::make_shared<BaseMap>();

  for (CountryFeature& country : data.countries) {
    const bool isMali = country.isMali();
    ProjectedCountry projected{projectArea(country.name, std::move(country.area), projection), isMali};
    if (projected.isMali) map->m_maliExtent = projected.bounds;
    map->m_countries.push_back(std::move(projected));
  }

  // Regions keep a stable colour by their order of ISO code.
  std::sort(data.regions.begin(), data.regions.end(),
            [](const RegionFeature& a, const RegionFeature& b) { return a.isoCode < b.isoCode; });
  for (RegionFeature& region : data.regions) {
    ProjectedRegion projected{projectArea(region.name, std::move(region.area), projection),
                              toQPoint(projection.forward(region.labelPoint)), static_cast<int>(map->m_regions.size())};
    if (map->m_maliExtent.isNull()) map->m_maliExtent = projected.bounds;
    map->m_maliExtent = map->m_maliExtent.united(projected.bounds);
    map->m_regions.push_back(std::move(projected));
  }

  for (CercleFeature& cercle : data.cercles) {
    map->m_cercles.push_back(projectArea(cercle.name, std::move(cercle.area), projection));
  }

  for (WaterLine& river : data.rivers) {
    ProjectedLine projected{
        QString::fromStdString(river.name), river.scaleRank, linePath(std::move(river.line), projection), {}};
    projected.bounds = projected.path.boundingRect();
    map->m_rivers.push_back(std::move(projected));
  }

  for (WaterArea& lake : data.lakes) {
    map->m_lakes.push_back(projectArea(lake.name, std::move(lake.area), projection));
  }

  map->m_gazetteer = Gazetteer(std::move(data.places));
  const auto& places = map->m_gazetteer.places();
  std::vector<Point2> positions;
  positions.reserve(places.size());
  for (const Place& place : places) positions.push_back({place.longitude, place.latitude});
  projection.forward(positions);
  map->m_places.reserve(places.size());
  for (std::size_t i = 0; i < places.size(); ++i) {
    const Place& place = places[i];
    map->m_places.push_back({i, QString::fromStdString(place.name), toQPoint(positions[i]), classify(place),
                             place.population, place.interestRank});
  }
  std::stable_sort(map->m_places.begin(), map->m_places.end(), [](const ProjectedPlace& a, const ProjectedPlace& b) {
    // Interest rank 1 comes first; 0 (none) last.
    const int ia = a.interestRank > 0 ? a.interestRank : 1 << 30;
    const int ib = b.interestRank > 0 ? b.interestRank : 1 << 30;
    return std::tuple(a.placeClass, ia, -a.population) < std::tuple(b.placeClass, ib, -b.population);
  });

  map->m_attributions = std::move(data.attributions);
  return map;
}

} // namespace sv
