// Incidents that are lines, areas, unplaced, or the whole of other records:
// how the file format, the store, the store file and place histories keep them.
#include "domain/eventstore.h"
#include "domain/placehistory.h"
#include "io/importer.h"
#include "io/incidentdataset.h"
#include "io/incidentgpkg.h"
#include "io/storefile.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <set>

namespace sv {
namespace {

DayNumber day(const char* iso) { return *parseIsoDate(iso); }

Incident base(const char* id, const char* date) {
  Incident incident;
  incident.id = id;
  incident.start = incident.end = day(date);
  incident.type = EventType::StrategicDevelopments;
  incident.summary = std::string("summary of ") + id;
  incident.sources.push_back({"doc.md", "A document", "", "", "", "the passage"});
  return incident;
}

// A road between Kayes and Bamako's west, straight between the towns the source names.
Incident corridor() {
  Incident incident = base("corridor", "2025-09-10");
  incident.shape = PlaceShape::Line;
  incident.locationPrecision = LocationPrecision::Route;
  incident.shapeParts = {{{-11.43, 14.45}, {-9.5, 13.5}, {-8.2, 12.65}}};
  placeAtRepresentativePoint(incident);
  return incident;
}

// A square area with a square hole, around (-6, 14).
Incident area() {
  Incident incident = base("area", "2020-10-06");
  incident.end = day("2020-10-22");
  incident.shape = PlaceShape::Area;
  incident.locationPrecision = LocationPrecision::Near;
  // Both rings counter-clockwise, as some files give them: the hole is turned.
  appendPolygon(incident.shapeParts, {{{-6.2, 13.8}, {-5.8, 13.8}, {-5.8, 14.2}, {-6.2, 14.2}, {-6.2, 13.8}},
                                      {{-6.05, 14.1}, {-5.95, 14.1}, {-5.95, 14.15}, {-6.05, 14.15}, {-6.05, 14.1}}});
  placeAtRepresentativePoint(incident);
  return incident;
}

Incident unplaced() {
  Incident incident = base("unplaced", "2020-10-12");
  incident.shape = PlaceShape::Unplaced;
  incident.locationPrecision = LocationPrecision::Region;
  incident.region = "Ségou";
  incident.longitude = incident.latitude = 0.0;
  return incident;
}

Incident point(const char* id, const char* date, double lon, double lat, const char* partOf = "") {
  Incident incident = base(id, date);
  incident.type = EventType::Battles;
  incident.longitude = lon;
  incident.latitude = lat;
  incident.partOf = partOf;
  return incident;
}

std::vector<Incident> mixed() {
  // "area" is the whole of two of the points: they are counted, it is not.
  return {corridor(),
          area(),
          unplaced(),
          point("inside", "2020-10-07", -6.1, 13.9, "area"),
          point("later", "2020-10-20", -5.9, 13.9, "area"),
          point("alone", "2020-10-10", -8.0, 12.6)};
}

std::optional<EventStore::Index> indexOf(const EventStore& store, std::string_view id) {
  for (EventStore::Index i = 0; i < store.size(); ++i)
    if (store.id(i) == id) return i;
  return std::nullopt;
}

} // namespace

TEST(Shapes, LinesAreasAndUnplacedIncidentsSurviveTheFileFormat) {
  const std::vector<Incident> incidents = mixed();
  for (const Incident& incident : incidents) EXPECT_TRUE(validateIncident(incident).empty()) << incident.id;
  const std::string text = serializeIncidentDataset({"t", "Test", "", "", ""}, incidents);
  EXPECT_NE(text.find("\"LineString\""), std::string::npos);
  EXPECT_NE(text.find("\"Polygon\""), std::string::npos) << "one polygon with its hole";
  ASSERT_EQ(polygonsOfRings(incidents[1].shapeParts).size(), 1u);
  EXPECT_NE(text.find("\"geometry\": null"), std::string::npos);
  const IncidentReadResult read = parseIncidentDataset(text, "mixed");
  ASSERT_TRUE(read.ok) << read.error;
  for (const auto& r : read.rejected) ADD_FAILURE() << describeRejection("mixed", r);
  EXPECT_EQ(read.incidents, incidents);
}

TEST(Shapes, TheRepresentativePointOfAnAreaWithAHoleLiesInside) {
  const Incident a = area();
  // The centroid of the outer square is (-6, 14); the hole lies north of it.
  EXPECT_NEAR(a.longitude, -6.0, 1e-9);
  EXPECT_NEAR(a.latitude, 14.0, 1e-9);
  const Incident c = corridor();
  // Halfway along the line: on its longer first segment.
  EXPECT_LT(c.longitude, -9.5);
  EXPECT_GT(c.longitude, -11.43);
}

TEST(Shapes, BadGeometriesAreRejectedNamingTheField) {
  const std::string header =
      "{\"type\": \"FeatureCollection\", \"format\": \"situation-viewer-incidents\", "
      "\"format_version\": 2, \"features\": [\n";
  auto feature = [](const std::string& id, const std::string& geometry, const std::string& precision,
                    const std::string& extra = "") {
    return "{\"type\": \"Feature\", \"geometry\": " + geometry + ", \"properties\": {\"id\": \"" + id +
           "\", \"start\": \"2020-10-06\", \"end\": \"2020-10-06\", \"date_precision\": \"day\", "
           "\"location_precision\": \"" +
           precision + "\", \"region\": \"Ségou\", \"event_type\": \"Battles\"" + extra + "}}";
  };
  const std::string text =
      header + feature("open", "{\"type\": \"Polygon\", \"coordinates\": [[[0,14],[1,14],[1,15],[0,15]]]}", "near") +
      ",\n" + feature("route-point", "{\"type\": \"Point\", \"coordinates\": [-6, 14]}", "route") + ",\n" +
      feature("null-exact", "null", "exact") + ",\n" +
      feature("self", "{\"type\": \"Point\", \"coordinates\": [-6, 14]}", "exact", ", \"part_of\": \"self\"") + ",\n" +
      feature("short", "{\"type\": \"LineString\", \"coordinates\": [[-6, 14]]}", "route") + ",\n" +
      feature("good", "null", "region") + "\n]}";
  const IncidentReadResult read = parseIncidentDataset(text, "bad");
  ASSERT_TRUE(read.ok) << read.error;
  ASSERT_EQ(read.incidents.size(), 1u);
  EXPECT_EQ(read.incidents[0].id, "good");
  EXPECT_EQ(read.incidents[0].shape, PlaceShape::Unplaced);
  ASSERT_EQ(read.rejected.size(), 5u);
  std::map<std::string, RejectedRecord> byId;
  for (const RejectedRecord& r : read.rejected) byId[r.id] = r;
  EXPECT_EQ(byId["open"].field, "geometry.coordinates[0]") << byId["open"].reason;
  EXPECT_NE(byId["open"].reason.find("the last repeating the first"), std::string::npos) << byId["open"].reason;
  EXPECT_EQ(byId["route-point"].field, "location_precision") << byId["route-point"].reason;
  EXPECT_EQ(byId["null-exact"].field, "geometry") << byId["null-exact"].reason;
  EXPECT_EQ(byId["self"].field, "part_of") << byId["self"].reason;
  EXPECT_EQ(byId["short"].field, "geometry.coordinates") << byId["short"].reason;
  for (const RejectedRecord& r : read.rejected) EXPECT_GT(r.line, 1u) << r.id;
}

TEST(Shapes, AggregatesAreListedButCountedOnlyThroughTheirParts) {
  const auto store = EventStore::build(mixed());
  const EventStore::Index whole = *indexOf(*store, "area");
  EXPECT_TRUE(store->isAggregate(whole));
  EXPECT_FALSE(store->isAggregate(*indexOf(*store, "inside")));
  EXPECT_EQ(store->partOf(*indexOf(*store, "inside")), "area");
  EXPECT_EQ(store->partsOf(whole).size(), 2u);

  const DayNumber from = day("2020-10-01"), to = day("2020-10-31");
  // Counted: the two parts, the lone point and the unplaced one; not the whole.
  EXPECT_EQ(store->overlapping(from, to).size(), 4u);
  IncidentFilter listing;
  listing.includeAggregates = true;
  EXPECT_EQ(store->overlapping(from, to, listing).size(), 5u);
  const Histogram histogram = store->histogram(from, to, TimeUnit::Month);
  ASSERT_EQ(histogram.binCount(), 1u);
  EXPECT_EQ(histogram.total(0), 4u);
  IncidentFilter battles;
  battles.types = IncidentFilter::typeBit(EventType::StrategicDevelopments);
  EXPECT_EQ(store->histogram(from, to, TimeUnit::Month, battles).total(0), 1u) << "the unplaced one, not the whole";

  // A record named by no part is no aggregate.
  std::vector<Incident> alone = mixed();
  for (Incident& incident : alone) incident.partOf.clear();
  EXPECT_FALSE(EventStore::build(alone)->isAggregate(whole));
}

TEST(Shapes, UnplacedIncidentsAreNeverFoundByPlace) {
  const auto store = EventStore::build(mixed());
  const EventStore::Index i = *indexOf(*store, "unplaced");
  EXPECT_FALSE(store->isPlaced(i));
  EXPECT_TRUE(store->isPlaced(*indexOf(*store, "corridor")));
  for (const NearbyIncident& near : store->withinRadius(0.0, 0.0, 500000.0)) EXPECT_NE(near.index, i);
}

TEST(Shapes, TheStoreFileKeepsShapesAndParts) {
  const auto store = EventStore::build(mixed());
  const auto path = std::filesystem::temp_directory_path() / "sv-shapes-test.svstore";
  std::string error;
  ASSERT_TRUE(writeStoreFile(path.string(), *store, "key", &error)) << error;
  const auto again = readStoreFile(path.string(), &error);
  std::filesystem::remove(path);
  ASSERT_TRUE(again) << error;
  ASSERT_EQ(again->size(), store->size());
  for (EventStore::Index i = 0; i < store->size(); ++i) {
    EXPECT_EQ(again->incident(i), store->incident(i)) << store->id(i);
    EXPECT_EQ(again->isAggregate(i), store->isAggregate(i)) << store->id(i);
  }
  EXPECT_EQ(again->shapedIncidents(), store->shapedIncidents());
}

TEST(Shapes, ACorridorOrAnAreaIsInTheHistoryOfEveryPlaceItTouches) {
  const auto store = EventStore::build(mixed());
  const HistoryPlace onLine{std::nullopt, "on the line", -9.5, 13.52};  // about 2 km from the middle vertex
  const HistoryPlace offLine{std::nullopt, "off the line", -9.5, 13.7}; // about 19 km from the line
  const HistoryPlace inArea{std::nullopt, "in the area", -6.15, 13.85}; // inside the outer square
  const HistoryPlace inHole{std::nullopt, "in the hole", -6.0, 14.125}; // in the hole, under 3 km from its edge
  const HistoryPlace farAway{std::nullopt, "far away", -3.0, 16.0};
  const EventStore::Index line = *indexOf(*store, "corridor");
  const EventStore::Index whole = *indexOf(*store, "area");
  EXPECT_TRUE(touchesPlace(*store, line, onLine));
  EXPECT_FALSE(touchesPlace(*store, line, offLine));
  EXPECT_TRUE(touchesPlace(*store, whole, inArea));
  EXPECT_TRUE(touchesPlace(*store, whole, inHole)) << "within 5 km of the hole's outline";
  EXPECT_FALSE(touchesPlace(*store, whole, farAway));

  // The history lists the whole with its parts, and counts the parts only.
  HistoryOptions options;
  options.radiusMetres = 30000.0;
  const PlaceHistory history = placeHistory(*store, inArea, options);
  std::set<std::string> ids;
  for (const HistoryEntry& entry : history.entries) ids.insert(std::string(store->id(entry.index)));
  EXPECT_TRUE(ids.count("area"));
  EXPECT_TRUE(ids.count("inside"));
  EXPECT_TRUE(ids.count("later"));
  EXPECT_FALSE(ids.count("unplaced"));
  EXPECT_EQ(history.summary.aggregates, 1u);
  EXPECT_EQ(history.summary.incidents, history.entries.size() - 1);
}

} // namespace sv

