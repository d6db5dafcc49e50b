// Map compositions: one layout for the preview, PNG, SVG, PDF and animation
// frames; and the export command that writes them without a display.
#include "app/appdata.h"
#include "app/viewerprocess.h"
#include "cli/compositionoptions.h"
#include "export/animation.h"
#include "export/briefing.h"
#include "export/compositionwriter.h"

#include "domain/placehistory.h"

#include <QDir>
#include <QFileInfo>
#include <QImage>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QXmlStreamReader>

#include <gtest/gtest.h>

#include <sys/stat.h>

namespace sv {
namespace {

using test::runViewer;
using test::ViewerRun;

DayNumber day(const char* iso) { return *parseIsoDate(iso); }

using test::bundledContext;

// The texts of an SVG's <text> elements, through an XML parser.
QStringList svgTexts(const QString& path) {
  QFile file(path);
  EXPECT_TRUE(file.open(QIODevice::ReadOnly));
  QXmlStreamReader xml(&file);
  QStringList texts;
  while (!xml.atEnd()) {
    if (xml.readNext() == QXmlStreamReader::StartElement && xml.name() == QLatin1String("text"))
      texts << xml.readElementText(QXmlStreamReader::IncludeChildElements).simplified();
  }
  EXPECT_FALSE(xml.hasError()) << xml.errorString().toStdString();
  return texts;
}

// The event types of the incidents in the range: what the legend must list.
QStringList typesInRange(DayRange range) {
  const EventStore& store = bundledContext().incidents->store();
  QSet<int> types;
  for (EventStore::Index i : store.overlapping(range.from, range.to)) types.insert(static_cast<int>(store.type(i)));
  QStringList names;
  for (int t = 0; t < kEventTypeCount; ++t)
    if (types.contains(t)) names << QString::fromUtf8(eventTypeName(static_cast<EventType>(t)).data());
  return names;
}

TEST(Composition, SameSettingsGiveIdenticalPixelsTwice) {
  const DayRange range{day("2020-10-04"), day("2020-10-31")};
  const CompositionContent content =
      compositionFor(bundledContext(), range, {}, bundledContext().baseMap->maliExtent());
  const PageFormat format{QSize(1280, 720), 96.0};
  const QImage first = renderCompositionImage(format, content);
  const QImage second = renderCompositionImage(format, content);
  ASSERT_EQ(first.size(), QSize(1280, 720));
  EXPECT_TRUE(first == second);
}

// Exports replace the old file whole: written beside it, then renamed over
// it (a new inode), so that a failure or a kill midway leaves the old one.
// They once wrote in place, and a killed export left a truncated file.
TEST(Composition, EveryExportReplacesTheOldFileByARename) {
  QTemporaryDir dir;
  const DayRange range{day("2020-10-04"), day("2020-10-31")};
  const CompositionContent content =
      compositionFor(bundledContext(), range, {}, bundledContext().baseMap->maliExtent());
  const PageFormat format{QSize(480, 270), 96.0};
  const auto inode = [](const QString& path) {
    struct stat status {};
    return ::stat(QFile::encodeName(path).constData(), &status) == 0 ? status.st_ino : ino_t{0};
  };
  for (const char* name : {"map.png", "map.svg", "map.pdf", "brief.pdf"}) {
    const QString path = dir.filePath(QLatin1String(name));
    QFile old(path);
    ASSERT_TRUE(old.open(QIODevice::WriteOnly));
    old.write("the previous export");
    old.close();
    const ino_t before = inode(path);
    ASSERT_NE(before, ino_t{0});
    QString error;
    const bool written = QLatin1String(name) == QLatin1String("brief.pdf")
                             ? writeBriefing(path, format, content, nullptr, &error)
                             : writeComposition(path, *outputKindOf(path), format, content, &error);
    ASSERT_TRUE(written) << name << ": " << error.toStdString();
    EXPECT_NE(inode(path), before) << name << " was written in place";
    QFile replaced(path);
    ASSERT_TRUE(replaced.open(QIODevice::ReadOnly));
    EXPECT_FALSE(replaced.readAll().startsWith("the previous export")) << name;
  }
  // Nothing is left beside them.
  EXPECT_EQ(QDir(dir.path()).entryList(QDir::Files).size(), 4)
      << QDir(dir.path()).entryList(QDir::Files).join(' ').toStdString();
}

TEST(Composition, LegendListsExactlyTheTypesDrawn) {
  const DayRange range{day("2020-10-04"), day("2020-10-31")};
  ComposedPage page;
  renderCompositionImage({QSize(1280, 720), 96.0},
                         compositionFor(bundledContext(), range, {}, bundledContext().baseMap->maliExtent()), &page);
  ASSERT_TRUE(page.drawn);
  QStringList drawnTypes;
  for (int t = 0; t < kEventTypeCount; ++t)
    if (page.drawn->typesShown & IncidentFilter::typeBit(static_cast<EventType>(t)))
      drawnTypes << QString::fromUtf8(eventTypeName(static_cast<EventType>(t)).data());
  EXPECT_EQ(drawnTypes, typesInRange(range));
  EXPECT_FALSE(drawnTypes.contains(QStringLiteral("Riots"))) << "no riot in October 2020";
}

TEST(Composition, PresetsHaveTheirPhysicalSizes) {
  const auto a4 = findPagePreset(QStringLiteral("a4-portrait"));
  ASSERT_TRUE(a4);
  EXPECT_EQ(a4->format.pixels, QSize(2480, 3508)) << "210 x 297 mm at 300 dpi";
  EXPECT_NEAR(a4->format.millimetres().width(), 210.0, 0.1);
  EXPECT_NEAR(a4->format.logicalSize().height(), 1122.6, 0.5);
  EXPECT_EQ(findPagePreset(QStringLiteral("A3-LANDSCAPE"))->format.pixels, QSize(4961, 3508));
  EXPECT_EQ(findPagePreset(QStringLiteral("slide-4k"))->format.pixels, QSize(3840, 2160));
  EXPECT_FALSE(findPagePreset(QStringLiteral("letter")));
  // Text keeps its physical size: the 4K slide lays out like the 1080p one.
  const CompositionContent content;
  const auto slide = layoutComposition(findPagePreset(QStringLiteral("slide"))->format.logicalSize(), content);
  const auto slide4k = layoutComposition(findPagePreset(QStringLiteral("slide-4k"))->format.logicalSize(), content);
  EXPECT_EQ(slide.map, slide4k.map);
}

TEST(Composition, DescribesTheFilterInWords) {
  const EventStore& store = bundledContext().incidents->store();
  EXPECT_EQ(describeFilter(store, {}), QStringLiteral("all incidents"));
  IncidentFilter filter;
  filter.types = IncidentFilter::typeBit(EventType::Battles) | IncidentFilter::typeBit(EventType::Riots);
  filter.minFatalities = 5;
  filter.civilianTargeting = true;
  EXPECT_EQ(describeFilter(store, filter), QStringLiteral("Battles, Riots; at least 5 fatalities; civilians targeted"));
}

TEST(ExportCommand, PdfIsVectorWithTitleRangeAndLegendAsText) {
  QTemporaryDir dir;
  const QString path = dir.filePath(QStringLiteral("brief.pdf"));
  const ViewerRun run =
      runViewer({QStringLiteral("export"), QStringLiteral("-o"), path, QStringLiteral("--preset"),
                 QStringLiteral("a4-landscape"), QStringLiteral("--title"), QStringLiteral("Siege of Farabougou"),
                 QStringLiteral("--at"), QStringLiteral("2020-10-31"), QStringLiteral("--mode"),
                 QStringLiteral("window"), QStringLiteral("--window"), QStringLiteral("4w")});
  ASSERT_EQ(run.exitCode, 0) << run.err.toStdString();
  ASSERT_FALSE(QStandardPaths::findExecutable(QStringLiteral("pdftotext")).isEmpty())
      << "scripts/setup installs poppler-utils";
  const QString text = test::pdfText(path);
  EXPECT_TRUE(text.contains(QStringLiteral("Siege of Farabougou")));
  EXPECT_TRUE(text.contains(QStringLiteral("4\u201331 Oct 2020"))) << text.left(400).toStdString();
  for (const QString& type : typesInRange({day("2020-10-04"), day("2020-10-31")}))
    EXPECT_TRUE(text.contains(type + QStringLiteral(" ("))) << type.toStdString();
  EXPECT_FALSE(text.contains(QStringLiteral("Riots (")));
  EXPECT_TRUE(text.contains(QStringLiteral("Natural Earth")));
  EXPECT_TRUE(text.contains(QStringLiteral("geoBoundaries")));
}

TEST(ExportCommand, SvgKeepsTextAsTextAndTheLegendMatches) {
  QTemporaryDir dir;
  const QString path = dir.filePath(QStringLiteral("map.svg"));
  const ViewerRun run =
      runViewer({QStringLiteral("export"), QStringLiteral("-o"), path, QStringLiteral("--preset"),
                 QStringLiteral("slide"), QStringLiteral("--type"), QStringLiteral("Battles,Protests")});
  ASSERT_EQ(run.exitCode, 0) << run.err.toStdString();
  const QStringList texts = svgTexts(path);
  EXPECT_TRUE(texts.contains(QStringLiteral("Incidents shown")));
  const auto legend = texts.filter(QRegularExpression(QStringLiteral("^[A-Z][a-z ]+ \\(\\d+\\)$")));
  QStringList names;
  for (const QString& entry : legend) names << entry.section(QStringLiteral(" ("), 0, 0);
  EXPECT_EQ(names, (QStringList{QStringLiteral("Battles"), QStringLiteral("Protests")}));
  EXPECT_TRUE(texts.join(QLatin1Char('\n')).contains(QStringLiteral("Battles, Protests"))) << "the filter in words";
}

TEST(ExportCommand, A4At300DpiHasItsPixelSizeAndAPlaceView) {
  QTemporaryDir dir;
  const QString path = dir.filePath(QStringLiteral("a4.png"));
  const ViewerRun run = runViewer({QStringLiteral("export"), QStringLiteral("-o"), path, QStringLiteral("--preset"),
                                   QStringLiteral("a4-portrait"), QStringLiteral("--place"),
                                   QStringLiteral("Farabougou"), QStringLiteral("--radius"), QStringLiteral("40")});
  ASSERT_EQ(run.exitCode, 0) << run.err.toStdString();
  const QImage image(path);
  EXPECT_EQ(image.size(), QSize(2480, 3508));
  EXPECT_NEAR(image.dotsPerMeterX() * 0.0254, 300.0, 0.5);
}

TEST(ExportCommand, RejectsBadPageViewAndFilterOptions) {
  QTemporaryDir dir;
  const QString png = dir.filePath(QStringLiteral("a.png"));
  const auto exitOf = [&](QStringList extra, const char* expected) {
    const ViewerRun run = runViewer(QStringList{QStringLiteral("export"), QStringLiteral("-o"), png} + extra);
    EXPECT_TRUE(run.err.contains(QString::fromUtf8(expected))) << run.err.toStdString();
    return run.exitCode;
  };
  EXPECT_EQ(exitOf({QStringLiteral("--preset"), QStringLiteral("letter")}, "unknown --preset 'letter'"), 2);
  EXPECT_EQ(
      exitOf({QStringLiteral("--preset"), QStringLiteral("slide"), QStringLiteral("--size"), QStringLiteral("800x600")},
             "not both"),
      2);
  EXPECT_EQ(exitOf({QStringLiteral("--dpi"), QStringLiteral("5")}, "bad --dpi '5'"), 2);
  EXPECT_EQ(
      exitOf({QStringLiteral("--size"), QStringLiteral("300x300"), QStringLiteral("--dpi"), QStringLiteral("600")},
             "too small"),
      2);
  EXPECT_EQ(exitOf({QStringLiteral("--bbox"), QStringLiteral("-5,15,-6,14")}, "bad --bbox"), 2);
  EXPECT_EQ(exitOf({QStringLiteral("--place"), QStringLiteral("Qwxyzzz")}, "unknown --place 'Qwxyzzz'"), 2);
  EXPECT_EQ(exitOf({QStringLiteral("--radius"), QStringLiteral("20")}, "--radius goes with --place"), 2);
  EXPECT_EQ(exitOf({QStringLiteral("--actor"), QStringLiteral("Nobody At All")}, "unknown --actor 'Nobody At All'"), 2);
  EXPECT_EQ(exitOf({QStringLiteral("--region"), QStringLiteral("Atlantis")}, "unknown --region 'Atlantis'"), 2);
  EXPECT_EQ(exitOf({QStringLiteral("--civilians"), QStringLiteral("maybe")}, "bad --civilians"), 2);
  EXPECT_FALSE(QFile::exists(png));
}

} // namespace
} // namespace sv

