#include "control/timecontroller.h"

#include <QSignalSpy>

#include <gtest/gtest.h>

#include <chrono>

namespace sv {
namespace {

using namespace std::chrono_literals;

DayNumber day(const char* iso) { return *parseIsoDate(iso); }

Incident incident(const char* id, const char* start, const char* end = nullptr,
                  DatePrecision precision = DatePrecision::Day, EventType type = EventType::Battles) {
  Incident result;
  result.id = id;
  result.start = day(start);
  result.end = end ? day(end) : result.start;
  result.datePrecision = precision;
  result.place = "Somewhere";
  result.longitude = -6.0;
  result.latitude = 13.0;
  result.type = type;
  result.summary = "test";
  return result;
}

// A clock advanced by hand: time passes only when the test says so.
struct FakeClockState {
  std::chrono::milliseconds interval{0};
  std::function<void()> tick;
  bool running = false;
  std::chrono::milliseconds elapsed{0};
  int starts = 0;

  void advance(std::chrono::milliseconds by) {
    elapsed += by;
    while (running && interval.count() > 0 && elapsed >= interval) {
      elapsed -= interval;
      tick();
    }
  }
};

class FakeClock final : public PlaybackClock {
public:
  explicit FakeClock(std::shared_ptr<FakeClockState> state) : m_state(std::move(state)) {}
  void start(std::chrono::milliseconds interval, std::function<void()> tick) override {
    m_state->interval = interval;
    m_state->tick = std::move(tick);
    m_state->running = true;
    m_state->elapsed = 0ms;
    ++m_state->starts;
  }
  void stop() override { m_state->running = false; }

private:
  std::shared_ptr<FakeClockState> m_state;
};

struct Fixture {
  std::shared_ptr<FakeClockState> clock = std::make_shared<FakeClockState>();
  TimeController controller{std::make_unique<FakeClock>(clock)};

