#include "mainwindow.h"

#include "aboutdialog.h"
#include "animationdialog.h"
#include "columnmappingdialog.h"
#include "compositiondialog.h"
#include "datasetimport.h"
#include "datasetpanel.h"
#include "dossierpanel.h"
#include "filterpanel.h"
#include "incidenttable.h"
#include "legendwidget.h"
#include "mapcanvas.h"
#include "placesearchfield.h"
#include "timelinepanel.h"
#include "timelineview.h"

#include "control/timecontroller.h"

#include "render/decorations.h"
#include "geo/projection.h"
#include "io/importer.h"

#include <QAction>
#include <QApplication>
#include <QDialog>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QMimeData>
#include <QProgressDialog>
#include <QSettings>
#include <QTimer>
#include <QtConcurrent/QtConcurrentRun>
#include <QDockWidget>
#include <QFileDialog>
#include <QKeySequence>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QSplitter>
#include <QStatusBar>

#include <algorithm>
#include <cmath>
#include <utility>

namespace sv {

MainWindow::MainWindow(MapContext context, QWidget* parent)
    : QMainWindow(parent), m_context(std::move(context)) {
  setWindowTitle(tr("Situation Viewer — Mali"));
  setWindowIcon(QIcon(QStringLiteral(":/icons/situation-viewer.svg")));
  m_canvas = new MapCanvas(m_context.baseMap, m_context.projection, this);
  m_time = new TimeController(this);
  m_timeline = new TimelinePanel(m_time, this);
  auto* centre = new QSplitter(Qt::Vertical, this);
  centre->setObjectName(QStringLiteral("mapAndTimeline"));
  centre->setChildrenCollapsible(false);
  centre->addWidget(m_canvas);
  centre->addWidget(m_timeline);
  centre->setStretchFactor(0, 1);
  centre->setStretchFactor(1, 0);
  centre->setSizes({660, 170});
  m_centre = centre;
  setCentralWidget(centre);

  m_positionLabel = new QLabel(this);
  m_positionLabel->setMinimumWidth(220);
  m_scaleLabel = new QLabel(this);
  m_scaleLabel->setMinimumWidth(120);
  m_incidentLabel = new QLabel(this);
  statusBar()->addPermanentWidget(m_incidentLabel);
  statusBar()->addPermanentWidget(m_positionLabel);
  statusBar()->addPermanentWidget(m_scaleLabel);

  connect(m_canvas, &MapCanvas::cursorMoved, this, &MainWindow::showCursorPosition);
  connect(m_canvas, &MapCanvas::cursorLeft, m_positionLabel, &QLabel::clear);
  connect(m_canvas, &MapCanvas::viewChanged, this, &MainWindow::showScale);
  m_legend = new LegendWidget(this);
  m_legendDock = new QDockWidget(tr("Legend"), this);
  m_legendDock->setObjectName(QStringLiteral("legendDock"));
  m_legendDock->setWidget(m_legend);
  addDockWidget(Qt::RightDockWidgetArea, m_legendDock);
  m_filters = new FilterPanel(this);
  m_filterDock = new QDockWidget(tr("Filters"), this);
  m_filterDock->setObjectName(QStringLiteral("filterDock"));
  m_filterDock->setWidget(m_filters);
  addDockWidget(Qt::RightDockWidgetArea, m_filterDock);
  tabifyDockWidget(m_legendDock, m_filterDock);
  m_legendDock->raise();

  // The filter panel's choices, with the datasets the dataset panel shows.
  connect(m_filters, &FilterPanel::filterChanged, this, [this](IncidentFilter filter) {
    if (m_datasets) filter.datasets = m_datasets->visibleDatasets();
    m_time->setFilter(filter);
  });
  connect(m_time, &TimeController::rangeChanged, this, &MainWindow::showTimeOnMap);
  connect(m_time, &TimeController::filterChanged, this, &MainWindow::showTimeOnMap);
  connect(m_canvas, &MapCanvas::renderFinished, this, &MainWindow::showIncidentSummary);

  if (m_context.incidents) {
    const auto& store = m_context.incidents->storePointer();
    // Open on everything, up to the last day, stepping by week.
    TimeSelection opening;
    opening.mode = TimeMode::Cumulative;
    opening.step = {1, TimeUnit::Week};
    opening.window = {4, TimeUnit::Week};
    opening.cursor = store->lastDay();
    m_time->setStore(store);
    m_time->setSelection(opening);
    m_time->setSpeed(4.0);
    m_filters->setStore(store);
    m_canvas->setIncidents(m_context.incidents,
                           {m_time->range().from, m_time->range().to, m_time->filter(), m_context.datasetColours});
    m_canvas->setDateLabel(QString::fromStdString(formatRangeLabel(m_time->range())));
    m_legend->setIncidents(m_context.incidents);

    // The place dossier: opened by a click on a town or its incidents.
    m_dossier = new DossierPanel(store, m_context.baseMap->gazetteer(), m_time, this);
    m_dossier->setMapContext(&m_context);
    m_dossierDock = new QDockWidget(tr("Place"), this);
    m_dossierDock->setObjectName(QStringLiteral("dossierDock"));
    m_dossierDock->setWidget(m_dossier);
    // Beside the map, in the tabs with the legend and the filters: opening a
    // place brings it to the front without taking room from the map.
    addDockWidget(Qt::RightDockWidgetArea, m_dossierDock);
    tabifyDockWidget(m_legendDock, m_dossierDock);
    m_legendDock->raise();
    // The open datasets as layers, in the same tabs.
    m_datasets = new DatasetPanel(this);
    m_datasets->setDatasets(*store, m_context.datasetPaths, {});
    m_datasetDock = new QDockWidget(tr("Datasets"), this);
    m_datasetDock->setObjectName(QStringLiteral("datasetDock"));
    m_datasetDock->setWidget(m_datasets);
    addDockWidget(Qt::RightDockWidgetArea, m_datasetDock);
    tabifyDockWidget(m_legendDock, m_datasetDock);
    m_legendDock->raise();
    connect(m_datasets, &DatasetPanel::stylesChanged, this, &MainWindow::applyDatasetStyles);
    connect(m_datasets, &DatasetPanel::removeRequested, this, &MainWindow::removeDataset);
    // The incident table: below the map, shown from the View menu; the right
    // docks keep the whole height.
    setCorner(Qt::BottomRightCorner, Qt::RightDockWidgetArea);
    m_table = new IncidentTablePanel(store, m_time, this);
    m_tableDock = new QDockWidget(tr("Incidents"), this);
    m_tableDock->setObjectName(QStringLiteral("incidentTableDock"));
    m_tableDock->setWidget(m_table);
    addDockWidget(Qt::BottomDockWidgetArea, m_tableDock);
    m_tableDock->hide();
    connect(m_table, &IncidentTablePanel::incidentSelected, this, &MainWindow::openIncident);
    connect(m_canvas, &MapCanvas::placeClicked, this, &MainWindow::openPlace);
    connect(m_canvas, &MapCanvas::incidentClicked, this, &MainWindow::openIncident);
    connect(m_dossier, &DossierPanel::incidentSelected, this, &MainWindow::selectIncident);
    connect(m_dossier, &DossierPanel::zoomRequested, this, &MainWindow::zoomToPlace);

    // Place search, at the right of the menu bar.
    m_placeSearch = new PlaceSearchField(m_context.baseMap->gazetteer(), store, this);
    m_placeSearch->setObjectName(QStringLiteral("placeSearch"));
    m_placeSearch->setMinimumWidth(260);
    menuBar()->setCornerWidget(m_placeSearch, Qt::TopRightCorner);
    connect(m_placeSearch, &PlaceSearchField::placeChosen, this, [this](const PlaceSuggestion& found) {
      zoomToPlace(found.place.longitude, found.place.latitude);
      openHistoryPlace(found.place, found.gazetteerIndex);
      statusBar()->clearMessage();
    });
    connect(m_placeSearch, &PlaceSearchField::nothingFound, this, [this](const QString& text) {
      statusBar()->showMessage(tr("No place named “%1” in the gazetteer or the dataset").arg(text), 8000);
    });
    if (!m_context.incidentProblems.isEmpty()) {
      statusBar()->showMessage(m_context.incidentProblems.last());
    }
  }
  setAcceptDrops(true);
  createMenus();
  resize(1280, 860);
  m_canvas->setFocus();
}

MainWindow::~MainWindow() {
  if (m_importWatcher && m_importWatcher->isRunning()) {
    *m_importCancel = true;
    m_importWatcher->waitForFinished();
  }
}

// --- Opening data -------------------------------------------------------------

QStringList MainWindow::recentFiles() {
  return QSettings().value(QStringLiteral("recentDatasets")).toStringList();
}

void MainWindow::rememberRecentFiles(const QStringList& paths) {
  QStringList recent = recentFiles();
  for (const QString& path : paths) {
    const QString absolute = QFileInfo(path).absoluteFilePath();
    recent.removeAll(absolute);
    recent.prepend(absolute);
  }
  while (recent.size() > 10) recent.removeLast();
  QSettings().setValue(QStringLiteral("recentDatasets"), recent);
}

void MainWindow::fillRecentMenu() {
  m_recentMenu->clear();
  const QStringList recent = recentFiles();
  for (const QString& path : recent) {
    QAction* action = m_recentMenu->addAction(QFileInfo(path).fileName(), this, [this, path] { openPath(path); });
    action->setStatusTip(path);
    action->setEnabled(QFileInfo::exists(path));
  }
  if (recent.isEmpty()) m_recentMenu->addAction(tr("No recent files"))->setEnabled(false);
}

void MainWindow::openWithDialog(OpenMode mode) {
  const QStringList paths = QFileDialog::getOpenFileNames(
      this, mode == OpenMode::Add ? tr("Add Incident Data") : tr("Open Incident Data"), QString(),
      tr("Incident data (*.csv *.tsv *.txt *.geojson *.json *.gpkg *.kml *.kmz *.fgb *.shp);;"
         "ACLED or UCDP export, delimited text (*.csv *.tsv *.txt);;"
         "GeoJSON, GeoPackage, KML, FlatGeobuf, Shapefile (*.geojson *.json *.gpkg *.kml *.kmz *.fgb *.shp);;"
         "All files (*)"));
  if (!paths.isEmpty()) openDatasets(paths, mode);
}

bool MainWindow::isImporting() const { return m_importWatcher && m_importWatcher->isRunning(); }

QString MainWindow::columnMapping(const QString& path) const { return m_mappings.value(QFileInfo(path).absoluteFilePath()); }

void MainWindow::openDatasets(const QStringList& paths, OpenMode mode) {
  if (paths.isEmpty() || !m_context.incidents) return;
  if (isImporting()) {
    statusBar()->showMessage(tr("An import is already running"), 5000);
    return;
  }
  // Tables the viewer cannot read by itself ask for their columns first, one at a time.
  for (const QString& path : paths) {
    if (!columnMapping(path).isEmpty() || m_context.datasetPaths.contains(path)) continue;
    const ImportFormat format = resolveImportFormat(path.toStdString(), ImportFormat::Auto);
    if (format != ImportFormat::Csv && format != ImportFormat::Ogr) continue;
    auto preview = previewTable(path.toStdString(), 20, nullptr);
    if (preview && !preview->problem.empty()) { // unreadable files are left to the import, which reports why
      askColumnMapping(path, paths, mode, std::move(*preview));
      return;
    }
  }
  m_importCancel = std::make_shared<std::atomic_bool>(false);
  m_importFraction = std::make_shared<std::atomic<double>>(0.0);
  if (!m_importWatcher) {
    m_importWatcher = new QFutureWatcher<DatasetImportOutcome>(this);
    connect(m_importWatcher, &QFutureWatcher<DatasetImportOutcome>::finished, this, &MainWindow::finishImport);
    m_importTimer = new QTimer(this);
    m_importTimer->setInterval(100);
    connect(m_importTimer, &QTimer::timeout, this, [this] {
      if (m_importProgress) m_importProgress->setValue(static_cast<int>(*m_importFraction * 1000.0));
    });
  }
  m_importProgress = new QProgressDialog(tr("Reading %1…").arg(QFileInfo(paths.first()).fileName()), tr("Cancel"), 0,
                                         1000, this);
  m_importProgress->setWindowTitle(tr("Opening Data"));
  m_importProgress->setMinimumDuration(400);
  m_importProgress->setAutoClose(false);
  m_importProgress->setAutoReset(false);
  connect(m_importProgress, &QProgressDialog::canceled, this, [cancel = m_importCancel] { *cancel = true; });
  m_importTimer->start();

  const bool add = mode == OpenMode::Add;
  m_importWatcher->setFuture(QtConcurrent::run(
      [paths, kept = add ? m_context.datasetPaths : QStringList(), store = add ? m_context.incidents->storePointer() : nullptr,
       baseMap = m_context.baseMap, cancel = m_importCancel, fraction = m_importFraction, mappings = m_mappings] {
        return importDatasets(paths, kept, store, baseMap->gazetteer(), *cancel, *fraction, mappings);
      }));
}

void MainWindow::askColumnMapping(const QString& path, const QStringList& paths, OpenMode mode, TablePreview preview) {
  auto* dialog = new ColumnMappingDialog(path, std::move(preview), this);
  dialog->setAttribute(Qt::WA_DeleteOnClose);
  connect(dialog, &QDialog::accepted, this, [this, dialog, paths, mode] {
    m_mappings.insert(QFileInfo(dialog->path()).absoluteFilePath(), QString::fromStdString(dialog->mapping().describe()));
    openDatasets(paths, mode);
  });
  connect(dialog, &QDialog::rejected, this, [this, path] {
    const QString message = tr("%1 not opened: no columns chosen").arg(QFileInfo(path).fileName());
    statusBar()->showMessage(message, 8000);
    emit importFinished(false, message);
  });
  dialog->open();
}

// Any table, with its columns chosen by hand whatever the viewer would guess.
void MainWindow::openWithColumnMapping() {
  const QString path = QFileDialog::getOpenFileName(
      this, tr("Add Data with Column Mapping"), QString(),
      tr("Tables (*.csv *.tsv *.txt *.geojson *.json *.gpkg *.kml *.fgb *.shp);;All files (*)"));
  if (path.isEmpty()) return;
  std::string error;
  auto preview = previewTable(path.toStdString(), 20, &error);
  if (!preview) {
    QMessageBox::warning(this, tr("Cannot Open Data"), QString::fromStdString(error));
    return;
  }
  m_mappings.remove(QFileInfo(path).absoluteFilePath());
  askColumnMapping(path, {path}, OpenMode::Add, std::move(*preview));
}

void MainWindow::finishImport() {
  m_importTimer->stop();
  if (m_importProgress) {
    m_importProgress->deleteLater();
    m_importProgress = nullptr;
  }
  DatasetImportOutcome outcome = m_importWatcher->result();
  std::optional<Project> project = std::exchange(m_pendingProject, std::nullopt);
  if (outcome.cancelled) {
    const QString message = tr("Import cancelled: the data shown is unchanged");
    statusBar()->showMessage(message, 8000);
    emit importFinished(false, message);
    if (project) emit projectOpened(false, message);
    return;
  }
  if (!outcome.ok) {
    QMessageBox* box = new QMessageBox(QMessageBox::Warning, tr("Cannot Open Data"),
                                       tr("%1\n\nThe data shown is unchanged.").arg(outcome.error), QMessageBox::Ok, this);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
    emit importFinished(false, outcome.error);
    if (project) emit projectOpened(false, outcome.error);
    return;
  }
  QStringList opened;
  for (const FileImportReport& report : outcome.reports) opened << report.path;
  rememberRecentFiles(opened);
  m_context.datasetPaths = outcome.paths;
  m_context.incidentsPath = outcome.paths.join(QStringLiteral(", "));
  showDatasets(std::move(outcome.layer));
  if (m_importReport) m_importReport->deleteLater();
  m_importReport = new ImportReportDialog(std::move(outcome.reports), this);
  m_importReport->setAttribute(Qt::WA_DeleteOnClose);
  connect(m_importReport, &QObject::destroyed, this, [this, report = m_importReport] {
    if (m_importReport == report) m_importReport = nullptr;
  });
  // A project reopening its data brings the report up only when rows were rejected.
  const bool rejected = std::any_of(m_importReport->reports().begin(), m_importReport->reports().end(),
                                    [](const FileImportReport& r) { return !r.result.rejected.empty(); });
  if (!project || rejected) m_importReport->show();
  const QString message = tr("%n incidents from %1", nullptr, static_cast<int>(m_context.incidents->store().size()))
                              .arg(m_context.datasetPaths.size() == 1 ? QFileInfo(m_context.datasetPaths.first()).fileName()
                                                                      : tr("%1 datasets").arg(m_context.datasetPaths.size()));
  statusBar()->showMessage(message, 8000);
  emit importFinished(true, message);
  if (project) applyProject(*project, std::exchange(m_pendingNotes, {}));
}

void MainWindow::showDatasets(std::shared_ptr<const IncidentLayerData> layer) {
  m_context.incidents = std::move(layer);
  const auto& store = m_context.incidents->storePointer();
  // Styles follow their files; the panel goes first, so that the filter reset below hides what it hides.
  m_datasets->setDatasets(*store, m_context.datasetPaths, m_datasets->stylesFor(m_context.datasetPaths));
  m_context.datasetColours = m_datasets->colours();
  m_time->setStore(store);
  m_filters->setStore(store);
  applyDatasetStyles();
  m_canvas->setIncidents(m_context.incidents,
                         {m_time->range().from, m_time->range().to, m_time->filter(), m_context.datasetColours});
  m_legend->setIncidents(m_context.incidents);
  m_dossier->setStore(store);
  m_table->setStore(store);
  m_placeSearch->setStore(store);
  showTimeOnMap();
}

// A dataset shown or hidden, or its colours changed: the map, the timeline,
// the table and the exports follow through the filter and the map context.
void MainWindow::applyDatasetStyles() {
  m_context.datasetColours = m_datasets->colours();
  QStringList names;
  const EventStore& store = m_context.incidents->store();
  for (std::size_t d = 0; d < store.datasetCount(); ++d) names << QString::fromStdString(store.datasetInfo(d).name);
  std::vector<QColor> shownColours = m_context.datasetColours;
  for (std::size_t d = 0; d < shownColours.size(); ++d)
    if (!m_datasets->styles()[d].visible) shownColours[d] = QColor();
  m_legend->setDatasetColours(names, shownColours);
  IncidentFilter filter = m_time->filter();
  filter.datasets = m_datasets->visibleDatasets();
  if (filter == m_time->filter())
    showTimeOnMap(); // only the colours changed
  else
    m_time->setFilter(filter);
}

void MainWindow::removeDataset(std::size_t dataset) {
  QStringList remaining = m_context.datasetPaths;
  if (dataset >= static_cast<std::size_t>(remaining.size()) || remaining.size() < 2) return;
  remaining.removeAt(static_cast<qsizetype>(dataset));
  openDatasets(remaining, OpenMode::Replace);
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event) {
  const QList<QUrl> urls = event->mimeData()->urls();
  if (std::any_of(urls.begin(), urls.end(), [](const QUrl& url) { return url.isLocalFile(); })) event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent* event) {
  QStringList paths;
  for (const QUrl& url : event->mimeData()->urls())
    if (url.isLocalFile()) paths << url.toLocalFile();
  if (paths.isEmpty()) return;
  event->acceptProposedAction();
  // A project dropped opens as a project; anything else is data to add.
  const auto project = std::find_if(paths.begin(), paths.end(), [](const QString& path) {
    return QFileInfo(path).suffix().compare(QLatin1String(kProjectSuffix), Qt::CaseInsensitive) == 0;
  });
  if (project != paths.end())
    openProject(*project);
  else
    openDatasets(paths, OpenMode::Add);
}

void MainWindow::openPath(const QString& path) {
  if (QFileInfo(path).suffix().compare(QLatin1String(kProjectSuffix), Qt::CaseInsensitive) == 0)
    openProject(path);
  else
    openDatasets({path}, OpenMode::Add);
}

// --- Projects -------------------------------------------------------------------

Project MainWindow::currentProject() const {
  Project project;
  for (qsizetype k = 0; k < m_context.datasetPaths.size(); ++k) {
    const auto d = static_cast<std::size_t>(k);
    project.datasets.push_back({QFileInfo(m_context.datasetPaths[k]).absoluteFilePath(),
                                m_datasets && d < m_datasets->styles().size() ? m_datasets->styles()[d] : DatasetStyle(),
                                columnMapping(m_context.datasetPaths[k])});
  }
  const Point2 centre = m_context.projection.inverse({m_canvas->mapSettings().center().x(), m_canvas->mapSettings().center().y()});
  project.centreLonLat = QPointF(centre.x, centre.y);
  project.metresPerPixel = m_canvas->mapSettings().metresPerPixel();
  project.time = m_time->selection();
  project.speed = m_time->speed();
  if (m_context.incidents) {
    const EventStore& store = m_context.incidents->store();
    project.filter = filterToJson(store, m_time->filter());
    if (m_dossier && m_dossier->place()) project.place = *m_dossier->place();
    if (const auto selected = m_canvas->selectedIncident(); selected && *selected < store.size())
      project.incidentId = QString::fromStdString(std::string(store.id(*selected)));
  }
  return project;
}

bool MainWindow::saveProject(const QString& path, QString* error) {
  if (!writeProject(path, currentProject(), error)) return false;
  m_projectPath = QFileInfo(path).absoluteFilePath();
  rememberRecentFiles({m_projectPath});
  showProjectTitle();
  return true;
}

void MainWindow::saveProjectWithDialog(bool choosePath) {
  QString path = m_projectPath;
  if (choosePath || path.isEmpty()) {
    path = QFileDialog::getSaveFileName(this, tr("Save Project"), path.isEmpty() ? tr("situation.svproject") : path,
                                        tr("Situation Viewer project (*.svproject)"));
    if (path.isEmpty()) return;
    if (QFileInfo(path).suffix().isEmpty()) path += QStringLiteral(".svproject");
  }
  QString error;
  if (!saveProject(path, &error)) {
    QMessageBox::warning(this, tr("Cannot Save Project"), tr("The project was not saved.\n\n%1").arg(error));
    return;
  }
  statusBar()->showMessage(tr("Project saved to %1").arg(QFileInfo(path).fileName()), 6000);
}

void MainWindow::openProjectWithDialog() {
  const QString path = QFileDialog::getOpenFileName(this, tr("Open Project"), QString(),
                                                    tr("Situation Viewer project (*.svproject);;All files (*)"));
  if (!path.isEmpty()) openProject(path);
}

void MainWindow::openProject(const QString& path) {
  const auto fail = [&](const QString& message) {
    QMessageBox* box = new QMessageBox(QMessageBox::Warning, tr("Cannot Open Project"),
                                       tr("%1\n\nThe data shown is unchanged.").arg(message), QMessageBox::Ok, this);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
    emit projectOpened(false, message);
  };
  if (!m_context.incidents) return;
  if (isImporting()) return fail(tr("An import is already running"));
  QString error;
  std::optional<Project> project = readProject(path, &error);
  if (!project) return fail(error);
  QStringList paths, notes;
  for (const Project::Dataset& dataset : project->datasets) {
    if (!dataset.mapping.isEmpty()) m_mappings.insert(dataset.path, dataset.mapping);
    if (QFileInfo::exists(dataset.path))
      paths << dataset.path;
    else
      notes << tr("%1: not found, left out").arg(dataset.path);
  }
  if (paths.isEmpty()) return fail(tr("%1: none of its datasets is on this computer:\n%2").arg(path, notes.join(QLatin1Char('\n'))));
  // Styles follow the datasets that were found.
  std::vector<Project::Dataset> found;
  for (const Project::Dataset& dataset : project->datasets)
    if (paths.contains(dataset.path)) found.push_back(dataset);
  project->datasets = std::move(found);
  m_projectPath = QFileInfo(path).absoluteFilePath();
  rememberRecentFiles({m_projectPath});
  QStringList open;
  for (const QString& current : m_context.datasetPaths) open << QFileInfo(current).absoluteFilePath();
  if (open == paths) {
    applyProject(*project, notes);
    return;
  }
  m_pendingProject = std::move(project);
  m_pendingNotes = notes;
  openDatasets(paths, OpenMode::Replace);
}

void MainWindow::applyProject(const Project& project, QStringList notes) {
  const EventStore& store = m_context.incidents->store();
  for (std::size_t d = 0; d < project.datasets.size() && d < m_datasets->datasetCount(); ++d) {
    m_datasets->setDatasetVisible(d, project.datasets[d].style.visible);
    m_datasets->setDatasetColour(d, project.datasets[d].style.colour);
  }
  if (project.centreLonLat && project.metresPerPixel > 0) {
    const Point2 centre = m_context.projection.forward({project.centreLonLat->x(), project.centreLonLat->y()});
    m_canvas->setView({centre.x, centre.y}, project.metresPerPixel);
  }
  QStringList unknown;
  m_filters->setFilter(filterFromJson(store, project.filter, &unknown));
  for (const QString& name : unknown) notes << tr("filter: no %1 in the data open, left out").arg(name);
  // The selection, then the time: selecting may move the cursor, the saved time has the last word.
  if (project.place) {
    const Gazetteer& gazetteer = m_context.baseMap->gazetteer();
    const auto index = project.place->geonameId ? gazetteer.indexOfGeonameId(*project.place->geonameId) : std::nullopt;
    if (index)
      openPlace(*index);
    else
      openHistoryPlace(*project.place, std::nullopt);
  }
  if (!project.incidentId.isEmpty()) {
    if (const auto incident = store.find(project.incidentId.toStdString())) {
      m_dossier->selectIncident(*incident);
      selectIncident(*incident);
    } else {
      notes << tr("selection: no incident %1 in the data open").arg(project.incidentId);
    }
  }
  if (project.time) m_time->setSelection(*project.time);
  if (project.speed > 0) m_time->setSpeed(project.speed);
  showProjectTitle();
  const QString message = notes.isEmpty() ? tr("Project %1 opened").arg(QFileInfo(m_projectPath).fileName())
                                          : tr("Project %1 opened: %2").arg(QFileInfo(m_projectPath).fileName(), notes.join(QStringLiteral("; ")));
  statusBar()->showMessage(message, 12000);
  emit projectOpened(true, message);
}

void MainWindow::showProjectTitle() {
  setWindowTitle(m_projectPath.isEmpty() ? tr("Situation Viewer — Mali")
                                         : tr("%1 — Situation Viewer").arg(QFileInfo(m_projectPath).completeBaseName()));
}

void MainWindow::createMenus() {
  QMenu* file = menuBar()->addMenu(tr("&File"));
  QAction* add = file->addAction(tr("&Add Data…"), this, [this] { openWithDialog(OpenMode::Add); });
  add->setShortcut(QKeySequence::Open);
  add->setStatusTip(tr("Open an ACLED or UCDP export, a CSV, GeoJSON, GeoPackage, KML… beside the data shown"));
  QAction* replace = file->addAction(tr("&Open Data Instead…"), this, [this] { openWithDialog(OpenMode::Replace); });
  replace->setShortcut(QKeySequence(tr("Ctrl+Shift+O")));
  replace->setStatusTip(tr("Open incident data in place of the datasets shown"));
  file->addAction(tr("Add Data with &Column Mapping…"), this, &MainWindow::openWithColumnMapping)
      ->setStatusTip(tr("Open a table of your own, saying which column holds the date, the position and each field"));
  m_recentMenu = file->addMenu(tr("Open &Recent"));
  connect(m_recentMenu, &QMenu::aboutToShow, this, &MainWindow::fillRecentMenu);
  file->addSeparator();
  if (m_context.incidents) {
    file->addAction(tr("Open &Project…"), this, &MainWindow::openProjectWithDialog)
        ->setStatusTip(tr("Restore the datasets, view, time, filters and selection saved in a project"));
    QAction* save = file->addAction(tr("&Save Project"), this, [this] { saveProjectWithDialog(false); });
    save->setShortcut(QKeySequence::Save);
    save->setStatusTip(tr("Save the open datasets, the view, the time, the filters and the selection"));
    QAction* saveAs = file->addAction(tr("Save Project &As…"), this, [this] { saveProjectWithDialog(true); });
    saveAs->setShortcut(QKeySequence(tr("Ctrl+Shift+S")));
    file->addSeparator();
  }
  QAction* exportAction = file->addAction(tr("&Export Map…"), this, &MainWindow::exportMap);
  exportAction->setShortcut(QKeySequence(tr("Ctrl+E")));
  exportAction->setStatusTip(tr("Preview and save the map as a page: PNG, SVG or PDF, or a briefing sheet"));
  QAction* copyMap = file->addAction(tr("&Copy Map"), this, [this] { compositionDialog()->copyToClipboard(); });
  copyMap->setShortcut(QKeySequence(tr("Ctrl+Shift+C")));
  copyMap->setStatusTip(tr("Copy the map's page, as last set up in Export Map, to the clipboard"));
  if (m_context.incidents) {
    QAction* animate = file->addAction(tr("Export &Animation…"), this, &MainWindow::exportAnimation);
    animate->setShortcut(QKeySequence(tr("Ctrl+Shift+E")));
  }
  file->addSeparator();
  QAction* quit = file->addAction(tr("&Quit"), qApp, &QApplication::closeAllWindows);
  quit->setShortcut(QKeySequence::Quit);

  QMenu* view = menuBar()->addMenu(tr("&View"));
  // The canvas takes + and - itself when focused; these shortcuts work from anywhere.
  QAction* zoomIn = view->addAction(tr("Zoom &In"), m_canvas, &MapCanvas::zoomIn);
  zoomIn->setShortcut(QKeySequence::ZoomIn);
  QAction* zoomOut = view->addAction(tr("Zoom &Out"), m_canvas, &MapCanvas::zoomOut);
  zoomOut->setShortcut(QKeySequence::ZoomOut);
  QAction* zoomMali = view->addAction(tr("Zoom to &Mali"), m_canvas, &MapCanvas::zoomToMali);
  zoomMali->setShortcut(QKeySequence(tr("Ctrl+0")));
  if (m_placeSearch) {
    QAction* find = view->addAction(tr("&Find Place…"), m_placeSearch, [this] {
      m_placeSearch->setFocus(Qt::ShortcutFocusReason);
      m_placeSearch->selectAll();
    });
    find->setShortcut(QKeySequence::Find);
  }
  view->addSeparator();
  if (m_dossierDock) {
    QAction* place = m_dossierDock->toggleViewAction();
    place->setText(tr("&Place Dossier"));
    place->setShortcut(QKeySequence(tr("Ctrl+D")));
    view->addAction(place);
  }
  if (m_tableDock) {
    QAction* table = m_tableDock->toggleViewAction();
    table->setText(tr("Incident &Table"));
    table->setShortcut(QKeySequence(tr("Ctrl+I")));
    view->addAction(table);
  }
  QAction* legend = m_legendDock->toggleViewAction();
  legend->setShortcut(QKeySequence(tr("Ctrl+L")));
  view->addAction(legend);

  view->addAction(m_filterDock->toggleViewAction());
  m_filterDock->toggleViewAction()->setShortcut(QKeySequence(tr("Ctrl+Shift+F")));
  if (m_datasetDock) {
    QAction* datasets = m_datasetDock->toggleViewAction();
    datasets->setShortcut(QKeySequence(tr("Ctrl+Shift+L")));
    view->addAction(datasets);
  }

  // Time: every timeline control, from the keyboard. Space plays while the map
  // or the timeline has focus; the other keys work from anywhere.
  QMenu* time = menuBar()->addMenu(tr("&Time"));
  const auto addTimeAction = [&](const QString& text, const QKeySequence& keys, auto slot) {
    QAction* action = time->addAction(text, m_time, slot);
    action->setShortcut(keys);
    return action;
  };
  QAction* play = addTimeAction(tr("&Play/Pause"), QKeySequence(Qt::Key_Space), &TimeController::togglePlay);
  play->setShortcutContext(Qt::WidgetWithChildrenShortcut);
  m_centre->addAction(play);
  addTimeAction(tr("Step &Back"), QKeySequence(tr("Ctrl+Left")), [this] {
    m_time->pause();
    m_time->stepBackward();
  });
  addTimeAction(tr("Step &Forward"), QKeySequence(tr("Ctrl+Right")), [this] {
    m_time->pause();
    m_time->stepForward();
  });
  addTimeAction(tr("Go to &Start"), QKeySequence(tr("Ctrl+Home")), &TimeController::goToStart);
  addTimeAction(tr("Go to &End"), QKeySequence(tr("Ctrl+End")), &TimeController::goToEnd);
  time->addSeparator();
  addTimeAction(tr("P&revious Incident"), QKeySequence(tr("Ctrl+PgUp")), &TimeController::previousIncident);
  addTimeAction(tr("&Next Incident"), QKeySequence(tr("Ctrl+PgDown")), &TimeController::nextIncident);
  addTimeAction(tr("Next Sp&ike"), QKeySequence(tr("Ctrl+Shift+PgDown")), &TimeController::nextSpike);
  time->addSeparator();
  QAction* goToDate = time->addAction(tr("&Go to Date…"), m_timeline, &TimelinePanel::focusDate);
  goToDate->setShortcut(QKeySequence(tr("Ctrl+G")));
  QAction* focusTimeline = time->addAction(tr("Focus &Timeline"), m_timeline->view(), [this] {
    m_timeline->view()->setFocus(Qt::ShortcutFocusReason);
  });
  focusTimeline->setShortcut(QKeySequence(tr("Ctrl+T")));
  QAction* showAll = time->addAction(tr("Show &Whole Timeline"), m_timeline->view(), &TimelineView::showAll);
  showAll->setShortcut(QKeySequence(tr("Ctrl+Shift+0")));

  QMenu* help = menuBar()->addMenu(tr("&Help"));
  help->addAction(tr("&About Situation Viewer"), this, &MainWindow::showAbout);
  help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);
}

