#include "session/geodatalocator.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QStringList>

namespace sv {

namespace {

// The first existing file among the places a bundled file may be, relative to
// the geodata folder; else the last candidate, so that an error names a path.
QString findBundled(const char* environmentVariable, const QString& relativePath) {
  const QString fromEnvironment = qEnvironmentVariable(environmentVariable);
  if (!fromEnvironment.isEmpty()) return fromEnvironment;

  QStringList candidates;
  if (QCoreApplication::instance()) {
    const QDir binary(QCoreApplication::applicationDirPath());
    candidates << binary.filePath(QStringLiteral("../share/situation-viewer/geodata/") + relativePath)
               << binary.filePath(QStringLiteral("geodata/") + relativePath);
  }
  candidates << QStringLiteral(SV_SOURCE_GEODATA_DIR "/") + relativePath;
  for (const QString& candidate : candidates) {
    if (QFileInfo::exists(candidate)) return QDir::cleanPath(candidate);
  }
  return candidates.last();
}

} // namespace

QString bundledGeodataPath() { return findBundled("SITUATION_VIEWER_GEODATA", QStringLiteral("mali.gpkg")); }

QString bundledIncidentsPath() {
  return findBundled("SITUATION_VIEWER_INCIDENTS", QStringLiteral("incidents/mali-situation.geojson"));
}

QStringList incidentsPaths(const QStringList& chosenPaths) {
  return chosenPaths.isEmpty() ? QStringList{bundledIncidentsPath()} : chosenPaths;
}

QString geodataPath(const QString& chosenPath) { return chosenPath.isEmpty() ? bundledGeodataPath() : chosenPath; }

} // namespace sv
