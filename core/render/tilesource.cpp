#include "render/tilesource.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QUrl>

#include <sqlite3.h>

#include <algorithm>
#include <cmath>

namespace sv {
namespace {

constexpr double kHalfWorld = 20037508.342789244;           // metres: half the Web Mercator world's width
constexpr double kWorldResolution = 2 * kHalfWorld / 256.0; // metres per pixel of zoom 0's tile

QString metadata(sqlite3* db, const char* name) {
  sqlite3_stmt* statement = nullptr;
  QString value;
  if (sqlite3_prepare_v2(db, "SELECT value FROM metadata WHERE name = ?", -1, &statement, nullptr) != SQLITE_OK)
    return value;
  sqlite3_bind_text(statement, 1, name, -1, SQLITE_STATIC);
  if (sqlite3_step(statement) == SQLITE_ROW)
    if (const auto* text = sqlite3_column_text(statement, 0))
      value = QString::fromUtf8(reinterpret_cast<const char*>(text));
  sqlite3_finalize(statement);
  return value;
}

// A URL template as a URL: its placeholders are no valid URL characters.
QUrl templateUrl(QString urlTemplate) {
  return QUrl(urlTemplate.replace(QLatin1Char('{'), QLatin1Char('_')).replace(QLatin1Char('}'), QLatin1Char('_')));
}

} // namespace

std::shared_ptr<const MbtilesSource> MbtilesSource::open(const QString& path, QString* error) {
  const auto fail = [&](const QString& why) {
    if (error) *error = QStringLiteral("%1: %2").arg(path, why);
    return nullptr;
  };
  if (!QFileInfo(path).isFile()) return fail(QStringLiteral("no such file"));
  std::shared_ptr<MbtilesSource> source(new MbtilesSource);
  source->m_path = QFileInfo(path).absoluteFilePath();
  if (sqlite3_open_v2(path.toUtf8().constData(), &source->m_db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, nullptr) !=
      SQLITE_OK)
    return fail(QStringLiteral("not an SQLite file (%1)").arg(QString::fromUtf8(sqlite3_errmsg(source->m_db))));
  // A file that is not SQLite opens lazily: the first statement tells.
  sqlite3_stmt* statement = nullptr;
  if (sqlite3_prepare_v2(source->m_db, "SELECT min(zoom_level), max(zoom_level) FROM tiles", -1, &statement, nullptr) !=
      SQLITE_OK)
    return fail(QStringLiteral("not an MBTiles file: %1").arg(QString::fromUtf8(sqlite3_errmsg(source->m_db))));
  const bool any = sqlite3_step(statement) == SQLITE_ROW && sqlite3_column_type(statement, 0) != SQLITE_NULL;
  if (any) {
    source->m_minZoom = sqlite3_column_int(statement, 0);
    source->m_maxZoom = sqlite3_column_int(statement, 1);
  }
  sqlite3_finalize(statement);
  if (!any) return fail(QStringLiteral("the MBTiles file holds no tiles"));
  const QString format = metadata(source->m_db, "format").toLower();
  if (format == QLatin1String("pbf"))
    return fail(QStringLiteral("its tiles are vector tiles (pbf); only raster tiles (PNG or JPEG) are shown"));
  source->m_name = metadata(source->m_db, "name");
  source->m_attribution = metadata(source->m_db, "attribution");
  if (source->m_attribution.isEmpty())
    source->m_attribution =
        QStringLiteral("Tiles: %1").arg(source->m_name.isEmpty() ? QFileInfo(path).fileName() : source->m_name);
  return source;
}

MbtilesSource::~MbtilesSource() { sqlite3_close(m_db); }

std::optional<QImage> MbtilesSource::tile(const TileId& id) const {
  // MBTiles numbers rows from the south (TMS).
  const int row = (1 << id.z) - 1 - id.y;
  QByteArray bytes;
  {
    std::lock_guard lock(m_mutex);
    sqlite3_stmt* statement = nullptr;
    if (sqlite3_prepare_v2(m_db,
                           "SELECT tile_data FROM tiles WHERE zoom_level = ? AND tile_column = ? AND tile_row = ?", -1,
                           &statement, nullptr) != SQLITE_OK)
      return std::nullopt;
    sqlite3_bind_int(statement, 1, id.z);
    sqlite3_bind_int(statement, 2, id.x);
    sqlite3_bind_int(statement, 3, row);
    if (sqlite3_step(statement) == SQLITE_ROW)
      bytes =
          QByteArray(static_cast<const char*>(sqlite3_column_blob(statement, 0)), sqlite3_column_bytes(statement, 0));
    sqlite3_finalize(statement);
  }
  if (bytes.isEmpty()) return std::nullopt;
  QImage image;
  if (!image.loadFromData(bytes)) return std::nullopt;
  return image;
}

XyzSource::XyzSource(QString urlTemplate, std::filesystem::path cacheDirectory, std::uint64_t cacheLimitBytes,
                     int maxZoom)
    : m_template(std::move(urlTemplate)), m_limit(cacheLimitBytes), m_maxZoom(maxZoom) {
  // One folder per template, so that two servers' tiles never mix.
  const QByteArray key = QCryptographicHash::hash(m_template.toUtf8(), QCryptographicHash::Sha1).toHex().left(16);
  m_cache = std::move(cacheDirectory) / key.toStdString();
}

QString XyzSource::attribution() const {
  const QString host = templateUrl(m_template).host();
  if (host.endsWith(QLatin1String("openstreetmap.org")) || host.endsWith(QLatin1String("openstreetmap.fr")))
    return QStringLiteral("© OpenStreetMap contributors");
  return QStringLiteral("Tiles: %1").arg(host.isEmpty() ? m_template : host);
}

QString XyzSource::url(const TileId& id) const {
  QString url = m_template;
  url.replace(QLatin1String("{z}"), QString::number(id.z));
  url.replace(QLatin1String("{x}"), QString::number(id.x));
  url.replace(QLatin1String("{y}"), QString::number(id.y));
  url.replace(QLatin1String("{-y}"), QString::number((1 << id.z) - 1 - id.y));
  return url;
}

std::filesystem::path XyzSource::pathOf(const TileId& id) const {
  return m_cache / std::to_string(id.z) / std::to_string(id.x) / (std::to_string(id.y) + ".tile");
}

bool XyzSource::has(const TileId& id) const {
  std::error_code ignored;
  return std::filesystem::exists(pathOf(id), ignored);
}

std::optional<QImage> XyzSource::tile(const TileId& id) const {
  const std::filesystem::path path = pathOf(id);
  QImage image;
  if (image.load(QString::fromStdString(path.string()))) {
    // Read: the least recently used tiles go first when the cache is trimmed.
    std::error_code ignored;
    std::filesystem::last_write_time(path, std::filesystem::file_time_type::clock::now(), ignored);
    return image;
  }
  std::lock_guard lock(m_mutex);
  m_wanted.insert(id);
  return std::nullopt;
}

bool XyzSource::store(const TileId& id, const QByteArray& bytes) const {
  QImage image;
  if (!image.loadFromData(bytes)) return false;
  const std::filesystem::path path = pathOf(id);
  std::error_code error;
  std::filesystem::create_directories(path.parent_path(), error);
  // Written beside and renamed: a reader never sees half a tile.
  QFile file(QString::fromStdString(path.string() + ".part"));
  if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size()) return false;
  file.close();
  std::filesystem::rename(path.string() + ".part", path, error);
  return !error;
}

