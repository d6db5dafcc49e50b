#pragma once

#include <QImage>
#include <QString>

#include <compare>
#include <cstdint>
#include <filesystem>
#include <list>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <unordered_map>
#include <vector>

struct sqlite3;

namespace sv {

// A tile of the Web Mercator (EPSG:3857) pyramid, XYZ numbering: row 0 north.
struct TileId {
  int z = 0;
  int x = 0;
  int y = 0;
  friend auto operator<=>(const TileId&, const TileId&) = default;
};

// Raster tiles under the map. The display projection is Web Mercator, so
// tiles are drawn as they come, never resampled across projections.
class TileSource {
public:
  virtual ~TileSource() = default;
  // "mbtiles:FILE" or "xyz:URL", as --basemap takes it and projects save it.
  virtual QString spec() const = 0;
  // The line every map and export carries, e.g. "© OpenStreetMap contributors".
  virtual QString attribution() const = 0;
  virtual int minZoom() const = 0;
  virtual int maxZoom() const = 0;
  // The tile if at hand: read from the file or the cache, never waiting for a
  // network. Safe from any thread. nullopt when it is not (yet) available.
  virtual std::optional<QImage> tile(const TileId& id) const = 0;
};

// An MBTiles file (raster tiles, PNG or JPEG), read with SQLite directly:
// its tiles are already Web Mercator tiles, so a blob read by zoom, column and
// row is the whole job, without a raster library resampling them.
class MbtilesSource : public TileSource {
public:
  // Null with `error` naming the file when it is not a readable MBTiles file.
  static std::shared_ptr<const MbtilesSource> open(const QString& path, QString* error);
  ~MbtilesSource() override;

  QString spec() const override { return QStringLiteral("mbtiles:") + m_path; }
  QString attribution() const override { return m_attribution; }
  int minZoom() const override { return m_minZoom; }
  int maxZoom() const override { return m_maxZoom; }
  std::optional<QImage> tile(const TileId& id) const override;
  QString name() const { return m_name; }

private:
  MbtilesSource() = default;
  QString m_path, m_name, m_attribution;
  int m_minZoom = 0, m_maxZoom = 0;
  sqlite3* m_db = nullptr;
  mutable std::mutex m_mutex; // one connection, one reader at a time
};

// Tiles fetched from an XYZ URL template ("https://tile.example.org/{z}/{x}/{y}.png")
// and kept on disk, so that a map prepared online still shows offline. The
// source itself never fetches: tile() reads the cache, and notes what it
// lacked for a fetcher (TileFetcher in the application) to get.
class XyzSource : public TileSource {
public:
  XyzSource(QString urlTemplate, std::filesystem::path cacheDirectory, std::uint64_t cacheLimitBytes, int maxZoom = 19);

  QString spec() const override { return QStringLiteral("xyz:") + m_template; }
  QString attribution() const override;
  int minZoom() const override { return 0; }
  int maxZoom() const override { return m_maxZoom; }
  std::optional<QImage> tile(const TileId& id) const override;

  QString url(const TileId& id) const;
  // Whether the tile is in the cache, without reading it.
  bool has(const TileId& id) const;
  // Stores a fetched tile's bytes (an image file); false when they are no image.
  bool store(const TileId& id, const QByteArray& bytes) const;
  // Removes the least recently used tiles until the cache fits its limit.
  void trimCache() const;
  std::uint64_t cacheBytes() const;
  const std::filesystem::path& cacheDirectory() const { return m_cache; }
  // The tiles tile() was asked for and lacked, since the last call.
  std::vector<TileId> takeWanted() const;

private:
  std::filesystem::path pathOf(const TileId& id) const;
  QString m_template;
  std::filesystem::path m_cache;
  std::uint64_t m_limit;
  int m_maxZoom;
  mutable std::mutex m_mutex;
  mutable std::set<TileId> m_wanted;
};

// The tile zoom whose pixels are no coarser than the output's device pixels
// at `metresPerDevicePixel`, within the source's zooms.
int tileZoomFor(const TileSource& source, double metresPerDevicePixel);
// The tiles covering a Web Mercator extent at a zoom.
std::vector<TileId> tilesCovering(const QRectF& extent, int zoom);
// A tile's extent in Web Mercator metres.
QRectF tileExtent(const TileId& id);

// Reads "mbtiles:FILE" or "xyz:URL". Null with `error` for anything else or a
// file that cannot be read. XYZ tiles are cached under `cacheDirectory`.
std::shared_ptr<const TileSource> openTileSource(const QString& spec, const std::filesystem::path& cacheDirectory,
                                                 std::uint64_t cacheLimitBytes, QString* error);

} // namespace sv
