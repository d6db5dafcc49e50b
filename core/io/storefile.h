#pragma once

#include "domain/eventstore.h"

#include <memory>
#include <optional>
#include <string>

namespace sv {

// A built EventStore saved as it is in memory, so that reopening a large
// dataset skips EventStore::build (sorting, interning, indexing): every column
// and every index is written as one block of bytes and read back straight into
// its vector. Files are in the host's byte order and struct layout
// (little-endian x86-64 and ARM64 alike; a byte-order marker rejects a file
// from a host of the other order) and tied to one format version: they are
// caches to rebuild from the source file, not an exchange format.
//
// Layout: "SVSTORE\0", byte-order marker, version, total file size, incident
// count, the caller's key; then each member of the store in a fixed order
// (a 64-bit element count, then the elements' bytes); then a checksum of
// everything before it. The reader checks every count against the bytes left,
// the checksum, and that every stored index points inside its column.

// Writes atomically (a temporary file in the same folder, renamed over the
// target). `key` is an opaque string by which the caller tells whether the
// snapshot is still valid (for example the source file's size and mtime).
bool writeStoreFile(const std::string& path, const EventStore& store, const std::string& key,
                    std::string* error = nullptr);

// The store saved in `path`, or null with `error` naming the file and what is
// wrong with it: missing, truncated, corrupt, not a store file, or another
// version. `key` (may be null) receives the stored key.
std::shared_ptr<const EventStore> readStoreFile(const std::string& path, std::string* error = nullptr,
                                                std::string* key = nullptr);

// Only the key from the header (cheap: the body is neither read nor checked),
// nullopt when the file is not a store file of this version or has not its
// full size.
std::optional<std::string> readStoreFileKey(const std::string& path);

} // namespace sv
