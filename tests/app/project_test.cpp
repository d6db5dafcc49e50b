#include "app/windowtest.h"
#include "render/tiledata.h"

#include "session/projectfile.h"
#include "widgets/datasetpanel.h"
#include "widgets/dossierpanel.h"
#include "widgets/filterpanel.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <optional>

namespace sv {
namespace {

void writeText(const QString& path, const QByteArray& text) {
  QFile file(path);
  ASSERT_TRUE(file.open(QIODevice::WriteOnly));
  file.write(text);
}

TEST(ProjectFile, RoundTripsWithPathsBesideTheProjectKeptRelative) {
  QTemporaryDir dir;
  ASSERT_TRUE(dir.isValid());
  QDir(dir.path()).mkpath(QStringLiteral("data"));
  const QString beside = dir.filePath(QStringLiteral("data/acled.csv"));
  writeText(beside, "x");
  Project project;
  project.datasets.push_back({beside, {true, QColor(0xb2, 0x18, 0x2b)}});
  project.datasets.push_back({QStringLiteral("/elsewhere/ucdp.csv"), {false, QColor()}});
  project.centreLonLat = QPointF(-5.5, 14.25);
  project.metresPerPixel = 850.0;
  TimeSelection time;
  time.mode = TimeMode::Window;
  time.cursor = *parseIsoDate("2020-10-22");
  time.window = {3, TimeUnit::Month};
  time.step = {1, TimeUnit::Week};
  project.time = time;
  project.speed = 8.0;
  project.filter = QJsonObject{{QStringLiteral("min_fatalities"), 5}};
  project.place = HistoryPlace{2457671, "Farabougou", -6.13, 14.0};
  project.incidentId = QStringLiteral("MLI9001");

  const QString path = dir.filePath(QStringLiteral("briefing.svproject"));
  QString error;
  ASSERT_TRUE(writeProject(path, project, &error)) << error.toStdString();
  QFile file(path);
  ASSERT_TRUE(file.open(QIODevice::ReadOnly));
  const QJsonObject json = QJsonDocument::fromJson(file.readAll()).object();
  EXPECT_EQ(json.value(QStringLiteral("datasets"))[0][QStringLiteral("path")].toString(),
            QStringLiteral("data/acled.csv"));
  EXPECT_EQ(json.value(QStringLiteral("datasets"))[1][QStringLiteral("path")].toString(),
            QStringLiteral("/elsewhere/ucdp.csv"));

  // The folder moves; the dataset beside the project moves with it.
  const QString moved = dir.filePath(QStringLiteral("moved"));
  ASSERT_TRUE(
      QDir().rename(dir.path() + QStringLiteral("/data"), moved + QStringLiteral("/data")) ||
      (QDir().mkpath(moved) && QDir().rename(dir.filePath(QStringLiteral("data")), moved + QStringLiteral("/data"))));
  ASSERT_TRUE(QFile::copy(path, moved + QStringLiteral("/briefing.svproject")));
  const auto read = readProject(moved + QStringLiteral("/briefing.svproject"), &error);
  ASSERT_TRUE(read) << error.toStdString();
  ASSERT_EQ(read->datasets.size(), 2u);
  EXPECT_EQ(read->datasets[0].path, moved + QStringLiteral("/data/acled.csv"));
  EXPECT_EQ(read->datasets[0].style, project.datasets[0].style);
  EXPECT_EQ(read->datasets[1].style, project.datasets[1].style);
  EXPECT_EQ(read->centreLonLat, project.centreLonLat);
  EXPECT_EQ(read->metresPerPixel, 850.0);
  EXPECT_EQ(read->time, project.time);
  EXPECT_EQ(read->speed, 8.0);
  EXPECT_EQ(read->filter, project.filter);
  ASSERT_TRUE(read->place);
  EXPECT_EQ(read->place->geonameId, 2457671);
  EXPECT_EQ(read->place->name, "Farabougou");
  EXPECT_EQ(read->incidentId, QStringLiteral("MLI9001"));
}

TEST(ProjectFile, NamesTheFileAndFieldOfWhatItCannotUse) {
  QTemporaryDir dir;
  const QString path = dir.filePath(QStringLiteral("p.svproject"));
  const auto errorFor = [&](const QByteArray& text) {
    writeText(path, text);
    QString error;
    EXPECT_FALSE(readProject(path, &error)) << text.toStdString();
    EXPECT_TRUE(error.startsWith(path + QStringLiteral(": "))) << error.toStdString();
    return error;
  };
  EXPECT_TRUE(errorFor("{\"datasets\": [").contains(QStringLiteral("not a project file")));
  EXPECT_TRUE(errorFor("{\"type\": \"FeatureCollection\"}").contains(QStringLiteral("not a Situation Viewer project")));
  const QByteArray head = "{\"format\": \"situation-viewer-project\", \"version\": 1, ";
  EXPECT_TRUE(
      errorFor("{\"format\": \"situation-viewer-project\", \"version\": 7}").contains(QStringLiteral("version 7")));
  EXPECT_TRUE(errorFor(head + "\"datasets\": []}").contains(QStringLiteral("names no dataset")));
  EXPECT_TRUE(errorFor(head + "\"datasets\": [{\"path\": \"a.csv\"}, {\"visible\": true}]}")
                  .contains(QStringLiteral("datasets[1].path: missing")));
  EXPECT_TRUE(errorFor(head + "\"datasets\": [{\"path\": \"a.csv\", \"colour\": \"reddish\"}]}")
                  .contains(QStringLiteral("datasets[0].colour: not a colour: 'reddish'")));
  EXPECT_TRUE(
      errorFor(head +
               "\"datasets\": [{\"path\": \"a.csv\"}], \"time\": {\"mode\": \"instant\", \"cursor\": \"2020-02-30\"}}")
          .contains(QStringLiteral("time.cursor: not a date: '2020-02-30'")));
  EXPECT_TRUE(errorFor(head + "\"datasets\": [{\"path\": \"a.csv\"}], \"view\": {\"longitude\": 500, \"latitude\": 1, "
                              "\"metres_per_pixel\": 3}}")
                  .contains(QStringLiteral("view: longitude")));
  QString error;
  EXPECT_FALSE(readProject(dir.filePath(QStringLiteral("missing.svproject")), &error));
  EXPECT_TRUE(error.contains(QStringLiteral("missing.svproject")));
}

TEST(ProjectFile, AFailedSaveLeavesTheOldFile) {
  QTemporaryDir dir;
  const QString path = dir.filePath(QStringLiteral("p.svproject"));
  Project project;
  project.datasets.push_back({dir.filePath(QStringLiteral("a.csv")), {}});
  QString error;
  ASSERT_TRUE(writeProject(path, project, &error));
  QFile before(path);
  ASSERT_TRUE(before.open(QIODevice::ReadOnly));
  const QByteArray saved = before.readAll();
  before.close();
  // A folder where the file should be written cannot take it; nothing else changes.
  EXPECT_FALSE(writeProject(dir.filePath(QStringLiteral("no-such-folder/p.svproject")), project, &error));
  EXPECT_TRUE(error.contains(QStringLiteral("no-such-folder")));
  QFile after(path);
  ASSERT_TRUE(after.open(QIODevice::ReadOnly));
  EXPECT_EQ(after.readAll(), saved);
  // Saving writes beside the file and renames: no temporary file is left.
  ASSERT_TRUE(writeProject(path, project, &error));
  EXPECT_EQ(QDir(dir.path()).entryList(QDir::Files), QStringList{QStringLiteral("p.svproject")});
}

// The window opens on the fixture dataset (FIX-0001 to FIX-0025).
bool waitFor(QSignalSpy& spy) { return !spy.isEmpty() || spy.wait(60000); }

class ProjectWindowTest : public WindowTest {
protected:
  // A fresh window on the fixture alone opens the project: whether it
  // opened, and the message it gave; nullopt when it never finished.
  std::optional<std::pair<bool, QString>> reopenWith(const QString& path) {
    window.reset();
    SetUp();
    QSignalSpy opened(window.get(), &MainWindow::projectOpened);
    window->openProject(path);
    if (!waitFor(opened)) return std::nullopt;
    return std::pair{opened.first().at(0).toBool(), opened.first().at(1).toString()};
  }
};

TEST_F(ProjectWindowTest, SavesAndRestoresDatasetsViewTimeFiltersAndSelection) {
  QSignalSpy imported(window.get(), &MainWindow::importFinished);
  window->openDatasets({test::importFixture("acled-2025.csv")}, MainWindow::OpenMode::Add);
  ASSERT_TRUE(waitFor(imported));
  ASSERT_TRUE(imported.first().at(0).toBool());
  const EventStore& store = window->canvas()->incidents()->store();
  window->session().setDatasetColour(1, DatasetPanel::suggestedColour(1));
  window->session().setDatasetVisible(0, false);
  window->canvas()->setView(window->canvas()->mapSettings().center() + QPointF(20000, -10000), 640.0);
  window->filters()->minimumFatalities()->setValue(2);
  const auto incident = *store.find("MLI9001");
  window->canvas()->incidentClicked(incident);
  TimeSelection time = window->timeController()->selection();
  time.mode = TimeMode::Window;
  time.window = {2, TimeUnit::Month};
  time.cursor = store.start(incident) + 3;
  window->timeController()->setSelection(time);
  const Project saved = window->currentProject();
  ASSERT_EQ(saved.datasets.size(), 2u);
  EXPECT_EQ(saved.datasets[0].path, test::fixturePath());
  EXPECT_EQ(saved.datasets[1].path, test::importFixture("acled-2025.csv"));
  ASSERT_TRUE(saved.place);
  EXPECT_EQ(saved.place->geonameId, 2457671) << "MLI9001 is matched to Farabougou";

  QTemporaryDir dir;
  const QString path = dir.filePath(QStringLiteral("session.svproject"));
  QString error;
  ASSERT_TRUE(window->saveProject(path, &error)) << error.toStdString();
  EXPECT_TRUE(window->windowTitle().startsWith(QStringLiteral("session")));

  // A fresh window on the fixture alone opens the project.
  const auto reopened = reopenWith(path);
  ASSERT_TRUE(reopened);
  ASSERT_TRUE(reopened->first) << reopened->second.toStdString();
  EXPECT_EQ(window->canvas()->incidents()->store().size(), 25u + 3u);
  const Project restored = window->currentProject();
  ASSERT_EQ(restored.datasets.size(), 2u);
  for (std::size_t d = 0; d < 2; ++d) {
    EXPECT_EQ(restored.datasets[d].path, saved.datasets[d].path);
    EXPECT_EQ(restored.datasets[d].style, saved.datasets[d].style) << d;
  }
  EXPECT_EQ(restored.metresPerPixel, 640.0);
  EXPECT_NEAR(restored.centreLonLat->x(), saved.centreLonLat->x(), 1e-6);
  EXPECT_NEAR(restored.centreLonLat->y(), saved.centreLonLat->y(), 1e-6);
  EXPECT_EQ(restored.time, saved.time);
  EXPECT_EQ(restored.filter, saved.filter);
  EXPECT_EQ(window->timeController()->filter().minFatalities, 2);
  EXPECT_EQ(window->timeController()->filter().datasets & IncidentFilter::datasetBit(0), 0u);
  ASSERT_TRUE(window->dossier()->place());
  EXPECT_EQ(window->dossier()->place()->geonameId, saved.place->geonameId);
  EXPECT_EQ(restored.incidentId, QStringLiteral("MLI9001"));
  EXPECT_EQ(window->session().projectPath(), QFileInfo(path).absoluteFilePath());
}

TEST_F(ProjectWindowTest, AMissingDatasetIsNamedAndTheOthersOpen) {
  QTemporaryDir dir;
  const QString copy = dir.filePath(QStringLiteral("ucdp.csv"));
  ASSERT_TRUE(QFile::copy(test::importFixture("ucdp-ged.csv"), copy));
  Project project;
  project.datasets.push_back({copy, {}});
  project.datasets.push_back({dir.filePath(QStringLiteral("gone.csv")), {}});
  project.filter = QJsonObject{{QStringLiteral("actors"), QJsonArray{QStringLiteral("No Such Armed Group")}}};
  const QString path = dir.filePath(QStringLiteral("p.svproject"));
  QString error;
  ASSERT_TRUE(writeProject(path, project, &error));
  QSignalSpy opened(window.get(), &MainWindow::projectOpened);
  window->openProject(path);
  ASSERT_TRUE(waitFor(opened));
  ASSERT_TRUE(opened.first().at(0).toBool());
  const QString message = opened.first().at(1).toString();
  EXPECT_TRUE(message.contains(QStringLiteral("gone.csv: not found"))) << message.toStdString();
  EXPECT_TRUE(message.contains(QStringLiteral("actor 'No Such Armed Group'"))) << message.toStdString();
  EXPECT_EQ(window->session().datasetPaths(), QStringList{copy});
  EXPECT_FALSE(window->canvas()->incidents()->store().find("FIX-0001")) << "the project's datasets replace the fixture";
  EXPECT_EQ(window->canvas()->incidents()->store().size(), 2u);

  // A project none of whose datasets exist changes nothing.
  const auto shown = window->canvas()->incidents();
  ASSERT_TRUE(QFile::remove(copy));
  opened.clear();
  window->openProject(path);
  ASSERT_TRUE(waitFor(opened));
  EXPECT_FALSE(opened.first().at(0).toBool());
  EXPECT_EQ(window->canvas()->incidents(), shown);
}

} // namespace
} // namespace sv

