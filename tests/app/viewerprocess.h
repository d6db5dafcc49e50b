#pragma once

#include <QDir>
#include <QProcess>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

namespace sv::test {

struct ViewerRun {
  int exitCode = -1; // -2 when it crashed, -1 when it did not finish
  QString out;
  QString err;
};

// Runs the real executable with no display, as a user's shell would, on the
// bundled geodata and incidents of the source tree.
// `extraEnvironment` adds or overrides variables.
inline ViewerRun runViewer(const QStringList& arguments, const QProcessEnvironment& extraEnvironment = {}) {
  QProcess process;
  QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
  environment.remove(QStringLiteral("DISPLAY"));
  environment.remove(QStringLiteral("WAYLAND_DISPLAY"));
  environment.remove(QStringLiteral("QT_QPA_PLATFORM"));
  environment.insert(QStringLiteral("SITUATION_VIEWER_GEODATA"), QStringLiteral(SV_TEST_GEODATA));
  environment.insert(QStringLiteral("SITUATION_VIEWER_INCIDENTS"), QStringLiteral(SV_TEST_INCIDENTS));
  environment.insert(QStringLiteral("SITUATION_VIEWER_CACHE"),
                     QDir::tempPath() + QStringLiteral("/situation-viewer-test-cache"));
  for (const QString& name : extraEnvironment.keys()) environment.insert(name, extraEnvironment.value(name));
  process.setProcessEnvironment(environment);
  process.start(QStringLiteral(SV_VIEWER_EXECUTABLE), arguments);
  if (!process.waitForFinished(120000)) {
    process.kill();
    return {};
  }
  return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2,
          QString::fromUtf8(process.readAllStandardOutput()), QString::fromUtf8(process.readAllStandardError())};
}

} // namespace sv::test
