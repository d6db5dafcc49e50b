// A database table as a dataset of the session and of the commands, against
// the real server: opened as the file of the same data is, refreshed when
// another client pushes, stale while the server is gone and back after.
#include "db/testserver.h"

#include "app/viewerprocess.h"
#include "mainwindow.h"
#include "session/databasesource.h"
#include "session/mapcontext.h"
#include "session/session.h"
#include "widgets/datasetpanel.h"

#include "db/database.h"
#include "io/incidentdataset.h"

#include <QDateEdit>
#include <QElapsedTimer>
#include <QImage>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTreeWidget>

#include <gtest/gtest.h>

#include <algorithm>
#include <memory>
#include <vector>

namespace sv {
namespace {

using test::runViewer;
using test::TestServer;
using test::ViewerRun;

QString q(const std::string& text) { return QString::fromStdString(text); }

// A database with the schema made and `file` pushed by the command line, as a user does it.
std::string pushedDatabase(const TestServer& server, const QString& file = QStringLiteral(SV_TEST_INCIDENTS)) {
  const std::string database = server.freshDatabase();
  const QString uri = q(server.uri(database));
  const ViewerRun init = runViewer({QStringLiteral("db"), QStringLiteral("init"), uri});
  EXPECT_EQ(init.exitCode, 0) << init.err.toStdString();
  const ViewerRun push = runViewer({QStringLiteral("db"), QStringLiteral("push"), uri, QStringLiteral("--data"), file});
  EXPECT_EQ(push.exitCode, 0) << push.err.toStdString();
  return database;
}

MapContext contextWith(const QString& data) {
  QString error;
  auto context = loadMapContext(QStringLiteral(SV_TEST_GEODATA), &error);
  EXPECT_TRUE(context) << error.toStdString();
  EXPECT_TRUE(loadIncidents(*context, {data}, &error)) << error.toStdString();
  return std::move(*context);
}

std::vector<Incident> incidentsOf(const EventStore& store) {
  std::vector<Incident> incidents;
  for (EventStore::Index i = 0; i < store.size(); ++i) incidents.push_back(store.incident(i));
  return incidents;
}

TEST(DatabaseCommands, InitAndPushTwiceReportWhatTheyDid) {
  const TestServer* server = TestServer::get();
  ASSERT_TRUE(server);
  const std::string database = server->freshDatabase();
  const QString uri = q(server->uri(database));
  for (int run = 0; run < 2; ++run) {
    const ViewerRun init = runViewer({QStringLiteral("db"), QStringLiteral("init"), uri});
    EXPECT_EQ(init.exitCode, 0) << init.err.toStdString();
    EXPECT_TRUE(init.out.contains(QStringLiteral("the incident schema is ready"))) << init.out.toStdString();
    EXPECT_FALSE(init.out.contains(q(server->password)) || init.err.contains(q(server->password)));
    EXPECT_TRUE(init.err.isEmpty()) << init.err.toStdString();
  }
  // Without --data: the bundled dataset, with its import report.
  const ViewerRun first = runViewer({QStringLiteral("db"), QStringLiteral("push"), uri});
  EXPECT_EQ(first.exitCode, 0) << first.err.toStdString();
  EXPECT_TRUE(first.out.contains(QStringLiteral("63 features read, 63 incidents accepted"))) << first.out.toStdString();
  EXPECT_TRUE(first.out.contains(QStringLiteral("63 incidents pushed (63 inserted, 0 updated, 0 unchanged)")))
      << first.out.toStdString();
  const ViewerRun second = runViewer({QStringLiteral("db"), QStringLiteral("push"), uri});
  EXPECT_TRUE(second.out.contains(QStringLiteral("63 incidents pushed (0 inserted, 0 updated, 63 unchanged)")))
      << second.out.toStdString();

  // An import with rejected rows: the good ones go, the report lists the others.
  const ViewerRun mixed = runViewer({QStringLiteral("db"), QStringLiteral("push"), uri, QStringLiteral("--data"),
                                     QStringLiteral(SV_TEST_DATA "/import/acled-2025.csv")});
  EXPECT_EQ(mixed.exitCode, 0) << mixed.err.toStdString();
  EXPECT_TRUE(mixed.out.contains(QStringLiteral("8 rows read, 3 incidents accepted, 1 duplicates merged, 4 rejected")))
      << mixed.out.toStdString();
  EXPECT_TRUE(mixed.out.contains(QStringLiteral("3 incidents pushed (3 inserted"))) << mixed.out.toStdString();

  // Usage and failures.
  EXPECT_EQ(runViewer({QStringLiteral("db"), QStringLiteral("drop"), uri}).exitCode, 2);
  EXPECT_EQ(runViewer({QStringLiteral("db"), QStringLiteral("init"), QStringLiteral("incidents.gpkg")}).exitCode, 2);
  const ViewerRun missing = runViewer({QStringLiteral("db"), QStringLiteral("push"), uri, QStringLiteral("--data"),
                                       QStringLiteral("/nonexistent.csv")});
  EXPECT_EQ(missing.exitCode, 1);
  EXPECT_TRUE(missing.err.contains(QStringLiteral("/nonexistent.csv: not pushed"))) << missing.err.toStdString();
}

TEST(DatabaseCommands, EventsAndExportsFromTheDatabaseMatchTheFile) {
  const TestServer* server = TestServer::get();
  ASSERT_TRUE(server);
  const QString uri = q(server->uri(pushedDatabase(*server)));
  for (const QStringList& options : {QStringList{}, QStringList{QStringLiteral("--from"), QStringLiteral("2025-01-01")},
                                     QStringList{QStringLiteral("--place"), QStringLiteral("Farabougou")}}) {
    const ViewerRun file =
        runViewer(QStringList{QStringLiteral("events"), QStringLiteral("--format"), QStringLiteral("csv")} + options);
    const ViewerRun database = runViewer(QStringList{QStringLiteral("events"), QStringLiteral("--format"),
                                                     QStringLiteral("csv"), QStringLiteral("--data"), uri} +
                                         options);
    EXPECT_EQ(database.exitCode, 0) << database.err.toStdString();
    EXPECT_EQ(database.out, file.out) << options.join(' ').toStdString();
  }
  // The same dossier.
  const ViewerRun fileHistory = runViewer({QStringLiteral("history"), QStringLiteral("Farabougou")});
  const ViewerRun databaseHistory =
      runViewer({QStringLiteral("history"), QStringLiteral("Farabougou"), QStringLiteral("--data"), uri});
  EXPECT_EQ(databaseHistory.exitCode, 0) << databaseHistory.err.toStdString();
  EXPECT_TRUE(databaseHistory.out.contains(QStringLiteral("Farabougou"))) << databaseHistory.out.toStdString();
  EXPECT_EQ(databaseHistory.out, fileHistory.out);
  // The same map, pixel for pixel.
  QTemporaryDir dir;
  const QString fromFile = dir.filePath(QStringLiteral("file.png"));
  const QString fromDatabase = dir.filePath(QStringLiteral("database.png"));
  const QStringList page{QStringLiteral("export"),     QStringLiteral("--size"),     QStringLiteral("800x600"),
                         QStringLiteral("--from"),     QStringLiteral("2020-01-01"), QStringLiteral("--to"),
                         QStringLiteral("2021-12-31"), QStringLiteral("--title"),    QStringLiteral("Test")};
  ASSERT_EQ(runViewer(page + QStringList{QStringLiteral("-o"), fromFile}).exitCode, 0);
  const ViewerRun exported =
      runViewer(page + QStringList{QStringLiteral("-o"), fromDatabase, QStringLiteral("--data"), uri});
  ASSERT_EQ(exported.exitCode, 0) << exported.err.toStdString();
  EXPECT_EQ(QImage(fromDatabase).convertToFormat(QImage::Format_ARGB32),
            QImage(fromFile).convertToFormat(QImage::Format_ARGB32));
}

TEST(DatabaseCommands, TablesOverTheLoadLimitGiveTheCommandsTheirRange) {
  const TestServer* server = TestServer::get();
  ASSERT_TRUE(server);
  const QString uri = q(server->uri(pushedDatabase(*server)));
  QProcessEnvironment small;
  small.insert(QStringLiteral("SITUATION_VIEWER_DB_LOAD_LIMIT"), QStringLiteral("10"));
  const QStringList month{QStringLiteral("events"),    QStringLiteral("--format"),   QStringLiteral("csv"),
                          QStringLiteral("--from"),    QStringLiteral("2020-10-01"), QStringLiteral("--to"),
                          QStringLiteral("2020-10-31")};
  const ViewerRun file = runViewer(month);
  const ViewerRun database = runViewer(month + QStringList{QStringLiteral("--data"), uri}, small);
  EXPECT_EQ(database.exitCode, 0) << database.err.toStdString();
  EXPECT_EQ(database.out, file.out);
  EXPECT_GT(database.out.count(QLatin1Char('\n')), 2);
}

TEST(DatabaseCommands, APasswordIsNeverGuessedNorShown) {
  const TestServer* server = TestServer::get();
  ASSERT_TRUE(server);
  const QString bare = q(server->uriWithoutPassword("postgres"));
  // No terminal, no PGPASSWORD, no keychain: a clear message and where to put it.
  const ViewerRun run = runViewer({QStringLiteral("events"), QStringLiteral("--data"), bare});
  EXPECT_EQ(run.exitCode, 1);
  EXPECT_TRUE(run.err.contains(QStringLiteral("asks for a password"))) << run.err.toStdString();
  EXPECT_TRUE(run.err.contains(QStringLiteral("PGPASSWORD"))) << run.err.toStdString();
  // PGPASSWORD works as libpq documents it.
  QProcessEnvironment environment;
  environment.insert(QStringLiteral("PGPASSWORD"), q(server->password));
  const std::string database = pushedDatabase(*server);
  const ViewerRun withEnvironment = runViewer(
      {QStringLiteral("events"), QStringLiteral("--data"), q(server->uriWithoutPassword(database))}, environment);
  EXPECT_EQ(withEnvironment.exitCode, 0) << withEnvironment.err.toStdString();
  // A wrong one says so.
  const ViewerRun wrong =
      runViewer({QStringLiteral("events"), QStringLiteral("--data"),
                 QStringLiteral("postgresql://sv_test:wrong@127.0.0.1:%1/postgres").arg(q(server->port))});
  EXPECT_EQ(wrong.exitCode, 1);
  EXPECT_TRUE(wrong.err.contains(QStringLiteral("refused the user name or password"))) << wrong.err.toStdString();
  EXPECT_FALSE(wrong.err.contains(QStringLiteral(":wrong@")));
}

TEST(DatabaseCommands, TheWindowOpensADatabaseNamedWithData) {
  const TestServer* server = TestServer::get();
  ASSERT_TRUE(server);
  const QString uri = q(server->uri(pushedDatabase(*server)));
  QProcessEnvironment environment;
  environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
  // Quits at the first frame drawn once the database is open.
  environment.insert(QStringLiteral("SITUATION_VIEWER_EXIT_AFTER_FIRST_FRAME"), QStringLiteral("1"));
  const ViewerRun run = runViewer({QStringLiteral("--data"), uri}, environment);
  EXPECT_EQ(run.exitCode, 0) << run.err.toStdString();
  EXPECT_TRUE(run.err.contains(QStringLiteral("first frame painted"))) << run.err.toStdString();
}

TEST(DatabaseCommands, ServerDownAtStartIsAClearMessage) {
  const ViewerRun run = runViewer({QStringLiteral("events"), QStringLiteral("--data"),
                                   QStringLiteral("postgresql://nobody:x@127.0.0.1:1/situation")});
  EXPECT_EQ(run.exitCode, 1);
  EXPECT_TRUE(run.err.contains(QStringLiteral("no connection to the server"))) << run.err.toStdString();
}

class DatabaseSession : public ::testing::Test {
protected:
  bool open(Session& session, const QStringList& paths, Session::OpenMode mode) {
    QSignalSpy finished(&session, &Session::importFinished);
    if (!session.openDatasets(paths, mode)) return false;
    if (!finished.wait(60000)) return false;
    const auto outcome = qvariant_cast<DatasetImportOutcome>(finished.first().at(0));
    EXPECT_TRUE(outcome.ok) << outcome.error.toStdString();
    return outcome.ok;
  }
};

TEST_F(DatabaseSession, ATableIsADatasetLikeTheFileAndRefreshesWhenAnotherClientPushes) {
  const TestServer* server = TestServer::get();
  ASSERT_TRUE(server);
  const std::string database = pushedDatabase(*server);
  const QString uri = q(server->uri(database));
  Session session(contextWith(QStringLiteral(SV_TEST_INCIDENTS)));
  const auto file = session.store();
  ASSERT_TRUE(open(session, {uri}, Session::OpenMode::Replace));
  // Kept without its password, as projects and settings keep it.
  ASSERT_EQ(session.datasetPaths(), QStringList{q(server->uriWithoutPassword(database))});
  EXPECT_FALSE(session.project().datasets.front().path.contains(q(server->password)));
  EXPECT_EQ(incidentsOf(*session.store()), incidentsOf(*file));

  // Another client pushes more incidents: the session reads them by itself.
  QSignalSpy changed(&session, &Session::datasetsChanged);
  const ViewerRun push = runViewer({QStringLiteral("db"), QStringLiteral("push"), uri, QStringLiteral("--data"),
                                    QStringLiteral(SV_TEST_FIXTURE_INCIDENTS)});
  ASSERT_EQ(push.exitCode, 0) << push.err.toStdString();
  ASSERT_TRUE(changed.wait(20000)) << "no refresh after another client's push";
  const auto fixture = readIncidentDataset(SV_TEST_FIXTURE_INCIDENTS);
  EXPECT_EQ(session.store()->size(), file->size() + fixture.incidents.size());
}

TEST_F(DatabaseSession, AMissingPasswordIsAskedForAndTheDataShownStays) {
  const TestServer* server = TestServer::get();
  ASSERT_TRUE(server);
  const std::string database = pushedDatabase(*server);
  const QString bare = q(server->uriWithoutPassword(database));
  Session session(contextWith(QStringLiteral(SV_TEST_FIXTURE_INCIDENTS)));
  const std::size_t shown = session.store()->size();
  QSignalSpy finished(&session, &Session::importFinished);
  ASSERT_TRUE(session.openDatasets({bare}, Session::OpenMode::Add));
  ASSERT_TRUE(finished.wait(30000));
  const auto outcome = qvariant_cast<DatasetImportOutcome>(finished.first().at(0));
  EXPECT_FALSE(outcome.ok);
  // The window asks for this one's password and tries again.
  EXPECT_EQ(outcome.passwordNeededFor, bare);
  EXPECT_TRUE(outcome.error.contains(QStringLiteral("asks for a password"))) << outcome.error.toStdString();
  EXPECT_EQ(session.store()->size(), shown);
  // Given (as the password dialog gives it), the same opening goes through.
  DatabasePasswords::remember(bare, q(server->password));
  ASSERT_TRUE(open(session, {bare}, Session::OpenMode::Add));
  EXPECT_EQ(session.datasetCount(), 2u);
  DatabasePasswords::forget(bare);
}

TEST_F(DatabaseSession, AStoppedServerMakesTheLayerStaleWithoutBlockingAndItComesBack) {
  const TestServer* server = TestServer::get();
  ASSERT_TRUE(server);
  const std::string database = pushedDatabase(*server);
  const QString uri = q(server->uri(database));
  Session session(contextWith(QStringLiteral(SV_TEST_INCIDENTS)));
  ASSERT_TRUE(open(session, {QStringLiteral(SV_TEST_FIXTURE_INCIDENTS), uri}, Session::OpenMode::Replace));
  ASSERT_EQ(session.datasetCount(), 2u);
  const std::size_t shown = session.store()->size();
  // Let the watcher connect before the server goes.
  QTest::qWait(1000);

  QSignalSpy stale(&session, &Session::staleChanged);
  // The event loop keeps turning while the server is gone: a timer keeps firing.
  int ticks = 0;
  QTimer ticker;
  QObject::connect(&ticker, &QTimer::timeout, [&ticks] { ++ticks; });
  ticker.start(50);
  server->pause();
  ASSERT_TRUE(stale.wait(20000)) << "the layer did not turn stale";
  EXPECT_EQ(stale.first().at(0).value<std::size_t>(), 1u);
  EXPECT_TRUE(stale.first().at(1).toBool());
  EXPECT_TRUE(session.isStale(1));
  EXPECT_FALSE(session.isStale(0));
  EXPECT_FALSE(session.staleReason(1).isEmpty());
  // What was read stays shown, and the files go on working.
  EXPECT_EQ(session.store()->size(), shown);
  QTest::qWait(1500);
  EXPECT_GT(ticks, 5);

  QSignalSpy refreshed(&session, &Session::datasetsChanged);
  server->resume();
  ASSERT_TRUE(stale.wait(60000)) << "the layer did not come back after the server restarted";
  EXPECT_FALSE(stale.last().at(1).toBool());
  EXPECT_FALSE(session.isStale(1));
  // Back, it reads what may have changed meanwhile.
  EXPECT_TRUE(refreshed.count() > 0 || refreshed.wait(20000));
  EXPECT_EQ(session.store()->size(), shown);
}

TEST_F(DatabaseSession, ATableOverTheLimitShowsAPartAndAnotherPartCanBeFetched) {
  const TestServer* server = TestServer::get();
  ASSERT_TRUE(server);
  const std::string database = pushedDatabase(*server);
  const QString uri = q(server->uri(database));
  qputenv("SITUATION_VIEWER_DB_LOAD_LIMIT", "10");
  Session session(contextWith(QStringLiteral(SV_TEST_INCIDENTS)));
  const auto file = session.store();
  ASSERT_TRUE(open(session, {uri}, Session::OpenMode::Replace));
  // Opened on the table's last year, and saying so.
  auto part = session.databaseWindow(0);
  ASSERT_TRUE(part);
  EXPECT_EQ(part->tableRows, 63);
  EXPECT_EQ(part->tableFirst, file->firstDay());
  EXPECT_EQ(part->tableLast, file->lastDay());
  EXPECT_EQ(part->query.to, file->lastDay());
  EXPECT_EQ(part->query.from, file->lastDay() - kDefaultWindowDays + 1);
  const auto idsOf = [](const EventStore& store, const std::vector<EventStore::Index>& rows) {
    QStringList ids;
    for (const EventStore::Index i : rows)
      ids << QString::fromUtf8(store.id(i).data(), static_cast<qsizetype>(store.id(i).size()));
    ids.sort();
    return ids;
  };
  const auto all = [](const EventStore& store) {
    std::vector<EventStore::Index> rows(store.size());
    for (EventStore::Index i = 0; i < store.size(); ++i) rows[i] = i;
    return rows;
  };
  IncidentFilter every;
  every.includeAggregates = true; // a fetch brings records, the aggregates among them
  EXPECT_EQ(idsOf(*session.store(), all(*session.store())),
            idsOf(*file, file->overlapping(*part->query.from, *part->query.to, every)));

  // The siege of Farabougou instead, within a box around it.
  const DayNumber from = dayFromCivil({2020, 10, 1}), to = dayFromCivil({2020, 10, 31});
  db::Query siege{from, to, db::Query::Extent{-6.5, 14.5, -5.5, 15.5}};
  QSignalSpy changed(&session, &Session::datasetsChanged);
  session.fetchDatabaseWindow(0, siege);
  ASSERT_TRUE(changed.wait(20000));
  part = session.databaseWindow(0);
  ASSERT_TRUE(part);
  EXPECT_EQ(part->query, siege);
  std::vector<EventStore::Index> expected;
  for (const EventStore::Index i : file->overlapping(from, to, every))
    if (file->longitude(i) >= -6.5 && file->longitude(i) <= -5.5 && file->latitude(i) >= 14.5 &&
        file->latitude(i) <= 15.5)
      expected.push_back(i);
  ASSERT_FALSE(expected.empty());
  EXPECT_EQ(idsOf(*session.store(), all(*session.store())), idsOf(*file, expected));

  // The part chosen stays through a refresh after another client's change.
  const ViewerRun push = runViewer({QStringLiteral("db"), QStringLiteral("push"), uri, QStringLiteral("--data"),
                                    QStringLiteral(SV_TEST_FIXTURE_INCIDENTS)});
  ASSERT_EQ(push.exitCode, 0) << push.err.toStdString();
  ASSERT_TRUE(changed.wait(20000));
  EXPECT_EQ(session.databaseWindow(0)->query, siege);
  EXPECT_GT(session.databaseWindow(0)->tableRows, 60);
  qunsetenv("SITUATION_VIEWER_DB_LOAD_LIMIT");
}

TEST(DatabaseWindowPart, TheDatasetsPanelFetchesTheDaysChosen) {
  const TestServer* server = TestServer::get();
  ASSERT_TRUE(server);
  const QString uri = q(server->uri(pushedDatabase(*server)));
  qputenv("SITUATION_VIEWER_DB_LOAD_LIMIT", "10");
  // As the window opens a --data URI: once it shows, on the import job.
  Session session(contextWith(QStringLiteral(SV_TEST_INCIDENTS)));
  MainWindow window(session);
  window.show();
  ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
  QSignalSpy opened(&session, &Session::importFinished);
  window.openDatasets({uri}, MainWindow::OpenMode::Replace);
  ASSERT_TRUE(opened.wait(20000));
  DatasetPanel* panel = window.datasets();
  panel->selectDataset(0);
  auto* part = panel->findChild<QWidget*>(QStringLiteral("databasePart"));
  ASSERT_TRUE(part);
  EXPECT_TRUE(part->isVisibleTo(panel)) << "a table over the limit says which part is shown";
  panel->findChild<QDateEdit*>(QStringLiteral("partFrom"))->setDate(QDate(2020, 10, 1));
  panel->findChild<QDateEdit*>(QStringLiteral("partTo"))->setDate(QDate(2020, 10, 31));
  QSignalSpy changed(&session, &Session::datasetsChanged);
  panel->findChild<QPushButton*>(QStringLiteral("partFetch"))->click();
  ASSERT_TRUE(changed.wait(20000));
  const EventStore& store = *session.store();
  ASSERT_GT(store.size(), 0u);
  for (EventStore::Index i = 0; i < store.size(); ++i) {
    EXPECT_LE(store.start(i), dayFromCivil({2020, 10, 31})) << store.id(i);
    EXPECT_GE(store.end(i), dayFromCivil({2020, 10, 1})) << store.id(i);
  }
  EXPECT_EQ(session.databaseWindow(0)->query.from, dayFromCivil({2020, 10, 1}));
  qunsetenv("SITUATION_VIEWER_DB_LOAD_LIMIT");
}

// The done-when: two viewers on one machine share one database.
TEST(TwoViewers, ShareOneDatabaseAndBothTurnStaleWithoutFreezing) {
  const TestServer* server = TestServer::get();
  ASSERT_TRUE(server);
  const QString uri = q(server->uri(pushedDatabase(*server)));
  std::vector<std::unique_ptr<Session>> sessions;
  std::vector<std::unique_ptr<MainWindow>> windows;
  for (int k = 0; k < 2; ++k) {
    sessions.push_back(std::make_unique<Session>(contextWith(uri)));
    windows.push_back(std::make_unique<MainWindow>(*sessions.back()));
    windows.back()->resize(1000, 700);
    windows.back()->show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(windows.back().get()));
  }
  QTest::qWait(1000); // the watchers connect

