#include "session/tilefetcher.h"

#include "render/maplayers.h"

#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimer>

namespace sv {

namespace {
constexpr int kConnections = 2; // what the OpenStreetMap tile usage policy allows
}

TileFetcher::TileFetcher(QObject* parent) : QObject(parent), m_network(new QNetworkAccessManager(this)) {
  connect(m_network, &QNetworkAccessManager::finished, this, &TileFetcher::finished);
}

TileFetcher::~TileFetcher() = default;

QString TileFetcher::userAgent() {
  return QStringLiteral("SituationViewer/%1 (desktop incident map; Qt %2)")
      .arg(QStringLiteral(SV_VERSION), QString::fromLatin1(qVersion()));
}

QString TileFetcher::key(const TileId& tile) { return QStringLiteral("%1/%2/%3").arg(tile.z).arg(tile.x).arg(tile.y); }

void TileFetcher::fetch(const std::shared_ptr<const XyzSource>& source, const std::vector<TileId>& tiles) {
  if (!source) return;
  if (source != m_source) {
    // Another base map: what was queued for the old one is no longer wanted.
    m_source = source;
    m_queue.clear();
    m_pending.clear();
    m_failed.clear();
  }
  for (const TileId& tile : tiles) {
    if (m_pending.count(tile) || m_failed.contains(key(tile)) || source->has(tile)) continue;
    m_pending.insert(tile);
    m_queue.push_back(tile);
  }
  startNext();
}

void TileFetcher::startNext() {
  while (m_running < kConnections && !m_queue.empty()) {
    const TileId tile = m_queue.front();
    m_queue.erase(m_queue.begin());
    QNetworkRequest request(QUrl(m_source->url(tile)));
    request.setHeader(QNetworkRequest::UserAgentHeader, userAgent());
    request.setTransferTimeout(m_timeoutMs);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::NoLessSafeRedirectPolicy);
    QNetworkReply* reply = m_network->get(request);
    reply->setProperty("sv_z", tile.z);
    reply->setProperty("sv_x", tile.x);
    reply->setProperty("sv_y", tile.y);
    reply->setProperty("sv_source", QVariant::fromValue(static_cast<const void*>(m_source.get())));
    ++m_running;
  }
  if (m_running == 0 && m_queue.empty()) emit idle();
}

void TileFetcher::finished(QNetworkReply* reply) {
  reply->deleteLater();
  --m_running;
  const TileId tile{reply->property("sv_z").toInt(), reply->property("sv_x").toInt(), reply->property("sv_y").toInt()};
  const bool current = m_source && reply->property("sv_source").value<const void*>() == m_source.get();
  if (current) {
    m_pending.erase(tile);
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    QString reason;
    if (reply->error() != QNetworkReply::NoError)
      reason = status ? QStringLiteral("HTTP %1 %2")
                            .arg(status)
                            .arg(reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toString())
                      : reply->errorString();
    else if (!m_source->store(tile, reply->readAll()))
      reason = QStringLiteral("the server's answer is no image");
    if (reason.isEmpty()) {
      ++m_fetched;
      emit tilesArrived();
    } else {
      reason = QStringLiteral("%1: %2").arg(m_source->url(tile), reason);
      m_failed.insert(key(tile), reason);
      emit tileFailed(tile, reason);
    }
  }
  if (m_running == 0 && m_queue.empty() && m_source) m_source->trimCache();
  startNext();
}

TileFetcher::Report TileFetcher::fetchAndWait(const std::shared_ptr<const XyzSource>& source,
                                              const std::vector<TileId>& tiles, int timeoutMs) {
  Report report;
  std::vector<TileId> wanted;
  for (const TileId& tile : tiles) {
    if (source->tile(tile))
      ++report.cached;
    else
      wanted.push_back(tile);
  }
  source->takeWanted(); // asked here, not by a view
  if (wanted.empty()) return report;
  m_timeoutMs = timeoutMs;
  const std::size_t before = m_fetched;
  QEventLoop loop;
  const auto quit = connect(this, &TileFetcher::idle, &loop, &QEventLoop::quit);
  fetch(source, wanted);
  if (isBusy()) loop.exec(QEventLoop::ExcludeUserInputEvents); // a window waits without taking clicks
  disconnect(quit);
  report.fetched = m_fetched - before;
  for (const TileId& tile : wanted)
    if (const QString why = failure(tile); !why.isEmpty()) report.failed.emplace_back(tile, why);
  return report;
}

TileFetcher::Preparation TileFetcher::prepare(const std::shared_ptr<const TileSource>& source,
                                              const MapSettings& settings, int timeoutMs) {
  Preparation preparation;
  if (!source) return preparation;
  const std::vector<TileId> needed = tilesNeeded(*source, settings);
  preparation.needed = needed.size();
  if (needed.empty()) return preparation;
  preparation.zoom = needed.front().z;
  if (auto xyz = std::dynamic_pointer_cast<const XyzSource>(source)) {
    if (needed.size() > kExportTileLimit) {
      preparation.ok = false;
      preparation.error = tr("the map needs %1 tiles from %2 at zoom %3, more than the %4 a public tile server "
                             "allows at once; use a smaller page, a larger view, or an MBTiles file")
                              .arg(needed.size())
                              .arg(xyz->spec().mid(4))
                              .arg(preparation.zoom)
                              .arg(kExportTileLimit);
      return preparation;
    }
    TileFetcher fetcher;
    preparation.missing = fetcher.fetchAndWait(xyz, needed, timeoutMs).failed;
  } else {
    for (const TileId& tile : needed)
      if (!source->tile(tile)) preparation.missing.emplace_back(tile, tr("not in the file"));
  }
  return preparation;
}

QString TileFetcher::Preparation::describeMissing() const {
  if (missing.empty()) return {};
  QString text =
      tr("%1 of %2 base map tiles (zoom %3) are missing and left blank:\n").arg(missing.size()).arg(needed).arg(zoom);
  const std::size_t shown = std::min<std::size_t>(missing.size(), 10);
  for (std::size_t k = 0; k < shown; ++k)
    text += tr("  tile %1/%2/%3: %4\n")
                .arg(missing[k].first.z)
                .arg(missing[k].first.x)
                .arg(missing[k].first.y)
                .arg(missing[k].second);
  if (missing.size() > shown) text += tr("  and %1 more\n").arg(missing.size() - shown);
  return text;
}

} // namespace sv
