#include "mainwindow.h"

#include "dialogs/aboutdialog.h"
#include "dialogs/animationdialog.h"
#include "dialogs/compositiondialog.h"
#include "dialogs/dataopening.h"
#include "dialogs/layersdialog.h"
#include "widgets/datasetpanel.h"
#include "widgets/dossierpanel.h"
#include "widgets/filterpanel.h"
#include "widgets/incidenttable.h"
#include "widgets/legendwidget.h"
#include "widgets/mapcanvas.h"
#include "widgets/maptools.h"
#include "widgets/placesearchfield.h"
#include "widgets/timelinepanel.h"
#include "widgets/timelineview.h"

#include "control/timecontroller.h"

#include "geo/projection.h"
#include "render/decorations.h"

#include <QAction>
#include <QApplication>
#include <QDialog>
#include <QDockWidget>
#include <QKeySequence>
#include <QLabel>
#include <QMenuBar>
#include <QSplitter>
#include <QStatusBar>

#include <algorithm>
#include <cmath>

namespace sv {
namespace {

void bringUp(QDialog* dialog) {
  dialog->show();
  dialog->raise();
  dialog->activateWindow();
}

} // namespace

MainWindow::MainWindow(Session& session, QWidget* parent) : QMainWindow(parent), m_session(session) {
  setWindowTitle(tr("Situation Viewer — Mali"));
  setWindowIcon(QIcon(QStringLiteral(":/icons/situation-viewer.svg")));
  const auto store = m_session.store();
  m_canvas = new MapCanvas(m_session.baseMap(), m_session.projection(), this);
  m_mapTools = new MapTools(m_canvas, m_session.projection());
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

  m_dataOpening = new DataOpening(m_session, this);
  createDocks();
  connectData();
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
  m_canvas->setIncidents(m_session.incidents());
  m_canvas->showRange(m_time->range());
  m_legend->setIncidents(m_session.incidents());
  showDatasetStyles();
  if (!m_session.loadProblems().isEmpty()) statusBar()->showMessage(m_session.loadProblems().last());

  setAcceptDrops(true);
  createMenus();
  resize(1280, 860);
  m_canvas->setFocus();
}

// The user's import ends with the window; the session cancels it when it goes.
MainWindow::~MainWindow() = default;

void MainWindow::openDatasets(const QStringList& paths, OpenMode mode) { m_dataOpening->openDatasets(paths, mode); }

ImportReportDialog* MainWindow::importReport() const { return m_dataOpening->importReport(); }

void MainWindow::createDocks() {
  const auto store = m_session.store();
  const auto addDock = [this](QWidget* widget, const QString& title, const char* name, Qt::DockWidgetArea area) {
    auto* dock = new QDockWidget(title, this);
    dock->setObjectName(QLatin1String(name));
    dock->setWidget(widget);
    addDockWidget(area, dock);
    return dock;
  };
  // Beside the map, in tabs: opening a place brings its dossier to the front
  // without taking room from the map.
  m_legend = new LegendWidget(this);
  m_legendDock = addDock(m_legend, tr("Legend"), "legendDock", Qt::RightDockWidgetArea);
  m_filters = new FilterPanel(this);
  m_filterDock = addDock(m_filters, tr("Filters"), "filterDock", Qt::RightDockWidgetArea);
  m_dossier = new DossierPanel(store, m_session.gazetteer(), m_time, this);
  m_dossier->setMapContextSource([this] { return m_session.mapContext(); });
  m_dossierDock = addDock(m_dossier, tr("Place"), "dossierDock", Qt::RightDockWidgetArea);
  m_datasets = new DatasetPanel(m_session, this);
  m_datasetDock = addDock(m_datasets, tr("Datasets"), "datasetDock", Qt::RightDockWidgetArea);
  for (QDockWidget* dock : {m_filterDock, m_dossierDock, m_datasetDock}) tabifyDockWidget(m_legendDock, dock);
  m_legendDock->raise();
  // The incident table: below the map, shown from the View menu; the right
  // docks keep the whole height.
  setCorner(Qt::BottomRightCorner, Qt::RightDockWidgetArea);
  m_table = new IncidentTablePanel(store, m_time, this);
  m_tableDock = addDock(m_table, tr("Incidents"), "incidentTableDock", Qt::BottomDockWidgetArea);
  m_tableDock->hide();
  // Place search, at the right of the menu bar.
  m_placeSearch = new PlaceSearchField(m_session.gazetteer(), store, this);
  m_placeSearch->setObjectName(QStringLiteral("placeSearch"));
  m_placeSearch->setMinimumWidth(260);
  menuBar()->setCornerWidget(m_placeSearch, Qt::TopRightCorner);
}

// Every view follows its owner: the open data from the session, the range
// and the filter from the time controller.
void MainWindow::connectData() {
  using Layer = std::shared_ptr<const IncidentLayerData>;
  connect(&m_session, &Session::datasetsChanged, m_time,
          [this](const Layer& layer) { m_time->setStore(layer->storePointer()); });
  connect(&m_session, &Session::datasetsChanged, m_filters,
          [this](const Layer& layer) { m_filters->setStore(layer->storePointer()); });
  connect(&m_session, &Session::datasetsChanged, m_canvas, &MapCanvas::setIncidents);
  connect(&m_session, &Session::datasetsChanged, m_legend, &LegendWidget::setIncidents);
  connect(&m_session, &Session::datasetsChanged, m_dossier,
          [this](const Layer& layer) { m_dossier->setStore(layer->storePointer()); });
  connect(&m_session, &Session::datasetsChanged, m_table,
          [this](const Layer& layer) { m_table->setStore(layer->storePointer()); });
  connect(&m_session, &Session::datasetsChanged, m_placeSearch,
          [this](const Layer& layer) { m_placeSearch->setStore(layer->storePointer()); });
  connect(&m_session, &Session::stylesChanged, this, &MainWindow::showDatasetStyles);
  connect(m_time, &TimeController::rangeChanged, m_canvas, &MapCanvas::showRange);
  connect(m_time, &TimeController::filterChanged, m_canvas, &MapCanvas::setFilter);
  // The filter panel's choices, with the datasets the session shows.
  connect(m_filters, &FilterPanel::filterChanged, m_time, [this](IncidentFilter filter) {
    filter.datasets = m_session.visibleDatasets();
    m_time->setFilter(filter);
  });

  connect(m_dataOpening, &DataOpening::importFinished, this, &MainWindow::importFinished);
  connect(m_dataOpening, &DataOpening::statusMessage, statusBar(), &QStatusBar::showMessage);
  connect(&m_session, &Session::projectReady, this, &MainWindow::applyProject);
  connect(&m_session, &Session::projectFailed, this, &MainWindow::failProject);
  connect(&m_session, &Session::projectPathChanged, this, &MainWindow::showProjectTitle);
  // Shared databases: the view's extent for fetching a part of a large table,
  // their refreshes and their servers coming and going.
  m_datasets->setViewExtentProvider([this]() -> std::optional<db::Query::Extent> {
    const QRectF view = m_canvas->mapSettings().visibleExtent();
    const Point2 southWest = m_session.projection().inverse({view.left(), view.top()});
    const Point2 northEast = m_session.projection().inverse({view.right(), view.bottom()});
    if (!std::isfinite(southWest.x) || !std::isfinite(northEast.x)) return std::nullopt;
    return db::Query::Extent{std::min(southWest.x, northEast.x), std::min(southWest.y, northEast.y),
                             std::max(southWest.x, northEast.x), std::max(southWest.y, northEast.y)};
  });
  connect(&m_session, &Session::refreshFinished, this,
          [this](bool, const QString& message) { statusBar()->showMessage(message, 8000); });
  connect(&m_session, &Session::staleChanged, this, [this](std::size_t dataset, bool stale) {
    const QString uri = m_session.datasetPaths().value(static_cast<qsizetype>(dataset));
    statusBar()->showMessage(stale ? tr("%1 is offline: showing what was read last, reconnecting").arg(uri)
                                   : tr("%1 is back online").arg(uri),
                             stale ? 0 : 8000);
  });

  // The layers under the incidents, and the online tiles a view lacked.
  MapLayerSet& layers = m_session.mapLayers();
  connect(&layers, &MapLayerSet::layersChanged, m_canvas, &MapCanvas::setLayers);
  connect(m_canvas, &MapCanvas::tilesMissing, &layers, &MapLayerSet::wantTiles);
  connect(&layers, &MapLayerSet::tilesArrived, m_canvas, &MapCanvas::redraw);
  connect(&layers, &MapLayerSet::tileFailed, this, [this](const QString& reason) {
    statusBar()->showMessage(tr("Base map tile missing: %1").arg(reason), 8000);
  });
  connect(&layers, &MapLayerSet::contextLayerFailed, this,
          [this](const QString& message) { statusBar()->showMessage(message, 10000); });
  m_canvas->setLayers(layers.layers());

  connect(m_mapTools, &MapTools::measurementChanged, this,
          [this](const QString& text) { statusBar()->showMessage(text, m_mapTools->isMeasuring() ? 0 : 15000); });
  connect(m_canvas, &MapCanvas::cursorMoved, this, &MainWindow::showCursorPosition);
  connect(m_canvas, &MapCanvas::cursorLeft, m_positionLabel, &QLabel::clear);
  connect(m_canvas, &MapCanvas::viewChanged, this, &MainWindow::showScale);
  connect(m_canvas, &MapCanvas::renderFinished, this, &MainWindow::showIncidentSummary);
  connect(m_canvas, &MapCanvas::placeClicked, this, &MainWindow::openPlace);
  connect(m_canvas, &MapCanvas::incidentClicked, this, &MainWindow::openIncident);
  connect(m_table, &IncidentTablePanel::incidentSelected, this, &MainWindow::openIncident);
  connect(m_dossier, &DossierPanel::incidentSelected, this, &MainWindow::selectIncident);
  connect(m_dossier, &DossierPanel::zoomRequested, this, &MainWindow::zoomToPlace);
  connect(m_placeSearch, &PlaceSearchField::placeChosen, this, [this](const PlaceSuggestion& found) {
    zoomToPlace(found.place.longitude, found.place.latitude);
    openHistoryPlace(found.place, found.gazetteerIndex);
    statusBar()->clearMessage();
  });
  connect(m_placeSearch, &PlaceSearchField::nothingFound, this, [this](const QString& text) {
    statusBar()->showMessage(tr("No place named “%1” in the gazetteer or the dataset").arg(text), 8000);
  });
}

// A dataset shown or hidden, or its colours changed: the map and the legend
// take the colours, the filter the visible datasets (and with it the
// timeline, the table and the exports).
void MainWindow::showDatasetStyles() {
  const std::vector<QColor> colours = m_session.datasetColours();
  m_canvas->setDatasetColours(colours);
  m_canvas->setDatasetDrawings(m_session.datasetDrawings());
  QStringList names;
  const auto store = m_session.store();
  for (std::size_t d = 0; d < store->datasetCount(); ++d) names << QString::fromStdString(store->datasetInfo(d).name);
  std::vector<QColor> shown = colours;
  for (std::size_t d = 0; d < shown.size(); ++d)
    if (!m_session.styles()[d].visible) shown[d] = QColor();
  m_legend->setDatasetColours(names, shown);
  IncidentFilter filter = m_time->filter();
  filter.datasets = m_session.visibleDatasets();
  m_time->setFilter(filter);
}

void MainWindow::createMenus() {
  createFileMenu();
  createViewMenu();
  createTimeMenu();
  QMenu* help = menuBar()->addMenu(tr("&Help"));
  help->addAction(tr("&About Situation Viewer"), this, &MainWindow::showAbout);
  help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);
}

