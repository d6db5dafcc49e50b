#pragma once

#include "domain/gazetteer.h"
#include "io/basemapdata.h"

#include <QPainterPath>
#include <QPointF>
#include <QRectF>
#include <QString>

#include <memory>
#include <vector>

namespace sv {

class Projection;

// Label priority classes of places, most important first.
enum class PlaceClass { Capital = 0, RegionalCapital = 1, OfInterest = 2, CercleSeat = 3, Populated = 4, Village = 5 };

struct ProjectedArea {
  QString name;
  QPainterPath path; // projected metres
  QRectF bounds;
};

struct ProjectedCountry : ProjectedArea {
  bool isMali = false;
};

struct ProjectedRegion : ProjectedArea {
  QPointF labelPoint;
  int colourIndex = 0;
};

struct ProjectedLine {
  QString name;
  int scaleRank = 0;
  QPainterPath path;
  QRectF bounds;
};

struct ProjectedPlace {
  std::size_t gazetteerIndex = 0;
  QString name;
  QPointF position; // projected metres
  PlaceClass placeClass = PlaceClass::Village;
  std::int64_t population = 0;
  int interestRank = 0;
};

// The base map projected once for display: immutable after build and shared
// between the GUI thread and render jobs without locks.
class BaseMap {
public:
  static std::shared_ptr<const BaseMap> build(BaseMapData data, const Projection& projection);

  const std::vector<ProjectedCountry>& countries() const { return m_countries; }
  const std::vector<ProjectedRegion>& regions() const { return m_regions; }
  const std::vector<ProjectedArea>& cercles() const { return m_cercles; }
  const std::vector<ProjectedLine>& rivers() const { return m_rivers; }
  const std::vector<ProjectedArea>& lakes() const { return m_lakes; }
  // Sorted by label priority: class, then interest, then population.
  const std::vector<ProjectedPlace>& places() const { return m_places; }
  const Gazetteer& gazetteer() const { return m_gazetteer; }
  const std::vector<Attribution>& attributions() const { return m_attributions; }
  QRectF maliExtent() const { return m_maliExtent; }

private:
  std::vector<ProjectedCountry> m_countries;
  std::vector<ProjectedRegion> m_regions;
  std::vector<ProjectedArea> m_cercles;
  std::vector<ProjectedLine> m_rivers;
  std::vector<ProjectedArea> m_lakes;
  std::vector<ProjectedPlace> m_places;
  Gazetteer m_gazetteer;
  std::vector<Attribution> m_attributions;
  QRectF m_maliExtent;
};

PlaceClass classify(const Place& place);

} // namespace sv
