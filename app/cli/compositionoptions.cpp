#include "cli/compositionoptions.h"

#include "cli/commandline.h"
#include "export/compositionwriter.h"
#include "session/geodatalocator.h"

#include "domain/placehistory.h"
#include "geo/geodesy.h"
#include "geo/projection.h"

#include <QCoreApplication>
#include <QDate>
#include <QLocale>
#include <QTextStream>

#include <cmath>

namespace sv {

PageOptions::PageOptions()
    : m_preset(QStringLiteral("preset"), QString(), QStringLiteral("name")),
      m_size(QStringLiteral("size"), QString(), QStringLiteral("WxH")),
      m_dpi(QStringLiteral("dpi"), QString(), QStringLiteral("n")),
      m_title(QStringLiteral("title"), QString(), QStringLiteral("text")),
      m_bbox(QStringLiteral("bbox"), QString(), QStringLiteral("W,S,E,N")),
      m_place(QStringLiteral("place"), QString(), QStringLiteral("name")),
      m_radius(QStringLiteral("radius"), QString(), QStringLiteral("km"), QStringLiteral("50")) {}

void PageOptions::addTo(QCommandLineParser& parser, bool withSize) const {
  if (withSize) parser.addOptions({m_preset, m_size, m_dpi});
  parser.addOptions({m_title, m_bbox, m_place, m_radius});
  m_layers.addTo(parser);
}

QString PageOptions::helpText(bool withSize) {
  QString presets;
  for (const PagePreset& p : pagePresets())
    presets += QStringLiteral("                      %1: %2\n").arg(p.name, -13).arg(p.description);
  QString text;
  if (withSize)
    text += QStringLiteral(
                "Page options:\n"
                "  --preset NAME       a page preset:\n%1"
                "  --size WxH          a custom size in pixels (16 to 16384 each way)\n"
                "  --dpi N             the dots per inch the size is meant for (default 96;\n"
                "                      text and symbols keep their physical size)\n")
                .arg(presets);
  text += QStringLiteral(
      "  --title TEXT        the title (default: the dataset's title)\n"
      "View options (default: all of Mali):\n"
      "  --bbox W,S,E,N      show this box, in degrees of longitude and latitude\n"
      "  --place NAME        show the place and its surroundings (see 'places')\n"
      "  --radius KM         how far around --place (default 50)\n");
  text += LayerOptions::helpText();
  return text;
}

bool PageOptions::parse(const QCommandLineParser& parser, const PageFormat& fallback, QString* error) {
  m_format = fallback;
  if (parser.isSet(m_preset) && parser.isSet(m_size)) {
    *error = QStringLiteral("give --preset or --size, not both");
    return false;
  }
  if (parser.isSet(m_preset)) {
    const auto preset = findPagePreset(parser.value(m_preset));
    if (!preset) {
      QStringList names;
      for (const PagePreset& p : pagePresets()) names << p.name;
      *error = QStringLiteral("unknown --preset '%1' (use %2)")
                   .arg(parser.value(m_preset), names.join(QStringLiteral(", ")));
      return false;
    }
    m_format = preset->format;
  }
  if (parser.isSet(m_size)) {
    const auto size = parseImageSize(parser.value(m_size));
    if (!size) {
      *error = QStringLiteral("bad --size '%1': expected WIDTHxHEIGHT in pixels, each from 16 to 16384, e.g. 1920x1080")
                   .arg(parser.value(m_size));
      return false;
    }
    m_format.pixels = *size;
    if (!parser.isSet(m_dpi)) m_format.dpi = 96.0;
  }
  if (parser.isSet(m_dpi)) {
    bool ok = false;
    const double dpi = parser.value(m_dpi).toDouble(&ok);
    if (!ok || dpi < 36.0 || dpi > 1200.0) {
      *error = QStringLiteral("bad --dpi '%1': expected 36 to 1200").arg(parser.value(m_dpi));
      return false;
    }
    m_format.dpi = dpi;
  }
  const QSizeF logical = m_format.logicalSize();
  if (logical.width() < 240 || logical.height() < 200) {
    *error = QStringLiteral(
                 "the page is too small at this dpi: %1x%2 pixels at %3 dpi leave %4x%5 points of 1/96 inch; at least "
                 "240x200 are needed")
                 .arg(m_format.pixels.width())
                 .arg(m_format.pixels.height())
                 .arg(m_format.dpi)
                 .arg(static_cast<int>(logical.width()))
                 .arg(static_cast<int>(logical.height()));
    return false;
  }
  if (parser.isSet(m_bbox) && parser.isSet(m_place)) {
    *error = QStringLiteral("give --bbox or --place, not both");
    return false;
  }
  if (parser.isSet(m_radius) && !parser.isSet(m_place)) {
    *error = QStringLiteral("--radius goes with --place");
    return false;
  }
  return true;
}

bool PageOptions::extent(const QCommandLineParser& parser, const MapContext& context, QRectF& extent,
                         QString* error) const {
  extent = context.baseMap->maliExtent();
  // The box around a set of points, each projected.
  const auto boundsOf = [&](const std::vector<Point2>& lonLats) {
    QRectF box;
    for (const Point2& p : lonLats) {
      const Point2 xy = context.projection.forward(p);
      const QRectF point(QPointF(xy.x, xy.y), QSizeF(0, 0));
      box =
          box.isNull() ? QRectF(QPointF(xy.x, xy.y), QSizeF(1e-6, 1e-6)) : box.united(point.adjusted(0, 0, 1e-6, 1e-6));
    }
    return box;
  };
  if (parser.isSet(m_bbox)) {
    const QStringList parts = parser.value(m_bbox).split(QLatin1Char(','));
    std::array<double, 4> v{};
    bool ok = parts.size() == 4;
    for (int k = 0; ok && k < 4; ++k) v[static_cast<std::size_t>(k)] = parts[k].trimmed().toDouble(&ok);
    const auto [west, south, east, north] = v;
    if (!ok || !(west < east) || !(south < north) || west < -180 || east > 180 || south < -85 || north > 85) {
      *error =
          QStringLiteral("bad --bbox '%1': expected W,S,E,N in degrees with W < E and S < N, e.g. -6.5,14.5,-5.5,15.3")
              .arg(parser.value(m_bbox));
      return false;
    }
    std::vector<Point2> edge;
    for (int k = 0; k <= 16; ++k) {
      const double t = k / 16.0;
      edge.push_back({west + (east - west) * t, south});
      edge.push_back({west + (east - west) * t, north});
      edge.push_back({west, south + (north - south) * t});
      edge.push_back({east, south + (north - south) * t});
    }
    extent = boundsOf(edge);
    return true;
  }
  if (parser.isSet(m_place)) {
    bool ok = false;
    const double km = parser.value(m_radius).toDouble(&ok);
    if (!ok || !(km >= 1.0 && km <= 2000.0)) {
      *error = QStringLiteral("bad --radius '%1': expected kilometres from 1 to 2000").arg(parser.value(m_radius));
      return false;
    }
    const Gazetteer& gazetteer = context.baseMap->gazetteer();
    static const auto none = EventStore::build({});
    const EventStore& store = context.incidents ? context.incidents->store() : *none;
    const PlaceResolution found = resolveHistoryPlace(gazetteer, store, parser.value(m_place).toStdString());
    if (found.status != PlaceResolution::Status::Found) {
      QStringList names;
      for (std::size_t index : found.candidates) {
        const Place& p = gazetteer.place(index);
        names << QStringLiteral("%1 (%2, %3; geonames:%4)")
                     .arg(QString::fromStdString(p.name), QString::fromStdString(p.cercle),
                          QString::fromStdString(p.region))
                     .arg(p.geonameId);
      }
      *error = QStringLiteral("%1 --place '%2'%3")
                   .arg(found.status == PlaceResolution::Status::Ambiguous ? QStringLiteral("ambiguous")
                                                                           : QStringLiteral("unknown"),
                        parser.value(m_place),
                        names.isEmpty() ? QString() : QStringLiteral(": ") + names.join(QStringLiteral("; ")));
      return false;
    }
    std::vector<Point2> circle;
    for (int azimuth = 0; azimuth < 360; azimuth += 10)
      circle.push_back(geodesicDirect({found.place.longitude, found.place.latitude}, azimuth, km * 1000.0));
    extent = boundsOf(circle);
  }
  return true;
}

std::optional<db::Query::Extent> PageOptions::databaseExtent(const QCommandLineParser& parser) const {
  if (!parser.isSet(m_bbox)) return std::nullopt;
  const QStringList parts = parser.value(m_bbox).split(QLatin1Char(','));
  std::array<double, 4> v{};
  bool ok = parts.size() == 4;
  for (int k = 0; ok && k < 4; ++k) v[static_cast<std::size_t>(k)] = parts[k].trimmed().toDouble(&ok);
  if (!ok) return std::nullopt;
  const auto [west, south, east, north] = v;
  const double half = std::max(east - west, north - south) * 0.75;
  const double x = (west + east) / 2, y = (south + north) / 2;
  return db::Query::Extent{x - half, y - half, x + half, y + half};
}

std::optional<int> loadCompositionInputs(const CommonOptions& common, const QCommandLineParser& parser,
                                         const FilterOptions& filters, const PageOptions& page, const QString& prefix,
                                         QTextStream& err, CompositionInputs& inputs, db::Query window) {
  QString error;
  window.extent = page.databaseExtent(parser);
  auto context = loadMapContext(geodataPath(common.geodataPath), &error);
  if (!context || !loadIncidents(*context, incidentsPaths(common.dataPaths), &error, window)) {
    err << prefix << error << "\n";
    return ExitFailure;
  }
  for (const QString& problem : context->incidentProblems) err << problem << "\n";
  if (!page.layers().load(parser, *context, err, &error)) {
    err << prefix << error << "\n";
    return error.startsWith(QLatin1String("bad --")) ? ExitUsage : ExitFailure;
  }
  inputs.context = std::move(context);
  if (!filters.build(parser, inputs.context->incidents->store(), inputs.filter, &error) ||
      !page.extent(parser, *inputs.context, inputs.extent, &error)) {
    err << prefix << error << "\n";
    return ExitUsage;
  }
  return std::nullopt;
}

int runPageCommand(const PageCommand& command, const QStringList& arguments, QTextStream& out, QTextStream& err) {
  const QString prefix = programName() + QStringLiteral(" %1: ").arg(command.name);
  CommonOptions common;
  QCommandLineParser parser;
  const QCommandLineOption outputOption(QStringList{QStringLiteral("o"), QStringLiteral("output")}, QString(),
                                        QStringLiteral("file"));
  parser.addOption(outputOption);
  PageOptions page;
  page.addTo(parser);
  TimeOptions time;
  time.addTo(parser);
  FilterOptions filters;
  filters.addTo(parser);
  if (auto done = startCommand(command.name, arguments, parser, command.help, false, common, out, err)) return *done;
  QString error;
  if (!time.parse(parser, &error) || !page.parse(parser, command.defaultFormat, &error)) {
    err << prefix << error << "\n";
    return ExitUsage;
  }
  const QString outputPath = parser.value(outputOption);
  if (outputPath.isEmpty()) {
    err << prefix << "-o " << command.outputHint << " is needed\n" << command.help;
    return ExitUsage;
  }
  if (const QString problem = outputPathProblem(outputPath, command.kinds); !problem.isEmpty()) {
    err << prefix << problem << "\n";
    return ExitFailure;
  }
  CompositionInputs inputs;
  if (auto failed = loadCompositionInputs(common, parser, filters, page, prefix, err, inputs, time.databaseWindow()))
    return *failed;
  const EventStore& store = inputs.context->incidents->store();
  const DayRange range = time.range(store.firstDay(), store.lastDay());
  const CompositionContent content =
      compositionFor(*inputs.context, range, inputs.filter, inputs.extent, page.title(parser));
  if (!prepareTiles(content, page.format(), err, &error)) {
    err << prefix << error << "\n";
    return ExitFailure;
  }
  return command.write(outputPath, page.format(), content);
}

} // namespace sv
