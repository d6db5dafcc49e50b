#pragma once

#include "session/importcache.h"

#include "db/database.h"
#include "domain/gazetteer.h"
#include "io/importer.h"

#include <QObject>
#include <QPointer>
#include <QString>

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>

namespace sv {

// A PostGIS table named by a postgresql:// URI, opened as a dataset like a file.
bool isDatabaseUri(const QString& path);
// The URI without its password, as projects, settings and messages keep it;
// other paths as they are.
QString withoutPassword(const QString& path);

// Passwords given in this run (typed in a dialog or a terminal, or read from
// the keychain), by URI without password. Held in memory only, shared by the
// threads that connect.
class DatabasePasswords {
public:
  static void remember(const QString& uri, const QString& password);
  static QString find(const QString& uri);
  static void forget(const QString& uri);
};

// What a command line does when a server asks for a password: ask on the
// terminal (or the keychain), returning nullopt to give up. The window sets
// none: its imports run off the GUI thread, and it asks before retrying.
using PasswordPrompt = std::function<std::optional<QString>(const QString& uri, const QString& reason)>;
void setPasswordPrompt(PasswordPrompt prompt);

// Connects to the database at `uri` with its own password, else one given in
// this run, else libpq's (PGPASSWORD, ~/.pgpass); when the server wants one,
// asks the prompt (if set) and remembers what it gives.
std::unique_ptr<db::Connection> connectDatabase(const QString& uri, db::Error* error);

// Tables larger than this many incidents are not read whole: only the time
// range and extent a command asks for travel ($SITUATION_VIEWER_DB_LOAD_LIMIT,
// default 1 million: reading a table whole peaks at about 1.4 KB an incident
// and 15 µs an incident on loopback, so a million takes about 1.4 GB and
// 15 s; docs/database.md).
std::int64_t databaseLoadLimit();
// The span read of a table over the limit when no range is asked for (the
// window's first opening): the last year of its incidents.
inline constexpr int kDefaultWindowDays = 365;

// Reads the table at `uri` into a store. Below the load limit the whole
// table is read and `window` is ignored; above it, only what `window`
// selects (the last year when it selects nothing). `report.error` names the
// cause of a failure; `needsPassword` is set when the server wants one that
// was not given.
ImportedDataset readDatabaseDataset(const QString& uri, const db::Query& window, const ImportOptions& options);

// Watches one table for changes on a thread of its own, never blocking the
// GUI thread: `changed` when another client changed it, `staleChanged(true)`
// when the connection is lost (then reconnecting with back-off, from 1 s to
// 30 s), `staleChanged(false)` and `changed` once it is back.
class DatabaseWatcher : public QObject {
  Q_OBJECT

public:
  explicit DatabaseWatcher(const QString& uri, QObject* parent = nullptr);
  ~DatabaseWatcher() override;
  const QString& uri() const { return m_uri; }
  bool isStale() const { return m_stale; }

signals:
  void changed();
  void staleChanged(bool stale, const QString& reason);

private:
  struct Shared; // between the watcher and its thread, which may outlive it by one connection attempt
  enum class Event { Changed, Lost, Back };
  void deliver(Event event, const QString& reason);
  friend void watchTable(std::shared_ptr<Shared>, std::string, QPointer<DatabaseWatcher>);

  QString m_uri;
  bool m_stale = false;
  std::shared_ptr<Shared> m_shared;
};

} // namespace sv
