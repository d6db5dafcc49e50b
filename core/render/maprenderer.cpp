#include "render/maprenderer.h"

#include "render/basemaprenderer.h"
#include "render/maplayers.h"

#include <QPainter>

#include <algorithm>
#include <cmath>

namespace sv {

QImage createLayerImage(const MapSettings& settings, QImage::Format format) {
  const QSize size = settings.outputSize();
  const qreal ratio = settings.devicePixelRatio();
  QImage image(static_cast<int>(std::ceil(size.width() * ratio)), static_cast<int>(std::ceil(size.height() * ratio)),
               format);
  image.setDevicePixelRatio(ratio);
  image.fill(Qt::transparent);
  return image;
}

RenderedMap renderMap(const RenderRequest& request, const RenderedMap& reuse, const CancelFlag& cancel) {
  RenderedMap result;
  result.settings = request.settings;
  result.layers = request.layers;
  result.tileGeneration = request.tileGeneration;
  const bool sameRange =
      reuse.incidentView.from == request.incidentView.from && reuse.incidentView.to == request.incidentView.to;
  // A base layer that lacked tiles is drawn again once tiles have come
  // (tileGeneration), not on every change of range: playing offline stays cheap.
  const bool reuseBase = reuse.isComplete && reuse.settings == request.settings && !reuse.baseLayer.isNull() &&
                         reuse.layers == request.layers && (!request.layers.isTimed() || sameRange) &&
                         (reuse.baseReport.missingTiles.empty() || reuse.tileGeneration == request.tileGeneration);

  if (reuseBase) {
    result.baseLayer = reuse.baseLayer;
    result.baseReport = reuse.baseReport;
  } else {
    result.baseLayer = createLayerImage(request.settings, QImage::Format_RGB32);
    QPainter painter(&result.baseLayer);
    if (!request.baseMap ||
        !renderBaseLayers(painter, request.baseMap.get(), request.layers, request.settings, request.incidentView.from,
                          request.incidentView.to, cancel, &result.baseReport))
      return result;
  }

  result.incidents = request.incidents;
  result.incidentView = request.incidentView;
  const bool reuseIncidents = reuseBase && reuse.incidents == request.incidents &&
                              reuse.incidentView == request.incidentView && reuse.drawnIncidents;
  if (reuseIncidents) {
    result.incidentLayer = reuse.incidentLayer;
    result.drawnIncidents = reuse.drawnIncidents;
  } else if (request.incidents) {
    result.incidentLayer = createLayerImage(request.settings);
    auto drawn = std::make_shared<DrawnIncidents>();
    QPainter painter(&result.incidentLayer);
    if (!renderIncidentLayer(painter, *request.incidents, request.incidentView, request.settings, cancel, *drawn,
                             result.baseReport.placeLabelRects))
      return result;
    result.drawnIncidents = std::move(drawn);
  }

  result.decorations = createLayerImage(request.settings);
  {
    QPainter painter(&result.decorations);
    drawDecorations(painter, request.settings, request.scaleBar);
    drawAttribution(painter, request.settings, request.layers.attributions().join(QStringLiteral(" · ")));
    if (!request.dateLabel.isEmpty()) drawDateLabel(painter, request.settings, request.dateLabel);
    if (request.selectedIncident && request.incidents &&
        *request.selectedIncident < request.incidents->store().size()) {
      // A ring wide enough for the largest symbol, in a colour no event type uses.
      QPointF pixel = request.settings.toPixel(request.incidents->position(*request.selectedIncident));
      // Around the symbol as drawn, when it was moved off a name.
      if (result.drawnIncidents)
        for (const DrawnCluster& cluster : result.drawnIncidents->clusters)
          if (cluster.isOffset()) {
            const auto members = result.drawnIncidents->membersOf(cluster);
            if (std::find(members.begin(), members.end(), *request.selectedIncident) != members.end())
              pixel = cluster.pixel;
          }
      const double radius =
          request.incidents->sizeScale().radius(request.incidents->store().fatalityFigure(*request.selectedIncident)) +
          5.0;
      painter.setRenderHint(QPainter::Antialiasing);
      painter.setBrush(Qt::NoBrush);
      painter.setPen(QPen(Qt::white, 5.0));
      painter.drawEllipse(pixel, radius, radius);
      painter.setPen(QPen(QColor(0xd6, 0x00, 0x6e), 2.5));
      painter.drawEllipse(pixel, radius, radius);
    }
  }
  result.dateLabel = request.dateLabel;
  result.selectedIncident = request.selectedIncident;
  result.isComplete = !isCancelled(cancel);
  return result;
}

RenderedMap renderMap(const RenderRequest& request, const CancelFlag& cancel) {
  return renderMap(request, RenderedMap{}, cancel);
}

QImage composeLayers(const RenderedMap& rendered) {
  QImage image = rendered.baseLayer.convertToFormat(QImage::Format_RGB32);
  QPainter painter(&image);
  if (!rendered.incidentLayer.isNull()) painter.drawImage(QPointF(0, 0), rendered.incidentLayer);
  painter.drawImage(QPointF(0, 0), rendered.decorations);
  return image;
}

} // namespace sv