void MainWindow::createFileMenu() {
  QMenu* file = menuBar()->addMenu(tr("&File"));
  QAction* add = file->addAction(tr("&Add Data…"), this, [this] { m_dataOpening->openWithDialog(OpenMode::Add); });
  add->setShortcut(QKeySequence::Open);
  add->setStatusTip(tr("Open an ACLED or UCDP export, a CSV, GeoJSON, GeoPackage, KML… beside the data shown"));
  QAction* replace =
      file->addAction(tr("&Open Data Instead…"), this, [this] { m_dataOpening->openWithDialog(OpenMode::Replace); });
  replace->setShortcut(QKeySequence(tr("Ctrl+Shift+O")));
  replace->setStatusTip(tr("Open incident data in place of the datasets shown"));
  file->addAction(tr("Add Data with &Column Mapping…"), m_dataOpening, &DataOpening::openWithColumnMapping)
      ->setStatusTip(tr("Open a table of your own, saying which column holds the date, the position and each field"));
  file->addAction(tr("Add Context &Layer…"), this, [this] {
    bringUp(layersDialog());
    layersDialog()->addContextLayerWithDialog();
  });
  file->addAction(tr("Add &Database…"), m_dataOpening, &DataOpening::openDatabase)
      ->setStatusTip(tr("Open the incidents of a shared PostgreSQL/PostGIS database beside the data shown"));
  QAction* refresh = file->addAction(tr("Re&fresh Databases"), &m_session, &Session::refreshDatabases);
  refresh->setShortcut(QKeySequence::Refresh);
  refresh->setStatusTip(tr("Read the open databases again now (they also refresh by themselves when changed)"));
  m_recentMenu = file->addMenu(tr("Open &Recent"));
  connect(m_recentMenu, &QMenu::aboutToShow, this, &MainWindow::fillRecentMenu);
  file->addSeparator();
  file->addAction(tr("Open &Project…"), this, &MainWindow::openProjectWithDialog)
      ->setStatusTip(tr("Restore the datasets, view, time, filters and selection saved in a project"));
  QAction* save = file->addAction(tr("&Save Project"), this, [this] { saveProjectWithDialog(false); });
  save->setShortcut(QKeySequence::Save);
  save->setStatusTip(tr("Save the open datasets, the view, the time, the filters and the selection"));
  QAction* saveAs = file->addAction(tr("Save Project &As…"), this, [this] { saveProjectWithDialog(true); });
  saveAs->setShortcut(QKeySequence(tr("Ctrl+Shift+S")));
  file->addSeparator();
  QAction* exportAction = file->addAction(tr("&Export Map…"), this, [this] { bringUp(compositionDialog()); });
  exportAction->setShortcut(QKeySequence(tr("Ctrl+E")));
  exportAction->setStatusTip(tr("Preview and save the map as a page: PNG, SVG or PDF, or a briefing sheet"));
  QAction* copyMap = file->addAction(tr("&Copy Map"), this, [this] { compositionDialog()->copyToClipboard(); });
  copyMap->setShortcut(QKeySequence(tr("Ctrl+Shift+C")));
  copyMap->setStatusTip(tr("Copy the map's page, as last set up in Export Map, to the clipboard"));
  QAction* animate = file->addAction(tr("Export &Animation…"), this, [this] { bringUp(animationDialog()); });
  animate->setShortcut(QKeySequence(tr("Ctrl+Shift+E")));
  file->addSeparator();
  QAction* quit = file->addAction(tr("&Quit"), qApp, &QApplication::closeAllWindows);
  quit->setShortcut(QKeySequence::Quit);
}

