#pragma once

#include "render/mapsettings.h"

#include <QString>

class QPainter;

namespace sv {

class Projection;

// A scale bar measured on the ellipsoid (geodesic distance), not in
// projected units, so that it is true at the bar's latitude.
struct ScaleBar {
  double lengthPixels = 0.0;
  double groundMetres = 0.0;
  QString label;
};

// Ground metres per logical pixel along a horizontal line through `pixel`.
double groundMetresPerPixel(const MapSettings& settings, const Projection& projection, const QPointF& pixel);
// Where the bar will stand (bottom left) and a round length of at most `maxPixels`.
ScaleBar computeScaleBar(const MapSettings& settings, const Projection& projection, double maxPixels = 140.0);
// The representative fraction 1:N at the view's centre for a screen of `dotsPerInch`.
double scaleDenominator(const MapSettings& settings, const Projection& projection, double dotsPerInch);
QString formatScale(double denominator);

// Paints the scale bar (bottom left) and a north arrow (top right).
void drawDecorations(QPainter& painter, const MapSettings& settings, const ScaleBar& scaleBar);
QPointF scaleBarOrigin(const MapSettings& settings);

} // namespace sv
