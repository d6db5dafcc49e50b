// The timeline strip, its controls, the filter panel, and the main window
// scrubbing through the bundled incidents, on the offscreen platform.
#include "app/viewerprocess.h"
#include "app/windowtest.h"
#include "widgets/dossierpanel.h"
#include "widgets/filterpanel.h"
#include "mainwindow.h"
#include "widgets/mapcanvas.h"
#include "widgets/timelinepanel.h"
#include "widgets/timelineview.h"

#include "control/timecontroller.h"
#include "render/testmap.h"

#include <QApplication>
#include <QCheckBox>
#include <QCalendarWidget>
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
    controller.setStore(test::bundledIncidents()->storePointer());
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
  controller.setSelection({TimeMode::Window, day("2021-06-30"), {1, TimeUnit::Day}, {30, TimeUnit::Day}, store().firstDay()});
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
  controller.setSelection({TimeMode::Window, day("2021-06-30"), {1, TimeUnit::Day}, {30, TimeUnit::Day}, store().firstDay()});
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
  controller.setSelection({TimeMode::Instant, day("2021-06-30"), {1, TimeUnit::Day}, {30, TimeUnit::Day}, store().firstDay()});
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
  EXPECT_EQ(ranges.count(), 0);          // panning the timeline leaves the range alone
  // The wheel zooms the timeline, not the range.
  const double span = view->visibleLast() - view->visibleFirst();
  QWheelEvent wheel(target, view->mapToGlobal(target), QPoint(), QPoint(0, 120), Qt::NoButton, Qt::NoModifier,
                    Qt::NoScrollPhase, false);
  QCoreApplication::sendEvent(view, &wheel);
  EXPECT_LT(view->visibleLast() - view->visibleFirst(), span);
  EXPECT_EQ(ranges.count(), 0);
}

TEST_F(TimelineTest, KeyboardStepsPlaysAndGoesToTheEnds) {
  controller.setSelection({TimeMode::Instant, day("2020-10-06"), {1, TimeUnit::Day}, {30, TimeUnit::Day}, store().firstDay()});
  view->setFocus();
  QSignalSpy ranges(&controller, &TimeController::rangeChanged);
  QTest::keyClick(view, Qt::Key_Right);
  EXPECT_EQ(ranges.count(), 1);
  EXPECT_EQ(controller.selection().cursor, day("2020-10-07"));
  QTest::keyClick(view, Qt::Key_Left);
  QTest::keyClick(view, Qt::Key_Left);
  EXPECT_EQ(ranges.count(), 3);
  EXPECT_EQ(controller.selection().cursor, day("2020-10-05"));
  QTest::keyClick(view, Qt::Key_End);
  EXPECT_EQ(controller.selection().cursor, store().lastDay());
  QTest::keyClick(view, Qt::Key_Home);
  EXPECT_EQ(controller.selection().cursor, store().firstDay());
  QTest::keyClick(view, Qt::Key_Space);
  EXPECT_TRUE(controller.isPlaying());
  QTest::keyClick(view, Qt::Key_Space);
  EXPECT_FALSE(controller.isPlaying());
  QTest::keyClick(view, Qt::Key_PageDown);
  EXPECT_EQ(controller.selection().cursor, *store().nextStart(store().firstDay()));
}

TEST_F(TimelineTest, ATypedDateMovesTheCursorOnce) {
  controller.setSelection({TimeMode::Instant, day("2020-10-06"), {1, TimeUnit::Day}, {30, TimeUnit::Day}, store().firstDay()});
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
  filter.types = IncidentFilter::typeBit(EventType::Battles) | IncidentFilter::typeBit(EventType::ViolenceAgainstCivilians);
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
  EXPECT_LT(allAfter, allBefore); // the filter changed the histogram
  EXPECT_GT(allAfter, 0u);
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
  EXPECT_GT(total, 0u);
  // Back to types alone: counted at once, and the pending count is forgotten.
  controller.setFilter(filter);
  controller.setFilter({});
  EXPECT_FALSE(view->isHistogramPending());
  EXPECT_EQ(view->histogram().counts, before.counts);
}

