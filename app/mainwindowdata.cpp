#include "mainwindow.h"

// Recent files, dropped files and projects: saving and opening them with
// their dialogs, and applying a project's view, filters, selection and time
// once the session has opened its datasets. Opening data goes through
// DataOpening; the window's construction and menus are in mainwindow.cpp.
#include "dialogs/dataopening.h"
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
#include <QStatusBar>

#include <algorithm>
#include <utility>

namespace sv {
namespace {

bool isProjectFile(const QString& path) {
  return QFileInfo(path).suffix().compare(QLatin1String(kProjectSuffix), Qt::CaseInsensitive) == 0;
}

} // namespace

// --- Recent and dropped files -------------------------------------------------

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

void MainWindow::dragEnterEvent(QDragEnterEvent* event) {
  const QList<QUrl> urls = event->mimeData()->urls();
  if (std::any_of(urls.begin(), urls.end(), [](const QUrl& url) { return url.isLocalFile(); }))
    event->acceptProposedAction();
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
    m_dataOpening->openDatasets(paths, OpenMode::Add);
}

void MainWindow::openPath(const QString& path) {
  if (isProjectFile(path))
    openProject(path);
  else
    m_dataOpening->openDatasets({path}, OpenMode::Add);
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

bool MainWindow::saveProject(const QString& path, QString* error) {
  return m_session.saveProject(path, currentProject(), error);
}

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
    box->setInformativeText(
        tr("Choose the columns with File → Add Data with Column Mapping…, then save the project again."));
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
