#pragma once

#include "domain/calendar.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sv {

struct DayRange {
  DayNumber from = 0;
  DayNumber to = -1; // inclusive; to < from is empty
  bool isEmpty() const { return to < from; }
  friend bool operator==(const DayRange&, const DayRange&) = default;
};

// A length of time in calendar units: "30d", "4w", "3m".
struct TimeLength {
  int count = 1;
  TimeUnit unit = TimeUnit::Day;
  friend bool operator==(const TimeLength&, const TimeLength&) = default;
};
// Accepts a whole number from 1 to 100000 followed by d, w or m.
std::optional<TimeLength> parseTimeLength(std::string_view text);
std::string formatTimeLength(const TimeLength& length);

// How the time slider turns its cursor into the range of incidents shown.
enum class TimeMode : std::uint8_t {
  Instant,    // the step (a day, week or month) containing the cursor
  Window,     // a window of N days, weeks or months ending on the cursor
  Cumulative, // everything from the start of the data up to the cursor
};
std::optional<TimeMode> timeModeFromName(std::string_view name); // "instant", "window", "cumulative"
std::string_view timeModeName(TimeMode mode);

// The slider's settings. The timeline, `events` and `export` all turn them
// into a range through range(), so the same settings select the same incidents.
struct TimeSelection {
  TimeMode mode = TimeMode::Instant;
  DayNumber cursor = 0;
  TimeLength step{1, TimeUnit::Day};    // instant mode shows one step, on calendar boundaries
  TimeLength window{30, TimeUnit::Day}; // window mode
  DayNumber dataStart = 0;              // cumulative mode starts here

  DayRange range() const;
  friend bool operator==(const TimeSelection&, const TimeSelection&) = default;
};

// Where a step moves the cursor: to the last day of the step `direction`
// steps away (+1 forward, -1 back) from the one holding the cursor, so that
// stepping keeps to calendar boundaries whatever day the cursor was on. By
// month from 31 Jan 2024 forward: 29 Feb 2024, then 31 Mar 2024.
DayNumber steppedCursor(DayNumber cursor, const TimeLength& step, int direction);

// The cursors of an animation from `from` to `to`: from, from + step,
// from + 2 steps ... up to `to` (month steps keep the day of month, or the
// month's last day), each counted from `from` so months do not drift. The
// first frame is `from` itself; none lies past `to`.
std::vector<DayNumber> animationCursors(DayNumber from, DayNumber to, const TimeLength& step);

// A range as a caption for the map and the timeline: "9 Nov 2025",
// "3–9 Nov 2025", "Oct 2020", "Sep–Nov 2025", "2021", "23 Sep – 22 Oct 2020".
std::string formatRangeLabel(const DayRange& range);

} // namespace sv
