#include "domain/eventstore.h"
#include "bench/synthetic.h"
#include "geo/geodesy.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

namespace sv {

namespace {

DayNumber day(int y, int m, int d) { return dayFromCivil({y, m, d}); }

Incident makeIncident(std::string id, DayNumber start, DayNumber end, EventType type = EventType::Battles) {
  Incident incident;
  incident.id = std::move(id);
  incident.start = start;
  incident.end = end;
  incident.type = type;
  incident.longitude = -5.92;
  incident.latitude = 15.29;
  incident.actors.primary = {"JNIM"};
  incident.sources.push_back({"doc", "Title", "Publisher", "", "", "passage"});
  return incident;
}

std::vector<EventStore::Index> bruteOverlap(const EventStore& store, DayNumber from, DayNumber to,
                                            const IncidentFilter& filter) {
  std::vector<EventStore::Index> result;
  for (EventStore::Index i = 0; i < store.size(); ++i)
    if (store.start(i) <= to && store.end(i) >= from && store.matches(i, filter)) result.push_back(i);
  return result;
}

const std::shared_ptr<const EventStore>& syntheticStore() {
  static const auto store = [] {
    test::SyntheticOptions options;
    options.count = 20000;
    options.firstDay = day(2018, 1, 1);
    return EventStore::build(test::generateSyntheticIncidents(options));
  }();
  return store;
}

} // namespace

TEST(EventStore, IntervalOverlapIsInclusiveAtBothEdges) {
  // The siege of Farabougou: 6 to 22 October 2020.
  auto store = EventStore::build({makeIncident("siege", day(2020, 10, 6), day(2020, 10, 22))});
  EXPECT_EQ(store->overlapping(day(2020, 10, 22), day(2020, 10, 22)).size(), 1u);
  EXPECT_EQ(store->overlapping(day(2020, 10, 6), day(2020, 10, 6)).size(), 1u);
  EXPECT_EQ(store->overlapping(day(2020, 10, 1), day(2020, 10, 6)).size(), 1u);
  EXPECT_EQ(store->overlapping(day(2020, 10, 12), day(2020, 10, 13)).size(), 1u);
  EXPECT_EQ(store->overlapping(day(2020, 9, 1), day(2020, 12, 1)).size(), 1u);
  EXPECT_TRUE(store->overlapping(day(2020, 10, 23), day(2020, 10, 30)).empty());
  EXPECT_TRUE(store->overlapping(day(2020, 10, 1), day(2020, 10, 5)).empty());
  EXPECT_TRUE(store->overlapping(day(2020, 10, 10), day(2020, 10, 9)).empty()); // reversed range
}

TEST(EventStore, MonthPrecisionIncidentsCoverTheirWholeMonth) {
  // "In April 2022": 1 to 30 April, shown for any day of April, not pinned to the 1st.
  Incident april = makeIncident("april", day(2022, 4, 1), day(2022, 4, 30));
  april.datePrecision = DatePrecision::Month;
  auto store = EventStore::build({april});
  EXPECT_EQ(store->overlapping(day(2022, 4, 20), day(2022, 4, 20)).size(), 1u);
  EXPECT_EQ(store->datePrecision(0), DatePrecision::Month);
  EXPECT_EQ(formatDateSpan(store->start(0), store->end(0), store->datePrecision(0)), "Apr 2022");
}

TEST(EventStore, KeepsIncidentsSortedByStartAndFindsThemById) {
  auto store = EventStore::build({makeIncident("b", day(2025, 8, 19), day(2025, 8, 19)),
                                  makeIncident("a", day(2020, 10, 6), day(2020, 10, 22)),
                                  makeIncident("c", day(2020, 10, 6), day(2020, 10, 6))});
  ASSERT_EQ(store->size(), 3u);
  EXPECT_EQ(store->id(0), "c");
  EXPECT_EQ(store->id(1), "a");
  EXPECT_EQ(store->id(2), "b");
  EXPECT_EQ(store->find("b"), 2u);
  EXPECT_FALSE(store->find("zz"));
  EXPECT_EQ(store->firstDay(), day(2020, 10, 6));
  EXPECT_EQ(store->lastDay(), day(2025, 8, 19));
}

TEST(EventStore, GivesBackEveryFieldOfAnIncident) {
  Incident incident =
      makeIncident("MLI-2022-002", day(2022, 3, 21), day(2022, 3, 31), EventType::ViolenceAgainstCivilians);
  incident.datePrecision = DatePrecision::Week;
  incident.subType = SubEventType::Attack;
  incident.place = "Moura";
  incident.geonameId = 2453194;
  incident.locationPrecision = LocationPrecision::Exact;
  incident.locationNote = "note";
  incident.region = "Mopti";
  incident.cercle = "Djenné";
  incident.actors = {{"FAMa"}, {"Civilians"}, {"Wagner Group"}};
  incident.fatalities = Fatalities::atLeast(300);
  incident.civilianTargeting = true;
  incident.summary = "Summary.";
  incident.sources = {{"d1", "t1", "p1", "2022-04-05", "https://example.org", "at least 300"},
                      {"d2", "t2", "p2", "", "", "x"}};
  auto store = EventStore::build({incident});
  EXPECT_EQ(store->incident(0), incident);
  EXPECT_EQ(store->maxFatalityFigure(), 300);
  EXPECT_EQ(store->fatalityFigure(0), 300);
}

TEST(EventStore, RangeQueriesMatchABruteForceScan) {
  const EventStore& store = *syntheticStore();
  const DayNumber first = store.firstDay();
  const DayNumber last = store.lastDay();
  std::vector<std::pair<DayNumber, DayNumber>> ranges = {
      {first, first}, {last, last}, {first - 10, first - 1}, {last + 1, last + 5}, {first, last}};
  for (DayNumber d = first; d <= last; d += 97) ranges.push_back({d, d + (d % 45)});
  IncidentFilter battles;
  battles.types = IncidentFilter::typeBit(EventType::Battles);
  for (const auto& [from, to] : ranges) {
    EXPECT_EQ(store.overlapping(from, to), bruteOverlap(store, from, to, {})) << formatIsoDate(from);
    EXPECT_EQ(store.overlapping(from, to, battles), bruteOverlap(store, from, to, battles)) << formatIsoDate(from);
  }
}

TEST(EventStore, FiltersByTypeActorFatalitiesRegionAndCivilians) {
  const EventStore& store = *syntheticStore();
  IncidentFilter filter;
  filter.types = IncidentFilter::typeBit(EventType::ViolenceAgainstCivilians);
  filter.minFatalities = 6;
  filter.actors = {*store.strings().find("Actor 1")};
  filter.civilianTargeting = true;
  const auto result = store.overlapping(store.firstDay(), store.lastDay(), filter);
  ASSERT_FALSE(result.empty());
  for (EventStore::Index i : result) {
    EXPECT_EQ(store.type(i), EventType::ViolenceAgainstCivilians);
    EXPECT_GE(store.fatalities(i).low.value_or(-1), 6);
    EXPECT_TRUE(store.civilianTargeting(i));
    const auto actors = store.actors(i);
    EXPECT_TRUE(std::any_of(actors.begin(), actors.end(),
                            [&](const ActorRef& a) { return store.string(a.actor) == "Actor 1"; }));
  }
  EXPECT_EQ(result, bruteOverlap(store, store.firstDay(), store.lastDay(), filter));

  IncidentFilter region;
  region.region = *store.strings().find("Region 3");
  for (EventStore::Index i : store.overlapping(store.firstDay(), store.lastDay(), region))
    EXPECT_EQ(store.region(i), "Region 3");

  // A minimum fatality filter never keeps an incident whose fatalities are not reported.
  IncidentFilter anyDeaths;
  anyDeaths.minFatalities = 1;
  for (EventStore::Index i : store.overlapping(store.firstDay(), store.lastDay(), anyDeaths))
    EXPECT_TRUE(store.fatalities(i).reported);
}

TEST(EventStore, PlaceAndRadiusQueries) {
  const EventStore& store = *syntheticStore();
  const auto atPlace = store.atPlace(90000000);
  ASSERT_FALSE(atPlace.empty());
  EXPECT_TRUE(std::is_sorted(atPlace.begin(), atPlace.end()));
  for (EventStore::Index i : atPlace) EXPECT_EQ(store.geonameId(i), 90000000);
  EXPECT_TRUE(store.atPlace(12345).empty());

  const double lon = store.longitude(atPlace.front());
  const double lat = store.latitude(atPlace.front());
  for (double radius : {0.0, 1000.0, 25000.0, 80000.0}) {
    const auto nearby = store.withinRadius(lon, lat, radius);
    std::vector<EventStore::Index> expected;
    for (EventStore::Index i = 0; i < store.size(); ++i)
      if (geodesicDistance({lon, lat}, {store.longitude(i), store.latitude(i)}) <= radius) expected.push_back(i);
    std::vector<EventStore::Index> found;
    for (const NearbyIncident& n : nearby) found.push_back(n.index);
    EXPECT_EQ(found, expected) << radius;
    if (radius == 0.0) {
      EXPECT_GE(found.size(), atPlace.size()); // everything at the very spot
    }
  }
}

TEST(EventStore, RadiusQueryReportsDistanceAndDirection) {
  Incident north = makeIncident("north", day(2020, 1, 1), day(2020, 1, 1));
  north.longitude = -5.92;
  north.latitude = 15.29 + 0.1;
  auto store = EventStore::build({north});
  const auto nearby = store->withinRadius(-5.92, 15.29, 25000);
  ASSERT_EQ(nearby.size(), 1u);
  EXPECT_NEAR(nearby[0].distanceMetres, 11070, 30);
  EXPECT_NEAR(nearby[0].azimuthDegrees, 0.0, 0.01);
  EXPECT_TRUE(store->withinRadius(-5.92, 15.29, 10000).empty());
}

TEST(EventStore, RadiusDistancesAgreeWithGeodesics) {
  const EventStore& store = *syntheticStore();
  const double lon = -5.92, lat = 15.29;
  for (double radius : {25000.0, 100000.0, 150000.0}) {
    for (const NearbyIncident& n : store.withinRadius(lon, lat, radius)) {
      const GeodesicLine exact = geodesicInverse({lon, lat}, {store.longitude(n.index), store.latitude(n.index)});
      EXPECT_NEAR(n.distanceMetres, exact.distanceMetres, exact.distanceMetres * 0.005 + 1.0);
      if (exact.distanceMetres > 1000) {
        const double turn = std::remainder(n.azimuthDegrees - exact.initialAzimuthDegrees, 360.0);
        EXPECT_LT(std::abs(turn), 0.5) << n.distanceMetres;
      }
    }
  }
}

TEST(EventStore, HistogramCountsEveryBinAnIncidentOverlaps) {
  auto store =
      EventStore::build({makeIncident("siege", day(2020, 10, 6), day(2020, 10, 22)),
                         makeIncident("one", day(2020, 10, 9), day(2020, 10, 9), EventType::ViolenceAgainstCivilians),
                         makeIncident("later", day(2020, 11, 2), day(2020, 11, 2))});
  const Histogram weeks = store->histogram(day(2020, 10, 1), day(2020, 11, 8), TimeUnit::Week);
  ASSERT_EQ(weeks.binStarts.front(), day(2020, 9, 28)); // the Monday of the first week
  ASSERT_EQ(weeks.binCount(), 6u);
  const std::vector<std::uint32_t> totals = {0, 2, 1, 1, 0, 1};
  for (std::size_t b = 0; b < weeks.binCount(); ++b) EXPECT_EQ(weeks.total(b), totals[b]) << b;
  EXPECT_EQ(weeks.counts[1][static_cast<std::size_t>(EventType::ViolenceAgainstCivilians)], 1u);

  const Histogram months = store->histogram(day(2020, 10, 15), day(2020, 11, 1), TimeUnit::Month);
  ASSERT_EQ(months.binCount(), 2u);
  EXPECT_EQ(months.total(0), 2u);
  EXPECT_EQ(months.total(1), 1u);
}

TEST(EventStore, HistogramFastPathAgreesWithTheScan) {
  const EventStore& store = *syntheticStore();
  IncidentFilter types;
  types.types = IncidentFilter::typeBit(EventType::Battles) | IncidentFilter::typeBit(EventType::Protests);
  IncidentFilter scanned = types;
  scanned.minFatalities = 0;
  scanned.civilianTargeting.reset();
  IncidentFilter withActor = types;
  withActor.actors = {*store.strings().find("Actor 2")};
  for (TimeUnit unit : {TimeUnit::Day, TimeUnit::Week, TimeUnit::Month}) {
    const DayNumber from = day(2021, 3, 17);
    const DayNumber to = day(2022, 2, 3);
    const Histogram fast = store.histogram(from, to, unit, types);
    const Histogram slow = store.histogram(from, to, unit, withActor);
    ASSERT_EQ(fast.binCount(), slow.binCount());
    for (std::size_t b = 0; b < fast.binCount(); ++b) {
      const DayNumber first = fast.binStarts[b];
      const DayNumber last = fast.binStarts[b + 1] - 1;
      EXPECT_EQ(fast.total(b), bruteOverlap(store, first, last, types).size());
      EXPECT_EQ(slow.total(b), bruteOverlap(store, first, last, withActor).size());
    }
  }
}

TEST(EventStore, EmptyStoreAnswersEverythingEmpty) {
  auto store = EventStore::build({});
  EXPECT_TRUE(store->overlapping(0, 100000).empty());
  EXPECT_TRUE(store->withinRadius(0, 0, 1e6).empty());
  EXPECT_EQ(store->histogram(0, 30, TimeUnit::Week).binCount(), 5u);
}

} // namespace sv

