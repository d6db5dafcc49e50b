// The session owns the open data: without any widget, opening two datasets,
// restyling one and removing the other reach every export and the map
// through its signals and its MapContext.
#include "session/session.h"
#include "app/appdata.h"

#include "export/animation.h"
#include "export/compositioncontent.h"

#include "render/maprenderer.h"

#include <QDir>
#include <QSignalSpy>
#include <QTemporaryDir>

#include "render/images.h"

#include <gtest/gtest.h>

namespace sv {
namespace {

const QRgb kMagenta = qRgb(0xff, 0x00, 0xff); // in no type colour nor the base map

class SessionTest : public ::testing::Test {
protected:
  void SetUp() override {
    session = std::make_unique<Session>(test::loadedContext(test::importFixture("acled-2025.csv")));
  }

  // Opens `paths` and waits for the import to end; true when it opened them.
  bool open(const QStringList& paths, Session::OpenMode mode) {
    QSignalSpy finished(session.get(), &Session::importFinished);
    if (!session->openDatasets(paths, mode)) return false;
    if (!finished.wait(60000)) return false;
    return qvariant_cast<DatasetImportOutcome>(finished.first().at(0)).ok;
  }

  // The composition of everything, as `export` and the window's Export Map draw it.
  QImage composedPage() const {
    const MapContext context = session->mapContext();
    const EventStore& store = context.incidents->store();
    IncidentFilter filter;
    filter.datasets = session->visibleDatasets();
    PageFormat page;
    page.pixels = QSize(640, 480);
    page.dpi = 96;
    return renderCompositionImage(
        page, compositionFor(context, {store.firstDay(), store.lastDay()}, filter, context.baseMap->maliExtent()));
  }

