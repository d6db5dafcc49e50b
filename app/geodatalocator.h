#pragma once

#include <QString>

namespace sv {

// The bundled GeoPackage: $SITUATION_VIEWER_GEODATA if set, else beside the
// installed executable (../share/situation-viewer/geodata), else the source
// tree the program was built from. Returns the first that exists, or the
// last candidate so that the error names a path.
QString bundledGeodataPath();
// `chosenPath` (from --geodata) when given, else the bundled file.
QString geodataPath(const QString& chosenPath);

} // namespace sv
