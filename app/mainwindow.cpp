#include "mainwindow.h"

#include "aboutdialog.h"
#include "animationdialog.h"
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

#include <QAction>
#include <QApplication>
#include <QDialog>
#include <QFutureWatcher>
#include <QDockWidget>
#include <QKeySequence>
#include <QLabel>
#include <QMenuBar>
#include <QSplitter>
#include <QStatusBar>

#include <algorithm>
#include <cmath>

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
