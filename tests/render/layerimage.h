#pragma once

// The incident layer alone, for the tests that look at its pixels and at
// what it reports drawing.
#include "render/incidentlayer.h"
#include "render/maprenderer.h"

#include <QImage>
#include <QPainter>

#include <gtest/gtest.h>

namespace sv::test {

struct RenderedIncidents {
  QImage image;
  DrawnIncidents drawn;
};

// The layer on a transparent image of the view's size.
inline RenderedIncidents renderLayer(const IncidentLayerData& data, const IncidentView& view,
                                     const MapSettings& settings) {
  RenderedIncidents result;
  result.image = createLayerImage(settings);
  QPainter painter(&result.image);
  EXPECT_TRUE(renderIncidentLayer(painter, data, view, settings, {}, result.drawn));
  return result;
}

} // namespace sv::test
