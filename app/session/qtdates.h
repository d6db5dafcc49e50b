#pragma once

#include "domain/calendar.h"

#include <QDate>

namespace sv {

// DayNumber 0 is 1 January 1970, Julian day 2440588.
inline constexpr qint64 kJulianDayOfEpoch = 2440588;
inline QDate toQDate(DayNumber day) { return QDate::fromJulianDay(kJulianDayOfEpoch + day); }
inline DayNumber fromQDate(const QDate& date) { return static_cast<DayNumber>(date.toJulianDay() - kJulianDayOfEpoch); }

} // namespace sv
