#include "session/keychain.h"

#include <qt6keychain/keychain.h>

#include <QEventLoop>

namespace sv {
namespace {

const QString kService = QStringLiteral("situation-viewer-database");

void runJob(QKeychain::Job& job) {
  job.setAutoDelete(false);
  job.setInsecureFallback(false);
  QEventLoop loop;
  QObject::connect(&job, &QKeychain::Job::finished, &loop, &QEventLoop::quit);
  job.start();
  loop.exec();
}

QString problemOf(const QKeychain::Job& job) {
  switch (job.error()) {
    case QKeychain::NoError:
    case QKeychain::EntryNotFound: return {};
    case QKeychain::NoBackendAvailable:
      return QObject::tr("no system keychain is reachable (%1)").arg(job.errorString());
    case QKeychain::AccessDenied:
    case QKeychain::AccessDeniedByUser: return QObject::tr("the keychain refused access (%1)").arg(job.errorString());
    default: return QObject::tr("the keychain failed (%1)").arg(job.errorString());
  }
}

} // namespace

// Without a session bus (DBUS_SESSION_BUS_ADDRESS=disabled:, which the
// viewer sets when there is none) no keychain service can be reached.
QString keychainProblem() {
  const QByteArray bus = qgetenv("DBUS_SESSION_BUS_ADDRESS");
  if (bus.isEmpty() || bus.startsWith("disabled:"))
    return QObject::tr("no system keychain is reachable (no session bus)");
  return {};
}

KeychainResult readKeychainPassword(const QString& uri) {
  if (QString problem = keychainProblem(); !problem.isEmpty()) return {std::nullopt, problem};
  QKeychain::ReadPasswordJob job(kService);
  job.setKey(uri);
  runJob(job);
  if (job.error() != QKeychain::NoError) return {std::nullopt, problemOf(job)};
  return {job.textData(), {}};
}

KeychainResult storeKeychainPassword(const QString& uri, const QString& password) {
  if (QString problem = keychainProblem(); !problem.isEmpty()) return {std::nullopt, problem};
  QKeychain::WritePasswordJob job(kService);
  job.setKey(uri);
  job.setTextData(password);
  runJob(job);
  if (job.error() != QKeychain::NoError) return {std::nullopt, problemOf(job)};
  return {password, {}};
}

void deleteKeychainPassword(const QString& uri) {
  if (!keychainProblem().isEmpty()) return;
  QKeychain::DeletePasswordJob job(kService);
  job.setKey(uri);
  runJob(job);
}

} // namespace sv
