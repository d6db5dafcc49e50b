#include "session/tilecache.h"

#include <QStandardPaths>

namespace sv {

std::filesystem::path tileCacheDirectory() {
  return std::filesystem::path(QStandardPaths::writableLocation(QStandardPaths::GenericCacheLocation).toStdString()) /
         "situation-viewer" / "tiles";
}

} // namespace sv