  // One pushes (as a colleague does, from the command line); both show it.
  std::vector<std::unique_ptr<QSignalSpy>> changed;
  for (auto& session : sessions)
    changed.push_back(std::make_unique<QSignalSpy>(session.get(), &Session::datasetsChanged));
  const ViewerRun push = runViewer({QStringLiteral("db"), QStringLiteral("push"), uri, QStringLiteral("--data"),
                                    QStringLiteral(SV_TEST_FIXTURE_INCIDENTS)});
  ASSERT_EQ(push.exitCode, 0) << push.err.toStdString();
  QString error;
  QStringList problems;
  const auto files = loadIncidentStore({QStringLiteral(SV_TEST_INCIDENTS), QStringLiteral(SV_TEST_FIXTURE_INCIDENTS)},
                                       &error, &problems);
  ASSERT_TRUE(files) << error.toStdString();
  std::vector<Incident> expected = incidentsOf(*files);
  const auto byId = [](const Incident& a, const Incident& b) { return a.id < b.id; };
  std::sort(expected.begin(), expected.end(), byId);
  for (std::size_t k = 0; k < sessions.size(); ++k) {
    ASSERT_TRUE(changed[k]->count() > 0 || changed[k]->wait(20000)) << "viewer " << k << " did not refresh";
    std::vector<Incident> shown = incidentsOf(*sessions[k]->store());
    std::sort(shown.begin(), shown.end(), byId);
    EXPECT_EQ(shown, expected) << "viewer " << k;
  }

