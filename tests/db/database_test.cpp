// The database layer against a real PostgreSQL/PostGIS server: the schema,
// pushes and their rollback, reads with the time range and extent pushed
// down, hostile names and values, the errors users meet, and notifications.
#include "db/testserver.h"

#include "bench/synthetic.h"

#include "db/database.h"
#include "io/incidentdataset.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <set>

namespace sv {
namespace {

using test::TestServer;

std::unique_ptr<db::Connection> connect(const std::string& uri, const std::string& password = {},
                                        db::Error* failure = nullptr) {
  db::Error error;
  auto location = db::parseLocation(uri, &error);
  EXPECT_TRUE(location) << error.message;
  if (!location) return nullptr;
  auto connection = db::Connection::open(*location, password, &error);
  if (failure) *failure = error;
  return connection;
}

std::vector<Incident> bundledIncidents() {
  IncidentReadResult read = readIncidentDataset(SV_TEST_INCIDENTS);
  EXPECT_TRUE(read.ok) << read.error;
  return std::move(read.incidents);
}

std::vector<Incident> sortedById(std::vector<Incident> incidents) {
  std::sort(incidents.begin(), incidents.end(), [](const Incident& a, const Incident& b) { return a.id < b.id; });
  return incidents;
}

// Equal as sets of whole records, and where not, the first that differs.
::testing::AssertionResult sameIncidents(std::vector<Incident> actual, std::vector<Incident> expected) {
  actual = sortedById(std::move(actual));
  expected = sortedById(std::move(expected));
  if (actual.size() != expected.size())
    return ::testing::AssertionFailure() << actual.size() << " incidents where " << expected.size() << " were expected";
  for (std::size_t k = 0; k < actual.size(); ++k)
    if (!(actual[k] == expected[k]))
      return ::testing::AssertionFailure() << "incident " << expected[k].id << " differs (read back as " << actual[k].id
                                           << ": '" << actual[k].summary.substr(0, 60) << "')";
  return ::testing::AssertionSuccess();
}

std::int64_t count(db::Connection& connection, const std::string& sql) {
  db::Error error;
  const auto rows = connection.query(sql, {}, &error);
  EXPECT_TRUE(rows) << error.message;
  if (!rows || rows->empty() || !(*rows)[0][0]) return -1;
  return std::stoll(*(*rows)[0][0]);
}

// A database with the schema made and the bundled incidents pushed.
struct Loaded {
  std::string database;
  std::unique_ptr<db::Connection> connection;
};
Loaded initialisedDatabase(const TestServer& server, bool push = true, const std::string& query = {}) {
  Loaded loaded;
  loaded.database = server.freshDatabase();
  loaded.connection = connect(server.uri(loaded.database, query));
  db::Error error;
  EXPECT_TRUE(loaded.connection && db::initSchema(*loaded.connection, &error)) << error.message;
  if (push && loaded.connection) {
    db::PushCounts counts;
    EXPECT_TRUE(db::pushIncidents(*loaded.connection, "mali-situation", {"mali-situation", "The situation", "", "", ""},
                                  bundledIncidents(), &counts, &error))
        << error.message;
  }
  return loaded;
}

TEST(Database, InitTwiceMakesTheSchemaOnceAndChangesNothing) {
  const TestServer* server = TestServer::get();
  ASSERT_TRUE(server);
  const std::string database = server->freshDatabase();
  auto connection = connect(server->uri(database));
  ASSERT_TRUE(connection);
  db::Error error;
  ASSERT_TRUE(db::initSchema(*connection, &error)) << error.message;
  EXPECT_TRUE(db::checkSchema(*connection, &error)) << error.message;
  const auto indexes = [&] {
    return count(*connection,
                 "SELECT count(*) FROM pg_indexes WHERE schemaname = 'public' AND tablename LIKE 'incidents%'");
  };
  const std::int64_t before = indexes();
  // The GiST index on the geometry, one on each date, and the primary keys.
  EXPECT_EQ(count(*connection, "SELECT count(*) FROM pg_indexes WHERE indexdef LIKE '%USING gist (geom)%'"), 1);
  EXPECT_EQ(count(*connection,
                  "SELECT count(*) FROM pg_indexes WHERE indexname IN ('incidents_start_idx', "
                  "'incidents_end_idx')"),
            2);
  EXPECT_EQ(count(*connection,
                  "SELECT count(*) FROM geometry_columns WHERE f_table_name = 'incidents' AND srid = 4326 "
                  "AND type = 'POINT'"),
            1);
  // Lines and areas beside the points, indexed too.
  EXPECT_EQ(count(*connection,
                  "SELECT count(*) FROM geometry_columns WHERE f_table_name = 'incidents' AND f_geometry_column = "
                  "'shape' AND srid = 4326 AND type = 'GEOMETRY'"),
            1);
  EXPECT_EQ(count(*connection, "SELECT count(*) FROM pg_indexes WHERE indexdef LIKE '%USING gist (shape)%'"), 1);
  db::PushCounts counts;
  ASSERT_TRUE(db::pushIncidents(*connection, "bundled", {}, bundledIncidents(), &counts, &error)) << error.message;
  ASSERT_TRUE(db::initSchema(*connection, &error)) << error.message;
  EXPECT_EQ(indexes(), before);
  EXPECT_EQ(count(*connection, "SELECT count(*) FROM incidents"), 63) << "init again keeps the data";
  EXPECT_EQ(
      count(*connection, "SELECT count(*) FROM pg_trigger WHERE tgname LIKE 'incidents\\_%' AND NOT tgisinternal"), 7);
}

TEST(Database, PushTwiceLeavesTheSameRowsAndReadsBackExactly) {
  const TestServer* server = TestServer::get();
  ASSERT_TRUE(server);
  Loaded loaded = initialisedDatabase(*server, false);
  db::Connection& connection = *loaded.connection;
  const std::vector<Incident> incidents = bundledIncidents();
  db::Error error;
  db::PushCounts first, second;
  ASSERT_TRUE(db::pushIncidents(connection, "bundled", {}, incidents, &first, &error)) << error.message;
  EXPECT_EQ(first.inserted, incidents.size());
  const std::int64_t sources = count(connection, "SELECT count(*) FROM incidents_sources");
  const std::int64_t version = db::changeVersion(connection, nullptr).value_or(-1);
  ASSERT_TRUE(db::pushIncidents(connection, "bundled", {}, incidents, &second, &error)) << error.message;
  EXPECT_EQ(db::changeVersion(connection, nullptr).value_or(-2), version) << "nothing changed, nobody is told";
  EXPECT_EQ(second.inserted, 0u);
  EXPECT_EQ(second.updated, 0u);
  EXPECT_EQ(second.unchanged, incidents.size());
  EXPECT_EQ(count(connection, "SELECT count(*) FROM incidents"), static_cast<std::int64_t>(incidents.size()));
  EXPECT_EQ(count(connection, "SELECT count(*) FROM incidents_sources"), sources);

  // Every field, source and actor comes back as it went.
  IncidentReadResult read = db::readIncidents(connection, {});
  ASSERT_TRUE(read.ok) << read.error;
  EXPECT_TRUE(read.rejected.empty());
  EXPECT_TRUE(sameIncidents(read.incidents, incidents));

  // A corrected incident is an update, the others stay.
  std::vector<Incident> corrected = incidents;
  corrected[3].summary += " (corrected)";
  corrected[3].sources.pop_back();
  db::PushCounts third;
  ASSERT_TRUE(db::pushIncidents(connection, "bundled", {}, corrected, &third, &error)) << error.message;
  EXPECT_EQ(third.updated, 1u);
  EXPECT_EQ(third.unchanged, incidents.size() - 1);
  read = db::readIncidents(connection, {});
  EXPECT_TRUE(sameIncidents(read.incidents, corrected));
}

TEST(Database, APushThatFailsMidwayOrIsCancelledLeavesTheDatabaseAsItWas) {
  const TestServer* server = TestServer::get();
  ASSERT_TRUE(server);
  Loaded loaded = initialisedDatabase(*server);
  db::Connection& connection = *loaded.connection;
  const auto before = sortedById(db::readIncidents(connection, {}).incidents);
  ASSERT_EQ(before.size(), 63u);
  const std::int64_t version = db::changeVersion(connection, nullptr).value_or(-1);

  // New incidents, a corrected one, and one the server refuses halfway
  // through the upsert (a trigger of the test's, as a constraint would).
  std::vector<Incident> next = bundledIncidents();
  next[0].summary = "changed";
  std::vector<Incident> extra = test::generateSyntheticIncidents({.count = 500});
  for (std::size_t k = 0; k < extra.size(); ++k) extra[k].id = "NEW-" + std::to_string(k);
  next.insert(next.end(), extra.begin(), extra.end());
  server->execute(loaded.database,
                  "CREATE FUNCTION refuse() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF NEW.id = 'NEW-250' "
                  "THEN RAISE EXCEPTION 'refused by the test'; END IF; RETURN NEW; END $$; CREATE TRIGGER refuse "
                  "BEFORE INSERT ON incidents FOR EACH ROW EXECUTE FUNCTION refuse()");
  db::Error error;
  EXPECT_FALSE(db::pushIncidents(connection, "next", {}, next, nullptr, &error));
  EXPECT_EQ(error.kind, db::ErrorKind::Rejected) << error.message;
  EXPECT_NE(error.message.find("refused by the test"), std::string::npos) << error.message;
  EXPECT_TRUE(sameIncidents(db::readIncidents(connection, {}).incidents, before));
  EXPECT_EQ(count(connection, "SELECT count(*) FROM incidents_datasets WHERE name = 'next'"), 0);

  // Cancelled between chunks of the upload.
  server->execute(loaded.database, "DROP TRIGGER refuse ON incidents");
  std::atomic_bool cancel{false};
  int calls = 0;
  EXPECT_FALSE(db::pushIncidents(connection, "next", {}, next, nullptr, &error, &cancel, [&](double) {
    if (++calls == 1) cancel = true;
  }));
  EXPECT_EQ(error.kind, db::ErrorKind::Cancelled) << error.message;
  EXPECT_TRUE(sameIncidents(db::readIncidents(connection, {}).incidents, before));
  EXPECT_EQ(db::changeVersion(connection, nullptr).value_or(-2), version) << "nothing changed, nothing notified";

  // The connection stays usable, and the same push now goes through (as the
  // same dataset: the others' rows would change their dataset column).
  db::PushCounts counts;
  ASSERT_TRUE(db::pushIncidents(connection, "mali-situation", {}, next, &counts, &error)) << error.message;
  EXPECT_EQ(counts.inserted, extra.size());
  EXPECT_EQ(counts.updated, 1u);
}

TEST(Database, TimeAndExtentPushedDownGiveExactlyWhatTheFileGives) {
  const TestServer* server = TestServer::get();
  ASSERT_TRUE(server);
  Loaded loaded = initialisedDatabase(*server, false);
  db::Connection& connection = *loaded.connection;
  std::vector<Incident> incidents = test::generateSyntheticIncidents({.count = 20000});
  const std::vector<Incident> bundled = bundledIncidents();
  incidents.insert(incidents.end(), bundled.begin(), bundled.end());
  db::Error error;
  ASSERT_TRUE(db::pushIncidents(connection, "synthetic", {}, incidents, nullptr, &error)) << error.message;
  const auto file = EventStore::build(incidents);

  struct Case {
    const char* what;
    db::Query query;
  };
  const DayNumber oct2020 = dayFromCivil({2020, 10, 1});
  const std::vector<Case> cases = {
      {"one month, all of Mali", {oct2020, dayFromCivil({2020, 10, 31}), std::nullopt}},
      {"one day", {dayFromCivil({2025, 8, 19}), dayFromCivil({2025, 8, 19}), std::nullopt}},
      {"a year around Ségou",
       {dayFromCivil({2019, 1, 1}), dayFromCivil({2019, 12, 31}), db::Query::Extent{-7, 12.5, -5, 14.5}}},
      {"everything in the north", {std::nullopt, std::nullopt, db::Query::Extent{-6, 17, 5, 25}}},
      {"up to 2000", {std::nullopt, dayFromCivil({2000, 1, 1}), std::nullopt}},
      {"from 2025", {dayFromCivil({2025, 1, 1}), std::nullopt, std::nullopt}},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.what);
    IncidentReadResult read = db::readIncidents(connection, c.query);
    ASSERT_TRUE(read.ok) << read.error;
    EXPECT_FALSE(read.notes.empty()) << "the report says only a part was fetched";
    std::vector<Incident> expected;
    const DayNumber from = c.query.from.value_or(std::numeric_limits<DayNumber>::min() / 2);
    const DayNumber to = c.query.to.value_or(std::numeric_limits<DayNumber>::max() / 2);
    IncidentFilter every;
    every.includeAggregates = true; // a read fetches records, the aggregates among them
    for (const EventStore::Index i : file->overlapping(from, to, every)) {
      Incident incident = file->incident(i);
      if (c.query.extent) {
        const auto& e = *c.query.extent;
        if (incident.longitude < e.west || incident.longitude > e.east || incident.latitude < e.south ||
            incident.latitude > e.north)
          continue;
      }
      expected.push_back(std::move(incident));
    }
    EXPECT_GT(expected.size(), 0u);
    EXPECT_TRUE(sameIncidents(read.incidents, expected));
  }
}

TEST(Database, HostileNamesAreRefusedAndHostileValuesTravelAsData) {
  const TestServer* server = TestServer::get();
  ASSERT_TRUE(server);
  for (const char* table : {"x%22%3B%20DROP%20TABLE%20incidents%3B--", "Incidents", "a-b", "incidents%00",
                            "a_name_that_is_far_too_long_for_the_tables_the_viewer_derives_from_it"}) {
    db::Error error;
    EXPECT_FALSE(db::parseLocation(server->uri("postgres", std::string("table=") + table), &error)) << table;
    EXPECT_EQ(error.kind, db::ErrorKind::BadUri);
  }
  db::Error error;
  EXPECT_FALSE(db::parseLocation(server->uri("postgres", "schema=public;drop"), &error));

  Loaded loaded = initialisedDatabase(*server, false, "schema=hostile_1&table=events_2");
  db::Connection& connection = *loaded.connection;
  std::vector<Incident> incidents = bundledIncidents();
  incidents.resize(3);
  incidents[0].id = "x'); DROP TABLE hostile_1.events_2; --";
  incidents[0].summary = "tab\there, line\nbreak, CR\r, backslash \\ \\N \\t, quote ' \" and {braces},";
  incidents[0].actors.primary = {"JNIM \"the group\"", "a,b", "{x}", "back\\slash", "NULL", ""};
  incidents[1].place = "Ségou — ɛ ɔ ɲ ŋ 🙂";
  incidents[1].sources[0].passage = "$1 $$ $body$ ::date %s";
  incidents[2].locationNote = std::string(100000, 'x');
  ASSERT_TRUE(db::pushIncidents(connection, "hostile'; --", {"n", "t'", "d\"", "c", "l\\"}, incidents, nullptr, &error))
      << error.message;
  IncidentReadResult read = db::readIncidents(connection, {});
  ASSERT_TRUE(read.ok) << read.error;
  EXPECT_TRUE(sameIncidents(read.incidents, incidents));
  EXPECT_EQ(count(connection, "SELECT count(*) FROM hostile_1.events_2"), 3);
}

TEST(Database, ErrorsNameTheirCause) {
  const TestServer* server = TestServer::get();
  ASSERT_TRUE(server);
  db::Error error;
  // Wrong password, and none at all (where the environment gives none).
  EXPECT_FALSE(connect(server->uriWithoutPassword("postgres"), "wrong", &error));
  EXPECT_EQ(error.kind, db::ErrorKind::AuthenticationFailed) << error.message;
  EXPECT_NE(error.message.find("password"), std::string::npos);
  EXPECT_EQ(error.message.find(server->password), std::string::npos);
  qunsetenv("PGPASSWORD");
  qputenv("PGPASSFILE", "/nonexistent");
  EXPECT_FALSE(connect(server->uriWithoutPassword("postgres"), {}, &error));
  EXPECT_EQ(error.kind, db::ErrorKind::NeedsPassword) << error.message;
  // No database of that name; no server on that port.
  EXPECT_FALSE(connect(server->uri("no_such_database"), {}, &error));
  EXPECT_EQ(error.kind, db::ErrorKind::NoDatabase) << error.message;
  EXPECT_FALSE(connect("postgresql://sv_test@127.0.0.1:1/postgres", "x", &error));
  EXPECT_EQ(error.kind, db::ErrorKind::Unreachable) << error.message;

  // No PostGIS in the database.
  const std::string plain = server->freshDatabase();
  auto connection = connect(server->uri(plain));
  ASSERT_TRUE(connection);
  EXPECT_FALSE(db::checkSchema(*connection, &error));
  EXPECT_EQ(error.kind, db::ErrorKind::NoPostGis) << error.message;
  EXPECT_NE(error.message.find("PostGIS"), std::string::npos);
  // PostGIS, but no table there; then a table of another format.
  server->execute(plain, "CREATE EXTENSION postgis");
  EXPECT_FALSE(db::checkSchema(*connection, &error));
  EXPECT_EQ(error.kind, db::ErrorKind::NoTable) << error.message;
  EXPECT_NE(error.message.find("db init"), std::string::npos);
  server->execute(plain, "CREATE TABLE incidents (id text, happened date)");
  EXPECT_FALSE(db::checkSchema(*connection, &error));
  EXPECT_EQ(error.kind, db::ErrorKind::WrongSchema) << error.message;
  const IncidentReadResult read = db::readIncidents(*connection, {});
  EXPECT_FALSE(read.ok);
  EXPECT_NE(read.error.find("start_date"), std::string::npos) << read.error;
}

TEST(Database, ARowAnotherClientMadeUnusableIsRejectedAndTheOthersRead) {
  const TestServer* server = TestServer::get();
  ASSERT_TRUE(server);
  Loaded loaded = initialisedDatabase(*server);
  server->execute(loaded.database,
                  "UPDATE incidents SET end_date = 'infinity' WHERE id = 'MLI-2020-004'; "
                  "UPDATE incidents SET event_type = 'Skirmish' WHERE id = 'MLI-2020-006'");
  const IncidentReadResult read = db::readIncidents(*loaded.connection, {});
  ASSERT_TRUE(read.ok) << read.error;
  EXPECT_EQ(read.incidents.size(), 61u);
  ASSERT_EQ(read.rejected.size(), 2u);
  EXPECT_EQ(read.rejected[0].id.substr(0, 8), "MLI-2020");
  EXPECT_EQ(read.recordsRead, 63u);
}

TEST(Database, AReaderRoleViewsButCannotPush) {
  const TestServer* server = TestServer::get();
  ASSERT_TRUE(server);
  Loaded loaded = initialisedDatabase(*server);
  // The grants docs/database.md gives the reader role.
  server->execute(loaded.database,
                  "DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'sv_reader') THEN CREATE ROLE "
                  "sv_reader LOGIN PASSWORD 'reader'; END IF; END $$; GRANT CONNECT ON DATABASE " +
                      loaded.database +
                      " TO sv_reader; GRANT USAGE ON SCHEMA public TO sv_reader; GRANT SELECT ON "
                      "incidents, incidents_sources, incidents_datasets, incidents_changes TO sv_reader");
  db::Error error;
  auto reader = connect("postgresql://sv_reader@127.0.0.1:" + server->port + "/" + loaded.database, "reader", &error);
  ASSERT_TRUE(reader) << error.message;
  const IncidentReadResult read = db::readIncidents(*reader, {});
  ASSERT_TRUE(read.ok) << read.error;
  EXPECT_EQ(read.incidents.size(), 63u);
  EXPECT_FALSE(db::pushIncidents(*reader, "x", {}, bundledIncidents(), nullptr, &error));
  EXPECT_EQ(error.kind, db::ErrorKind::Permission) << error.message;
}

TEST(Database, ListenersHearAnotherClientsChange) {
  const TestServer* server = TestServer::get();
  ASSERT_TRUE(server);
  Loaded loaded = initialisedDatabase(*server, false);
  db::Error error;
  auto location = db::parseLocation(server->uri(loaded.database), &error);
  ASSERT_TRUE(location);
  auto listener = db::ChangeListener::open(*location, {}, &error);
  ASSERT_TRUE(listener) << error.message;
  // Another table's changes are not ours.
  auto other = connect(server->uri(loaded.database, "table=other"));
  ASSERT_TRUE(other && db::initSchema(*other, &error)) << error.message;
  ASSERT_TRUE(db::pushIncidents(*other, "x", {}, bundledIncidents(), nullptr, &error)) << error.message;
  EXPECT_EQ(listener->wait(1000), db::ChangeListener::Event::Timeout);
  ASSERT_TRUE(db::pushIncidents(*loaded.connection, "x", {}, bundledIncidents(), nullptr, &error)) << error.message;
  db::ChangeListener::Event event = db::ChangeListener::Event::Timeout;
  for (int k = 0; k < 20 && event == db::ChangeListener::Event::Timeout; ++k) event = listener->wait(500);
  EXPECT_EQ(event, db::ChangeListener::Event::Changed);
  EXPECT_GT(db::changeVersion(*loaded.connection, nullptr).value_or(0), 0) << "the change marker moved";
}

TEST(Database, UrisKeepOurParametersAndHideThePassword) {
  db::Error error;
  const auto location = db::parseLocation(
      "postgresql://ana:s3cret@db.example.org:5433/situation?sslmode=require&schema=mali&table=events", &error);
  ASSERT_TRUE(location) << error.message;
  EXPECT_EQ(location->schema, "mali");
  EXPECT_EQ(location->table, "events");
  EXPECT_EQ(location->user, "ana");
  EXPECT_EQ(location->password, "s3cret");
  EXPECT_EQ(location->host, "db.example.org");
  EXPECT_EQ(location->port, "5433");
  EXPECT_EQ(location->database, "situation");
  EXPECT_EQ(location->connection, "postgresql://ana:s3cret@db.example.org:5433/situation?sslmode=require");
  EXPECT_EQ(location->display,
            "postgresql://ana@db.example.org:5433/situation?sslmode=require&schema=mali&table=events");
  EXPECT_EQ(db::makeUri("db.example.org", "5433", "situation", "ana", "require", "mali", "events"),
            "postgresql://ana@db.example.org:5433/situation?sslmode=require&schema=mali&table=events");
  EXPECT_FALSE(db::parseLocation("postgresql://host/db?nonsense=1", &error));
  EXPECT_EQ(error.kind, db::ErrorKind::BadUri);
  // A password is never shown, wherever the URI gives it.
  const auto inQuery = db::parseLocation("postgresql://ana@host/db?pass%77ord=s3cret&sslmode=require", &error);
  ASSERT_TRUE(inQuery) << error.message;
  EXPECT_EQ(inQuery->password, "s3cret");
  EXPECT_EQ(inQuery->display.find("s3cret"), std::string::npos) << inQuery->display;
  EXPECT_FALSE(db::parseLocation("postgresql://ana:s3cret@host/db?bogus=1", &error));
  EXPECT_EQ(error.message.find("s3cret"), std::string::npos) << error.message;
}

} // namespace
} // namespace sv

