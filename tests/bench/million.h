#pragma once

#include "domain/eventstore.h"
#include "render/incidentlayer.h"

#include <memory>

namespace sv::test {

inline constexpr std::size_t kMillion = 1'000'000;

// One million synthetic incidents (synthetic.h, default seed), built once per
// benchmark run, and the same projected for display.
const std::shared_ptr<const EventStore>& millionStore();
const std::shared_ptr<const IncidentLayerData>& millionLayer();

} // namespace sv::test