std::uint64_t XyzSource::cacheBytes() const {
  std::uint64_t total = 0;
  std::error_code error;
  for (auto it = std::filesystem::recursive_directory_iterator(m_cache, error);
       !error && it != std::filesystem::recursive_directory_iterator(); it.increment(error))
    if (it->is_regular_file(error)) total += it->file_size(error);
  return total;
}

void XyzSource::trimCache() const {
  struct Entry {
    std::filesystem::path path;
    std::filesystem::file_time_type used;
    std::uint64_t size;
  };
  std::vector<Entry> entries;
  std::uint64_t total = 0;
  std::error_code error;
  for (auto it = std::filesystem::recursive_directory_iterator(m_cache, error);
       !error && it != std::filesystem::recursive_directory_iterator(); it.increment(error)) {
    if (!it->is_regular_file(error)) continue;
    entries.push_back({it->path(), it->last_write_time(error), it->file_size(error)});
    total += entries.back().size;
  }
  if (total <= m_limit) return;
  std::sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) { return a.used < b.used; });
  for (const Entry& entry : entries) {
    if (total <= m_limit) break;
    if (std::filesystem::remove(entry.path, error)) total -= entry.size;
  }
}

std::vector<TileId> XyzSource::takeWanted() const {
  std::lock_guard lock(m_mutex);
  std::vector<TileId> wanted(m_wanted.begin(), m_wanted.end());
  m_wanted.clear();
  return wanted;
}