void MainWindow::showCursorPosition(const QPointF& lonLat) {
  if (!std::isfinite(lonLat.x()) || !std::isfinite(lonLat.y())) {
    m_positionLabel->clear();
    return;
  }
  const auto hemisphere = [](double value, QChar positive, QChar negative) { return value >= 0 ? positive : negative; };
  m_positionLabel->setText(tr("%1° %2  %3° %4")
                               .arg(std::abs(lonLat.y()), 0, 'f', 4)
                               .arg(hemisphere(lonLat.y(), QLatin1Char('N'), QLatin1Char('S')))
                               .arg(std::abs(lonLat.x()), 0, 'f', 4)
                               .arg(hemisphere(lonLat.x(), QLatin1Char('E'), QLatin1Char('W'))));
}

void MainWindow::showScale() {
  const double denominator = scaleDenominator(m_canvas->mapSettings(), m_context.projection, m_canvas->logicalDpiX());
  m_scaleLabel->setText(tr("Scale %1").arg(formatScale(denominator)));
}

// Compositions of what the map shows now: its view, the range and the filters.
CompositionDialog* MainWindow::compositionDialog() {
  if (!m_compositionDialog) m_compositionDialog = new CompositionDialog(m_context, this);
  m_compositionDialog->setView(m_time->range(), m_time->filter(), m_canvas->mapSettings().visibleExtent());
  return m_compositionDialog;
}

