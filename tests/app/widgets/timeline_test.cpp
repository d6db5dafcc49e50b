// The timeline strip, its controls, the filter panel, and the main window
// scrubbing through the fixture's incidents (tests/data/ui/situation-fixture.geojson),
// on the offscreen platform.
#include "app/viewerprocess.h"
#include "app/windowtest.h"
#include "mainwindow.h"
#include "widgets/dossierpanel.h"
#include "widgets/filterpanel.h"
#include "widgets/mapcanvas.h"
#include "widgets/timelinepanel.h"
#include "widgets/timelineview.h"

#include "control/timecontroller.h"
#include "render/testmap.h"

#include <QApplication>
#include <QCalendarWidget>
#include <QCheckBox>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QListWidget>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTest>
#include <QTextBrowser>
#include <QTreeWidget>
#include <QUrl>

#include <gtest/gtest.h>

namespace sv {
namespace {

DayNumber day(const char* iso) { return *parseIsoDate(iso); }

class TimelineTest : public ::testing::Test {
protected:
  void SetUp() override {
    controller.setStore(test::fixtureContext().incidents->storePointer());
    panel = std::make_unique<TimelinePanel>(&controller);
    panel->resize(1200, 200);
    panel->show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(panel.get()));
    view = panel->view();
  }

  const EventStore& store() const { return *controller.store(); }

