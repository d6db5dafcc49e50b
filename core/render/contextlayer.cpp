#include "render/contextlayer.h"

#include "geo/projection.h"
#include "render/mapstyle.h"

#include <QFontMetricsF>
#include <QPainter>

#include <algorithm>
#include <cmath>
#include <limits>

namespace sv {
namespace {

// A date as context files write them: ISO "2025-09-01", GDAL's
// "2025/09/01 00:00:00", or a year alone (its first or last day).
std::optional<DayNumber> looseDate(const std::string& text, bool end) {
  std::string iso = text.substr(0, 10);
  std::replace(iso.begin(), iso.end(), '/', '-');
  if (auto day = parseIsoDate(iso)) return day;
  if (text.size() == 4 && std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    const int year = std::stoi(text);
    return end ? dayFromCivil({year, 12, 31}) : dayFromCivil({year, 1, 1});
  }
  return std::nullopt;
}

// OpenStreetMap's road classes, from the widest down: 0 motorways, trunks and
// primaries; 1 secondaries and tertiaries; 2 other roads; 3 tracks and paths.
signed char roadClass(std::string value) {
  if (value.size() > 5 && value.ends_with("_link")) value.resize(value.size() - 5);
  static const std::pair<const char*, signed char> kClasses[] = {
      {"motorway", 0},     {"trunk", 0},       {"primary", 0},       {"secondary", 1},    {"tertiary", 1},
      {"unclassified", 2}, {"residential", 2}, {"living_street", 2}, {"service", 2},      {"road", 2},
      {"track", 3},        {"path", 3},        {"footway", 3},       {"bridleway", 3},    {"cycleway", 3},
      {"steps", 3},        {"pedestrian", 3},  {"track_grade1", 3},  {"track_grade2", 3},
  };
  for (const auto& [name, rank] : kClasses)
    if (value == name) return rank;
  if (value.starts_with("track")) return 3;
  return -1;
}

int roadClassField(const QStringList& fields) {
  for (const char* name : {"highway", "fclass", "HIGHWAY", "FCLASS"})
    if (const auto k = fields.indexOf(QString::fromLatin1(name)); k >= 0) return static_cast<int>(k);
  return -1;
}

struct RoadLook {
  double width; // logical pixels
  QColor fill;
  double minResolution; // drawn below this many metres per pixel
};
constexpr double kAlways = 1e12;
const RoadLook kRoadLooks[] = {
    {3.2, QColor(0xf2, 0xa6, 0x4b), kAlways},
    {2.2, QColor(0xf7, 0xd9, 0x7c), 2500.0},
    {1.4, QColor(0xff, 0xff, 0xff), 400.0},
    {1.0, QColor(0xa6, 0x8a, 0x64), 150.0},
};
const QColor kRoadCasing(0x6b, 0x5a, 0x48);

QPen cosmetic(const QColor& colour, double width, double deviceScale, Qt::PenStyle style = Qt::SolidLine) {
  QPen pen(colour, width * deviceScale, style, Qt::RoundCap, Qt::RoundJoin);
  pen.setCosmetic(true);
  return pen;
}

} // namespace

QString contextStyleKindName(ContextStyle::Kind kind) {
  return kind == ContextStyle::Kind::Roads ? QStringLiteral("roads") : QStringLiteral("plain");
}

std::optional<ContextStyle::Kind> parseContextStyleKind(const QString& name) {
  if (name == QLatin1String("roads")) return ContextStyle::Kind::Roads;
  if (name == QLatin1String("plain")) return ContextStyle::Kind::Plain;
  return std::nullopt;
}

std::shared_ptr<const ContextLayerData> ContextLayerData::read(const QString& path, const Projection& projection,
                                                               QString* error, QStringList* problems) {
  ContextLayerRead read = readContextLayer(path.toStdString());
  if (problems)
    for (const std::string& problem : read.problems) problems->append(QString::fromStdString(problem));
  if (!read.ok) {
    if (error) *error = QString::fromStdString(read.error);
    return nullptr;
  }
  return build(path, std::move(read), projection);
}

std::shared_ptr<const ContextLayerData> ContextLayerData::build(const QString& path, ContextLayerRead read,
                                                                const Projection& projection) {
  auto data = std::make_shared<ContextLayerData>();
  data->m_path = path;
  data->m_name = QString::fromStdString(read.name);
  for (const std::string& field : read.fields) data->m_fields.append(QString::fromStdString(field));
  data->m_features.reserve(read.features.size());
  data->m_values.reserve(read.features.size());
  for (ContextFeature& feature : read.features) {
    Feature out;
    out.kind = feature.kind;
    for (LineString& part : feature.parts) {
      projection.forward(part);
      const bool ring = feature.kind == ContextFeature::Kind::Area;
      for (std::size_t k = 0; k < part.size(); ++k) {
        const QPointF p(part[k].x, part[k].y);
        if (!std::isfinite(p.x()) || !std::isfinite(p.y())) continue;
        if (feature.kind == ContextFeature::Kind::Point || k == 0)
          out.path.moveTo(p);
        else
          out.path.lineTo(p);
      }
      if (ring) out.path.closeSubpath();
    }
    if (out.path.elementCount() == 0) continue; // isEmpty() would drop a lone point's moveTo
    out.path.setFillRule(Qt::OddEvenFill);
    out.bounds = out.path.controlPointRect();
    data->m_extent = data->m_extent.isNull() ? out.bounds : data->m_extent.united(out.bounds);
    data->m_features.push_back(std::move(out));
    data->m_values.push_back(std::move(feature.values));
  }
  return data;
}

const std::string& ContextLayerData::value(std::size_t feature, int field) const {
  static const std::string none;
  if (field < 0 || feature >= m_values.size() || static_cast<std::size_t>(field) >= m_values[feature].size())
    return none;
  return m_values[feature][static_cast<std::size_t>(field)];
}

ContextStyle ContextLayerData::suggestedStyle() const {
  ContextStyle style;
  const bool lines = std::any_of(m_features.begin(), m_features.end(),
                                 [](const Feature& f) { return f.kind == ContextFeature::Kind::Line; });
  if (lines && roadClassField(m_fields) >= 0) style.kind = ContextStyle::Kind::Roads;
  for (const char* name : {"name", "NAME", "Name", "nom", "NOM", "label", "LABEL", "title"})
    if (m_fields.contains(QString::fromLatin1(name))) {
      style.labelField = QString::fromLatin1(name);
      break;
    }
  return style;
}

std::shared_ptr<const ContextLayer> ContextLayer::make(std::shared_ptr<const ContextLayerData> data, ContextStyle style,
                                                       bool visible) {
  auto layer = std::make_shared<ContextLayer>();
  const std::size_t n = data->features().size();
  if (const int field = data->fieldIndex(style.labelField); field >= 0) {
    layer->m_labels.resize(n);
    for (std::size_t k = 0; k < n; ++k) layer->m_labels[k] = QString::fromStdString(data->value(k, field));
  }
  if (const int start = data->fieldIndex(style.timeField); start >= 0) {
    const int end = data->fieldIndex(style.timeEndField);
    layer->m_start.resize(n);
    layer->m_end.resize(n);
    for (std::size_t k = 0; k < n; ++k) {
      const auto from = looseDate(data->value(k, start), false);
      const auto to = end >= 0 ? looseDate(data->value(k, end), true) : std::optional<DayNumber>();
      // No date: an undated feature (a road, a border) shows throughout. No end: from its date on.
      layer->m_start[k] = from.value_or(std::numeric_limits<DayNumber>::min());
      layer->m_end[k] = to.value_or(std::numeric_limits<DayNumber>::max());
    }
  } else {
    style.timeField.clear();
  }
  if (style.kind == ContextStyle::Kind::Roads) {
    const int field = roadClassField(data->fields());
    layer->m_roadClass.assign(n, -1);
    if (field >= 0)
      for (std::size_t k = 0; k < n; ++k) layer->m_roadClass[k] = roadClass(data->value(k, field));
  }
  layer->m_data = std::move(data);
  layer->m_style = std::move(style);
  layer->m_visible = visible;
  return layer;
}

bool ContextLayer::showsDuring(std::size_t feature, DayNumber from, DayNumber to) const {
  if (!isTimed()) return true;
  return m_start[feature] <= to && m_end[feature] >= from;
}

void ContextLayer::draw(QPainter& painter, const MapSettings& settings, DayNumber from, DayNumber to,
                        double deviceScale) const {
  if (!m_visible) return;
  const QRectF extent = settings.visibleExtent();
  const double resolution = settings.metresPerPixel();
  const auto& features = m_data->features();
  painter.save();
  painter.setOpacity(painter.opacity() * std::clamp(m_style.opacity, 0.0, 1.0));
  painter.setTransform(settings.mapToPixelTransform(), true);
  const double pixel = resolution; // a logical pixel in metres, for points
  if (m_style.kind == ContextStyle::Kind::Roads) {
    // Casings of every class first, then fills from minor to major, so that
    // junctions join and major roads run over minor ones.
    for (int pass = 0; pass < 2; ++pass)
      for (int cls = 3; cls >= 0; --cls) {
        const RoadLook& look = kRoadLooks[cls];
        if (resolution >= look.minResolution) continue;
        painter.setBrush(Qt::NoBrush);
        painter.setPen(pass == 0 ? cosmetic(kRoadCasing, look.width + (cls == 3 ? 0.0 : 1.6), deviceScale,
                                            cls == 3 ? Qt::DashLine : Qt::SolidLine)
                                 : cosmetic(look.fill, look.width, deviceScale));
        if (pass == 1 && cls == 3) continue; // tracks are their dashed line alone
        for (std::size_t k = 0; k < features.size(); ++k) {
          const int featureClass = m_roadClass[k] < 0 ? 2 : m_roadClass[k];
          if (featureClass != cls || features[k].kind != ContextFeature::Kind::Line) continue;
          if (!features[k].bounds.intersects(extent) || !showsDuring(k, from, to)) continue;
          painter.drawPath(features[k].path);
        }
      }
  }
  for (std::size_t k = 0; k < features.size(); ++k) {
    const ContextLayerData::Feature& f = features[k];
    if (m_style.kind == ContextStyle::Kind::Roads && f.kind == ContextFeature::Kind::Line) continue;
    const QRectF reach = f.bounds.adjusted(-8 * pixel, -8 * pixel, 8 * pixel, 8 * pixel);
    if (!reach.intersects(extent) || !showsDuring(k, from, to)) continue;
    switch (f.kind) {
      case ContextFeature::Kind::Area:
        painter.setBrush(m_style.fill);
        painter.setPen(cosmetic(m_style.stroke, m_style.strokeWidth, deviceScale));
        painter.drawPath(f.path);
        break;
      case ContextFeature::Kind::Line:
        painter.setBrush(Qt::NoBrush);
        painter.setPen(cosmetic(m_style.stroke, m_style.strokeWidth, deviceScale));
        painter.drawPath(f.path);
        break;
      case ContextFeature::Kind::Point: {
        painter.setBrush(m_style.fill.isValid() ? QColor(m_style.fill.rgb()) : m_style.stroke);
        painter.setPen(cosmetic(m_style.stroke, 1.0, deviceScale));
        const double r = 3.5 * pixel;
        for (int e = 0; e < f.path.elementCount(); ++e) {
          const QPainterPath::Element point = f.path.elementAt(e);
          // A diamond: apart from the round incident symbols and town dots.
          const QPointF c(point.x, point.y);
          painter.drawPolygon(
              QPolygonF({c + QPointF(0, r), c + QPointF(r, 0), c + QPointF(0, -r), c + QPointF(-r, 0)}));
        }
        break;
      }
    }
  }
  painter.restore();
}

void ContextLayer::drawLabels(QPainter& painter, const MapSettings& settings, DayNumber from, DayNumber to,
                              std::vector<QRectF>& taken) const {
  if (!m_visible || m_labels.empty()) return;
  const QRectF extent = settings.visibleExtent();
  const QRectF screen(QPointF(0, 0), QSizeF(settings.outputSize()));
  const QFont font = mapstyle::mapFont(11);
  const QFontMetricsF metrics(font);
  painter.save();
  painter.setOpacity(painter.opacity() * std::clamp(m_style.opacity, 0.0, 1.0));
  painter.setFont(font);
  const auto& features = m_data->features();
  const double resolution = settings.metresPerPixel();
  for (std::size_t k = 0; k < features.size(); ++k) {
    const ContextLayerData::Feature& f = features[k];
    if (m_labels[k].isEmpty() || !f.bounds.intersects(extent) || !showsDuring(k, from, to)) continue;
    // A road too minor for the scale is not drawn: nor is its name.
    if (!m_roadClass.empty() && f.kind == ContextFeature::Kind::Line &&
        resolution >= kRoadLooks[m_roadClass[k] < 0 ? 2 : m_roadClass[k]].minResolution)
      continue;
    QPointF at;
    switch (f.kind) {
      case ContextFeature::Kind::Point:
        at = settings.toPixel(QPointF(f.path.elementAt(0).x, f.path.elementAt(0).y)) + QPointF(6, 4);
        break;
      case ContextFeature::Kind::Line: at = settings.toPixel(f.path.pointAtPercent(0.5)); break;
      case ContextFeature::Kind::Area: at = settings.toPixel(f.bounds.center()); break;
    }
    const QSizeF size(metrics.horizontalAdvance(m_labels[k]) + 3, metrics.height());
    const QRectF rect = f.kind == ContextFeature::Kind::Point
                            ? QRectF(QPointF(at.x(), at.y() - size.height() / 2), size)
                            : QRectF(at - QPointF(size.width() / 2, size.height() / 2), size);
    if (!screen.contains(rect)) continue;
    if (std::any_of(taken.begin(), taken.end(), [&](const QRectF& other) { return other.intersects(rect); })) continue;
    taken.push_back(rect);
    const QPointF baseline(rect.left() + 1.5, rect.top() + metrics.ascent());
    painter.setPen(mapstyle::kHalo);
    for (int step = 0; step < 8; ++step) {
      const double angle = step * 3.14159265358979323846 / 4.0;
      painter.drawText(baseline + QPointF(1.3 * std::cos(angle), 1.3 * std::sin(angle)), m_labels[k]);
    }
    painter.setPen(m_style.stroke.darker(140));
    painter.drawText(baseline, m_labels[k]);
  }
  painter.restore();
}

} // namespace sv
