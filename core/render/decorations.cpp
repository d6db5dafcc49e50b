#include "render/decorations.h"

#include "geo/geodesy.h"
#include "geo/projection.h"
#include "render/mapstyle.h"

#include <QFont>
#include <QFontMetricsF>
#include <QLocale>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <array>
#include <cmath>

namespace sv {

QPointF scaleBarOrigin(const MapSettings& settings) { return {16.0, settings.outputSize().height() - 22.0}; }

QRectF scaleBarArea(const MapSettings& settings) {
  // Room for the longest bar and a label such as "2000 km", with the backing's margins.
  const QPointF origin = scaleBarOrigin(settings);
  return {origin.x() - 8, origin.y() - 26, kScaleBarMaxPixels + 80, 46};
}

QRectF northArrowArea(const MapSettings& settings) { return {settings.outputSize().width() - 48.0, 6.0, 40.0, 62.0}; }

double groundMetresPerPixel(const MapSettings& settings, const Projection& projection, const QPointF& pixel) {
  constexpr double span = 100.0;
  const QPointF a = settings.toMap(pixel);
  const QPointF b = settings.toMap(pixel + QPointF(span, 0.0));
  const Point2 lonLatA = projection.inverse({a.x(), a.y()});
  const Point2 lonLatB = projection.inverse({b.x(), b.y()});
  if (!std::isfinite(lonLatA.x) || !std::isfinite(lonLatB.x)) return settings.metresPerPixel();
  return geodesicDistance(lonLatA, lonLatB) / span;
}

ScaleBar computeScaleBar(const MapSettings& settings, const Projection& projection, double maxPixels) {
  const double perPixel = groundMetresPerPixel(settings, projection, scaleBarOrigin(settings));
  const double maxMetres = perPixel * maxPixels;
  // The largest 1, 2 or 5 times a power of ten that fits.
  const double power = std::pow(10.0, std::floor(std::log10(maxMetres)));
  double nice = power;
  for (const double step : {2.0, 5.0, 10.0}) {
    if (step * power <= maxMetres) nice = step * power;
  }
  ScaleBar bar;
  bar.groundMetres = nice;
  bar.lengthPixels = nice / perPixel;
  bar.label = nice >= 1000.0 ? QStringLiteral("%1 km").arg(nice / 1000.0) : QStringLiteral("%1 m").arg(nice);
  return bar;
}

double scaleDenominator(const MapSettings& settings, const Projection& projection, double dotsPerInch) {
  const QPointF centre(settings.outputSize().width() / 2.0, settings.outputSize().height() / 2.0);
  const double metresPerScreenPixel = 0.0254 / dotsPerInch;
  return groundMetresPerPixel(settings, projection, centre) / metresPerScreenPixel;
}

QString formatScale(double denominator) {
  // Round to two significant figures, as printed map scales are.
  const double power = std::pow(10.0, std::floor(std::log10(std::max(denominator, 1.0))) - 1.0);
  const double rounded = std::round(denominator / power) * power;
  // Digits grouped by thin spaces, readable in any language: 1:8 300 000.
  const QString digits = QLocale(QLocale::English, QLocale::UnitedStates).toString(static_cast<qlonglong>(rounded));
  return QStringLiteral("1:%1").arg(QString(digits).replace(QLatin1Char(','), QChar(0x2009)));
}

void drawDecorations(QPainter& painter, const MapSettings& settings, const ScaleBar& scaleBar) {
  painter.save();
  painter.setRenderHint(QPainter::Antialiasing, true);
  QFont font = mapstyle::mapFont(11);
  painter.setFont(font);
  const QFontMetricsF metrics(font);

  // Scale bar: two alternating halves over a light backing.
  const QPointF origin = scaleBarOrigin(settings);
  const double length = scaleBar.lengthPixels;
  const QRectF backing(origin.x() - 6, origin.y() - metrics.height() - 10,
                       length + metrics.horizontalAdvance(scaleBar.label) + 22, metrics.height() + 22);
  painter.setPen(Qt::NoPen);
  painter.setBrush(QColor(255, 255, 255, 200));
  painter.drawRoundedRect(backing, 3, 3);
  const double barHeight = 5.0;
  painter.setPen(QPen(QColor(0x30, 0x30, 0x30), 1.0));
  painter.setBrush(QColor(0x30, 0x30, 0x30));
  painter.drawRect(QRectF(origin.x(), origin.y(), length / 2, barHeight));
  painter.setBrush(Qt::white);
  painter.drawRect(QRectF(origin.x() + length / 2, origin.y(), length / 2, barHeight));
  painter.setPen(QColor(0x20, 0x20, 0x20));
  painter.drawText(QPointF(origin.x(), origin.y() - 4), QStringLiteral("0"));
  painter.drawText(QPointF(origin.x() + length + 6, origin.y() + barHeight), scaleBar.label);

  // North arrow. The display projection keeps north up everywhere.
  const QPointF tip(settings.outputSize().width() - 28.0, 16.0);
  QPainterPath leftHalf;
  leftHalf.moveTo(tip);
  leftHalf.lineTo(tip + QPointF(-9, 28));
  leftHalf.lineTo(tip + QPointF(0, 21));
  leftHalf.closeSubpath();
  QPainterPath rightHalf;
  rightHalf.moveTo(tip);
  rightHalf.lineTo(tip + QPointF(9, 28));
  rightHalf.lineTo(tip + QPointF(0, 21));
  rightHalf.closeSubpath();
  painter.setPen(QPen(QColor(0x30, 0x30, 0x30), 1.0));
  painter.setBrush(QColor(0x30, 0x30, 0x30));
  painter.drawPath(leftHalf);
  painter.setBrush(Qt::white);
  painter.drawPath(rightHalf);
  QFont northFont = font;
  northFont.setBold(true);
  northFont.setPixelSize(12);
  painter.setFont(northFont);
  const QFontMetricsF northMetrics(northFont);
  painter.setPen(QColor(0x20, 0x20, 0x20));
  painter.drawText(QPointF(tip.x() - northMetrics.horizontalAdvance(QStringLiteral("N")) / 2,
                           tip.y() + 28 + northMetrics.ascent() + 1),
                   QStringLiteral("N"));
  painter.restore();
}

} // namespace sv

