#pragma once

#include <QString>

#include <optional>

namespace sv {

// Database passwords in the system keychain (Secret Service or KWallet,
// through QtKeychain), never in settings or project files: QtKeychain's
// plain-text fallback stays off. Each call waits for the keychain on a
// local event loop of its own (a fraction of a second), so it belongs to
// the GUI thread or a command's main thread.
struct KeychainResult {
  std::optional<QString> password; // found (reading) or stored (writing)
  QString problem;                 // why not: no keychain reachable, access denied; empty when simply not there
};

// Why no keychain can be reached (no session bus), empty when one may be.
QString keychainProblem();

// `uri`: the URI without its password, the key of the entry.
KeychainResult readKeychainPassword(const QString& uri);
KeychainResult storeKeychainPassword(const QString& uri, const QString& password);
void deleteKeychainPassword(const QString& uri);

} // namespace sv
