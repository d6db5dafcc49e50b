#include "domain/calendar.h"
#include "domain/incident.h"

#include <gtest/gtest.h>

namespace sv {

TEST(Calendar, DaysRoundTripThroughCivilDates) {
  EXPECT_EQ(dayFromCivil({1970, 1, 1}), 0);
  EXPECT_EQ(dayFromCivil({2000, 3, 1}), 11017);
  for (DayNumber day = -800000; day < 800000; day += 37) EXPECT_EQ(dayFromCivil(civilFromDay(day)), day);
  EXPECT_EQ(civilFromDay(dayFromCivil({2024, 2, 29})), (CivilDate{2024, 2, 29}));
}

TEST(Calendar, ParsesOnlyRealIsoDates) {
  EXPECT_EQ(parseIsoDate("2020-10-06"), dayFromCivil({2020, 10, 6}));
  EXPECT_EQ(parseIsoDate("2024-02-29"), dayFromCivil({2024, 2, 29}));
  EXPECT_FALSE(parseIsoDate("2023-02-29"));
  EXPECT_FALSE(parseIsoDate("2020-13-01"));
  EXPECT_FALSE(parseIsoDate("2020-1-01"));
  EXPECT_FALSE(parseIsoDate("19 August 2025"));
  EXPECT_FALSE(parseIsoDate("2020-10-06T00:00"));
  EXPECT_FALSE(parseIsoDate(""));
  EXPECT_EQ(formatIsoDate(dayFromCivil({2025, 8, 19})), "2025-08-19");
}

TEST(Calendar, BinsFollowCalendarBoundaries) {
  const DayNumber wednesday = dayFromCivil({2020, 10, 7});
  EXPECT_EQ(weekday(wednesday), 2);
  EXPECT_EQ(binStart(wednesday, TimeUnit::Week), dayFromCivil({2020, 10, 5}));
  EXPECT_EQ(binStart(wednesday, TimeUnit::Month), dayFromCivil({2020, 10, 1}));
  EXPECT_EQ(nextBinStart(dayFromCivil({2020, 12, 1}), TimeUnit::Month), dayFromCivil({2021, 1, 1}));
  EXPECT_EQ(nextBinStart(dayFromCivil({2020, 10, 5}), TimeUnit::Week), dayFromCivil({2020, 10, 12}));
  EXPECT_EQ(addUnits(dayFromCivil({2025, 1, 31}), TimeUnit::Month, 1), dayFromCivil({2025, 2, 28}));
  EXPECT_EQ(addUnits(dayFromCivil({2025, 1, 15}), TimeUnit::Month, -2), dayFromCivil({2024, 11, 15}));
}

TEST(Incident, DatesAreShownWithTheirPrecision) {
  const auto day = [](int y, int m, int d) { return dayFromCivil({y, m, d}); };
  EXPECT_EQ(formatDateSpan(day(2025, 8, 19), day(2025, 8, 19), DatePrecision::Day), "19 Aug 2025");
  EXPECT_EQ(formatDateSpan(day(2020, 10, 6), day(2020, 10, 22), DatePrecision::Day), "6\u201322 Oct 2020");
  EXPECT_EQ(formatDateSpan(day(2020, 9, 28), day(2020, 10, 3), DatePrecision::Day), "28 Sep \u2013 3 Oct 2020");
  EXPECT_EQ(formatDateSpan(day(2025, 8, 19), day(2025, 8, 19), DatePrecision::Week), "~19 Aug 2025");
  EXPECT_EQ(formatDateSpan(day(2022, 3, 21), day(2022, 3, 31), DatePrecision::Week), "~21\u201331 Mar 2022");
  // "Late March" is not 1 March, and a month-precision date never shows a day.
  EXPECT_EQ(formatDateSpan(day(2020, 10, 6), day(2020, 10, 22), DatePrecision::Month), "Oct 2020");
  EXPECT_EQ(formatDateSpan(day(2025, 9, 1), day(2025, 11, 18), DatePrecision::Month), "Sep\u2013Nov 2025");
  EXPECT_EQ(formatDateSpan(day(2020, 1, 1), day(2020, 12, 31), DatePrecision::Year), "2020");
}

TEST(Incident, NotReportedIsNotZero) {
  EXPECT_EQ(formatFatalities(Fatalities::notReported()), "not reported");
  EXPECT_EQ(formatFatalities(Fatalities::exactly(0)), "0");
  EXPECT_EQ(formatFatalities(Fatalities{true, std::nullopt, std::nullopt, std::nullopt}), "reported, no figure");
  EXPECT_EQ(formatFatalities(Fatalities::atLeast(300)), "\u2265300");
  EXPECT_EQ(formatFatalities(Fatalities{true, 20, 30, std::nullopt}), "20\u201330");
  // UCDP's best beside its bounds, kept even when low lies above it.
  EXPECT_EQ(formatFatalities(Fatalities{true, 10, 15, 12}), "12 (low 10, high 15)");
  EXPECT_EQ(formatFatalities(Fatalities{true, 5, 8, 3}), "3 (low 5, high 8)");
  EXPECT_EQ(formatFatalities(Fatalities{true, 4, 4, 4}), "4");
  EXPECT_EQ((Fatalities{true, 5, 8, 3}).best(), 3);
  EXPECT_EQ(Fatalities::notReported().best(), 0);
  EXPECT_EQ(Fatalities::atLeast(300).best(), 300);
}

TEST(Incident, TaxonomyNamesRoundTrip) {
  for (int t = 0; t < kEventTypeCount; ++t) {
    const auto type = static_cast<EventType>(t);
    EXPECT_EQ(eventTypeFromName(eventTypeName(type)), type);
  }
  for (int s = 1; s < kSubEventTypeCount; ++s) {
    const auto sub = static_cast<SubEventType>(s);
    EXPECT_EQ(subEventTypeFromName(subEventTypeName(sub)), sub);
  }
  EXPECT_EQ(eventTypeFromName("violence against civilians"), EventType::ViolenceAgainstCivilians);
  EXPECT_EQ(eventTypeFromName("Explosions/Remote violence"), EventType::ExplosionsRemoteViolence);
  EXPECT_EQ(parentType(SubEventType::AbductionForcedDisappearance), EventType::ViolenceAgainstCivilians);
  EXPECT_FALSE(eventTypeFromName("Skirmish"));

  Incident incident;
  incident.id = "X";
  incident.type = EventType::Battles;
  incident.subType = SubEventType::Attack;
  ASSERT_EQ(validateIncident(incident).size(), 1u);
  EXPECT_NE(validateIncident(incident)[0].find("sub_event_type"), std::string::npos);
}

} // namespace sv