namespace sv {
namespace {

QFont dateLabelFont(const MapSettings& settings) {
  QFont font = mapstyle::mapFont(11);
  const double height = settings.outputSize().height();
  font.setPixelSize(static_cast<int>(std::clamp(height * 0.036, 18.0, 48.0)));
  font.setBold(true);
  return font;
}

} // namespace

QRectF dateLabelArea(const MapSettings& settings, const QString& label) {
  const QFontMetricsF metrics(dateLabelFont(settings));
  const double padding = metrics.height() * 0.3;
  return QRectF(12.0, 12.0, metrics.horizontalAdvance(label) + 2 * padding, metrics.height() + padding);
}

void drawDateLabel(QPainter& painter, const MapSettings& settings, const QString& label) {
  painter.save();
  painter.setRenderHint(QPainter::Antialiasing, true);
  painter.setRenderHint(QPainter::TextAntialiasing, true);
  const QRectF area = dateLabelArea(settings, label);
  painter.setPen(Qt::NoPen);
  painter.setBrush(QColor(255, 255, 255, 215));
  painter.drawRoundedRect(area, 4, 4);
  painter.setFont(dateLabelFont(settings));
  painter.setPen(QColor(0x1a, 0x1a, 0x1a));
  painter.drawText(area, Qt::AlignCenter, label);
  painter.restore();
}

void drawAttribution(QPainter& painter, const MapSettings& settings, const QString& text) {
  if (text.isEmpty()) return;
  painter.save();
  const QFont font = mapstyle::mapFont(10);
  painter.setFont(font);
  const QFontMetricsF metrics(font);
  const QSizeF size(metrics.horizontalAdvance(text) + 8, metrics.height() + 2);
  const QRectF box(settings.outputSize().width() - size.width(), settings.outputSize().height() - size.height(),
                   size.width(), size.height());
  painter.setPen(Qt::NoPen);
  painter.setBrush(QColor(255, 255, 255, 200));
  painter.drawRect(box);
  painter.setPen(QColor(0x33, 0x33, 0x33));
  painter.drawText(box, Qt::AlignCenter, text);
  painter.restore();
}

} // namespace sv
