#include "session/databasesource.h"

#include <QCoreApplication>
#include <QHash>
#include <QMetaObject>
#include <QPointer>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>
#include <utility>

namespace sv {
namespace {

// Never destroyed: a watcher's thread may still be connecting while the
// program exits.
std::mutex& passwordMutex() {
  static auto* mutex = new std::mutex;
  return *mutex;
}

QHash<QString, QString>& passwords() {
  static auto* table = new QHash<QString, QString>;
  return *table;
}

constexpr int kFirstRetryMs = 1000;
constexpr int kLastRetryMs = 30000;
constexpr int kWaitMs = 500;

} // namespace

bool isDatabaseUri(const QString& path) {
  return path.startsWith(QLatin1String("postgresql://")) || path.startsWith(QLatin1String("postgres://"));
}

QString withoutPassword(const QString& path) {
  if (!isDatabaseUri(path)) return path;
  const auto location = db::parseLocation(path.toStdString(), nullptr);
  if (location) return QString::fromStdString(location->display);
  // Unreadable: keep the scheme and the host part only, never the user's part.
  const qsizetype scheme = path.indexOf(QLatin1String("://")) + 3;
  const qsizetype at = path.indexOf(QLatin1Char('@'), scheme);
  const QString rest = at < 0 ? path.mid(scheme) : path.mid(at + 1);
  return path.left(scheme) +
         rest.left(rest.indexOf(QLatin1Char('?')) < 0 ? rest.size() : rest.indexOf(QLatin1Char('?')));
}

void DatabasePasswords::remember(const QString& uri, const QString& password) {
  std::lock_guard lock(passwordMutex());
  passwords().insert(withoutPassword(uri), password);
}

QString DatabasePasswords::find(const QString& uri) {
  std::lock_guard lock(passwordMutex());
  return passwords().value(withoutPassword(uri));
}

void DatabasePasswords::forget(const QString& uri) {
  std::lock_guard lock(passwordMutex());
  passwords().remove(withoutPassword(uri));
}

std::int64_t databaseLoadLimit() {
  bool ok = false;
  const qint64 chosen = qEnvironmentVariable("SITUATION_VIEWER_DB_LOAD_LIMIT").toLongLong(&ok);
  return ok && chosen >= 0 ? chosen : 1'000'000;
}

namespace {

// The password to connect with: the URI's own, else one given in this run.
std::string passwordFor(const db::Location& location) {
  if (!location.password.empty()) return location.password;
  return DatabasePasswords::find(QString::fromStdString(location.display)).toStdString();
}

} // namespace

namespace {

std::mutex& promptMutex() {
  static auto* mutex = new std::mutex;
  return *mutex;
}

PasswordPrompt& prompt() {
  static auto* chosen = new PasswordPrompt;
  return *chosen;
}

} // namespace

void setPasswordPrompt(PasswordPrompt chosen) {
  std::lock_guard lock(promptMutex());
  prompt() = std::move(chosen);
}

std::unique_ptr<db::Connection> connectDatabase(const QString& uri, db::Error* error) {
  const auto location = db::parseLocation(uri.toStdString(), error);
  if (!location) return nullptr;
  const QString display = QString::fromStdString(location->display);
  if (!location->password.empty()) DatabasePasswords::remember(display, QString::fromStdString(location->password));
  db::Error failure;
  // Three tries at most: a password typed wrong may be typed again.
  for (int attempt = 0; attempt < 3; ++attempt) {
    if (auto connection = db::Connection::open(*location, passwordFor(*location), &failure)) return connection;
    if (failure.kind != db::ErrorKind::NeedsPassword && failure.kind != db::ErrorKind::AuthenticationFailed) break;
    PasswordPrompt ask;
    {
      std::lock_guard lock(promptMutex());
      ask = prompt();
    }
    if (!ask || !location->password.empty()) break;
    const auto given = ask(display, QString::fromStdString(failure.message));
    if (!given) break;
    DatabasePasswords::remember(display, *given);
  }
  if (error) *error = failure;
  return nullptr;
}

ImportedDataset readDatabaseDataset(const QString& uri, const db::Query& window, const ImportOptions& options) {
  ImportedDataset dataset;
  db::Error error;
  const auto fail = [&dataset, &error] {
    dataset.report.ok = false;
    dataset.report.error = error.message;
    dataset.needsPassword =
        error.kind == db::ErrorKind::NeedsPassword || error.kind == db::ErrorKind::AuthenticationFailed;
    return dataset;
  };
  auto connection = connectDatabase(uri, &error);
  if (!connection) return fail();
  if (!db::checkSchema(*connection, &error)) return fail();
  db::Query query;
  const std::int64_t rows = db::estimateRows(*connection, &error);
  if (rows < 0) return fail();
  const bool windowed = rows > databaseLoadLimit();
  if (windowed) {
    // The table's span: its date indexes answer at once.
    const auto span = connection->query(
        "SELECT min(start_date) - DATE '1970-01-01', max(end_date) - DATE "
        "'1970-01-01' FROM " +
            connection->tableName(),
        {}, &error);
    if (!span) return fail();
    DatabaseWindow part;
    part.tableRows = rows;
    if (!span->empty() && (*span)[0][0] && (*span)[0][1]) {
      part.tableFirst = static_cast<DayNumber>(std::stol(*(*span)[0][0]));
      part.tableLast = static_cast<DayNumber>(std::stol(*(*span)[0][1]));
    }
    query = window;
    // Nothing asked for: the last year of the table.
    if (query.whole()) {
      query.from = part.tableLast - kDefaultWindowDays + 1;
      query.to = part.tableLast;
    }
    part.query = query;
    dataset.databaseWindow = part;
  }
  dataset.report = db::readIncidents(*connection, query, options.cancel, options.progress);
  if (!dataset.report.ok) return dataset;
  if (windowed)
    dataset.report.notes.push_back("the table holds about " + std::to_string(rows) + " incidents, more than the " +
                                   std::to_string(databaseLoadLimit()) +
                                   " read whole (SITUATION_VIEWER_DB_LOAD_LIMIT)");
  dataset.store = EventStore::build(std::move(dataset.report.incidents), dataset.report.info);
  dataset.report.incidents = {};
  return dataset;
}

// --- Watching for changes --------------------------------------------------------

struct DatabaseWatcher::Shared {
  std::atomic_bool stop{false};
  std::mutex mutex;
  std::condition_variable wake;
  // False when stopping.
  bool sleepFor(int milliseconds) {
    std::unique_lock lock(mutex);
    return !wake.wait_for(lock, std::chrono::milliseconds(milliseconds), [this] { return stop.load(); });
  }
};

namespace {

// The watcher's thread: listens, and reconnects with back-off when the
// connection breaks. It reaches the watcher only through the GUI thread's
// event loop, where a destroyed watcher is seen as gone.
} // namespace

void watchTable(std::shared_ptr<DatabaseWatcher::Shared> shared, std::string uri, QPointer<DatabaseWatcher> watcher) {
  using Event = DatabaseWatcher::Event;
  const auto post = [&](Event event, const QString& reason) {
    // Under the lock the watcher's destructor takes: once it has run, nothing more is posted.
    std::lock_guard lock(shared->mutex);
    QCoreApplication* application = QCoreApplication::instance();
    if (!application || shared->stop) return;
    QMetaObject::invokeMethod(
        application,
        [watcher, event, reason] {
          if (watcher) watcher->deliver(event, reason);
        },
        Qt::QueuedConnection);
  };
  const auto location = db::parseLocation(uri, nullptr);
  if (!location) return;
  int retry = kFirstRetryMs;
  bool lost = false;
  while (!shared->stop) {
    db::Error error;
    auto listener = db::ChangeListener::open(*location, passwordFor(*location), &error);
    if (shared->stop) return;
    if (!listener) {
      if (!lost) post(Event::Lost, QString::fromStdString(error.message));
      lost = true;
      if (!shared->sleepFor(retry)) return;
      retry = std::min(retry * 2, kLastRetryMs);
      continue;
    }
    if (lost) post(Event::Back, {});
    lost = false;
    retry = kFirstRetryMs;
    while (!shared->stop) {
      const auto event = listener->wait(kWaitMs);
      if (event == db::ChangeListener::Event::Changed) {
        post(Event::Changed, {});
      } else if (event == db::ChangeListener::Event::Lost) {
        post(Event::Lost, QStringLiteral("%1: the connection to the server was lost; reconnecting")
                              .arg(QString::fromStdString(location->display)));
        lost = true;
        break;
      }
    }
    if (lost && !shared->sleepFor(retry)) return;
  }
}

DatabaseWatcher::DatabaseWatcher(const QString& uri, QObject* parent)
    : QObject(parent), m_uri(withoutPassword(uri)), m_shared(std::make_shared<Shared>()) {
  std::thread(watchTable, m_shared, uri.toStdString(), QPointer<DatabaseWatcher>(this)).detach();
}

// The thread stops at its next wake-up (within half a second, or when a
// connection attempt ends), without the window waiting for it.
DatabaseWatcher::~DatabaseWatcher() {
  {
    std::lock_guard lock(m_shared->mutex);
    m_shared->stop = true;
  }
  m_shared->wake.notify_all();
}

void DatabaseWatcher::deliver(Event event, const QString& reason) {
  if (event == Event::Changed) {
    emit changed();
    return;
  }
  const bool stale = event == Event::Lost;
  if (m_stale == stale) return;
  m_stale = stale;
  emit staleChanged(stale, reason);
  if (!stale) emit changed(); // what changed while the connection was gone
}

} // namespace sv
