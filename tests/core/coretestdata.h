#pragma once

#include "io/basemapreader.h"

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

} // namespace sv::test
