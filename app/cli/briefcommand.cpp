#include "cli/commandline.h"
#include "cli/compositionoptions.h"
#include "export/briefing.h"
#include "export/compositionwriter.h"
#include "session/mapcontext.h"

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
  PageCommand command;
  command.name = QStringLiteral("brief");
  command.help = briefHelp();
  command.defaultFormat = findPagePreset(QStringLiteral("a4-portrait"))->format;
  command.kinds = {OutputKind::Pdf};
  command.outputHint = QStringLiteral("FILE.pdf");
  command.write = [&](const QString& path, const PageFormat& format, const CompositionContent& content) {
    QString error;
    std::size_t listed = 0;
    if (!writeBriefing(path, format, content, nullptr, &error, &listed)) {
      err << programName() << " brief: " << error << "\n";
      return static_cast<int>(ExitFailure);
    }
    out << "wrote " << QDir::toNativeSeparators(path) << " (map and " << listed
        << (listed == 1 ? " incident" : " incidents") << ", " << content.subtitle << ")\n";
    return static_cast<int>(ExitSuccess);
  };
  return runPageCommand(command, arguments, out, err);
}

} // namespace sv