void MainWindow::createViewMenu() {
  QMenu* view = menuBar()->addMenu(tr("&View"));
  // The canvas takes + and - itself when focused; these shortcuts work from anywhere.
  QAction* zoomIn = view->addAction(tr("Zoom &In"), m_canvas, &MapCanvas::zoomIn);
  zoomIn->setShortcut(QKeySequence::ZoomIn);
  QAction* zoomOut = view->addAction(tr("Zoom &Out"), m_canvas, &MapCanvas::zoomOut);
  zoomOut->setShortcut(QKeySequence::ZoomOut);
  QAction* zoomMali = view->addAction(tr("Zoom to &Mali"), m_canvas, &MapCanvas::zoomToMali);
  zoomMali->setShortcut(QKeySequence(tr("Ctrl+0")));
  QAction* find = view->addAction(tr("&Find Place…"), m_placeSearch, [this] {
    m_placeSearch->setFocus(Qt::ShortcutFocusReason);
    m_placeSearch->selectAll();
  });
  find->setShortcut(QKeySequence::Find);
  view->addSeparator();
  QAction* place = m_dossierDock->toggleViewAction();
  place->setText(tr("&Place Dossier"));
  place->setShortcut(QKeySequence(tr("Ctrl+D")));
  view->addAction(place);
  QAction* table = m_tableDock->toggleViewAction();
  table->setText(tr("Incident &Table"));
  table->setShortcut(QKeySequence(tr("Ctrl+I")));
  view->addAction(table);
  QAction* legend = m_legendDock->toggleViewAction();
  legend->setShortcut(QKeySequence(tr("Ctrl+L")));
  view->addAction(legend);

  view->addAction(m_filterDock->toggleViewAction());
  m_filterDock->toggleViewAction()->setShortcut(QKeySequence(tr("Ctrl+Shift+F")));
  QAction* datasets = m_datasetDock->toggleViewAction();
  datasets->setShortcut(QKeySequence(tr("Ctrl+Shift+L")));
  view->addAction(datasets);
  view->addSeparator();
  QAction* goTo = view->addAction(tr("&Go to Coordinate…"), m_mapTools, &MapTools::goToWithDialog);
  goTo->setShortcut(QKeySequence(tr("Ctrl+Shift+G")));
  QAction* measure = view->addAction(tr("&Measure Distance and Area"), m_mapTools, [this] {
    if (m_mapTools->isMeasuring())
      m_mapTools->stopMeasuring();
    else
      m_mapTools->startMeasuring();
  });
  measure->setShortcut(QKeySequence(tr("Ctrl+M")));
  QAction* layers = view->addAction(tr("Map &Layers…"), this, [this] { bringUp(layersDialog()); });
  layers->setShortcut(QKeySequence(tr("Ctrl+Shift+M")));
}

