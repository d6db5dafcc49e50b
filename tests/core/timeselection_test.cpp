#include "domain/timeselection.h"

#include <gtest/gtest.h>

namespace sv {
namespace {

DayNumber day(int y, int m, int d) { return dayFromCivil({y, m, d}); }

} // namespace

TEST(TimeSelection, ParsesLengths) {
  EXPECT_EQ(parseTimeLength("30d"), (TimeLength{30, TimeUnit::Day}));
  EXPECT_EQ(parseTimeLength("4w"), (TimeLength{4, TimeUnit::Week}));
  EXPECT_EQ(parseTimeLength("3m"), (TimeLength{3, TimeUnit::Month}));
  for (const char* bad : {"", "d", "0d", "-3d", "3y", "3 d", "1.5w", "999999999999d"})
    EXPECT_FALSE(parseTimeLength(bad)) << bad;
  EXPECT_EQ(formatTimeLength({4, TimeUnit::Week}), "4w");
}

TEST(TimeSelection, InstantShowsTheStepContainingTheCursor) {
  TimeSelection s;
  s.cursor = day(2020, 10, 22);
  EXPECT_EQ(s.range(), (DayRange{day(2020, 10, 22), day(2020, 10, 22)}));
  s.step = {1, TimeUnit::Week};
  EXPECT_EQ(s.range(), (DayRange{day(2020, 10, 19), day(2020, 10, 25)})); // Monday to Sunday
  s.step = {1, TimeUnit::Month};
  s.cursor = day(2024, 2, 10);
  EXPECT_EQ(s.range(), (DayRange{day(2024, 2, 1), day(2024, 2, 29)})); // leap year
}

TEST(TimeSelection, WindowEndsOnTheCursor) {
  TimeSelection s;
  s.mode = TimeMode::Window;
  s.cursor = day(2020, 10, 22);
  s.window = {30, TimeUnit::Day};
  EXPECT_EQ(s.range(), (DayRange{day(2020, 9, 23), day(2020, 10, 22)}));
  s.window = {4, TimeUnit::Week};
  EXPECT_EQ(s.range(), (DayRange{day(2020, 9, 25), day(2020, 10, 22)}));
  s.window = {3, TimeUnit::Month};
  s.cursor = day(2025, 1, 31);
  EXPECT_EQ(s.range(), (DayRange{day(2024, 11, 1), day(2025, 1, 31)})); // across a year end
}

TEST(TimeSelection, CumulativeRunsFromTheStartOfTheData) {
  TimeSelection s;
  s.mode = TimeMode::Cumulative;
  s.dataStart = day(2020, 1, 1);
  s.cursor = day(2025, 11, 9);
  EXPECT_EQ(s.range(), (DayRange{day(2020, 1, 1), day(2025, 11, 9)}));
  EXPECT_EQ(timeModeFromName("cumulative"), TimeMode::Cumulative);
  EXPECT_FALSE(timeModeFromName("Cumulative"));
}

TEST(TimeSelection, StepsKeepToCalendarBoundaries) {
  EXPECT_EQ(steppedCursor(day(2024, 1, 31), {1, TimeUnit::Month}, +1), day(2024, 2, 29));
  EXPECT_EQ(steppedCursor(day(2024, 3, 15), {1, TimeUnit::Month}, -1), day(2024, 2, 29));
  EXPECT_EQ(steppedCursor(day(2020, 12, 31), {1, TimeUnit::Day}, +1), day(2021, 1, 1));
  EXPECT_EQ(steppedCursor(day(2021, 1, 1), {1, TimeUnit::Week}, -1), day(2020, 12, 27)); // Sunday of the week before
  EXPECT_EQ(steppedCursor(day(2020, 11, 10), {3, TimeUnit::Month}, +1), day(2021, 2, 28));
}

TEST(TimeSelection, LabelsRangesAsPeopleWriteThem) {
  EXPECT_EQ(formatRangeLabel({day(2025, 11, 9), day(2025, 11, 9)}), "9 Nov 2025");
  EXPECT_EQ(formatRangeLabel({day(2025, 11, 3), day(2025, 11, 9)}), "3\u20139 Nov 2025");
  EXPECT_EQ(formatRangeLabel({day(2020, 10, 1), day(2020, 10, 31)}), "Oct 2020");
  EXPECT_EQ(formatRangeLabel({day(2025, 9, 1), day(2025, 11, 30)}), "Sep\u2013Nov 2025");
  EXPECT_EQ(formatRangeLabel({day(2021, 1, 1), day(2021, 12, 31)}), "2021");
  EXPECT_EQ(formatRangeLabel({day(2020, 1, 1), day(2025, 12, 31)}), "2020\u20132025");
  EXPECT_EQ(formatRangeLabel({day(2020, 9, 23), day(2020, 10, 22)}), "23 Sep \u2013 22 Oct 2020");
  EXPECT_EQ(formatRangeLabel({day(2020, 10, 2), day(2020, 10, 1)}), "");
}

} // namespace sv

namespace sv {
namespace {

TEST(AnimationCursors, CountFromTheFirstDayToTheLastWithoutExtras) {
  const auto d = [](const char* iso) { return *parseIsoDate(iso); };
  // The siege: 1 Oct to 15 Nov 2020 by day is 46 frames, first and last included.
  const auto daily = animationCursors(d("2020-10-01"), d("2020-11-15"), {1, TimeUnit::Day});
  ASSERT_EQ(daily.size(), 46u);
  EXPECT_EQ(daily.front(), d("2020-10-01"));
  EXPECT_EQ(daily.back(), d("2020-11-15"));
  // By week: 1, 8, 15, 22, 29 Oct, 5 and 12 Nov; 19 Nov would pass the end.
  const auto weekly = animationCursors(d("2020-10-01"), d("2020-11-15"), {1, TimeUnit::Week});
  ASSERT_EQ(weekly.size(), 7u);
  EXPECT_EQ(weekly.back(), d("2020-11-12"));
  // By month from the 31st: month ends where the month is shorter, no drift.
  const auto monthly = animationCursors(d("2024-01-31"), d("2024-05-31"), {1, TimeUnit::Month});
  EXPECT_EQ(monthly, (std::vector<DayNumber>{d("2024-01-31"), d("2024-02-29"), d("2024-03-31"), d("2024-04-30"),
                                             d("2024-05-31")}));
  EXPECT_EQ(animationCursors(d("2020-10-01"), d("2020-10-01"), {3, TimeUnit::Day}).size(), 1u);
  EXPECT_TRUE(animationCursors(d("2020-10-02"), d("2020-10-01"), {1, TimeUnit::Day}).empty());
}

} // namespace
} // namespace sv
