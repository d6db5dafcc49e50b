// A composition page against its reference image: title block, map with
// scale bar and north arrow, legend, locator, attributions and footer.
#include "export/compositioncontent.h"

#include "render/referenceimage.h"
#include "render/testmap.h"

#include <gtest/gtest.h>

namespace sv {
namespace {

TEST(ReferenceImages, CompositionPage) {
  const MapContext context{
      Projection::webMercator(), test::bundledBaseMap(), test::referenceIncidents(), {}, {}, {}, {}};
  const EventStore& store = context.incidents->store();
  const MapSettings view = test::referenceView(QSize(360, 240));
  CompositionContent content = compositionFor(context, {store.firstDay(), store.lastDay()}, {}, view.visibleExtent(),
                                              QStringLiteral("Reference page"));
  content.footer = QStringLiteral("Reference footer"); // the real one carries today's date
  PageFormat page;
  page.pixels = QSize(640, 360);
  page.dpi = 96;
  EXPECT_TRUE(test::matchesReference(renderCompositionImage(page, content), "composition-page"));
}

} // namespace
} // namespace sv
