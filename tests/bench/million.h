#pragma once

#include "domain/eventstore.h"
#include "render/incidentlayer.h"
#include "render/mapsettings.h"

#include <benchmark/benchmark.h>

#include <memory>

namespace sv::test {

inline constexpr std::size_t kMillion = 1'000'000;

// One million synthetic incidents (synthetic.h, default seed), built once per
// benchmark run, and the same projected for display.
const std::shared_ptr<const EventStore>& millionStore();
const std::shared_ptr<const IncidentLayerData>& millionLayer();

// Times the incident layer as a range change pays for it (range query,
// projection to pixels, clustering, symbols, into a fresh layer image) and
// counts the incidents drawn.
void benchmarkIncidentLayer(benchmark::State& state, const IncidentLayerData& layer, const IncidentView& view,
                            const MapSettings& settings);

} // namespace sv::test
