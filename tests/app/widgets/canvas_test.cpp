#include "app/appdata.h"
#include "render/mapstyle.h"
#include "render/testmap.h"
#include "widgets/incidenttext.h"
#include "widgets/mapcanvas.h"

#include <QSignalSpy>
#include <QTest>

#include <gtest/gtest.h>

namespace sv {
namespace {

class CanvasTest : public ::testing::Test {
protected:
  void SetUp() override {
    canvas = std::make_unique<MapCanvas>(test::bundledBaseMap(), test::displayProjection());
    canvas->resize(800, 600);
    canvas->show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(canvas.get()));
    waitForRender();
  }

  void waitForRender() {
    QSignalSpy finished(canvas.get(), &MapCanvas::renderFinished);
    if (canvas->isRenderPending()) {
      ASSERT_TRUE(finished.wait(20000));
    }
    ASSERT_FALSE(canvas->isRenderPending());
  }

  void sendMouse(QEvent::Type type, QPointF position, Qt::MouseButton button, Qt::MouseButtons buttons) {
    QMouseEvent event(type, position, canvas->mapToGlobal(position), button, buttons, Qt::NoModifier);
    QCoreApplication::sendEvent(canvas.get(), &event);
  }

  std::unique_ptr<MapCanvas> canvas;
};

} // namespace

TEST_F(CanvasTest, StartsOnMaliAndShowsARenderedImage) {
  const MapSettings& s = canvas->mapSettings();
  EXPECT_TRUE(s.visibleExtent().contains(test::bundledBaseMap()->maliExtent()));
  const RenderedMap& rendered = canvas->renderedMap();
  ASSERT_TRUE(rendered.isComplete);
  EXPECT_EQ(rendered.settings, s);
  const QPointF farabougou = s.toPixel(test::projectedPlace(*test::bundledBaseMap(), "Farabougou").position);
  const QImage shown = canvas->grab().toImage();
  const QColor colour = shown.pixelColor(farabougou.toPoint());
  EXPECT_LT(colour.lightness(), 90) << colour.name().toStdString();
}

TEST_F(CanvasTest, DragPansTheMapWithThePointer) {
  const MapSettings before = canvas->mapSettings();
  const QPointF start(400, 300);
  const QPointF grabbed = before.toMap(start);
  sendMouse(QEvent::MouseButtonPress, start, Qt::LeftButton, Qt::LeftButton);
  sendMouse(QEvent::MouseMove, start + QPointF(40, 10), Qt::NoButton, Qt::LeftButton);
  sendMouse(QEvent::MouseMove, start + QPointF(100, 50), Qt::NoButton, Qt::LeftButton);
  sendMouse(QEvent::MouseButtonRelease, start + QPointF(100, 50), Qt::LeftButton, Qt::NoButton);
  const QPointF now = canvas->mapSettings().toPixel(grabbed);
  EXPECT_NEAR(now.x(), 500.0, 1e-6);
  EXPECT_NEAR(now.y(), 350.0, 1e-6);
  EXPECT_DOUBLE_EQ(canvas->mapSettings().metresPerPixel(), before.metresPerPixel());
  waitForRender();
  EXPECT_EQ(canvas->renderedMap().settings, canvas->mapSettings());
}

TEST_F(CanvasTest, WheelZoomKeepsThePointUnderTheCursor) {
  const MapSettings before = canvas->mapSettings();
  const QPointF cursor(620, 180);
  const QPointF under = before.toMap(cursor);
  QWheelEvent wheel(cursor, canvas->mapToGlobal(cursor), QPoint(), QPoint(0, 240), Qt::NoButton, Qt::NoModifier,
                    Qt::NoScrollPhase, false);
  QCoreApplication::sendEvent(canvas.get(), &wheel);
  const MapSettings& after = canvas->mapSettings();
  EXPECT_NEAR(after.metresPerPixel(), before.metresPerPixel() / (1.25 * 1.25), 1e-6);
  EXPECT_NEAR(after.toPixel(under).x(), cursor.x(), 1e-6);
  EXPECT_NEAR(after.toPixel(under).y(), cursor.y(), 1e-6);
}

TEST_F(CanvasTest, KeyboardZoomsAndPans) {
  const MapSettings before = canvas->mapSettings();
  QTest::keyClick(canvas.get(), Qt::Key_Plus);
  EXPECT_DOUBLE_EQ(canvas->mapSettings().metresPerPixel(), before.metresPerPixel() / 2);
  QTest::keyClick(canvas.get(), Qt::Key_Minus);
  EXPECT_DOUBLE_EQ(canvas->mapSettings().metresPerPixel(), before.metresPerPixel());
  const QPointF centre = canvas->mapSettings().center();
  QTest::keyClick(canvas.get(), Qt::Key_Right);
  EXPECT_GT(canvas->mapSettings().center().x(), centre.x()); // the view moves east
  QTest::keyClick(canvas.get(), Qt::Key_Up);
  EXPECT_GT(canvas->mapSettings().center().y(), centre.y()); // and north
}

TEST_F(CanvasTest, DoubleClickZoomsInAtThePointer) {
  const MapSettings before = canvas->mapSettings();
  const QPointF at(300, 400);
  const QPointF under = before.toMap(at);
  sendMouse(QEvent::MouseButtonDblClick, at, Qt::LeftButton, Qt::LeftButton);
  EXPECT_DOUBLE_EQ(canvas->mapSettings().metresPerPixel(), before.metresPerPixel() / 2);
  EXPECT_NEAR(canvas->mapSettings().toPixel(under).x(), at.x(), 1e-6);
}

