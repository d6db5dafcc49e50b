// Real data in: the import command, --data with exports, and the window's
// Add Data, drag and drop, report and cache.
#include "app/viewerprocess.h"
#include "app/windowtest.h"

#include "dialogs/columnmappingdialog.h"
#include "dialogs/compositiondialog.h"
#include "dialogs/importreportdialog.h"
#include "io/incidentdataset.h"
#include "session/importcache.h"
#include "widgets/datasetpanel.h"
#include "widgets/filterpanel.h"
#include "widgets/incidenttable.h"
#include "widgets/legendwidget.h"
#include "widgets/mapcanvas.h"

#include <QDir>
#include <QDropEvent>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableView>
#include <QTemporaryDir>
#include <QTreeWidget>
#include <QUrl>

#include <gtest/gtest.h>

#include <algorithm>

namespace sv {
namespace {

using test::runViewer;
using test::ViewerRun;

TEST(ImportCommand, WritesTheDatasetAndAReportThatReconciles) {
  QTemporaryDir dir;
  const QString out = dir.filePath(QStringLiteral("acled.geojson"));
  const QString report = dir.filePath(QStringLiteral("report.json"));
  const ViewerRun r = runViewer({QStringLiteral("import"), test::importFixture("acled-2025.csv"), QStringLiteral("-o"),
                                 out, QStringLiteral("--report"), report});
  ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
  EXPECT_TRUE(r.out.contains(QStringLiteral("8 rows read, 3 incidents accepted, 1 duplicates merged, 4 rejected")))
      << r.out.toStdString();
  EXPECT_TRUE(
      r.out.contains(QStringLiteral("acled-2025.csv:8: row 5 (MLI9004): event_date: not a date: '31 Septembre 2025'")));
  EXPECT_TRUE(r.out.contains(QStringLiteral("3 of 3 incidents matched to gazetteer places"))) << r.out.toStdString();

  const IncidentReadResult written = readIncidentDataset(out.toStdString());
  ASSERT_TRUE(written.ok) << written.error;
  ASSERT_EQ(written.incidents.size(), 3u);
  EXPECT_NE(written.info.licence.find("ACLED"), std::string::npos);

  QFile file(report);
  ASSERT_TRUE(file.open(QIODevice::ReadOnly));
  const QJsonObject json = QJsonDocument::fromJson(file.readAll()).object();
  EXPECT_EQ(json.value(QStringLiteral("rows_read")).toInt(), 8);
  EXPECT_EQ(json.value(QStringLiteral("incidents_accepted")).toInt(), 3);
  EXPECT_EQ(json.value(QStringLiteral("duplicates_merged")).toInt(), 1);
  EXPECT_EQ(json.value(QStringLiteral("rows_rejected")).toInt(), 4);
  EXPECT_TRUE(json.value(QStringLiteral("reconciles")).toBool());
  const QJsonArray rejected = json.value(QStringLiteral("rejected")).toArray();
  ASSERT_EQ(rejected.size(), 4);
  EXPECT_EQ(rejected[1].toObject().value(QStringLiteral("line")).toInt(), 9);
  EXPECT_EQ(rejected[1].toObject().value(QStringLiteral("column")).toString(), QStringLiteral("latitude"));
}

// Our large-data format: written by the extension of -o, then opened by every
// command as it is, without an import or a cache entry.
TEST(ImportCommand, WritesTheLargeDataFormatThatCommandsOpenAsItIs) {
  QTemporaryDir dir;
  const QString out = dir.filePath(QStringLiteral("acled.svstore"));
  const ViewerRun r =
      runViewer({QStringLiteral("import"), test::importFixture("acled-2025.csv"), QStringLiteral("-o"), out});
  ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
  EXPECT_TRUE(r.out.contains(QStringLiteral("acled.svstore: 3 incidents written"))) << r.out.toStdString();

  QTemporaryDir cache;
  const QByteArray previous = qgetenv("SITUATION_VIEWER_CACHE");
  qputenv("SITUATION_VIEWER_CACHE", cache.path().toLocal8Bit());
  const ViewerRun listed = runViewer(
      {QStringLiteral("events"), QStringLiteral("--data"), out, QStringLiteral("--format"), QStringLiteral("csv")});
  const ViewerRun history =
      runViewer({QStringLiteral("history"), QStringLiteral("geonames:2457671"), QStringLiteral("--data"), out});
  qputenv("SITUATION_VIEWER_CACHE", previous);
  ASSERT_EQ(listed.exitCode, 0) << listed.err.toStdString();
  EXPECT_EQ(listed.out.count(QStringLiteral("\nMLI900")), 3) << listed.out.toStdString();
  ASSERT_EQ(history.exitCode, 0) << history.err.toStdString();
  EXPECT_TRUE(history.out.contains(QStringLiteral("MLI9001"))) << "places matched at import are kept";
  EXPECT_TRUE(QDir(cache.path()).isEmpty()) << "a store file is not cached again";

  // And back to the exchange format, the same incidents.
  const QString back = dir.filePath(QStringLiteral("back.geojson"));
  const ViewerRun converted = runViewer({QStringLiteral("import"), out, QStringLiteral("-o"), back});
  ASSERT_EQ(converted.exitCode, 0) << converted.err.toStdString();
  const IncidentReadResult written = readIncidentDataset(back.toStdString());
  ASSERT_TRUE(written.ok) << written.error;
  EXPECT_EQ(written.incidents.size(), 3u);
  EXPECT_NE(written.info.licence.find("ACLED"), std::string::npos);

  const ViewerRun wrongName = runViewer({QStringLiteral("import"), test::importFixture("acled-2025.csv"),
                                         QStringLiteral("-o"), dir.filePath(QStringLiteral("out.shp"))});
  EXPECT_EQ(wrongName.exitCode, 2);
  EXPECT_TRUE(wrongName.err.contains(QStringLiteral(".svstore"))) << wrongName.err.toStdString();
  EXPECT_TRUE(wrongName.err.contains(QStringLiteral(".gpkg"))) << wrongName.err.toStdString();
}

// The bundled situation as a GeoPackage: its area, its route and its
// unplaced records go out and come back whole.
TEST(ImportCommand, WritesAGeoPackageThatOpensAgainWithItsLinesAndAreas) {
  QTemporaryDir dir;
  const QString gpkg = dir.filePath(QStringLiteral("situation.gpkg"));
  const ViewerRun r =
      runViewer({QStringLiteral("import"), QStringLiteral(SV_TEST_INCIDENTS), QStringLiteral("-o"), gpkg});
  ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
  const ViewerRun fromFile = runViewer({QStringLiteral("events"), QStringLiteral("--format"), QStringLiteral("json")});
  const ViewerRun fromGpkg = runViewer(
      {QStringLiteral("events"), QStringLiteral("--data"), gpkg, QStringLiteral("--format"), QStringLiteral("json")});
  ASSERT_EQ(fromGpkg.exitCode, 0) << fromGpkg.err.toStdString();
  const QJsonArray a =
      QJsonDocument::fromJson(fromFile.out.toUtf8()).object().value(QStringLiteral("features")).toArray();
  const QJsonArray b =
      QJsonDocument::fromJson(fromGpkg.out.toUtf8()).object().value(QStringLiteral("features")).toArray();
  ASSERT_EQ(a.size(), 63);
  ASSERT_EQ(b.size(), a.size());
  for (qsizetype k = 0; k < a.size(); ++k) {
    const QJsonObject fa = a[k].toObject(), fb = b[k].toObject();
    EXPECT_EQ(fa.value(QStringLiteral("geometry")), fb.value(QStringLiteral("geometry"))) << k;
    EXPECT_EQ(fa.value(QStringLiteral("properties")).toObject().value(QStringLiteral("part_of")),
              fb.value(QStringLiteral("properties")).toObject().value(QStringLiteral("part_of")))
        << k;
  }
}

// The comparison's generator writes the same incidents as an ACLED CSV and a
// GeoPackage with a date-time field: both import whole, and alike.
TEST(ImportCommand, TheGeneratorsCsvAndGeoPackageImportAlike) {
  QTemporaryDir dir;
  const QString csv = dir.filePath(QStringLiteral("sahel.csv"));
  const QString gpkg = dir.filePath(QStringLiteral("sahel.gpkg"));
  QProcess generate;
  generate.start(QStringLiteral(SV_GENERATE_EXECUTABLE),
                 {QStringLiteral("--count"), QStringLiteral("3000"), QStringLiteral("--csv"), csv,
                  QStringLiteral("--gpkg"), gpkg});
  ASSERT_TRUE(generate.waitForFinished(120000));
  ASSERT_EQ(generate.exitCode(), 0) << generate.readAllStandardError().toStdString();
  QStringList listings;
  for (const QString& file : {csv, gpkg}) {
    const QString store = file + QStringLiteral(".svstore");
    const ViewerRun imported = runViewer({QStringLiteral("import"), file, QStringLiteral("-o"), store});
    ASSERT_EQ(imported.exitCode, 0) << imported.err.toStdString();
    EXPECT_TRUE(imported.out.contains(QStringLiteral("3000 incidents accepted, 0 duplicates merged, 0 rejected")))
        << imported.out.toStdString();
    const ViewerRun listed =
        runViewer({QStringLiteral("events"), QStringLiteral("--data"), store, QStringLiteral("--from"),
                   QStringLiteral("2025-01-01"), QStringLiteral("--to"), QStringLiteral("2025-11-30"),
                   QStringLiteral("--format"), QStringLiteral("csv")});
    ASSERT_EQ(listed.exitCode, 0) << listed.err.toStdString();
    listings << listed.out;
  }
  EXPECT_GT(listings[0].count(QLatin1Char('\n')), 50);
  EXPECT_EQ(listings[0], listings[1]) << "the same incidents, dates, places and notes from both files";
}

// Saved by French Excel: Windows-1252, not UTF-8. Once this aborted import
// and events (an uncaught JSON exception on invalid UTF-8, exit 134).
TEST(ImportCommand, AWindows1252ExportImportsAndListsAsUtf8) {
  QFile source(test::importFixture("acled-2025.csv"));
  ASSERT_TRUE(source.open(QIODevice::ReadOnly));
  QByteArray bytes = source.readAll();
  ASSERT_TRUE(bytes.contains(",Segou,"));
  bytes.replace(",Segou,", ",S\xE9gou,"); // é in Windows-1252
  QTemporaryDir dir;
  const QString path = dir.filePath(QStringLiteral("excel.csv"));
  QFile excel(path);
  ASSERT_TRUE(excel.open(QIODevice::WriteOnly));
  excel.write(bytes);
  excel.close();

  const QString out = dir.filePath(QStringLiteral("excel.geojson"));
  const ViewerRun imported = runViewer({QStringLiteral("import"), path, QStringLiteral("-o"), out});
  ASSERT_EQ(imported.exitCode, 0) << imported.err.toStdString();
  EXPECT_TRUE(imported.out.contains(QStringLiteral("the file is not UTF-8: read as Windows-1252")))
      << imported.out.toStdString();
  const IncidentReadResult written = readIncidentDataset(out.toStdString());
  ASSERT_TRUE(written.ok) << written.error;
  ASSERT_EQ(written.incidents.size(), 3u);
  EXPECT_TRUE(std::any_of(written.incidents.begin(), written.incidents.end(),
                          [](const Incident& incident) { return incident.region == "S\xC3\xA9gou"; }));

  const ViewerRun listed = runViewer(
      {QStringLiteral("events"), QStringLiteral("--data"), path, QStringLiteral("--format"), QStringLiteral("json")});
  ASSERT_EQ(listed.exitCode, 0) << listed.err.toStdString();
  QJsonParseError parsed;
  const QJsonDocument json = QJsonDocument::fromJson(listed.out.toUtf8(), &parsed);
  ASSERT_EQ(parsed.error, QJsonParseError::NoError) << parsed.errorString().toStdString();
  EXPECT_EQ(json.object().value(QStringLiteral("features")).toArray().size(), 3);
  EXPECT_TRUE(listed.out.contains(QStringLiteral("S\u00e9gou")));
}

TEST(ImportCommand, AFileThatCannotBeReadWritesNothing) {
  QTemporaryDir dir;
  const QString out = dir.filePath(QStringLiteral("out.geojson"));
  const ViewerRun r = runViewer({QStringLiteral("import"), test::importFixture("acled-2025.csv"),
                                 test::importFixture("binary.csv"), QStringLiteral("-o"), out});
  EXPECT_EQ(r.exitCode, 1);
  EXPECT_TRUE(r.out.contains(QStringLiteral("binary.csv: not a text file"))) << r.out.toStdString();
  EXPECT_FALSE(QFile::exists(out));
  const ViewerRun badMap =
      runViewer({QStringLiteral("import"), test::importFixture("generic-semicolon.csv"), QStringLiteral("--map"),
                 QStringLiteral("colour=red"), QStringLiteral("-o"), out});
  EXPECT_EQ(badMap.exitCode, 2);
  EXPECT_TRUE(badMap.err.contains(QStringLiteral("unknown role 'colour'"))) << badMap.err.toStdString();
}

TEST(ImportCommand, GenericTextThroughTheColumnMapping) {
  QTemporaryDir dir;
  const QString out = dir.filePath(QStringLiteral("generic.geojson"));
  const ViewerRun r = runViewer({QStringLiteral("import"), test::importFixture("generic-semicolon.csv"),
                                 QStringLiteral("--format"), QStringLiteral("csv"), QStringLiteral("--map"),
                                 QStringLiteral("date=when,lat=y,lon=x,type=what,fatalities=killed,place=town"),
                                 QStringLiteral("-o"), out});
  ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
  EXPECT_TRUE(r.out.contains(QStringLiteral("5 rows read, 3 incidents accepted, 0 duplicates merged, 2 rejected")))
      << r.out.toStdString();
}

TEST(ImportCommand, RepeatedDataOpensExportsTogether) {
  const ViewerRun r =
      runViewer({QStringLiteral("events"), QStringLiteral("--data"), test::importFixture("acled-2025.csv"),
                 QStringLiteral("--data"), test::importFixture("ucdp-ged.csv"), QStringLiteral("--format"),
                 QStringLiteral("csv")});
  ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
  EXPECT_TRUE(r.out.contains(QStringLiteral("MLI9001")));
  EXPECT_TRUE(r.out.contains(QStringLiteral("900002")));
  EXPECT_TRUE(r.err.contains(QStringLiteral("ucdp-ged.csv: 2 of 4 rows rejected"))) << r.err.toStdString();
  // The ACLED incident at Farabougou is matched to the gazetteer's town, so its dossier has it.
  const ViewerRun history = runViewer({QStringLiteral("history"), QStringLiteral("geonames:2457671"),
                                       QStringLiteral("--data"), test::importFixture("acled-2025.csv")});
  ASSERT_EQ(history.exitCode, 0) << history.err.toStdString();
  EXPECT_TRUE(history.out.contains(QStringLiteral("MLI9001"))) << history.out.toStdString();
}

// The window opens on the fixture dataset (FIX-0001 to FIX-0025).
class WindowImportTest : public WindowTest {};

bool waitForImport(MainWindow& window, QSignalSpy& spy) {
  if (spy.isEmpty() && !spy.wait(60000)) return false;
  return !window.session().isImporting();
}

TEST_F(WindowImportTest, AddDataShowsTheIncidentsBesideTheOpenOnesWithAReport) {
  ASSERT_EQ(window->canvas()->incidents()->store().size(), 25u);
  QSignalSpy finished(window.get(), &MainWindow::importFinished);
  window->openDatasets({test::importFixture("acled-2025.csv")}, MainWindow::OpenMode::Add);
  ASSERT_TRUE(waitForImport(*window, finished));
  ASSERT_EQ(finished.size(), 1);
  EXPECT_TRUE(finished.first().at(0).toBool()) << finished.first().at(1).toString().toStdString();
  const EventStore& store = window->canvas()->incidents()->store();
  EXPECT_EQ(store.size(), 25u + 3u);
  ASSERT_TRUE(store.find("MLI9001"));
  EXPECT_EQ(store.geonameId(*store.find("MLI9001")), 2457671);
  ASSERT_TRUE(store.find("FIX-0025"));
  EXPECT_EQ(store.dataset(*store.find("FIX-0025")), 0u);
  EXPECT_EQ(store.dataset(*store.find("MLI9001")), 1u);
  EXPECT_EQ(window->session().datasetPaths(),
            (QStringList{test::fixturePath(), test::importFixture("acled-2025.csv")}));
  EXPECT_NE(store.info().licence.find("ACLED"), std::string::npos);
  ASSERT_NE(window->importReport(), nullptr);
  EXPECT_TRUE(window->importReport()->text().contains(QStringLiteral("4 rejected")));
  EXPECT_TRUE(window->importReport()->text().contains(QStringLiteral("row 6 (MLI9005): latitude")));
  EXPECT_TRUE(Session::recentFiles().contains(QFileInfo(test::importFixture("acled-2025.csv")).absoluteFilePath()));

  // The report saves as JSON.
  QTemporaryDir dir;
  QString error;
  ASSERT_TRUE(window->importReport()->saveReport(dir.filePath(QStringLiteral("r.json")), &error))
      << error.toStdString();
  QFile saved(dir.filePath(QStringLiteral("r.json")));
  ASSERT_TRUE(saved.open(QIODevice::ReadOnly));
  EXPECT_EQ(QJsonDocument::fromJson(saved.readAll()).object().value(QStringLiteral("rows_rejected")).toInt(), 4);
}

TEST_F(WindowImportTest, AnUnreadableFileLeavesTheDataAsItWas) {
  const auto shown = window->canvas()->incidents();
  QSignalSpy finished(window.get(), &MainWindow::importFinished);
  window->openDatasets({test::importFixture("binary.csv")}, MainWindow::OpenMode::Replace);
  ASSERT_TRUE(waitForImport(*window, finished));
  EXPECT_FALSE(finished.first().at(0).toBool());
  EXPECT_TRUE(finished.first().at(1).toString().contains(QStringLiteral("not a text file")));
  EXPECT_EQ(window->canvas()->incidents(), shown);
  EXPECT_EQ(window->session().datasetPaths(), QStringList{test::fixturePath()});
  EXPECT_EQ(window->canvas()->incidents()->store().size(), 25u);
}

TEST_F(WindowImportTest, DroppingAFileOpensItAndReopeningReadsTheCache) {
  QTemporaryDir dir;
  const QString copy = dir.filePath(QStringLiteral("ucdp.csv"));
  ASSERT_TRUE(QFile::copy(test::importFixture("ucdp-ged.csv"), copy));
  QSignalSpy finished(window.get(), &MainWindow::importFinished);
  QMimeData mime;
  mime.setUrls({QUrl::fromLocalFile(copy)});
  // A drag enters the window, then drops: as the platform delivers it.
  QDragEnterEvent enter(QPoint(100, 100), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
  QApplication::sendEvent(window.get(), &enter);
  EXPECT_TRUE(enter.isAccepted());
  QDropEvent drop(QPointF(100, 100), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
  QApplication::sendEvent(window.get(), &drop);
  ASSERT_TRUE(waitForImport(*window, finished));
  ASSERT_TRUE(finished.first().at(0).toBool());
  EXPECT_TRUE(window->canvas()->incidents()->store().find("900001"));
  EXPECT_TRUE(window->importReport()->text().contains(QStringLiteral("(UCDP GED)")));

  finished.clear();
  window->openDatasets({copy}, MainWindow::OpenMode::Replace);
  ASSERT_TRUE(waitForImport(*window, finished));
  ASSERT_TRUE(finished.first().at(0).toBool());
  EXPECT_EQ(window->canvas()->incidents()->store().size(), 2u);
  // The cached reopening lists the same rejections as the import.
  const QString cached = window->importReport()->text();
  EXPECT_TRUE(cached.contains(QStringLiteral("read from the cache"))) << cached.toStdString();
  EXPECT_TRUE(cached.contains(QStringLiteral("4 rows read, 2 incidents accepted, 0 duplicates merged, 2 rejected")))
      << cached.toStdString();
  EXPECT_TRUE(cached.contains(QStringLiteral("date_start: not a date: '2021-13-40'")));
  EXPECT_EQ(window->session().datasetPaths(), QStringList{copy});
}

TEST_F(WindowImportTest, DatasetsAreLayersToHideColourAndRemove) {
  QSignalSpy finished(window.get(), &MainWindow::importFinished);
  window->openDatasets({test::importFixture("acled-2025.csv")}, MainWindow::OpenMode::Add);
  ASSERT_TRUE(waitForImport(*window, finished));
  ASSERT_TRUE(finished.first().at(0).toBool());
  const EventStore& store = window->canvas()->incidents()->store();
  ASSERT_EQ(store.datasetCount(), 2u);
  ASSERT_TRUE(store.find("FIX-0001"));
  EXPECT_EQ(store.dataset(*store.find("FIX-0001")), 0u);
  DatasetPanel* panel = window->datasets();
  ASSERT_EQ(panel->datasetCount(), 2u);
  const QTreeWidget* list = panel->findChild<QTreeWidget*>(QStringLiteral("datasetList"));
  ASSERT_NE(list, nullptr);
  EXPECT_EQ(list->topLevelItem(0)->text(0), QStringLiteral("situation-fixture"));
  EXPECT_EQ(list->topLevelItem(0)->text(1), QStringLiteral("25"));
  EXPECT_EQ(list->topLevelItem(1)->text(0), QString::fromStdString(store.datasetInfo(1).name));
  EXPECT_EQ(list->topLevelItem(1)->text(1), QStringLiteral("3"));
  // The selected dataset's description is shown.
  panel->selectDataset(0);
  EXPECT_TRUE(panel->findChild<QLabel*>(QStringLiteral("datasetDetails"))
                  ->text()
                  .contains(QStringLiteral("Situation Viewer test fixture")))
      << panel->findChild<QLabel*>(QStringLiteral("datasetDetails"))->text().toStdString();
  // The selected dataset's attribution is shown.
  panel->selectDataset(1);
  EXPECT_TRUE(panel->findChild<QLabel*>(QStringLiteral("datasetDetails"))->text().contains(QStringLiteral("ACLED")));
  // The table tells the datasets apart.
  EXPECT_FALSE(window->incidentTable()->findChild<QTableView*>()->isColumnHidden(IncidentTableModel::DatasetColumn));

  // Hiding the ACLED layer leaves its incidents out of the map's range query, the timeline and the table.
  window->timeController()->setSelection([&] {
    TimeSelection all = window->timeController()->selection();
    all.mode = TimeMode::Cumulative;
    all.cursor = store.lastDay();
    return all;
  }());
  const auto acled = *store.find("MLI9001");
  auto shows = [&](EventStore::Index incident) {
    const auto shown = store.overlapping(window->timeController()->range().from, window->timeController()->range().to,
                                         window->timeController()->filter());
    return std::find(shown.begin(), shown.end(), incident) != shown.end();
  };
  EXPECT_TRUE(shows(acled));
  window->session().setDatasetVisible(1, false);
  EXPECT_EQ(window->timeController()->filter().datasets & IncidentFilter::datasetBit(1), 0u);
  EXPECT_FALSE(shows(acled));
  EXPECT_EQ(window->canvas()->incidentView().filter.datasets, window->timeController()->filter().datasets);
  // The filter panel's own changes keep the layer hidden.
  window->filters()->minimumFatalities()->setValue(1);
  EXPECT_EQ(window->timeController()->filter().minFatalities, 1);
  EXPECT_EQ(window->timeController()->filter().datasets & IncidentFilter::datasetBit(1), 0u);
  window->filters()->reset();
  window->session().setDatasetVisible(1, true);

  // One colour for a dataset: on the map, in the legend and in exports.
  const QColor crimson = DatasetPanel::suggestedColour(1);
  window->session().setDatasetColour(1, crimson);
  ASSERT_EQ(window->canvas()->incidentView().datasetColours.size(), 2u);
  EXPECT_EQ(window->canvas()->incidentView().datasetColours[1], crimson);
  EXPECT_FALSE(window->canvas()->incidentView().datasetColours[0].isValid());
  EXPECT_EQ(window->legend()->datasetRows(), 1);
  EXPECT_EQ(window->compositionDialog()->content().view.datasetColours[1], crimson);

  // Styles follow their files through another import.
  finished.clear();
  window->openDatasets({test::importFixture("ucdp-ged.csv")}, MainWindow::OpenMode::Add);
  ASSERT_TRUE(waitForImport(*window, finished));
  ASSERT_EQ(window->datasets()->datasetCount(), 3u);
  EXPECT_EQ(window->session().styles()[1].colour, crimson);
  EXPECT_FALSE(window->session().styles()[2].colour.isValid());
  // Opening a file already open adds nothing.
  finished.clear();
  window->openDatasets({test::importFixture("acled-2025.csv")}, MainWindow::OpenMode::Add);
  ASSERT_TRUE(waitForImport(*window, finished));
  EXPECT_EQ(window->canvas()->incidents()->store().datasetCount(), 3u);

  // Removing a dataset keeps the others with their styles.
  finished.clear();
  window->datasets()->selectDataset(0);
  QTest::mouseClick(window->datasets()->findChild<QPushButton*>(QStringLiteral("removeDataset")), Qt::LeftButton);
  ASSERT_TRUE(waitForImport(*window, finished));
  ASSERT_TRUE(finished.first().at(0).toBool());
  EXPECT_EQ(window->session().datasetPaths(),
            (QStringList{test::importFixture("acled-2025.csv"), test::importFixture("ucdp-ged.csv")}));
  EXPECT_EQ(window->session().styles()[0].colour, crimson);
  EXPECT_FALSE(window->canvas()->incidents()->store().find("FIX-0001"));
  EXPECT_EQ(window->canvas()->incidents()->store().size(), 3u + 2u) << "the ACLED and UCDP incidents";
  EXPECT_TRUE(window->canvas()->incidents()->store().find("MLI9001"));
}

TEST_F(WindowImportTest, ATableOfItsOwnColumnsAsksForThemFirst) {
  QSignalSpy finished(window.get(), &MainWindow::importFinished);
  window->openDatasets({test::importFixture("own-columns.csv")}, MainWindow::OpenMode::Add);
  auto* dialog = window->findChild<ColumnMappingDialog*>();
  ASSERT_NE(dialog, nullptr);
  EXPECT_FALSE(window->session().isImporting());
  EXPECT_FALSE(dialog->check().usable);
  EXPECT_TRUE(dialog->checkText().contains(QStringLiteral("no date column"))) << dialog->checkText().toStdString();
  for (const auto& [role, column] : {std::pair{"id", "Ref"},
                                     {"date", "Jour"},
                                     {"end", "Fin"},
                                     {"lat", "Nord"},
                                     {"lon", "Est"},
                                     {"place", "Lieu"},
                                     {"fatalities", "Morts"},
                                     {"notes", "Observations"}})
    ASSERT_TRUE(dialog->setColumn(QLatin1String(role), QLatin1String(column))) << role;
  EXPECT_FALSE(dialog->setColumn(QStringLiteral("date"), QStringLiteral("No such column")));
  EXPECT_TRUE(dialog->check().usable);
  EXPECT_TRUE(dialog->checkText().startsWith(QStringLiteral("2 of the 4 rows shown become incidents")))
      << dialog->checkText().toStdString();
  dialog->accept();
  ASSERT_TRUE(waitForImport(*window, finished));
  ASSERT_TRUE(finished.first().at(0).toBool()) << finished.first().at(1).toString().toStdString();
  const EventStore& store = window->canvas()->incidents()->store();
  ASSERT_TRUE(store.find("A1"));
  EXPECT_EQ(store.place(*store.find("A1")), "Mopti");
  EXPECT_TRUE(window->importReport()->text().contains(QStringLiteral("2 rejected")));
  const QString mapping = window->session().columnMapping(test::importFixture("own-columns.csv"));
  EXPECT_TRUE(mapping.contains(QStringLiteral("date=Jour"))) << mapping.toStdString();
  // A project keeps the mapping, to read the file the same way again.
  EXPECT_EQ(window->currentProject().datasets.back().mapping, mapping);

  // Cancelling the dialog opens nothing.
  QTemporaryDir dir;
  const QString copy = dir.filePath(QStringLiteral("copy.csv"));
  ASSERT_TRUE(QFile::copy(test::importFixture("own-columns.csv"), copy));
  finished.clear();
  window->openDatasets({copy}, MainWindow::OpenMode::Add);
  auto* again = window->findChild<ColumnMappingDialog*>();
  ASSERT_NE(again, nullptr);
  again->reject();
  ASSERT_EQ(finished.size(), 1);
  EXPECT_FALSE(finished.first().at(0).toBool());
  EXPECT_EQ(window->session().datasetPaths(),
            (QStringList{test::fixturePath(), test::importFixture("own-columns.csv")}));
}

} // namespace
} // namespace sv
