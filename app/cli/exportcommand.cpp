#include "cli/commandline.h"
#include "cli/compositionoptions.h"
#include "export/compositionwriter.h"
#include "session/mapcontext.h"

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
  PageCommand command;
  command.name = QStringLiteral("export");
  command.help = exportHelp();
  command.defaultFormat = pagePresets().front().format;
  command.kinds = {OutputKind::Png, OutputKind::Svg, OutputKind::Pdf};
  command.outputHint = QStringLiteral("FILE.png, FILE.svg or FILE.pdf");
  command.write = [&](const QString& path, const PageFormat& format, const CompositionContent& content) {
    QString error;
    ComposedPage composed;
    if (!writeComposition(path, *outputKindOf(path), format, content, &error, &composed)) {
      err << programName() << " export: " << error << "\n";
      return static_cast<int>(ExitFailure);
    }
    const std::size_t shown = composed.drawn ? composed.drawn->incidentCount : 0;
    out << "wrote " << QDir::toNativeSeparators(path) << " (" << format.pixels.width() << "x" << format.pixels.height()
        << " at " << format.dpi << " dpi; " << shown << (shown == 1 ? " incident" : " incidents") << ", "
        << content.subtitle << ")\n";
    return static_cast<int>(ExitSuccess);
  };
  return runPageCommand(command, arguments, out, err);
}

} // namespace sv
