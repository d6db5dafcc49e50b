#include "render/labellayout.h"

#include "render/decorations.h"
#include "render/labelplacer.h"
#include "render/mapstyle.h"

#include <QFontMetricsF>

#include <algorithm>
#include <array>
#include <cmath>

namespace sv {
namespace {

constexpr double kLabelPadding = 1.5;
// Villages are thinned from where they first appear down to this resolution
// (metres per logical pixel), at most this far apart at the coarsest.
constexpr double kVillageThinningUntil = 100.0;
constexpr double kVillageSpacingPixels = 90.0;

QSizeF textSize(const QFontMetricsF& metrics, const QString& text) {
  return {metrics.horizontalAdvance(text) + 2 * kLabelPadding, metrics.height()};
}

void placePlaces(const BaseMap& map, const MapSettings& settings, LabelPlacer& placer, std::vector<PlacedLabel>& labels,
                 PlaceClass fromClass, PlaceClass toClass) {
  const QRectF extent = settings.visibleExtent();
  const double resolution = settings.metresPerPixel();
  // One metrics object per class; the places are sorted by class.
  PlaceClass currentClass = fromClass;
  QFont font = mapstyle::placeFont(currentClass);
  QFontMetricsF metrics(font);
  // Villages at district scales (20–50 km on the scale bar): only the first
  // by rank (the places the sources name, then the most populous) within a
  // spacing that shrinks as the map zooms in, so that the names stay apart.
  const double villageSpacing =
      std::clamp((resolution - kVillageThinningUntil) /
                     (mapstyle::placeVisibilityResolution(PlaceClass::Village) - kVillageThinningUntil),
                 0.0, 1.0) *
      kVillageSpacingPixels;
  std::vector<QPointF> villages;
  for (const ProjectedPlace& place : map.places()) {
    if (place.placeClass < fromClass) continue;
    if (place.placeClass > toClass) break;
    if (resolution >= mapstyle::placeVisibilityResolution(place.placeClass)) continue;
    if (!extent.contains(place.position)) continue;
    if (place.placeClass != currentClass) {
      currentClass = place.placeClass;
      font = mapstyle::placeFont(currentClass);
      metrics = QFontMetricsF(font);
    }
    const QPointF anchor = settings.toPixel(place.position);
    if (place.placeClass == PlaceClass::Village && villageSpacing > 0.0 &&
        std::any_of(villages.begin(), villages.end(), [&](const QPointF& other) {
          return std::hypot(other.x() - anchor.x(), other.y() - anchor.y()) < villageSpacing;
        }))
      continue;
    const auto rect =
        placer.placeAround(anchor, mapstyle::placeSymbolRadius(place.placeClass), textSize(metrics, place.name));
    if (rect) {
      if (place.placeClass == PlaceClass::Village) villages.push_back(anchor);
      labels.push_back(
          {PlacedLabel::Kind::Place, place.name, *rect, anchor, font, place.placeClass, place.gazetteerIndex});
    }
  }
}

void placeRegions(const BaseMap& map, const MapSettings& settings, LabelPlacer& placer,
                  std::vector<PlacedLabel>& labels) {
  const QFont font = mapstyle::regionFont();
  const QFontMetricsF metrics(font);
  const QRectF extent = settings.visibleExtent();
  for (const ProjectedRegion& region : map.regions()) {
    if (!extent.contains(region.labelPoint)) continue;
    // A region is named only when it is large enough on screen to hold its name.
    const QSizeF size = textSize(metrics, region.name);
    const double widthOnScreen = region.bounds.width() / settings.metresPerPixel();
    if (widthOnScreen < size.width() * 0.8) continue;
    const QPointF anchor = settings.toPixel(region.labelPoint);
    if (const auto rect = placer.placeCentred(anchor, size)) {
      labels.push_back({PlacedLabel::Kind::Region, region.name, *rect, anchor, font, PlaceClass::Village, 0});
    }
  }
}

void placeCountries(const BaseMap& map, const MapSettings& settings, LabelPlacer& placer,
                    std::vector<PlacedLabel>& labels) {
  const QFont font = mapstyle::countryFont();
  const QFontMetricsF metrics(font);
  const QRectF extent = settings.visibleExtent();
  for (const ProjectedCountry& country : map.countries()) {
    if (country.isMali) continue;
    const QRectF visible = country.bounds.intersected(extent);
    if (visible.isEmpty()) continue;
    const QSizeF size = textSize(metrics, country.name);
    // Try points of a coarse grid over the visible part, centre first, and
    // keep the first that lies inside the country with room for the name.
    static constexpr std::array<QPointF, 9> fractions = {QPointF(0.5, 0.5), QPointF(0.3, 0.5), QPointF(0.7, 0.5),
                                                         QPointF(0.5, 0.3), QPointF(0.5, 0.7), QPointF(0.3, 0.3),
                                                         QPointF(0.7, 0.3), QPointF(0.3, 0.7), QPointF(0.7, 0.7)};
    for (const QPointF& f : fractions) {
      const QPointF candidate(visible.left() + f.x() * visible.width(), visible.top() + f.y() * visible.height());
      if (!country.path.contains(candidate)) continue;
      const QPointF anchor = settings.toPixel(candidate);
      const QRectF rect(anchor.x() - size.width() / 2, anchor.y() - size.height() / 2, size.width(), size.height());
      const QRectF mapRect = QRectF(settings.toMap(rect.topLeft()), settings.toMap(rect.bottomRight())).normalized();
      if (!country.path.contains(mapRect)) continue;
      if (const auto placed = placer.placeCentred(anchor, size, 0)) {
        labels.push_back({PlacedLabel::Kind::Country, country.name, *placed, anchor, font, PlaceClass::Village, 0});
        break;
      }
    }
  }
}

} // namespace

std::vector<PlacedLabel> layoutLabels(const BaseMap& map, const MapSettings& settings) {
  const QRectF bounds(QPointF(0, 0), QSizeF(settings.outputSize()));
  LabelPlacer placer(bounds);
  // The scale bar and the north arrow are drawn over the map: no label goes under them.
  placer.occupy(scaleBarArea(settings));
  placer.occupy(northArrowArea(settings));
  std::vector<PlacedLabel> labels;
  placePlaces(map, settings, placer, labels, PlaceClass::Capital, PlaceClass::OfInterest);
  placeRegions(map, settings, placer, labels);
  placeCountries(map, settings, placer, labels);
  placePlaces(map, settings, placer, labels, PlaceClass::CercleSeat, PlaceClass::Village);
  return labels;
}

} // namespace sv
