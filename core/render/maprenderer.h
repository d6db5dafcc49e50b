#pragma once

#include "render/basemap.h"
#include "render/cancelflag.h"
#include "render/decorations.h"
#include "render/incidentlayer.h"
#include "render/maplayers.h"
#include "render/mapsettings.h"

#include <QImage>

#include <cstdint>
#include <memory>
#include <optional>

namespace sv {

// Everything a render needs, copied on the GUI thread so that the job reads
// nothing shared but immutable snapshots.
struct RenderRequest {
  MapSettings settings;
  std::shared_ptr<const BaseMap> baseMap;
  MapLayers layers;                 // tiles and context layers; timed context layers follow incidentView's range
  std::uint64_t tileGeneration = 0; // raised when tiles arrive: a base layer that lacked some is drawn again
  ScaleBar scaleBar;
  std::shared_ptr<const IncidentLayerData> incidents; // may be null: no incident layer
  IncidentView incidentView;
  QString dateLabel;                                 // the range shown, in large type at the top left; empty for none
  std::optional<EventStore::Index> selectedIncident; // ringed on the map
};

// One image per layer, so that a layer can be reused while another changes.
struct RenderedMap {
  MapSettings settings;
  MapLayers layers;
  std::uint64_t tileGeneration = 0;
  BaseLayerReport baseReport; // the tiles drawn and missing
  QImage baseLayer;
  QImage incidentLayer;
  QImage decorations;
  // What the incident layer shows and drew, for reuse, hover and selection.
  std::shared_ptr<const IncidentLayerData> incidents;
  IncidentView incidentView;
  std::shared_ptr<const DrawnIncidents> drawnIncidents;
  QString dateLabel;
  std::optional<EventStore::Index> selectedIncident;
  bool isComplete = false;
};

// An empty transparent image of the request's size and pixel ratio.
QImage createLayerImage(const MapSettings& settings, QImage::Format format = QImage::Format_ARGB32_Premultiplied);

// Renders every layer synchronously. Render jobs and headless export both use it.
RenderedMap renderMap(const RenderRequest& request, const CancelFlag& cancel = {});
// Renders only the layers not found in `reuse`: the base map is reused when
// the view and the layers are the same (and the range, for timed layers), the incident layer when the view, the dataset
// and the incident range and filter are all the same.
RenderedMap renderMap(const RenderRequest& request, const RenderedMap& reuse, const CancelFlag& cancel);

// The layers flattened into one opaque image.
QImage composeLayers(const RenderedMap& rendered);

} // namespace sv
