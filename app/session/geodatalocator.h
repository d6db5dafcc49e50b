#pragma once

#include <QString>
#include <QStringList>

namespace sv {

// The bundled GeoPackage: $SITUATION_VIEWER_GEODATA if set, else beside the
// installed executable (../share/situation-viewer/geodata), else the source
// tree the program was built from. Returns the first that exists, or the
// last candidate so that the error names a path.
QString bundledGeodataPath();
// `chosenPath` (from --geodata) when given, else the bundled file.
QString geodataPath(const QString& chosenPath);

// The bundled incident dataset, found the same way ($SITUATION_VIEWER_INCIDENTS,
// then beside the executable, then the source tree).
QString bundledIncidentsPath();
// `chosenPaths` (from --data) when given, else the bundled dataset.
QStringList incidentsPaths(const QStringList& chosenPaths);

} // namespace sv
