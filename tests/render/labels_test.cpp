#include "render/decorations.h"
#include "render/labellayout.h"
#include "render/labelplacer.h"
#include "render/testmap.h"

#include <gtest/gtest.h>

#include <random>
#include <set>

namespace sv {
namespace {

using test::maliView;

void expectNoOverlap(const std::vector<PlacedLabel>& labels) {
  for (std::size_t i = 0; i < labels.size(); ++i) {
    for (std::size_t j = i + 1; j < labels.size(); ++j) {
      ASSERT_FALSE(labels[i].rect.intersects(labels[j].rect))
          << labels[i].text.toStdString() << " overlaps " << labels[j].text.toStdString();
    }
  }
}

std::set<QString> labelTexts(const std::vector<PlacedLabel>& labels) {
  std::set<QString> texts;
  for (const auto& label : labels) texts.insert(label.text);
  return texts;
}

} // namespace

TEST(LabelPlacer, NeverOverlapsAndStaysInBounds) {
  const QRectF bounds(0, 0, 400, 300);
  LabelPlacer placer(bounds, 32);
  std::mt19937 random(7);
  std::uniform_real_distribution<double> x(0, 400), y(0, 300), w(20, 90);
  int placed = 0;
  for (int i = 0; i < 2000; ++i) {
    if (placer.placeAround({x(random), y(random)}, 3.0, {w(random), 12.0})) ++placed;
  }
  EXPECT_GT(placed, 20);
  const auto& rects = placer.occupied();
  for (std::size_t i = 0; i < rects.size(); ++i) {
    EXPECT_TRUE(bounds.contains(rects[i]) || rects[i].width() <= 6.0); // symbols may touch the edge
    for (std::size_t j = i + 1; j < rects.size(); ++j) ASSERT_FALSE(rects[i].intersects(rects[j]));
  }
}

TEST(LabelPlacer, PrefersTheRightAndFallsBackAround) {
  LabelPlacer placer(QRectF(0, 0, 200, 200));
  const auto first = placer.placeAround({100, 100}, 3, {40, 10});
  ASSERT_TRUE(first.has_value());
  EXPECT_GT(first->left(), 100.0); // to the right of its symbol
  // A second place just below cannot put its label right; it finds another spot.
  const auto second = placer.placeAround({100, 110}, 3, {40, 10});
  ASSERT_TRUE(second.has_value());
  EXPECT_FALSE(second->intersects(*first));
}

TEST(LabelLayout, NoTwoLabelsOverlapAtAnyZoom) {
  const auto& map = *test::bundledBaseMap();
  for (const QSize size : {QSize(1280, 800), QSize(1920, 1080), QSize(640, 480)}) {
    MapSettings s = maliView(size);
    for (int zoom = 0; zoom < 6; ++zoom) {
      const auto labels = layoutLabels(map, s);
      EXPECT_FALSE(labels.empty());
      expectNoOverlap(labels);
      const QRectF bounds(QPointF(0, 0), QSizeF(size));
      for (const auto& label : labels) {
        EXPECT_TRUE(bounds.contains(label.rect)) << label.text.toStdString();
        EXPECT_FALSE(label.rect.intersects(scaleBarArea(s))) << label.text.toStdString();
        EXPECT_FALSE(label.rect.intersects(northArrowArea(s))) << label.text.toStdString();
      }
      // Zoom towards Farabougou.
      s.zoomBy(2.0, s.toPixel(test::projectedPlace(map, "Farabougou").position));
    }
  }
}

TEST(LabelLayout, WholeMaliViewNamesTheRegionsAndThePlacesOfTheSituation) {
  const auto& map = *test::bundledBaseMap();
  for (const QSize size : {QSize(1280, 800), QSize(1920, 1080)}) {
    const auto texts = labelTexts(layoutLabels(map, maliView(size)));
    for (const char* name :
         {"Bamako", "Kayes", "Ségou", "Mopti", "Sikasso", "Gao", "Kidal", "Farabougou", "Loulouni"}) {
      EXPECT_TRUE(texts.count(QString::fromUtf8(name))) << name << " at " << size.width() << "x" << size.height();
    }
    int regions = 0;
    for (const auto& label : layoutLabels(map, maliView(size))) regions += label.kind == PlacedLabel::Kind::Region;
    EXPECT_GE(regions, 7);
  }
}

TEST(LabelLayout, MorePlacesAppearAsTheViewZoomsIn) {
  const auto& map = *test::bundledBaseMap();
  MapSettings s = maliView({1280, 800});
  const QPointF niono = s.toPixel(test::projectedPlace(map, "Niono").position);
  const auto wide = layoutLabels(map, s);
  s.zoomBy(16.0, niono);
  const auto close = layoutLabels(map, s);
  // At the close view, small places around Niono get names that the wide view had no room for.
  const auto wideTexts = labelTexts(wide);
  int added = 0;
  for (const auto& text : labelTexts(close)) added += !wideTexts.count(text);
  EXPECT_GT(added, 10);
}

} // namespace sv

