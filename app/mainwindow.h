#pragma once

#include "application.h"

#include <QMainWindow>

class QDockWidget;
class QLabel;

namespace sv {

class LegendWidget;
class MapCanvas;

// Wiring only: the canvas in the middle, menus, and the status bar.
class MainWindow : public QMainWindow {
  Q_OBJECT

public:
  explicit MainWindow(MapContext context, QWidget* parent = nullptr);
  ~MainWindow() override;

  MapCanvas* canvas() const { return m_canvas; }
  LegendWidget* legend() const { return m_legend; }

private:
  void createMenus();
  void showCursorPosition(const QPointF& lonLat);
  void showScale();
  void exportMapImage();
  void showAbout();
  void showIncidentSummary();

  MapContext m_context;
  MapCanvas* m_canvas = nullptr;
  QLabel* m_positionLabel = nullptr;
  QLabel* m_scaleLabel = nullptr;
  QLabel* m_incidentLabel = nullptr;
  LegendWidget* m_legend = nullptr;
  QDockWidget* m_legendDock = nullptr;
};

} // namespace sv
