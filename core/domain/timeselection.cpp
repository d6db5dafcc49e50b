#include "domain/timeselection.h"

#include <charconv>

namespace sv {

std::optional<TimeLength> parseTimeLength(std::string_view text) {
  if (text.size() < 2) return std::nullopt;
  TimeLength length;
  switch (text.back()) {
  case 'd':
    length.unit = TimeUnit::Day;
    break;
  case 'w':
    length.unit = TimeUnit::Week;
    break;
  case 'm':
    length.unit = TimeUnit::Month;
    break;
  default:
    return std::nullopt;
  }
  const std::string_view digits = text.substr(0, text.size() - 1);
  for (char c : digits)
    if (c < '0' || c > '9') return std::nullopt;
  const auto result = std::from_chars(digits.data(), digits.data() + digits.size(), length.count);
  if (result.ec != std::errc{} || length.count < 1 || length.count > 100000) return std::nullopt;
  return length;
}

std::string formatTimeLength(const TimeLength& length) {
  const char unit = length.unit == TimeUnit::Day ? 'd' : length.unit == TimeUnit::Week ? 'w' : 'm';
  return std::to_string(length.count) + unit;
}

std::optional<TimeMode> timeModeFromName(std::string_view name) {
  if (name == "instant") return TimeMode::Instant;
  if (name == "window") return TimeMode::Window;
  if (name == "cumulative") return TimeMode::Cumulative;
  return std::nullopt;
}

std::string_view timeModeName(TimeMode mode) {
  switch (mode) {
  case TimeMode::Instant:
    return "instant";
  case TimeMode::Window:
    return "window";
  case TimeMode::Cumulative:
    return "cumulative";
  }
  return "instant";
}

DayRange TimeSelection::range() const {
  switch (mode) {
  case TimeMode::Instant: {
    const DayNumber first = binStart(cursor, step.unit);
    return {first, addUnits(first, step.unit, step.count) - 1};
  }
  case TimeMode::Window:
    // "30d ending on 22 Oct" is 23 Sep–22 Oct: thirty days, the cursor's included.
    return {addUnits(cursor, window.unit, -window.count) + 1, cursor};
  case TimeMode::Cumulative:
    return {dataStart, cursor};
  }
  return {cursor, cursor};
}

} // namespace sv