int tileZoomFor(const TileSource& source, double metresPerDevicePixel) {
  if (!(metresPerDevicePixel > 0)) return source.maxZoom();
  // Slightly coarser tiles than the pixels would blur: round up unless within 5 %.
  const int zoom = static_cast<int>(std::ceil(std::log2(kWorldResolution / metresPerDevicePixel) - 0.07));
  return std::clamp(zoom, source.minZoom(), source.maxZoom());
}

QRectF tileExtent(const TileId& id) {
  const double size = 2 * kHalfWorld / double(1 << id.z);
  return QRectF(-kHalfWorld + id.x * size, kHalfWorld - (id.y + 1) * size, size, size);
}

std::vector<TileId> tilesCovering(const QRectF& extent, int zoom) {
  std::vector<TileId> tiles;
  const int n = 1 << zoom;
  const double size = 2 * kHalfWorld / n;
  const auto column = [&](double x) {
    return std::clamp(static_cast<int>(std::floor((x + kHalfWorld) / size)), 0, n - 1);
  };
  const auto row = [&](double y) {
    return std::clamp(static_cast<int>(std::floor((kHalfWorld - y) / size)), 0, n - 1);
  };
  const int x0 = column(extent.left()), x1 = column(extent.right());
  const int y0 = row(extent.bottom()), y1 = row(extent.top());
  for (int y = std::min(y0, y1); y <= std::max(y0, y1); ++y)
    for (int x = x0; x <= x1; ++x) tiles.push_back({zoom, x, y});
  return tiles;
}

std::shared_ptr<const TileSource> openTileSource(const QString& spec, const std::filesystem::path& cacheDirectory,
                                                 std::uint64_t cacheLimitBytes, QString* error) {
  if (spec.startsWith(QLatin1String("mbtiles:"))) return MbtilesSource::open(spec.mid(8), error);
  if (spec.startsWith(QLatin1String("xyz:"))) {
    const QString url = spec.mid(4);
    const QUrl parsed = templateUrl(url);
    if (!parsed.isValid() || (parsed.scheme() != QLatin1String("http") && parsed.scheme() != QLatin1String("https")) ||
        !url.contains(QLatin1String("{z}")) || !url.contains(QLatin1String("{x}")) ||
        !(url.contains(QLatin1String("{y}")) || url.contains(QLatin1String("{-y}")))) {
      if (error)
        *error = QStringLiteral(
                     "'%1': expected an http or https URL with {z}, {x} and {y}, e.g. "
                     "xyz:https://tile.openstreetmap.org/{z}/{x}/{y}.png")
                     .arg(url);
      return nullptr;
    }
    return std::make_shared<XyzSource>(url, cacheDirectory, cacheLimitBytes);
  }
  if (error) *error = QStringLiteral("'%1': expected mbtiles:FILE or xyz:URL").arg(spec);
  return nullptr;
}

} // namespace sv
