// Exports from the window, on the fixture dataset: the composition dialog's
// preview is the page it saves and copies; the animation dialog renders on a
// worker with progress and cancel.
#include "app/windowtest.h"
#include "render/images.h"

#include "dialogs/animationdialog.h"
#include "dialogs/compositiondialog.h"
#include "widgets/datasetpanel.h"

#include <QClipboard>
#include <QComboBox>
#include <QDateEdit>
#include <QDir>
#include <QGuiApplication>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QSpinBox>
#include <QTemporaryDir>

namespace sv {
namespace {

DayNumber day(const char* iso) { return *parseIsoDate(iso); }

void showOctober2020(TimeController* time) {
  TimeSelection selection;
  selection.mode = TimeMode::Window;
  selection.cursor = day("2020-10-31");
  selection.window = {4, TimeUnit::Week};
  selection.step = {1, TimeUnit::Day};
  time->setSelection(selection);
}

TEST_F(WindowTest, ExportDialogPreviewIsThePageItSavesAndCopies) {
  showOctober2020(window->timeController());
  waitForRender();
  CompositionDialog* dialog = window->compositionDialog();
  dialog->resize(1000, 600);
  dialog->show();
  ASSERT_TRUE(QTest::qWaitForWindowExposed(dialog));
  // The preview is drawn off the GUI thread, and shown when done.
  QSignalSpy previewed(dialog, &CompositionDialog::previewUpdated);
  dialog->updatePreview();
  EXPECT_TRUE(dialog->isPreviewPending());
  ASSERT_TRUE(previewed.wait(20000));

  // The preview is the composition at the page's logical size, drawn smaller.
  const PageFormat page = dialog->format();
  EXPECT_EQ(page.pixels, QSize(1920, 1080));
  const PageFormat preview = dialog->previewFormat();
  EXPECT_LT(preview.pixels.width(), page.pixels.width());
  EXPECT_NEAR(preview.logicalSize().width(), page.logicalSize().width(), 0.01);
  EXPECT_NEAR(preview.logicalSize().height(), page.logicalSize().height(), 2.0);
  const CompositionContent content = dialog->content();
  EXPECT_EQ(dialog->previewImage(), renderCompositionImage(preview, content));
  EXPECT_EQ(content.subtitle, QStringLiteral("4\u201331 Oct 2020 · all incidents")) << content.subtitle.toStdString();
  EXPECT_EQ(content.title, QStringLiteral("Situation Viewer test fixture")) << "the dataset's title";
  EXPECT_EQ(content.view.from, day("2020-10-04"));
  EXPECT_EQ(content.view.to, day("2020-10-31"));

  // A preset sets the size; an edited size is a custom one.
  QComboBox* presets = dialog->presetChoice();
  presets->setCurrentIndex(presets->findData(QStringLiteral("a4-portrait")));
  EXPECT_EQ(dialog->format().pixels, QSize(2480, 3508));
  EXPECT_EQ(dialog->format().dpi, 300.0);
  dialog->widthEdit()->setValue(2000);
  EXPECT_TRUE(presets->currentData().toString().isEmpty());
  EXPECT_EQ(dialog->format().pixels, QSize(2000, 3508));
  presets->setCurrentIndex(presets->findData(QStringLiteral("square")));
  EXPECT_EQ(dialog->format().pixels, QSize(1080, 1080));
  dialog->titleEdit()->setText(QStringLiteral("Fixture month at Farabougou"));
  EXPECT_EQ(dialog->content().title, QStringLiteral("Fixture month at Farabougou"));

  // Copy: the page at its full size.
  dialog->copyToClipboard();
  const QImage copied = QGuiApplication::clipboard()->image();
  EXPECT_EQ(copied.size(), QSize(1080, 1080));
  EXPECT_EQ(
      copied.convertToFormat(QImage::Format_ARGB32_Premultiplied),
      renderCompositionImage(dialog->format(), dialog->content()).convertToFormat(QImage::Format_ARGB32_Premultiplied));

  // Save: by suffix; a wrong one or a missing folder is said, not written.
  QTemporaryDir dir;
  QString error;
  ASSERT_TRUE(dialog->saveTo(dir.filePath(QStringLiteral("map.svg")), &error)) << error.toStdString();
  QFile svg(dir.filePath(QStringLiteral("map.svg")));
  ASSERT_TRUE(svg.open(QIODevice::ReadOnly));
  const QByteArray svgText = svg.readAll();
  EXPECT_TRUE(svgText.contains("Fixture month at Farabougou"));
  EXPECT_TRUE(svgText.contains("4\u201331 Oct 2020 · all incidents"));
  ASSERT_TRUE(dialog->saveTo(dir.filePath(QStringLiteral("map.png")), &error)) << error.toStdString();
  EXPECT_EQ(QImage(dir.filePath(QStringLiteral("map.png"))).size(), QSize(1080, 1080));
  EXPECT_FALSE(dialog->saveTo(dir.filePath(QStringLiteral("map.txt")), &error));
  EXPECT_TRUE(error.contains(QStringLiteral("map.txt")));
  EXPECT_FALSE(dialog->saveTo(dir.filePath(QStringLiteral("no/such/map.png")), &error));
  ASSERT_TRUE(dialog->saveBriefing(dir.filePath(QStringLiteral("brief.pdf")), &error)) << error.toStdString();
  QFile pdf(dir.filePath(QStringLiteral("brief.pdf")));
  ASSERT_TRUE(pdf.open(QIODevice::ReadOnly));
  EXPECT_TRUE(pdf.read(5).startsWith("%PDF-"));
  // The map page, then the incidents it shows: those of 4-31 Oct 2020, with their sources.
  const QString brief = test::pdfText(dir.filePath(QStringLiteral("brief.pdf")));
  EXPECT_TRUE(brief.contains(QStringLiteral("Fixture month at Farabougou"))) << brief.left(400).toStdString();
  EXPECT_TRUE(brief.contains(QStringLiteral("Summary and sources")));
  for (const QString& id :
       test::idList({"FIX-0002", "FIX-0003", "FIX-0004", "FIX-0005", "FIX-0006", "FIX-0007", "FIX-0008", "FIX-0009"}))
    EXPECT_TRUE(brief.contains(id)) << id.toStdString();
  EXPECT_FALSE(brief.contains(QStringLiteral("FIX-0001"))) << "18 Aug 2020 is outside the range";
  EXPECT_FALSE(brief.contains(QStringLiteral("FIX-0010"))) << "1-10 Nov 2020 is outside the range";
  EXPECT_TRUE(brief.contains(QStringLiteral("Fixture battle at Farabougou, lasting seventeen days.")));
  EXPECT_TRUE(brief.contains(QStringLiteral("Fixture passage.")));
}

QStringList framesIn(const QString& directory) {
  return QDir(directory).entryList({QStringLiteral("frame-*.png")}, QDir::Files, QDir::Name);
}

TEST_F(WindowTest, AnimationDialogWritesEveryFrameWithProgressAndCancels) {
  showOctober2020(window->timeController());
  AnimationDialog* dialog = window->animationDialog();
  dialog->show();
  // Opens on the slider's settings.
  EXPECT_EQ(dialog->toEdit()->date(), QDate(2020, 10, 31));
  EXPECT_EQ(dialog->fromEdit()->date(), QDate(2020, 10, 4));
  ASSERT_TRUE(dialog->settings().window.has_value());
  EXPECT_EQ(*dialog->settings().window, (TimeLength{4, TimeUnit::Week}));

  dialog->fromEdit()->setDate(QDate(2020, 10, 1));
  dialog->toEdit()->setDate(QDate(2020, 10, 15));
  EXPECT_EQ(dialog->plannedFrames(), 15u);
  EXPECT_TRUE(dialog->planLabel()->text().startsWith(QStringLiteral("15 frames")))
      << dialog->planLabel()->text().toStdString();
  QComboBox* presets = dialog->presetChoice();
  presets->setCurrentIndex(presets->findData(QStringLiteral("square")));

  // A wrong output is said before anything runs.
  QTemporaryDir dir;
  dialog->outputEdit()->setText(dir.filePath(QStringLiteral("frames.txt")));
  dialog->start();
  EXPECT_FALSE(dialog->running());
  EXPECT_TRUE(dialog->statusLabel()->text().contains(QStringLiteral("give a folder for PNG frames")));

  const QString frames = dir.filePath(QStringLiteral("frames"));
  dialog->outputEdit()->setText(frames);
  QSignalSpy finished(dialog, &AnimationDialog::exportFinished);
  dialog->start();
  EXPECT_TRUE(dialog->running());
  ASSERT_TRUE(finished.wait(120000));
  EXPECT_TRUE(finished.front().front().toBool()) << dialog->statusLabel()->text().toStdString();
  EXPECT_EQ(framesIn(frames).size(), 15);
  EXPECT_EQ(QImage(QDir(frames).filePath(QStringLiteral("frame-00001.png"))).size(), QSize(1080, 1080));
  EXPECT_EQ(dialog->progressBar()->value(), 15);
  EXPECT_TRUE(dialog->statusLabel()->text().startsWith(QStringLiteral("wrote 15 frames")));

  // Cancel stops after the frame being drawn; what was drawn stays, and says so.
  dialog->toEdit()->setDate(QDate(2020, 11, 15));
  EXPECT_EQ(dialog->plannedFrames(), 46u);
  const QString cancelled = dir.filePath(QStringLiteral("cancelled"));
  dialog->outputEdit()->setText(cancelled);
  finished.clear();
  dialog->start();
  dialog->cancel();
  ASSERT_TRUE(finished.wait(120000));
  EXPECT_FALSE(finished.front().front().toBool());
  EXPECT_TRUE(dialog->lastResult().cancelled);
  const auto written = framesIn(cancelled).size();
  EXPECT_GE(written, 1);
  EXPECT_LT(written, 46);
  EXPECT_TRUE(dialog->statusLabel()->text().startsWith(QStringLiteral("Cancelled")))
      << dialog->statusLabel()->text().toStdString();
  EXPECT_FALSE(dialog->running());
}

// A dataset drawn in one colour is drawn so in an animation from the window,
// as on the map and in the other exports.
TEST_F(WindowTest, AnimationFromTheWindowUsesTheDatasetsColours) {
  const QRgb magenta = qRgb(0xff, 0x00, 0xff); // in no event type's colours nor the base map's
  showOctober2020(window->timeController());
  AnimationDialog* dialog = window->animationDialog();
  dialog->fromEdit()->setDate(QDate(2020, 10, 31));
  dialog->toEdit()->setDate(QDate(2020, 10, 31));
  ASSERT_EQ(dialog->plannedFrames(), 1u);
  QComboBox* presets = dialog->presetChoice();
  presets->setCurrentIndex(presets->findData(QStringLiteral("square")));
  QTemporaryDir dir;
  const auto drawFrame = [&](const QString& name) {
    const QString frames = dir.filePath(name);
    dialog->outputEdit()->setText(frames);
    QSignalSpy finished(dialog, &AnimationDialog::exportFinished);
    dialog->start();
    EXPECT_TRUE(finished.wait(120000));
    return QImage(QDir(frames).filePath(QStringLiteral("frame-00001.png")));
  };
  const QImage byType = drawFrame(QStringLiteral("by-type"));
  ASSERT_FALSE(byType.isNull());
  EXPECT_EQ(test::pixelsOf(byType, magenta), 0);

  window->session().setDatasetColour(0, QColor(magenta));
  const QImage oneColour = drawFrame(QStringLiteral("one-colour"));
  ASSERT_FALSE(oneColour.isNull());
  // The October 2020 symbols at Farabougou and the legend's swatch, in the dataset's colour.
  EXPECT_GT(test::pixelsOf(oneColour, magenta), 200);
}

// The dialogs follow the session: new datasets leave no name of the old
// store in their filter, and hiding a dataset takes it off their pages.
TEST_F(WindowTest, ExportDialogsFollowTheDatasetsOpenedAndShown) {
  const EventStore& fixture = *window->session().store();
  IncidentFilter filter;
  const auto actors = fixture.actorFrequencies();
  const auto jnim = std::find_if(actors.begin(), actors.end(),
                                 [&](const auto& entry) { return fixture.string(entry.first) == "JNIM"; });
  ASSERT_NE(jnim, actors.end());
  EXPECT_EQ(jnim->second, 13u);
  filter.actors = {jnim->first};
  window->timeController()->setFilter(filter);
  CompositionDialog* composition = window->compositionDialog();
  AnimationDialog* animation = window->animationDialog();
  // The window opens on every day of the fixture.
  EXPECT_EQ(composition->content().subtitle, QStringLiteral("18 Aug 2020 \u2013 30 Nov 2025 · actors: JNIM"));

  QSignalSpy finished(window.get(), &MainWindow::importFinished);
  window->openDatasets({QStringLiteral(SV_TEST_DATA "/import/ucdp-ged.csv")}, MainWindow::OpenMode::Add);
  ASSERT_TRUE(finished.wait(60000));
  ASSERT_TRUE(finished.first().at(0).toBool());
  const CompositionContent content = composition->content(); // the old actor id means nothing in the new store
  EXPECT_FALSE(content.subtitle.contains(QStringLiteral("JNIM"))) << content.subtitle.toStdString();
  EXPECT_TRUE(content.view.filter.actors.empty());
  EXPECT_TRUE(animation->settings().filter.actors.empty());

  window->session().setDatasetVisible(1, false);
  EXPECT_EQ(composition->content().view.filter.datasets & IncidentFilter::datasetBit(1), 0u);
  EXPECT_EQ(animation->settings().filter.datasets & IncidentFilter::datasetBit(1), 0u);
  EXPECT_NE(composition->content().view.filter.datasets & IncidentFilter::datasetBit(0), 0u);
}

} // namespace
} // namespace sv

