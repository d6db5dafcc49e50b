#include "cli/commandline.h"
#include "session/geodatalocator.h"

#include "io/basemapreader.h"

#include <QCommandLineParser>
#include <QRegularExpression>
#include <QTextStream>

#include <utility>

namespace sv {

QString programName() { return QStringLiteral("situation-viewer"); }

QString versionText() { return QStringLiteral("%1 %2").arg(programName(), QStringLiteral(SV_VERSION)); }

QString generalHelpText() {
  return QStringLiteral(
             "Usage: %1 [--data FILE] [--geodata FILE] [PROJECT.svproject | FILE…]\n"
             "       %1 COMMAND [OPTIONS]\n"
             "\n"
             "Shows the conflict in Mali on a map. Without a command, opens the viewer window;\n"
             "a project named is restored, and data files named are opened in it (in place of\n"
             "the bundled dataset, or beside the --data files), asking for the columns of a\n"
             "table it cannot read by itself.\n"
             "\n"
             "Commands:\n"
             "  places QUERY     Find places of the gazetteer by name (accents and case ignored).\n"
             "  events           List incidents by date, place and type (text, csv or json).\n"
             "  history PLACE    A place's incident history with sources, and its summary.\n"
             "  export -o FILE   Render a map composition (PNG, SVG, PDF) without a display.\n"
             "  brief -o FILE    Write a PDF briefing sheet: the map, then its incidents.\n"
             "  animate -o OUT   Render an animation over a date range (PNG frames, MP4, GIF).\n"
             "  import FILE… -o OUT  Read ACLED, UCDP GED, CSV or GDAL files into a dataset,\n"
             "                   with a report of every row that could not be used.\n"
             "  db init URI      Create the incident schema in a PostGIS database.\n"
             "  db push URI --data FILE…  Upload datasets to it (upserting by incident id).\n"
             "\n"
             "Options:\n"
             "  --data FILE      Open this incident data instead of the bundled dataset: our\n"
             "                   own format (docs/data-format.md), an ACLED or UCDP GED export,\n"
             "                   delimited text, or GeoJSON, GeoPackage, KML, FlatGeobuf or\n"
             "                   Shapefile; or a PostGIS table, as postgresql://USER@HOST/DB\n"
             "                   (?schema=…&table=…, docs/database.md). Repeat it to open\n"
             "                   several together.\n"
             "  --geodata FILE   Use this GeoPackage instead of the bundled geodata.\n"
             "  -h, --help       Show this help (or a command's: COMMAND --help).\n"
             "  -v, --version    Show the version.\n"
             "\n"
             "Exit status: 0 on success, 1 when the command failed (nothing found, a file\n"
             "that cannot be read or written), 2 for a wrong command line.\n")
      .arg(programName());
}

std::optional<QSize> parseImageSize(const QString& text) {
  static const QRegularExpression pattern(QStringLiteral("^\\s*(\\d{1,6})\\s*[xX]\\s*(\\d{1,6})\\s*$"));
  const auto match = pattern.match(text);
  if (!match.hasMatch()) return std::nullopt;
  const int width = match.captured(1).toInt();
  const int height = match.captured(2).toInt();
  constexpr int minimum = 16;
  constexpr int maximum = 16384;
  if (width < minimum || height < minimum || width > maximum || height > maximum) return std::nullopt;
  return QSize(width, height);
}

bool takeValueOptions(QStringList& arguments, const QStringList& names,
                      const std::function<void(const QString& name, const QString& value)>& take, QString* error,
                      const QString& valueNoun) {
  for (int i = 0; i < arguments.size();) {
    const QString argument = arguments[i];
    QString name, value;
    for (const QString& candidate : names) {
      if (argument == candidate) {
        if (i + 1 >= arguments.size() || arguments[i + 1].isEmpty()) {
          if (error) *error = QStringLiteral("%1 needs %2").arg(candidate, valueNoun);
          return false;
        }
        name = candidate;
        value = arguments[i + 1];
        arguments.remove(i, 2);
      } else if (argument.startsWith(candidate + QLatin1Char('='))) {
        name = candidate;
        value = argument.mid(candidate.size() + 1);
        arguments.remove(i);
      }
      if (!name.isEmpty()) break;
    }
    if (name.isEmpty())
      ++i;
    else
      take(name, value);
  }
  return true;
}

bool takeCommonOptions(QStringList& arguments, CommonOptions& options, QString* error) {
  return takeValueOptions(
      arguments, {QStringLiteral("--geodata"), QStringLiteral("--data")},
      [&](const QString& name, const QString& value) {
        if (name == QLatin1String("--data"))
          options.dataPaths << value;
        else
          options.geodataPath = value;
      },
      error, QStringLiteral("a file"));
}

std::optional<int> startCommand(const QString& command, const QStringList& arguments, QCommandLineParser& parser,
                                const QString& help, bool positionalAllowed, CommonOptions& common, QTextStream& out,
                                QTextStream& err) {
  const QString prefix = programName() + QLatin1Char(' ') + command + QStringLiteral(": ");
  QStringList args = arguments;
  QString error;
  if (!takeCommonOptions(args, common, &error)) {
    err << prefix << error << "\n";
    return ExitUsage;
  }
  const QCommandLineOption helpOption(QStringList{QStringLiteral("h"), QStringLiteral("help")});
  parser.addOption(helpOption);
  if (!parser.parse(QStringList{programName()} + args)) {
    err << prefix << parser.errorText() << "\n" << help;
    return ExitUsage;
  }
  if (parser.isSet(helpOption)) {
    out << help;
    return ExitSuccess;
  }
  if (!positionalAllowed && !parser.positionalArguments().isEmpty()) {
    err << prefix << "unexpected argument '" << parser.positionalArguments().first() << "'\n";
    return ExitUsage;
  }
  return std::nullopt;
}

std::optional<Gazetteer> loadGazetteer(const CommonOptions& options, QString* error) {
  std::string readError;
  auto baseMap = readBaseMap(geodataPath(options.geodataPath).toStdString(), &readError);
  if (!baseMap) {
    if (error) *error = QString::fromStdString(readError);
    return std::nullopt;
  }
  return std::optional<Gazetteer>(std::in_place, std::move(baseMap->places));
}

} // namespace sv
