#pragma once

#include "domain/incident.h"

#include <QColor>
#include <QImage>
#include <QPainter>
#include <QPainterPath>
#include <QPointF>

#include <functional>
#include <unordered_map>

namespace sv {

// The look of incidents: one shape and colour per ACLED event type, size by
// fatalities, and marks for approximate places and dates. The legend draws
// with the same functions as the map, so the two always agree.
namespace incidentstyle {

enum class Shape { Circle, Triangle, Star, Square, InvertedTriangle, Diamond };

// Okabe–Ito colours, distinguishable with the common forms of colour
// blindness; each type also has its own shape, so colour is never the only cue.
QColor typeColour(EventType type);
Shape typeShape(EventType type);

// Symbol sizes: the area grows in proportion to the fatality figure, on a
// scale set once per dataset from its largest figure, so that a symbol keeps
// its size whatever the date, range or filter.
class SizeScale {
public:
  static constexpr double kMinRadius = 4.5;  // no or unreported fatalities
  static constexpr double kMaxRadius = 20.0; // the dataset's largest figure

  explicit SizeScale(std::int32_t datasetMaxFatalities = 0);
  double radius(std::int32_t fatalities) const;
  // The dataset's largest figure (the scale itself never tops out below 10).
  std::int32_t datasetMax() const { return m_datasetMax; }

private:
  std::int32_t m_datasetMax = 0;
  std::int32_t m_max = 0;
  double m_areaPerFatality = 0.0;
};

struct SymbolLook {
  EventType type = EventType::Battles;
  double radius = SizeScale::kMinRadius;
  bool approximateLocation = false; // drawn hollow
  bool approximateDate = false;     // drawn with a dashed ring
  QColor colour = QColor();         // the fill: invalid for the type's colour, else a dataset's single colour
};

// Draws one symbol centred at `centre` (logical pixels).
void drawSymbol(QPainter& painter, const QPointF& centre, const SymbolLook& look);
// A badge with a count, placed at the symbol's upper right.
void drawCountBadge(QPainter& painter, const QPointF& symbolCentre, double symbolRadius, std::uint32_t count);
// The badge's rectangle, for hit testing and layout.
QRectF countBadgeRect(const QPointF& symbolCentre, double symbolRadius, std::uint32_t count);

// Incidents that are lines and areas (PlaceShape::Line, Area), drawn under
// the symbols in the type's (or dataset's) colour: a corridor as a pale band
// along the line with a dashed line on it, an area as a hatched outline. A
// route whose course is approximate (LocationPrecision::Route) has a longer
// dash. `path` is in logical pixels.
void drawCorridor(QPainter& painter, const QPainterPath& path, EventType type, const QColor& colour,
                  bool approximateRoute);
void drawArea(QPainter& painter, const QPainterPath& path, EventType type, const QColor& colour);
// Half the width of a corridor's band, in logical pixels.
inline constexpr double kCorridorHalfWidth = 5.0;

// Symbols and badges drawn once into small images and then copied, for
// layers with thousands of symbols. One cache serves one render (one pixel
// ratio); it draws with drawSymbol and drawCountBadge, so it looks the same.
class SymbolCache {
public:
  explicit SymbolCache(qreal devicePixelRatio) : m_ratio(devicePixelRatio) {}
  // The calling thread's cache for `devicePixelRatio`, kept from frame to
  // frame: scrubbing draws the same symbols and badges again, and drawing a
  // sprite (a path, a text) costs tens of times copying it. Holds at most a
  // few thousand sprites; past that it starts again empty.
  static SymbolCache& forThread(qreal devicePixelRatio);
  void drawSymbol(QPainter& painter, const QPointF& centre, const SymbolLook& look);
  void drawCountBadge(QPainter& painter, const QPointF& symbolCentre, double symbolRadius, std::uint32_t count);

private:
  struct Sprite {
    QImage image;
    QPointF offset; // from the anchor to the image's top left, in logical pixels
  };
  const Sprite& sprite(std::uint64_t key, const QRectF& logicalBounds, const std::function<void(QPainter&)>& draw);

  qreal m_ratio = 1.0;
  std::unordered_map<std::uint64_t, Sprite> m_sprites;
};

} // namespace incidentstyle
} // namespace sv
