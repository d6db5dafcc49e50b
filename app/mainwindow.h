#pragma once

#include "application.h"

#include "domain/placehistory.h"

#include <QMainWindow>

class QDockWidget;
class QLabel;

namespace sv {

class AnimationDialog;
class CompositionDialog;
class DossierPanel;
class FilterPanel;
class IncidentTablePanel;
class PlaceSearchField;
class LegendWidget;
class MapCanvas;
class TimeController;
class TimelinePanel;

// Wiring only: the map over the timeline in the middle, the legend and
// filters docked, menus, and the status bar. The time controller is the one
// owner of the range and filter; the map, timeline and summaries follow it.
class MainWindow : public QMainWindow {
  Q_OBJECT

public:
  explicit MainWindow(MapContext context, QWidget* parent = nullptr);
  ~MainWindow() override;

  MapCanvas* canvas() const { return m_canvas; }
  LegendWidget* legend() const { return m_legend; }
  TimeController* timeController() const { return m_time; }
  TimelinePanel* timeline() const { return m_timeline; }
  FilterPanel* filters() const { return m_filters; }
  DossierPanel* dossier() const { return m_dossier; }
  IncidentTablePanel* incidentTable() const { return m_table; }
  QDockWidget* incidentTableDock() const { return m_tableDock; }
  PlaceSearchField* placeSearch() const { return m_placeSearch; }
  // The export dialogs, made on first use and set to the current view.
  CompositionDialog* compositionDialog();
  AnimationDialog* animationDialog();

private:
  void createMenus();
  void showCursorPosition(const QPointF& lonLat);
  void showScale();
  void exportMap();
  void exportAnimation();
  void showAbout();
  void showIncidentSummary();
  void showTimeOnMap();
  void openPlace(std::size_t gazetteerIndex);
  void openHistoryPlace(const HistoryPlace& place, std::optional<std::size_t> gazetteerIndex);
  void openIncident(EventStore::Index incident);
  void showDossier();
  void selectIncident(EventStore::Index incident);
  void zoomToPlace(double longitude, double latitude);

  MapContext m_context;
  MapCanvas* m_canvas = nullptr;
  QLabel* m_positionLabel = nullptr;
  QLabel* m_scaleLabel = nullptr;
  QLabel* m_incidentLabel = nullptr;
  LegendWidget* m_legend = nullptr;
  QDockWidget* m_legendDock = nullptr;
  TimeController* m_time = nullptr;
  TimelinePanel* m_timeline = nullptr;
  FilterPanel* m_filters = nullptr;
  QDockWidget* m_filterDock = nullptr;
  QWidget* m_centre = nullptr;
  DossierPanel* m_dossier = nullptr;
  QDockWidget* m_dossierDock = nullptr;
  IncidentTablePanel* m_table = nullptr;
  QDockWidget* m_tableDock = nullptr;
  PlaceSearchField* m_placeSearch = nullptr;
  CompositionDialog* m_compositionDialog = nullptr;
  AnimationDialog* m_animationDialog = nullptr;
};

} // namespace sv