namespace sv {

// Tiles and context layers: on the map as soon as chosen, saved with the
// project and back when it opens.
TEST_F(ProjectWindowTest, TheBaseMapAndContextLayersAreShownSavedAndRestored) {
  QTemporaryDir dir;
  const QString mbtiles = dir.filePath(QStringLiteral("relief.mbtiles"));
  ASSERT_TRUE(test::writeTestMbtiles(mbtiles, 5, QColor(200, 40, 40), QColor(40, 60, 200), QStringLiteral("Relief")));
  const QString bases = dir.filePath(QStringLiteral("bases.geojson"));
  QFile file(bases);
  ASSERT_TRUE(file.open(QIODevice::WriteOnly));
  file.write(R"({"type": "FeatureCollection", "features": [
{"type": "Feature", "properties": {"name": "Base A", "opened": "2021-05-01"},
 "geometry": {"type": "Point", "coordinates": [-5.9, 14.9]}}]})");
  file.close();

  MapLayerSet& layers = window->session().mapLayers();
  QString error;
  ASSERT_TRUE(layers.setBaseMap(QStringLiteral("mbtiles:") + mbtiles, &error)) << error.toStdString();
  QSignalSpy added(&layers, &MapLayerSet::contextLayerAdded);
  layers.addContextLayer(bases);
  ASSERT_TRUE(added.wait(20000));
  ContextStyle style = layers.contextLayer(0).style();
  EXPECT_EQ(style.labelField, QStringLiteral("name"));
  style.timeField = QStringLiteral("opened");
  style.stroke = QColor(0x10, 0x20, 0x30);
  layers.setContextStyle(0, style);
  layers.setBaseOpacity(0.6);
  waitForRender();
  EXPECT_EQ(window->canvas()->layers(), layers.layers());
  EXPECT_EQ(window->canvas()->renderedMap().baseReport.tileZoom, 5);
  EXPECT_GT(window->canvas()->renderedMap().baseReport.tilesDrawn, 0u);
  // Exports take the same layers.
  EXPECT_EQ(window->session().mapContext().layers, layers.layers());

  const QString path = dir.filePath(QStringLiteral("layers.svproject"));
  ASSERT_TRUE(window->saveProject(path, &error)) << error.toStdString();
  QFile saved(path);
  ASSERT_TRUE(saved.open(QIODevice::ReadOnly));
  const QByteArray json = saved.readAll();
  EXPECT_TRUE(json.contains("\"mbtiles:relief.mbtiles\"")) << "beside the project: relative";
  EXPECT_TRUE(json.contains("\"bases.geojson\""));

  const auto reopened = reopenWith(path);
  ASSERT_TRUE(reopened);
  ASSERT_TRUE(reopened->first) << reopened->second.toStdString();
  const MapLayerSet& restored = window->session().mapLayers();
  EXPECT_EQ(restored.baseMap(), QStringLiteral("mbtiles:") + QFileInfo(mbtiles).absoluteFilePath());
  EXPECT_DOUBLE_EQ(restored.layers().tileOpacity, 0.6);
  ASSERT_EQ(restored.contextCount(), 1u);
  EXPECT_EQ(restored.contextLayer(0).style(), style);
  EXPECT_TRUE(restored.contextLayer(0).isTimed());
  waitForRender();
  EXPECT_EQ(window->canvas()->layers(), restored.layers());

  // A context layer gone from the disk is named; the rest opens.
  QFile::remove(bases);
  ASSERT_TRUE(reopenWith(path));
  EXPECT_EQ(window->session().mapLayers().contextCount(), 0u);
  EXPECT_FALSE(window->session().mapLayers().baseMap().isEmpty());
}

} // namespace sv