namespace {

void bringUp(QDialog* dialog) {
  dialog->show();
  dialog->raise();
  dialog->activateWindow();
}

} // namespace

void MainWindow::exportMap() { bringUp(compositionDialog()); }

AnimationDialog* MainWindow::animationDialog() {
  if (!m_animationDialog) m_animationDialog = new AnimationDialog(m_context, this);
  if (!m_animationDialog->running())
    m_animationDialog->setView(m_time->selection(), m_time->filter(), m_canvas->mapSettings().visibleExtent());
  return m_animationDialog;
}

void MainWindow::exportAnimation() { bringUp(animationDialog()); }

void MainWindow::openPlace(std::size_t gazetteerIndex) {
  openHistoryPlace(historyPlace(m_context.baseMap->gazetteer().place(gazetteerIndex)), gazetteerIndex);
}

// A place opened: its dossier, with nothing selected yet anywhere.
void MainWindow::openHistoryPlace(const HistoryPlace& place, std::optional<std::size_t> gazetteerIndex) {
  if (!m_dossier) return;
  m_dossier->showPlace(place, gazetteerIndex);
  m_canvas->setSelectedIncident(std::nullopt);
  if (m_table) m_table->selectIncident(std::nullopt);
  showDossier();
}

void MainWindow::zoomToPlace(double longitude, double latitude) {
  const Point2 place = m_context.projection.forward({longitude, latitude});
  m_canvas->setView({place.x, place.y}, std::min(m_canvas->mapSettings().metresPerPixel(), 120.0));
}

