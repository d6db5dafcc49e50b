#pragma once

#include "domain/incident.h"

#include <cstdint>
#include <memory>
#include <vector>

namespace sv::test {

struct SyntheticOptions {
  std::size_t count = 1000;
  std::uint64_t seed = 20201006;
  DayNumber firstDay = dayFromCivil({1997, 1, 1});
  DayNumber lastDay = dayFromCivil({2025, 11, 30});
  // Hotspots over the Sahel's conflict belt (Mali, Burkina Faso, western
  // Niger) instead of Mali alone.
  bool sahel = false;
};

// The same incidents one at a time, for writing files larger than memory
// should hold: the n-th call to next() gives generateSyntheticIncidents' n-th.
class SyntheticGenerator {
public:
  explicit SyntheticGenerator(const SyntheticOptions& options);
  ~SyntheticGenerator();
  Incident next();
  // The country of the incident next() gave last: "MLI", "Mali".
  const char* countryCode() const;
  const char* countryName() const;

private:
  struct State;
  std::unique_ptr<State> m;
};

// A deterministic set of synthetic incidents over Mali that looks like
// conflict data: activity grows over the years and comes in bursts, most of it
// around a few hotspots (a share exactly at each hotspot's town, the rest
// scattered around it), most incidents last a day and a few last weeks or
// months, fatalities have a long tail and are sometimes not reported, and a few
// actors account for most incidents. The same options give the same incidents
// on every platform (own generator, no std distributions).
std::vector<Incident> generateSyntheticIncidents(const SyntheticOptions& options);

} // namespace sv::test
