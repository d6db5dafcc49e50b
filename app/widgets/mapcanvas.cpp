#include "widgets/mapcanvas.h"

#include "domain/timeselection.h"
#include "geo/projection.h"
#include "render/decorations.h"

#include "widgets/incidenttext.h"

#include <QHelpEvent>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>
#include <QWheelEvent>

#include <cmath>
#include <tuple>

namespace sv {
namespace {
constexpr double kWheelZoomPerNotch = 1.25;
constexpr double kKeyZoomFactor = 2.0;
constexpr double kKeyPanFraction = 0.2;
const QColor kEmptyCanvas(0xe4, 0xe1, 0xda);
} // namespace

MapCanvas::MapCanvas(std::shared_ptr<const BaseMap> baseMap, const Projection& projection, QWidget* parent)
    : QWidget(parent), m_baseMap(std::move(baseMap)), m_projection(projection) {
  setFocusPolicy(Qt::StrongFocus);
  setMouseTracking(true);
  setAttribute(Qt::WA_OpaquePaintEvent);
  setMinimumSize(200, 150);
  setAccessibleName(tr("Map"));
  m_settings.setOutputSize(size());
  m_renderTimer.setSingleShot(true);
  m_renderTimer.setInterval(0);
  connect(&m_renderTimer, &QTimer::timeout, this, &MapCanvas::startRender);
}

// The job owns copies of everything it reads; its destructor cancels it.
MapCanvas::~MapCanvas() = default;

bool MapCanvas::isUpToDate() const {
  return m_rendered.isComplete && m_rendered.settings == m_settings && m_rendered.incidents == m_incidents &&
         (!m_incidents || m_rendered.incidentView == m_incidentView) && m_rendered.dateLabel == m_dateLabel &&
         m_rendered.selectedIncident == m_selected && m_rendered.layers == m_layers &&
         m_rendered.tileGeneration == m_tileGeneration;
}

bool MapCanvas::isRenderPending() const { return m_job.isRunning() || m_renderTimer.isActive() || !isUpToDate(); }

void MapCanvas::setIncidents(std::shared_ptr<const IncidentLayerData> incidents) {
  if (incidents == m_incidents) return;
  m_incidents = std::move(incidents);
  m_renderTimer.start();
}

void MapCanvas::setIncidentView(const IncidentView& view) {
  if (view == m_incidentView) return;
  m_incidentView = view;
  m_renderTimer.start();
}

void MapCanvas::showRange(DayRange range) {
  IncidentView view = m_incidentView;
  view.from = range.from;
  view.to = range.to;
  setIncidentView(view);
  setDateLabel(QString::fromStdString(formatRangeLabel(range)));
}

void MapCanvas::setFilter(const IncidentFilter& filter) {
  IncidentView view = m_incidentView;
  view.filter = filter;
  setIncidentView(view);
}

void MapCanvas::setDatasetColours(const std::vector<QColor>& colours) {
  IncidentView view = m_incidentView;
  view.datasetColours = colours;
  setIncidentView(view);
}

void MapCanvas::setDatasetDrawings(const std::vector<DatasetDrawing>& drawings) {
  IncidentView view = m_incidentView;
  view.datasetDrawing = drawings;
  setIncidentView(view);
}

void MapCanvas::setDateLabel(const QString& label) {
  if (label == m_dateLabel) return;
  m_dateLabel = label;
  m_renderTimer.start();
}

const DrawnIncidents* MapCanvas::drawnIncidents() const {
  if (!isUpToDate()) return nullptr;
  return m_rendered.drawnIncidents.get();
}

RenderRequest MapCanvas::makeRequest() const {
  RenderRequest request;
  request.settings = m_settings;
  request.baseMap = m_baseMap;
  request.layers = m_layers;
  request.tileGeneration = m_tileGeneration;
  request.scaleBar = computeScaleBar(m_settings, m_projection);
  request.incidents = m_incidents;
  request.incidentView = m_incidentView;
  request.dateLabel = m_dateLabel;
  request.selectedIncident = m_selected;
  return request;
}

void MapCanvas::changeView(const MapSettings& settings) {
  if (settings == m_settings) return;
  m_settings = settings;
  update();
  m_renderTimer.start();
  emit viewChanged(m_settings);
}

void MapCanvas::setView(const QPointF& center, double metresPerPixel) {
  MapSettings settings = m_settings;
  settings.setCenter(center);
  settings.setMetresPerPixel(metresPerPixel);
  changeView(settings);
}

void MapCanvas::zoomToMali() {
  MapSettings settings = m_settings;
  settings.zoomToExtent(m_baseMap->maliExtent());
  changeView(settings);
}

void MapCanvas::zoomAt(double factor, const QPointF& anchorPixel) {
  MapSettings settings = m_settings;
  settings.zoomBy(factor, anchorPixel);
  changeView(settings);
}

void MapCanvas::zoomIn() { zoomAt(kKeyZoomFactor, rect().center()); }
void MapCanvas::zoomOut() { zoomAt(1.0 / kKeyZoomFactor, rect().center()); }

void MapCanvas::panByPixels(const QPointF& delta) {
  MapSettings settings = m_settings;
  settings.panByPixels(delta);
  changeView(settings);
}

QPointF MapCanvas::lonLatAt(const QPointF& pixel) const {
  const QPointF map = m_settings.toMap(pixel);
  const Point2 lonLat = m_projection.inverse({map.x(), map.y()});
  return {lonLat.x, lonLat.y};
}

// A newer request supersedes the running render, which stops at its next
// check; the base map of the last finished image is reused when the view
// has not changed.
void MapCanvas::startRender() {
  if (isUpToDate()) {
    m_job.cancel(); // what it draws is not wanted any more
    return;
  }
  m_job.start([request = makeRequest(),
               reuse = m_rendered](JobControl& job) { return renderMap(request, reuse, job.cancelFlag()); },
              [this](RenderedMap result) { handleRenderFinished(std::move(result)); });
}

void MapCanvas::setLayers(const MapLayers& layers) {
  if (layers == m_layers) return;
  m_layers = layers;
  m_renderTimer.start();
}

void MapCanvas::handleRenderFinished(RenderedMap result) {
  if (result.isComplete) {
    m_rendered = std::move(result);
    update();
    if (!m_rendered.baseReport.missingTiles.empty()) emit tilesMissing(m_rendered.baseReport.missingTiles);
    if (isUpToDate()) emit renderFinished();
  }
  if (!isUpToDate()) startRender();
}

void MapCanvas::paintEvent(QPaintEvent*) {
  QPainter painter(this);
  painter.fillRect(rect(), kEmptyCanvas);
  if (m_rendered.baseLayer.isNull()) return;
  if (m_rendered.settings == m_settings) {
    painter.drawImage(QPointF(0, 0), m_rendered.baseLayer);
    if (!m_rendered.incidentLayer.isNull()) painter.drawImage(QPointF(0, 0), m_rendered.incidentLayer);
    painter.drawImage(QPointF(0, 0), m_rendered.decorations);
    if (!m_rendered.incidentLayer.isNull() || !m_incidents) emit framePainted();
    return;
  }
  // Until the new image arrives, show the old one moved and scaled to the new view.
  const MapSettings& old = m_rendered.settings;
  const double scale = old.metresPerPixel() / m_settings.metresPerPixel();
  const QPointF origin = m_settings.toPixel(old.toMap(QPointF(0, 0)));
  painter.setRenderHint(QPainter::SmoothPixmapTransform, true);
  painter.translate(origin);
  painter.scale(scale, scale);
  painter.drawImage(QPointF(0, 0), m_rendered.baseLayer);
  if (!m_rendered.incidentLayer.isNull()) painter.drawImage(QPointF(0, 0), m_rendered.incidentLayer);
}

bool MapCanvas::event(QEvent* event) {
  if (event->type() == QEvent::ToolTip) {
    auto* help = static_cast<QHelpEvent*>(event);
    const DrawnIncidents* drawn = drawnIncidents();
    const DrawnCluster* cluster = drawn ? drawn->clusterAt(help->pos()) : nullptr;
    if (cluster && m_incidents) {
      const QPoint centre = cluster->pixel.toPoint();
      const int reach = static_cast<int>(cluster->radius) + 4;
      QToolTip::showText(help->globalPos(), incidentTooltipHtml(m_incidents->store(), drawn->membersOf(*cluster)), this,
                         QRect(centre - QPoint(reach, reach), QSize(2 * reach, 2 * reach)));
    } else if (const DrawnShape* shape = drawn && m_incidents ? drawn->shapeAt(help->pos()) : nullptr) {
      QToolTip::showText(help->globalPos(), incidentTooltipHtml(m_incidents->store(), {shape->incident}), this,
                         QRect(help->pos() - QPoint(6, 6), QSize(12, 12)));
    } else {
      QToolTip::hideText();
      event->ignore();
    }
    return true;
  }
  return QWidget::event(event);
}

void MapCanvas::resizeEvent(QResizeEvent*) {
  MapSettings settings = m_settings;
  settings.setOutputSize(size());
  settings.setDevicePixelRatio(devicePixelRatioF());
  if (!m_hasInitialView) {
    m_hasInitialView = true;
    settings.zoomToExtent(m_baseMap->maliExtent());
  }
  changeView(settings);
}

void MapCanvas::mousePressEvent(QMouseEvent* event) {
  if (event->button() == Qt::LeftButton) {
    m_dragPosition = event->position();
    m_pressPosition = event->position();
    m_dragged = false;
    setCursor(Qt::ClosedHandCursor);
  }
}

void MapCanvas::mouseMoveEvent(QMouseEvent* event) {
  if (m_dragPosition && (event->buttons() & Qt::LeftButton)) {
    const QPointF delta = event->position() - *m_dragPosition;
    m_dragPosition = event->position();
    if (m_pressPosition && (event->position() - *m_pressPosition).manhattanLength() > 4) m_dragged = true;
    panByPixels(delta);
  }
  emit cursorMoved(lonLatAt(event->position()));
}

void MapCanvas::mouseReleaseEvent(QMouseEvent* event) {
  if (event->button() == Qt::LeftButton && m_dragPosition) {
    m_dragPosition.reset();
    unsetCursor();
    if (!m_dragged) {
      // A click: incident symbols first, then the town under the pointer.
      const DrawnIncidents* drawn = drawnIncidents();
      if (const DrawnCluster* cluster = drawn ? drawn->clusterAt(event->position()) : nullptr) {
        emit incidentClicked(cluster->top);
      } else if (const DrawnShape* shape = drawn ? drawn->shapeAt(event->position()) : nullptr) {
        emit incidentClicked(shape->incident);
      } else if (const auto place = placeAt(event->position())) {
        emit placeClicked(*place);
      }
    }
  }
}

std::optional<std::size_t> MapCanvas::placeAt(const QPointF& pixel) const {
  constexpr double kPickPixels = 10.0;
  std::optional<std::size_t> best;
  std::tuple<bool, int, double> bestKey{};
  for (const ProjectedPlace& place : m_baseMap->places()) {
    const QPointF offset = m_settings.toPixel(place.position) - pixel;
    const double distance = std::hypot(offset.x(), offset.y());
    if (distance > kPickPixels) continue;
    const std::tuple<bool, int, double> key{place.interestRank == 0, static_cast<int>(place.placeClass), distance};
    if (!best || key < bestKey) {
      best = place.gazetteerIndex;
      bestKey = key;
    }
  }
  return best;
}

void MapCanvas::setSelectedIncident(std::optional<EventStore::Index> incident) {
  if (incident == m_selected) return;
  m_selected = incident;
  m_renderTimer.start();
}

void MapCanvas::mouseDoubleClickEvent(QMouseEvent* event) {
  if (event->button() == Qt::LeftButton) zoomAt(kKeyZoomFactor, event->position());
  if (event->button() == Qt::RightButton) zoomAt(1.0 / kKeyZoomFactor, event->position());
}

void MapCanvas::wheelEvent(QWheelEvent* event) {
  const double notches = event->angleDelta().y() / 120.0;
  if (notches == 0.0) return;
  zoomAt(std::pow(kWheelZoomPerNotch, notches), event->position());
  event->accept();
}

void MapCanvas::keyPressEvent(QKeyEvent* event) {
  const double panX = width() * kKeyPanFraction;
  const double panY = height() * kKeyPanFraction;
  switch (event->key()) {
    case Qt::Key_Plus:
    case Qt::Key_Equal: zoomIn(); break;
    case Qt::Key_Minus:
    case Qt::Key_Underscore: zoomOut(); break;
    // An arrow moves the view that way: the map slides the other way.
    case Qt::Key_Left: panByPixels({panX, 0}); break;
    case Qt::Key_Right: panByPixels({-panX, 0}); break;
    case Qt::Key_Up: panByPixels({0, panY}); break;
    case Qt::Key_Down: panByPixels({0, -panY}); break;
    default: QWidget::keyPressEvent(event); return;
  }
  event->accept();
}

void MapCanvas::leaveEvent(QEvent* event) {
  emit cursorLeft();
  QWidget::leaveEvent(event);
}

} // namespace sv
