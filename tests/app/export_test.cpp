// Map compositions: one layout for the preview, PNG, SVG, PDF and animation
// frames; and the export command that writes them without a display.
#include "app/viewerprocess.h"
#include "compositionoptions.h"
#include "compositionwriter.h"

#include <QImage>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QXmlStreamReader>

#include <gtest/gtest.h>

namespace sv {
namespace {

using test::runViewer;
using test::ViewerRun;

DayNumber day(const char* iso) { return *parseIsoDate(iso); }

const MapContext& bundledContext() {
  static const MapContext context = [] {
    QString error;
    auto loaded = loadMapContext(QStringLiteral(SV_TEST_GEODATA), &error);
    EXPECT_TRUE(loaded) << error.toStdString();
    EXPECT_TRUE(loadIncidents(*loaded, QStringLiteral(SV_TEST_INCIDENTS), &error)) << error.toStdString();
    return std::move(*loaded);
  }();
  return context;
}

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

QString pdfText(const QString& path) {
  QProcess process;
  process.start(QStringLiteral("pdftotext"), {QStringLiteral("-layout"), path, QStringLiteral("-")});
  if (!process.waitForFinished(60000)) return {};
  return QString::fromUtf8(process.readAllStandardOutput());
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
  const CompositionContent content = compositionFor(bundledContext(), range, {}, bundledContext().baseMap->maliExtent());
  const PageFormat format{QSize(1280, 720), 96.0};
  const QImage first = renderCompositionImage(format, content);
  const QImage second = renderCompositionImage(format, content);
  ASSERT_EQ(first.size(), QSize(1280, 720));
  EXPECT_TRUE(first == second);
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
  const ViewerRun run = runViewer({QStringLiteral("export"), QStringLiteral("-o"), path, QStringLiteral("--preset"),
                                   QStringLiteral("a4-landscape"), QStringLiteral("--title"), QStringLiteral("Siege of Farabougou"),
                                   QStringLiteral("--at"), QStringLiteral("2020-10-31"), QStringLiteral("--mode"),
                                   QStringLiteral("window"), QStringLiteral("--window"), QStringLiteral("4w")});
  ASSERT_EQ(run.exitCode, 0) << run.err.toStdString();
  ASSERT_FALSE(QStandardPaths::findExecutable(QStringLiteral("pdftotext")).isEmpty()) << "scripts/setup installs poppler-utils";
  const QString text = pdfText(path);
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
  const ViewerRun run = runViewer({QStringLiteral("export"), QStringLiteral("-o"), path, QStringLiteral("--preset"),
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
                                   QStringLiteral("a4-portrait"), QStringLiteral("--place"), QStringLiteral("Farabougou"),
                                   QStringLiteral("--radius"), QStringLiteral("40")});
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
  EXPECT_EQ(exitOf({QStringLiteral("--preset"), QStringLiteral("slide"), QStringLiteral("--size"), QStringLiteral("800x600")}, "not both"), 2);
  EXPECT_EQ(exitOf({QStringLiteral("--dpi"), QStringLiteral("5")}, "bad --dpi '5'"), 2);
  EXPECT_EQ(exitOf({QStringLiteral("--size"), QStringLiteral("300x300"), QStringLiteral("--dpi"), QStringLiteral("600")}, "too small"), 2);
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