namespace sv {

// The GeoPackage form keeps every record whole, shapes and parts included,
// and is read back by the importer like any file.
TEST(Shapes, TheGeoPackageFormRoundTripsWithLinesAreasAndParts) {
  std::vector<Incident> incidents = mixed();
  const IncidentReadResult bundled = readIncidentDataset(SV_TEST_INCIDENTS);
  ASSERT_TRUE(bundled.ok);
  incidents.insert(incidents.end(), bundled.incidents.begin(), bundled.incidents.end());
  const auto path = std::filesystem::temp_directory_path() / "sv-shapes-test.gpkg";
  std::filesystem::remove(path);
  std::string error;
  ASSERT_TRUE(writeIncidentGeoPackage(path.string(), {"both", "Both", "d", "2026-12-04", "CC BY"}, incidents, &error))
      << error;
  EXPECT_TRUE(isIncidentGeoPackage(path.string()));
  const IncidentReadResult read = importIncidents(path.string(), {});
  ASSERT_TRUE(read.ok) << read.error;
  for (const auto& r : read.rejected) ADD_FAILURE() << describeRejection(path.string(), r);
  EXPECT_EQ(read.incidents, incidents);
  EXPECT_EQ(read.info.title, "Both");
  EXPECT_EQ(read.info.licence, "CC BY");
  EXPECT_EQ(read.format, "Situation Viewer GeoPackage");
  std::filesystem::remove(path);
}

} // namespace sv