  TimeController controller;
  std::unique_ptr<TimelinePanel> panel;
  TimelineView* view = nullptr;
};

TEST_F(TimelineTest, DraggingTheBandMovesTheRangeOneSignalPerChange) {
  controller.setSelection(
      {TimeMode::Window, day("2021-06-30"), {1, TimeUnit::Day}, {30, TimeUnit::Day}, store().firstDay()});
  view->setVisibleSpan(day("2021-01-01"), day("2022-01-01"));
  const double perDay = view->plotRect().width() / 365.0;
  const QPointF start = view->bandRect().center();
  QSignalSpy ranges(&controller, &TimeController::rangeChanged);
  sendMouse(view, QEvent::MouseButtonPress, start, Qt::LeftButton, Qt::LeftButton);
  sendMouse(view, QEvent::MouseMove, start + QPointF(10 * perDay, 0), Qt::NoButton, Qt::LeftButton);
  EXPECT_EQ(ranges.count(), 1);
  EXPECT_EQ(controller.selection().cursor, day("2021-07-10"));
  // A move that lands on the same day changes nothing and says nothing.
  sendMouse(view, QEvent::MouseMove, start + QPointF(10 * perDay + 0.2, 0), Qt::NoButton, Qt::LeftButton);
  EXPECT_EQ(ranges.count(), 1);
  sendMouse(view, QEvent::MouseMove, start + QPointF(40 * perDay, 0), Qt::NoButton, Qt::LeftButton);
  sendMouse(view, QEvent::MouseButtonRelease, start + QPointF(40 * perDay, 0), Qt::LeftButton, Qt::NoButton);
  EXPECT_EQ(ranges.count(), 2);
  EXPECT_EQ(controller.range(), (DayRange{day("2021-07-11"), day("2021-08-09")}));
  EXPECT_EQ(ranges.last().at(0).value<DayRange>(), controller.range());
}

TEST_F(TimelineTest, DraggingAHandleChangesTheBandsWidth) {
  controller.setSelection(
      {TimeMode::Window, day("2021-06-30"), {1, TimeUnit::Day}, {30, TimeUnit::Day}, store().firstDay()});
  view->setVisibleSpan(day("2021-01-01"), day("2022-01-01"));
  const double perDay = view->plotRect().width() / 365.0;
  const QRectF band = view->bandRect();
  const QPointF handle(band.left(), band.center().y());
  sendMouse(view, QEvent::MouseButtonPress, handle, Qt::LeftButton, Qt::LeftButton);
  sendMouse(view, QEvent::MouseMove, handle - QPointF(30.8 * perDay, 0), Qt::NoButton, Qt::LeftButton);
  sendMouse(view, QEvent::MouseButtonRelease, handle - QPointF(30.8 * perDay, 0), Qt::LeftButton, Qt::NoButton);
  EXPECT_EQ(controller.range(), (DayRange{day("2021-05-01"), day("2021-06-30")}));
  EXPECT_EQ(controller.selection().window, (TimeLength{61, TimeUnit::Day}));
  // The right handle moves the end.
  const QRectF wider = view->bandRect();
  const QPointF right(wider.right(), wider.center().y());
  sendMouse(view, QEvent::MouseButtonPress, right, Qt::LeftButton, Qt::LeftButton);
  sendMouse(view, QEvent::MouseMove, right + QPointF(5.2 * perDay, 0), Qt::NoButton, Qt::LeftButton);
  sendMouse(view, QEvent::MouseButtonRelease, right + QPointF(5.2 * perDay, 0), Qt::LeftButton, Qt::NoButton);
  EXPECT_EQ(controller.range(), (DayRange{day("2021-05-01"), day("2021-07-05")}));
}

TEST_F(TimelineTest, AClickOffTheBandMovesTheCursorAndADragPansTheTimeline) {
  controller.setSelection(
      {TimeMode::Instant, day("2021-06-30"), {1, TimeUnit::Day}, {30, TimeUnit::Day}, store().firstDay()});
  view->setVisibleSpan(day("2021-01-01"), day("2022-01-01"));
  const QPointF target(view->xForDay(day("2021-10-01") + 0.5), view->plotRect().center().y());
  sendMouse(view, QEvent::MouseButtonPress, target, Qt::LeftButton, Qt::LeftButton);
  sendMouse(view, QEvent::MouseButtonRelease, target, Qt::LeftButton, Qt::NoButton);
  EXPECT_EQ(controller.selection().cursor, day("2021-10-01"));
  const double first = view->visibleFirst();
  QSignalSpy ranges(&controller, &TimeController::rangeChanged);
  sendMouse(view, QEvent::MouseButtonPress, target + QPointF(-100, 0), Qt::LeftButton, Qt::LeftButton);
  sendMouse(view, QEvent::MouseMove, target + QPointF(0, 0), Qt::NoButton, Qt::LeftButton);
  sendMouse(view, QEvent::MouseButtonRelease, target, Qt::LeftButton, Qt::NoButton);
  EXPECT_LT(view->visibleFirst(), first); // the days slid right with the pointer
  EXPECT_EQ(ranges.count(), 0);           // panning the timeline leaves the range alone
  // The wheel zooms the timeline, not the range.
  const double span = view->visibleLast() - view->visibleFirst();
  QWheelEvent wheel(target, view->mapToGlobal(target), QPoint(), QPoint(0, 120), Qt::NoButton, Qt::NoModifier,
                    Qt::NoScrollPhase, false);
  QCoreApplication::sendEvent(view, &wheel);
  EXPECT_LT(view->visibleLast() - view->visibleFirst(), span);
  EXPECT_EQ(ranges.count(), 0);
}

TEST_F(TimelineTest, KeyboardStepsPlaysAndGoesToTheEnds) {
  controller.setSelection(
      {TimeMode::Instant, day("2020-10-06"), {1, TimeUnit::Day}, {30, TimeUnit::Day}, store().firstDay()});
  view->setFocus();
  QSignalSpy ranges(&controller, &TimeController::rangeChanged);
  QTest::keyClick(view, Qt::Key_Right);
  EXPECT_EQ(ranges.count(), 1);
  EXPECT_EQ(controller.selection().cursor, day("2020-10-07"));
  QTest::keyClick(view, Qt::Key_Left);
  QTest::keyClick(view, Qt::Key_Left);
  EXPECT_EQ(ranges.count(), 3);
  EXPECT_EQ(controller.selection().cursor, day("2020-10-05"));
  // The fixture's last day ends the Nov 2025 incidents; its first is 18 Aug 2020.
  QTest::keyClick(view, Qt::Key_End);
  EXPECT_EQ(controller.selection().cursor, day("2025-11-30"));
  QTest::keyClick(view, Qt::Key_Home);
  EXPECT_EQ(controller.selection().cursor, day("2020-08-18"));
  QTest::keyClick(view, Qt::Key_Space);
  EXPECT_TRUE(controller.isPlaying());
  QTest::keyClick(view, Qt::Key_Space);
  EXPECT_FALSE(controller.isPlaying());
  // The next incident starts on 1 Oct 2020, then two on 6 Oct.
  QTest::keyClick(view, Qt::Key_PageDown);
  EXPECT_EQ(controller.selection().cursor, day("2020-10-01"));
  QTest::keyClick(view, Qt::Key_PageDown);
  EXPECT_EQ(controller.selection().cursor, day("2020-10-06"));
}

TEST_F(TimelineTest, ATypedDateMovesTheCursorOnce) {
  controller.setSelection(
      {TimeMode::Instant, day("2020-10-06"), {1, TimeUnit::Day}, {30, TimeUnit::Day}, store().firstDay()});
  QLineEdit* date = panel->dateEdit();
  date->setFocus();
  date->selectAll();
  QSignalSpy ranges(&controller, &TimeController::rangeChanged);
  QTest::keyClicks(date, QStringLiteral("2025-11-09"));
  EXPECT_EQ(ranges.count(), 0); // nothing while typing
  QTest::keyClick(date, Qt::Key_Return);
  EXPECT_EQ(ranges.count(), 1);
  EXPECT_EQ(controller.selection().cursor, day("2025-11-09"));
  // The field and the calendar follow the controller.
  controller.stepForward();
  EXPECT_EQ(date->text(), QStringLiteral("2025-11-10"));
  EXPECT_EQ(panel->calendar()->selectedDate(), QDate(2025, 11, 10));
  // A date picked on the calendar applies at once.
  emit panel->calendar()->clicked(QDate(2020, 10, 6));
  EXPECT_EQ(controller.selection().cursor, day("2020-10-06"));
  // A wrong date is refused with the reason, and the range stays.
  date->selectAll();
  QTest::keyClicks(date, QStringLiteral("2025-02-30"));
  QTest::keyClick(date, Qt::Key_Return);
  EXPECT_EQ(controller.selection().cursor, day("2020-10-06"));
  EXPECT_TRUE(date->toolTip().contains(QStringLiteral("not a date")));
  EXPECT_EQ(date->text(), QStringLiteral("2025-02-30"));
}

TEST_F(TimelineTest, TheHistogramMatchesTheStoreUnderTheFilter) {
  IncidentFilter filter;
  filter.types =
      IncidentFilter::typeBit(EventType::Battles) | IncidentFilter::typeBit(EventType::ViolenceAgainstCivilians);
  const Histogram before = view->histogram();
  controller.setFilter(filter);
  const Histogram& h = view->histogram();
  ASSERT_GT(h.binCount(), 0u);
  std::uint32_t allBefore = 0, allAfter = 0;
  for (std::size_t b = 0; b < before.binCount(); ++b) allBefore += before.total(b);
  for (std::size_t b = 0; b < h.binCount(); ++b) {
    allAfter += h.total(b);
    // Each bin counts the incidents overlapping it that pass the filter.
    std::array<std::uint32_t, kEventTypeCount> expected{};
    for (auto i : store().overlapping(h.binStarts[b], h.binStarts[b + 1] - 1, filter))
      ++expected[static_cast<std::size_t>(store().type(i))];
    EXPECT_EQ(h.counts[b], expected) << "bin from " << formatIsoDate(h.binStarts[b]);
  }
  // Weekly bins over the fixture's days; each incident counts in every week it
  // overlaps: 108 incident-weeks in all, 21 of them for its 7 battles and 5
  // incidents of violence against civilians.
  EXPECT_EQ(h.binStarts.front(), day("2020-08-17"));
  EXPECT_EQ(allBefore, 108u);
  EXPECT_EQ(allAfter, 21u);
}

TEST_F(TimelineTest, AnActorFilterIsCountedOffTheGuiThreadAndThenShown) {
  IncidentFilter filter;
  filter.minFatalities = 10; // not by type alone: every incident is scanned
  const Histogram before = view->histogram();
  QSignalSpy changed(view, &TimelineView::histogramChanged);
  controller.setFilter(filter);
  EXPECT_TRUE(view->isHistogramPending());
  EXPECT_EQ(view->histogram().counts, before.counts) << "the last histogram stays until the new one is counted";
  ASSERT_TRUE(changed.wait(10000));
  EXPECT_FALSE(view->isHistogramPending());
  const Histogram& h = view->histogram();
  std::uint32_t total = 0;
  for (std::size_t b = 0; b < h.binCount(); ++b) {
    std::array<std::uint32_t, kEventTypeCount> expected{};
    for (auto i : store().overlapping(h.binStarts[b], h.binStarts[b + 1] - 1, filter))
      ++expected[static_cast<std::size_t>(store().type(i))];
    EXPECT_EQ(h.counts[b], expected) << "bin from " << formatIsoDate(h.binStarts[b]);
    total += h.total(b);
  }
  // FIX-0004 (at least 20, three weeks), FIX-0005 (10), FIX-0016 (at least 30,
  // two weeks) and FIX-0020 (13 by its estimate, six weeks).
  EXPECT_EQ(total, 12u);
  // Back to types alone: counted at once, and the pending count is forgotten.
  controller.setFilter(filter);
  controller.setFilter({});
  EXPECT_FALSE(view->isHistogramPending());
  EXPECT_EQ(view->histogram().counts, before.counts);
}

TEST(FilterPanel, ChoicesBecomeOneFilterChangeEach) {
  const auto& store = test::fixtureContext().incidents->storePointer();
  FilterPanel panel;
  panel.setStore(store);
  QSignalSpy changes(&panel, &FilterPanel::filterChanged);
  // Unticking a type.
  QTreeWidgetItem* battles = panel.typeTree()->topLevelItem(static_cast<int>(EventType::Battles));
  battles->setCheckState(0, Qt::Unchecked);
  // The tree unticks the sub-types one by one; the panel says it once.
  QCoreApplication::processEvents();
  ASSERT_EQ(changes.count(), 1);
  EXPECT_EQ(panel.filter().types & IncidentFilter::typeBit(EventType::Battles), 0u);
  // An actor found by searching, then ticked.
  panel.actorSearch()->setText(QStringLiteral("JNIM"));
  QListWidgetItem* jnim = nullptr;
  int shown = 0;
  for (int a = 0; a < panel.actorList()->count(); ++a) {
    if (!panel.actorList()->item(a)->isHidden()) {
      if (!jnim) jnim = panel.actorList()->item(a);
      ++shown;
    }
  }
  ASSERT_NE(jnim, nullptr);
  EXPECT_EQ(shown, 1);
  EXPECT_EQ(jnim->text(), QStringLiteral("JNIM (13)")) << "the actor with its number of incidents";
  jnim->setCheckState(Qt::Checked);
  EXPECT_EQ(changes.count(), 2);
  EXPECT_EQ(panel.filter().actors.size(), 1u);
  panel.minimumFatalities()->setValue(10);
  EXPECT_EQ(changes.count(), 3);
  EXPECT_EQ(panel.filter().minFatalities, 10);
  panel.reset();
  EXPECT_EQ(changes.count(), 4);
  EXPECT_EQ(panel.filter(), IncidentFilter{});
}

TEST(FilterPanel, TheSameDatasetsReadAgainKeepTheChoicesOtherDataStartsAfresh) {
  const auto& store = test::fixtureContext().incidents->storePointer();
  FilterPanel panel;
  panel.setStore(store);
  panel.typeTree()->topLevelItem(static_cast<int>(EventType::Protests))->setCheckState(0, Qt::Unchecked);
  for (int a = 0; a < panel.actorList()->count(); ++a)
    if (panel.actorList()->item(a)->text().startsWith(QStringLiteral("JNIM")))
      panel.actorList()->item(a)->setCheckState(Qt::Checked);
  panel.minimumFatalities()->setValue(5);
  const IncidentFilter chosen = panel.filter();
  ASSERT_EQ(chosen.actors.size(), 1u);
  // A refresh: the same dataset rebuilt (its strings numbered anew).
  std::vector<Incident> incidents;
  for (EventStore::Index i = store->size(); i-- > 0;) incidents.push_back(store->incident(i));
  incidents.push_back(incidents.front());
  incidents.back().id = "NEW-1";
  incidents.back().actors.primary = {"An actor first seen now"};
  const auto refreshed = EventStore::build(std::move(incidents), store->datasetInfo(0));
  panel.setStore(refreshed);
  const IncidentFilter kept = panel.filter();
  EXPECT_EQ(kept.types, chosen.types);
  EXPECT_EQ(kept.minFatalities, 5);
  ASSERT_EQ(kept.actors.size(), 1u);
  EXPECT_EQ(refreshed->string(kept.actors.front()), "JNIM");
  // Other data: everything shown again.
  auto other = store->datasetInfo(0);
  other.name = "another";
  panel.setStore(EventStore::build({store->incident(0)}, other));
  EXPECT_EQ(panel.filter(), IncidentFilter{});
}

// The done-when of the timeline: scrubbing through the fixture in the window.
TEST_F(WindowTest, ScrubbingShowsAMultiDayBattleFromItsFirstToItsLastDayAndTheCountsGrow) {
  TimeController* time = window->timeController();
  time->setMode(TimeMode::Instant);
  time->setStep({1, TimeUnit::Day});
  // The day before the battle of 6-22 Oct 2020 at Farabougou (FIX-0004): only
  // the attack dated to 1-10 Oct.
  time->setCursor(day("2020-10-05"));
  EXPECT_EQ(drawnIds(), test::idList({"FIX-0002"}));
  EXPECT_EQ(window->canvas()->dateLabel(), QStringLiteral("5 Oct 2020"));
  time->stepForward();
  EXPECT_EQ(drawnIds(), test::idList({"FIX-0002", "FIX-0003", "FIX-0004"}));
  EXPECT_EQ(window->canvas()->dateLabel(), QStringLiteral("6 Oct 2020"));
  time->setCursor(day("2020-10-22"));
  EXPECT_EQ(drawnIds(), test::idList({"FIX-0004", "FIX-0009"}));
  time->stepForward();
  EXPECT_EQ(drawnIds(), QStringList{});
  EXPECT_EQ(window->canvas()->dateLabel(), QStringLiteral("23 Oct 2020"));

  // Cumulatively, from the first incident on 18 Aug 2020, they pile up day by day.
  time->setMode(TimeMode::Cumulative);
  std::vector<qsizetype> counts;
  for (DayNumber d = day("2020-10-06"); d <= day("2020-10-22"); ++d) {
    time->setCursor(d);
    counts.push_back(drawnIds().size());
  }
  //                                       6  7  8  9 10 11 12 13 14 15 16 17 18 19 20 21 22 Oct
  EXPECT_EQ(counts, (std::vector<qsizetype>{4, 4, 4, 5, 5, 5, 6, 6, 6, 7, 7, 7, 7, 8, 8, 8, 9}));
  EXPECT_EQ(drawnIds(), test::idList({"FIX-0001", "FIX-0002", "FIX-0003", "FIX-0004", "FIX-0005", "FIX-0006",
                                      "FIX-0007", "FIX-0008", "FIX-0009"}));
}

TEST_F(WindowTest, ADayShowsItsIncidentsAndUntickingATypeTakesItOffTheMapAndTheHistogram) {
  TimeController* time = window->timeController();
  time->setMode(TimeMode::Instant);
  time->setStep({1, TimeUnit::Day});
  time->setCursor(day("2025-11-09"));
  // The takeover near Loulouni that day, and the two month-dated developments around it.
  EXPECT_EQ(drawnIds(), test::idList({"FIX-0023", "FIX-0024", "FIX-0025"}));
  EXPECT_EQ(window->canvas()->dateLabel(), QStringLiteral("9 Nov 2025"));

  TimelineView* view = window->timeline()->view();
  const Histogram before = view->histogram();
  const auto strategic = static_cast<std::size_t>(EventType::StrategicDevelopments);
  std::uint32_t strategicBefore = 0;
  for (std::size_t b = 0; b < before.binCount(); ++b) strategicBefore += before.counts[b][strategic];
  EXPECT_GT(strategicBefore, 0u);
  QTreeWidgetItem* item =
      window->filters()->typeTree()->topLevelItem(static_cast<int>(EventType::StrategicDevelopments));
  item->setCheckState(0, Qt::Unchecked);
  QCoreApplication::processEvents();
  const Histogram& after = view->histogram();
  ASSERT_EQ(after.binCount(), before.binCount());
  for (std::size_t b = 0; b < after.binCount(); ++b) {
    EXPECT_EQ(after.counts[b][strategic], 0u) << "bin from " << formatIsoDate(after.binStarts[b]);
    for (std::size_t t = 0; t < kEventTypeCount; ++t) {
      if (t == strategic) continue;
      EXPECT_EQ(after.counts[b][t], before.counts[b][t]) << "bin from " << formatIsoDate(after.binStarts[b]);
    }
  }
  EXPECT_EQ(window->canvas()->incidentView().filter.types & IncidentFilter::typeBit(EventType::StrategicDevelopments),
            0u);
  EXPECT_EQ(drawnIds(), test::idList({"FIX-0025"}));
}

TEST_F(WindowTest, ClickingFarabougouOpensItsDossierAndSelectionFollowsBothWays) {
  MapCanvas* canvas = window->canvas();
  DossierPanel* dossier = window->dossier();
  ASSERT_NE(dossier, nullptr);
  const EventStore& store = *window->timeController()->store();
  const QPointF farabougou =
      canvas->mapSettings().toPixel(test::projectedPlace(*test::bundledBaseMap(), "Farabougou").position);
  // On its incident symbols: the dossier opens on the place with the clicked
  // incident selected, the one on top of the stack: the battle with the most fatalities.
  sendMouse(canvas, QEvent::MouseButtonPress, farabougou, Qt::LeftButton, Qt::LeftButton);
  sendMouse(canvas, QEvent::MouseButtonRelease, farabougou, Qt::LeftButton, Qt::NoButton);
  ASSERT_TRUE(dossier->place());
  EXPECT_EQ(dossier->place()->name, "Farabougou");
  EXPECT_EQ(dossier->place()->geonameId, 2457671);
  EXPECT_TRUE(dossier->isPending()) << "the history is read off the GUI thread";
  waitForDossier();
  EXPECT_EQ(dossier->history().entries.size(), 8u);
  ASSERT_TRUE(dossier->selectedIncident());
  EXPECT_EQ(store.id(*dossier->selectedIncident()), "FIX-0004");
  EXPECT_EQ(canvas->selectedIncident(), dossier->selectedIncident());
  EXPECT_TRUE(dossier->historyText().contains(
      QStringLiteral("\nFIX-0004  6\u201322 Oct 2020  Farabougou (exact)  Battles / Armed clash\n")))
      << dossier->historyText().toStdString();

  // On the town with no incident in range (the fixture has none in 2023): the dossier opens, nothing selected.
  window->timeController()->setSelection(
      {TimeMode::Instant, day("2023-06-01"), {1, TimeUnit::Day}, {30, TimeUnit::Day}, 0});
  ASSERT_EQ(drawnIds(), QStringList{});
  dossier->selectIncident(std::nullopt);
  sendMouse(canvas, QEvent::MouseButtonPress, farabougou, Qt::LeftButton, Qt::LeftButton);
  sendMouse(canvas, QEvent::MouseButtonRelease, farabougou, Qt::LeftButton, Qt::NoButton);
  EXPECT_EQ(dossier->place()->name, "Farabougou");
  EXPECT_FALSE(dossier->selectedIncident());

  // From the dossier to the map: the incident is ringed and the timeline moves to it.
  const EventStore::Index takeover = *store.find("FIX-0022");
  waitForDossier();
  emit dossier->browser()->anchorClicked(QUrl(QStringLiteral("incident:%1").arg(takeover)));
  EXPECT_EQ(canvas->selectedIncident(), takeover);
  EXPECT_EQ(dossier->selectedIncident(), takeover);
  EXPECT_EQ(window->timeController()->selection().cursor, day("2025-08-19"));
  EXPECT_EQ(drawnIds(), test::idList({"FIX-0022"}));

  // Nearby: the incidents at Dogofri and Sokolo join within 25 km, marked with distance and direction.
  dossier->nearbyToggle()->setChecked(true);
  waitForDossier();
  EXPECT_EQ(dossier->history().entries.size(), 11u);
  const QString nearby = dossier->historyText();
  EXPECT_TRUE(nearby.contains(QStringLiteral(
      "\nFIX-0006  12 Oct 2020  Dogofry (exact), 16.3 km SE of Farabougou  Protests / Peaceful protest\n")))
      << nearby.toStdString();
  EXPECT_TRUE(nearby.contains(QStringLiteral("\nFIX-0011  3 Nov 2020  Dogofry (near), 16.3 km SE of Farabougou  ")));
  EXPECT_TRUE(nearby.contains(QStringLiteral("\nFIX-0007  15 Oct 2020  Sokolo (exact), 17.8 km S of Farabougou  ")));
  EXPECT_EQ(nearby.count(QStringLiteral(" of Farabougou  ")), 3);
}

TEST(TimelineCommandLine, TheSameSettingsSelectTheSameIncidentsAsTheController) {
  const auto& store = test::fixtureContext().incidents->storePointer();
  TimeController controller;
  controller.setStore(store);
  struct Case {
    TimeSelection selection;
    QStringList options;
    QStringList ids;
  };
  const std::vector<Case> cases{
      {{TimeMode::Window, day("2020-10-22"), {1, TimeUnit::Day}, {4, TimeUnit::Week}, 0},
       {QStringLiteral("--at"), QStringLiteral("2020-10-22"), QStringLiteral("--mode"), QStringLiteral("window"),
        QStringLiteral("--window"), QStringLiteral("4w")},
       test::idList({"FIX-0002", "FIX-0003", "FIX-0004", "FIX-0005", "FIX-0006", "FIX-0007", "FIX-0008", "FIX-0009"})},
      {{TimeMode::Instant, day("2025-11-09"), {1, TimeUnit::Month}, {30, TimeUnit::Day}, 0},
       {QStringLiteral("--at"), QStringLiteral("2025-11-09"), QStringLiteral("--mode"), QStringLiteral("instant"),
        QStringLiteral("--step"), QStringLiteral("1m")},
       test::idList({"FIX-0023", "FIX-0024", "FIX-0025"})},
      {{TimeMode::Cumulative, day("2020-10-15"), {1, TimeUnit::Day}, {30, TimeUnit::Day}, 0},
       {QStringLiteral("--at"), QStringLiteral("2020-10-15"), QStringLiteral("--mode"), QStringLiteral("cumulative")},
       test::idList({"FIX-0001", "FIX-0002", "FIX-0003", "FIX-0004", "FIX-0005", "FIX-0006", "FIX-0007"})},
  };
  for (const Case& c : cases) {
    controller.setSelection(c.selection);
    QStringList expected;
    for (auto i : store->overlapping(controller.range().from, controller.range().to))
      expected << QString::fromUtf8(store->id(i).data(), static_cast<qsizetype>(store->id(i).size()));
    EXPECT_EQ(expected, c.ids) << c.options.join(QLatin1Char(' ')).toStdString();
    const test::ViewerRun r =
        test::runViewer(QStringList{QStringLiteral("events"), QStringLiteral("--data"), test::fixturePath(),
                                    QStringLiteral("--format"), QStringLiteral("json")} +
                        c.options);
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    QStringList listed;
    for (const auto& feature :
         QJsonDocument::fromJson(r.out.toUtf8()).object().value(QStringLiteral("features")).toArray())
      listed << feature.toObject().value(QStringLiteral("id")).toString();
    EXPECT_EQ(listed, expected) << c.options.join(QLatin1Char(' ')).toStdString();
  }
}

} // namespace
} // namespace sv
