#pragma once

// The throwaway PostgreSQL/PostGIS cluster the database tests run against.
// CTest starts it before them (tests/db/pgcluster, fixture "pgcluster") and
// stops it after, whatever they gave; its address is in the file named by
// SV_TEST_PG_ENV. Without it the tests fail, saying why: they never skip.
#include "db/database.h"

#include <libpq-fe.h>

#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QString>

#include <gtest/gtest.h>

#include <map>
#include <string>

namespace sv::test {

class TestServer {
public:
  // Null, with a failure recorded, when no cluster was started.
  static const TestServer* get() {
    static const TestServer server = read();
    if (!server.problem.empty()) {
      ADD_FAILURE() << server.problem;
      return nullptr;
    }
    return &server;
  }

  // The URI of database `name` on the cluster, with the test role's password.
  std::string uri(const std::string& name, const std::string& query = {}) const {
    return "postgresql://sv_test:" + password + "@127.0.0.1:" + port + "/" + name + (query.empty() ? "" : "?" + query);
  }
  std::string uriWithoutPassword(const std::string& name, const std::string& query = {}) const {
    return "postgresql://sv_test@127.0.0.1:" + port + "/" + name + (query.empty() ? "" : "?" + query);
  }

  // A new, empty database of its own for one test; `withPostGis` adds the extension.
  std::string freshDatabase(bool withPostGis = false) const {
    const std::string name = "t" + std::to_string(QRandomGenerator::global()->generate64() % 1000000000000ULL);
    execute("postgres", "CREATE DATABASE " + name);
    if (withPostGis) execute(name, "CREATE EXTENSION postgis");
    return name;
  }

  // Runs administrative SQL (values here are the tests' own, never users').
  void execute(const std::string& database, const std::string& sql) const {
    db::Error error;
    auto location = db::parseLocation(uri(database), &error);
    ASSERT_TRUE(location) << error.message;
    auto connection = db::Connection::open(*location, {}, &error);
    ASSERT_TRUE(connection) << error.message;
    // Several statements at once: the simple protocol, for the tests' own SQL only.
    PGresult* result = PQexec(connection->raw(), sql.c_str());
    const ExecStatusType status = PQresultStatus(result);
    const std::string message = PQresultErrorMessage(result);
    PQclear(result);
    ASSERT_TRUE(status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK) << sql << ": " << message;
  }

  // Stops the server (as a crash or a network loss would look) and starts it again.
  void pause() const { control("pause"); }
  void resume() const { control("resume"); }

  std::string envFile, port, password, problem;

private:
  static TestServer read() {
    TestServer server;
    server.envFile = qEnvironmentVariable("SV_TEST_PG_ENV").toStdString();
    if (server.envFile.empty()) {
      server.problem =
          "SV_TEST_PG_ENV is not set: run the database tests through ctest, which starts the "
          "cluster (tests/db/pgcluster start) first";
      return server;
    }
    QFile file(QString::fromStdString(server.envFile));
    if (!file.open(QIODevice::ReadOnly)) {
      server.problem = server.envFile +
                       ": no cluster was started (the fixture test db_cluster_start failed; its "
                       "output says why)";
      return server;
    }
    std::map<std::string, std::string> values;
    for (const QByteArray& line : file.readAll().split('\n')) {
      const auto eq = line.indexOf('=');
      if (eq > 0) values[line.left(eq).toStdString()] = line.mid(eq + 1).toStdString();
    }
    server.port = values["SV_TEST_PG_PORT"];
    server.password = values["SV_TEST_PG_PASSWORD"];
    if (server.port.empty() || server.password.empty()) server.problem = server.envFile + ": incomplete";
    return server;
  }

  void control(const char* action) const {
    QProcess process;
    process.start(QStringLiteral(SV_PGCLUSTER), {QString::fromLatin1(action), QString::fromStdString(envFile)});
    ASSERT_TRUE(process.waitForFinished(120000)) << "pgcluster " << action << " did not finish";
    ASSERT_EQ(process.exitCode(), 0) << "pgcluster " << action << ": " << process.readAllStandardError().toStdString();
  }
};

} // namespace sv::test
