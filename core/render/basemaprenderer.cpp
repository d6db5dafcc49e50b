#include "render/basemaprenderer.h"

#include "render/labellayout.h"
#include "render/mapstyle.h"

#include <QFontMetricsF>
#include <QPaintEngine>
#include <QPainter>
#include <QPainterPath>

#include <cmath>

namespace sv {
namespace {

// Lines keep their width in logical pixels whatever the map's scale: the
// pen is cosmetic, so its width is in device pixels, scaled by how many
// device pixels a logical one spans (3.125 on a 300 dpi page).
QPen cosmeticPen(const QColor& colour, double width, double deviceScale, Qt::PenStyle style = Qt::SolidLine) {
  QPen pen(colour, width * deviceScale, style, Qt::RoundCap, Qt::RoundJoin);
  pen.setCosmetic(true);
  return pen;
}

void drawAreas(QPainter& painter, const QRectF& extent, const std::vector<ProjectedArea>& areas) {
  for (const ProjectedArea& area : areas) {
    if (area.bounds.intersects(extent)) painter.drawPath(area.path);
  }
}

void drawPlaceSymbol(QPainter& painter, const PlacedLabel& label) {
  const double r = mapstyle::placeSymbolRadius(label.placeClass);
  painter.setPen(QPen(Qt::white, 1.2));
  painter.setBrush(mapstyle::kPlaceSymbol);
  switch (label.placeClass) {
    case PlaceClass::Capital: {
      // A square with a dot: the usual mark of a national capital.
      painter.drawRect(QRectF(label.anchor.x() - r, label.anchor.y() - r, 2 * r, 2 * r));
      painter.setBrush(Qt::white);
      painter.setPen(Qt::NoPen);
      painter.drawEllipse(label.anchor, r * 0.4, r * 0.4);
      break;
    }
    case PlaceClass::RegionalCapital:
      painter.drawEllipse(label.anchor, r, r);
      painter.setBrush(Qt::white);
      painter.setPen(Qt::NoPen);
      painter.drawEllipse(label.anchor, r * 0.45, r * 0.45);
      break;
    default: painter.drawEllipse(label.anchor, r, r); break;
  }
}

void drawHaloText(QPainter& painter, const PlacedLabel& label, const QColor& colour, double haloWidth) {
  // The halo is the text drawn in white around its position: glyphs come from
  // the font engine's cache, many times faster than stroking text outlines.
  painter.setFont(label.font);
  const QFontMetricsF metrics(label.font);
  const QPointF baseline(label.rect.left() + 1.5, label.rect.top() + metrics.ascent());
  const double r = haloWidth / 2.0;
  // Vector outputs (PDF, SVG) keep one copy of each name as text: the halo
  // is the outline stroked as a path.
  const QPaintEngine* engine = painter.paintEngine();
  if (engine && (engine->type() == QPaintEngine::Pdf || engine->type() == QPaintEngine::SVG)) {
    QPainterPath outline;
    outline.addText(baseline, label.font, label.text);
    painter.strokePath(outline, QPen(mapstyle::kHalo, haloWidth, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    painter.setPen(colour);
    painter.drawText(baseline, label.text);
    return;
  }
  painter.setPen(mapstyle::kHalo);
  for (int step = 0; step < 12; ++step) {
    const double angle = step * 3.14159265358979323846 / 6.0;
    painter.drawText(baseline + QPointF(r * std::cos(angle), r * std::sin(angle)), label.text);
  }
  painter.setPen(colour);
  painter.drawText(baseline, label.text);
}

} // namespace

bool renderBaseMap(QPainter& painter, const BaseMap& map, const MapSettings& settings, const CancelFlag& cancel,
                   const BaseMapOptions& options) {
  const QRectF pixels(QPointF(0, 0), QSizeF(settings.outputSize()));
  const QRectF extent = settings.visibleExtent();
  const double resolution = settings.metresPerPixel();

  painter.save();
  const QTransform base = painter.transform();
  const double deviceScale = std::sqrt(std::abs(painter.deviceTransform().determinant()));
  painter.setRenderHint(QPainter::Antialiasing, true);
  if (options.background) painter.fillRect(pixels, mapstyle::kBackground);

  painter.setTransform(settings.mapToPixelTransform(), true);

  // Neighbours, then Mali's regions.
  painter.setPen(Qt::NoPen);
  if (options.background && options.vectors) {
    painter.setBrush(mapstyle::kNeighbourFill);
    for (const ProjectedCountry& country : map.countries()) {
      if (!country.isMali && country.bounds.intersects(extent)) painter.drawPath(country.path);
    }
    for (const ProjectedRegion& region : map.regions()) {
      if (!region.bounds.intersects(extent)) continue;
      painter.setBrush(mapstyle::regionFill(region.colourIndex));
      painter.drawPath(region.path);
    }
  }
  if (isCancelled(cancel)) return painter.restore(), false;

  if (options.vectors) {
    // Water.
    painter.setBrush(options.background ? QBrush(mapstyle::kWaterFill) : QBrush(Qt::NoBrush));
    painter.setPen(cosmeticPen(mapstyle::kWater, 0.8, deviceScale));
    drawAreas(painter, extent, map.lakes());
    painter.setBrush(Qt::NoBrush);
    for (const ProjectedLine& river : map.rivers()) {
      if (!river.bounds.intersects(extent)) continue;
      const double width = river.scaleRank <= 2 ? 2.2 : river.scaleRank <= 5 ? 1.5 : 1.0;
      painter.setPen(cosmeticPen(mapstyle::kWater, width, deviceScale));
      painter.drawPath(river.path);
    }
    if (isCancelled(cancel)) return painter.restore(), false;

    // Boundaries, finest first so that coarser ones draw over them.
    if (resolution < mapstyle::kCercleBoundaryResolution) {
      painter.setPen(cosmeticPen(mapstyle::kCercleBorder, 0.8, deviceScale));
      drawAreas(painter, extent, map.cercles());
    }
    painter.setPen(cosmeticPen(mapstyle::kRegionBorder, 1.1, deviceScale));
    for (const ProjectedRegion& region : map.regions()) {
      if (region.bounds.intersects(extent)) painter.drawPath(region.path);
    }
    for (const ProjectedCountry& country : map.countries()) {
      if (!country.bounds.intersects(extent)) continue;
      painter.setPen(country.isMali ? cosmeticPen(mapstyle::kMaliBorder, 2.2, deviceScale)
                                    : cosmeticPen(mapstyle::kCountryBorder, 1.0, deviceScale));
      painter.drawPath(country.path);
    }
    if (isCancelled(cancel)) return painter.restore(), false;
  }

  // Symbols and labels, in logical pixels.
  painter.setTransform(base);
  if (options.beforeLabels) {
    painter.save();
    options.beforeLabels(painter);
    painter.restore();
    if (isCancelled(cancel)) return painter.restore(), false;
  }
  const std::vector<PlacedLabel> labels = layoutLabels(map, settings);
  if (isCancelled(cancel)) return painter.restore(), false;
  for (const PlacedLabel& label : labels) {
    if (label.kind == PlacedLabel::Kind::Place) drawPlaceSymbol(painter, label);
    if (options.labelRects) options.labelRects->push_back(label.rect);
    if (options.placeLabelRects && label.kind == PlacedLabel::Kind::Place)
      options.placeLabelRects->push_back(label.rect);
  }
  for (const PlacedLabel& label : labels) {
    switch (label.kind) {
      case PlacedLabel::Kind::Place: drawHaloText(painter, label, mapstyle::kPlaceText, 3.0); break;
      case PlacedLabel::Kind::Region: drawHaloText(painter, label, mapstyle::kRegionText, 2.5); break;
      case PlacedLabel::Kind::Country: drawHaloText(painter, label, mapstyle::kCountryText, 2.5); break;
    }
  }
  painter.restore();
  return !isCancelled(cancel);
}

} // namespace sv
