// A composition page against its reference image: title block, map with
// scale bar and north arrow, legend, locator, attributions and footer.
#include "export/compositioncontent.h"
#include "export/compositionwriter.h"

#include "render/referenceimage.h"
#include "render/testmap.h"

#include <QFile>
#include <QTemporaryDir>

#include <gtest/gtest.h>

namespace sv {
namespace {

// The reference page: six types drawn, room for five legend rows.
CompositionContent referencePage() {
  static const MapContext context{
      Projection::webMercator(), test::bundledBaseMap(), test::referenceIncidents(), {}, {}, {}, {}};
  const EventStore& store = context.incidents->store();
  const MapSettings view = test::referenceView(QSize(360, 240));
  CompositionContent content = compositionFor(context, {store.firstDay(), store.lastDay()}, {}, view.visibleExtent(),
                                              QStringLiteral("Reference page"));
  content.footer = QStringLiteral("Reference footer"); // the real one carries today's date
  return content;
}

PageFormat pageOf(QSize pixels) {
  PageFormat page;
  page.pixels = pixels;
  page.dpi = 96;
  return page;
}

QString svgOf(const PageFormat& format) {
  QTemporaryDir dir;
  const QString path = dir.filePath(QStringLiteral("page.svg"));
  QString error;
  EXPECT_TRUE(writeComposition(path, OutputKind::Svg, format, referencePage(), &error)) << error.toStdString();
  QFile file(path);
  EXPECT_TRUE(file.open(QIODevice::ReadOnly));
  return QString::fromUtf8(file.readAll());
}

TEST(ReferenceImages, CompositionPage) {
  EXPECT_TRUE(
      test::matchesReference(renderCompositionImage(pageOf(QSize(640, 360)), referencePage()), "composition-page"));
}

// A legend with more rows than its room says how many it leaves out.
TEST(Composition, ASmallPageSaysHowManyLegendRowsItLeavesOut) {
  const QString small = svgOf(pageOf(QSize(640, 360)));
  EXPECT_TRUE(small.contains(QStringLiteral("Riots (1)")));
  EXPECT_TRUE(small.contains(QStringLiteral("and 2 more")));
  EXPECT_FALSE(small.contains(QStringLiteral("Protests (1)")));
  // A slide lists all six.
  const QString slide = svgOf(pageOf(QSize(1920, 1080)));
  EXPECT_TRUE(slide.contains(QStringLiteral("Protests (1)")));
  EXPECT_TRUE(slide.contains(QStringLiteral("Strategic developments (1)")));
  EXPECT_FALSE(slide.contains(QStringLiteral(" more<"))) << "nothing left out";
}

} // namespace
} // namespace sv