  // The server stops: both layers turn stale, and both windows keep turning.
  std::vector<std::unique_ptr<QSignalSpy>> stale;
  for (auto& session : sessions) stale.push_back(std::make_unique<QSignalSpy>(session.get(), &Session::staleChanged));
  int ticks = 0;
  QTimer ticker;
  QObject::connect(&ticker, &QTimer::timeout, [&ticks] { ++ticks; });
  ticker.start(50);
  server->pause();
  for (std::size_t k = 0; k < sessions.size(); ++k) {
    ASSERT_TRUE(stale[k]->count() > 0 || stale[k]->wait(20000)) << "viewer " << k << " did not turn stale";
    EXPECT_TRUE(sessions[k]->isStale(0));
    const auto* list = windows[k]->datasets()->findChild<QTreeWidget*>();
    ASSERT_TRUE(list);
    EXPECT_TRUE(list->topLevelItem(0)->text(0).contains(QStringLiteral("offline")))
        << list->topLevelItem(0)->text(0).toStdString();
  }
  QTest::qWait(1000);
  EXPECT_GT(ticks, 5);
  server->resume();
  for (std::size_t k = 0; k < sessions.size(); ++k) {
    ASSERT_TRUE(stale[k]->wait(60000) || !sessions[k]->isStale(0)) << "viewer " << k << " did not come back";
    EXPECT_FALSE(sessions[k]->isStale(0));
  }
}

} // namespace
} // namespace sv