namespace sv {

TEST(EventStore, RadiusQueriesAcrossTheAntimeridianAndNearThePoles) {
  Incident east = makeIncident("east", 0, 0);
  east.longitude = 179.9;
  east.latitude = 0.0;
  Incident west = makeIncident("west", 0, 0);
  west.longitude = -179.9;
  west.latitude = 0.0;
  Incident polar = makeIncident("polar", 0, 0);
  polar.longitude = 180.0;
  polar.latitude = 89.5;
  Incident high = makeIncident("high", 0, 0);
  high.longitude = 4.9046;
  high.latitude = 79.7558;
  auto store = EventStore::build({east, west, polar, high});
  auto idsNear = [&](double lon, double lat, double radius) {
    std::vector<std::string> ids;
    for (const NearbyIncident& n : store->withinRadius(lon, lat, radius)) ids.emplace_back(store->id(n.index));
    std::sort(ids.begin(), ids.end());
    return ids;
  };
  EXPECT_EQ(idsNear(179.95, 0.0, 50000), (std::vector<std::string>{"east", "west"}));
  EXPECT_EQ(idsNear(0.0, 90.0, 100000), (std::vector<std::string>{"polar"}));
  // 100.02 km away by the geodesic: just outside a 100 km circle at 80° N.
  EXPECT_TRUE(idsNear(0.0, 80.0, 100000).empty());
  EXPECT_EQ(idsNear(0.0, 80.0, 100100), (std::vector<std::string>{"high"}));
}

TEST(EventStore, FindsTheNextAndPreviousStartUnderAFilter) {
  auto store = EventStore::build({makeIncident("a", day(2020, 10, 6), day(2020, 10, 22)),
                                  makeIncident("riot", day(2020, 12, 1), day(2020, 12, 1), EventType::Riots),
                                  makeIncident("c", day(2021, 3, 1), day(2021, 3, 1))});
  EXPECT_EQ(store->nextStart(day(2020, 10, 6)), day(2020, 12, 1));
  EXPECT_EQ(store->nextStart(day(2020, 10, 5)), day(2020, 10, 6));
  EXPECT_EQ(store->nextStart(day(2021, 3, 1)), std::nullopt);
  EXPECT_EQ(store->previousStart(day(2020, 12, 1)), day(2020, 10, 6));
  EXPECT_EQ(store->previousStart(day(2020, 10, 6)), std::nullopt);
  IncidentFilter battles;
  battles.types = IncidentFilter::typeBit(EventType::Battles);
  EXPECT_EQ(store->nextStart(day(2020, 10, 6), battles), day(2021, 3, 1));
  EXPECT_EQ(store->previousStart(day(2021, 3, 1), battles), day(2020, 10, 6));
}

TEST(EventStore, ListsRegionsByName) {
  Incident a = makeIncident("a", day(2020, 1, 1), day(2020, 1, 1));
  a.region = "Ségou";
  Incident b = makeIncident("b", day(2020, 1, 2), day(2020, 1, 2));
  b.region = "Kayes";
  Incident c = makeIncident("c", day(2020, 1, 3), day(2020, 1, 3));
  c.region = "Ségou";
  Incident d = makeIncident("d", day(2020, 1, 4), day(2020, 1, 4));
  auto store = EventStore::build({a, b, c, d});
  std::vector<std::string> names;
  for (auto id : store->regions()) names.emplace_back(store->string(id));
  EXPECT_EQ(names, (std::vector<std::string>{"Kayes", "Ségou"}));
}

TEST(EventStore, SpikesStandFarAboveTheirTrailingAverage) {
  Histogram h;
  h.unit = TimeUnit::Week;
  const std::vector<std::uint32_t> totals{1, 0, 2, 1, 1, 2, 1, 9, 3, 2};
  for (std::size_t k = 0; k <= totals.size(); ++k) h.binStarts.push_back(static_cast<DayNumber>(7 * k));
  for (auto total : totals) {
    std::array<std::uint32_t, kEventTypeCount> counts{};
    counts[0] = total;
    h.counts.push_back(counts);
  }
  // Bin 2 (two after a mean of 0.5) is above three times its trailing mean only
  // because of the small start: 2 > 1.5.
  EXPECT_EQ(findSpike(h, 0), 2u);
  EXPECT_EQ(findSpike(h, 3), 7u);
  EXPECT_EQ(findSpike(h, 8), h.binCount());
}

TEST(EventStore, AnyOverlappingAgreesWithTheRangeQuery) {
  auto store = EventStore::build({makeIncident("siege", day(2020, 10, 6), day(2020, 10, 22)),
                                  makeIncident("riot", day(2020, 12, 1), day(2020, 12, 1), EventType::Riots)});
  IncidentFilter riots;
  riots.types = IncidentFilter::typeBit(EventType::Riots);
  for (DayNumber from = day(2020, 10, 1); from <= day(2020, 12, 5); ++from) {
    for (int length : {0, 3, 20}) {
      EXPECT_EQ(store->anyOverlapping(from, from + length), !store->overlapping(from, from + length).empty());
      EXPECT_EQ(store->anyOverlapping(from, from + length, riots),
                !store->overlapping(from, from + length, riots).empty());
    }
  }
  EXPECT_FALSE(store->anyOverlapping(day(2020, 10, 10), day(2020, 10, 9)));
}

} // namespace sv

