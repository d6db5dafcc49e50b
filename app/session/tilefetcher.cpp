#include "session/tilefetcher.h"

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
  if (isBusy()) loop.exec();
  disconnect(quit);
  report.fetched = m_fetched - before;
  for (const TileId& tile : wanted)
    if (const QString why = failure(tile); !why.isEmpty()) report.failed.emplace_back(tile, why);
  return report;
}

} // namespace sv
