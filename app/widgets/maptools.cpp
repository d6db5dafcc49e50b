#include "widgets/maptools.h"

#include "widgets/mapcanvas.h"

#include "geo/coordinateformat.h"
#include "geo/geodesy.h"
#include "geo/projection.h"

#include <QApplication>
#include <QClipboard>
#include <QContextMenuEvent>
#include <QInputDialog>
#include <QKeyEvent>
#include <QLocale>
#include <QMenu>
#include <QMessageBox>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QWidget>

#include <cmath>

namespace sv {

// Paints the tools over the canvas and lets every mouse event through.
class MapToolsOverlay : public QWidget {
public:
  MapToolsOverlay(MapTools* tools, QWidget* parent) : QWidget(parent), m_tools(tools) {
    setAttribute(Qt::WA_TransparentForMouseEvents);
    setAttribute(Qt::WA_NoSystemBackground);
  }

protected:
  void paintEvent(QPaintEvent*) override {
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    if (m_tools->m_marker) {
      const QPointF at = m_tools->pixelOf(*m_tools->m_marker);
      painter.setPen(QPen(Qt::white, 4));
      painter.drawLine(at - QPointF(10, 0), at + QPointF(10, 0));
      painter.drawLine(at - QPointF(0, 10), at + QPointF(0, 10));
      painter.setPen(QPen(QColor(0xd6, 0x00, 0x6e), 2));
      painter.drawLine(at - QPointF(10, 0), at + QPointF(10, 0));
      painter.drawLine(at - QPointF(0, 10), at + QPointF(0, 10));
    }
    if (!m_tools->m_measuring || m_tools->m_points.empty()) return;
    std::vector<QPointF> points = m_tools->m_points;
    if (m_tools->m_hover) points.push_back(*m_tools->m_hover);
    // Along geodesics: each leg divided into short steps, so that a long
    // line is drawn as the curve it is on the map.
    QPainterPath path;
    for (std::size_t k = 0; k < points.size(); ++k) {
      const QPointF pixel = m_tools->pixelOf(points[k]);
      if (k == 0) {
        path.moveTo(pixel);
        continue;
      }
      const Point2 from{points[k - 1].x(), points[k - 1].y()}, to{points[k].x(), points[k].y()};
      const GeodesicLine line = geodesicInverse(from, to);
      const int steps = std::clamp(static_cast<int>(line.distanceMetres / 20000.0), 1, 64);
      for (int s = 1; s <= steps; ++s) {
        const Point2 p = geodesicDirect(from, line.initialAzimuthDegrees, line.distanceMetres * s / steps);
        path.lineTo(m_tools->pixelOf(QPointF(p.x, p.y)));
      }
    }
    if (m_tools->m_points.size() >= 3) {
      QPainterPath area = path;
      area.closeSubpath();
      painter.fillPath(area, QColor(0xd6, 0x00, 0x6e, 40));
    }
    painter.setPen(QPen(Qt::white, 5, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    painter.drawPath(path);
    painter.setPen(QPen(QColor(0xd6, 0x00, 0x6e), 2.5, Qt::DashLine, Qt::RoundCap, Qt::RoundJoin));
    painter.drawPath(path);
    painter.setBrush(Qt::white);
    painter.setPen(QPen(QColor(0xd6, 0x00, 0x6e), 2));
    for (const QPointF& p : m_tools->m_points) painter.drawEllipse(m_tools->pixelOf(p), 4, 4);
    // The readout beside the last point.
    const QString text = m_tools->measurement();
    const QPointF last = m_tools->pixelOf(points.back()) + QPointF(12, -12);
    const QRectF box = painter.fontMetrics().boundingRect(text).adjusted(-6, -4, 6, 4).translated(last.toPoint());
    painter.setPen(Qt::NoPen);
    painter.setBrush(QColor(255, 255, 255, 230));
    painter.drawRoundedRect(box, 4, 4);
    painter.setPen(QColor(0x22, 0x22, 0x22));
    painter.drawText(box, Qt::AlignCenter, text);
  }

private:
  MapTools* m_tools;
};

MapTools::MapTools(MapCanvas* canvas, const Projection& projection)
    : QObject(canvas), m_canvas(canvas), m_projection(projection), m_overlay(new MapToolsOverlay(this, canvas)) {
  m_overlay->setGeometry(canvas->rect());
  m_overlay->show();
  canvas->installEventFilter(this);
  connect(canvas, &MapCanvas::viewChanged, m_overlay, qOverload<>(&QWidget::update));
}

QPointF MapTools::pixelOf(const QPointF& lonLat) const {
  const Point2 p = m_projection.forward({lonLat.x(), lonLat.y()});
  return m_canvas->mapSettings().toPixel(QPointF(p.x, p.y));
}

QStringList MapTools::coordinateTexts(const QPointF& lonLat) {
  const Point2 p{lonLat.x(), lonLat.y()};
  QStringList texts{QString::fromStdString(formatDecimalDegrees(p)),
                    QString::fromStdString(formatDegreesMinutesSeconds(p))};
  if (const auto mgrs = formatMgrs(p)) texts << QString::fromStdString(*mgrs);
  return texts;
}

namespace {

QString formatLength(double metres) {
  const QLocale locale;
  if (metres < 1000.0) return QObject::tr("%1 m").arg(locale.toString(metres, 'f', 0));
  return QObject::tr("%1 km").arg(locale.toString(metres / 1000.0, 'f', metres < 100000.0 ? 2 : 1));
}

QString formatArea(double squareMetres) {
  const QLocale locale;
  if (squareMetres < 1e6) return QObject::tr("%1 ha").arg(locale.toString(squareMetres / 1e4, 'f', 1));
  return QObject::tr("%1 km²").arg(locale.toString(squareMetres / 1e6, 'f', squareMetres < 1e8 ? 1 : 0));
}

} // namespace

QString MapTools::measurement() const {
  if (!m_measuring || m_points.empty()) return {};
  std::vector<Point2> points;
  for (const QPointF& p : m_points) points.push_back({p.x(), p.y()});
  QString text = tr("Distance %1").arg(formatLength(geodesicPathLength(points)));
  if (points.size() >= 3) text += tr(" · Area %1").arg(formatArea(geodesicPolygonArea(points)));
  return text;
}

void MapTools::startMeasuring(std::optional<QPointF> fromLonLat) {
  m_measuring = true;
  m_points.clear();
  m_hover.reset();
  if (fromLonLat) m_points.push_back(*fromLonLat);
  m_canvas->setCursor(Qt::CrossCursor);
  m_canvas->setMouseTracking(true);
  m_overlay->update();
  emit measurementChanged(m_points.empty() ? tr("Measuring: click points on the map; Escape or a double click ends")
                                           : measurement());
}

void MapTools::addPoint(const QPointF& lonLat) {
  if (!m_measuring) return;
  m_points.push_back(lonLat);
  m_overlay->update();
  emit measurementChanged(measurement());
}

void MapTools::stopMeasuring() {
  if (!m_measuring) return;
  const QString last = measurement();
  m_measuring = false;
  m_hover.reset();
  m_canvas->unsetCursor();
  m_overlay->update();
  emit measurementChanged(last.isEmpty() ? QString() : tr("Measured: %1").arg(last));
}

bool MapTools::goTo(const QString& text, QString* error) {
  std::string problem;
  const auto point = parseCoordinate(text.toStdString(), &problem);
  if (!point) {
    if (error) *error = QString::fromStdString(problem);
    return false;
  }
  m_marker = QPointF(point->x, point->y);
  const Point2 projected = m_projection.forward(*point);
  // Close enough to see the villages around it, never further out than now.
  m_canvas->setView(QPointF(projected.x, projected.y), std::min(m_canvas->mapSettings().metresPerPixel(), 150.0));
  m_overlay->update();
  return true;
}

void MapTools::goToWithDialog() {
  QString text;
  for (;;) {
    bool ok = false;
    text = QInputDialog::getText(m_canvas, tr("Go to Coordinate"),
                                 tr("Latitude and longitude (14.89, -6.14), degrees-minutes-seconds\n"
                                    "(14° 53′ 31″ N 6° 08′ 29″ W) or MGRS (29PRS 07585 48364):"),
                                 QLineEdit::Normal, text, &ok);
    if (!ok) return;
    QString error;
    if (goTo(text, &error)) return;
    QMessageBox::warning(m_canvas, tr("Go to Coordinate"), error);
  }
}

void MapTools::showMenu(const QPointF& pixel, const QPoint& global) {
  const QPointF lonLat = m_canvas->lonLatAt(pixel);
  if (!std::isfinite(lonLat.x()) || !std::isfinite(lonLat.y())) return;
  QMenu menu(m_canvas);
  for (const QString& text : coordinateTexts(lonLat))
    menu.addAction(tr("Copy %1").arg(text), this, [text] { QApplication::clipboard()->setText(text); });
  menu.addSeparator();
  if (m_measuring) {
    menu.addAction(tr("Add Point Here"), this, [this, lonLat] { addPoint(lonLat); });
    menu.addAction(tr("Stop Measuring"), this, &MapTools::stopMeasuring);
  } else {
    menu.addAction(tr("Measure from Here"), this, [this, lonLat] { startMeasuring(lonLat); });
  }
  menu.addAction(tr("Go to Coordinate…"), this, &MapTools::goToWithDialog);
  if (m_marker)
    menu.addAction(tr("Clear Marker"), this, [this] {
      m_marker.reset();
      m_overlay->update();
    });
  menu.exec(global);
}

bool MapTools::eventFilter(QObject* watched, QEvent* event) {
  if (watched != m_canvas) return false;
  switch (event->type()) {
    case QEvent::Resize: m_overlay->setGeometry(m_canvas->rect()); break;
    case QEvent::ContextMenu: {
      auto* menu = static_cast<QContextMenuEvent*>(event);
      showMenu(menu->pos(), menu->globalPos());
      return true;
    }
    case QEvent::MouseButtonRelease: {
      auto* mouse = static_cast<QMouseEvent*>(event);
      // A click adds a point; a drag still pans the map.
      if (m_measuring && mouse->button() == Qt::LeftButton && mouse->modifiers() == Qt::NoModifier) {
        const bool dragged = m_pressAt && (mouse->position() - *m_pressAt).manhattanLength() > 4;
        m_pressAt.reset();
        if (!dragged) {
          addPoint(m_canvas->lonLatAt(mouse->position()));
          m_canvas->unsetCursor();
          m_canvas->setCursor(Qt::CrossCursor);
          return true;
        }
      }
      break;
    }
    case QEvent::MouseButtonPress: {
      auto* mouse = static_cast<QMouseEvent*>(event);
      if (m_measuring && mouse->button() == Qt::LeftButton) m_pressAt = mouse->position();
      break;
    }
    case QEvent::MouseButtonDblClick:
      if (m_measuring) {
        stopMeasuring();
        return true;
      }
      break;
    case QEvent::MouseMove:
      if (m_measuring) {
        m_hover = m_canvas->lonLatAt(static_cast<QMouseEvent*>(event)->position());
        m_overlay->update();
      }
      break;
    case QEvent::KeyPress:
      if (m_measuring && static_cast<QKeyEvent*>(event)->key() == Qt::Key_Escape) {
        stopMeasuring();
        return true;
      }
      break;
    default: break;
  }
  return false;
}

} // namespace sv
