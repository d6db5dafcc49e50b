#include "control/timecontroller.h"

#include <QTimer>

#include <algorithm>
#include <cmath>

namespace sv {
namespace {

class TimerClock final : public PlaybackClock {
public:
  TimerClock() {
    QObject::connect(&m_timer, &QTimer::timeout, [this] {
      if (m_tick) m_tick();
    });
  }
  void start(std::chrono::milliseconds interval, std::function<void()> tick) override {
    m_tick = std::move(tick);
    m_timer.start(interval);
  }
  void stop() override { m_timer.stop(); }

private:
  QTimer m_timer;
  std::function<void()> m_tick;
};

DayNumber lastDayOfStep(DayNumber day, TimeUnit unit) { return nextBinStart(binStart(day, unit), unit) - 1; }

} // namespace

std::unique_ptr<PlaybackClock> makeTimerClock() { return std::make_unique<TimerClock>(); }

TimeController::TimeController(QObject* parent) : TimeController(makeTimerClock(), parent) {}

TimeController::TimeController(std::unique_ptr<PlaybackClock> clock, QObject* parent)
    : QObject(parent), m_clock(std::move(clock)) {}

TimeController::~TimeController() {
  if (m_clock) m_clock->stop();
}

bool TimeController::hasData() const { return m_store && !m_store->empty(); }

DayNumber TimeController::minimumCursor() const { return hasData() ? m_store->firstDay() : m_selection.cursor; }

DayNumber TimeController::maximumCursor() const {
  return hasData() ? lastDayOfStep(m_store->lastDay(), m_selection.step.unit) : m_selection.cursor;
}

DayNumber TimeController::clampCursor(DayNumber cursor) const {
  if (!hasData()) return cursor;
  return std::clamp(cursor, minimumCursor(), maximumCursor());
}

void TimeController::setStore(std::shared_ptr<const EventStore> store) {
  m_store = std::move(store);
  TimeSelection selection = m_selection;
  if (hasData()) {
    selection.dataStart = m_store->firstDay();
    if (selection.cursor < m_store->firstDay() || selection.cursor > m_store->lastDay())
      selection.cursor = m_store->lastDay();
  }
  emit storeChanged();
  setSelection(selection);
}

void TimeController::setFilter(const IncidentFilter& filter) {
  if (filter == m_filter) return;
  m_filter = filter;
  emit filterChanged(m_filter);
}

void TimeController::setSelection(TimeSelection selection) {
  selection.step.count = std::max(selection.step.count, 1);
  selection.window.count = std::max(selection.window.count, 1);
  if (hasData()) selection.dataStart = m_store->firstDay();
  // Clamp against the new step: the bound depends on it.
  const TimeSelection previous = m_selection;
  m_selection = selection;
  m_selection.cursor = clampCursor(selection.cursor);
  if (m_selection == previous) return;
  emit selectionChanged(m_selection);
  if (m_selection.range() != previous.range()) emit rangeChanged(m_selection.range());
}

void TimeController::setCursor(DayNumber cursor) {
  TimeSelection selection = m_selection;
  selection.cursor = cursor;
  setSelection(selection);
}

void TimeController::setMode(TimeMode mode) {
  TimeSelection selection = m_selection;
  selection.mode = mode;
  setSelection(selection);
}

void TimeController::setStep(const TimeLength& step) {
  TimeSelection selection = m_selection;
  selection.step = step;
  setSelection(selection);
}

void TimeController::setWindow(const TimeLength& window) {
  TimeSelection selection = m_selection;
  selection.window = window;
  setSelection(selection);
}

void TimeController::setRange(const DayRange& range) {
  if (range.isEmpty()) return;
  TimeSelection selection = m_selection;
  selection.cursor = range.to;
  if (selection.mode != TimeMode::Cumulative || range.from != selection.dataStart) {
    selection.mode = TimeMode::Window;
    selection.window = {range.to - range.from + 1, TimeUnit::Day};
  }
  setSelection(selection);
}

void TimeController::stepForward() { setCursor(steppedCursor(m_selection.cursor, m_selection.step, +1)); }
void TimeController::stepBackward() { setCursor(steppedCursor(m_selection.cursor, m_selection.step, -1)); }
void TimeController::goToStart() {
  setCursor(hasData() ? lastDayOfStep(m_store->firstDay(), m_selection.step.unit) : m_selection.cursor);
}
void TimeController::goToEnd() { setCursor(maximumCursor()); }

bool TimeController::nextIncident() {
  if (!hasData()) return false;
  const auto start = m_store->nextStart(range().to, m_filter);
  if (!start) return false;
  setCursor(*start);
  return true;
}

bool TimeController::previousIncident() {
  if (!hasData()) return false;
  const auto start = m_store->previousStart(range().from, m_filter);
  if (!start) return false;
  setCursor(*start);
  return true;
}

bool TimeController::nextSpike() {
  if (!hasData()) return false;
  const TimeLength step{1, m_selection.step.unit};
  const DayNumber current = binStart(m_selection.cursor, step.unit);
  const DayNumber trailingStart = addUnits(current, step.unit, -static_cast<int>(kSpikeTrailingBins));
  const Histogram histogram = m_store->histogram(trailingStart, m_store->lastDay(), step.unit, m_filter);
  const auto currentBin =
      std::upper_bound(histogram.binStarts.begin(), histogram.binStarts.end(), current) - histogram.binStarts.begin();
  // binStarts[currentBin - 1] is the current step; look from the one after it.
  const std::size_t spike = findSpike(histogram, static_cast<std::size_t>(currentBin));
  if (spike >= histogram.binCount()) return false;
  setCursor(histogram.binStarts[spike + 1] - 1);
  return true;
}

bool TimeController::isEmpty(const DayRange& range) const {
  if (!hasData()) return true;
  return !m_store->anyOverlapping(range.from, range.to, m_filter);
}

std::optional<DayNumber> TimeController::playbackTarget(DayNumber cursor, int direction) const {
  TimeSelection probe = m_selection;
  probe.cursor = cursor;
  for (;;) {
    const DayNumber next = clampCursor(steppedCursor(probe.cursor, probe.step, direction));
    if (next == probe.cursor) return std::nullopt; // at the end of the data
    probe.cursor = next;
    if (!m_skipEmpty || !isEmpty(probe.range())) return next;
  }
}

std::optional<DayNumber> TimeController::restartTarget(int direction) const {
  if (!hasData()) return std::nullopt;
  TimeSelection probe = m_selection;
  probe.cursor = direction > 0 ? lastDayOfStep(m_store->firstDay(), probe.step.unit) : maximumCursor();
  if (!m_skipEmpty || !isEmpty(probe.range())) return probe.cursor;
  return playbackTarget(probe.cursor, direction);
}

void TimeController::tick() {
  const int sign = m_direction == Direction::Forward ? +1 : -1;
  std::optional<DayNumber> target = playbackTarget(m_selection.cursor, sign);
  if (!target && m_loop) target = restartTarget(sign);
  if (!target) {
    pause();
    return;
  }
  setCursor(*target);
}

std::chrono::milliseconds TimeController::tickInterval() const {
  return std::chrono::milliseconds(static_cast<long>(std::lround(1000.0 / m_speed)));
}

void TimeController::restartClock() {
  if (!m_clock) return;
  m_clock->stop();
  if (m_playing) m_clock->start(tickInterval(), [this] { tick(); });
}

void TimeController::play(Direction direction) {
  if (m_playing && direction == m_direction) return;
  // Playing forward from the end starts again from the beginning, as a player does.
  const int sign = direction == Direction::Forward ? +1 : -1;
  if (!playbackTarget(m_selection.cursor, sign)) {
    if (const auto restart = restartTarget(sign)) setCursor(*restart);
  }
  m_playing = true;
  m_direction = direction;
  restartClock();
  emit playbackChanged();
}

void TimeController::pause() {
  if (!m_playing) return;
  m_playing = false;
  restartClock();
  emit playbackChanged();
}

void TimeController::togglePlay() {
  if (m_playing) {
    pause();
  } else {
    play(m_direction);
  }
}

void TimeController::setSpeed(double stepsPerSecond) {
  if (!std::isfinite(stepsPerSecond)) return;
  const double speed = std::clamp(stepsPerSecond, kMinSpeed, kMaxSpeed);
  if (speed == m_speed) return;
  m_speed = speed;
  restartClock();
  emit playbackChanged();
}

void TimeController::setLoop(bool loop) {
  if (loop == m_loop) return;
  m_loop = loop;
  emit playbackChanged();
}

void TimeController::setSkipEmpty(bool skip) {
  if (skip == m_skipEmpty) return;
  m_skipEmpty = skip;
  emit playbackChanged();
}

} // namespace sv
