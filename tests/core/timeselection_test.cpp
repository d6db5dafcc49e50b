#include "domain/timeselection.h"

#include <gtest/gtest.h>

namespace sv {
namespace {

DayNumber day(int y, int m, int d) {
  return dayFromCivil({y, m, d});
}

} // namespace

TEST(TimeSelection, ParsesLengths) {
  EXPECT_EQ(parseTimeLength("30d"), (TimeLength{30, TimeUnit::Day}));
  EXPECT_EQ(parseTimeLength("4w"), (TimeLength{4, TimeUnit::Week}));
  EXPECT_EQ(parseTimeLength("3m"), (TimeLength{3, TimeUnit::Month}));
  for (const char* bad : {"", "d", "0d", "-3d", "3y", "3 d", "1.5w", "999999999999d"}) EXPECT_FALSE(parseTimeLength(bad)) << bad;
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

} // namespace sv
