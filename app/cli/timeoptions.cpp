#include "cli/timeoptions.h"

namespace sv {

namespace {

std::optional<DayNumber> dateValue(const QCommandLineParser& parser, const QCommandLineOption& option, QString* error) {
  const QString text = parser.value(option).trimmed();
  auto day = parseIsoDate(text.toStdString());
  if (!day) *error = QStringLiteral("bad --%1 '%2': expected a date as YYYY-MM-DD").arg(option.names().first(), text);
  return day;
}

std::optional<TimeLength> lengthValue(const QCommandLineParser& parser, const QCommandLineOption& option,
                                      QString* error) {
  const QString text = parser.value(option).trimmed();
  auto length = parseTimeLength(text.toStdString());
  if (!length)
    *error = QStringLiteral("bad --%1 '%2': expected a number and d, w or m, e.g. 30d, 4w or 3m")
                 .arg(option.names().first(), text);
  return length;
}

} // namespace

TimeOptions::TimeOptions()
    : m_from(QStringLiteral("from"), QString(), QStringLiteral("date")),
      m_to(QStringLiteral("to"), QString(), QStringLiteral("date")),
      m_at(QStringLiteral("at"), QString(), QStringLiteral("date")),
      m_mode(QStringLiteral("mode"), QString(), QStringLiteral("mode")),
      m_window(QStringLiteral("window"), QString(), QStringLiteral("length")),
      m_step(QStringLiteral("step"), QString(), QStringLiteral("length")) {}

void TimeOptions::addTo(QCommandLineParser& parser) const {
  parser.addOptions({m_from, m_to, m_at, m_mode, m_window, m_step});
}

QString TimeOptions::helpText() {
  return QStringLiteral(
      "Time (either form; without any, the whole span of the data):\n"
      "  --from DATE      first day, YYYY-MM-DD (default: the data's first day)\n"
      "  --to DATE        last day, YYYY-MM-DD (default: the data's last day)\n"
      "  --at DATE        the time slider's cursor, as in the window's timeline, with\n"
      "  --mode MODE      instant (the day, or the --step, containing DATE; default),\n"
      "                   window (the --window ending on DATE) or cumulative (from the\n"
      "                   data's first day to DATE)\n"
      "  --window LENGTH  30d, 4w, 3m ... (default 30d); implies --mode window\n"
      "  --step LENGTH    1d (default), 1w or 1m: what instant mode shows\n");
}

bool TimeOptions::parse(const QCommandLineParser& parser, QString* error) {
  const bool rangeForm = parser.isSet(m_from) || parser.isSet(m_to);
  const bool cursorForm = parser.isSet(m_at) || parser.isSet(m_mode) || parser.isSet(m_window) || parser.isSet(m_step);
  if (rangeForm && cursorForm) {
    *error = QStringLiteral("use either --from/--to or --at with --mode/--window/--step, not both");
    return false;
  }
  if (parser.isSet(m_from) && !(m_fromDay = dateValue(parser, m_from, error))) return false;
  if (parser.isSet(m_to) && !(m_toDay = dateValue(parser, m_to, error))) return false;
  if (m_fromDay && m_toDay && *m_fromDay > *m_toDay) {
    *error =
        QStringLiteral("--from %1 is after --to %2")
            .arg(QString::fromStdString(formatIsoDate(*m_fromDay)), QString::fromStdString(formatIsoDate(*m_toDay)));
    return false;
  }
  if (!cursorForm) return true;
  if (!parser.isSet(m_at)) {
    *error = QStringLiteral("--mode, --window and --step need --at DATE");
    return false;
  }
  TimeSelection selection;
  const auto at = dateValue(parser, m_at, error);
  if (!at) return false;
  selection.cursor = *at;
  selection.mode = parser.isSet(m_window) ? TimeMode::Window : TimeMode::Instant;
  if (parser.isSet(m_mode)) {
    const auto mode = timeModeFromName(parser.value(m_mode).trimmed().toStdString());
    if (!mode) {
      *error = QStringLiteral("unknown --mode '%1' (use instant, window or cumulative)").arg(parser.value(m_mode));
      return false;
    }
    selection.mode = *mode;
  }
  if (parser.isSet(m_window)) {
    const auto window = lengthValue(parser, m_window, error);
    if (!window) return false;
    if (selection.mode != TimeMode::Window) {
      *error = QStringLiteral("--window goes with --mode window");
      return false;
    }
    selection.window = *window;
  }
  if (parser.isSet(m_step)) {
    const auto step = lengthValue(parser, m_step, error);
    if (!step) return false;
    if (selection.mode != TimeMode::Instant) {
      *error = QStringLiteral("--step goes with --mode instant");
      return false;
    }
    selection.step = *step;
  }
  m_selection = selection;
  return true;
}

DayRange TimeOptions::range(DayNumber dataFirst, DayNumber dataLast) const {
  if (m_selection) {
    TimeSelection selection = *m_selection;
    selection.dataStart = dataFirst;
    return selection.range();
  }
  const DayNumber from = m_fromDay.value_or(dataFirst);
  return {from, m_toDay.value_or(std::max(from, dataLast))};
}

db::Query TimeOptions::databaseWindow() const {
  db::Query window;
  if (m_selection) {
    // Cumulative ranges start with the data, wherever that is.
    const DayRange shown = range(0, 0);
    if (m_selection->mode != TimeMode::Cumulative) window.from = shown.from;
    window.to = shown.to;
    return window;
  }
  window.from = m_fromDay;
  window.to = m_toDay;
  return window;
}

} // namespace sv
