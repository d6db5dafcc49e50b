// The incident table, the place search and the selection shared by the map,
// the dossier and the table, on the offscreen platform, with the fixture's
// incidents (tests/data/ui/situation-fixture.geojson).
#include "widgets/incidenttable.h"
#include "app/appdata.h"
#include "app/windowtest.h"
#include "bench/synthetic.h"
#include "widgets/dossierpanel.h"
#include "widgets/placesearchfield.h"

#include "domain/textfold.h"
#include "render/testmap.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QClipboard>
#include <QCompleter>
#include <QDockWidget>
#include <QLineEdit>
#include <QMimeData>
#include <QStandardItemModel>
#include <QTableView>
#include <QTemporaryDir>
#include <QTextBrowser>
#include <QUrl>

#include <algorithm>

namespace sv {
namespace {

DayNumber day(const char* iso) { return *parseIsoDate(iso); }

std::shared_ptr<const EventStore> fixtureStore() { return test::fixtureContext().incidents->storePointer(); }

// The ids of the rows shown, in their order.
QStringList rowIds(const IncidentTableModel& model) {
  QStringList ids;
  for (EventStore::Index i : model.rows())
    ids << QString::fromUtf8(model.store()->id(i).data(), static_cast<qsizetype>(model.store()->id(i).size()));
  return ids;
}

std::shared_ptr<const EventStore> syntheticStore(std::size_t count) {
  test::SyntheticOptions options;
  options.count = count;
  options.firstDay = day("2020-01-01");
  options.lastDay = day("2020-12-31");
  return EventStore::build(test::generateSyntheticIncidents(options));
}

QStringList column(const IncidentTableModel& model, int column) {
  QStringList cells;
  for (int row = 0; row < model.rowCount(); ++row) cells << model.index(row, column).data().toString();
  return cells;
}

TEST(IncidentTableModel, PassesTheModelTesterThroughRangesSearchesAndSorts) {
  IncidentTableModel model;
  QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
  model.setStore(fixtureStore());
  EXPECT_TRUE(model.setIncidents({day("2020-10-01"), day("2020-10-31")}, {}));
  EXPECT_EQ(model.rowCount(), 8);
  EXPECT_FALSE(model.setIncidents({day("2020-10-01"), day("2020-10-31")}, {})) << "the same rows signal nothing";
  for (int c = 0; c < IncidentTableModel::ColumnCount; ++c) {
    model.sort(c, Qt::AscendingOrder);
    model.sort(c, Qt::DescendingOrder);
  }
  model.setSearchText(QStringLiteral("jnim"));
  EXPECT_EQ(model.rowCount(), 5);
  model.setIncidents({fixtureStore()->firstDay(), fixtureStore()->lastDay()}, {});
  EXPECT_EQ(model.rowCount(), 13);
  model.setSearchText(QString());
  EXPECT_EQ(model.rowCount(), 25);
  model.setIncidents({day("2023-06-01"), day("2023-06-01")}, {});
  EXPECT_EQ(model.rowCount(), 0);
  model.setStore(nullptr);
  EXPECT_EQ(model.rowCount(), 0);
}

TEST(IncidentTableModel, ShowsTheRangeUnderTheFilterInDateOrder) {
  const auto store = fixtureStore();
  IncidentTableModel model;
  model.setStore(store);
  IncidentFilter battles;
  battles.types = IncidentFilter::typeBit(EventType::Battles);
  model.setIncidents({day("2020-10-01"), day("2020-10-31")}, battles);
  const auto expected = store->overlapping(day("2020-10-01"), day("2020-10-31"), battles);
  ASSERT_EQ(model.rows(), expected);
  EXPECT_EQ(rowIds(model), test::idList({"FIX-0004", "FIX-0005", "FIX-0009"}));
  for (int row = 0; row < model.rowCount(); ++row) {
    EXPECT_EQ(model.index(row, IncidentTableModel::TypeColumn).data().toString(), QStringLiteral("Battles"));
    EXPECT_EQ(model.index(row, 0).data(IncidentTableModel::IncidentRole).toUInt(), model.incidentAt(row));
  }
  // The battle of several days shows its span and its place; precision shows in the date.
  model.setIncidents({day("2020-10-06"), day("2020-10-06")}, {});
  EXPECT_EQ(rowIds(model), test::idList({"FIX-0002", "FIX-0003", "FIX-0004"}));
  const auto battle = model.rowOf(*store->find("FIX-0004"));
  ASSERT_TRUE(battle);
  EXPECT_EQ(model.index(*battle, IncidentTableModel::DateColumn).data().toString(),
            QStringLiteral("6\u201322 Oct 2020"));
  EXPECT_EQ(model.index(*battle, IncidentTableModel::PlaceColumn).data().toString(), QStringLiteral("Farabougou"));
  EXPECT_EQ(model.index(*battle, IncidentTableModel::RegionColumn).data().toString(), QStringLiteral("Ségou"));
  EXPECT_EQ(column(model, IncidentTableModel::DateColumn),
            (QStringList{QStringLiteral("~1\u201310 Oct 2020"), QStringLiteral("6 Oct 2020"),
                         QStringLiteral("6\u201322 Oct 2020")}));
}

TEST(IncidentTableModel, SortsEachColumnWithNotReportedBelowZero) {
  const auto store = syntheticStore(3000);
  IncidentTableModel model;
  model.setStore(store);
  model.setIncidents({store->firstDay(), store->lastDay()}, {});
  ASSERT_EQ(model.rowCount(), 3000);

  model.sort(IncidentTableModel::FatalitiesColumn, Qt::DescendingOrder);
  std::int64_t previous = std::numeric_limits<std::int64_t>::max();
  bool sawNotReported = false;
  for (EventStore::Index i : model.rows()) {
    const Fatalities f = store->fatalities(i);
    const std::int64_t key = !f.reported ? -2 : f.low.value_or(-1);
    EXPECT_LE(key, previous);
    previous = key;
    sawNotReported = sawNotReported || !f.reported;
  }
  EXPECT_TRUE(sawNotReported) << "the synthetic data leaves some fatalities unreported";
  EXPECT_EQ(model.index(0, IncidentTableModel::FatalitiesColumn).data().toString().toStdString(),
            formatFatalities(store->fatalities(model.rows().front())));

  model.sort(IncidentTableModel::PlaceColumn, Qt::AscendingOrder);
  const QStringList places = column(model, IncidentTableModel::PlaceColumn);
  for (qsizetype k = 1; k < places.size(); ++k)
    EXPECT_LE(foldText(places[k - 1].toStdString()), foldText(places[k].toStdString()));

  model.sort(IncidentTableModel::DateColumn, Qt::AscendingOrder);
  EXPECT_TRUE(std::is_sorted(model.rows().begin(), model.rows().end())) << "store order is date order";
  model.sort(IncidentTableModel::DateColumn, Qt::DescendingOrder);
  EXPECT_TRUE(std::is_sorted(model.rows().rbegin(), model.rows().rend()));
}

TEST(IncidentTableModel, SearchIgnoresCaseAndAccentsAcrossColumns) {
  const auto store = fixtureStore();
  IncidentTableModel model;
  model.setStore(store);
  model.setIncidents({store->firstDay(), store->lastDay()}, {});
  const int all = model.rowCount();
  ASSERT_EQ(all, 25);
  model.setSearchText(QStringLiteral("FÁRABOUGOU"));
  EXPECT_EQ(rowIds(model), test::idList({"FIX-0002", "FIX-0003", "FIX-0004", "FIX-0005", "FIX-0008", "FIX-0009",
                                         "FIX-0012", "FIX-0022"}));
  EXPECT_EQ(model.unsearchedCount(), static_cast<std::size_t>(all));
  for (EventStore::Index i : model.rows()) {
    const bool inPlace = foldText(store->place(i)).find("farabougou") != std::string::npos;
    const bool inSummary = foldText(store->summary(i)).find("farabougou") != std::string::npos;
    EXPECT_TRUE(inPlace || inSummary) << store->id(i);
  }
  // An actor, a type and an id.
  model.setSearchText(QStringLiteral("dozo"));
  EXPECT_EQ(rowIds(model), test::idList({"FIX-0004", "FIX-0005", "FIX-0011", "FIX-0025"}));
  model.setSearchText(QStringLiteral("violence against civilians"));
  EXPECT_EQ(rowIds(model), test::idList({"FIX-0002", "FIX-0003", "FIX-0011", "FIX-0012", "FIX-0016"}));
  for (EventStore::Index i : model.rows())
    EXPECT_EQ(store->type(i), EventType::ViolenceAgainstCivilians) << store->id(i);
  model.setSearchText(QStringLiteral("fix-0022"));
  EXPECT_EQ(rowIds(model), test::idList({"FIX-0022"}));
  model.setSearchText(QStringLiteral("no such words anywhere"));
  EXPECT_EQ(model.rowCount(), 0);
}

TEST(IncidentTableModel, WritesFormulaSafeCsvOfTheRowsShown) {
  Incident hostile;
  hostile.id = "X-1";
  hostile.start = hostile.end = day("2024-03-01");
  hostile.place = "=cmd|' /C calc'!A0";
  hostile.summary = "+SUM(A1:A9), with \"quotes\"";
  hostile.actors.primary = {"@actor"};
  Incident plain = hostile;
  plain.id = "X-2";
  plain.place = "Kayes";
  plain.summary = "-5 is a plain number elsewhere";
  const auto store = EventStore::build({hostile, plain});
  IncidentTableModel model;
  model.setStore(store);
  model.setIncidents({day("2024-01-01"), day("2024-12-31")}, {});
  QString csv;
  QTextStream out(&csv);
  model.writeCsv(out);
  out.flush();
  const QStringList lines = csv.split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
  ASSERT_EQ(lines.size(), 3);
  EXPECT_TRUE(lines[0].startsWith(QStringLiteral("id,start,end,")));
  EXPECT_TRUE(lines[1].contains(QStringLiteral(",'=cmd|' /C calc'!A0,"))) << lines[1].toStdString();
  EXPECT_TRUE(lines[1].contains(QStringLiteral("\"'+SUM(A1:A9), with \"\"quotes\"\"\""))) << lines[1].toStdString();
  EXPECT_TRUE(lines[1].contains(QStringLiteral(",'@actor,")));
  EXPECT_TRUE(lines[2].contains(QStringLiteral(",'-5 is a plain number elsewhere,")));

  // The search narrows what is written; tab-separated text has the shown columns.
  model.setSearchText(QStringLiteral("kayes"));
  csv.clear();
  model.writeCsv(out);
  out.flush();
  EXPECT_EQ(csv.count(QStringLiteral("\r\n")), 2);
  const QString tsv = model.tabSeparated({0});
  EXPECT_TRUE(tsv.startsWith(QStringLiteral("Date\tPlace\tRegion\tType\tActors\tFatalities\tSummary\tId\n")));
  EXPECT_TRUE(tsv.contains(QStringLiteral("\tKayes\t")));
}

TEST(IncidentTablePanel, FollowsTheRangeKeepingTheTopRowAndSelection) {
  const auto store = syntheticStore(4000);
  TimeController controller;
  controller.setStore(store);
  controller.setSelection({TimeMode::Window, day("2020-06-30"), {1, TimeUnit::Day}, {60, TimeUnit::Day}, 0});
  IncidentTablePanel panel(store, &controller);
  panel.resize(900, 400);
  panel.show();
  ASSERT_TRUE(QTest::qWaitForWindowExposed(&panel));
  IncidentTableModel* model = panel.model();
  ASSERT_GT(model->rowCount(), 300);
  QTableView* view = panel.view();

  // Scroll well down and select a row there.
  view->scrollTo(model->index(200, 0), QAbstractItemView::PositionAtTop);
  const int topRow = view->indexAt(QPoint(0, 0)).row();
  ASSERT_GT(topRow, 100);
  const EventStore::Index topIncident = model->incidentAt(topRow);
  QSignalSpy selected(&panel, &IncidentTablePanel::incidentSelected);
  view->selectionModel()->setCurrentIndex(model->index(topRow + 3, 2),
                                          QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
  ASSERT_EQ(selected.count(), 1);
  const auto chosen = selected.takeFirst().at(0).value<EventStore::Index>();
  EXPECT_EQ(chosen, model->incidentAt(topRow + 3));

  // One more day at the end: new rows, but the view stays on the same
  // incidents and the selection holds, without a word back.
  controller.setCursor(day("2020-07-01"));
  EXPECT_EQ(model->incidentAt(view->indexAt(QPoint(0, 0)).row()), topIncident);
  ASSERT_TRUE(view->currentIndex().isValid());
  EXPECT_EQ(model->incidentAt(view->currentIndex().row()), chosen);
  EXPECT_EQ(selected.count(), 0);

  // A range that leaves the incident out clears the selection in the view.
  controller.setCursor(day("2020-12-31"));
  EXPECT_FALSE(view->selectionModel()->hasSelection());

  // Hidden, the table stops following and catches up when shown again.
  panel.hide();
  controller.setCursor(day("2020-03-31"));
  const auto expected = store->overlapping(controller.range().from, controller.range().to);
  EXPECT_NE(model->rows(), expected);
  panel.show();
  EXPECT_EQ(model->rows(), expected);
  EXPECT_TRUE(panel.selectedIncident()) << "the chosen incident is remembered";
}

TEST(IncidentTablePanel, CopiesTheSelectedRowsOrAllAndExportsCsv) {
  const auto store = fixtureStore();
  TimeController controller;
  controller.setStore(store);
  controller.setSelection({TimeMode::Window, day("2020-10-31"), {1, TimeUnit::Day}, {1, TimeUnit::Month}, 0});
  IncidentTablePanel panel(store, &controller);
  panel.show();
  ASSERT_TRUE(QTest::qWaitForWindowExposed(&panel));
  const int rows = panel.model()->rowCount();
  ASSERT_EQ(rows, 8); // FIX-0002 to FIX-0009, in October 2020
  panel.copyRows();
  const QStringList all = QApplication::clipboard()->text().split(QLatin1Char('\n'), Qt::SkipEmptyParts);
  ASSERT_EQ(all.size(), rows + 1);
  EXPECT_TRUE(all[1].startsWith(QStringLiteral("~1\u201310 Oct 2020\tFarabougou\tSégou\tViolence against civilians\t")))
      << all[1].toStdString();
  EXPECT_TRUE(all[8].endsWith(QStringLiteral("\tFIX-0009"))) << all[8].toStdString();
  panel.view()->selectionModel()->select(panel.model()->index(1, 0),
                                         QItemSelectionModel::Select | QItemSelectionModel::Rows);
  panel.view()->selectionModel()->select(panel.model()->index(2, 0),
                                         QItemSelectionModel::Select | QItemSelectionModel::Rows);
  panel.copyRows();
  const QStringList two = QApplication::clipboard()->text().split(QLatin1Char('\n'), Qt::SkipEmptyParts);
  ASSERT_EQ(two.size(), 3);
  EXPECT_TRUE(two[1].endsWith(QStringLiteral("\tFIX-0003"))) << two[1].toStdString();
  EXPECT_TRUE(two[2].endsWith(QStringLiteral("\tFIX-0004"))) << two[2].toStdString();
  const QMimeData* mime = QApplication::clipboard()->mimeData();
  ASSERT_TRUE(mime->hasFormat(QStringLiteral("text/csv")));
  const QStringList csvRows =
      QString::fromUtf8(mime->data(QStringLiteral("text/csv"))).split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
  ASSERT_EQ(csvRows.size(), 3);
  EXPECT_TRUE(csvRows[1].startsWith(QStringLiteral("FIX-0003,2020-10-06,2020-10-06,"))) << csvRows[1].toStdString();
  EXPECT_TRUE(csvRows[2].startsWith(QStringLiteral("FIX-0004,2020-10-06,2020-10-22,"))) << csvRows[2].toStdString();

  panel.searchField()->setText(QStringLiteral("dozo"));
  QTest::keyClick(panel.searchField(), Qt::Key_Return);
  EXPECT_EQ(rowIds(*panel.model()), test::idList({"FIX-0004", "FIX-0005"}));
  QTemporaryDir dir;
  QString error;
  ASSERT_TRUE(panel.exportCsv(dir.filePath(QStringLiteral("rows.csv")), &error)) << error.toStdString();
  QFile file(dir.filePath(QStringLiteral("rows.csv")));
  ASSERT_TRUE(file.open(QIODevice::ReadOnly));
  const QStringList written = QString::fromUtf8(file.readAll()).split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
  ASSERT_EQ(written.size(), 3);
  EXPECT_TRUE(written[0].startsWith(QStringLiteral("id,start,end,"))) << written[0].toStdString();
  EXPECT_TRUE(written[1].startsWith(
      QStringLiteral("FIX-0004,2020-10-06,2020-10-22,day,6\u201322 Oct 2020,Farabougou,2457671,")))
      << written[1].toStdString();
  EXPECT_TRUE(written[1].contains(QStringLiteral(",\"Fixture battle at Farabougou, lasting seventeen days.\",")))
      << written[1].toStdString();
  EXPECT_TRUE(
      written[2].startsWith(QStringLiteral("FIX-0005,2020-10-09,2020-10-09,day,9 Oct 2020,Farabougou,2457671,")))
      << written[2].toStdString();
  EXPECT_FALSE(panel.exportCsv(dir.filePath(QStringLiteral("no/such/folder/rows.csv")), &error));
  EXPECT_TRUE(error.contains(QStringLiteral("rows.csv")));
}

} // namespace

TEST_F(WindowTest, TheTableTheMapAndTheDossierShareTheSelection) {
  QDockWidget* dock = window->incidentTableDock();
  ASSERT_NE(dock, nullptr);
  EXPECT_FALSE(dock->isVisible()) << "the table opens from the View menu";
  dock->show();
  IncidentTablePanel* table = window->incidentTable();
  DossierPanel* dossier = window->dossier();
  MapCanvas* canvas = window->canvas();
  const EventStore& store = *window->timeController()->store();
  window->timeController()->setSelection(
      {TimeMode::Window, day("2020-10-31"), {1, TimeUnit::Day}, {1, TimeUnit::Month}, 0});

  EXPECT_EQ(table->model()->rowCount(), 8) << "FIX-0002 to FIX-0009, in October 2020";

  // Table -> map and dossier.
  const EventStore::Index battle = *store.find("FIX-0004");
  const auto row = table->model()->rowOf(battle);
  ASSERT_TRUE(row);
  table->view()->selectionModel()->setCurrentIndex(table->model()->index(*row, 0),
                                                   QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
  EXPECT_EQ(canvas->selectedIncident(), battle);
  ASSERT_TRUE(dossier->place());
  EXPECT_EQ(dossier->place()->name, "Farabougou");
  EXPECT_EQ(dossier->selectedIncident(), battle);

  // Dossier -> table and map: the abduction the same day.
  waitForDossier();
  EXPECT_EQ(dossier->history().entries.size(), 8u);
  const EventStore::Index other = *store.find("FIX-0003");
  emit dossier->browser()->anchorClicked(QUrl(QStringLiteral("incident:%1").arg(other)));
  EXPECT_EQ(canvas->selectedIncident(), other);
  ASSERT_TRUE(table->view()->currentIndex().isValid());
  EXPECT_EQ(table->model()->incidentAt(table->view()->currentIndex().row()), other);

  // Map -> table and dossier: a click on Farabougou's symbols selects the one
  // on top, the battle with the most fatalities.
  waitForRender();
  const QPointF farabougou =
      canvas->mapSettings().toPixel(test::projectedPlace(*test::bundledBaseMap(), "Farabougou").position);
  clickAt(canvas, farabougou);
  EXPECT_EQ(canvas->selectedIncident(), battle);
  EXPECT_EQ(dossier->selectedIncident(), battle);
  ASSERT_TRUE(table->view()->currentIndex().isValid());
  EXPECT_EQ(table->model()->incidentAt(table->view()->currentIndex().row()), *canvas->selectedIncident());
}

TEST_F(WindowTest, PlaceSearchCompletesRanksAndOpensTheDossier) {
  PlaceSearchField* search = window->placeSearch();
  ASSERT_NE(search, nullptr);
  // Ctrl+F from the map focuses the box.
  window->canvas()->setFocus();
  QTest::keyClick(window->canvas(), Qt::Key_F, Qt::ControlModifier);
  EXPECT_TRUE(search->hasFocus());

  QTest::keyClicks(search, QStringLiteral("FARABOUGOU"));
  QStandardItemModel* suggestions = search->suggestionModel();
  ASSERT_GE(suggestions->rowCount(), 2) << "Farabougou has homonyms";
  // The one with incidents first, with their number.
  EXPECT_EQ(suggestions->item(0)->text(), QStringLiteral("Farabougou — Niono cercle, Ségou · 8 incidents"));
  for (int k = 1; k < suggestions->rowCount(); ++k) {
    const QString homonym = suggestions->item(k)->text();
    if (!homonym.startsWith(QStringLiteral("Farabougou — "))) continue;
    EXPECT_TRUE(homonym.contains(QStringLiteral(" cercle, ")))
        << "homonyms say where they are: " << homonym.toStdString();
    EXPECT_FALSE(homonym.contains(QStringLiteral(" incident"))) << homonym.toStdString();
  }
  EXPECT_TRUE(search->placeCompleter()->popup()->isVisible());

  QTest::keyClick(search, Qt::Key_Return);
  DossierPanel* dossier = window->dossier();
  ASSERT_TRUE(dossier->place());
  EXPECT_EQ(dossier->place()->name, "Farabougou");
  waitForDossier();
  EXPECT_EQ(dossier->history().entries.size(), 8u);
  EXPECT_TRUE(dossier->isVisible());
  const QPointF viewCentre = window->canvas()->mapSettings().center();
  const auto expected = test::projectedPlace(*test::bundledBaseMap(), "Farabougou").position;
  EXPECT_NEAR(viewCentre.x(), expected.x(), 1.0);
  EXPECT_NEAR(viewCentre.y(), expected.y(), 1.0);

  // Accents and alternate names; a highlighted suggestion is the one taken.
  search->clear();
  QTest::keyClicks(search, QStringLiteral("segou"));
  ASSERT_GE(suggestions->rowCount(), 2);
  EXPECT_EQ(suggestions->item(0)->text(), QStringLiteral("Ségou — Ségou cercle, Ségou · 1 incident"));
  const QString second = suggestions->item(1)->data(Qt::UserRole + 2).toString();
  QTest::keyClick(search->placeCompleter()->popup(), Qt::Key_Down);
  QTest::keyClick(search->placeCompleter()->popup(), Qt::Key_Down);
  QTest::keyClick(search->placeCompleter()->popup(), Qt::Key_Return);
  EXPECT_EQ(QString::fromStdString(dossier->place()->name), second);

  search->clear();
  QTest::keyClicks(search, QStringLiteral("Dogofiri"));
  QTest::keyClick(search, Qt::Key_Return);
  EXPECT_EQ(dossier->place()->name, "Dogofri");

  // A dataset's place is exported as Markdown and CSV.
  search->clear();
  QTest::keyClicks(search, QStringLiteral("Farabougou"));
  QTest::keyClick(search, Qt::Key_Return);
  QTemporaryDir dir;
  QString error;
  ASSERT_TRUE(dossier->exportTo(dir.filePath(QStringLiteral("f.md")), DossierPanel::ExportFormat::Markdown, &error))
      << error.toStdString();
  const QStringList atFarabougou =
      test::idList({"FIX-0002", "FIX-0003", "FIX-0004", "FIX-0005", "FIX-0008", "FIX-0009", "FIX-0012", "FIX-0022"});
  QFile markdown(dir.filePath(QStringLiteral("f.md")));
  ASSERT_TRUE(markdown.open(QIODevice::ReadOnly));
  const QString md = QString::fromUtf8(markdown.readAll());
  EXPECT_TRUE(md.startsWith(QStringLiteral("# Farabougou\n")));
  EXPECT_TRUE(md.contains(QStringLiteral("\n- 8 incidents, from 1 Oct 2020 to 19 Aug 2025\n"))) << md.toStdString();
  EXPECT_EQ(md.count(QStringLiteral("\n### ")), 8);
  EXPECT_TRUE(md.contains(
      QStringLiteral("\n### 6\u201322 Oct 2020 — Battles / Armed clash\n\nFarabougou (exact) · `FIX-0004`  \n")))
      << md.toStdString();
  for (const QString& id : atFarabougou) EXPECT_TRUE(md.contains(QStringLiteral("`%1`").arg(id))) << id.toStdString();
  ASSERT_TRUE(dossier->exportTo(dir.filePath(QStringLiteral("f.csv")), DossierPanel::ExportFormat::Csv, &error));
  QFile csv(dir.filePath(QStringLiteral("f.csv")));
  ASSERT_TRUE(csv.open(QIODevice::ReadOnly));
  const QStringList rows = QString::fromUtf8(csv.readAll()).split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
  ASSERT_EQ(rows.size(), 9);
  EXPECT_TRUE(rows[0].startsWith(QStringLiteral("id,at_place,distance_km,direction,start,")));
  for (qsizetype k = 0; k < atFarabougou.size(); ++k)
    EXPECT_TRUE(rows[k + 1].startsWith(atFarabougou[k] + QStringLiteral(",true,,,"))) << rows[k + 1].toStdString();
  // The one-place sheet: a PDF of the map and the chronology.
  ASSERT_TRUE(dossier->exportTo(dir.filePath(QStringLiteral("f.pdf")), DossierPanel::ExportFormat::Pdf, &error))
      << error.toStdString();
  QFile sheet(dir.filePath(QStringLiteral("f.pdf")));
  ASSERT_TRUE(sheet.open(QIODevice::ReadOnly));
  EXPECT_TRUE(sheet.read(5).startsWith("%PDF-"));
  EXPECT_GT(sheet.size(), 20000);
  const QString sheetText = test::pdfText(dir.filePath(QStringLiteral("f.pdf")));
  EXPECT_TRUE(sheetText.contains(QStringLiteral("Farabougou \u2014 incident history")))
      << sheetText.left(400).toStdString();
  EXPECT_TRUE(sheetText.contains(QStringLiteral("Farabougou \u2014 chronology")));
  EXPECT_TRUE(sheetText.contains(QStringLiteral("8 at Farabougou, from 2020-10-01 to 2025-08-19")));
  for (const QString& id : atFarabougou) EXPECT_TRUE(sheetText.contains(id)) << id.toStdString();
  EXPECT_FALSE(
      dossier->exportTo(dir.filePath(QStringLiteral("missing/f.md")), DossierPanel::ExportFormat::Markdown, &error));
  EXPECT_TRUE(error.contains(QStringLiteral("missing/f.md")));
  EXPECT_TRUE(dossier->historyText().startsWith(
      QStringLiteral("Farabougou, Niono cercle, S\u00e9gou region (geonames:2457671)\n")));

  // Nothing found: said in the status bar, the dossier stays.
  search->clear();
  QTest::keyClicks(search, QStringLiteral("zzqxj"));
  QTest::keyClick(search, Qt::Key_Return);
  EXPECT_EQ(dossier->place()->name, "Farabougou");
}

} // namespace sv