namespace sv {

// No incident symbol or count badge covers the name of a town the sources
// are about, at the window's first view and at three closer ones, with every
// incident shown.
TEST(Labels, SymbolsAndBadgesNeverCoverTheNamesOfSituationTowns) {
  const auto& incidents = test::bundledIncidents();
  const EventStore& store = incidents->store();
  const Gazetteer& gazetteer = test::bundledBaseMap()->gazetteer();
  MapSettings settings = test::maliView({1000, 650});
  const Point2 centre = test::displayProjection().forward({-5.5, 14.0}); // between Ségou and Mopti
  std::size_t checked = 0, moved = 0;
  for (int zoom = 0; zoom < 4; ++zoom) {
    SCOPED_TRACE("zoom step " + std::to_string(zoom));
    if (zoom > 0) settings.zoomBy(2.0, settings.toPixel(QPointF(centre.x, centre.y)));
    RenderRequest request = test::requestFor(settings);
    request.incidents = incidents;
    request.incidentView = IncidentView::everything(store);
    const RenderedMap rendered = renderMap(request);
    ASSERT_TRUE(rendered.isComplete && rendered.drawnIncidents);
    for (const PlacedLabel& label : layoutLabels(*test::bundledBaseMap(), settings)) {
      if (label.kind != PlacedLabel::Kind::Place) continue;
      const Place& place = gazetteer.place(label.gazetteerIndex);
      if (store.atPlace(place.geonameId).empty()) continue; // not a situation town
      ++checked;
      for (const DrawnCluster& cluster : rendered.drawnIncidents->clusters)
        EXPECT_FALSE(clusterBox(cluster).intersects(label.rect))
            << label.text.toStdString() << " is covered by the symbol of " << store.id(cluster.top);
    }
    for (const DrawnCluster& cluster : rendered.drawnIncidents->clusters) moved += cluster.isOffset() ? 1 : 0;
  }
  EXPECT_GT(checked, 10u);
  EXPECT_GT(moved, 0u) << "Farabougou's stack sits on its own name unless moved";
}

// At district scales villages are thinned: the names kept stay apart.
TEST(Labels, VillagesAreThinnedAtDistrictScales) {
  MapSettings settings = test::maliView({1000, 650});
  const Point2 niono = test::displayProjection().forward({-5.99, 14.25});
  settings.setCenter(QPointF(niono.x, niono.y));
  settings.setMetresPerPixel(300.0); // a 40 km scale bar
  std::vector<QPointF> villages;
  for (const PlacedLabel& label : layoutLabels(*test::bundledBaseMap(), settings))
    if (label.kind == PlacedLabel::Kind::Place && label.placeClass == PlaceClass::Village)
      villages.push_back(label.anchor);
  ASSERT_GT(villages.size(), 3u);
  for (std::size_t a = 0; a < villages.size(); ++a)
    for (std::size_t b = a + 1; b < villages.size(); ++b) EXPECT_GE(QLineF(villages[a], villages[b]).length(), 60.0);
  // Zoomed in, the spacing is gone and more villages are named.
  settings.setMetresPerPixel(90.0);
  std::size_t closer = 0;
  for (const PlacedLabel& label : layoutLabels(*test::bundledBaseMap(), settings))
    closer += label.kind == PlacedLabel::Kind::Place && label.placeClass == PlaceClass::Village;
  EXPECT_GT(closer, villages.size());
}

} // namespace sv
