#include "render/composition.h"

#include "render/basemaprenderer.h"
#include "render/decorations.h"
#include "render/incidentstyle.h"
#include "render/mapstyle.h"
#include "render/qtext.h"

#include <QCoreApplication>
#include <QFontMetricsF>
#include <QImage>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <cmath>

namespace sv {
namespace {

constexpr QColor kInk(0x20, 0x20, 0x20);
constexpr QColor kMutedInk(0x55, 0x55, 0x55);
constexpr QColor kFrame(0x70, 0x70, 0x70);
constexpr QColor kExtent(0xd0, 0x1c, 0x5b);

struct Fonts {
  QFont title, subtitle, heading, body, small;
};

// Sizes follow the page's logical size, within bounds that keep a slide and
// an A4 page readable.
Fonts fontsFor(const QSizeF& size) {
  const double shorter = std::min(size.width(), size.height());
  Fonts f;
  f.title = mapstyle::mapFont(static_cast<int>(std::clamp(shorter * 0.045, 16.0, 40.0)));
  f.title.setBold(true);
  f.subtitle = mapstyle::mapFont(static_cast<int>(std::clamp(shorter * 0.024, 12.0, 22.0)));
  f.heading = mapstyle::mapFont(static_cast<int>(std::clamp(shorter * 0.017, 11.0, 16.0)));
  f.heading.setBold(true);
  f.body = mapstyle::mapFont(static_cast<int>(std::clamp(shorter * 0.015, 10.0, 14.0)));
  f.small = mapstyle::mapFont(static_cast<int>(std::clamp(shorter * 0.011, 8.0, 11.0)));
  return f;
}

double textHeight(const QFont& font, const QString& text, double width) {
  if (text.isEmpty()) return 0.0;
  return QFontMetricsF(font).boundingRect(QRectF(0, 0, width, 1e6), Qt::TextWordWrap, text).height();
}

QString footerText(const CompositionContent& content) {
  QStringList lines = content.layers.attributions() + content.attributions;
  if (!content.footer.isEmpty()) lines << content.footer;
  return lines.join(QLatin1Char('\n'));
}

void drawLegend(QPainter& painter, const QRectF& area, const Fonts& fonts, const CompositionContent& content,
                const DrawnIncidents* drawn) {
  painter.save();
  painter.setClipRect(area);
  double y = area.top();
  painter.setPen(kInk);
  painter.setFont(fonts.heading);
  const QFontMetricsF heading(fonts.heading);
  painter.drawText(QPointF(area.left(), y + heading.ascent()),
                   QCoreApplication::translate("Composition", "Incidents shown"));
  y += heading.height() + 6;
  painter.setFont(fonts.body);
  const QFontMetricsF body(fonts.body);
  const double row = std::max(body.height() + 6, 22.0);
  const double symbolColumn = 26.0;
  // The rows: each type drawn, then each dataset drawn in a single colour
  // (the colour names the dataset, the shape the type).
  struct Entry {
    QString text;
    incidentstyle::SymbolLook symbol;
  };
  std::vector<Entry> entries;
  for (int t = 0; t < kEventTypeCount; ++t) {
    const auto type = static_cast<EventType>(t);
    if (!drawn || (drawn->typesShown & IncidentFilter::typeBit(type)) == 0) continue;
    const std::size_t count = drawn->typeCounts[static_cast<std::size_t>(t)];
    entries.push_back({QStringLiteral("%1 (%2)").arg(q(eventTypeName(type))).arg(count),
                       {type, incidentstyle::SizeScale::kMinRadius + 1.5, false, false}});
  }
  const bool any = !entries.empty();
  if (any && content.incidents) {
    const EventStore& store = content.incidents->store();
    for (std::size_t d = 0; d < store.datasetCount() && d < content.view.datasetColours.size(); ++d) {
      const QColor colour = content.view.datasetColours[d];
      if (!colour.isValid() || (content.view.filter.datasets & IncidentFilter::datasetBit(d)) == 0) continue;
      entries.push_back({q(store.datasetInfo(d).name),
                         {EventType::Unclassified, incidentstyle::SizeScale::kMinRadius + 1.5, false, false, colour}});
    }
  }
  // A small page holds fewer rows than there are: the last one says how many
  // more there are, rather than leaving them out without a word.
  const auto fit = static_cast<std::size_t>(std::max(0.0, std::floor((area.bottom() - y) / row)));
  const std::size_t listed = entries.size() <= fit ? entries.size() : (fit > 0 ? fit - 1 : 0);
  for (std::size_t k = 0; k < listed; ++k) {
    incidentstyle::drawSymbol(painter, QPointF(area.left() + symbolColumn / 2.0, y + row / 2.0), entries[k].symbol);
    painter.setPen(kInk);
    painter.setFont(fonts.body);
    const QRectF textRect(area.left() + symbolColumn + 4, y, area.width() - symbolColumn - 4, row);
    painter.drawText(textRect, Qt::AlignVCenter | Qt::AlignLeft | Qt::TextSingleLine,
                     body.elidedText(entries[k].text, Qt::ElideRight, textRect.width()));
    y += row;
  }
  if (listed < entries.size()) {
    painter.setPen(kMutedInk);
    const QRectF textRect(area.left() + symbolColumn + 4, y, area.width() - symbolColumn - 4, row);
    const QString more =
        QCoreApplication::translate("Composition", "and %n more", nullptr, static_cast<int>(entries.size() - listed));
    painter.drawText(textRect, Qt::AlignVCenter | Qt::AlignLeft | Qt::TextSingleLine,
                     body.elidedText(more, Qt::ElideRight, textRect.width()));
    y += row;
  }
  if (!any) {
    painter.setPen(kMutedInk);
    painter.drawText(QRectF(area.left(), y, area.width(), row), Qt::AlignVCenter | Qt::TextWordWrap,
                     QCoreApplication::translate("Composition", "No incidents in this range"));
    y += row;
  }
  y += 6;
  painter.setFont(fonts.small);
  const QFontMetricsF small(fonts.small);
  painter.setPen(kMutedInk);
  const QString notes =
      QCoreApplication::translate("Composition",
                                  "Symbol area grows with fatalities. Hollow: approximate place. "
                                  "Dashed ring: approximate date. A number: several incidents at one place.");
  painter.drawText(QRectF(area.left(), y, area.width(), area.bottom() - y), Qt::TextWordWrap, notes);
  painter.restore();
}

void drawLocator(QPainter& painter, const QRectF& area, const BaseMap& baseMap, const QRectF& viewExtent) {
  painter.save();
  painter.setRenderHint(QPainter::Antialiasing, true);
  painter.setClipRect(area);
  painter.fillRect(area, mapstyle::kBackground);
  QRectF shown = baseMap.maliExtent();
  shown = shown.marginsAdded(
      QMarginsF(shown.width() * 0.08, shown.height() * 0.08, shown.width() * 0.08, shown.height() * 0.08));
  // Fit, keeping the aspect ratio; projected y grows northward.
  const double scale = std::min(area.width() / shown.width(), area.height() / shown.height());
  QTransform toArea;
  toArea.translate(area.center().x(), area.center().y());
  toArea.scale(scale, -scale);
  toArea.translate(-shown.center().x(), -shown.center().y());
  painter.setPen(Qt::NoPen);
  for (const ProjectedCountry& country : baseMap.countries()) {
    if (!country.bounds.intersects(shown)) continue;
    painter.setBrush(country.isMali ? QColor(0xf4, 0xe9, 0xd0) : mapstyle::kNeighbourFill);
    painter.drawPath(toArea.map(country.path));
  }
  painter.setBrush(Qt::NoBrush);
  painter.setPen(QPen(mapstyle::kRegionBorder, 0.6));
  for (const ProjectedRegion& region : baseMap.regions()) painter.drawPath(toArea.map(region.path));
  for (const ProjectedCountry& country : baseMap.countries()) {
    if (!country.bounds.intersects(shown)) continue;
    painter.setPen(QPen(country.isMali ? mapstyle::kMaliBorder : mapstyle::kCountryBorder, country.isMali ? 1.4 : 0.6));
    painter.drawPath(toArea.map(country.path));
  }
  // The main map's extent; a tiny extent is drawn as a marker that can be seen.
  QRectF extent = toArea.mapRect(viewExtent).intersected(area.adjusted(1, 1, -1, -1));
  if (extent.width() < 8 || extent.height() < 8) {
    const QPointF c = extent.isValid() ? extent.center() : toArea.map(viewExtent.center());
    extent = QRectF(c - QPointF(4, 4), QSizeF(8, 8));
  }
  painter.setPen(QPen(kExtent, 2.0));
  painter.drawRect(extent);
  painter.restore();
  painter.setPen(QPen(kFrame, 1.0));
  painter.setBrush(Qt::NoBrush);
  painter.drawRect(area);
}

} // namespace

const std::vector<PagePreset>& pagePresets() {
  static const std::vector<PagePreset> presets = [] {
    const auto paper = [](double widthMm, double heightMm) {
      return PageFormat{QSize(static_cast<int>(std::lround(widthMm / 25.4 * 300.0)),
                              static_cast<int>(std::lround(heightMm / 25.4 * 300.0))),
                        300.0};
    };
    return std::vector<PagePreset>{
        {QStringLiteral("slide"), QStringLiteral("16:9 slide, 1920×1080"), {QSize(1920, 1080), 96.0}},
        {QStringLiteral("slide-4k"), QStringLiteral("16:9 slide, 3840×2160"), {QSize(3840, 2160), 192.0}},
        {QStringLiteral("a4-portrait"), QStringLiteral("A4 portrait, 300 dpi"), paper(210, 297)},
        {QStringLiteral("a4-landscape"), QStringLiteral("A4 landscape, 300 dpi"), paper(297, 210)},
        {QStringLiteral("a3-portrait"), QStringLiteral("A3 portrait, 300 dpi"), paper(297, 420)},
        {QStringLiteral("a3-landscape"), QStringLiteral("A3 landscape, 300 dpi"), paper(420, 297)},
        {QStringLiteral("square"), QStringLiteral("square for social media, 1080×1080"), {QSize(1080, 1080), 96.0}},
    };
  }();
  return presets;
}

std::optional<PagePreset> findPagePreset(const QString& name) {
  for (const PagePreset& preset : pagePresets())
    if (preset.name.compare(name, Qt::CaseInsensitive) == 0) return preset;
  return std::nullopt;
}

CompositionLayout layoutComposition(const QSizeF& size, const CompositionContent& content) {
  const Fonts fonts = fontsFor(size);
  const double W = size.width(), H = size.height();
  const double m = std::clamp(std::min(W, H) * 0.022, 8.0, 28.0);
  CompositionLayout layout;
  const double inner = W - 2 * m;
  const double titleHeight = textHeight(fonts.title, content.title, inner);
  const double subtitleHeight = textHeight(fonts.subtitle, content.subtitle, inner);
  layout.header = QRectF(m, m, inner, titleHeight + (subtitleHeight > 0 ? subtitleHeight + 4 : 0));
  const double footerHeight = textHeight(fonts.small, footerText(content), inner);
  layout.footer = QRectF(m, H - m - footerHeight, inner, footerHeight);
  const double top = layout.header.bottom() + m * 0.75;
  const double bottom = layout.footer.top() - m * 0.75;
  if (W >= H * 1.05) {
    // Landscape: legend and locator in a column at the right.
    const double panel = std::clamp(W * 0.2, 150.0, 340.0);
    layout.map = QRectF(m, top, W - 3 * m - panel, bottom - top);
    const double locatorHeight = std::min(panel * 0.8, (bottom - top) * 0.45);
    layout.locator = QRectF(W - m - panel, bottom - locatorHeight, panel, locatorHeight);
    layout.legend = QRectF(W - m - panel, top, panel, layout.locator.top() - m * 0.75 - top);
  } else {
    // Portrait and square: legend and locator in a band under the map.
    const double band = std::clamp((bottom - top) * 0.24, 120.0, 300.0);
    layout.map = QRectF(m, top, inner, bottom - top - band - m * 0.75);
    const double locatorWidth = std::min(band * 1.25, inner * 0.4);
    layout.locator = QRectF(W - m - locatorWidth, bottom - band, locatorWidth, band);
    layout.legend = QRectF(m, bottom - band, inner - locatorWidth - m, band);
  }
  return layout;
}

MapSettings compositionMapSettings(const PageFormat& format, const CompositionContent& content) {
  const CompositionLayout layout = layoutComposition(format.logicalSize(), content);
  MapSettings settings;
  settings.setOutputSize(QSize(std::max(16, static_cast<int>(std::floor(layout.map.width()))),
                               std::max(16, static_cast<int>(std::floor(layout.map.height())))));
  settings.setDevicePixelRatio(format.scale());
  settings.zoomToExtent(content.extent.isValid() ? content.extent
                                                 : (content.baseMap ? content.baseMap->maliExtent() : QRectF()));
  return settings;
}

ComposedPage drawComposition(QPainter& painter, const PageFormat& format, const CompositionContent& content) {
  const QSizeF size = format.logicalSize();
  const Fonts fonts = fontsFor(size);
  ComposedPage page;
  page.layout = layoutComposition(size, content);
  const CompositionLayout& layout = page.layout;

  painter.save();
  painter.setRenderHint(QPainter::Antialiasing, true);
  painter.setRenderHint(QPainter::TextAntialiasing, true);
  painter.fillRect(QRectF(QPointF(0, 0), size), Qt::white);

  // Title block.
  painter.setPen(kInk);
  painter.setFont(fonts.title);
  const double titleHeight = textHeight(fonts.title, content.title, layout.header.width());
  painter.drawText(QRectF(layout.header.topLeft(), QSizeF(layout.header.width(), titleHeight)), Qt::TextWordWrap,
                   content.title);
  if (!content.subtitle.isEmpty()) {
    painter.setFont(fonts.subtitle);
    painter.setPen(kMutedInk);
    painter.drawText(QRectF(layout.header.left(), layout.header.top() + titleHeight + 4, layout.header.width(),
                            layout.header.height() - titleHeight - 4),
                     Qt::TextWordWrap, content.subtitle);
  }

  // The map, with its scale bar and north arrow.
  const MapSettings settings = compositionMapSettings(format, content);
  page.mapSettings = settings;
  const QRectF mapRect(layout.map.topLeft(), QSizeF(settings.outputSize()));
  painter.save();
  painter.translate(mapRect.topLeft());
  painter.setClipRect(QRectF(QPointF(0, 0), mapRect.size()));
  const CancelFlag never;
  renderBaseLayers(painter, content.baseMap.get(), content.layers, settings, content.view.from, content.view.to, never,
                   &page.baseReport);
  if (content.incidents) {
    auto drawn = std::make_shared<DrawnIncidents>();
    renderIncidentLayer(painter, *content.incidents, content.view, settings, never, *drawn,
                        page.baseReport.placeLabelRects);
    page.drawn = std::move(drawn);
  }
  if (content.projection) drawDecorations(painter, settings, computeScaleBar(settings, *content.projection));
  drawAttribution(painter, settings, content.layers.attributions().join(QStringLiteral(" · ")));
  painter.restore();
  painter.setPen(QPen(kFrame, 1.0));
  painter.setBrush(Qt::NoBrush);
  painter.drawRect(mapRect);

  drawLegend(painter, layout.legend, fonts, content, page.drawn.get());
  if (content.baseMap) drawLocator(painter, layout.locator, *content.baseMap, settings.visibleExtent());

  painter.setFont(fonts.small);
  painter.setPen(kMutedInk);
  painter.drawText(layout.footer, Qt::TextWordWrap, footerText(content));
  painter.restore();
  return page;
}

QImage renderCompositionImage(const PageFormat& format, const CompositionContent& content, ComposedPage* page) {
  // An opaque page: without an alpha channel its PNG is smaller and quicker to write.
  QImage image(format.pixels, QImage::Format_RGB32);
  image.fill(Qt::white);
  QPainter painter(&image);
  // Scaled by the painter, not the image's device pixel ratio, which Qt
  // rounds for painting: a preview below 96 dpi must shrink the page too.
  painter.scale(format.scale(), format.scale());
  ComposedPage composed = drawComposition(painter, format, content);
  painter.end();
  if (page) *page = std::move(composed);
  return image;
}

QStringList compositionAttributions(const BaseMap& baseMap, const DatasetInfo* incidents) {
  QStringList lines;
  // The geodata's credits on one line, each said once: layers share sources,
  // and a layer's text may join several credits with "; ".
  QStringList credits;
  for (const Attribution& a : baseMap.attributions()) {
    for (const QString& part : q(a.text.empty() ? a.source : a.text).split(QStringLiteral("; "))) {
      const QString credit = part.trimmed();
      if (!credit.isEmpty() && !credits.contains(credit)) credits << credit;
    }
  }
  if (!credits.isEmpty()) lines << credits.join(QStringLiteral("; "));
  if (incidents) {
    QString line = QCoreApplication::translate("Composition", "Incidents: %1")
                       .arg(q(incidents->title.empty() ? incidents->name : incidents->title));
    if (!incidents->compiled.empty())
      line += QCoreApplication::translate("Composition", ", compiled or accessed %1").arg(q(incidents->compiled));
    if (!incidents->licence.empty()) line += QStringLiteral(". ") + q(incidents->licence);
    lines << line;
  }
  return lines;
}

QString describeFilter(const EventStore& store, const IncidentFilter& filter) {
  QStringList parts;
  if (filter.types != IncidentFilter::kAllTypes || filter.subTypes != IncidentFilter::kAllSubTypes) {
    QStringList types;
    for (int t = 0; t < kEventTypeCount; ++t)
      if (filter.types & IncidentFilter::typeBit(static_cast<EventType>(t)))
        types << q(eventTypeName(static_cast<EventType>(t)));
    QString text = types.isEmpty() ? QCoreApplication::translate("Composition", "no event types")
                                   : types.join(QStringLiteral(", "));
    if (filter.subTypes != IncidentFilter::kAllSubTypes)
      text += QCoreApplication::translate("Composition", " (some sub-types)");
    parts << text;
  }
  if (!filter.actors.empty()) {
    QStringList actors;
    for (std::uint32_t id : filter.actors) actors << q(store.string(id));
    parts << QCoreApplication::translate("Composition", "actors: %1").arg(actors.join(QStringLiteral(", ")));
  }
  if (filter.minFatalities > 0)
    parts << QCoreApplication::translate("Composition", "at least %1 fatalities").arg(filter.minFatalities);
  if (filter.region)
    parts << QCoreApplication::translate("Composition", "%1 region").arg(q(store.string(*filter.region)));
  if (store.datasetCount() > 1 && (filter.datasets & ((std::uint64_t{1} << store.datasetCount()) - 1)) !=
                                      (std::uint64_t{1} << store.datasetCount()) - 1) {
    QStringList shown;
    for (std::size_t d = 0; d < store.datasetCount(); ++d)
      if (filter.datasets & IncidentFilter::datasetBit(d)) shown << q(store.datasetInfo(d).name);
    parts << (shown.isEmpty()
                  ? QCoreApplication::translate("Composition", "no datasets")
                  : QCoreApplication::translate("Composition", "datasets: %1").arg(shown.join(QStringLiteral(", "))));
  }
  if (filter.civilianTargeting)
    parts << (*filter.civilianTargeting ? QCoreApplication::translate("Composition", "civilians targeted")
                                        : QCoreApplication::translate("Composition", "civilians not targeted"));
  return parts.isEmpty() ? QCoreApplication::translate("Composition", "all incidents")
                         : parts.join(QStringLiteral("; "));
}

} // namespace sv
