#include "application.h"
#include "commandline.h"
#include "geodatalocator.h"
#include "timeoptions.h"

#include "render/decorations.h"
#include "render/maprenderer.h"

#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QImageWriter>
#include <QTextStream>

namespace sv {
namespace {

QString exportHelp() {
  return QStringLiteral(
             "Usage: %1 export -o FILE.png [--size WxH] [time options] [--data FILE] [--geodata FILE]\n"
             "\n"
             "Renders the map of Mali as the window shows it, without a display.\n"
             "\n"
             "  -o, --output FILE  the image to write (PNG)\n"
             "  --size WxH         its size in pixels (default 1920x1080; 16 to 16384 each way)\n"
             "  --data FILE        draw the incidents of this dataset instead of the bundled one\n"
             "\n"
             "%2")
      .arg(programName(), TimeOptions::helpText());
}

// Checks what can be checked before rendering, so that a bad path fails fast.
QString outputProblem(const QString& path) {
  const QFileInfo file(path);
  if (file.suffix().compare(QLatin1String("png"), Qt::CaseInsensitive) != 0) {
    return QStringLiteral("cannot write '%1': only .png is supported").arg(path);
  }
  if (file.isDir()) return QStringLiteral("cannot write '%1': it is a directory").arg(path);
  const QFileInfo directory(file.absolutePath());
  if (!directory.exists()) {
    return QStringLiteral("cannot write '%1': directory '%2' does not exist").arg(path, directory.filePath());
  }
  if (!directory.isWritable() || (file.exists() && !file.isWritable())) {
    return QStringLiteral("cannot write '%1': permission denied").arg(path);
  }
  return {};
}

} // namespace

int runExportCommand(const QStringList& arguments, QTextStream& out, QTextStream& err) {
  CommonOptions common;
  QCommandLineParser parser;
  const QCommandLineOption outputOption(QStringList{QStringLiteral("o"), QStringLiteral("output")}, QString(), QStringLiteral("file"));
  const QCommandLineOption sizeOption(QStringLiteral("size"), QString(), QStringLiteral("WxH"), QStringLiteral("1920x1080"));
  parser.addOptions({outputOption, sizeOption});
  TimeOptions time;
  time.addTo(parser);
  if (auto done = startCommand(QStringLiteral("export"), arguments, parser, exportHelp(), false, common, out, err)) return *done;
  QString error;
  if (!time.parse(parser, &error)) {
    err << programName() << " export: " << error << "\n";
    return ExitUsage;
  }
  const QString outputPath = parser.value(outputOption);
  if (outputPath.isEmpty()) {
    err << programName() << " export: -o FILE.png is needed\n" << exportHelp();
    return ExitUsage;
  }
  const auto size = parseImageSize(parser.value(sizeOption));
  if (!size) {
    err << programName() << " export: bad --size '" << parser.value(sizeOption)
        << "': expected WIDTHxHEIGHT in pixels, each from 16 to 16384, e.g. 1920x1080\n";
    return ExitUsage;
  }
  if (const QString problem = outputProblem(outputPath); !problem.isEmpty()) {
    err << programName() << " export: " << problem << "\n";
    return ExitFailure;
  }

  auto context = loadMapContext(geodataPath(common.geodataPath), &error);
  if (!context || !loadIncidents(*context, incidentsPath(common.dataPath), &error)) {
    err << programName() << " export: " << error << "\n";
    return ExitFailure;
  }
  for (const QString& problem : context->incidentProblems) err << problem << "\n";

  RenderRequest request;
  request.settings.setOutputSize(*size);
  request.settings.setDevicePixelRatio(1.0);
  request.settings.zoomToExtent(context->baseMap->maliExtent());
  request.baseMap = context->baseMap;
  request.scaleBar = computeScaleBar(request.settings, context->projection);
  request.incidents = context->incidents;
  const EventStore& store = context->incidents->store();
  const DayRange range = time.range(store.firstDay(), store.lastDay());
  request.incidentView = {range.from, range.to, {}};
  request.dateLabel = QString::fromStdString(formatRangeLabel(range));
  const QImage image = composeLayers(renderMap(request));

  QImageWriter writer(outputPath, "png");
  if (!writer.write(image)) {
    err << programName() << " export: cannot write '" << outputPath << "': " << writer.errorString() << "\n";
    return ExitFailure;
  }
  out << "wrote " << QDir::toNativeSeparators(outputPath) << " (" << size->width() << "x" << size->height() << ")\n";
  return ExitSuccess;
}

} // namespace sv
