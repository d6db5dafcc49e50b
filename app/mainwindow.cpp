#include "mainwindow.h"

#include "aboutdialog.h"
#include "legendwidget.h"
#include "mapcanvas.h"

#include "render/decorations.h"

#include <QAction>
#include <QApplication>
#include <QDockWidget>
#include <QFileDialog>
#include <QImageWriter>
#include <QKeySequence>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QStatusBar>

#include <cmath>

namespace sv {

MainWindow::MainWindow(MapContext context, QWidget* parent)
    : QMainWindow(parent), m_context(std::move(context)) {
  setWindowTitle(tr("Situation Viewer — Mali"));
  setWindowIcon(QIcon(QStringLiteral(":/icons/situation-viewer.svg")));
  m_canvas = new MapCanvas(m_context.baseMap, m_context.projection, this);
  setCentralWidget(m_canvas);

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

  if (m_context.incidents) {
    m_canvas->setIncidents(m_context.incidents, IncidentView::everything(m_context.incidents->store()));
    m_legend->setIncidents(m_context.incidents);
    showIncidentSummary();
    if (!m_context.incidentProblems.isEmpty()) {
      statusBar()->showMessage(m_context.incidentProblems.last());
    }
  }
  createMenus();
  resize(1280, 860);
  m_canvas->setFocus();
}

MainWindow::~MainWindow() = default;

void MainWindow::createMenus() {
  QMenu* file = menuBar()->addMenu(tr("&File"));
  QAction* exportAction = file->addAction(tr("&Export Map Image…"), this, &MainWindow::exportMapImage);
  exportAction->setShortcut(QKeySequence(tr("Ctrl+E")));
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
  view->addSeparator();
  QAction* legend = m_legendDock->toggleViewAction();
  legend->setShortcut(QKeySequence(tr("Ctrl+L")));
  view->addAction(legend);

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

void MainWindow::exportMapImage() {
  const QString path = QFileDialog::getSaveFileName(this, tr("Export Map Image"), QStringLiteral("mali-map.png"),
                                                    tr("PNG images (*.png)"));
  if (path.isEmpty()) return;
  QImageWriter writer(path, "png");
  if (!writer.write(m_canvas->renderSnapshot())) {
    QMessageBox::warning(this, tr("Export Map Image"), tr("Cannot write %1: %2").arg(path, writer.errorString()));
  }
}

void MainWindow::showIncidentSummary() {
  const EventStore& store = m_context.incidents->store();
  const IncidentView& view = m_canvas->incidentView();
  std::array<std::size_t, kEventTypeCount> counts{};
  const auto shown = store.overlapping(view.from, view.to, view.filter);
  for (EventStore::Index i : shown) ++counts[static_cast<std::size_t>(store.type(i))];
  m_legend->setTypeCounts(counts);
  const QString title = QString::fromStdString(store.info().title.empty() ? store.info().name : store.info().title);
  const QString count = shown.size() == 1 ? tr("1 incident") : tr("%1 incidents").arg(shown.size());
  m_incidentLabel->setText(tr("%1, %2 \u2013 %3")
                               .arg(count, QString::fromStdString(formatDateSpan(view.from, view.from, DatePrecision::Day)),
                                    QString::fromStdString(formatDateSpan(view.to, view.to, DatePrecision::Day))));
  m_incidentLabel->setToolTip(title);
}

void MainWindow::showAbout() {
  AboutDialog dialog(m_context.baseMap->attributions(), this);
  dialog.exec();
}

} // namespace sv
