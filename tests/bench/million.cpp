#include "bench/million.h"

#include "bench/synthetic.h"
#include "render/maprenderer.h"
#include "render/testmap.h"

#include <QPainter>

namespace sv::test {

const std::shared_ptr<const EventStore>& millionStore() {
  static const std::shared_ptr<const EventStore> store = [] {
    SyntheticOptions options;
    options.count = kMillion;
    return EventStore::build(generateSyntheticIncidents(options));
  }();
  return store;
}

const std::shared_ptr<const IncidentLayerData>& millionLayer() {
  static const auto layer = IncidentLayerData::build(millionStore(), displayProjection());
  return layer;
}

void benchmarkIncidentLayer(benchmark::State& state, const IncidentLayerData& layer, const IncidentView& view,
                            const MapSettings& settings) {
  std::size_t shown = 0;
  for (auto _ : state) {
    QImage image = createLayerImage(settings);
    QPainter painter(&image);
    DrawnIncidents drawn;
    renderIncidentLayer(painter, layer, view, settings, {}, drawn);
    shown = drawn.incidentCount;
    benchmark::DoNotOptimize(image.constBits());
  }
  state.counters["incidents"] = static_cast<double>(shown);
}

} // namespace sv::test
