#include "render/incidentlayer.h"

#include "render/densitylayer.h"

#include "geo/projection.h"

#include <algorithm>
#include <cmath>
#include <optional>
#include <unordered_map>

namespace sv {

std::shared_ptr<const IncidentLayerData> IncidentLayerData::build(std::shared_ptr<const EventStore> store,
                                                                  const Projection& projection) {
  auto data = std::make_shared<IncidentLayerData>();
  std::vector<Point2> points(store->size());
  for (EventStore::Index i = 0; i < store->size(); ++i) points[i] = {store->longitude(i), store->latitude(i)};
  projection.forward(points);
  data->m_positions.reserve(points.size());
  for (const Point2& p : points) data->m_positions.emplace_back(p.x, p.y);
  data->m_sizeScale = incidentstyle::SizeScale(store->maxFatalityFigure());
  for (EventStore::Index i : store->shapedIncidents()) {
    const bool area = store->shape(i) == PlaceShape::Area;
    QPainterPath path;
    path.setFillRule(Qt::OddEvenFill);
    for (LineString part : store->shapeParts(i)) {
      projection.forward(part);
      if (part.empty()) continue;
      path.moveTo(part.front().x, part.front().y);
      for (std::size_t k = 1; k < part.size(); ++k) path.lineTo(part[k].x, part[k].y);
      if (area) path.closeSubpath();
    }
    data->m_shapePaths.push_back(std::move(path));
  }
  data->m_store = std::move(store);
  return data;
}

const DrawnCluster* DrawnIncidents::clusterAt(const QPointF& pixel, double tolerance) const {
  // The last drawn is on top.
  for (auto it = clusters.rbegin(); it != clusters.rend(); ++it) {
    const QPointF d = it->pixel - pixel;
    const double reach = it->radius * 1.3 + tolerance;
    if (d.x() * d.x() + d.y() * d.y() <= reach * reach) return &*it;
  }
  // A symbol moved off a name is also reached at its place, the leader's dot.
  for (auto it = clusters.rbegin(); it != clusters.rend(); ++it) {
    if (!it->isOffset()) continue;
    const QPointF d = it->anchor - pixel;
    const double reach = 3.0 + tolerance;
    if (d.x() * d.x() + d.y() * d.y() <= reach * reach) return &*it;
  }
  return nullptr;
}

bool IncidentLayerData::isIn(EventStore::Index i, const QRectF& extent) const {
  const EventStore& s = *m_store;
  if (!s.isPlaced(i)) return false;
  if (extent.contains(m_positions[i])) return true;
  if (s.shape(i) == PlaceShape::Point) return false;
  const auto& shaped = s.shapedIncidents();
  const auto it = std::lower_bound(shaped.begin(), shaped.end(), i);
  if (it == shaped.end() || *it != i) return false;
  // A metre around the bounds: a straight east–west line has no height.
  return m_shapePaths[static_cast<std::size_t>(it - shaped.begin())]
      .controlPointRect()
      .adjusted(-1, -1, 1, 1)
      .intersects(extent);
}

const DrawnShape* DrawnIncidents::shapeAt(const QPointF& pixel, double tolerance) const {
  const double reach = incidentstyle::kCorridorHalfWidth + tolerance;
  QPainterPathStroker stroker;
  stroker.setWidth(2.0 * reach);
  for (auto it = shapes.rbegin(); it != shapes.rend(); ++it) {
    if (!it->path.controlPointRect().adjusted(-reach, -reach, reach, reach).contains(pixel)) continue;
    // Only the band or the outline: a click inside an area still reaches the towns and symbols in it.
    QPainterPath stroke = stroker.createStroke(it->path);
    stroke.setFillRule(Qt::WindingFill);
    if (stroke.contains(pixel)) return &*it;
  }
  return nullptr;
}

std::vector<EventStore::Index> DrawnIncidents::membersOf(const DrawnCluster& cluster) const {
  return {members.begin() + cluster.first, members.begin() + cluster.first + cluster.count};
}

namespace {

struct Accumulator {
  std::uint32_t count = 0;
  EventStore::Index top = 0;
  std::int32_t topFatalities = -1;
  std::uint32_t types = 0;
  QPointF pixel;
};

} // namespace

QRectF clusterBox(const DrawnCluster& cluster) {
  const double r = cluster.radius + 1.5; // the symbol's outline
  // Up to two symbols behind, 3 px apart up and to the right.
  QRectF box(cluster.pixel.x() - r, cluster.pixel.y() - r - (cluster.count > 1 ? 6.0 : 0.0),
             2 * r + (cluster.count > 1 ? 6.0 : 0.0), 2 * r + (cluster.count > 1 ? 6.0 : 0.0));
  if (cluster.count > 1)
    box = box.united(incidentstyle::countBadgeRect(cluster.pixel, cluster.radius + 6.0, cluster.count));
  return box;
}

namespace {

// Moves the clusters that would cover a name beside their place: the first
// of eight directions, at growing distances, where the symbol covers no name
// and no symbol already moved. A cluster with no such place stays.
void keepNamesClear(std::vector<DrawnCluster>& clusters, const std::vector<QRectF>& names, const QSizeF& size) {
  if (names.empty()) return;
  const auto coversName = [&](const QRectF& box) {
    return std::any_of(names.begin(), names.end(), [&](const QRectF& name) { return name.intersects(box); });
  };
  const QRectF screen(QPointF(0, 0), size);
  std::vector<QRectF> moved;
  // Left first (names sit to the right of their towns), then round the compass.
  static const std::vector<QPointF> kDirections = [] {
    std::vector<QPointF> directions;
    for (int k = 0; k < 16; ++k) {
      const double degrees = 180.0 + ((k + 1) / 2) * 22.5 * (k % 2 ? 1 : -1);
      const double angle = degrees * 3.14159265358979323846 / 180.0;
      directions.emplace_back(std::cos(angle), std::sin(angle));
    }
    return directions;
  }();
  for (DrawnCluster& cluster : clusters) {
    cluster.anchor = cluster.pixel;
    if (!coversName(clusterBox(cluster))) continue;
    const QPointF at = cluster.pixel;
    bool placed = false;
    for (double step = 1.0; step <= 6.0 && !placed; step += 1.0) {
      const double distance = step * (cluster.radius + 9.0);
      for (const QPointF& direction : kDirections) {
        cluster.pixel = at + direction * distance;
        const QRectF box = clusterBox(cluster);
        if (!screen.contains(box.center()) || coversName(box)) continue;
        if (std::any_of(moved.begin(), moved.end(), [&](const QRectF& other) { return other.intersects(box); }))
          continue;
        moved.push_back(box);
        placed = true;
        break;
      }
    }
    if (!placed) cluster.pixel = at;
  }
}

} // namespace

bool renderIncidentLayer(QPainter& painter, const IncidentLayerData& data, const IncidentView& view,
                         const MapSettings& settings, const CancelFlag& cancel, DrawnIncidents& drawn,
                         const std::vector<QRectF>& keepClear) {
  drawn = {};
  const EventStore& store = data.store();
  IncidentFilter filter = view.filter;
  filter.includeAggregates = true; // an aggregate line or area is drawn, never counted
  std::vector<EventStore::Index> shown = store.overlapping(view.from, view.to, filter);
  if (isCancelled(cancel)) return false;

  // Datasets drawn as density: those asked for, and the automatic ones when
  // they put more points on screen than symbols can show apart.
  const QSize size = settings.outputSize();
  const QTransform toPixel = settings.mapToPixelTransform();
  const double sx = toPixel.m11(), sy = toPixel.m22(), dx = toPixel.dx(), dy = toPixel.dy();
  const QRectF onScreen(QPointF(0, 0), QSizeF(size));
  std::uint64_t densityDatasets = 0;
  {
    std::uint64_t automatic = 0;
    for (std::size_t d = 0; d < store.datasetCount(); ++d) {
      if (view.drawingOf(d) == DatasetDrawing::Density) densityDatasets |= std::uint64_t{1} << d;
      if (view.drawingOf(d) == DatasetDrawing::Automatic) automatic |= std::uint64_t{1} << d;
    }
    if (automatic) {
      std::size_t visible = 0;
      for (EventStore::Index i : shown) {
        if (!(automatic & (std::uint64_t{1} << store.dataset(i))) || store.shape(i) != PlaceShape::Point) continue;
        const QPointF& p = data.position(i);
        if (onScreen.contains(QPointF(p.x() * sx + dx, p.y() * sy + dy)) && ++visible > kAutomaticDensityAbove) {
          densityDatasets |= automatic;
          break;
        }
      }
    }
  }

  // One pass: counted once each; lines and areas apart; density points
  // binned; what stays is the points drawn as symbols.
  std::optional<density::Binner> binner;
  if (densityDatasets) binner.emplace(size);
  std::vector<EventStore::Index> shaped;
  std::erase_if(shown, [&](EventStore::Index i) {
    const PlaceShape shape = store.shape(i);
    const bool aggregate = store.isAggregate(i);
    if (!aggregate) {
      if (shape == PlaceShape::Unplaced) {
        ++drawn.unplacedCount;
      } else {
        ++drawn.incidentCount;
        ++drawn.typeCounts[static_cast<std::size_t>(store.type(i))];
      }
    }
    if (shape == PlaceShape::Line || shape == PlaceShape::Area) shaped.push_back(i);
    if (shape != PlaceShape::Point || aggregate) return true;
    if (binner && (densityDatasets & (std::uint64_t{1} << store.dataset(i)))) {
      const QPointF& p = data.position(i);
      binner->add(QPointF(p.x() * sx + dx, p.y() * sy + dy));
      drawn.typesShown |= 1u << static_cast<unsigned>(store.type(i));
      return true;
    }
    return false;
  });
  if (isCancelled(cancel)) return false;

  // Project to pixels and gather incidents by grid cell: incidents at one
  // place, or close together at this zoom, share one stack.
  const double margin = incidentstyle::SizeScale::kMaxRadius * 1.5;
  const int columns = static_cast<int>(std::ceil((size.width() + 2 * margin) / kClusterCellPixels)) + 1;
  const int rows = static_cast<int>(std::ceil((size.height() + 2 * margin) / kClusterCellPixels)) + 1;
  std::vector<std::int32_t> cellCluster(static_cast<std::size_t>(columns) * static_cast<std::size_t>(rows), -1);
  std::vector<Accumulator> clusters;
  std::vector<std::int32_t> clusterOf(shown.size(), -1);

  // The view's transform is a scale and a translation: apply it directly.
  for (std::size_t k = 0; k < shown.size(); ++k) {
    if ((k & 0xFFFF) == 0 && isCancelled(cancel)) return false;
    const EventStore::Index i = shown[k];
    const QPointF& position = data.position(i);
    const QPointF pixel(position.x() * sx + dx, position.y() * sy + dy);
    const double x = pixel.x() + margin;
    const double y = pixel.y() + margin;
    if (!(x >= 0 && y >= 0 && x < columns * kClusterCellPixels && y < rows * kClusterCellPixels)) continue;
    const auto cell = static_cast<std::size_t>(static_cast<int>(y / kClusterCellPixels) * columns +
                                               static_cast<int>(x / kClusterCellPixels));
    std::int32_t& c = cellCluster[cell];
    if (c < 0) {
      c = static_cast<std::int32_t>(clusters.size());
      clusters.push_back({});
    }
    Accumulator& a = clusters[static_cast<std::size_t>(c)];
    ++a.count;
    a.types |= 1u << static_cast<unsigned>(store.type(i));
    const std::int32_t fatalities = store.fatalityFigure(i);
    if (fatalities > a.topFatalities) {
      a.topFatalities = fatalities;
      a.top = i;
      a.pixel = pixel;
    }
    clusterOf[k] = c;
  }

  // Members per cluster, keeping store order within each.
  std::vector<std::uint32_t> offsets(clusters.size() + 1, 0);
  for (std::int32_t c : clusterOf)
    if (c >= 0) ++offsets[static_cast<std::size_t>(c) + 1];
  for (std::size_t c = 0; c < clusters.size(); ++c) offsets[c + 1] += offsets[c];
  drawn.members.resize(offsets.back());
  {
    std::vector<std::uint32_t> fill(offsets.begin(), offsets.end() - 1);
    for (std::size_t k = 0; k < shown.size(); ++k)
      if (clusterOf[k] >= 0) drawn.members[fill[static_cast<std::size_t>(clusterOf[k])]++] = shown[k];
  }

  drawn.clusters.reserve(clusters.size());
  for (std::size_t c = 0; c < clusters.size(); ++c) {
    const Accumulator& a = clusters[c];
    drawn.clusters.push_back({a.pixel, data.sizeScale().radius(a.topFatalities), offsets[c], a.count, a.top, a.pixel});
    drawn.typesShown |= a.types;
  }
  // Large symbols first, so that small ones stay visible on top of them.
  std::stable_sort(drawn.clusters.begin(), drawn.clusters.end(),
                   [](const DrawnCluster& a, const DrawnCluster& b) { return a.radius > b.radius; });
  keepNamesClear(drawn.clusters, keepClear, QSizeF(size));
  if (isCancelled(cancel)) return false;

  painter.save();
  // Lines and areas under the symbols, areas first, the larger first.
  const QTransform toPixelTransform = settings.mapToPixelTransform();
  const QRectF screen(QPointF(-margin, -margin), QSizeF(size.width() + 2 * margin, size.height() + 2 * margin));
  const std::vector<EventStore::Index>& allShaped = store.shapedIncidents();
  for (EventStore::Index i : shaped) {
    const auto k =
        static_cast<std::size_t>(std::lower_bound(allShaped.begin(), allShaped.end(), i) - allShaped.begin());
    QPainterPath path = toPixelTransform.map(data.shapePath(k));
    if (!path.controlPointRect().intersects(screen)) continue;
    drawn.shapes.push_back({i, std::move(path), store.shape(i) == PlaceShape::Area});
    drawn.typesShown |= 1u << static_cast<unsigned>(store.type(i));
  }
  std::stable_sort(drawn.shapes.begin(), drawn.shapes.end(), [](const DrawnShape& a, const DrawnShape& b) {
    if (a.isArea != b.isArea) return a.isArea;
    const QRectF ra = a.path.controlPointRect(), rb = b.path.controlPointRect();
    return ra.width() * ra.height() > rb.width() * rb.height();
  });
  for (const DrawnShape& shape : drawn.shapes) {
    if (isCancelled(cancel)) break;
    const EventStore::Index i = shape.incident;
    if (shape.isArea)
      incidentstyle::drawArea(painter, shape.path, store.type(i), view.colourOf(store, i));
    else
      incidentstyle::drawCorridor(painter, shape.path, store.type(i), view.colourOf(store, i),
                                  store.locationPrecision(i) == LocationPrecision::Route);
  }
  // Density under the symbols of the other datasets.
  std::optional<density::Bins> bins;
  if (binner) {
    bins = binner->bins();
    drawn.densityCount = bins->incidents;
    drawn.densityMax = bins->maxCount;
    density::drawBins(painter, *bins);
  }
  // Leader lines from the moved symbols to their places, under every symbol.
  painter.setRenderHint(QPainter::Antialiasing, true);
  for (const DrawnCluster& cluster : drawn.clusters) {
    if (!cluster.isOffset()) continue;
    painter.setPen(QPen(QColor(255, 255, 255, 220), 3.0));
    painter.drawLine(cluster.anchor, cluster.pixel);
    painter.setPen(QPen(QColor(0x33, 0x2f, 0x2a), 1.2));
    painter.drawLine(cluster.anchor, cluster.pixel);
    painter.setBrush(QColor(0x33, 0x2f, 0x2a));
    painter.drawEllipse(cluster.anchor, 2.0, 2.0);
  }
  incidentstyle::SymbolCache& symbols = incidentstyle::SymbolCache::forThread(settings.devicePixelRatio());
  for (const DrawnCluster& cluster : drawn.clusters) {
    const EventStore::Index top = cluster.top;
    const QColor topColour = view.colourOf(store, top);
    if (cluster.count > 1) {
      // A stack: up to two more symbols peek out behind the top one, in the
      // looks of other members where the stack mixes types or datasets.
      std::vector<std::pair<EventType, QColor>> behind;
      for (std::uint32_t m = cluster.first; m < cluster.first + cluster.count && behind.size() < 2; ++m) {
        const EventStore::Index member = drawn.members[m];
        const std::pair<EventType, QColor> look{store.type(member), view.colourOf(store, member)};
        if (look != std::pair{store.type(top), topColour} &&
            std::find(behind.begin(), behind.end(), look) == behind.end())
          behind.push_back(look);
      }
      while (behind.size() < std::min<std::size_t>(2, cluster.count - 1))
        behind.emplace_back(store.type(top), topColour);
      for (std::size_t b = behind.size(); b-- > 0;) {
        const double offset = 3.0 * static_cast<double>(b + 1);
        symbols.drawSymbol(painter, cluster.pixel + QPointF(offset, -offset),
                           {behind[b].first, std::max(cluster.radius * 0.8, incidentstyle::SizeScale::kMinRadius),
                            false, false, behind[b].second});
      }
    }
    symbols.drawSymbol(painter, cluster.pixel,
                       {store.type(top), cluster.radius, isApproximate(store.locationPrecision(top)),
                        isApproximate(store.datePrecision(top)), topColour});
    if (cluster.count > 1) symbols.drawCountBadge(painter, cluster.pixel, cluster.radius + 6.0, cluster.count);
  }
  if (bins) density::drawLegend(painter, settings, *bins);
  painter.restore();
  return !isCancelled(cancel);
}

} // namespace sv