void MainWindow::showDossier() {
  m_dossierDock->show();
  m_dossierDock->raise();
}

void MainWindow::openIncident(EventStore::Index incident) {
  if (!m_dossier) return;
  const EventStore& store = m_context.incidents->store();
  const Gazetteer& gazetteer = m_context.baseMap->gazetteer();
  const auto id = store.geonameId(incident);
  const auto index = id ? gazetteer.indexOfGeonameId(*id) : std::nullopt;
  if (index) {
    openPlace(*index);
  } else {
    openHistoryPlace({id, std::string(store.place(incident)), store.longitude(incident), store.latitude(incident)},
                     std::nullopt);
  }
  m_dossier->selectIncident(incident);
  selectIncident(incident);
}

// An incident chosen in the dossier, the table or on the map: ringed on the
// map, selected in the table, and brought into the time slider's range when
// it is outside it. The panels' own select calls say nothing back, so the
// selection goes round once.
void MainWindow::selectIncident(EventStore::Index incident) {
  m_canvas->setSelectedIncident(incident);
  if (m_table) m_table->selectIncident(incident);
  const EventStore& store = m_context.incidents->store();
  const DayRange range = m_time->range();
  if (store.end(incident) < range.from || store.start(incident) > range.to) m_time->setCursor(store.start(incident));
}

