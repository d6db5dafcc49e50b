#include "domain/placehistory.h"
#include "io/incidentdataset.h"

#include "core/coretestdata.h"

#include <gtest/gtest.h>

namespace sv {
namespace {

using test::bundledGazetteer;
using test::bundledStore;

DayNumber day(const char* iso) { return *parseIsoDate(iso); }

Incident incidentAt(const char* id, const char* start, const char* end, std::optional<std::int64_t> geonameId,
                    const char* place, double lon, double lat, Fatalities fatalities = Fatalities::notReported()) {
  Incident incident;
  incident.id = id;
  incident.start = day(start);
  incident.end = day(end);
  incident.geonameId = geonameId;
  incident.place = place;
  incident.longitude = lon;
  incident.latitude = lat;
  incident.fatalities = fatalities;
  incident.actors.primary = {"JNIM"};
  incident.actors.secondary = {"Dozo militia"};
  return incident;
}

TEST(PlaceHistory, IsChronologicalAndKeepsNotReportedApartFromZero) {
  const HistoryPlace farabougou{1000, "Farabougou", -6.0, 14.0};
  auto store = EventStore::build({
      incidentAt("late", "2025-08-19", "2025-08-19", 1000, "Farabougou", -6.0, 14.0, Fatalities::exactly(0)),
      incidentAt("siege", "2020-10-06", "2020-10-22", 1000, "Farabougou", -6.0, 14.0),
      incidentAt("first", "2020-10-06", "2020-10-06", 1000, "Farabougou", -6.0, 14.0, Fatalities::atLeast(12)),
      incidentAt("homonym", "2021-01-01", "2021-01-01", 2000, "Farabougou", -8.0, 12.0, Fatalities::exactly(3)),
      incidentAt("named", "2022-01-01", "2022-01-01", std::nullopt, "FARABOUGOU", -6.0, 14.0,
                 Fatalities{true, std::nullopt, std::nullopt, std::nullopt}),
  });
  const PlaceHistory history = placeHistory(*store, farabougou);
  std::vector<std::string> ids;
  for (const HistoryEntry& e : history.entries) ids.emplace_back(store->id(e.index));
  // The homonym elsewhere (another GeoNames id) is not mixed in; a record with
  // no id of its own joins by its name.
  EXPECT_EQ(ids, (std::vector<std::string>{"first", "siege", "named", "late"}));
  const HistorySummary& s = history.summary;
  EXPECT_EQ(s.incidents, 4u);
  EXPECT_EQ(s.firstStart, day("2020-10-06"));
  EXPECT_EQ(s.lastEnd, day("2025-08-19"));
  EXPECT_EQ(s.fatalities, 12);
  EXPECT_EQ(s.withFigure, 2u); // 12 and a reported zero
  EXPECT_EQ(s.lowerBounds, 1u);
  EXPECT_EQ(s.noFigure, 1u);
  EXPECT_EQ(s.notReported, 1u);
  EXPECT_EQ(describeFatalities(s),
            "at least 12 in 2 incidents (1 figure given as a lower bound or range); "
            "1 reported without a figure; 1 not reported");
  ASSERT_FALSE(s.byActor.empty());
  EXPECT_EQ(s.byActor.front(), (std::pair<std::string, std::size_t>{"Dozo militia", 4}));
  // A date range keeps what overlaps it.
  HistoryOptions options;
  options.from = day("2020-10-20");
  options.to = day("2021-12-31");
  EXPECT_EQ(placeHistory(*store, farabougou, options).entries.size(), 1u);
}

TEST(PlaceHistory, NearbyIncidentsCarryDistanceAndDirection) {
  const HistoryPlace place{1000, "Farabougou", -6.0, 14.0};
  auto store = EventStore::build({
      incidentAt("here", "2020-10-06", "2020-10-06", 1000, "Farabougou", -6.0, 14.0),
      // About 12 km north-east: 0.077° of latitude and of longitude at 14° N.
      incidentAt("ne", "2020-10-07", "2020-10-07", 3000, "Dogofry", -5.922, 14.077),
      incidentAt("far", "2020-10-08", "2020-10-08", 4000, "Niono", -5.5, 14.5),
  });
  HistoryOptions options;
  options.radiusMetres = 25000;
  const PlaceHistory history = placeHistory(*store, place, options);
  ASSERT_EQ(history.entries.size(), 2u);
  const HistoryEntry& ne = history.entries[1];
  EXPECT_FALSE(ne.atPlace);
  EXPECT_NEAR(ne.distanceMetres, 11800, 400);
  EXPECT_STREQ(compassPoint(ne.azimuthDegrees), "NE");
  EXPECT_EQ(describeOffset(ne), formatDistance(ne.distanceMetres) + " NE");
  EXPECT_EQ(formatDistance(11840), "11.8 km");
  EXPECT_EQ(describeOffset(history.entries[0]), "");
  EXPECT_STREQ(compassPoint(359), "N");
  EXPECT_STREQ(compassPoint(-90), "W");
  EXPECT_EQ(formatDistance(850), "850 m");
  EXPECT_EQ(formatDistance(25000), "25 km");
}

TEST(PlaceHistory, ResolvesFarabougouToThePlaceOfTheIncidents) {
  const Gazetteer& gazetteer = bundledGazetteer();
  const EventStore& store = *bundledStore();
  const PlaceResolution farabougou = resolveHistoryPlace(gazetteer, store, "farabougou");
  ASSERT_EQ(farabougou.status, PlaceResolution::Status::Found);
  ASSERT_TRUE(farabougou.gazetteerIndex);
  EXPECT_EQ(gazetteer.place(*farabougou.gazetteerIndex).cercle, "Niono");
  const PlaceHistory history = placeHistory(store, farabougou.place);
  ASSERT_GE(history.entries.size(), 20u);
  EXPECT_EQ(store.id(history.entries.front().index), "MLI-2020-004");
  EXPECT_EQ(formatDateSpan(store.start(history.entries.back().index), store.end(history.entries.back().index),
                           store.datePrecision(history.entries.back().index)),
            "~23\u201329 Aug 2025");
  // By GeoNames id, and a place only the dataset names.
  const PlaceResolution byId =
      resolveHistoryPlace(gazetteer, store, "geonames:" + std::to_string(*farabougou.place.geonameId));
  EXPECT_EQ(byId.place.geonameId, farabougou.place.geonameId);
  EXPECT_EQ(resolveHistoryPlace(gazetteer, store, "Kourouma Koube").status, PlaceResolution::Status::Found);
  // A prefix is not a name: it comes back as suggestions.
  const PlaceResolution prefix = resolveHistoryPlace(gazetteer, store, "Faraboug");
  EXPECT_EQ(prefix.status, PlaceResolution::Status::Unknown);
  EXPECT_FALSE(prefix.candidates.empty());
  EXPECT_EQ(resolveHistoryPlace(gazetteer, store, "Xqzzyville").candidates.size(), 0u);
}

} // namespace
} // namespace sv
