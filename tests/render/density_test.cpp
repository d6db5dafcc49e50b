// The density view: incidents counted in hexagons when symbols would not fit.
#include "render/densitylayer.h"
#include "render/incidentlayer.h"
#include "render/layerimage.h"
#include "render/maprenderer.h"
#include "render/testmap.h"

#include <gtest/gtest.h>

#include <random>

namespace sv {
namespace {

std::vector<Incident> scattered(std::size_t count, const char* prefix, unsigned seed) {
  std::mt19937 random(seed);
  std::uniform_real_distribution<double> lon(-8.0, -4.0), lat(12.0, 15.0);
  std::uniform_int_distribution<int> day(0, 365);
  std::vector<Incident> incidents;
  for (std::size_t k = 0; k < count; ++k) {
    Incident incident;
    incident.id = prefix;
    incident.id.append(std::to_string(k)); // appended: GCC 12 warns falsely (-Wrestrict) on string +
    incident.start = incident.end = *parseIsoDate("2020-01-01") + day(random);
    incident.longitude = lon(random);
    incident.latitude = lat(random);
    incident.type = static_cast<EventType>(k % kEventTypeCount);
    incidents.push_back(std::move(incident));
  }
  return incidents;
}

using Drawn = test::RenderedIncidents;
using test::renderLayer;

} // namespace

TEST(Density, HexagonsCountWhatFallsInThemAndClassesAreFixed) {
  density::Binner binner(QSize(200, 100));
  for (int k = 0; k < 7; ++k) binner.add(QPointF(50.0 + k * 0.5, 40.0));
  binner.add(QPointF(150, 80));
  binner.add(QPointF(-500, 40)); // off the output: not counted
  const density::Bins bins = binner.bins();
  ASSERT_EQ(bins.cells.size(), 2u);
  EXPECT_EQ(bins.maxCount, 7u);
  EXPECT_EQ(bins.incidents, 8u);
  for (const auto& cell : bins.cells) {
    if (cell.count == 7) {
      EXPECT_LT(QLineF(cell.centre, QPointF(51.5, 40)).length(), density::kHexRadius);
    }
  }
  EXPECT_EQ(density::classOf(1), 0u);
  EXPECT_EQ(density::classOf(4), 1u);
  EXPECT_EQ(density::classOf(5), 2u);
  EXPECT_EQ(density::classOf(100000), 7u);
  EXPECT_EQ(density::classOf(999), 5u);
  EXPECT_EQ(density::classLabel(1), QStringLiteral("2–4"));
  EXPECT_EQ(density::classLabel(5), QStringLiteral("200–999"));
  EXPECT_EQ(density::classLabel(7), QStringLiteral("5000+"));
  EXPECT_EQ(density::classLabel(0), QStringLiteral("1"));
}

TEST(Density, ALargeDatasetIsDrawnAsDensityByDefaultAndCountedOnce) {
  auto data = test::incidentLayer(scattered(8000, "S", 1));
  const MapSettings settings = test::maliView({900, 700});
  IncidentView view = IncidentView::everything(data->store());
  const Drawn automatic = renderLayer(*data, view, settings);
  EXPECT_EQ(automatic.drawn.densityCount, 8000u);
  EXPECT_TRUE(automatic.drawn.clusters.empty());
  EXPECT_EQ(automatic.drawn.incidentCount, 8000u) << "counted once, whatever the drawing";
  EXPECT_GT(automatic.drawn.densityMax, 1u);

  view.datasetDrawing = {DatasetDrawing::Symbols};
  const Drawn symbols = renderLayer(*data, view, settings);
  EXPECT_EQ(symbols.drawn.densityCount, 0u);
  EXPECT_FALSE(symbols.drawn.clusters.empty());
  EXPECT_NE(symbols.image, automatic.image);

  // It follows the range: a month holds fewer.
  view.datasetDrawing = {DatasetDrawing::Density};
  view.to = view.from + 30;
  const Drawn month = renderLayer(*data, view, settings);
  EXPECT_GT(month.drawn.densityCount, 0u);
  EXPECT_LT(month.drawn.densityCount, 2000u);
  // And the filter: one type in six.
  view.to = data->store().lastDay();
  view.filter.types = IncidentFilter::typeBit(EventType::Battles);
  const Drawn battles = renderLayer(*data, view, settings);
  EXPECT_NEAR(static_cast<double>(battles.drawn.densityCount), 8000.0 / kEventTypeCount, 2.0);
}

TEST(Density, ASmallDatasetKeepsItsSymbolsUnlessDensityIsAsked) {
  const auto& data = test::bundledIncidents();
  const MapSettings settings = test::maliView({900, 700});
  IncidentView view = IncidentView::everything(data->store());
  const Drawn drawn = renderLayer(*data, view, settings);
  EXPECT_EQ(drawn.drawn.densityCount, 0u) << "a few dozen incidents fit as symbols";
  EXPECT_FALSE(drawn.drawn.clusters.empty());
  view.datasetDrawing = {DatasetDrawing::Density};
  const Drawn asked = renderLayer(*data, view, settings);
  EXPECT_GT(asked.drawn.densityCount, 0u) << "density when asked, whatever the size";
  EXPECT_TRUE(asked.drawn.clusters.empty());
}

TEST(Density, TheLegendGivesTheClassesShown) {
  auto data = test::incidentLayer(scattered(8000, "S", 3));
  const MapSettings settings = test::maliView({900, 700});
  const Drawn drawn = renderLayer(*data, IncidentView::everything(data->store()), settings);
  // The legend's box, bottom left above the scale bar: opaque white-ish pixels.
  int light = 0;
  for (int y = 460; y < 640; ++y)
    for (int x = 10; x < 60; ++x)
      if (drawn.image.pixelColor(x, y).alpha() > 200 && drawn.image.pixelColor(x, y).lightness() > 240) ++light;
  EXPECT_GT(light, 200);
}

} // namespace sv
