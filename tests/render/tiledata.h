#pragma once

#include <QColor>
#include <QString>

namespace sv::test {

// Writes an MBTiles file with GDAL's MBTiles driver: a raster over Mali
// (12.5° W to 4.5° E, 10° N to 25.5° N) in Web Mercator at the resolution of
// tile zoom `zoom`, `west` west of 6.3° W and `east` east of it, with
// `attribution` in its metadata. False (and a test failure) when GDAL fails.
bool writeTestMbtiles(const QString& path, int zoom, QColor west, QColor east, const QString& attribution);

// A PNG tile of one colour, as a tile server would send it.
QByteArray solidTilePng(QColor colour);

} // namespace sv::test
