// The coordinate tools on the window's map: copying, going to, measuring.
#include "widgets/maptools.h"
#include "app/windowtest.h"

#include "geo/geodesy.h"
#include "geo/projection.h"

#include <QKeyEvent>

namespace sv {
namespace {

class MapToolsTest : public WindowTest {
protected:
  QPointF pixelOf(double lon, double lat) const {
    const Point2 p = window->session().projection().forward({lon, lat});
    return window->canvas()->mapSettings().toPixel(QPointF(p.x, p.y));
  }
};

} // namespace

TEST(MapToolsText, CoordinatesAreOfferedInTheThreeForms) {
  const QStringList texts = MapTools::coordinateTexts(QPointF(-6.1414, 14.8921));
  ASSERT_EQ(texts.size(), 3);
  EXPECT_EQ(texts[0], QString::fromUtf8("14.89210° N, 6.14140° W"));
  EXPECT_EQ(texts[1], QString::fromUtf8("14° 53′ 31.6″ N, 6° 08′ 29.0″ W"));
  EXPECT_EQ(texts[2], QStringLiteral("29PRS 07585 48364"));
}

TEST_F(MapToolsTest, GoToCentresTheMapOnATypedCoordinate) {
  MapTools* tools = window->mapTools();
  QString error;
  ASSERT_TRUE(tools->goTo(QStringLiteral("29PRS 07585 48364"), &error)) << error.toStdString();
  const MapCanvas* canvas = window->canvas();
  const QPointF centre = canvas->lonLatAt(QPointF(canvas->width() / 2.0, canvas->height() / 2.0));
  EXPECT_NEAR(centre.x(), -6.1414, 0.01);
  EXPECT_NEAR(centre.y(), 14.8921, 0.01);
  ASSERT_TRUE(tools->marker());
  EXPECT_LE(canvas->mapSettings().metresPerPixel(), 150.0);
  EXPECT_TRUE(tools->goTo(QString::fromUtf8("14° 53′ 31″ N 6° 08′ 29″ W"), &error)) << error.toStdString();
  EXPECT_FALSE(tools->goTo(QStringLiteral("the market of Dogofry"), &error));
  EXPECT_FALSE(error.isEmpty());
  EXPECT_FALSE(tools->goTo(QStringLiteral("95, 3"), &error));
  EXPECT_TRUE(error.contains(QStringLiteral("95"))) << error.toStdString();
}

TEST_F(MapToolsTest, ClicksMeasureADistanceAndThenAnAreaOnTheEllipsoid) {
  MapTools* tools = window->mapTools();
  MapCanvas* canvas = window->canvas();
  QSignalSpy changed(tools, &MapTools::measurementChanged);
  tools->startMeasuring(QPointF(-7.99, 12.65)); // Bamako
  EXPECT_TRUE(tools->isMeasuring());
  // A click on the map adds a point there, instead of opening a place.
  const QPointF segou = pixelOf(-6.27, 13.43);
  clickAt(canvas, segou);
  ASSERT_EQ(tools->measuredPoints().size(), 2u);
  const QPointF added = tools->measuredPoints()[1];
  EXPECT_NEAR(added.x(), -6.27, 0.05);
  EXPECT_NEAR(added.y(), 13.43, 0.05);
  const double metres = geodesicDistance({-7.99, 12.65}, {added.x(), added.y()});
  EXPECT_TRUE(tools->measurement().contains(QLocale().toString(metres / 1000.0, 'f', 1)))
      << tools->measurement().toStdString() << " vs " << metres;
  EXPECT_FALSE(tools->measurement().contains(QStringLiteral("Area")));
  clickAt(canvas, pixelOf(-6.14, 14.89)); // Farabougou
  EXPECT_TRUE(tools->measurement().contains(QStringLiteral("Area"))) << tools->measurement().toStdString();
  EXPECT_GE(changed.count(), 3);
  // Escape ends it; the last reading stays in the status bar.
  QKeyEvent escape(QEvent::KeyPress, Qt::Key_Escape, Qt::NoModifier);
  QCoreApplication::sendEvent(canvas, &escape);
  EXPECT_FALSE(tools->isMeasuring());
  EXPECT_TRUE(changed.last().at(0).toString().startsWith(QStringLiteral("Measured: Distance")));
  // Clicks select again.
  QSignalSpy places(canvas, &MapCanvas::placeClicked);
  clickAt(canvas, pixelOf(-6.27, 13.43));
  EXPECT_EQ(tools->measuredPoints().size(), 3u);
}

} // namespace sv