#include "app/tileserver.h"

namespace sv {

// Online tiles from the window's export: fetched at the page's resolution,
// and the missing ones said, never left out silently.
TEST_F(WindowTest, ExportDialogFetchesTheTilesItsPageNeedsAndNamesTheMissing) {
  QTemporaryDir dir;
  qputenv("XDG_CACHE_HOME", dir.filePath(QStringLiteral("cache")).toUtf8());
  test::TileServer server;
  ASSERT_GT(server.port(), 0) << "the loopback tile server did not start";
  QString error;
  ASSERT_TRUE(window->session().mapLayers().setBaseMap(
      QStringLiteral("xyz:") + QString::fromStdString(server.url("mixed")), &error))
      << error.toStdString();
  CompositionDialog* dialog = window->compositionDialog();
  QString notice;
  ASSERT_TRUE(dialog->saveTo(dir.filePath(QStringLiteral("map.png")), &error, &notice)) << error.toStdString();
  EXPECT_TRUE(notice.contains(QStringLiteral("missing and left blank"))) << notice.toStdString();
  EXPECT_TRUE(notice.contains(QStringLiteral("HTTP 500"))) << notice.toStdString();
  EXPECT_FALSE(server.requests().empty());
  for (const auto& request : server.requests()) EXPECT_EQ(request.userAgent.rfind("SituationViewer/", 0), 0u);
  window->session().mapLayers().setBaseMap({}, &error);
  qunsetenv("XDG_CACHE_HOME");
}

} // namespace sv
