#include "bench/synthetic.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <string>

namespace sv::test {

namespace {

// SplitMix64: tiny, fast and identical everywhere.
class Random {
public:
  explicit Random(std::uint64_t seed) : m_state(seed) {}
  std::uint64_t next() {
    std::uint64_t z = (m_state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  double uniform() { return static_cast<double>(next() >> 11) * 0x1.0p-53; } // [0, 1)
  double uniform(double a, double b) { return a + (b - a) * uniform(); }
  std::size_t below(std::size_t n) { return static_cast<std::size_t>(uniform() * static_cast<double>(n)); }
  double normal() { // Box–Muller
    const double u = 1.0 - uniform();
    const double v = uniform();
    return std::sqrt(-2.0 * std::log(u)) * std::cos(2.0 * 3.14159265358979323846 * v);
  }
  // A rank drawn from a table made by zipfTable().
  std::size_t zipf(const std::vector<double>& cumulative) {
    const double target = uniform() * cumulative.back();
    const auto it = std::upper_bound(cumulative.begin(), cumulative.end(), target);
    return std::min(static_cast<std::size_t>(it - cumulative.begin()), cumulative.size() - 1);
  }

private:
  std::uint64_t m_state;
};

// Cumulative weights of ranks 0..n-1, each weighted 1/(rank+1).
std::vector<double> zipfTable(std::size_t n) {
  std::vector<double> cumulative(n);
  double sum = 0.0;
  for (std::size_t k = 0; k < n; ++k) cumulative[k] = sum += 1.0 / static_cast<double>(k + 1);
  return cumulative;
}

struct Hotspot {
  int country = 0; // index into kCountries
  double longitude = 0.0;
  double latitude = 0.0;
  double spread = 0.1; // degrees
  std::array<DayNumber, 4> burstCentres{};
  std::array<int, 4> burstWidths{};
};

constexpr std::size_t kHotspots = 80;
// Where Sahel hotspots lie: the conflict's belt across Mali, Burkina Faso and
// western Niger (boxes in degrees: west, south, east, north), and the share of
// hotspots in each.
struct CountryBox {
  const char* iso3;
  const char* name;
  double west, south, east, north, share;
};
constexpr std::array<CountryBox, 4> kCountries{{{"MLI", "Mali", -11.5, 10.8, -1.0, 15.8, 0.45},
                                                {"MLI", "Mali", -4.0, 16.0, 3.5, 20.5, 0.15},
                                                {"BFA", "Burkina Faso", -5.2, 10.0, 1.8, 14.8, 0.28},
                                                {"NER", "Niger", 0.3, 12.0, 4.5, 15.5, 0.12}}};
constexpr std::size_t kActors = 150;
constexpr std::size_t kPublishers = 12;

} // namespace

struct SyntheticGenerator::State {
  explicit State(const SyntheticOptions& o) : options(o), random(o.seed) {}
  SyntheticOptions options;
  Random random;
  std::vector<double> hotspotRanks = zipfTable(kHotspots);
  std::vector<double> actorRanks = zipfTable(kActors);
  std::vector<Hotspot> hotspots = std::vector<Hotspot>(kHotspots);
  std::array<std::vector<SubEventType>, 6> subTypes;
  std::size_t n = 0;
  int lastCountry = 0;
  // Activity grows with time: draw days with density rising as t².
  DayNumber growingDay() {
    return options.firstDay +
           static_cast<DayNumber>(std::cbrt(random.uniform()) * (options.lastDay - options.firstDay));
  }
};

constexpr std::array<EventType, 6> kTypes{
    EventType::Battles,  EventType::ViolenceAgainstCivilians, EventType::ExplosionsRemoteViolence, EventType::Riots,
    EventType::Protests, EventType::StrategicDevelopments};
constexpr std::array<double, 6> kTypeWeights{0.30, 0.30, 0.15, 0.03, 0.07, 0.15};

SyntheticGenerator::SyntheticGenerator(const SyntheticOptions& options) : m(std::make_unique<State>(options)) {
  Random& random = m->random;
  for (Hotspot& h : m->hotspots) {
    if (options.sahel) {
      double draw = random.uniform();
      std::size_t c = 0;
      while (c + 1 < kCountries.size() && draw >= kCountries[c].share) draw -= kCountries[c++].share;
      const CountryBox& box = kCountries[c];
      h.country = static_cast<int>(c);
      h.longitude = random.uniform(box.west, box.east);
      h.latitude = random.uniform(box.south, box.north);
    } else {
      // Most hotspots in the populated centre and south, some in the north.
      const bool north = random.uniform() < 0.25;
      h.longitude = north ? random.uniform(-4.0, 3.5) : random.uniform(-11.5, -1.0);
      h.latitude = north ? random.uniform(16.0, 20.5) : random.uniform(10.8, 15.8);
    }
    h.spread = random.uniform(0.03, 0.4);
    for (std::size_t b = 0; b < h.burstCentres.size(); ++b) {
      h.burstCentres[b] = m->growingDay();
      h.burstWidths[b] = 3 + static_cast<int>(random.below(60));
    }
  }
  for (int s = 1; s < kSubEventTypeCount; ++s) {
    const auto sub = static_cast<SubEventType>(s);
    m->subTypes[static_cast<std::size_t>(parentType(sub))].push_back(sub);
  }
}

SyntheticGenerator::~SyntheticGenerator() = default;

const char* SyntheticGenerator::countryCode() const {
  return kCountries[static_cast<std::size_t>(m->lastCountry)].iso3;
}
const char* SyntheticGenerator::countryName() const {
  return kCountries[static_cast<std::size_t>(m->lastCountry)].name;
}

Incident SyntheticGenerator::next() {
  const SyntheticOptions& options = m->options;
  Random& random = m->random;
  const std::size_t n = m->n++;
  Incident incident;
  std::string number = std::to_string(n + 1);
  incident.id = "SYN-" + std::string(number.size() < 8 ? 8 - number.size() : 0, '0') + number;

  const std::size_t h = random.zipf(m->hotspotRanks);
  const Hotspot& spot = m->hotspots[h];
  m->lastCountry = spot.country;

  // When: most incidents in one of the hotspot's bursts, the rest spread out.
  DayNumber start;
  if (random.uniform() < 0.75) {
    const std::size_t b = random.below(spot.burstCentres.size());
    start = spot.burstCentres[b] + static_cast<DayNumber>(std::lround(random.normal() * spot.burstWidths[b]));
  } else {
    start = m->growingDay();
  }
  if (start < options.firstDay) start = options.firstDay;
  if (start > options.lastDay) start = options.lastDay;
  const double durationDraw = random.uniform();
  DayNumber length = 0;
  incident.datePrecision = DatePrecision::Day;
  if (durationDraw > 0.99) {
    length = 30 + static_cast<DayNumber>(random.below(90));
  } else if (durationDraw > 0.97) {
    incident.datePrecision = DatePrecision::Month;
    start = binStart(start, TimeUnit::Month);
    length = daysInMonth(civilFromDay(start).year, civilFromDay(start).month) - 1;
  } else if (durationDraw > 0.92) {
    incident.datePrecision = DatePrecision::Week;
    length = 1 + static_cast<DayNumber>(random.below(7));
  }
  incident.start = start;
  incident.end = std::min(options.lastDay, start + length);

  // Where: a share exactly at the hotspot's town, the rest scattered around it.
  const double placeDraw = random.uniform();
  incident.place = "Hotspot " + std::to_string(h + 1);
  if (placeDraw < 0.4) {
    incident.longitude = spot.longitude;
    incident.latitude = spot.latitude;
    incident.geonameId = 90000000 + static_cast<std::int64_t>(h);
    incident.locationPrecision = LocationPrecision::Exact;
  } else {
    incident.longitude = spot.longitude + random.normal() * spot.spread;
    incident.latitude = spot.latitude + random.normal() * spot.spread;
    incident.locationPrecision = placeDraw < 0.9 ? LocationPrecision::Near : LocationPrecision::Cercle;
    incident.place = "Near hotspot " + std::to_string(h + 1);
  }
  incident.region = "Region " + std::to_string(h % 9 + 1);
  incident.cercle = "Cercle " + std::to_string(h % 50 + 1);

  double typeDraw = random.uniform();
  std::size_t t = 0;
  while (t + 1 < kTypes.size() && typeDraw >= kTypeWeights[t]) typeDraw -= kTypeWeights[t++];
  incident.type = kTypes[t];
  incident.subType = m->subTypes[t][random.below(m->subTypes[t].size())];
  incident.civilianTargeting = incident.type == EventType::ViolenceAgainstCivilians || random.uniform() < 0.05;

  const std::size_t primary = random.zipf(m->actorRanks);
  incident.actors.primary.push_back("Actor " + std::to_string(primary + 1));
  if (random.uniform() < 0.7)
    incident.actors.secondary.push_back("Actor " + std::to_string(random.zipf(m->actorRanks) + 1));
  if (random.uniform() < 0.1)
    incident.actors.associated.push_back("Actor " + std::to_string(random.below(kActors) + 1));

  const double fatalityDraw = random.uniform();
  if (fatalityDraw < 0.10) {
    incident.fatalities = Fatalities::notReported();
  } else if (fatalityDraw < 0.45) {
    incident.fatalities = Fatalities::exactly(0);
  } else if (fatalityDraw < 0.85) {
    incident.fatalities = Fatalities::exactly(1 + static_cast<std::int32_t>(random.below(5)));
  } else if (fatalityDraw < 0.97) {
    incident.fatalities = Fatalities::exactly(6 + static_cast<std::int32_t>(random.below(25)));
  } else {
    incident.fatalities = Fatalities::atLeast(31 + static_cast<std::int32_t>(std::pow(random.uniform(), 3.0) * 270));
  }

  incident.summary = "Synthetic incident " + std::to_string(n + 1) + " near hotspot " + std::to_string(h + 1) + ".";
  Source source;
  source.document = "synthetic";
  source.publisher = "Publisher " + std::to_string(random.below(kPublishers) + 1);
  source.title = "Synthetic report " + std::to_string(n / 50 + 1);
  source.date = formatIsoDate(incident.end);
  source.passage = "Synthetic passage " + std::to_string(n + 1) + ".";
  incident.sources.push_back(std::move(source));
  return incident;
}

std::vector<Incident> generateSyntheticIncidents(const SyntheticOptions& options) {
  SyntheticGenerator generator(options);
  std::vector<Incident> incidents;
  incidents.reserve(options.count);
  for (std::size_t n = 0; n < options.count; ++n) incidents.push_back(generator.next());
  return incidents;
}

} // namespace sv::test
