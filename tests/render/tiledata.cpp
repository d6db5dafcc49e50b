#include "render/tiledata.h"

#include <QBuffer>
#include <QImage>

#include <gdal_priv.h>
#include <ogr_spatialref.h>
#include <sqlite3.h>

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

namespace sv::test {

bool writeTestMbtiles(const QString& path, int zoom, QColor west, QColor east, const QString& attribution) {
  constexpr double kHalfWorld = 20037508.342789244;
  const double resolution = 2 * kHalfWorld / 256.0 / std::pow(2.0, zoom);
  const auto mercatorX = [&](double lon) { return lon * kHalfWorld / 180.0; };
  const auto mercatorY = [&](double lat) {
    return std::log(std::tan((90.0 + lat) * M_PI / 360.0)) * kHalfWorld / M_PI;
  };
  const double x0 = mercatorX(-12.5), x1 = mercatorX(4.5), y0 = mercatorY(10.0), y1 = mercatorY(25.5);
  const int width = static_cast<int>(std::ceil((x1 - x0) / resolution));
  const int height = static_cast<int>(std::ceil((y1 - y0) / resolution));
  GDALDriver* memory = GetGDALDriverManager()->GetDriverByName("MEM");
  GDALDriver* mbtiles = GetGDALDriverManager()->GetDriverByName("MBTiles");
  if (!memory || !mbtiles) {
    ADD_FAILURE() << "GDAL lacks the MEM or MBTiles driver";
    return false;
  }
  GDALDatasetUniquePtr raster(memory->Create("", width, height, 3, GDT_Byte, nullptr));
  const double transform[6] = {x0, resolution, 0, y1, 0, -resolution};
  raster->SetGeoTransform(const_cast<double*>(transform));
  OGRSpatialReference mercator;
  mercator.importFromEPSG(3857);
  raster->SetSpatialRef(&mercator);
  const double split = mercatorX(-6.3);
  std::vector<GByte> band(static_cast<std::size_t>(width) * height);
  for (int b = 0; b < 3; ++b) {
    for (int y = 0; y < height; ++y)
      for (int x = 0; x < width; ++x) {
        const QColor& c = x0 + (x + 0.5) * resolution < split ? west : east;
        band[static_cast<std::size_t>(y) * width + x] = static_cast<GByte>(b == 0   ? c.red()
                                                                           : b == 1 ? c.green()
                                                                                    : c.blue());
      }
    if (raster->GetRasterBand(b + 1)->RasterIO(GF_Write, 0, 0, width, height, band.data(), width, height, GDT_Byte, 0,
                                               0) != CE_None)
      return false;
  }
  const char* options[] = {"TILE_FORMAT=PNG", "NAME=test tiles", nullptr};
  GDALDatasetUniquePtr written(mbtiles->CreateCopy(path.toUtf8().constData(), raster.get(), FALSE,
                                                   const_cast<char**>(options), nullptr, nullptr));
  if (!written) {
    ADD_FAILURE() << "GDAL could not write " << path.toStdString() << ": " << CPLGetLastErrorMsg();
    return false;
  }
  written.reset();
  // GDAL writes no attribution: set it as a tile provider would.
  sqlite3* db = nullptr;
  if (sqlite3_open(path.toUtf8().constData(), &db) != SQLITE_OK) return false;
  sqlite3_stmt* statement = nullptr;
  sqlite3_prepare_v2(db, "INSERT INTO metadata (name, value) VALUES ('attribution', ?)", -1, &statement, nullptr);
  const QByteArray text = attribution.toUtf8();
  sqlite3_bind_text(statement, 1, text.constData(), -1, SQLITE_TRANSIENT);
  const bool ok = sqlite3_step(statement) == SQLITE_DONE;
  sqlite3_finalize(statement);
  sqlite3_close(db);
  return ok;
}

QByteArray solidTilePng(QColor colour) {
  QImage image(256, 256, QImage::Format_RGB32);
  image.fill(colour);
  QByteArray bytes;
  QBuffer buffer(&bytes);
  buffer.open(QIODevice::WriteOnly);
  image.save(&buffer, "PNG");
  return bytes;
}

} // namespace sv::test
