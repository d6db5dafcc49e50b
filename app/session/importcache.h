#pragma once

#include "domain/eventstore.h"
#include "domain/gazetteer.h"
#include "io/importer.h"

#include <QString>

#include <memory>

namespace sv {

// One file read for display: its store, and what reading it gave (without
// the incidents, which are in the store) for the report.
struct ImportedDataset {
  std::shared_ptr<const EventStore> store; // null when the file could not be read or the import was cancelled
  IncidentReadResult report;
  bool fromCache = false;
};

// Reads a file of any supported format, matched to `gazetteer` (when given),
// into a store. Imports other than our own format are kept in the user's
// cache folder as store files (storefile.h), keyed by the file's path, size
// and modification time and the gazetteer: opening the same file again reads
// the built store instead of importing, which takes well under a second at
// a million incidents. A cache that is stale, unreadable or unwritable is
// ignored.
ImportedDataset importDatasetCached(const QString& path, const ImportOptions& options, const Gazetteer* gazetteer);

// The cache folder ($SITUATION_VIEWER_CACHE, else the user's cache location);
// empty when there is none, and then nothing is cached.
QString importCacheFolder();

} // namespace sv