void MainWindow::createTimeMenu() {
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
  QAction* focusTimeline = time->addAction(tr("Focus &Timeline"), m_timeline->view(),
                                           [this] { m_timeline->view()->setFocus(Qt::ShortcutFocusReason); });
  focusTimeline->setShortcut(QKeySequence(tr("Ctrl+T")));
  QAction* showAll = time->addAction(tr("Show &Whole Timeline"), m_timeline->view(), &TimelineView::showAll);
  showAll->setShortcut(QKeySequence(tr("Ctrl+Shift+0")));
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
  const double denominator = scaleDenominator(m_canvas->mapSettings(), m_session.projection(), m_canvas->logicalDpiX());
  m_scaleLabel->setText(tr("Scale %1").arg(formatScale(denominator)));
}

// Compositions of what the map shows now: its view, the range and the filters.
CompositionDialog* MainWindow::compositionDialog() {
  if (!m_compositionDialog) m_compositionDialog = new CompositionDialog(m_session, this);
  m_compositionDialog->setView(m_time->range(), m_time->filter(), m_canvas->mapSettings().visibleExtent());
  return m_compositionDialog;
}

LayersDialog* MainWindow::layersDialog() {
  if (!m_layersDialog) m_layersDialog = new LayersDialog(m_session.mapLayers(), this);
  return m_layersDialog;
}

