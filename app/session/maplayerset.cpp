#include "session/maplayerset.h"

#include "session/tilecache.h"

#include <QFileInfo>
#include <QTimer>

namespace sv {

MapLayerSet::MapLayerSet(std::string projectionCrs, QObject* parent)
    : QObject(parent), m_crs(std::move(projectionCrs)) {
  connect(&m_fetcher, &TileFetcher::tilesArrived, this, &MapLayerSet::tilesArrived);
  connect(&m_fetcher, &TileFetcher::tileFailed, this,
          [this](const TileId&, const QString& reason) { emit tileFailed(reason); });
}

void MapLayerSet::publish() { emit layersChanged(m_layers); }

bool MapLayerSet::setBaseMap(const QString& spec, QString* error) {
  if (spec.isEmpty()) {
    m_layers.tiles.reset();
  } else {
    auto source = openTileSource(spec, tileCacheDirectory(), kTileCacheLimitBytes, error);
    if (!source) return false;
    m_layers.tiles = std::move(source);
    m_fetcher.retry();
  }
  publish();
  return true;
}

void MapLayerSet::setBaseOpacity(double opacity) {
  m_layers.tileOpacity = std::clamp(opacity, 0.0, 1.0);
  publish();
}

void MapLayerSet::setBaseVectors(bool overTiles) {
  m_layers.vectorsOverTiles = overTiles;
  publish();
}

namespace {

struct ReadLayer {
  std::shared_ptr<const ContextLayerData> data;
  QString error;
  QStringList problems;
};

ReadLayer readLayer(const QString& path, const std::string& crs) {
  ReadLayer result;
  // A projection of this thread's own: PROJ contexts are not shared.
  std::string projectionError;
  auto projection = Projection::create(crs, &projectionError);
  if (!projection) {
    result.error = QString::fromStdString(projectionError);
    return result;
  }
  result.data = ContextLayerData::read(path, *projection, &result.error, &result.problems);
  return result;
}

} // namespace

void MapLayerSet::addContextLayer(const QString& path) {
  m_toRead << path;
  if (!m_readJob.isRunning()) readNext();
}

// One file at a time, in the order asked: a job started while another runs
// would replace it.
void MapLayerSet::readNext() {
  if (m_toRead.isEmpty()) return;
  const QString path = m_toRead.takeFirst();
  const std::string crs = m_crs;
  m_readJob.start([path, crs](JobControl&) { return readLayer(path, crs); },
                  [this](ReadLayer read) {
                    if (!read.data) {
                      emit contextLayerFailed(read.error);
                    } else {
                      m_layers.context.push_back(ContextLayer::make(read.data, read.data->suggestedStyle()));
                      publish();
                      emit contextLayerAdded(m_layers.context.size() - 1, read.problems);
                    }
                    QTimer::singleShot(0, this, &MapLayerSet::readNext);
                  });
}

void MapLayerSet::setContextStyle(std::size_t k, const ContextStyle& style) {
  if (k >= m_layers.context.size()) return;
  m_layers.context[k] = ContextLayer::make(m_layers.context[k]->dataPointer(), style, m_layers.context[k]->isVisible());
  publish();
}

void MapLayerSet::setContextVisible(std::size_t k, bool visible) {
  if (k >= m_layers.context.size() || m_layers.context[k]->isVisible() == visible) return;
  m_layers.context[k] = ContextLayer::make(m_layers.context[k]->dataPointer(), m_layers.context[k]->style(), visible);
  publish();
}

void MapLayerSet::removeContextLayer(std::size_t k) {
  if (k >= m_layers.context.size()) return;
  m_layers.context.erase(m_layers.context.begin() + static_cast<std::ptrdiff_t>(k));
  publish();
}

void MapLayerSet::wantTiles(const std::vector<TileId>& tiles) {
  if (tiles.empty()) return;
  if (auto xyz = std::dynamic_pointer_cast<const XyzSource>(m_layers.tiles)) {
    xyz->takeWanted(); // the render's own list is the one to fetch
    m_fetcher.fetch(xyz, tiles);
  }
}

void MapLayerSet::fillProject(Project& project) const {
  project.baseMap = baseMap();
  project.baseOpacity = m_layers.tileOpacity;
  project.baseVectors = m_layers.vectorsOverTiles;
  project.contextLayers.clear();
  for (const auto& layer : m_layers.context)
    project.contextLayers.push_back({layer->data().path(), layer->style(), layer->isVisible()});
}

void MapLayerSet::applyProject(const Project& project, QStringList* notes) {
  MapLayers layers;
  QString error;
  if (!project.baseMap.isEmpty()) {
    layers.tiles = openTileSource(project.baseMap, tileCacheDirectory(), kTileCacheLimitBytes, &error);
    if (!layers.tiles && notes) *notes << tr("base map left out: %1").arg(error);
  }
  layers.tileOpacity = project.baseOpacity;
  layers.vectorsOverTiles = project.baseVectors;
  for (const Project::ContextLayerEntry& entry : project.contextLayers) {
    ReadLayer read = readLayer(entry.path, m_crs);
    if (!read.data) {
      if (notes) *notes << tr("context layer left out: %1").arg(read.error);
      continue;
    }
    layers.context.push_back(ContextLayer::make(read.data, entry.style, entry.visible));
  }
  m_layers = std::move(layers);
  publish();
}

} // namespace sv