  std::unique_ptr<Session> session;
};

TEST_F(SessionTest, OpeningRestylingAndRemovingReachEveryExportAndTheMap) {
  ASSERT_EQ(session->datasetCount(), 1u);
  QSignalSpy datasets(session.get(), &Session::datasetsChanged);
  QSignalSpy styles(session.get(), &Session::stylesChanged);

  // Open a second dataset beside the first.
  ASSERT_TRUE(open({test::importFixture("ucdp-ged.csv")}, Session::OpenMode::Add));
  ASSERT_EQ(datasets.size(), 1);
  const auto layer = qvariant_cast<std::shared_ptr<const IncidentLayerData>>(datasets.first().at(0));
  ASSERT_TRUE(layer);
  EXPECT_EQ(layer, session->incidents());
  EXPECT_EQ(layer->store().datasetCount(), 2u);
  EXPECT_EQ(session->datasetPaths(),
            (QStringList{test::importFixture("acled-2025.csv"), test::importFixture("ucdp-ged.csv")}));
  EXPECT_EQ(session->styles(), (std::vector<DatasetStyle>(2)));
  EXPECT_EQ(test::pixelsOf(composedPage(), kMagenta), 0);

  // One colour for the UCDP dataset: said once, and in every MapContext handed out.
  styles.clear();
  session->setDatasetColour(1, QColor(kMagenta));
  session->setDatasetColour(1, QColor(kMagenta)); // no change, no signal
  ASSERT_EQ(styles.size(), 1);
  const MapContext context = session->mapContext();
  ASSERT_EQ(context.datasetColours.size(), 2u);
  EXPECT_FALSE(context.datasetColours[0].isValid());
  EXPECT_EQ(context.datasetColours[1], QColor(kMagenta));
  EXPECT_EQ(context.datasetPaths, session->datasetPaths());
  const EventStore& store = context.incidents->store();
  const CompositionContent content =
      compositionFor(context, {store.firstDay(), store.lastDay()}, {}, context.baseMap->maliExtent());
  EXPECT_EQ(content.view.datasetColours, context.datasetColours);
  // The page and an animation frame draw the UCDP incidents in it.
  EXPECT_GT(test::pixelsOf(composedPage(), kMagenta), 20);
  AnimationSettings animation;
  animation.from = store.firstDay();
  animation.to = store.lastDay();
  animation.cumulative = true;
  animation.step = {240, TimeUnit::Month};
  const auto frames = planAnimation(store, animation);
  ASSERT_FALSE(frames.empty());
  QTemporaryDir dir;
  PageFormat page;
  page.pixels = QSize(480, 360);
  QString error;
  ASSERT_TRUE(writeAnimationFrames(context, {frames.back()}, animation, page, context.baseMap->maliExtent(), {},
                                   dir.path(), {}, &error))
      << error.toStdString();
  EXPECT_GT(test::pixelsOf(QImage(QDir(dir.path()).filePath(QStringLiteral("frame-00001.png"))), kMagenta), 20);

  // Hiding a dataset: the filter's mask and the attributions follow.
  session->setDatasetVisible(0, false);
  EXPECT_EQ(session->visibleDatasets() & IncidentFilter::datasetBit(0), 0u);
  EXPECT_NE(session->visibleDatasets() & IncidentFilter::datasetBit(1), 0u);
  session->setDatasetVisible(0, true);

  // Removing the first keeps the second with its colour, carried by its path.
  datasets.clear();
  ASSERT_TRUE(open({test::importFixture("ucdp-ged.csv")}, Session::OpenMode::Replace));
  ASSERT_EQ(datasets.size(), 1);
  EXPECT_EQ(session->datasetPaths(), QStringList{test::importFixture("ucdp-ged.csv")});
  ASSERT_EQ(session->styles().size(), 1u);
  EXPECT_EQ(session->styles()[0].colour, QColor(kMagenta));
  EXPECT_EQ(session->mapContext().datasetColours, std::vector<QColor>{QColor(kMagenta)});
  EXPECT_GT(test::pixelsOf(composedPage(), kMagenta), 20);
}

TEST_F(SessionTest, RemoveDatasetReopensTheOthersAndKeepsTheLast) {
  ASSERT_TRUE(open({test::importFixture("ucdp-ged.csv")}, Session::OpenMode::Add));
  session->setDatasetColour(1, QColor(kMagenta));
  QSignalSpy finished(session.get(), &Session::importFinished);
  session->removeDataset(0);
  ASSERT_TRUE(finished.wait(60000));
  EXPECT_EQ(session->datasetPaths(), QStringList{test::importFixture("ucdp-ged.csv")});
  EXPECT_EQ(session->styles()[0].colour, QColor(kMagenta));
  // The last dataset stays.
  session->removeDataset(0);
  EXPECT_FALSE(session->isImporting());
  EXPECT_EQ(session->datasetCount(), 1u);
}

TEST_F(SessionTest, AFileThatCannotBeReadLeavesTheDataAsItWas) {
  const auto before = session->incidents();
  QSignalSpy datasets(session.get(), &Session::datasetsChanged);
  QSignalSpy finished(session.get(), &Session::importFinished);
  ASSERT_TRUE(session->openDatasets({test::importFixture("binary.csv")}, Session::OpenMode::Replace));
  EXPECT_TRUE(session->isImporting());
  EXPECT_FALSE(session->openDatasets({test::importFixture("ucdp-ged.csv")}, Session::OpenMode::Add))
      << "one import at a time";
  ASSERT_TRUE(finished.wait(60000));
  const auto outcome = qvariant_cast<DatasetImportOutcome>(finished.first().at(0));
  EXPECT_FALSE(outcome.ok);
  EXPECT_TRUE(finished.first().at(1).toString().contains(QStringLiteral("binary.csv")))
      << finished.first().at(1).toString().toStdString();
  EXPECT_EQ(datasets.size(), 0);
  EXPECT_EQ(session->incidents(), before);
}

TEST_F(SessionTest, ProjectsRestoreTheDatasetsTheirStylesAndMappings) {
  ASSERT_TRUE(open({test::importFixture("ucdp-ged.csv")}, Session::OpenMode::Add));
  session->setDatasetColour(1, QColor(kMagenta));
  session->setDatasetVisible(0, false);
  session->setColumnMapping(test::importFixture("ucdp-ged.csv"), QStringLiteral("date=date_start"));
  QTemporaryDir dir;
  const QString path = dir.filePath(QStringLiteral("two.svproject"));
  QString error;
  QSignalSpy pathChanged(session.get(), &Session::projectPathChanged);
  ASSERT_TRUE(session->saveProject(path, session->project(), &error)) << error.toStdString();
  EXPECT_EQ(session->projectPath(), path);
  EXPECT_EQ(pathChanged.size(), 1);
  EXPECT_EQ(Session::recentFiles().first(), path);

  // Another session, on the first dataset alone, opens the project.
  Session other(test::loadedContext(test::importFixture("acled-2025.csv")));
  QSignalSpy ready(&other, &Session::projectReady);
  other.openProject(path);
  ASSERT_TRUE(ready.wait(60000));
  EXPECT_EQ(other.datasetPaths(), session->datasetPaths());
  ASSERT_EQ(other.styles().size(), 2u);
  EXPECT_FALSE(other.styles()[0].visible);
  EXPECT_EQ(other.styles()[1].colour, QColor(kMagenta));
  EXPECT_EQ(other.columnMapping(test::importFixture("ucdp-ged.csv")), QStringLiteral("date=date_start"));
  EXPECT_EQ(other.projectPath(), path);

  // A project none of whose datasets exist changes nothing.
  Project missing;
  missing.datasets.push_back({dir.filePath(QStringLiteral("gone.csv")), {}});
  const QString gone = dir.filePath(QStringLiteral("gone.svproject"));
  ASSERT_TRUE(writeProject(gone, missing, &error));
  QSignalSpy failed(&other, &Session::projectFailed);
  other.openProject(gone);
  ASSERT_EQ(failed.size(), 1);
  EXPECT_TRUE(failed.first().at(0).toString().contains(QStringLiteral("gone.csv")));
  EXPECT_EQ(other.datasetPaths().size(), 2);
}

TEST_F(SessionTest, AProjectWhoseDatasetsCannotBeReadLeavesThePathAndTheDataAsTheyWere) {
  QTemporaryDir dir;
  Project project;
  project.datasets.push_back({test::importFixture("binary.csv"), {}});
  const QString path = dir.filePath(QStringLiteral("broken.svproject"));
  QString error;
  ASSERT_TRUE(writeProject(path, project, &error)) << error.toStdString();
  const auto before = session->incidents();
  QSignalSpy failed(session.get(), &Session::projectFailed);
  QSignalSpy ready(session.get(), &Session::projectReady);
  session->openProject(path);
  ASSERT_TRUE(failed.wait(60000));
  EXPECT_TRUE(failed.first().at(0).toString().contains(QStringLiteral("binary.csv")));
  EXPECT_FALSE(failed.first().at(1).toBool()) << "not cancelled";
  EXPECT_EQ(ready.size(), 0);
  EXPECT_TRUE(session->projectPath().isEmpty());
  EXPECT_EQ(session->incidents(), before);
}

} // namespace
} // namespace sv
