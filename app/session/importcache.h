#pragma once

#include "db/database.h"
#include "domain/eventstore.h"
#include "domain/gazetteer.h"
#include "io/importer.h"

#include <QString>

#include <cstdint>
#include <memory>
#include <optional>

namespace sv {

// What part of a database table too large to read whole was read: the
// window, and the table's own span and size, for the user to move it.
struct DatabaseWindow {
  db::Query query;
  DayNumber tableFirst = 0;
  DayNumber tableLast = 0;
  std::int64_t tableRows = 0;
};

// One file read for display: its store, and what reading it gave (without
// the incidents, which are in the store) for the report.
struct ImportedDataset {
  std::shared_ptr<const EventStore> store; // null when the file could not be read or the import was cancelled
  IncidentReadResult report;
  bool fromCache = false;
  bool needsPassword = false; // a database asked for a password none was given for, or refused the one given
  std::optional<DatabaseWindow> databaseWindow; // set when only a part of a table was read
};

// Reads a file of any supported format, matched to `gazetteer` (when given),
// into a store. A store file (.svstore, our large-data format) is read as it
// is: its places were matched when it was written. Imports other than our own format, and files of our own
// format of 8 MiB or more, are kept in the user's
// cache folder as store files (storefile.h), keyed by the file's path, size
// and modification time and the gazetteer: opening the same file again reads
// the built store instead of importing, which takes well under a second at
// a million incidents. A cache that is stale, unreadable or unwritable is
// ignored.
// A postgresql:// URI is read from the database (databasesource.h), never
// cached, with `window` selecting what travels from tables too large to read whole.
ImportedDataset importDatasetCached(const QString& path, const ImportOptions& options, const Gazetteer* gazetteer,
                                    const db::Query& window = {});

// The cache folder ($SITUATION_VIEWER_CACHE, else the user's cache location);
// empty when there is none, and then nothing is cached.
QString importCacheFolder();

// How large the cache may grow: $SITUATION_VIEWER_CACHE_LIMIT_MB megabytes,
// else 2 GiB (about eight imports of a million incidents).
qint64 importCacheLimit();
// Removes the entries used longest ago (a store and its report) until the
// folder's entries take at most `limitBytes`; `keep` (the entry just written)
// stays whatever its size. Returns how many entries were removed.
int pruneImportCache(const QString& folder, qint64 limitBytes, const QString& keep = {});

} // namespace sv
