#include "render/incidentlayer.h"
#include "render/incidentstyle.h"
#include "render/layerimage.h"
#include "render/maprenderer.h"
#include "render/testmap.h"

#include <gtest/gtest.h>

#include <cmath>

namespace sv {
namespace {

int colourDistance(QColor a, QColor b) {
  return std::abs(a.red() - b.red()) + std::abs(a.green() - b.green()) + std::abs(a.blue() - b.blue());
}

QPointF pixelOf(const IncidentLayerData& data, EventStore::Index i, const MapSettings& settings) {
  return settings.toPixel(data.position(i));
}

using Rendered = test::RenderedIncidents;
using test::renderLayer;

} // namespace

TEST(IncidentLayer, DrawsEachIncidentInItsTypesColourAtItsPlace) {
  auto data = test::incidentLayer(
      {test::incidentAt("kayes", "Kayes", "2025-07-01", EventType::Battles),
       test::incidentAt("moura", "Moura", "2022-03-27", EventType::ViolenceAgainstCivilians, Fatalities::atLeast(300)),
       test::incidentAt("sikasso", "Sikasso", "2025-11-10", EventType::StrategicDevelopments)});
  const MapSettings settings = test::maliView({1200, 900});
  const Rendered r = renderLayer(*data, IncidentView::everything(data->store()), settings);
  ASSERT_EQ(r.drawn.clusters.size(), 3u);
  EXPECT_EQ(r.drawn.incidentCount, 3u);
  for (EventStore::Index i = 0; i < data->store().size(); ++i) {
    const QPointF p = pixelOf(*data, i, settings);
    const QColor drawn = r.image.pixelColor(p.toPoint());
    EXPECT_LT(colourDistance(drawn, incidentstyle::typeColour(data->store().type(i))), 30)
        << data->store().id(i) << " " << drawn.name().toStdString();
  }
  // Away from any incident the layer is transparent, so the base map shows through.
  EXPECT_EQ(r.image.pixelColor(5, 5).alpha(), 0);
  EXPECT_EQ(r.drawn.typesShown, IncidentFilter::typeBit(EventType::Battles) |
                                    IncidentFilter::typeBit(EventType::ViolenceAgainstCivilians) |
                                    IncidentFilter::typeBit(EventType::StrategicDevelopments));
}

TEST(IncidentLayer, DrawsADatasetInItsSingleColourKeepingTheShapes) {
  auto bundled = EventStore::build({test::incidentAt("kayes", "Kayes", "2025-07-01", EventType::Battles)});
  auto imported = EventStore::build({test::incidentAt("sikasso", "Sikasso", "2025-11-10", EventType::Battles),
                                     test::incidentAt("moura", "Moura", "2022-03-27", EventType::Protests)});
  auto data = IncidentLayerData::build(EventStore::combine({bundled, imported}), test::displayProjection());
  const EventStore& store = data->store();
  const MapSettings settings = test::maliView({1200, 900});
  const QColor single(0xb2, 0x18, 0x2b);
  IncidentView view = IncidentView::everything(store);
  view.datasetColours = {QColor(), single};
  const Rendered r = renderLayer(*data, view, settings);
  ASSERT_EQ(r.drawn.clusters.size(), 3u);
  for (EventStore::Index i = 0; i < store.size(); ++i) {
    const QColor expected = store.dataset(i) == 1 ? single : incidentstyle::typeColour(store.type(i));
    const QColor drawn = r.image.pixelColor(pixelOf(*data, i, settings).toPoint());
    EXPECT_LT(colourDistance(drawn, expected), 30) << store.id(i) << " " << drawn.name().toStdString();
  }
  // Hidden through the filter, a dataset draws nothing.
  view.filter.datasets = IncidentFilter::datasetBit(0);
  const Rendered hidden = renderLayer(*data, view, settings);
  EXPECT_EQ(hidden.drawn.incidentCount, 1u);
  EXPECT_EQ(hidden.image.pixelColor(pixelOf(*data, *store.find("sikasso"), settings).toPoint()).alpha(), 0);
}

TEST(IncidentLayer, IncidentsAtOnePlaceStackUnderACountBadge) {
  std::vector<Incident> incidents;
  for (int k = 0; k < 5; ++k) {
    std::string id = "f";
    id += std::to_string(k);
    incidents.push_back(test::incidentAt(id.c_str(), "Farabougou", "2020-10-09",
                                         k % 2 ? EventType::Battles : EventType::ViolenceAgainstCivilians,
                                         Fatalities::exactly(k)));
  }
  auto data = test::incidentLayer(std::move(incidents));
  const MapSettings settings = test::maliView({1200, 900});
  const Rendered r = renderLayer(*data, IncidentView::everything(data->store()), settings);
  ASSERT_EQ(r.drawn.clusters.size(), 1u);
  const DrawnCluster& stack = r.drawn.clusters[0];
  EXPECT_EQ(stack.count, 5u);
  EXPECT_EQ(r.drawn.membersOf(stack).size(), 5u);
  EXPECT_EQ(data->store().id(stack.top), "f4"); // the most fatalities on top
  // The badge is dark with a white figure; find dark pixels inside its rectangle.
  const QRectF badge = incidentstyle::countBadgeRect(stack.pixel, stack.radius + 6.0, 5);
  int dark = 0;
  for (int y = static_cast<int>(badge.top()) + 2; y < badge.bottom() - 2; ++y)
    for (int x = static_cast<int>(badge.left()) + 2; x < badge.right() - 2; ++x)
      if (r.image.pixelColor(x, y).alpha() > 200 && r.image.pixelColor(x, y).lightness() < 60) ++dark;
  EXPECT_GT(dark, 20);
  // Hovering the stack finds it, and every incident of the stack is listed.
  ASSERT_NE(r.drawn.clusterAt(stack.pixel + QPointF(2, 1)), nullptr);
  EXPECT_EQ(r.drawn.clusterAt(stack.pixel + QPointF(200, 0)), nullptr);
}

TEST(IncidentLayer, ApproximatePlacesAreHollow) {
  Incident exact = test::incidentAt("exact", "Kayes", "2025-07-01", EventType::Battles, Fatalities::exactly(60));
  Incident near = test::incidentAt("near", "Sikasso", "2025-07-01", EventType::Battles, Fatalities::exactly(60));
  near.locationPrecision = LocationPrecision::Near;
  auto data = test::incidentLayer({exact, near});
  const MapSettings settings = test::maliView({1200, 900});
  const Rendered r = renderLayer(*data, IncidentView::everything(data->store()), settings);
  const EventStore& store = data->store();
  for (EventStore::Index i = 0; i < store.size(); ++i) {
    const QColor centre = r.image.pixelColor(pixelOf(*data, i, settings).toPoint());
    if (store.locationPrecision(i) == LocationPrecision::Exact)
      EXPECT_LT(colourDistance(centre, incidentstyle::typeColour(EventType::Battles)), 30);
    else
      EXPECT_GT(centre.lightness(), 230) << centre.name().toStdString();
  }
}

TEST(IncidentLayer, SymbolSizesStayFixedWhateverTheRangeShown) {
  auto data = test::incidentLayer(
      {test::incidentAt("big", "Moura", "2022-03-27", EventType::ViolenceAgainstCivilians, Fatalities::atLeast(300)),
       test::incidentAt("mid", "Kayes", "2025-07-01", EventType::Battles, Fatalities::exactly(30))});
  const MapSettings settings = test::maliView({1200, 900});
  const Rendered all = renderLayer(*data, IncidentView::everything(data->store()), settings);
  IncidentView only2025{*parseIsoDate("2025-01-01"), *parseIsoDate("2025-12-31"), {}};
  const Rendered later = renderLayer(*data, only2025, settings);
  ASSERT_EQ(later.drawn.clusters.size(), 1u);
  double midRadius = 0;
  for (const DrawnCluster& c : all.drawn.clusters)
    if (data->store().id(c.top) == "mid") midRadius = c.radius;
  EXPECT_DOUBLE_EQ(later.drawn.clusters[0].radius, midRadius);
  // Area in proportion to fatalities above the minimum symbol.
  const incidentstyle::SizeScale& scale = data->sizeScale();
  const double minArea = std::pow(incidentstyle::SizeScale::kMinRadius, 2);
  EXPECT_NEAR((std::pow(scale.radius(300), 2) - minArea) / (std::pow(scale.radius(30), 2) - minArea), 10.0, 1e-9);
}

TEST(IncidentLayer, OnlyTheIncidentLayerIsRenderedAgainWhenTheRangeChanges) {
  const auto& incidents = test::bundledIncidents();
  RenderRequest request = test::requestFor(test::maliView({900, 700}));
  request.incidents = incidents;
  request.incidentView = IncidentView::everything(incidents->store());
  const RenderedMap first = renderMap(request);
  ASSERT_TRUE(first.isComplete);
  ASSERT_TRUE(first.drawnIncidents);
  // Every incident is counted once: drawn if placed, apart if placed only by
  // region or country; an aggregate is counted through its parts.
  const EventStore& store = incidents->store();
  std::size_t placed = 0, unplaced = 0;
  for (EventStore::Index i = 0; i < store.size(); ++i) {
    if (store.isAggregate(i)) continue;
    ++(store.isPlaced(i) ? placed : unplaced);
  }
  EXPECT_GT(unplaced, 0u);
  EXPECT_EQ(first.drawnIncidents->incidentCount, placed);
  EXPECT_EQ(first.drawnIncidents->unplacedCount, unplaced);

  // The siege of Farabougou only.
  request.incidentView.from = request.incidentView.to = *parseIsoDate("2020-10-15");
  const RenderedMap second = renderMap(request, first, {});
  ASSERT_TRUE(second.isComplete);
  EXPECT_EQ(second.baseLayer.cacheKey(), first.baseLayer.cacheKey()); // the same image, not a copy
  EXPECT_NE(second.incidentLayer.cacheKey(), first.incidentLayer.cacheKey());
  EXPECT_LT(second.drawnIncidents->incidentCount, first.drawnIncidents->incidentCount);
  EXPECT_GT(second.drawnIncidents->incidentCount, 0u);

  // Nothing changed: everything is reused.
  const RenderedMap third = renderMap(request, second, {});
  EXPECT_EQ(third.incidentLayer.cacheKey(), second.incidentLayer.cacheKey());
}

TEST(IncidentLayer, FiltersDecideWhatIsDrawn) {
  const auto& incidents = test::bundledIncidents();
  const MapSettings settings = test::maliView({900, 700});
  IncidentView view = IncidentView::everything(incidents->store());
  view.filter.types = IncidentFilter::typeBit(EventType::Protests);
  const Rendered r = renderLayer(*incidents, view, settings);
  EXPECT_EQ(r.drawn.typesShown, IncidentFilter::typeBit(EventType::Protests));
  ASSERT_EQ(r.drawn.incidentCount, 1u); // Dogofry, October 2020
  EXPECT_EQ(incidents->store().place(r.drawn.clusters[0].top), "Dogofry");
}

} // namespace sv

