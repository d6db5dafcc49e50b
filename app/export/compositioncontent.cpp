#include "export/compositioncontent.h"

#include <QDate>
#include <QLocale>

namespace sv {

CompositionContent compositionFor(const MapContext& context, DayRange range, const IncidentFilter& filter,
                                  const QRectF& extent, const QString& title) {
  CompositionContent content;
  const EventStore* store = context.incidents ? &context.incidents->store() : nullptr;
  content.title = title;
  if (content.title.isEmpty())
    content.title = store && !store->info().title.empty() ? QString::fromStdString(store->info().title)
                                                          : QStringLiteral("Incidents in Mali");
  content.subtitle = QString::fromStdString(formatRangeLabel(range));
  if (store) content.subtitle += QStringLiteral(" · ") + describeFilter(*store, filter);
  content.baseMap = context.baseMap;
  content.layers = context.layers;
  content.projection = &context.projection;
  content.incidents = context.incidents;
  content.view = {range.from, range.to, filter, context.datasetColours, context.datasetDrawing};
  content.extent = extent;
  if (context.baseMap) {
    // Credit the datasets shown.
    std::vector<DatasetInfo> shown;
    for (std::size_t d = 0; store && d < store->datasetCount(); ++d)
      if (filter.datasets & IncidentFilter::datasetBit(d)) shown.push_back(store->datasetInfo(d));
    const DatasetInfo credited = combinedDatasetInfo(shown);
    content.attributions = compositionAttributions(*context.baseMap, shown.empty() ? nullptr : &credited);
  }
  content.footer = QStringLiteral("Generated %1 with Situation Viewer %2")
                       .arg(QLocale(QLocale::English).toString(QDate::currentDate(), QStringLiteral("d MMM yyyy")),
                            QStringLiteral(SV_VERSION));
  return content;
}

} // namespace sv