  explicit Fixture(std::vector<Incident> incidents) { controller.setStore(EventStore::build(std::move(incidents))); }
};

std::vector<Incident> sparseIncidents() {
  return {incident("a", "2020-10-06"), incident("b", "2020-10-20"), incident("c", "2021-03-01")};
}

TEST(TimeController, StepsByDayAcrossMonthYearAndLeapDay) {
  Fixture f({incident("first", "2019-01-01"), incident("last", "2026-12-31")});
  TimeController& c = f.controller;
  c.setMode(TimeMode::Instant);
  c.setCursor(day("2024-02-28"));
  c.stepForward();
  EXPECT_EQ(c.selection().cursor, day("2024-02-29"));
  c.stepForward();
  EXPECT_EQ(c.selection().cursor, day("2024-03-01"));
  c.stepBackward();
  c.stepBackward();
  EXPECT_EQ(c.selection().cursor, day("2024-02-28"));
  c.setCursor(day("2020-12-31"));
  c.stepForward();
  EXPECT_EQ(c.selection().cursor, day("2021-01-01"));
  EXPECT_EQ(c.range(), (DayRange{day("2021-01-01"), day("2021-01-01")}));
}

TEST(TimeController, StepsByMonthOnMonthEnds) {
  Fixture f({incident("first", "2019-01-01"), incident("last", "2026-12-31")});
  TimeController& c = f.controller;
  c.setStep({1, TimeUnit::Month});
  c.setCursor(day("2024-01-31"));
  c.stepForward();
  EXPECT_EQ(c.selection().cursor, day("2024-02-29"));
  EXPECT_EQ(c.range(), (DayRange{day("2024-02-01"), day("2024-02-29")}));
  c.stepForward();
  EXPECT_EQ(c.selection().cursor, day("2024-03-31"));
  // From the middle of a month, a step goes to the end of the next month, not of this one.
  c.setCursor(day("2023-03-15"));
  c.stepBackward();
  EXPECT_EQ(c.selection().cursor, day("2023-02-28"));
  c.setCursor(day("2020-12-15"));
  c.stepForward();
  EXPECT_EQ(c.selection().cursor, day("2021-01-31"));
  EXPECT_EQ(c.range(), (DayRange{day("2021-01-01"), day("2021-01-31")}));
}

TEST(TimeController, StepsByIsoWeekAcrossYearEnd) {
  Fixture f({incident("first", "2019-01-01"), incident("last", "2026-12-31")});
  TimeController& c = f.controller;
  c.setStep({1, TimeUnit::Week});
  c.setCursor(day("2020-12-30")); // a Wednesday; its week is Mon 28 Dec – Sun 3 Jan
  EXPECT_EQ(c.range(), (DayRange{day("2020-12-28"), day("2021-01-03")}));
  c.stepForward();
  EXPECT_EQ(c.selection().cursor, day("2021-01-10"));
  EXPECT_EQ(c.range(), (DayRange{day("2021-01-04"), day("2021-01-10")}));
}

TEST(TimeController, EachModeGivesItsRange) {
  Fixture f(sparseIncidents());
  TimeController& c = f.controller;
  c.setCursor(day("2020-10-22"));
  c.setMode(TimeMode::Window);
  c.setWindow({30, TimeUnit::Day});
  EXPECT_EQ(c.range(), (DayRange{day("2020-09-23"), day("2020-10-22")}));
  c.setWindow({1, TimeUnit::Month});
  EXPECT_EQ(c.range(), (DayRange{day("2020-09-23"), day("2020-10-22")}));
  c.setWindow({1, TimeUnit::Day});
  EXPECT_EQ(c.range(), (DayRange{day("2020-10-22"), day("2020-10-22")}));
  c.setMode(TimeMode::Cumulative);
  EXPECT_EQ(c.range(), (DayRange{day("2020-10-06"), day("2020-10-22")}));
  c.setMode(TimeMode::Instant);
  c.setStep({1, TimeUnit::Month});
  EXPECT_EQ(c.range(), (DayRange{day("2020-10-01"), day("2020-10-31")}));
}

TEST(TimeController, EmitsRangeChangedOncePerChangeAndNeverForNoChange) {
  Fixture f(sparseIncidents());
  TimeController& c = f.controller;
  c.setCursor(day("2020-10-10"));
  QSignalSpy ranges(&c, &TimeController::rangeChanged);
  QSignalSpy selections(&c, &TimeController::selectionChanged);
  c.stepForward();
  EXPECT_EQ(ranges.count(), 1);
  EXPECT_EQ(ranges.at(0).at(0).value<DayRange>(), c.range());
  c.setCursor(c.selection().cursor);
  EXPECT_EQ(ranges.count(), 1);
  // A one-day window is the same range as an instant day: the mode changes, the range does not.
  c.setWindow({1, TimeUnit::Day});
  c.setMode(TimeMode::Window);
  EXPECT_EQ(ranges.count(), 1);
  EXPECT_EQ(selections.count(), 3);
  c.setRange({day("2020-10-01"), day("2020-10-11")});
  EXPECT_EQ(ranges.count(), 2);
  EXPECT_EQ(c.range(), (DayRange{day("2020-10-01"), day("2020-10-11")}));
  EXPECT_EQ(c.selection().window, (TimeLength{11, TimeUnit::Day}));
}

TEST(TimeController, KeepsTheCursorWithinTheData) {
  Fixture f(sparseIncidents());
  TimeController& c = f.controller;
  // Opening a dataset puts the cursor on its last day.
  EXPECT_EQ(c.selection().cursor, day("2021-03-01"));
  EXPECT_EQ(c.selection().dataStart, day("2020-10-06"));
  c.setCursor(day("2030-01-01"));
  EXPECT_EQ(c.selection().cursor, day("2021-03-01"));
  c.setCursor(day("1990-01-01"));
  EXPECT_EQ(c.selection().cursor, day("2020-10-06"));
  // With month steps the cursor may reach the end of the last month.
  c.setStep({1, TimeUnit::Month});
  c.goToEnd();
  EXPECT_EQ(c.selection().cursor, day("2021-03-31"));
}

TEST(TimeController, IntervalsShowWhileTheyOverlapAndApproximateDatesFollowTheirPrecision) {
  Fixture f({incident("siege", "2020-10-06", "2020-10-22"),
             incident("month", "2020-11-01", "2020-11-30", DatePrecision::Month),
             incident("late-march", "2022-03-21", "2022-03-31", DatePrecision::Week)});
  TimeController& c = f.controller;
  const EventStore& store = *c.store();
  const auto shown = [&] {
    std::vector<std::string> ids;
    for (auto i : store.overlapping(c.range().from, c.range().to)) ids.emplace_back(store.id(i));
    return ids;
  };
  c.setCursor(day("2020-10-15"));
  EXPECT_EQ(shown(), std::vector<std::string>{"siege"});
  c.setCursor(day("2020-10-22"));
  EXPECT_EQ(shown(), std::vector<std::string>{"siege"});
  c.setCursor(day("2020-10-23"));
  EXPECT_TRUE(shown().empty());
  // A month-precision incident is on every day of its month, not pinned to the 1st.
  c.setCursor(day("2020-11-20"));
  EXPECT_EQ(shown(), std::vector<std::string>{"month"});
  c.setCursor(day("2022-03-01"));
  EXPECT_TRUE(shown().empty());
  c.setCursor(day("2022-03-25"));
  EXPECT_EQ(shown(), std::vector<std::string>{"late-march"});
  // A window that reaches into the siege's last days shows it.
  c.setMode(TimeMode::Window);
  c.setWindow({2, TimeUnit::Week});
  c.setCursor(day("2020-11-03"));
  EXPECT_EQ(shown(), (std::vector<std::string>{"siege", "month"}));
}

TEST(TimeController, PlaysOneStepPerTickAtTheChosenSpeed) {
  Fixture f(sparseIncidents());
  TimeController& c = f.controller;
  c.setCursor(day("2020-10-06"));
  c.setSpeed(2.0);
  c.play();
  ASSERT_TRUE(c.isPlaying());
  EXPECT_EQ(f.clock->interval, 500ms);
  f.clock->advance(1500ms);
  EXPECT_EQ(c.selection().cursor, day("2020-10-09"));
  c.setSpeed(0.2);
  EXPECT_EQ(f.clock->interval, 5000ms);
  f.clock->advance(4999ms);
  EXPECT_EQ(c.selection().cursor, day("2020-10-09"));
  f.clock->advance(1ms);
  EXPECT_EQ(c.selection().cursor, day("2020-10-10"));
  c.pause();
  f.clock->advance(60000ms);
  EXPECT_EQ(c.selection().cursor, day("2020-10-10"));
  // Backward too.
  c.setSpeed(10.0);
  c.play(TimeController::Direction::Backward);
  f.clock->advance(300ms);
  EXPECT_EQ(c.selection().cursor, day("2020-10-07"));
}

TEST(TimeController, StopsOrLoopsAtTheEnd) {
  Fixture f(sparseIncidents());
  TimeController& c = f.controller;
  c.setStep({1, TimeUnit::Month});
  c.setCursor(day("2021-01-15"));
  c.setSpeed(1.0);
  c.play();
  f.clock->advance(2000ms); // Feb, Mar
  EXPECT_EQ(c.range(), (DayRange{day("2021-03-01"), day("2021-03-31")}));
  EXPECT_TRUE(c.isPlaying());
  f.clock->advance(1000ms);
  EXPECT_FALSE(c.isPlaying());
  EXPECT_EQ(c.range(), (DayRange{day("2021-03-01"), day("2021-03-31")}));
  // Play again from the end: it starts over from the first step.
  c.play();
  EXPECT_EQ(c.range(), (DayRange{day("2020-10-01"), day("2020-10-31")}));
  c.setLoop(true);
  c.goToEnd();
  f.clock->advance(1000ms);
  EXPECT_TRUE(c.isPlaying());
  EXPECT_EQ(c.range(), (DayRange{day("2020-10-01"), day("2020-10-31")}));
}

TEST(TimeController, SkipsStepsWithoutIncidents) {
  Fixture f({incident("siege", "2020-10-06", "2020-10-08"), incident("b", "2020-10-20"), incident("c", "2021-03-01")});
  TimeController& c = f.controller;
  c.setCursor(day("2020-10-06"));
  c.setSkipEmpty(true);
  c.setSpeed(1.0);
  c.play();
  f.clock->advance(1000ms);
  EXPECT_EQ(c.selection().cursor, day("2020-10-07")); // the siege goes on
  f.clock->advance(2000ms);
  EXPECT_EQ(c.selection().cursor, day("2020-10-20")); // 8 Oct, then straight to 20 Oct
  f.clock->advance(1000ms);
  EXPECT_EQ(c.selection().cursor, day("2021-03-01"));
  f.clock->advance(1000ms);
  EXPECT_FALSE(c.isPlaying());
  // The filter decides what is empty.
  IncidentFilter onlyRiots;
  onlyRiots.types = IncidentFilter::typeBit(EventType::Riots);
  c.setFilter(onlyRiots);
  c.setCursor(day("2020-10-06"));
  c.play();
  f.clock->advance(1000ms);
  EXPECT_FALSE(c.isPlaying());
  EXPECT_EQ(c.selection().cursor, day("2020-10-06"));
}

TEST(TimeController, JumpsToTheNextAndPreviousIncidentUnderTheFilter) {
  Fixture f({incident("a", "2020-10-06"), incident("riot", "2020-12-01", nullptr, DatePrecision::Day, EventType::Riots),
             incident("c", "2021-03-01")});
  TimeController& c = f.controller;
  c.setMode(TimeMode::Window);
  c.setWindow({7, TimeUnit::Day});
  c.setCursor(day("2020-10-06"));
  ASSERT_TRUE(c.nextIncident());
  EXPECT_EQ(c.selection().cursor, day("2020-12-01"));
  IncidentFilter battles;
  battles.types = IncidentFilter::typeBit(EventType::Battles);
  c.setFilter(battles);
  ASSERT_TRUE(c.previousIncident());
  EXPECT_EQ(c.selection().cursor, day("2020-10-06"));
  ASSERT_TRUE(c.nextIncident());
  EXPECT_EQ(c.selection().cursor, day("2021-03-01"));
  EXPECT_FALSE(c.nextIncident());
  EXPECT_EQ(c.selection().cursor, day("2021-03-01"));
}

TEST(TimeController, FindsTheNextSpike) {
  std::vector<Incident> incidents{incident("a", "2021-01-04"), incident("b", "2021-01-20")};
  // Four in the week of 1 March 2021, after weeks of at most one.
  for (const char* id : {"s1", "s2", "s3", "s4"}) incidents.push_back(incident(id, "2021-03-03"));
  incidents.push_back(incident("z", "2021-06-01"));
  Fixture f(std::move(incidents));
  TimeController& c = f.controller;
  c.setStep({1, TimeUnit::Week});
  c.setCursor(day("2021-01-04"));
  ASSERT_TRUE(c.nextSpike());
  EXPECT_EQ(c.range(), (DayRange{day("2021-03-01"), day("2021-03-07")}));
  EXPECT_FALSE(c.nextSpike());
}

} // namespace
} // namespace sv
