#include "application.h"
#include "briefing.h"
#include "commandline.h"
#include "compositionoptions.h"
#include "compositionwriter.h"
#include "geodatalocator.h"

#include <QCommandLineParser>
#include <QDir>
#include <QTextStream>

namespace sv {
namespace {

QString briefHelp() {
  return QStringLiteral(
             "Usage: %1 brief -o FILE.pdf [--preset NAME | --size WxH --dpi N] [--title TEXT]\n"
             "                  [time options] [filter options] [--bbox W,S,E,N | --place NAME --radius KM]\n"
             "\n"
             "Writes a briefing sheet: a PDF whose first page is the map composition (as\n"
             "'export' draws it) and whose next pages list every incident the map shows,\n"
             "oldest first, with dates, places, types, fatalities, summaries and sources.\n"
             "The page is A4 portrait at 300 dpi unless a preset or size is given.\n"
             "\n"
             "  -o, --output FILE   the PDF to write\n"
             "  --data FILE         the incident dataset instead of the bundled one\n"
             "\n"
             "%2\n%3\n%4")
      .arg(programName(), PageOptions::helpText(), TimeOptions::helpText(), FilterOptions::helpText());
}

} // namespace

int runBriefCommand(const QStringList& arguments, QTextStream& out, QTextStream& err) {
  const QString prefix = programName() + QStringLiteral(" brief: ");
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
  if (auto done = startCommand(QStringLiteral("brief"), arguments, parser, briefHelp(), false, common, out, err)) return *done;
  QString error;
  if (!time.parse(parser, &error) || !page.parse(parser, findPagePreset(QStringLiteral("a4-portrait"))->format, &error)) {
    err << prefix << error << "\n";
    return ExitUsage;
  }
  const QString outputPath = parser.value(outputOption);
  if (outputPath.isEmpty()) {
    err << prefix << "-o FILE.pdf is needed\n" << briefHelp();
    return ExitUsage;
  }
  if (const QString problem = outputPathProblem(outputPath, {OutputKind::Pdf}); !problem.isEmpty()) {
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
  std::size_t listed = 0;
  if (!writeBriefing(outputPath, page.format(), content, nullptr, &error, &listed)) {
    err << prefix << error << "\n";
    return ExitFailure;
  }
  out << "wrote " << QDir::toNativeSeparators(outputPath) << " (map and " << listed
      << (listed == 1 ? " incident" : " incidents") << ", " << content.subtitle << ")\n";
  return ExitSuccess;
}

} // namespace sv
