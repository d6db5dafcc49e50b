#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace sv {

// A calendar day as the number of days since 1970-01-01 (proleptic Gregorian).
// Incidents are dated to the day; times of day never matter here.
using DayNumber = std::int32_t;

struct CivilDate {
  int year = 1970;
  int month = 1; // 1..12
  int day = 1;   // 1..31
  friend bool operator==(const CivilDate&, const CivilDate&) = default;
};

DayNumber dayFromCivil(const CivilDate& date);
CivilDate civilFromDay(DayNumber day);
bool isValidCivil(const CivilDate& date);
int daysInMonth(int year, int month);

// Strict ISO 8601 calendar date, "YYYY-MM-DD". Nothing else is accepted.
std::optional<DayNumber> parseIsoDate(std::string_view text);
std::string formatIsoDate(DayNumber day);

// 0 = Monday … 6 = Sunday (ISO).
int weekday(DayNumber day);

// Calendar bins for stepping and histograms: days, ISO weeks (Monday first)
// and calendar months.
enum class TimeUnit : std::uint8_t { Day, Week, Month };

DayNumber binStart(DayNumber day, TimeUnit unit);
// The first day of the bin after the one starting at `start`.
DayNumber nextBinStart(DayNumber start, TimeUnit unit);
// Adds `count` units (months keep the day of month where it exists, else the month's last day).
DayNumber addUnits(DayNumber day, TimeUnit unit, int count);

const char* monthAbbreviation(int month); // "Jan" … "Dec"

} // namespace sv