TEST(FilterPanel, ChoicesBecomeOneFilterChangeEach) {
  const auto& store = test::bundledIncidents()->storePointer();
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
  for (int a = 0; a < panel.actorList()->count(); ++a) {
    if (!panel.actorList()->item(a)->isHidden()) {
      jnim = panel.actorList()->item(a);
      break;
    }
  }
  ASSERT_NE(jnim, nullptr);
  EXPECT_TRUE(jnim->text().contains(QStringLiteral("JNIM")));
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

// The done-when of the timeline: scrubbing through the bundled data in the window.
TEST_F(WindowTest, ScrubbingShowsTheSiegeOfFarabougouGrowAndEnd) {
  TimeController* time = window->timeController();
  time->setMode(TimeMode::Instant);
  time->setStep({1, TimeUnit::Day});
  time->setCursor(day("2020-10-05"));
  EXPECT_FALSE(drawnIds().contains(QStringLiteral("MLI-2020-005")));
  EXPECT_EQ(window->canvas()->dateLabel(), QStringLiteral("5 Oct 2020"));
  time->stepForward();
  EXPECT_TRUE(drawnIds().contains(QStringLiteral("MLI-2020-005")));
  time->setCursor(day("2020-10-22"));
  EXPECT_TRUE(drawnIds().contains(QStringLiteral("MLI-2020-005")));
  time->stepForward();
  EXPECT_FALSE(drawnIds().contains(QStringLiteral("MLI-2020-005")));

  // Cumulatively, the incidents of the siege pile up day by day.
  time->setMode(TimeMode::Cumulative);
  qsizetype previous = -1;
  qsizetype first = 0;
  for (DayNumber d = day("2020-10-06"); d <= day("2020-10-22"); ++d) {
    time->setCursor(d);
    const qsizetype count = drawnIds().size();
    EXPECT_GE(count, previous);
    if (previous < 0) first = count;
    previous = count;
  }
  EXPECT_GT(previous, first);
}

TEST_F(WindowTest, NinthOfNovember2025ShowsLoulouniAndAFilterChangesTheHistogram) {
  TimeController* time = window->timeController();
  time->setMode(TimeMode::Instant);
  time->setStep({1, TimeUnit::Day});
  time->setCursor(day("2025-11-09"));
  EXPECT_TRUE(drawnIds().contains(QStringLiteral("MLI-2025-011")));
  EXPECT_EQ(window->canvas()->dateLabel(), QStringLiteral("9 Nov 2025"));

  TimelineView* view = window->timeline()->view();
  const Histogram before = view->histogram();
  QTreeWidgetItem* strategic = window->filters()->typeTree()->topLevelItem(static_cast<int>(EventType::StrategicDevelopments));
  strategic->setCheckState(0, Qt::Unchecked);
  QCoreApplication::processEvents();
  EXPECT_NE(view->histogram().counts, before.counts);
  EXPECT_EQ(window->canvas()->incidentView().filter.types & IncidentFilter::typeBit(EventType::StrategicDevelopments), 0u);
}

TEST_F(WindowTest, ClickingFarabougouOpensItsDossierAndSelectionFollowsBothWays) {
  MapCanvas* canvas = window->canvas();
  DossierPanel* dossier = window->dossier();
  ASSERT_NE(dossier, nullptr);
  const EventStore& store = *window->timeController()->store();
  const QPointF farabougou =
      canvas->mapSettings().toPixel(test::projectedPlace(*test::bundledBaseMap(), "Farabougou").position);
  // On its incident symbols: the dossier opens on the place with the clicked incident selected.
  sendMouse(canvas, QEvent::MouseButtonPress, farabougou, Qt::LeftButton, Qt::LeftButton);
  sendMouse(canvas, QEvent::MouseButtonRelease, farabougou, Qt::LeftButton, Qt::NoButton);
  ASSERT_TRUE(dossier->place());
  EXPECT_EQ(dossier->place()->name, "Farabougou");
  EXPECT_TRUE(dossier->isPending()) << "the history is read off the GUI thread";
  waitForDossier();
  EXPECT_EQ(dossier->history().entries.size(), 23u);
  ASSERT_TRUE(dossier->selectedIncident());
  EXPECT_EQ(canvas->selectedIncident(), dossier->selectedIncident());
  EXPECT_TRUE(dossier->historyText().contains(QStringLiteral("MLI-2020-005  6\u201322 Oct 2020")));

  // On the town with no incident in range: the dossier opens, nothing selected.
  window->timeController()->setSelection({TimeMode::Instant, day("2023-06-01"), {1, TimeUnit::Day}, {30, TimeUnit::Day}, 0});
  ASSERT_TRUE(drawnIds().isEmpty());
  dossier->selectIncident(std::nullopt);
  sendMouse(canvas, QEvent::MouseButtonPress, farabougou, Qt::LeftButton, Qt::LeftButton);
  sendMouse(canvas, QEvent::MouseButtonRelease, farabougou, Qt::LeftButton, Qt::NoButton);
  EXPECT_EQ(dossier->place()->name, "Farabougou");
  EXPECT_FALSE(dossier->selectedIncident());

  // From the dossier to the map: the incident is ringed and the timeline moves to it.
  const EventStore::Index takeover = *store.find("MLI-2025-006");
  waitForDossier();
  emit dossier->browser()->anchorClicked(QUrl(QStringLiteral("incident:%1").arg(takeover)));
  EXPECT_EQ(canvas->selectedIncident(), takeover);
  EXPECT_EQ(dossier->selectedIncident(), takeover);
  EXPECT_TRUE(drawnIds().contains(QStringLiteral("MLI-2025-006")));

  // Nearby: Dogofry's incidents join within 25 km, marked with distance and direction.
  dossier->nearbyToggle()->setChecked(true);
  waitForDossier();
  EXPECT_GT(dossier->history().entries.size(), 23u);
  EXPECT_TRUE(dossier->historyText().contains(QStringLiteral(" of Farabougou")));
}

TEST(TimelineCommandLine, TheSameSettingsSelectTheSameIncidentsAsTheController) {
  const auto& store = test::bundledIncidents()->storePointer();
  TimeController controller;
  controller.setStore(store);
  struct Case {
    TimeSelection selection;
    QStringList options;
  };
  const std::vector<Case> cases{
      {{TimeMode::Window, day("2020-10-22"), {1, TimeUnit::Day}, {4, TimeUnit::Week}, 0},
       {QStringLiteral("--at"), QStringLiteral("2020-10-22"), QStringLiteral("--mode"), QStringLiteral("window"),
        QStringLiteral("--window"), QStringLiteral("4w")}},
      {{TimeMode::Instant, day("2025-11-09"), {1, TimeUnit::Month}, {30, TimeUnit::Day}, 0},
       {QStringLiteral("--at"), QStringLiteral("2025-11-09"), QStringLiteral("--mode"), QStringLiteral("instant"),
        QStringLiteral("--step"), QStringLiteral("1m")}},
      {{TimeMode::Cumulative, day("2020-10-15"), {1, TimeUnit::Day}, {30, TimeUnit::Day}, 0},
       {QStringLiteral("--at"), QStringLiteral("2020-10-15"), QStringLiteral("--mode"), QStringLiteral("cumulative")}},
  };
  for (const Case& c : cases) {
    controller.setSelection(c.selection);
    QStringList expected;
    for (auto i : store->overlapping(controller.range().from, controller.range().to))
      expected << QString::fromUtf8(store->id(i).data(), static_cast<qsizetype>(store->id(i).size()));
    const test::ViewerRun r = test::runViewer(QStringList{QStringLiteral("events"), QStringLiteral("--format"),
                                                          QStringLiteral("json")} + c.options);
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    QStringList listed;
    for (const auto& feature : QJsonDocument::fromJson(r.out.toUtf8()).object().value(QStringLiteral("features")).toArray())
      listed << feature.toObject().value(QStringLiteral("id")).toString();
    EXPECT_EQ(listed, expected) << c.options.join(QLatin1Char(' ')).toStdString();
    EXPECT_FALSE(listed.isEmpty());
  }
}

} // namespace
} // namespace sv
