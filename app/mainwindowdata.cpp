#include "mainwindow.h"

// The steps of opening data and projects that ask the user: file dialogs,
// the column-mapping dialog, the progress dialog, messages and the import
// report. The session does the work; the window's construction and menus
// are in mainwindow.cpp.
#include "dialogs/columnmappingdialog.h"
#include "dialogs/importreportdialog.h"
#include "widgets/dossierpanel.h"
#include "widgets/filterpanel.h"
#include "widgets/mapcanvas.h"

#include "control/timecontroller.h"

#include "geo/projection.h"

#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QMenu>
#include <QMessageBox>
#include <QMimeData>
#include <QProgressDialog>
#include <QStatusBar>

#include <algorithm>
#include <utility>

namespace sv {
namespace {

bool isProjectFile(const QString& path) {
  return QFileInfo(path).suffix().compare(QLatin1String(kProjectSuffix), Qt::CaseInsensitive) == 0;
}

} // namespace

// --- Opening data -------------------------------------------------------------

void MainWindow::fillRecentMenu() {
  m_recentMenu->clear();
  const QStringList recent = Session::recentFiles();
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

void MainWindow::openDatasets(const QStringList& paths, OpenMode mode) {
  if (paths.isEmpty()) return;
  if (m_session.isImporting()) {
    statusBar()->showMessage(tr("An import is already running"), 5000);
    return;
  }
  // Tables the viewer cannot read by itself ask for their columns first, one at a time.
  if (auto table = m_session.tableNeedingColumns(paths)) {
    askColumnMapping(table->first, paths, mode, std::move(table->second));
    return;
  }
  m_session.openDatasets(paths, mode);
}

void MainWindow::showImportProgress(const QStringList& paths) {
  if (m_importProgress) m_importProgress->deleteLater();
  m_importProgress = new QProgressDialog(tr("Reading %1…").arg(QFileInfo(paths.first()).fileName()), tr("Cancel"), 0,
                                         1000, this);
  m_importProgress->setWindowTitle(tr("Opening Data"));
  m_importProgress->setMinimumDuration(400);
  m_importProgress->setAutoClose(false);
  m_importProgress->setAutoReset(false);
  connect(m_importProgress, &QProgressDialog::canceled, &m_session, &Session::cancelImport);
  connect(&m_session.importJob(), &BackgroundJob::progressChanged, m_importProgress,
          [progress = m_importProgress](double fraction) {
            if (!progress->wasCanceled()) progress->setValue(static_cast<int>(fraction * 1000.0));
          });
}

void MainWindow::showImportOutcome(const DatasetImportOutcome& outcome, const QString& message) {
  if (m_importProgress) {
    m_importProgress->deleteLater();
    m_importProgress = nullptr;
  }
  const bool forProject = outcome.forProject;
  if (outcome.cancelled) {
    statusBar()->showMessage(message, 8000);
    emit importFinished(false, message);
    return;
  }
  if (!outcome.ok) {
    // A project's failure is said by failProject.
    if (!forProject) {
      auto* box = new QMessageBox(QMessageBox::Warning, tr("Cannot Open Data"),
                                  tr("%1\n\nThe data shown is unchanged.").arg(message), QMessageBox::Ok, this);
      if (message.contains(QLatin1String("--map")))
        box->setInformativeText(tr("Choose the columns with File → Add Data with Column Mapping…"));
      box->setAttribute(Qt::WA_DeleteOnClose);
      box->open();
    }
    emit importFinished(false, message);
    return;
  }
  if (m_importReport) m_importReport->deleteLater();
  m_importReport = new ImportReportDialog(outcome.reports, this);
  m_importReport->setAttribute(Qt::WA_DeleteOnClose);
  connect(m_importReport, &QObject::destroyed, this, [this, report = m_importReport] {
    if (m_importReport == report) m_importReport = nullptr;
  });
  // A project reopening its data brings the report up only when rows were rejected.
  const bool rejected = std::any_of(outcome.reports.begin(), outcome.reports.end(),
                                    [](const FileImportReport& r) { return !r.result.rejected.empty(); });
  if (!forProject || rejected) {
    m_importReport->show();
    m_importReport->raise();
    m_importReport->activateWindow(); // so that Escape closes it
  }
  statusBar()->showMessage(message, 8000);
  emit importFinished(true, message);
}

void MainWindow::askColumnMapping(const QString& path, const QStringList& paths, OpenMode mode, TablePreview preview) {
  auto* dialog = new ColumnMappingDialog(path, std::move(preview), this);
  dialog->setAttribute(Qt::WA_DeleteOnClose);
  connect(dialog, &QDialog::accepted, this, [this, dialog, paths, mode] {
    m_session.setColumnMapping(dialog->path(), QString::fromStdString(dialog->mapping().describe()));
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
  m_session.setColumnMapping(path, {});
  askColumnMapping(path, {path}, OpenMode::Add, std::move(*preview));
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
  const auto project = std::find_if(paths.begin(), paths.end(), isProjectFile);
  if (project != paths.end())
    openProject(*project);
  else
    openDatasets(paths, OpenMode::Add);
}

void MainWindow::openPath(const QString& path) {
  if (isProjectFile(path))
    openProject(path);
  else
    openDatasets({path}, OpenMode::Add);
}

// --- Projects -------------------------------------------------------------------

Project MainWindow::currentProject() const {
  Project project = m_session.project();
  const MapSettings& view = m_canvas->mapSettings();
  const Point2 centre = m_session.projection().inverse({view.center().x(), view.center().y()});
  project.centreLonLat = QPointF(centre.x, centre.y);
  project.metresPerPixel = view.metresPerPixel();
  project.time = m_time->selection();
  project.speed = m_time->speed();
  const EventStore& store = *m_session.store();
  project.filter = filterToJson(store, m_time->filter());
  if (m_dossier->place()) project.place = *m_dossier->place();
  if (const auto selected = m_canvas->selectedIncident(); selected && *selected < store.size())
    project.incidentId = QString::fromStdString(std::string(store.id(*selected)));
  return project;
}

bool MainWindow::saveProject(const QString& path, QString* error) { return m_session.saveProject(path, currentProject(), error); }

void MainWindow::saveProjectWithDialog(bool choosePath) {
  QString path = m_session.projectPath();
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

void MainWindow::failProject(const QString& message, bool cancelled) {
  if (cancelled) { // the user knows: the status bar says it
    emit projectOpened(false, message);
    return;
  }
  auto* box = new QMessageBox(QMessageBox::Warning, tr("Cannot Open Project"),
                              tr("%1\n\nThe data shown is unchanged.").arg(message), QMessageBox::Ok, this);
  if (message.contains(QLatin1String("--map")))
    box->setInformativeText(tr("Choose the columns with File → Add Data with Column Mapping…, then save the project again."));
  box->setAttribute(Qt::WA_DeleteOnClose);
  box->open();
  emit projectOpened(false, message);
}

// The session has opened the project's datasets and styled them; the view,
// the filters, the selection and the time are the window's to restore.
void MainWindow::applyProject(const Project& project, QStringList notes) {
  const EventStore& store = *m_session.store();
  if (project.centreLonLat && project.metresPerPixel > 0) {
    const Point2 centre = m_session.projection().forward({project.centreLonLat->x(), project.centreLonLat->y()});
    m_canvas->setView({centre.x, centre.y}, project.metresPerPixel);
  }
  QStringList unknown;
  m_filters->setFilter(filterFromJson(store, project.filter, &unknown));
  for (const QString& name : unknown) notes << tr("filter: no %1 in the data open, left out").arg(name);
  // The selection, then the time: selecting may move the cursor, the saved time has the last word.
  if (project.place) {
    const Gazetteer& gazetteer = m_session.gazetteer();
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
  const QString name = QFileInfo(m_session.projectPath()).fileName();
  const QString message = notes.isEmpty() ? tr("Project %1 opened").arg(name)
                                          : tr("Project %1 opened: %2").arg(name, notes.join(QStringLiteral("; ")));
  statusBar()->showMessage(message, 12000);
  emit projectOpened(true, message);
}

void MainWindow::showProjectTitle() {
  const QString& path = m_session.projectPath();
  setWindowTitle(path.isEmpty() ? tr("Situation Viewer — Mali")
                                : tr("%1 — Situation Viewer").arg(QFileInfo(path).completeBaseName()));
}

} // namespace sv
