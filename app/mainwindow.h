#pragma once

#include "application.h"

#include "projectfile.h"

#include "io/tablepreview.h"

#include "domain/placehistory.h"

#include <QHash>
#include <QMainWindow>

#include <atomic>
#include <optional>

class QDockWidget;
class QLabel;
class QMenu;
class QProgressDialog;
class QTimer;
template <typename T> class QFutureWatcher;

namespace sv {

class AnimationDialog;
class CompositionDialog;
class ImportReportDialog;
struct DatasetImportOutcome;
class DatasetPanel;
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
  DatasetPanel* datasets() const { return m_datasets; }
  QDockWidget* datasetDock() const { return m_datasetDock; }
  // The export dialogs, made on first use and set to the current view.
  CompositionDialog* compositionDialog();
  AnimationDialog* animationDialog();

  enum class OpenMode { Add, Replace };
  // Reads incident files of any supported format on a worker thread, with a
  // progress dialog that can cancel, then shows them beside the datasets
  // already open (Add) or instead of them (Replace) and brings up the import
  // report. A file that cannot be read, or a cancel, leaves the data shown
  // as it was.
  // Delimited text whose columns the viewer cannot tell by itself (no ACLED
  // or UCDP layout, and no usual column names for a date and a position)
  // first brings up the column-mapping dialog.
  void openDatasets(const QStringList& paths, OpenMode mode);
  // The column mapping a file is read with (as `--map` writes it), kept for reopening.
  QString columnMapping(const QString& path) const;
  bool isImporting() const;
  const QStringList& datasetPaths() const { return m_context.datasetPaths; }
  ImportReportDialog* importReport() const { return m_importReport; }
  // The files opened lately, newest first (kept in the settings).
  static QStringList recentFiles();

  // Projects: the open datasets, the view, the time slider, the filters and
  // the selection, saved to and restored from a file (see projectfile.h).
  Project currentProject() const;
  bool saveProject(const QString& path, QString* error);
  // Opens the project's datasets (those still on disk; the missing ones are
  // named in the message) and then restores the rest. Ends with projectOpened.
  void openProject(const QString& path);
  const QString& projectPath() const { return m_projectPath; }

signals:
  // An import ended: `opened` false when it failed or was cancelled.
  void importFinished(bool opened, const QString& message);
  void projectOpened(bool opened, const QString& message);

protected:
  void dragEnterEvent(QDragEnterEvent* event) override;
  void dropEvent(QDropEvent* event) override;

private:
  void openWithDialog(OpenMode mode);
  void finishImport();
  void showDatasets(std::shared_ptr<const IncidentLayerData> layer);
  void applyDatasetStyles();
  void askColumnMapping(const QString& path, const QStringList& paths, OpenMode mode, TablePreview preview);
  void openWithColumnMapping();
  void applyProject(const Project& project, QStringList notes);
  void saveProjectWithDialog(bool choosePath);
  void openProjectWithDialog();
  void openPath(const QString& path);
  void showProjectTitle();
  void removeDataset(std::size_t dataset);
  void rememberRecentFiles(const QStringList& paths);
  void fillRecentMenu();
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
  DatasetPanel* m_datasets = nullptr;
  QDockWidget* m_datasetDock = nullptr;
  CompositionDialog* m_compositionDialog = nullptr;
  AnimationDialog* m_animationDialog = nullptr;
  QMenu* m_recentMenu = nullptr;
  QFutureWatcher<DatasetImportOutcome>* m_importWatcher = nullptr;
  QProgressDialog* m_importProgress = nullptr;
  QTimer* m_importTimer = nullptr;
  std::shared_ptr<std::atomic_bool> m_importCancel;
  std::shared_ptr<std::atomic<double>> m_importFraction;
  ImportReportDialog* m_importReport = nullptr;
  QString m_projectPath;
  QHash<QString, QString> m_mappings; // absolute path → column mapping
  std::optional<Project> m_pendingProject; // applied when its datasets are open
  QStringList m_pendingNotes;
};

} // namespace sv
