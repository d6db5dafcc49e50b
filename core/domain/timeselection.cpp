#include "domain/timeselection.h"

#include "domain/incident.h"

#include <charconv>

namespace sv {

std::optional<TimeLength> parseTimeLength(std::string_view text) {
  if (text.size() < 2) return std::nullopt;
  TimeLength length;
  switch (text.back()) {
    case 'd': length.unit = TimeUnit::Day; break;
    case 'w': length.unit = TimeUnit::Week; break;
    case 'm': length.unit = TimeUnit::Month; break;
    default: return std::nullopt;
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
    case TimeMode::Instant: return "instant";
    case TimeMode::Window: return "window";
    case TimeMode::Cumulative: return "cumulative";
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
    case TimeMode::Cumulative: return {dataStart, cursor};
  }
  return {cursor, cursor};
}

DayNumber steppedCursor(DayNumber cursor, const TimeLength& step, int direction) {
  const DayNumber current = binStart(cursor, step.unit);
  const DayNumber target = addUnits(current, step.unit, direction * step.count);
  return nextBinStart(target, step.unit) - 1;
}

std::string formatRangeLabel(const DayRange& range) {
  if (range.isEmpty()) return {};
  const CivilDate first = civilFromDay(range.from);
  const CivilDate last = civilFromDay(range.to);
  const bool wholeMonths = first.day == 1 && last.day == daysInMonth(last.year, last.month);
  if (wholeMonths && first.month == 1 && last.month == 12) {
    std::string label = std::to_string(first.year);
    if (last.year != first.year) {
      label += "\u2013";
      label += std::to_string(last.year);
    }
    return label;
  }
  if (wholeMonths) return formatDateSpan(range.from, range.to, DatePrecision::Month);
  return formatDateSpan(range.from, range.to, DatePrecision::Day);
}

std::vector<DayNumber> animationCursors(DayNumber from, DayNumber to, const TimeLength& step) {
  std::vector<DayNumber> cursors;
  if (to < from || step.count < 1) return cursors;
  for (int k = 0;; ++k) {
    const DayNumber cursor = addUnits(from, step.unit, k * step.count);
    if (cursor > to) break;
    cursors.push_back(cursor);
  }
  return cursors;
}

} // namespace sv
