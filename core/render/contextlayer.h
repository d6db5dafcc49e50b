#pragma once

#include "domain/calendar.h"
#include "io/contextreader.h"
#include "render/mapsettings.h"

#include <QColor>
#include <QPainterPath>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>
#include <vector>

class QPainter;

namespace sv {

class Projection;

// How a context layer is drawn. Plain: the fill (areas), the stroke (lines
// and outlines) and a dot for points. Roads: each line by its road class
// (OpenStreetMap's `highway` or Geofabrik's `fclass` values), major roads
// wide and cased, minor ones only as the view zooms in.
struct ContextStyle {
  enum class Kind { Plain, Roads };
  Kind kind = Kind::Plain;
  QColor fill{0x7b, 0x52, 0xab, 0x40};
  QColor stroke{0x5b, 0x3a, 0x85};
  double strokeWidth = 1.2; // logical pixels
  QString labelField;       // empty: no labels
  double opacity = 1.0;     // of the whole layer
  // Features with a date in this field show from that date on; with an end
  // field too, only while their span overlaps the range shown. Features
  // without a date, and every feature when empty, show throughout.
  QString timeField;
  QString timeEndField;
  friend bool operator==(const ContextStyle&, const ContextStyle&) = default;
};

// "plain", "roads".
QString contextStyleKindName(ContextStyle::Kind kind);
std::optional<ContextStyle::Kind> parseContextStyleKind(const QString& name);

// A context file read and projected once for display; immutable and shared
// with render threads.
class ContextLayerData {
public:
  struct Feature {
    ContextFeature::Kind kind = ContextFeature::Kind::Point;
    QPainterPath path; // projected metres; points as one subpath per point (moveTo)
    QRectF bounds;
  };
  // Null with `error` when the file as a whole cannot be read; `problems`
  // lists the features left out.
  static std::shared_ptr<const ContextLayerData> read(const QString& path, const Projection& projection, QString* error,
                                                      QStringList* problems = nullptr);
  static std::shared_ptr<const ContextLayerData> build(const QString& path, ContextLayerRead read,
                                                       const Projection& projection);

  const QString& path() const { return m_path; }
  const QString& name() const { return m_name; }
  const QStringList& fields() const { return m_fields; }
  const std::vector<Feature>& features() const { return m_features; }
  const std::string& value(std::size_t feature, int field) const;
  int fieldIndex(const QString& name) const { return static_cast<int>(m_fields.indexOf(name)); }
  QRectF extent() const { return m_extent; }
  // The style a file like this one is best shown with: Roads for lines with
  // a road-class field, Plain otherwise, labelled by a name field if any.
  ContextStyle suggestedStyle() const;

private:
  QString m_path;
  QString m_name;
  QStringList m_fields;
  std::vector<Feature> m_features;
  std::vector<std::vector<std::string>> m_values; // per feature
  QRectF m_extent;
};

// A context layer as shown: its data with a style, and what the style makes
// of each feature (label, dates, road class) worked out once.
class ContextLayer {
public:
  static std::shared_ptr<const ContextLayer> make(std::shared_ptr<const ContextLayerData> data, ContextStyle style,
                                                  bool visible = true);
  const ContextLayerData& data() const { return *m_data; }
  const std::shared_ptr<const ContextLayerData>& dataPointer() const { return m_data; }
  const ContextStyle& style() const { return m_style; }
  bool isVisible() const { return m_visible; }
  // Whether the layer changes with the range shown.
  bool isTimed() const { return !m_style.timeField.isEmpty(); }
  bool showsDuring(std::size_t feature, DayNumber from, DayNumber to) const;
  // Draws the layer's lines, areas and points (not its labels) in logical pixels.
  void draw(QPainter& painter, const MapSettings& settings, DayNumber from, DayNumber to, double deviceScale) const;
  // Its labels, placed where none of `taken` (logical pixels) lies; adds theirs to it.
  void drawLabels(QPainter& painter, const MapSettings& settings, DayNumber from, DayNumber to,
                  std::vector<QRectF>& taken) const;

private:
  std::shared_ptr<const ContextLayerData> m_data;
  ContextStyle m_style;
  bool m_visible = true;
  std::vector<QString> m_labels;
  std::vector<DayNumber> m_start, m_end; // per feature when timed
  std::vector<signed char> m_roadClass;  // per feature for Roads: 0 major … 3 path, -1 not a road
};

} // namespace sv
