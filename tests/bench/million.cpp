#include "bench/million.h"

#include "bench/synthetic.h"
#include "render/testmap.h"

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

} // namespace sv::test