namespace sv {
namespace {

// A road of two stretches, straight between the towns a source names, and an
// area with a hole: each a geometry of its own beside the point.
std::vector<Incident> shapedIncidents() {
  Incident road;
  road.id = "road";
  road.start = road.end = dayFromCivil({2025, 9, 10});
  road.type = EventType::StrategicDevelopments;
  road.shape = PlaceShape::Line;
  road.locationPrecision = LocationPrecision::Route;
  road.shapeParts = {{{-11.43, 14.45}, {-9.5, 13.5}}, {{-9.5, 13.5}, {-8.0, 12.65}}};
  road.sources.push_back({"doc.md", "", "", "", "", "the road was cut"});
  Incident zone = road;
  zone.id = "zone";
  zone.shape = PlaceShape::Area;
  zone.locationPrecision = LocationPrecision::Near;
  zone.shapeParts.clear();
  appendPolygon(zone.shapeParts, {{{-4.0, 15.0}, {-2.0, 15.0}, {-2.0, 17.0}, {-4.0, 17.0}, {-4.0, 15.0}},
                                  {{-3.5, 16.5}, {-3.0, 16.5}, {-3.0, 16.8}, {-3.5, 16.8}, {-3.5, 16.5}}});
  appendPolygon(zone.shapeParts, {{{0.0, 15.0}, {1.0, 15.0}, {1.0, 16.0}, {0.0, 15.0}}});
  placeAtRepresentativePoint(road);
  placeAtRepresentativePoint(zone);
  Incident part = road;
  part.id = "part";
  part.shape = PlaceShape::Point;
  part.locationPrecision = LocationPrecision::Exact;
  part.shapeParts.clear();
  part.longitude = -3.2;
  part.latitude = 15.5;
  part.partOf = "zone";
  Incident nowhere = part;
  nowhere.id = "nowhere";
  nowhere.shape = PlaceShape::Unplaced;
  nowhere.locationPrecision = LocationPrecision::Country;
  nowhere.longitude = nowhere.latitude = 0.0;
  nowhere.partOf.clear();
  return {road, zone, part, nowhere};
}

} // namespace

TEST(Database, LinesAreasUnplacedIncidentsAndPartsTravelWhole) {
  const TestServer* server = TestServer::get();
  ASSERT_TRUE(server);
  Loaded loaded = initialisedDatabase(*server, false);
  db::Error error;
  const std::vector<Incident> incidents = shapedIncidents();
  ASSERT_TRUE(db::pushIncidents(*loaded.connection, "shapes", {}, incidents, nullptr, &error)) << error.message;
  EXPECT_EQ(count(*loaded.connection, "SELECT count(*) FROM incidents WHERE geom IS NULL"), 1) << "the unplaced one";
  EXPECT_EQ(count(*loaded.connection,
                  "SELECT count(*) FROM incidents WHERE GeometryType(shape) IN ('MULTILINESTRING', 'MULTIPOLYGON')"),
            2);
  IncidentReadResult read = db::readIncidents(*loaded.connection, {});
  ASSERT_TRUE(read.ok) << read.error;
  EXPECT_TRUE(read.rejected.empty());
  EXPECT_TRUE(sameIncidents(read.incidents, incidents));

  // An extent the road crosses, far from its representative point: the road comes.
  read =
      db::readIncidents(*loaded.connection, {std::nullopt, std::nullopt, db::Query::Extent{-11.0, 14.0, -10.5, 14.5}});
  ASSERT_TRUE(read.ok) << read.error;
  ASSERT_EQ(read.incidents.size(), 1u);
  EXPECT_EQ(read.incidents[0].id, "road");
}

TEST(Database, ATableFromBeforeShapesIsNamedAndInitUpgradesItKeepingItsRows) {
  const TestServer* server = TestServer::get();
  ASSERT_TRUE(server);
  Loaded loaded = initialisedDatabase(*server);
  // The table as the first schema made it: points only, no parts, no routes.
  server->execute(loaded.database,
                  "DELETE FROM incidents WHERE geom IS NULL OR shape IS NOT NULL OR part_of <> ''; "
                  "DROP INDEX incidents_shape_idx; ALTER TABLE incidents DROP COLUMN shape, DROP COLUMN part_of; "
                  "ALTER TABLE incidents ALTER COLUMN geom SET NOT NULL; "
                  "ALTER TABLE incidents DROP CONSTRAINT incidents_location_precision_check; "
                  "ALTER TABLE incidents ADD CONSTRAINT incidents_location_precision_check CHECK "
                  "(location_precision IN ('exact', 'near', 'cercle', 'region', 'country'))");
  const std::int64_t rows = count(*loaded.connection, "SELECT count(*) FROM incidents");
  ASSERT_GT(rows, 30);
  db::Error error;
  EXPECT_FALSE(db::checkSchema(*loaded.connection, &error));
  EXPECT_EQ(error.kind, db::ErrorKind::WrongSchema) << error.message;
  EXPECT_NE(error.message.find("db init"), std::string::npos) << error.message;
  EXPECT_FALSE(db::pushIncidents(*loaded.connection, "shapes", {}, shapedIncidents(), nullptr, &error));

  ASSERT_TRUE(db::initSchema(*loaded.connection, &error)) << error.message;
  EXPECT_EQ(count(*loaded.connection, "SELECT count(*) FROM incidents"), rows) << "the upgrade keeps the rows";
  ASSERT_TRUE(db::pushIncidents(*loaded.connection, "shapes", {}, shapedIncidents(), nullptr, &error)) << error.message;
  const IncidentReadResult read = db::readIncidents(*loaded.connection, {});
  ASSERT_TRUE(read.ok) << read.error;
  EXPECT_EQ(read.incidents.size(), static_cast<std::size_t>(rows) + 4);
  EXPECT_TRUE(read.rejected.empty());
}

} // namespace sv
