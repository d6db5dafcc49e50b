// Render tests against small reference images (tests/data/reference), so
// that a change to drawing shows as a difference to review, not only as a
// probe that still passes.
#include "render/referenceimage.h"
#include "render/testmap.h"

#include "render/maprenderer.h"

#include <QPainter>

#include <gtest/gtest.h>

namespace sv {
namespace {

TEST(ReferenceImages, IncidentLayer) {
  const MapSettings view = test::referenceView(QSize(360, 240));
  RenderRequest request = test::requestFor(view);
  request.incidents = test::referenceIncidents();
  request.incidentView = IncidentView::everything(request.incidents->store());
  const RenderedMap rendered = renderMap(request);
  ASSERT_TRUE(rendered.isComplete);
  // The incident layer alone, on white: symbols, sizes, hollow and dashed variants, the stack's badge.
  QImage image(rendered.incidentLayer.size(), QImage::Format_ARGB32);
  image.fill(Qt::white);
  QPainter painter(&image);
  painter.drawImage(0, 0, rendered.incidentLayer);
  painter.end();
  EXPECT_TRUE(test::matchesReference(image, "incident-layer"));
}

} // namespace
} // namespace sv
