#pragma once

#include "domain/eventstore.h"
#include "render/cancelflag.h"
#include "render/incidentstyle.h"
#include "render/mapsettings.h"

#include <QPainter>
#include <QPainterPath>
#include <QPointF>

#include <memory>
#include <vector>

namespace sv {

class Projection;

// A dataset ready for display: the store plus every incident's position
// projected once, at load, so that render threads never call PROJ.
class IncidentLayerData {
public:
  static std::shared_ptr<const IncidentLayerData> build(std::shared_ptr<const EventStore> store,
                                                        const Projection& projection);

  const EventStore& store() const { return *m_store; }
  const std::shared_ptr<const EventStore>& storePointer() const { return m_store; }
  // Projected metres, indexed like the store.
  const QPointF& position(EventStore::Index i) const { return m_positions[i]; }
  const incidentstyle::SizeScale& sizeScale() const { return m_sizeScale; }
  // The lines and areas, projected: one path per store.shapedIncidents() entry, in metres.
  const QPainterPath& shapePath(std::size_t shaped) const { return m_shapePaths[shaped]; }
  // Whether incident i shows in a projected rectangle: its point, or any part
  // of its line's or area's bounds. Never for an unplaced incident.
  bool isIn(EventStore::Index i, const QRectF& extent) const;

private:
  std::shared_ptr<const EventStore> m_store;
  std::vector<QPointF> m_positions;
  std::vector<QPainterPath> m_shapePaths;
  incidentstyle::SizeScale m_sizeScale;
};

// Which incidents the map shows: those overlapping [from, to] that pass the
// filter; and how: in their event type's colour, or in the single colour given
// to their dataset.
// How a dataset's point incidents are drawn: as symbols, as counts in
// hexagons (the density view), or as density when the dataset puts more on
// screen than symbols can show apart (kAutomaticDensityAbove).
enum class DatasetDrawing : std::uint8_t { Automatic = 0, Symbols = 1, Density = 2 };
inline constexpr std::size_t kAutomaticDensityAbove = 3000;

struct IncidentView {
  DayNumber from = 0;
  DayNumber to = -1;
  IncidentFilter filter;
  std::vector<QColor> datasetColours = {}; // per dataset of the store; invalid or missing: colours by event type
  std::vector<DatasetDrawing> datasetDrawing = {}; // per dataset; missing: Automatic
  DatasetDrawing drawingOf(std::size_t dataset) const {
    return dataset < datasetDrawing.size() ? datasetDrawing[dataset] : DatasetDrawing::Automatic;
  }
  QColor colourOf(const EventStore& store, EventStore::Index i) const {
    const std::size_t dataset = store.dataset(i);
    return dataset < datasetColours.size() ? datasetColours[dataset] : QColor();
  }
  static IncidentView everything(const EventStore& store) { return {store.firstDay(), store.lastDay(), {}}; }
  friend bool operator==(const IncidentView&, const IncidentView&) = default;
};

// One symbol as drawn: one incident, or several at one place or in one dense
// spot, drawn as a stack with a count badge.
struct DrawnCluster {
  QPointF pixel;           // logical pixels: where the symbol is drawn
  double radius = 0.0;     // of the top symbol
  std::uint32_t first = 0; // range in DrawnIncidents::members
  std::uint32_t count = 0;
  EventStore::Index top = 0; // the incident whose symbol is on top (the most fatalities)
  // Where the incidents are, when the symbol was moved off a town's name
  // and joined to it by a leader line; equal to `pixel` otherwise.
  QPointF anchor;
  bool isOffset() const { return anchor != pixel; }
};

// What a drawn cluster covers: its symbol, the symbols peeking out behind
// it and its count badge, in logical pixels.
QRectF clusterBox(const DrawnCluster& cluster);

// A line or an area as drawn.
struct DrawnShape {
  EventStore::Index incident = 0;
  QPainterPath path; // logical pixels
  bool isArea = false;
};

// What the incident layer drew, for hover and selection.
struct DrawnIncidents {
  std::vector<DrawnCluster> clusters;     // in drawing order
  std::vector<EventStore::Index> members; // per cluster, in store order (by start)
  std::vector<DrawnShape> shapes;         // lines and areas on screen, in drawing order
  // Incidents in the range and filter, counted once each: placed ones, drawn or
  // off-screen, and unplaced ones (never drawn). Aggregates are not counted
  // (their parts are); an aggregate that is a line or an area is drawn.
  std::size_t incidentCount = 0;
  std::size_t unplacedCount = 0;
  std::size_t densityCount = 0;                          // of the placed ones, those drawn in hexagons (on screen)
  std::uint32_t densityMax = 0;                          // the most in one hexagon
  std::array<std::size_t, kEventTypeCount> typeCounts{}; // the placed ones, per EventType
  std::uint32_t typesShown = 0;                          // bit per EventType among the drawn

  // The cluster drawn at a widget position, topmost first; nullptr if none.
  const DrawnCluster* clusterAt(const QPointF& pixel, double tolerance = 3.0) const;
  // The line or area whose drawing passes a widget position (a corridor's
  // band, an area's outline), topmost first; nullptr if none.
  const DrawnShape* shapeAt(const QPointF& pixel, double tolerance = 3.0) const;
  std::vector<EventStore::Index> membersOf(const DrawnCluster& cluster) const;
};

// Incidents closer than this many logical pixels share one symbol stack.
inline constexpr double kClusterCellPixels = 22.0;

// Draws the incidents of `view` and describes what it drew. Returns false if
// cancelled.
// `keepClear`: rectangles (the towns' names) that no symbol or badge may
// cover; a cluster that would is moved beside its place with a leader line.
bool renderIncidentLayer(QPainter& painter, const IncidentLayerData& data, const IncidentView& view,
                         const MapSettings& settings, const CancelFlag& cancel, DrawnIncidents& drawn,
                         const std::vector<QRectF>& keepClear = {});

} // namespace sv
