#include "domain/calendar.h"

#include <array>
#include <charconv>

namespace sv {

// Days from civil and back: the era-based algorithm on 400-year cycles of
// 146097 days, counting years from March so that leap days fall last.
DayNumber dayFromCivil(const CivilDate& date) {
  const int y = date.year - (date.month <= 2 ? 1 : 0);
  const int era = (y >= 0 ? y : y - 399) / 400;
  const int yearOfEra = y - era * 400;
  const int monthFromMarch = date.month + (date.month > 2 ? -3 : 9);
  const int dayOfYear = (153 * monthFromMarch + 2) / 5 + date.day - 1;
  const int dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

CivilDate civilFromDay(DayNumber day) {
  const int z = day + 719468;
  const int era = (z >= 0 ? z : z - 146096) / 146097;
  const int dayOfEra = z - era * 146097;
  const int yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146096) / 365;
  const int dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
  const int monthFromMarch = (5 * dayOfYear + 2) / 153;
  CivilDate date;
  date.day = dayOfYear - (153 * monthFromMarch + 2) / 5 + 1;
  date.month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9;
  date.year = yearOfEra + era * 400 + (date.month <= 2 ? 1 : 0);
  return date;
}

int daysInMonth(int year, int month) {
  static constexpr std::array<int, 12> kDays{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12) return 0;
  if (month == 2) {
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return leap ? 29 : 28;
  }
  return kDays[static_cast<std::size_t>(month - 1)];
}

bool isValidCivil(const CivilDate& date) {
  return date.year >= 1 && date.year <= 9999 && date.month >= 1 && date.month <= 12 && date.day >= 1 &&
         date.day <= daysInMonth(date.year, date.month);
}

namespace {

bool parseDigits(std::string_view text, int& value) {
  if (text.empty()) return false;
  for (char c : text)
    if (c < '0' || c > '9') return false;
  const auto result = std::from_chars(text.data(), text.data() + text.size(), value);
  return result.ec == std::errc{};
}

} // namespace

std::optional<DayNumber> parseIsoDate(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  CivilDate date;
  if (!parseDigits(text.substr(0, 4), date.year) || !parseDigits(text.substr(5, 2), date.month) ||
      !parseDigits(text.substr(8, 2), date.day))
    return std::nullopt;
  if (!isValidCivil(date)) return std::nullopt;
  return dayFromCivil(date);
}

std::string formatIsoDate(DayNumber day) {
  const CivilDate date = civilFromDay(day);
  char buffer[16];
  auto put = [](char* out, int value, int width) {
    for (int i = width - 1; i >= 0; --i) {
      out[i] = static_cast<char>('0' + value % 10);
      value /= 10;
    }
  };
  put(buffer, date.year, 4);
  buffer[4] = '-';
  put(buffer + 5, date.month, 2);
  buffer[7] = '-';
  put(buffer + 8, date.day, 2);
  return std::string(buffer, 10);
}

int weekday(DayNumber day) {
  // 1970-01-01 was a Thursday (3 with Monday = 0).
  const int w = (day + 3) % 7;
  return w < 0 ? w + 7 : w;
}

DayNumber binStart(DayNumber day, TimeUnit unit) {
  switch (unit) {
    case TimeUnit::Day: return day;
    case TimeUnit::Week: return day - weekday(day);
    case TimeUnit::Month: {
      CivilDate date = civilFromDay(day);
      date.day = 1;
      return dayFromCivil(date);
    }
  }
  return day;
}

DayNumber nextBinStart(DayNumber start, TimeUnit unit) {
  return binStart(addUnits(binStart(start, unit), unit, 1), unit);
}

DayNumber addUnits(DayNumber day, TimeUnit unit, int count) {
  switch (unit) {
    case TimeUnit::Day: return day + count;
    case TimeUnit::Week: return day + 7 * count;
    case TimeUnit::Month: {
      CivilDate date = civilFromDay(day);
      int monthIndex = date.year * 12 + (date.month - 1) + count;
      date.year = monthIndex >= 0 ? monthIndex / 12 : (monthIndex - 11) / 12;
      date.month = monthIndex - date.year * 12 + 1;
      const int last = daysInMonth(date.year, date.month);
      if (date.day > last) date.day = last;
      return dayFromCivil(date);
    }
  }
  return day;
}

const char* monthAbbreviation(int month) {
  static constexpr std::array<const char*, 12> kNames{"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                      "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  return month >= 1 && month <= 12 ? kNames[static_cast<std::size_t>(month - 1)] : "?";
}

} // namespace sv
