#pragma once

#include "session/backgroundjob.h"
#include "session/projectfile.h"
#include "session/tilefetcher.h"

#include "geo/projection.h"
#include "render/maplayers.h"

#include <QObject>
#include <QStringList>

#include <vector>

namespace sv {

// The layers under the incidents, owned by the session: the base layer (the
// vector base map or tiles) and the context layers, each read once, off the
// GUI thread, and projected. Every change publishes a new immutable MapLayers
// that the map and exports take as it is. Online tiles a view lacked are
// fetched here, and views are told when they arrive.
class MapLayerSet : public QObject {
  Q_OBJECT

public:
  explicit MapLayerSet(std::string projectionCrs, QObject* parent = nullptr);

  const MapLayers& layers() const { return m_layers; }

  // "mbtiles:FILE" or "xyz:URL"; empty for the vector base map alone. False
  // with `error` when the source cannot be opened: the base layer stays.
  bool setBaseMap(const QString& spec, QString* error);
  QString baseMap() const { return m_layers.tiles ? m_layers.tiles->spec() : QString(); }
  void setBaseOpacity(double opacity);
  void setBaseVectors(bool overTiles);

  // Reads the file on a job; ends with contextLayerAdded or contextLayerFailed.
  void addContextLayer(const QString& path);
  bool isReading() const { return m_readJob.isRunning() || !m_toRead.isEmpty(); }
  std::size_t contextCount() const { return m_layers.context.size(); }
  const ContextLayer& contextLayer(std::size_t k) const { return *m_layers.context[k]; }
  void setContextStyle(std::size_t k, const ContextStyle& style);
  void setContextVisible(std::size_t k, bool visible);
  void removeContextLayer(std::size_t k);

  // The tiles a view lacked (RenderedMap::baseReport): fetched when online.
  void wantTiles(const std::vector<TileId>& tiles);
  TileFetcher& fetcher() { return m_fetcher; }

  // Projects: what to save, and the layers of one opened (read at once; the
  // files that cannot be read are named in `notes`).
  void fillProject(Project& project) const;
  void applyProject(const Project& project, QStringList* notes);

signals:
  void layersChanged(const sv::MapLayers& layers);
  void contextLayerAdded(std::size_t index, const QStringList& problems);
  void contextLayerFailed(const QString& message);
  // New tiles are in the cache: views showing them draw again.
  void tilesArrived();
  void tileFailed(const QString& reason);

private:
  void publish();
  void readNext();

  std::string m_crs;
  MapLayers m_layers;
  TileFetcher m_fetcher;
  BackgroundJob m_readJob;
  QStringList m_toRead; // files asked for, after the one being read
};

} // namespace sv
