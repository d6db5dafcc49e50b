#include "cli/commandline.h"
#include "session/databasesource.h"
#include "session/geodatalocator.h"
#include "session/importcache.h"
#include "session/keychain.h"

#include "io/importer.h"
#include "render/qtext.h"

#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QTextStream>

#include <termios.h>
#include <unistd.h>

#include <cstdio>
#include <iostream>
#include <string>

namespace sv {
namespace {

QString dbHelp() {
  return QStringLiteral(
             "Usage: %1 db init URI\n"
             "       %1 db push URI [--data FILE]…\n"
             "\n"
             "Works with a shared PostgreSQL database with PostGIS (docs/database.md).\n"
             "URI is postgresql://USER@HOST:PORT/DATABASE, optionally with ?sslmode=MODE,\n"
             "&schema=NAME (default public) and &table=NAME (default incidents). The\n"
             "password is taken from PGPASSWORD or ~/.pgpass, the system keychain, or asked\n"
             "for on the terminal; never put it in a project.\n"
             "\n"
             "  init   Creates the incident schema: the table with its geometry in\n"
             "         EPSG:4326 and a GiST index, indexes on the dates, the sources,\n"
             "         datasets and change tables, and the trigger that tells viewers of\n"
             "         a change. Running it again changes nothing.\n"
             "  push   Uploads datasets (the bundled one without --data; any file --data\n"
             "         reads), one transaction each, upserting by incident id: pushing the\n"
             "         same data twice leaves the same rows. Each gets its import report\n"
             "         and the counts of incidents inserted, updated and unchanged. A push\n"
             "         that fails or is interrupted leaves the database as it was.\n"
             "\n"
             "Exit status: 0 on success, 1 when the database or a file failed (datasets\n"
             "pushed before it stay pushed), 2 for a wrong command line.\n")
      .arg(programName());
}

// The password, asked on the terminal with its echo off; nullopt without a terminal.
std::optional<QString> askOnTerminal(const QString& uri) {
  if (!isatty(STDIN_FILENO)) return std::nullopt;
  std::cerr << "Password for " << uri.toStdString() << ": " << std::flush;
  termios saved{};
  const bool terminal = tcgetattr(STDIN_FILENO, &saved) == 0;
  if (terminal) {
    termios quiet = saved;
    quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
    tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
  }
  std::string line;
  const bool read = static_cast<bool>(std::getline(std::cin, line));
  if (terminal) tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved);
  std::cerr << "\n";
  if (!read) return std::nullopt;
  return QString::fromStdString(line);
}

} // namespace

// The command line's answer to a server asking for a password: the keychain
// first, then the terminal; without either, a hint on where to put it.
void useTerminalPasswordPrompt() {
  setPasswordPrompt([](const QString& uri, const QString& reason) -> std::optional<QString> {
    static QStringList triedKeychain;
    if (!triedKeychain.contains(uri)) {
      triedKeychain << uri;
      const KeychainResult stored = readKeychainPassword(uri);
      if (stored.password) return stored.password;
    }
    if (auto typed = askOnTerminal(uri)) return typed;
    std::cerr << programName().toStdString() << ": " << reason.toStdString()
              << "\n  give it in PGPASSWORD or ~/.pgpass, or run the command from a terminal to type it\n";
    return std::nullopt;
  });
}

int runDbCommand(const QStringList& arguments, QTextStream& out, QTextStream& err) {
  const QString prefix = programName() + QStringLiteral(" db: ");
  const QString action = arguments.value(0);
  if (action == QLatin1String("--help") || action == QLatin1String("-h")) {
    out << dbHelp();
    return ExitSuccess;
  }
  if (action != QLatin1String("init") && action != QLatin1String("push")) {
    err << prefix
        << (action.isEmpty() ? QStringLiteral("init or push is needed")
                             : QStringLiteral("unknown action '%1' (use init or push)").arg(action))
        << "\n\n"
        << dbHelp();
    return ExitUsage;
  }
  CommonOptions common;
  QCommandLineParser parser;
  parser.addPositionalArgument(QStringLiteral("uri"), QString());
  if (auto done =
          startCommand(QStringLiteral("db ") + action, arguments.mid(1), parser, dbHelp(), true, common, out, err))
    return *done;
  const QStringList positional = parser.positionalArguments();
  if (positional.size() != 1 || !isDatabaseUri(positional.first())) {
    err << prefix << action << " needs one postgresql:// URI"
        << (positional.isEmpty() ? QString() : QStringLiteral(" ('%1' is not one)").arg(positional.first())) << "\n";
    return ExitUsage;
  }
  if (action == QLatin1String("init") && !common.dataPaths.isEmpty()) {
    err << prefix << "init takes no --data: push the datasets afterwards\n";
    return ExitUsage;
  }
  const QString uri = positional.first();
  const QString shown = withoutPassword(uri);
  db::Error error;
  auto connection = connectDatabase(uri, &error);
  if (!connection) {
    err << prefix << q(error.message) << "\n";
    return ExitFailure;
  }
  if (action == QLatin1String("init")) {
    if (!db::initSchema(*connection, &error)) {
      err << prefix << q(error.message) << "\n";
      return ExitFailure;
    }
    out << shown << ": the incident schema is ready (" << QString::fromStdString(connection->tableName()) << ", "
        << db::estimateRows(*connection, nullptr) << " incidents)\n";
    return ExitSuccess;
  }

  // Pushing: each dataset is read as --data reads it, matched to the gazetteer.
  QString readError;
  const auto loaded = loadGazetteer(common, &readError);
  if (!loaded) {
    err << prefix << readError << "\n";
    return ExitFailure;
  }
  const Gazetteer& gazetteer = *loaded;
  int status = ExitSuccess;
  for (const QString& path : incidentsPaths(common.dataPaths)) {
    if (isDatabaseUri(path)) {
      err << prefix << withoutPassword(path) << ": push files; a database is not read from here\n";
      status = ExitFailure;
      continue;
    }
    ImportedDataset dataset = importDatasetCached(path, {}, &gazetteer);
    out << q(importReportText(path.toStdString(), dataset.report, 20));
    if (!dataset.store) {
      err << prefix << path << ": not pushed\n";
      status = ExitFailure;
      continue;
    }
    // Made from the store one at a time: a few million never sit in memory as records.
    const EventStore& store = *dataset.store;
    const db::IncidentSource incidents{
        store.size(), [&store](std::size_t i) { return store.incident(static_cast<EventStore::Index>(i)); }};
    QElapsedTimer timer;
    timer.start();
    db::PushCounts counts;
    const std::string name = QFileInfo(path).completeBaseName().toStdString();
    if (!db::pushIncidents(*connection, name, dataset.store->info(), incidents, &counts, &error)) {
      err << prefix << path << ": not pushed, the database is as it was: " << q(error.message) << "\n";
      status = ExitFailure;
      if (error.kind == db::ErrorKind::Unreachable) break;
      continue;
    }
    out << path << " → " << shown << ": " << incidents.count << " incidents pushed (" << counts.inserted
        << " inserted, " << counts.updated << " updated, " << counts.unchanged << " unchanged) in "
        << QString::number(static_cast<double>(timer.elapsed()) / 1000.0, 'f', 1) << " s\n";
  }
  return status;
}

} // namespace sv
