#pragma once

#include "render/mapsettings.h"

#include <QRectF>
#include <QString>
#include <QStringList>

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
constexpr double kScaleBarMaxPixels = 140.0;
ScaleBar computeScaleBar(const MapSettings& settings, const Projection& projection,
                         double maxPixels = kScaleBarMaxPixels);
// The representative fraction 1:N at the view's centre for a screen of `dotsPerInch`.
double scaleDenominator(const MapSettings& settings, const Projection& projection, double dotsPerInch);
QString formatScale(double denominator);

// Paints the scale bar (bottom left) and a north arrow (top right).
void drawDecorations(QPainter& painter, const MapSettings& settings, const ScaleBar& scaleBar);
QPointF scaleBarOrigin(const MapSettings& settings);
// Paints the time range shown, large enough to read on a projected slide, at
// the top left on a light box.
void drawDateLabel(QPainter& painter, const MapSettings& settings, const QString& label);
QRectF dateLabelArea(const MapSettings& settings, const QString& label);
// Paints the base layer's attribution (the tiles' terms ask for it on the
// map itself) at the bottom right on a light box; nothing when empty.
void drawAttribution(QPainter& painter, const MapSettings& settings, const QString& text);
// The areas the decorations may cover, kept free of labels.
QRectF scaleBarArea(const MapSettings& settings);
QRectF northArrowArea(const MapSettings& settings);

} // namespace sv
