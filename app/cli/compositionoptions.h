#pragma once

#include "cli/filteroptions.h"
#include "cli/layeroptions.h"
#include "cli/timeoptions.h"
#include "export/compositioncontent.h"
#include "export/compositionwriter.h"
#include "session/mapcontext.h"

#include "render/composition.h"

#include <QCommandLineParser>
#include <QTextStream>

#include <functional>
#include <optional>

namespace sv {

struct CommonOptions;

// What `export`, `brief` and `animate` draw from: the map context with its
// incidents, and the filter and extent their options ask for.
struct CompositionInputs {
  std::optional<MapContext> context;
  IncidentFilter filter;
  QRectF extent;
};
class PageOptions;
// Loads the geodata and the incidents (printing each rejected record on
// `err`) and builds the filter and the extent. On failure prints the reason
// after `prefix` and returns the exit status: 1 for a file, 2 for an option.
std::optional<int> loadCompositionInputs(const CommonOptions& common, const QCommandLineParser& parser,
                                         const FilterOptions& filters, const PageOptions& page, const QString& prefix,
                                         QTextStream& err, CompositionInputs& inputs, db::Query window = {});

// A command that renders one composition to a file: `export` and `brief`.
// Both take -o, the page, time, filter and view options, and differ in the
// output kinds they accept, their default page and what they write.
struct PageCommand {
  QString name; // "export"
  QString help;
  PageFormat defaultFormat;
  QList<OutputKind> kinds; // accepted for -o
  QString outputHint;      // "FILE.pdf"
  // Writes `path` and reports; returns the exit status.
  std::function<int(const QString& path, const PageFormat& format, const CompositionContent& content)> write;
};
int runPageCommand(const PageCommand& command, const QStringList& arguments, QTextStream& out, QTextStream& err);

// The page, view and layer options shared by the commands:
//   --preset NAME | --size WxH [--dpi N], --title TEXT,
//   --bbox W,S,E,N | --place NAME [--radius KM], and LayerOptions
class PageOptions {
public:
  PageOptions();
  void addTo(QCommandLineParser& parser, bool withSize = true) const;
  // Syntax only; false with `error` set.
  bool parse(const QCommandLineParser& parser, const PageFormat& fallback, QString* error);
  // The projected extent to show: the bbox, the place's circle, or Mali.
  bool extent(const QCommandLineParser& parser, const MapContext& context, QRectF& extent, QString* error) const;
  // The longitudes and latitudes a database must give for --bbox's page,
  // whatever its aspect: the box widened to a square of its larger side, and
  // half as large again; nullopt without --bbox.
  std::optional<db::Query::Extent> databaseExtent(const QCommandLineParser& parser) const;
  // Whether --bbox or --place chose the view.
  bool viewGiven(const QCommandLineParser& parser) const { return parser.isSet(m_bbox) || parser.isSet(m_place); }
  const PageFormat& format() const { return m_format; }
  const LayerOptions& layers() const { return m_layers; }
  QString title(const QCommandLineParser& parser) const { return parser.value(m_title); }
  static QString helpText(bool withSize = true);

private:
  QCommandLineOption m_preset, m_size, m_dpi, m_title, m_bbox, m_place, m_radius;
  LayerOptions m_layers;
  PageFormat m_format;
};

} // namespace sv
