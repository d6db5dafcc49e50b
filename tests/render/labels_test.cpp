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
