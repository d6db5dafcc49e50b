#include "cli/commandline.h"
#include "cli/compositionoptions.h"
#include "export/animation.h"
#include "session/geodatalocator.h"
#include "session/mapcontext.h"

#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QTextStream>

namespace sv {
namespace {

QString animateHelp() {
  return QStringLiteral(
             "Usage: %1 animate -o DIR|FILE.mp4|FILE.gif --from DATE --to DATE [--step 1w]\n"
             "                    [--window 30d | --cumulative] [--fps N] [--skip-empty]\n"
             "                    [page options] [filter options] [--data FILE]\n"
             "\n"
             "Renders one full map composition per step from --from to --to, each with its\n"
             "own dates in the title block, and writes them as numbered PNG frames\n"
             "(frame-00001.png ...) in DIR, or encodes them as MP4 or GIF with ffmpeg.\n"
             "\n"
             "  -o, --output OUT   a folder for PNG frames, or a .mp4 or .gif file\n"
             "  --from DATE        the first frame's day (YYYY-MM-DD)\n"
             "  --to DATE          the last day a frame may fall on\n"
             "  --step LENGTH      days, weeks or months between frames: 1d, 1w, 2w, 1m (default 1w)\n"
             "  --window LENGTH    each frame shows the LENGTH ending on its day (30d, 4w, 3m);\n"
             "                     without it each frame shows its own step\n"
             "  --cumulative       each frame shows everything up to its day\n"
             "  --fps N            frames per second of the video (1 to 60, default 4)\n"
             "  --skip-empty       leave out frames with no incident under the filters\n"
             "\n"
             "%2\n%3\n"
             "Without --bbox or --place the view fits every incident the frames show that\n"
             "is located to a cercle or better (records placed only in a region or the\n"
             "country are drawn but do not widen the view), with a margin and at least\n"
             "150 km across; give --bbox -12.3,10.1,4.3,25.1 for the whole of Mali.\n"
             "Progress goes to stderr, one line per frame. MP4 and GIF need ffmpeg (Debian\n"
             "package ffmpeg); without it the frames are kept in a folder beside the output\n"
             "and the exit status is 1.\n")
      .arg(programName(), PageOptions::helpText(), FilterOptions::helpText());
}

} // namespace

int runAnimateCommand(const QStringList& arguments, QTextStream& out, QTextStream& err) {
  const QString prefix = programName() + QStringLiteral(" animate: ");
  CommonOptions common;
  QCommandLineParser parser;
  const QCommandLineOption outputOption(QStringList{QStringLiteral("o"), QStringLiteral("output")}, QString(),
                                        QStringLiteral("out"));
  const QCommandLineOption fromOption(QStringLiteral("from"), QString(), QStringLiteral("date"));
  const QCommandLineOption toOption(QStringLiteral("to"), QString(), QStringLiteral("date"));
  const QCommandLineOption stepOption(QStringLiteral("step"), QString(), QStringLiteral("length"),
                                      QStringLiteral("1w"));
  const QCommandLineOption windowOption(QStringLiteral("window"), QString(), QStringLiteral("length"));
  const QCommandLineOption cumulativeOption(QStringLiteral("cumulative"), QString());
  const QCommandLineOption fpsOption(QStringLiteral("fps"), QString(), QStringLiteral("n"), QStringLiteral("4"));
  const QCommandLineOption skipEmptyOption(QStringLiteral("skip-empty"), QString());
  parser.addOptions(
      {outputOption, fromOption, toOption, stepOption, windowOption, cumulativeOption, fpsOption, skipEmptyOption});
  PageOptions page;
  page.addTo(parser);
  FilterOptions filters;
  filters.addTo(parser);
  if (auto done = startCommand(QStringLiteral("animate"), arguments, parser, animateHelp(), false, common, out, err))
    return *done;

  const auto usage = [&](const QString& message) {
    err << prefix << message << "\n";
    return ExitUsage;
  };
  QString error;
  if (!page.parse(parser, pagePresets().front().format, &error)) return usage(error);
  const QString output = parser.value(outputOption);
  if (output.isEmpty()) return usage(QStringLiteral("-o DIR, FILE.mp4 or FILE.gif is needed"));
  AnimationSettings settings;
  for (const auto& [option, target] : {std::pair{&fromOption, &settings.from}, std::pair{&toOption, &settings.to}}) {
    if (!parser.isSet(*option)) return usage(QStringLiteral("--%1 DATE is needed").arg(option->names().front()));
    const auto day = parseIsoDate(parser.value(*option).toStdString());
    if (!day)
      return usage(QStringLiteral("bad --%1 '%2': expected a date as YYYY-MM-DD")
                       .arg(option->names().front(), parser.value(*option)));
    *target = *day;
  }
  if (settings.to < settings.from) return usage(QStringLiteral("--to is before --from"));
  const auto step = parseTimeLength(parser.value(stepOption).toStdString());
  if (!step)
    return usage(
        QStringLiteral("bad --step '%1': expected a length such as 1d, 2w or 1m").arg(parser.value(stepOption)));
  settings.step = *step;
  if (parser.isSet(windowOption) && parser.isSet(cumulativeOption))
    return usage(QStringLiteral("give --window or --cumulative, not both"));
  if (parser.isSet(windowOption)) {
    const auto window = parseTimeLength(parser.value(windowOption).toStdString());
    if (!window)
      return usage(
          QStringLiteral("bad --window '%1': expected a length such as 7d, 4w or 3m").arg(parser.value(windowOption)));
    settings.window = *window;
  }
  settings.cumulative = parser.isSet(cumulativeOption);
  settings.skipEmpty = parser.isSet(skipEmptyOption);
  bool fpsOk = false;
  const int fps = parser.value(fpsOption).toInt(&fpsOk);
  if (!fpsOk || fps < 1 || fps > 60)
    return usage(QStringLiteral("bad --fps '%1': expected 1 to 60").arg(parser.value(fpsOption)));

  // The output: a folder of frames, or a video file.
  bool wrongKind = false;
  const QString outputProblem = animationOutputProblem(output, &wrongKind);
  if (wrongKind) return usage(outputProblem);
  if (!outputProblem.isEmpty()) {
    err << prefix << outputProblem << "\n";
    return ExitFailure;
  }

  // What a database too large to read whole must give: the frames' days, and
  // the window before the first (cumulative frames start with the data).
  db::Query window;
  window.to = settings.to;
  if (!settings.cumulative) {
    const TimeLength before = settings.window.value_or(settings.step);
    const int unitDays = before.unit == TimeUnit::Day ? 1 : before.unit == TimeUnit::Week ? 7 : 31;
    window.from = settings.from - before.count * unitDays;
  }
  CompositionInputs inputs;
  if (auto failed = loadCompositionInputs(common, parser, filters, page, prefix, err, inputs, window)) return *failed;
  const MapContext* context = &*inputs.context;
  const EventStore& store = context->incidents->store();
  settings.filter = inputs.filter;
  QRectF extent = inputs.extent;

  const std::vector<AnimationFrame> frames = planAnimation(store, settings);
  if (frames.empty()) {
    err << prefix << "no frames: every step from " << parser.value(fromOption) << " to " << parser.value(toOption)
        << " is empty under the filters, and --skip-empty leaves them all out\n";
    return ExitFailure;
  }
  // Without --bbox or --place, the view fits what the frames show.
  if (!page.viewGiven(parser)) extent = animationExtent(*context->incidents, frames, settings.filter, extent);

  // Every frame shows the same view: its tiles are fetched once, first.
  if (!prepareTiles(compositionFor(*context, frames.front().range, settings.filter, extent, page.title(parser)),
                    page.format(), err, &error)) {
    err << prefix << error << "\n";
    return ExitFailure;
  }

  const auto progress = [&](int done, int total, const AnimationFrame& frame) {
    err << "frame " << done << "/" << total << "  " << QString::fromStdString(formatRangeLabel(frame.range)) << "\n";
    err.flush();
    return true;
  };
  const AnimationResult result =
      exportAnimation(*context, frames, settings, page.format(), extent, page.title(parser), output, fps, progress);
  if (!result.ok) {
    err << prefix << result.message << "\n";
    return ExitFailure;
  }
  out << result.message << "\n";
  return ExitSuccess;
}

} // namespace sv
