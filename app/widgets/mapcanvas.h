#pragma once

#include "session/backgroundjob.h"

#include "domain/timeselection.h"
#include "render/maprenderer.h"

#include <QTimer>
#include <QWidget>

#include <memory>
#include <optional>

namespace sv {

class Projection;

// The map widget. It keeps the view (a MapSettings value), turns input into
// view changes, and shows images rendered off the GUI thread: a change
// schedules a job, a newer change cancels the running job without waiting,
// and paintEvent only draws finished images — the last one stretched to the
// new view until its successor arrives.
class MapCanvas : public QWidget {
  Q_OBJECT

public:
  MapCanvas(std::shared_ptr<const BaseMap> baseMap, const Projection& projection, QWidget* parent = nullptr);
  ~MapCanvas() override;

  const MapSettings& mapSettings() const { return m_settings; }
  // The newest finished render, for tests.
  const RenderedMap& renderedMap() const { return m_rendered; }
  bool isRenderPending() const;
  // True when the image shown is the current view's, complete.
  bool isUpToDate() const;

  // The incidents drawn over the base map, and which of them to show. Changing
  // only the view of incidents re-renders the incident layer and reuses the base map.
  void setIncidents(std::shared_ptr<const IncidentLayerData> incidents);
  void setIncidentView(const IncidentView& view);
  // Parts of the view, as the time controller and the session send them:
  // the range (also named in large type on the map), the filter, the colours.
  void showRange(sv::DayRange range);
  void setFilter(const sv::IncidentFilter& filter);
  void setDatasetColours(const std::vector<QColor>& colours);
  void setDatasetDrawings(const std::vector<sv::DatasetDrawing>& drawings);
  const std::shared_ptr<const IncidentLayerData>& incidents() const { return m_incidents; }
  const IncidentView& incidentView() const { return m_incidentView; }
  // The tiles and context layers under the incidents.
  void setLayers(const sv::MapLayers& layers);
  const MapLayers& layers() const { return m_layers; }
  // Draws again with the tiles that have arrived since.
  void redraw() {
    ++m_tileGeneration;
    m_renderTimer.start();
  }
  // The caption naming the range shown, drawn large on the map; empty for none.
  void setDateLabel(const QString& label);
  const QString& dateLabel() const { return m_dateLabel; }
  // What the incident layer drew for the current view; null while it is being rendered.
  const DrawnIncidents* drawnIncidents() const;

  // The incident shown as selected: a ring around its symbol.
  void setSelectedIncident(std::optional<EventStore::Index> incident);
  std::optional<EventStore::Index> selectedIncident() const { return m_selected; }
  // The gazetteer place a click at `pixel` means: within a few pixels, places
  // the sources name first, then the more important, then the nearest.
  std::optional<std::size_t> placeAt(const QPointF& pixel) const;

  void setView(const QPointF& center, double metresPerPixel);
  void zoomToMali();
  void zoomIn();
  void zoomOut();
  void zoomAt(double factor, const QPointF& anchorPixel);
  void panByPixels(const QPointF& delta);
  // WGS84 longitude/latitude of a widget position.
  QPointF lonLatAt(const QPointF& pixel) const;

signals:
  void viewChanged(const sv::MapSettings& settings);
  void cursorMoved(const QPointF& lonLat);
  void cursorLeft();
  void renderFinished();
  // A finished render lacked these tiles (not yet fetched, or unavailable).
  void tilesMissing(const std::vector<sv::TileId>& tiles);
  // The current view painted whole on the widget: base map, incidents and decorations.
  void framePainted();
  // A click (not a drag) on incident symbols: the top incident of the stack.
  void incidentClicked(sv::EventStore::Index incident);
  // A click on a town, away from incident symbols.
  void placeClicked(std::size_t gazetteerIndex);

protected:
  bool event(QEvent* event) override;
  void paintEvent(QPaintEvent* event) override;
  void resizeEvent(QResizeEvent* event) override;
  void mousePressEvent(QMouseEvent* event) override;
  void mouseMoveEvent(QMouseEvent* event) override;
  void mouseReleaseEvent(QMouseEvent* event) override;
  void mouseDoubleClickEvent(QMouseEvent* event) override;
  void wheelEvent(QWheelEvent* event) override;
  void keyPressEvent(QKeyEvent* event) override;
  void leaveEvent(QEvent* event) override;

private:
  void changeView(const MapSettings& settings);
  RenderRequest makeRequest() const;
  void startRender();
  void handleRenderFinished(RenderedMap result);

  std::shared_ptr<const BaseMap> m_baseMap;
  const Projection& m_projection;
  MapSettings m_settings;
  bool m_hasInitialView = false;
  std::shared_ptr<const IncidentLayerData> m_incidents;
  IncidentView m_incidentView;
  MapLayers m_layers;
  std::uint64_t m_tileGeneration = 0;
  QString m_dateLabel;

  RenderedMap m_rendered;
  QTimer m_renderTimer;
  BackgroundJob m_job; // last: destroyed first, waiting for a running render

  std::optional<QPointF> m_dragPosition;
  std::optional<QPointF> m_pressPosition;
  bool m_dragged = false;
  std::optional<EventStore::Index> m_selected;
};

} // namespace sv
