#pragma once

#include "db/database.h"
#include "domain/timeselection.h"

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QString>

#include <optional>

namespace sv {

// The time vocabulary shared by `events` and `export`:
//   --from DATE / --to DATE, or
//   --at DATE [--mode instant|window|cumulative] [--window 30d|4w|3m] [--step 1d|1w|1m]
// The second form goes through TimeSelection::range(), as the timeline does.
class TimeOptions {
public:
  TimeOptions();
  void addTo(QCommandLineParser& parser) const;
  // Checks the options' syntax and combinations; false with `error` set.
  bool parse(const QCommandLineParser& parser, QString* error);
  // The range for data spanning [dataFirst, dataLast]: the whole span when no option was given.
  DayRange range(DayNumber dataFirst, DayNumber dataLast) const;
  // What a database table too large to read whole must give for range() to
  // be complete: the days the options name (nothing when they name none).
  db::Query databaseWindow() const;
  static QString helpText();

private:
  QCommandLineOption m_from, m_to, m_at, m_mode, m_window, m_step;
  std::optional<DayNumber> m_fromDay, m_toDay;
  std::optional<TimeSelection> m_selection;
};

} // namespace sv