namespace sv {
namespace {

using test::bundledContext;

QStringList frameFiles(const QString& directory) {
  return QDir(directory).entryList({QStringLiteral("frame-*.png")}, QDir::Files, QDir::Name);
}

QStringList animateArguments(const QString& output, QStringList extra) {
  return QStringList{QStringLiteral("animate"), QStringLiteral("-o"), output, QStringLiteral("--size"),
                     QStringLiteral("320x240")} +
         extra;
}

TEST(AnimatePlan, FramesFollowTheStepWindowAndSkipEmpty) {
  const EventStore& store = bundledContext().incidents->store();
  AnimationSettings settings;
  settings.from = day("2020-10-01");
  settings.to = day("2020-11-15");
  settings.step = {1, TimeUnit::Day};
  settings.window = TimeLength{7, TimeUnit::Day};
  const auto frames = planAnimation(store, settings);
  ASSERT_EQ(frames.size(), 46u);
  EXPECT_EQ(frames.front().range, (DayRange{day("2020-09-25"), day("2020-10-01")}));
  EXPECT_EQ(frames.back().range, (DayRange{day("2020-11-09"), day("2020-11-15")}));
  // Skipping empty steps leaves exactly the days with an incident (2020 is
  // covered by year-precision records; mid-2024 is not).
  settings.window.reset();
  settings.skipEmpty = true;
  settings.from = day("2024-06-01");
  settings.to = day("2024-10-31");
  std::size_t busyDays = 0;
  for (DayNumber d = settings.from; d <= settings.to; ++d) busyDays += store.anyOverlapping(d, d) ? 1 : 0;
  const auto busy = planAnimation(store, settings);
  EXPECT_EQ(busy.size(), busyDays);
  EXPECT_GT(busy.size(), 0u);
  EXPECT_LT(busy.size(), 153u);
  for (const AnimationFrame& frame : busy) EXPECT_TRUE(store.anyOverlapping(frame.range.from, frame.range.to));
  // Cumulative frames all start at the data's first day.
  settings.skipEmpty = false;
  settings.cumulative = true;
  for (const AnimationFrame& frame : planAnimation(store, settings)) EXPECT_EQ(frame.range.from, store.firstDay());
}

TEST(AnimatePlan, WithoutAViewTheFramesFitTheIncidentsLocatedToACercle) {
  const MapContext& context = bundledContext();
  AnimationSettings settings;
  settings.from = day("2020-10-01");
  settings.to = day("2020-11-15");
  settings.step = {1, TimeUnit::Day};
  settings.window = TimeLength{7, TimeUnit::Day};
  const auto frames = planAnimation(context.incidents->store(), settings);
  const QRectF mali = context.baseMap->maliExtent();
  const QRectF extent = animationExtent(*context.incidents, frames, settings.filter, mali);
  const auto at = [&](double lon, double lat) {
    const Point2 p = context.projection.forward({lon, lat});
    return QPointF(p.x, p.y);
  };
  // The siege's villages are in view; the country-wide record's nominal
  // point (Bamako) and the "central Mali" one do not widen it.
  EXPECT_TRUE(extent.contains(at(-6.1414, 14.8921)));   // Farabougou
  EXPECT_TRUE(extent.contains(at(-6.0182, 14.8059)));   // Dogofry
  EXPECT_FALSE(extent.contains(at(-8.0, 12.65)));       // Bamako
  EXPECT_FALSE(extent.contains(at(-4.18296, 14.4843))); // "central Mali"
  EXPECT_GE(extent.width(), 150000.0);
  EXPECT_LT(extent.width(), mali.width() / 4);
  // Nothing under the filter: the fallback.
  IncidentFilter none;
  none.minFatalities = 100000;
  EXPECT_EQ(animationExtent(*context.incidents, frames, none, mali), mali);
}

TEST(AnimateCommand, WritesExactlyTheFramesOfTheRangeAndReplacesOldOnes) {
  QTemporaryDir dir;
  const QString frames = dir.filePath(QStringLiteral("frames"));
  QDir().mkpath(frames);
  QFile stale(QDir(frames).filePath(QStringLiteral("frame-00099.png")));
  ASSERT_TRUE(stale.open(QIODevice::WriteOnly));
  stale.close();
  const ViewerRun run = runViewer(animateArguments(
      frames,
      {QStringLiteral("--from"), QStringLiteral("2020-10-01"), QStringLiteral("--to"), QStringLiteral("2020-10-21"),
       QStringLiteral("--step"), QStringLiteral("1w"), QStringLiteral("--window"), QStringLiteral("7d")}));
  ASSERT_EQ(run.exitCode, 0) << run.err.toStdString();
  EXPECT_EQ(frameFiles(frames), (QStringList{QStringLiteral("frame-00001.png"), QStringLiteral("frame-00002.png"),
                                             QStringLiteral("frame-00003.png")}));
  EXPECT_TRUE(run.err.contains(QStringLiteral("frame 1/3  25 Sep \u2013 1 Oct 2020")));
  EXPECT_TRUE(run.err.contains(QStringLiteral("frame 3/3  9\u201315 Oct 2020")));
  const QImage first(QDir(frames).filePath(QStringLiteral("frame-00001.png")));
  EXPECT_EQ(first.size(), QSize(320, 240));
  // Each frame is a whole composition: it matches the single export of its
  // range, in the view fitted to the frames' incidents.
  AnimationSettings settings;
  settings.from = day("2020-10-01");
  settings.to = day("2020-10-21");
  settings.step = {1, TimeUnit::Week};
  settings.window = TimeLength{7, TimeUnit::Day};
  const QRectF fitted =
      animationExtent(*bundledContext().incidents, planAnimation(bundledContext().incidents->store(), settings), {},
                      bundledContext().baseMap->maliExtent());
  const CompositionContent content =
      compositionFor(bundledContext(), {day("2020-09-25"), day("2020-10-01")}, {}, fitted);
  EXPECT_TRUE(first.convertToFormat(QImage::Format_ARGB32) ==
              renderCompositionImage({QSize(320, 240), 96.0}, content).convertToFormat(QImage::Format_ARGB32));

  const ViewerRun skipping = runViewer(animateArguments(
      frames,
      {QStringLiteral("--from"), QStringLiteral("2023-01-01"), QStringLiteral("--to"), QStringLiteral("2023-12-31"),
       QStringLiteral("--step"), QStringLiteral("1m"), QStringLiteral("--skip-empty")}));
  EXPECT_EQ(skipping.exitCode, 1) << "2023 has no incident in the bundled data";
  EXPECT_TRUE(skipping.err.contains(QStringLiteral("no frames")));
}

TEST(AnimateCommand, EncodesVideoWithFfmpegAndKeepsFramesWithoutIt) {
  QTemporaryDir dir;
  const QStringList range{QStringLiteral("--from"),     QStringLiteral("2020-10-01"), QStringLiteral("--to"),
                          QStringLiteral("2020-10-05"), QStringLiteral("--step"),     QStringLiteral("1d")};
  QProcessEnvironment noFfmpeg;
  noFfmpeg.insert(QStringLiteral("SITUATION_VIEWER_FFMPEG"), dir.filePath(QStringLiteral("no-ffmpeg-here")));
  const ViewerRun missing = runViewer(animateArguments(dir.filePath(QStringLiteral("siege.mp4")), range), noFfmpeg);
  EXPECT_EQ(missing.exitCode, 1);
  EXPECT_TRUE(missing.err.contains(QStringLiteral("ffmpeg is not installed"))) << missing.err.toStdString();
  EXPECT_EQ(frameFiles(dir.filePath(QStringLiteral("siege-frames"))).size(), 5);
  EXPECT_FALSE(QFile::exists(dir.filePath(QStringLiteral("siege.mp4"))));

  const QString ffprobe = QStandardPaths::findExecutable(QStringLiteral("ffprobe"));
  ASSERT_FALSE(findFfmpeg().isEmpty() || ffprobe.isEmpty()) << "scripts/setup installs ffmpeg";
  for (const QString& name : {QStringLiteral("siege.mp4"), QStringLiteral("siege.gif")}) {
    const QString video = dir.filePath(name);
    // A previous video of that name is replaced whole, by a rename.
    QFile old(video);
    ASSERT_TRUE(old.open(QIODevice::WriteOnly));
    old.write("the previous video");
    old.close();
    struct stat before {};
    ASSERT_EQ(::stat(QFile::encodeName(video).constData(), &before), 0);
    const ViewerRun run =
        runViewer(animateArguments(video, range + QStringList{QStringLiteral("--fps"), QStringLiteral("2")}));
    ASSERT_EQ(run.exitCode, 0) << run.err.toStdString();
    QProcess probe;
    probe.start(ffprobe, {QStringLiteral("-v"), QStringLiteral("error"), QStringLiteral("-count_frames"),
                          QStringLiteral("-select_streams"), QStringLiteral("v:0"), QStringLiteral("-show_entries"),
                          QStringLiteral("stream=nb_read_frames,width,height"), QStringLiteral("-of"),
                          QStringLiteral("csv=p=0"), video});
    ASSERT_TRUE(probe.waitForFinished(60000));
    EXPECT_EQ(QString::fromUtf8(probe.readAllStandardOutput()).trimmed(), QStringLiteral("320,240,5"))
        << name.toStdString();
    struct stat after {};
    ASSERT_EQ(::stat(QFile::encodeName(video).constData(), &after), 0);
    EXPECT_NE(after.st_ino, before.st_ino) << name.toStdString() << " was encoded in place";
  }
  EXPECT_TRUE(QDir(dir.path()).entryList({QStringLiteral(".*.partial.*")}, QDir::Files | QDir::Hidden).isEmpty());
}

// Frames go to ffmpeg as they are drawn, in order, and a cancel stops the
// encoding at once: the previous video stays whole and nothing is left over.
TEST(AnimateCommand, StreamsFramesInOrderAndACancelStopsAtOnce) {
  ASSERT_FALSE(findFfmpeg().isEmpty()) << "scripts/setup installs ffmpeg";
  AnimationSettings settings;
  settings.from = day("2020-10-01");
  settings.to = day("2020-10-30");
  settings.step = {1, TimeUnit::Day};
  const auto frames = planAnimation(bundledContext().incidents->store(), settings);
  ASSERT_EQ(frames.size(), 30u);
  QTemporaryDir dir;
  const QString video = dir.filePath(QStringLiteral("siege.mp4"));
  QFile old(video);
  ASSERT_TRUE(old.open(QIODevice::WriteOnly));
  old.write("the previous video");
  old.close();

  std::vector<int> done;
  const AnimationResult cancelled = exportAnimation(
      bundledContext(), frames, settings, {QSize(320, 240), 96.0}, bundledContext().baseMap->maliExtent(), {}, video, 4,
      [&](int frame, int total, const AnimationFrame& shown) {
        EXPECT_EQ(total, 30);
        EXPECT_EQ(shown.cursor, frames[static_cast<std::size_t>(frame - 1)].cursor) << "frames arrive in order";
        done.push_back(frame);
        return frame < 3;
      });
  EXPECT_FALSE(cancelled.ok);
  EXPECT_TRUE(cancelled.cancelled);
  EXPECT_EQ(done, (std::vector<int>{1, 2, 3})) << "no frame is reported after the cancel";
  EXPECT_TRUE(cancelled.message.contains(QStringLiteral("cancelled after 3 of 30 frames")))
      << cancelled.message.toStdString();
  ASSERT_TRUE(old.open(QIODevice::ReadOnly));
  EXPECT_EQ(old.readAll(), QByteArray("the previous video"));
  old.close();
  EXPECT_TRUE(QDir(dir.path()).entryList({QStringLiteral(".*.partial.*")}, QDir::Files | QDir::Hidden).isEmpty());

  done.clear();
  const AnimationResult whole =
      exportAnimation(bundledContext(), frames, settings, {QSize(320, 240), 96.0},
                      bundledContext().baseMap->maliExtent(), {}, video, 4, [&](int frame, int, const AnimationFrame&) {
                        done.push_back(frame);
                        return true;
                      });
  ASSERT_TRUE(whole.ok) << whole.message.toStdString();
  ASSERT_EQ(done.size(), 30u);
  for (std::size_t k = 0; k < done.size(); ++k) EXPECT_EQ(done[k], static_cast<int>(k + 1));
  EXPECT_GT(QFileInfo(video).size(), 1000);
}

TEST(AnimateCommand, RejectsBadOptions) {
  QTemporaryDir dir;
  const QString out = dir.filePath(QStringLiteral("frames"));
  const auto run = [&](QStringList extra) { return runViewer(animateArguments(out, extra)); };
  const QStringList range{QStringLiteral("--from"), QStringLiteral("2020-10-01"), QStringLiteral("--to"),
                          QStringLiteral("2020-10-05")};
  EXPECT_EQ(run({QStringLiteral("--from"), QStringLiteral("2020-10-01")}).exitCode, 2);
  EXPECT_EQ(run(range + QStringList{QStringLiteral("--step"), QStringLiteral("fortnight")}).exitCode, 2);
  EXPECT_EQ(run(range + QStringList{QStringLiteral("--window"), QStringLiteral("7d"), QStringLiteral("--cumulative")})
                .exitCode,
            2);
  EXPECT_EQ(run(range + QStringList{QStringLiteral("--fps"), QStringLiteral("0")}).exitCode, 2);
  EXPECT_EQ(run({QStringLiteral("--from"), QStringLiteral("2020-10-05"), QStringLiteral("--to"),
                 QStringLiteral("2020-10-01")})
                .exitCode,
            2);
  const ViewerRun badFile = runViewer(
      QStringList{QStringLiteral("animate"), QStringLiteral("-o"), dir.filePath(QStringLiteral("a.avi"))} + range);
  EXPECT_EQ(badFile.exitCode, 2);
  EXPECT_TRUE(badFile.err.contains(QStringLiteral("a.avi")));
  const ViewerRun noFolder = runViewer(
      QStringList{QStringLiteral("animate"), QStringLiteral("-o"), QStringLiteral("/nonexistent-dir/a.mp4")} + range);
  EXPECT_EQ(noFolder.exitCode, 1);
  EXPECT_TRUE(noFolder.err.contains(QStringLiteral("does not exist")));
}

} // namespace
} // namespace sv

