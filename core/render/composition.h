#pragma once

#include "render/basemap.h"
#include "render/incidentlayer.h"
#include "render/maplayers.h"
#include "render/mapsettings.h"

#include <QRectF>
#include <QSize>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>
#include <vector>

class QPainter;

namespace sv {

class Projection;

// The size of an output: pixels and the dots per inch they are meant for.
// Everything in a composition is laid out in logical pixels of 1/96 inch, so
// text and symbols keep their physical size: a 300 dpi A4 page is 2480×3508
// pixels drawn at 3.125 device pixels per logical pixel.
struct PageFormat {
  QSize pixels{1920, 1080};
  double dpi = 96.0;

  double scale() const { return dpi / 96.0; }
  QSizeF logicalSize() const { return QSizeF(pixels) / scale(); }
  QSizeF millimetres() const { return QSizeF(pixels) * (25.4 / dpi); }
};

struct PagePreset {
  QString name;        // as given to --preset
  QString description; // for help texts and menus
  PageFormat format;
};
// slide (1920×1080), slide-4k (3840×2160), a4-portrait, a4-landscape,
// a3-portrait, a3-landscape (300 dpi), square (1080×1080).
const std::vector<PagePreset>& pagePresets();
std::optional<PagePreset> findPagePreset(const QString& name);

// What a composition shows around the map.
struct CompositionContent {
  QString title;
  QString subtitle; // the range and the filters, in words
  std::shared_ptr<const BaseMap> baseMap;
  MapLayers layers;                                   // tiles and context layers under the incidents
  const Projection* projection = nullptr;             // for the geodesic scale bar
  std::shared_ptr<const IncidentLayerData> incidents; // may be null
  IncidentView view;
  QRectF extent;            // projected metres the map must show
  QStringList attributions; // one line per source
  QString footer;           // e.g. the generation date
};

// Where the parts went, for tests and the preview.
struct CompositionLayout {
  QRectF header;
  QRectF map;
  QRectF legend;
  QRectF locator;
  QRectF footer;
};

struct ComposedPage {
  CompositionLayout layout;
  MapSettings mapSettings; // the map frame's view (logical pixels)
  std::shared_ptr<const DrawnIncidents> drawn;
  BaseLayerReport baseReport; // the tiles drawn and missing
};

// Lays the parts out on a page of `logicalSize`.
CompositionLayout layoutComposition(const QSizeF& logicalSize, const CompositionContent& content);

// Draws the composition with `painter` in logical pixels (the painter is
// already scaled for the device): a title block, the map with its scale bar
// and north arrow, a legend listing only the event types drawn, a locator map
// of Mali with the view's extent, the attributions and the footer. The same
// code draws the preview, PNG, SVG, PDF and every animation frame.
ComposedPage drawComposition(QPainter& painter, const PageFormat& format, const CompositionContent& content);

// The map frame's view on a page of `format`: what its tiles are fetched for.
MapSettings compositionMapSettings(const PageFormat& format, const CompositionContent& content);

// Convenience: the composition as an image of format.pixels.
QImage renderCompositionImage(const PageFormat& format, const CompositionContent& content,
                              ComposedPage* page = nullptr);

// The attribution lines of the base map's sources (one per source) and of
// the incident dataset.
QStringList compositionAttributions(const BaseMap& baseMap, const DatasetInfo* incidents);

// The active filter in words: "all incidents", or "Battles, Riots; actors:
// JNIM; at least 5 fatalities; Ségou region; civilians targeted".
QString describeFilter(const EventStore& store, const IncidentFilter& filter);

} // namespace sv