void MainWindow::showTimeOnMap() {
  const DayRange range = m_time->range();
  m_canvas->setIncidentView({range.from, range.to, m_time->filter(), m_context.datasetColours});
  m_canvas->setDateLabel(QString::fromStdString(formatRangeLabel(range)));
}

// Counts come with the rendered incident layer, off the GUI thread.
void MainWindow::showIncidentSummary() {
  const DrawnIncidents* drawn = m_canvas->drawnIncidents();
  if (!m_context.incidents || !drawn) return;
  m_legend->setTypeCounts(drawn->typeCounts);
  const EventStore& store = m_context.incidents->store();
  const IncidentView& view = m_canvas->incidentView();
  const QString title = QString::fromStdString(store.info().title.empty() ? store.info().name : store.info().title);
  const std::size_t shown = drawn->incidentCount;
  const QString count = shown == 1 ? tr("1 incident") : tr("%1 incidents").arg(shown);
  const bool filtered = !(view.filter == IncidentFilter{});
  m_incidentLabel->setText(tr("%1%2, %3")
                               .arg(count, filtered ? tr(" (filtered)") : QString(),
                                    QString::fromStdString(formatRangeLabel({view.from, view.to}))));
  m_incidentLabel->setToolTip(title);
}

void MainWindow::showAbout() {
  AboutDialog dialog(m_context.baseMap->attributions(), this);
  dialog.exec();
}

} // namespace sv