namespace sv {
namespace {

using test::bundledContext;

// Every record id of Farabougou's history (23 incidents and the siege made of six of them) occurs in `text`.
void expectFarabougouHistoryIn(const QString& text) {
  const EventStore& store = bundledContext().incidents->store();
  const auto place = resolveHistoryPlace(bundledContext().baseMap->gazetteer(), store, "Farabougou");
  const PlaceHistory history = placeHistory(store, place.place);
  ASSERT_EQ(history.entries.size(), 24u);
  EXPECT_EQ(history.summary.incidents, 23u);
  EXPECT_EQ(history.summary.aggregates, 1u);
  for (const HistoryEntry& e : history.entries)
    EXPECT_TRUE(
        text.contains(QString::fromUtf8(store.id(e.index).data(), static_cast<qsizetype>(store.id(e.index).size()))))
        << store.id(e.index);
}

TEST(BriefCommand, MapPageThenEveryIncidentShownWithSources) {
  QTemporaryDir dir;
  const QString path = dir.filePath(QStringLiteral("brief.pdf"));
  const ViewerRun run = runViewer({QStringLiteral("brief"), QStringLiteral("-o"), path, QStringLiteral("--at"),
                                   QStringLiteral("2020-10-31"), QStringLiteral("--mode"), QStringLiteral("window"),
                                   QStringLiteral("--window"), QStringLiteral("4w")});
  ASSERT_EQ(run.exitCode, 0) << run.err.toStdString();
  const QString text = test::pdfText(path);
  const EventStore& store = bundledContext().incidents->store();
  const auto shown = store.overlapping(day("2020-10-04"), day("2020-10-31"));
  ASSERT_FALSE(shown.empty());
  for (EventStore::Index i : shown)
    EXPECT_TRUE(text.contains(QString::fromUtf8(store.id(i).data(), static_cast<qsizetype>(store.id(i).size()))))
        << store.id(i);
  EXPECT_TRUE(text.contains(QStringLiteral("Summary and sources")));
  EXPECT_TRUE(text.contains(QStringLiteral("page 2 of")));
  EXPECT_TRUE(run.out.contains(QStringLiteral("map and %1 incidents").arg(shown.size()))) << run.out.toStdString();
}

TEST(BriefCommand, APlaceSheetListsEveryIncidentOfThePlace) {
  QTemporaryDir dir;
  const QString path = dir.filePath(QStringLiteral("farabougou.pdf"));
  const ViewerRun run = runViewer({QStringLiteral("brief"), QStringLiteral("-o"), path, QStringLiteral("--place"),
                                   QStringLiteral("Farabougou"), QStringLiteral("--radius"), QStringLiteral("5"),
                                   QStringLiteral("--title"), QStringLiteral("Farabougou")});
  ASSERT_EQ(run.exitCode, 0) << run.err.toStdString();
  const QString text = test::pdfText(path);
  expectFarabougouHistoryIn(text);
  EXPECT_EQ(runViewer({QStringLiteral("brief"), QStringLiteral("-o"), dir.filePath(QStringLiteral("x.png"))}).exitCode,
            1);
}

TEST(PlaceSheet, HistoryWritesTheDossierAsAPdfWithEveryIncidentOfThePlace) {
  QTemporaryDir dir;
  const QString path = dir.filePath(QStringLiteral("farabougou.pdf"));
  const ViewerRun run =
      runViewer({QStringLiteral("history"), QStringLiteral("Farabougou"), QStringLiteral("-o"), path});
  ASSERT_EQ(run.exitCode, 0) << run.err.toStdString();
  EXPECT_TRUE(run.out.contains(QStringLiteral("map and 23 incidents of Farabougou"))) << run.out.toStdString();
  const QString text = test::pdfText(path);
  expectFarabougouHistoryIn(text);
  EXPECT_TRUE(text.contains(QStringLiteral("Farabougou \u2014 incident history")));
  EXPECT_TRUE(text.contains(QStringLiteral("Farabougou \u2014 chronology")));
  EXPECT_TRUE(text.contains(QStringLiteral("23 at Farabougou")));
  // Map labels are text once: their halos are outlines, not copies.
  const QString mapPage = text.section(QLatin1Char('\f'), 0, 0);
  EXPECT_EQ(mapPage.count(QStringLiteral("Kourmangoub\u00e9")), 1) << mapPage.toStdString();

  // The file's suffix sets the format; a sheet needs a file.
  const QString markdown = dir.filePath(QStringLiteral("farabougou.md"));
  ASSERT_EQ(
      runViewer({QStringLiteral("history"), QStringLiteral("Farabougou"), QStringLiteral("-o"), markdown}).exitCode, 0);
  QFile file(markdown);
  ASSERT_TRUE(file.open(QIODevice::ReadOnly));
  EXPECT_TRUE(file.readAll().startsWith("# Farabougou\n"));
  EXPECT_EQ(runViewer({QStringLiteral("history"), QStringLiteral("Farabougou"), QStringLiteral("--format"),
                       QStringLiteral("pdf")})
                .exitCode,
            2);
  const ViewerRun missing = runViewer({QStringLiteral("history"), QStringLiteral("Farabougou"), QStringLiteral("-o"),
                                       dir.filePath(QStringLiteral("no/such/dir/f.pdf"))});
  EXPECT_EQ(missing.exitCode, 1);
  EXPECT_TRUE(missing.err.contains(QStringLiteral("its folder does not exist"))) << missing.err.toStdString();
}

} // namespace
} // namespace sv
