#include "application.h"
#include "commandline.h"
#include "compositionoptions.h"
#include "compositionwriter.h"
#include "geodatalocator.h"

#include <QCommandLineParser>
#include <QDir>
#include <QTextStream>

namespace sv {
namespace {

QString exportHelp() {
  return QStringLiteral(
             "Usage: %1 export -o FILE.(png|svg|pdf) [--preset NAME | --size WxH --dpi N] [--title TEXT]\n"
             "                   [time options] [filter options] [--bbox W,S,E,N | --place NAME --radius KM]\n"
             "                   [--data FILE] [--geodata FILE]\n"
             "\n"
             "Renders a map composition without a display: the title, the range and the\n"
             "filters in words, the map with a scale bar and north arrow, a legend of the\n"
             "event types shown, a locator map of Mali, the attributions and the date.\n"
             "PNG is pixels; SVG and PDF are vector, with text kept as text.\n"
             "\n"
             "  -o, --output FILE   the file to write: .png, .svg or .pdf\n"
             "  --data FILE         draw the incidents of this dataset instead of the bundled one\n"
             "\n"
             "%2\n%3\n%4")
      .arg(programName(), PageOptions::helpText(), TimeOptions::helpText(), FilterOptions::helpText());
}

} // namespace

int runExportCommand(const QStringList& arguments, QTextStream& out, QTextStream& err) {
  const QString prefix = programName() + QStringLiteral(" export: ");
  CommonOptions common;
  QCommandLineParser parser;
  const QCommandLineOption outputOption(QStringList{QStringLiteral("o"), QStringLiteral("output")}, QString(), QStringLiteral("file"));
  parser.addOption(outputOption);
  PageOptions page;
  page.addTo(parser);
  TimeOptions time;
  time.addTo(parser);
  FilterOptions filters;
  filters.addTo(parser);
  if (auto done = startCommand(QStringLiteral("export"), arguments, parser, exportHelp(), false, common, out, err)) return *done;
  QString error;
  if (!time.parse(parser, &error) || !page.parse(parser, pagePresets().front().format, &error)) {
    err << prefix << error << "\n";
    return ExitUsage;
  }
  const QString outputPath = parser.value(outputOption);
  if (outputPath.isEmpty()) {
    err << prefix << "-o FILE.png, FILE.svg or FILE.pdf is needed\n" << exportHelp();
    return ExitUsage;
  }
  if (const QString problem = outputPathProblem(outputPath, {OutputKind::Png, OutputKind::Svg, OutputKind::Pdf});
      !problem.isEmpty()) {
    err << prefix << problem << "\n";
    return ExitFailure;
  }

  CompositionInputs inputs;
  if (auto failed = loadCompositionInputs(common, parser, filters, page, prefix, err, inputs)) return *failed;
  const MapContext* context = &*inputs.context;
  const EventStore& store = context->incidents->store();
  const IncidentFilter& filter = inputs.filter;
  const QRectF& extent = inputs.extent;
  const DayRange range = time.range(store.firstDay(), store.lastDay());
  const CompositionContent content = compositionFor(*context, range, filter, extent, page.title(parser));
  ComposedPage composed;
  if (!writeComposition(outputPath, *outputKindOf(outputPath), page.format(), content, &error, &composed)) {
    err << prefix << error << "\n";
    return ExitFailure;
  }
  const std::size_t shown = composed.drawn ? composed.drawn->incidentCount : 0;
  out << "wrote " << QDir::toNativeSeparators(outputPath) << " (" << page.format().pixels.width() << "x"
      << page.format().pixels.height() << " at " << page.format().dpi << " dpi; " << shown
      << (shown == 1 ? " incident" : " incidents") << ", " << content.subtitle << ")\n";
  return ExitSuccess;
}

} // namespace sv
