#include "mainwindow.h"

// The main window's data: opening datasets (with the column-mapping dialog
// when a table needs it), showing them as layers, and saving and restoring
// projects. The window's construction and menus are in mainwindow.cpp.
#include "columnmappingdialog.h"
#include "datasetimport.h"
#include "datasetpanel.h"
#include "dossierpanel.h"
#include "filterpanel.h"
#include "incidenttable.h"
#include "legendwidget.h"
#include "mapcanvas.h"
#include "placesearchfield.h"

#include "control/timecontroller.h"

#include "geo/projection.h"
#include "io/importer.h"

#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QMenu>
#include <QMessageBox>
#include <QMimeData>
#include <QProgressDialog>
#include <QSettings>
#include <QStatusBar>
#include <QTimer>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <utility>

namespace sv {

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
  // Delimited tables the viewer cannot read by itself ask for their columns
  // first, one at a time. Only text is previewed here, on the GUI thread: its
  // first megabyte is cheap to read, where GDAL may parse a whole GeoJSON file
  // to open it. GDAL layers go to the import, whose error points to the dialog.
  for (const QString& path : paths) {
    if (!columnMapping(path).isEmpty() || m_context.datasetPaths.contains(path)) continue;
    if (resolveImportFormat(path.toStdString(), ImportFormat::Auto) != ImportFormat::Csv) continue;
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
    if (outcome.error.contains(QLatin1String("--map")))
      box->setInformativeText(tr("Choose the columns with File → Add Data with Column Mapping…"));
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
  if (!project || rejected) {
    m_importReport->show();
    m_importReport->raise();
    m_importReport->activateWindow(); // so that Escape closes it
  }
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

} // namespace sv
