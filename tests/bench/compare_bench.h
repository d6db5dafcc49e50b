#pragma once

namespace sv::test {

// Registers the BM_Compare_* benchmarks when SV_COMPARE_STORE names a store
// file (tests/bench/compare sets it); otherwise does nothing.
void registerComparisonBenchmarks();

} // namespace sv::test
