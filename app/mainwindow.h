#pragma once

#include "session/session.h"

#include "domain/placehistory.h"

#include <QMainWindow>

#include <optional>

class QDockWidget;
class QLabel;
class QMenu;

namespace sv {

class AnimationDialog;
class CompositionDialog;
class LayersDialog;
class MapTools;
class DataOpening;
class ImportReportDialog;
class DatasetPanel;
class DossierPanel;
class FilterPanel;
class IncidentTablePanel;
class PlaceSearchField;
class LegendWidget;
class MapCanvas;
class TimeController;
class TimelinePanel;

// Wiring: the map over the timeline in the middle, the docks, the menus and
// the status bar, each connected to the session (the open data) and the time
// controller (the range and the filter), which they follow. Opening data with
// its dialogs is DataOpening's; projects, recent and dropped files are in
// mainwindowdata.cpp. The session must hold datasets.
class MainWindow : public QMainWindow {
  Q_OBJECT

public:
  explicit MainWindow(Session& session, QWidget* parent = nullptr);
  ~MainWindow() override;

  Session& session() const { return m_session; }
  MapCanvas* canvas() const { return m_canvas; }
  MapTools* mapTools() const { return m_mapTools; }
  LegendWidget* legend() const { return m_legend; }
  TimeController* timeController() const { return m_time; }
  TimelinePanel* timeline() const { return m_timeline; }
  FilterPanel* filters() const { return m_filters; }
  DossierPanel* dossier() const { return m_dossier; }
  IncidentTablePanel* incidentTable() const { return m_table; }
  QDockWidget* incidentTableDock() const { return m_tableDock; }
  PlaceSearchField* placeSearch() const { return m_placeSearch; }
  DatasetPanel* datasets() const { return m_datasets; }
  QDockWidget* datasetDock() const { return m_datasetDock; }
  // The export dialogs, made on first use and set to the current view.
  CompositionDialog* compositionDialog();
  AnimationDialog* animationDialog();
  LayersDialog* layersDialog();

  using OpenMode = Session::OpenMode;
  // Opens incident files of any supported format beside the datasets shown
  // (Add) or instead of them (Replace), as DataOpening does from the menus.
  void openDatasets(const QStringList& paths, OpenMode mode);
  ImportReportDialog* importReport() const;

  // Projects: the session's datasets and styles, with the view, the time
  // slider, the filters and the selection (see projectfile.h).
  Project currentProject() const;
  bool saveProject(const QString& path, QString* error);
  // Ends with projectOpened.
  void openProject(const QString& path) { m_session.openProject(path); }

signals:
  // An import ended: `opened` false when it failed or was cancelled.
  void importFinished(bool opened, const QString& message);
  void projectOpened(bool opened, const QString& message);

protected:
  void dragEnterEvent(QDragEnterEvent* event) override;
  void dropEvent(QDropEvent* event) override;

private:
  void createDocks();
  void connectData();
  void createMenus();
  void createFileMenu();
  void createViewMenu();
  void createTimeMenu();
  void applyProject(const Project& project, QStringList notes);
  void failProject(const QString& message, bool cancelled);
  void saveProjectWithDialog(bool choosePath);
  void openProjectWithDialog();
  void openPath(const QString& path);
  void showProjectTitle();
  void fillRecentMenu();
  void showDatasetStyles();
  void showCursorPosition(const QPointF& lonLat);
  void showScale();
  void showAbout();
  void showIncidentSummary();
  void openPlace(std::size_t gazetteerIndex);
  void openHistoryPlace(const HistoryPlace& place, std::optional<std::size_t> gazetteerIndex);
  void openIncident(EventStore::Index incident);
  void showDossier();
  void selectIncident(EventStore::Index incident);
  void zoomToPlace(double longitude, double latitude);

  Session& m_session;
  MapCanvas* m_canvas = nullptr;
  MapTools* m_mapTools = nullptr;
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
  DatasetPanel* m_datasets = nullptr;
  QDockWidget* m_datasetDock = nullptr;
  CompositionDialog* m_compositionDialog = nullptr;
  LayersDialog* m_layersDialog = nullptr;
  AnimationDialog* m_animationDialog = nullptr;
  QMenu* m_recentMenu = nullptr;
  DataOpening* m_dataOpening = nullptr;
};

} // namespace sv