AnimationDialog* MainWindow::animationDialog() {
  if (!m_animationDialog) m_animationDialog = new AnimationDialog(m_session, this);
  if (!m_animationDialog->running())
    m_animationDialog->setView(m_time->selection(), m_time->filter(), m_canvas->mapSettings().visibleExtent());
  return m_animationDialog;
}

void MainWindow::openPlace(std::size_t gazetteerIndex) {
  openHistoryPlace(historyPlace(m_session.gazetteer().place(gazetteerIndex)), gazetteerIndex);
}

// A place opened: its dossier, with nothing selected yet anywhere.
void MainWindow::openHistoryPlace(const HistoryPlace& place, std::optional<std::size_t> gazetteerIndex) {
  m_dossier->showPlace(place, gazetteerIndex);
  m_canvas->setSelectedIncident(std::nullopt);
  m_table->selectIncident(std::nullopt);
  showDossier();
}

void MainWindow::zoomToPlace(double longitude, double latitude) {
  const Point2 place = m_session.projection().forward({longitude, latitude});
  m_canvas->setView({place.x, place.y}, std::min(m_canvas->mapSettings().metresPerPixel(), 120.0));
}

void MainWindow::showDossier() {
  m_dossierDock->show();
  m_dossierDock->raise();
}

void MainWindow::openIncident(EventStore::Index incident) {
  const EventStore& store = *m_session.store();
  const Gazetteer& gazetteer = m_session.gazetteer();
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
  m_table->selectIncident(incident);
  const EventStore& store = *m_session.store();
  const DayRange range = m_time->range();
  if (store.end(incident) < range.from || store.start(incident) > range.to) m_time->setCursor(store.start(incident));
}

// Counts come with the rendered incident layer, off the GUI thread.
void MainWindow::showIncidentSummary() {
  const DrawnIncidents* drawn = m_canvas->drawnIncidents();
  if (!drawn) return;
  m_legend->setTypeCounts(drawn->typeCounts);
  const EventStore& store = *m_session.store();
  const IncidentView& view = m_canvas->incidentView();
  const QString title = QString::fromStdString(store.info().title.empty() ? store.info().name : store.info().title);
  const std::size_t shown = drawn->incidentCount;
  QString count = shown == 1 ? tr("1 incident") : tr("%1 incidents").arg(shown);
  // Those the sources place only by region or country are counted, never drawn: say so.
  if (drawn->unplacedCount > 0)
    count += tr(" + %n not on the map (region or country only)", nullptr, static_cast<int>(drawn->unplacedCount));
  const bool filtered = !(view.filter == IncidentFilter{});
  m_incidentLabel->setText(tr("%1%2, %3")
                               .arg(count, filtered ? tr(" (filtered)") : QString(),
                                    QString::fromStdString(formatRangeLabel({view.from, view.to}))));
  // A tooltip takes text that looks like markup as markup: the title is the data's.
  m_incidentLabel->setToolTip(QStringLiteral("<p>%1</p>").arg(title.toHtmlEscaped()));
}

void MainWindow::showAbout() {
  AboutDialog dialog(m_session.baseMap()->attributions(), this);
  dialog.exec();
}

} // namespace sv
