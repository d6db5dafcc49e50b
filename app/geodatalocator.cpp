#include "geodatalocator.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QStringList>

namespace sv {

QString bundledGeodataPath() {
  const QString fromEnvironment = qEnvironmentVariable("SITUATION_VIEWER_GEODATA");
  if (!fromEnvironment.isEmpty()) return fromEnvironment;

  QStringList candidates;
  if (QCoreApplication::instance()) {
    const QDir binary(QCoreApplication::applicationDirPath());
    candidates << binary.filePath(QStringLiteral("../share/situation-viewer/geodata/mali.gpkg"))
               << binary.filePath(QStringLiteral("geodata/mali.gpkg"));
  }
  candidates << QStringLiteral(SV_SOURCE_GEODATA_DIR "/mali.gpkg");
  for (const QString& candidate : candidates) {
    if (QFileInfo::exists(candidate)) return QDir::cleanPath(candidate);
  }
  return candidates.last();
}

QString geodataPath(const QString& chosenPath) {
  return chosenPath.isEmpty() ? bundledGeodataPath() : chosenPath;
}

} // namespace sv