namespace sv {

// A corridor is a band with a dashed line, an area a hatched outline; both are
// hit where they are drawn, and counted like any incident.
TEST(IncidentLayer, CorridorsAndAreasAreDrawnHitAndCounted) {
  Incident road = test::incidentAt("road", "Kayes", "2025-09-10", EventType::StrategicDevelopments);
  road.shape = PlaceShape::Line;
  road.locationPrecision = LocationPrecision::Route;
  road.shapeParts = {{{-11.43, 14.45}, {-8.0, 12.65}}};
  placeAtRepresentativePoint(road);
  Incident zone = test::incidentAt("zone", "Kayes", "2025-09-10", EventType::Battles);
  zone.shape = PlaceShape::Area;
  zone.locationPrecision = LocationPrecision::Near;
  appendPolygon(zone.shapeParts, {{{-4.0, 15.0}, {-2.0, 15.0}, {-2.0, 17.0}, {-4.0, 17.0}, {-4.0, 15.0}}});
  placeAtRepresentativePoint(zone);
  Incident nowhere = test::incidentAt("nowhere", "Kayes", "2025-09-10", EventType::Battles);
  nowhere.shape = PlaceShape::Unplaced;
  nowhere.locationPrecision = LocationPrecision::Country;
  nowhere.geonameId.reset();
  nowhere.longitude = nowhere.latitude = 0.0;
  auto data = test::incidentLayer({road, zone, nowhere});
  const MapSettings settings = test::maliView({900, 700});
  const Rendered r = renderLayer(*data, IncidentView::everything(data->store()), settings);
  const auto pixelAt = [&](double lon, double lat) {
    const Point2 p = test::displayProjection().forward({lon, lat});
    return settings.toPixel(QPointF(p.x, p.y));
  };

  EXPECT_EQ(r.drawn.incidentCount, 2u);
  EXPECT_EQ(r.drawn.unplacedCount, 1u);
  ASSERT_EQ(r.drawn.shapes.size(), 2u);
  EXPECT_TRUE(r.drawn.shapes[0].isArea) << "areas are drawn first, under lines";

  // A quarter of the way along the road: away from its symbol at the middle.
  const QPointF quarter = pixelAt(-11.43 + (-8.0 + 11.43) / 4, 14.45 - 1.8 / 4);
  const DrawnShape* hit = r.drawn.shapeAt(quarter);
  ASSERT_TRUE(hit);
  EXPECT_EQ(data->store().id(hit->incident), "road");
  EXPECT_GT(qAlpha(r.image.pixel(quarter.toPoint())), 0) << "the band is drawn";
  EXPECT_FALSE(r.drawn.shapeAt(quarter + QPointF(0, 40))) << "40 px off the road";

  // The area's outline is hit; a click inside it is not taken from the map.
  const QPointF west = pixelAt(-4.0, 16.0);
  hit = r.drawn.shapeAt(west);
  ASSERT_TRUE(hit);
  EXPECT_EQ(data->store().id(hit->incident), "zone");
  EXPECT_FALSE(r.drawn.shapeAt(pixelAt(-3.5, 15.5)));
  // Hatched: inside the outline some pixels are drawn and some are not.
  const QRectF inside = QRectF(pixelAt(-3.8, 16.8), pixelAt(-2.2, 15.2)).normalized();
  int drawn = 0, clear = 0;
  for (int y = int(inside.top()); y < int(inside.bottom()); ++y)
    for (int x = int(inside.left()); x < int(inside.right()); ++x) {
      if (QLineF(QPointF(x, y), settings.toPixel(data->position(1))).length() < 14) continue; // its symbol
      ++(qAlpha(r.image.pixel(x, y)) > 0 ? drawn : clear);
    }
  EXPECT_GT(drawn, 20);
  EXPECT_GT(clear, drawn) << "a hatch, not a fill";
}

} // namespace sv