TEST_F(CanvasTest, ZoomToMaliRestoresTheWholeCountry) {
  const MapSettings start = canvas->mapSettings();
  canvas->zoomAt(8.0, QPointF(100, 100));
  canvas->panByPixels(QPointF(200, 200));
  canvas->zoomToMali();
  EXPECT_EQ(canvas->mapSettings(), start);
}

TEST_F(CanvasTest, RapidChangesEndOnTheNewestViewOnly) {
  QSignalSpy views(canvas.get(), &MapCanvas::viewChanged);
  for (int i = 0; i < 20; ++i) canvas->panByPixels(QPointF(5, 3));
  EXPECT_EQ(views.count(), 20);
  waitForRender();
  EXPECT_EQ(canvas->renderedMap().settings, canvas->mapSettings());
}

TEST_F(CanvasTest, ReportsTheCursorLongitudeAndLatitude) {
  QSignalSpy moved(canvas.get(), &MapCanvas::cursorMoved);
  const auto& map = *test::bundledBaseMap();
  const ProjectedPlace& kayes = test::projectedPlace(map, "Kayes");
  const QPointF at = canvas->mapSettings().toPixel(kayes.position);
  sendMouse(QEvent::MouseMove, at, Qt::NoButton, Qt::NoButton);
  ASSERT_EQ(moved.count(), 1);
  const QPointF lonLat = moved.first().first().toPointF();
  const Place& place = map.gazetteer().place(kayes.gazetteerIndex);
  EXPECT_NEAR(lonLat.x(), place.longitude, 1e-6);
  EXPECT_NEAR(lonLat.y(), place.latitude, 1e-6);
}

} // namespace sv

namespace sv {

// On the fixture dataset (tests/data/ui/situation-fixture.geojson).
TEST_F(CanvasTest, ShowsIncidentsAndExplainsThemOnHover) {
  const auto& incidents = test::fixtureContext().incidents;
  canvas->setIncidents(incidents);
  canvas->setIncidentView(IncidentView::everything(incidents->store()));
  waitForRender();
  const DrawnIncidents* drawn = canvas->drawnIncidents();
  ASSERT_NE(drawn, nullptr);
  EXPECT_EQ(drawn->incidentCount, 25u);
  const QPointF farabougou =
      canvas->mapSettings().toPixel(test::projectedPlace(*test::bundledBaseMap(), "Farabougou").position);
  const DrawnCluster* stack = drawn->clusterAt(farabougou);
  ASSERT_NE(stack, nullptr);
  // At this zoom Farabougou's 8 incidents share a stack with Dogofri's 2,
  // 16 km away; the battle with the most fatalities is on top.
  QStringList members;
  for (EventStore::Index i : drawn->membersOf(*stack))
    members << QString::fromUtf8(incidents->store().id(i).data(),
                                 static_cast<qsizetype>(incidents->store().id(i).size()));
  EXPECT_EQ(members, test::idList({"FIX-0002", "FIX-0003", "FIX-0004", "FIX-0005", "FIX-0006", "FIX-0008", "FIX-0009",
                                   "FIX-0011", "FIX-0012", "FIX-0022"}));
  EXPECT_EQ(stack->count, 10u);
  EXPECT_EQ(incidents->store().id(stack->top), "FIX-0004");
  // The first five, in date order, then how many more.
  const QString tooltip = incidentTooltipHtml(incidents->store(), drawn->membersOf(*stack));
  EXPECT_TRUE(tooltip.startsWith(
      QStringLiteral("<qt><b>10 incidents</b><hr><b>~1\u201310 Oct 2020</b> \u00B7 Violence against "
                     "civilians / Attack<br>Farabougou (near) \u00B7 fatalities: reported, no figure<br>")))
      << tooltip.toStdString();
  EXPECT_TRUE(tooltip.contains(QStringLiteral(
      "<b>6\u201322 Oct 2020</b> \u00B7 Battles / Armed clash<br>Farabougou \u00B7 fatalities: \u226520")))
      << tooltip.toStdString();
  EXPECT_TRUE(tooltip.contains(QStringLiteral("<i>Fixture battle at Farabougou, lasting seventeen days.</i>")));
  EXPECT_TRUE(tooltip.contains(QStringLiteral(
      "<b>12 Oct 2020</b> \u00B7 Protests / Peaceful protest<br>Dogofry \u00B7 fatalities: not reported")));
  EXPECT_FALSE(tooltip.contains(QStringLiteral("19 Oct 2020"))) << "the sixth is not listed";
  EXPECT_TRUE(tooltip.endsWith(QStringLiteral("<br>\u2026 and 5 more</qt>"))) << tooltip.toStdString();
}

TEST_F(CanvasTest, ChangingTheIncidentRangeReusesTheBaseMap) {
  const auto& incidents = test::fixtureContext().incidents;
  canvas->setIncidents(incidents);
  canvas->setIncidentView(IncidentView::everything(incidents->store()));
  waitForRender();
  const qint64 baseKey = canvas->renderedMap().baseLayer.cacheKey();
  EXPECT_EQ(canvas->drawnIncidents()->incidentCount, 25u);
  IncidentView oneDay = canvas->incidentView();
  oneDay.from = oneDay.to = *parseIsoDate("2020-10-15");
  canvas->setIncidentView(oneDay);
  EXPECT_TRUE(canvas->isRenderPending());
  waitForRender();
  EXPECT_EQ(canvas->renderedMap().baseLayer.cacheKey(), baseKey);
  // The battle of 6-22 Oct 2020 at Farabougou and the bomb at Sokolo that day.
  EXPECT_EQ(canvas->drawnIncidents()->incidentCount, 2u);
  EXPECT_EQ(canvas->renderedMap().incidentView, oneDay);
}

} // namespace sv
