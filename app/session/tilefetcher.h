#pragma once

#include "render/mapsettings.h"
#include "render/tilesource.h"

#include <QHash>
#include <QObject>
#include <QString>

#include <memory>
#include <set>
#include <vector>

class QNetworkAccessManager;
class QNetworkReply;

namespace sv {

// Fetches the tiles an XYZ base map lacks, on the GUI thread's event loop
// (the network is asynchronous: nothing here blocks), into the source's disk
// cache. It follows the usage policies of public tile servers: a User-Agent
// naming the program, two connections at most, only the tiles a view or an
// export needs, and a tile that failed is not asked for again until retry().
class TileFetcher : public QObject {
  Q_OBJECT

public:
  explicit TileFetcher(QObject* parent = nullptr);
  ~TileFetcher() override;

  // At most this many tiles for one export; more is a bulk download.
  static constexpr std::size_t kExportTileLimit = 600;
  static QString userAgent();

  void fetch(const std::shared_ptr<const XyzSource>& source, const std::vector<TileId>& tiles);
  // Forgets the failures, so that their tiles are asked for again.
  void retry() { m_failed.clear(); }
  // Why a tile could not be fetched (its URL and the error); empty when it did not fail.
  QString failure(const TileId& tile) const { return m_failed.value(key(tile)); }
  bool isBusy() const { return !m_queue.empty() || m_running > 0; }

  struct Report {
    std::size_t fetched = 0;
    std::size_t cached = 0; // already on disk
    std::vector<std::pair<TileId, QString>> failed;
  };
  // Fetches and waits (for commands): runs a local event loop until every
  // tile has arrived or failed, each within `timeoutMs`.
  Report fetchAndWait(const std::shared_ptr<const XyzSource>& source, const std::vector<TileId>& tiles,
                      int timeoutMs = 15000);

  void setTimeout(int milliseconds) { m_timeoutMs = milliseconds; }

  // Before an export draws: its tiles at its own resolution, fetched when
  // online (waiting, for at most `timeoutMs` a tile), and those that could
  // not be had, with why. Not ok (with `error`) when the page would need more
  // tiles than a public server allows at once.
  struct Preparation {
    bool ok = true;
    QString error;
    std::size_t needed = 0;
    int zoom = -1;
    std::vector<std::pair<TileId, QString>> missing;
    // "3 of 48 base map tiles (zoom 7) are missing and left blank:" and up to ten tiles with why; empty when none.
    QString describeMissing() const;
  };
  static Preparation prepare(const std::shared_ptr<const TileSource>& source, const MapSettings& settings,
                             int timeoutMs = 15000);

signals:
  // Some tiles arrived: views showing the source draw again.
  void tilesArrived();
  void tileFailed(const sv::TileId& tile, const QString& reason);
  void idle();

private:
  static QString key(const TileId& tile);
  void startNext();
  void finished(QNetworkReply* reply);

  QNetworkAccessManager* m_network;
  std::shared_ptr<const XyzSource> m_source;
  std::vector<TileId> m_queue;
  std::set<TileId> m_pending; // queued or running
  QHash<QString, QString> m_failed;
  int m_running = 0;
  int m_timeoutMs = 15000;
  std::size_t m_fetched = 0;
};

} // namespace sv
