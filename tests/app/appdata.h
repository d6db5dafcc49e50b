#pragma once

// The bundled geodata and incidents loaded as the window loads them, once
// per test binary.
#include "session/mapcontext.h"

#include <gtest/gtest.h>

namespace sv::test {

inline const MapContext& bundledContext() {
  static const MapContext context = [] {
    QString error;
    auto loaded = loadMapContext(QStringLiteral(SV_TEST_GEODATA), &error);
    EXPECT_TRUE(loaded) << error.toStdString();
    EXPECT_TRUE(loadIncidents(*loaded, QStringList{QStringLiteral(SV_TEST_INCIDENTS)}, &error)) << error.toStdString();
    return std::move(*loaded);
  }();
  return context;
}

} // namespace sv::test
