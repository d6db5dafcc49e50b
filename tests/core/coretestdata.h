#pragma once

#include "domain/eventstore.h"
#include "domain/gazetteer.h"
#include "io/basemapreader.h"
#include "io/incidentdataset.h"

#include <gtest/gtest.h>

namespace sv::test {

// The bundled base map, read once for all tests of a binary.
inline const BaseMapData& bundledBaseMapData() {
  static const BaseMapData data = [] {
    std::string error;
    auto read = readBaseMap(SV_TEST_GEODATA, &error);
    if (!read) {
      ADD_FAILURE() << error;
      return BaseMapData{};
    }
    return std::move(*read);
  }();
  return data;
}

// The bundled gazetteer, built once.
inline const Gazetteer& bundledGazetteer() {
  static const Gazetteer gazetteer(bundledBaseMapData().places);
  return gazetteer;
}

// The bundled incident dataset, read and stored once.
inline const std::shared_ptr<const EventStore>& bundledStore() {
  static const auto store = [] {
    IncidentReadResult read = readIncidentDataset(SV_TEST_INCIDENTS);
    EXPECT_TRUE(read.ok) << read.error;
    return EventStore::build(std::move(read.incidents), read.info);
  }();
  return store;
}

} // namespace sv::test