namespace sv {

TEST(EventStore, CombinedDatasetsKeepTheirIncidentsAndDescriptions) {
  auto bundled = EventStore::build({makeIncident("a1", day(2020, 1, 5), day(2020, 1, 5)),
                                    makeIncident("a2", day(2020, 3, 1), day(2020, 3, 9), EventType::Protests)},
                                   {"bundled", "Bundled", "", "", "CC BY 4.0"});
  auto acled = EventStore::build(
      {makeIncident("b1", day(2020, 1, 1), day(2020, 1, 1), EventType::Riots),
       makeIncident("b2", day(2020, 2, 1), day(2020, 2, 1)), makeIncident("b3", day(2020, 3, 3), day(2020, 3, 3))},
      {"acled", "ACLED", "", "", "ACLED terms"});
  auto ucdp =
      EventStore::build({makeIncident("c1", day(2020, 3, 2), day(2020, 3, 2))}, {"ucdp", "UCDP GED", "", "", ""});
  const auto pair = EventStore::combine({bundled, acled});
  ASSERT_TRUE(pair);
  // A combined store combined again keeps every dataset, in order.
  const auto all = EventStore::combine({pair, ucdp});
  ASSERT_TRUE(all);
  ASSERT_EQ(all->datasetCount(), 3u);
  EXPECT_EQ(all->datasetInfo(0).name, "bundled");
  EXPECT_EQ(all->datasetInfo(1).name, "acled");
  EXPECT_EQ(all->datasetInfo(2).name, "ucdp");
  EXPECT_EQ(all->info().name, "bundled + acled + ucdp");
  EXPECT_EQ(all->info().licence, "CC BY 4.0 ACLED terms");
  EXPECT_EQ(all->datasetSizes(), (std::vector<std::size_t>{2, 3, 1}));
  for (const char* id : {"a1", "a2"}) EXPECT_EQ(all->dataset(*all->find(id)), 0u) << id;
  for (const char* id : {"b1", "b2", "b3"}) EXPECT_EQ(all->dataset(*all->find(id)), 1u) << id;
  EXPECT_EQ(all->dataset(*all->find("c1")), 2u);
  // Single stores have one dataset, described by their own info.
  EXPECT_EQ(acled->datasetCount(), 1u);
  EXPECT_EQ(acled->datasetInfo(0).name, "acled");
  EXPECT_EQ(EventStore::combine({acled}), acled);

  // Hiding a dataset leaves its incidents out of every query.
  IncidentFilter noAcled;
  noAcled.datasets &= ~IncidentFilter::datasetBit(1);
  const auto shown = all->overlapping(day(2020, 1, 1), day(2020, 12, 31), noAcled);
  ASSERT_EQ(shown.size(), 3u);
  for (EventStore::Index i : shown) EXPECT_NE(all->dataset(i), 1u);
  EXPECT_FALSE(all->anyOverlapping(day(2020, 2, 1), day(2020, 2, 1), noAcled));
  EXPECT_EQ(all->nextStart(day(2020, 1, 5), noAcled), day(2020, 3, 1));
  const Histogram months = all->histogram(day(2020, 1, 1), day(2020, 3, 31), TimeUnit::Month, noAcled);
  ASSERT_EQ(months.binCount(), 3u);
  EXPECT_EQ(months.total(0), 1u);
  EXPECT_EQ(months.total(1), 0u);
  EXPECT_EQ(months.total(2), 2u);
  EXPECT_EQ(months.counts[2][static_cast<std::size_t>(EventType::Protests)], 1u);
}

TEST(EventStore, HistogramsOfSomeDatasetsAgreeWithTheScan) {
  test::SyntheticOptions options;
  options.count = 6000;
  options.firstDay = day(2019, 1, 1);
  std::vector<Incident> incidents = test::generateSyntheticIncidents(options);
  std::vector<std::shared_ptr<const EventStore>> parts;
  for (std::size_t part = 0; part < 3; ++part) {
    std::vector<Incident> some;
    for (std::size_t k = part; k < incidents.size(); k += 3) some.push_back(incidents[k]);
    parts.push_back(
        EventStore::build(std::move(some), {std::string("part ").append(std::to_string(part)), "", "", "", ""}));
  }
  const auto store = EventStore::combine(parts);
  ASSERT_TRUE(store);
  IncidentFilter fast; // type and dataset masks only: counted from prefixes
  fast.datasets = IncidentFilter::datasetBit(0) | IncidentFilter::datasetBit(2);
  fast.types &= ~IncidentFilter::typeBit(EventType::Riots);
  ASSERT_TRUE(fast.isTypeOnly());
  for (TimeUnit unit : {TimeUnit::Day, TimeUnit::Week, TimeUnit::Month}) {
    const Histogram histogram = store->histogram(day(2019, 5, 3), day(2020, 7, 9), unit, fast);
    for (std::size_t b = 0; b < histogram.binCount(); ++b) {
      const auto expected = bruteOverlap(*store, histogram.binStarts[b], histogram.binStarts[b + 1] - 1, fast);
      EXPECT_EQ(histogram.total(b), expected.size());
      for (EventStore::Index i : expected) EXPECT_NE(store->dataset(i), 1u);
    }
  }
}

TEST(EventStore, RefusesToCombineMoreDatasetsThanTheFilterCanTell) {
  std::vector<std::shared_ptr<const EventStore>> stores;
  for (std::size_t k = 0; k <= EventStore::kMaxDatasets; ++k)
    stores.push_back(EventStore::build(
        {makeIncident(std::string("x").append(std::to_string(k)), day(2021, 1, 1), day(2021, 1, 1))}));
  EXPECT_FALSE(EventStore::combine(stores));
  stores.pop_back();
  const auto most = EventStore::combine(stores);
  ASSERT_TRUE(most);
  EXPECT_EQ(most->datasetCount(), EventStore::kMaxDatasets);
  EXPECT_EQ(most->dataset(*most->find("x63")), 63u);
}

} // namespace sv
