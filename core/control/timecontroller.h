#pragma once

#include "domain/eventstore.h"
#include "domain/timeselection.h"

#include <QObject>

#include <chrono>
#include <functional>
#include <memory>
#include <optional>

namespace sv {

// What drives playback: it calls the tick function every interval until
// stopped. The application uses a QTimer; tests use a clock they advance by hand.
class PlaybackClock {
public:
  virtual ~PlaybackClock() = default;
  virtual void start(std::chrono::milliseconds interval, std::function<void()> tick) = 0;
  virtual void stop() = 0;
};
std::unique_ptr<PlaybackClock> makeTimerClock();

// The time slider's state, without widgets: the selection (mode, cursor, step,
// window), the filter, and playback. Every consumer — map, histogram, lists,
// exports — listens to rangeChanged and filterChanged, each emitted once per
// change and only when the value really changed.
class TimeController : public QObject {
  Q_OBJECT

public:
  enum class Direction { Forward, Backward };
  static constexpr double kMinSpeed = 0.2; // steps per second: one step every five seconds
  static constexpr double kMaxSpeed = 30.0;

  explicit TimeController(QObject* parent = nullptr);
  explicit TimeController(std::unique_ptr<PlaybackClock> clock, QObject* parent = nullptr);
  ~TimeController() override;

  // The incidents that bound the cursor, start cumulative mode, and decide
  // which periods are empty. Keeps the cursor where it is when it is inside
  // the new data, else puts it on the data's last day.
  void setStore(std::shared_ptr<const EventStore> store);
  const std::shared_ptr<const EventStore>& store() const { return m_store; }
  void setFilter(const IncidentFilter& filter);
  const IncidentFilter& filter() const { return m_filter; }

  const TimeSelection& selection() const { return m_selection; }
  DayRange range() const { return m_selection.range(); }
  // The cursor's bounds: the data's first day to the end of the step holding its last day.
  DayNumber minimumCursor() const;
  DayNumber maximumCursor() const;

  void setSelection(TimeSelection selection);
  void setCursor(DayNumber cursor);
  void setMode(TimeMode mode);
  void setStep(const TimeLength& step);
  void setWindow(const TimeLength& window);
  // Shows exactly [from, to]: cumulative mode keeps its start and moves the
  // cursor; otherwise this becomes a window of that many days ending on `to`.
  void setRange(const DayRange& range);

  void stepForward();
  void stepBackward();
  void goToStart();
  void goToEnd();
  // Move the cursor so that the next (previous) incident under the filter
  // comes into the range. False when there is none.
  bool nextIncident();
  bool previousIncident();
  // Moves to the next step, after the current one, whose count stands far
  // above its trailing average (see findSpike). False when there is none.
  bool nextSpike();

  // Playback moves one step per tick, `speed` steps per second.
  void play(Direction direction = Direction::Forward);
  void pause();
  void togglePlay();
  bool isPlaying() const { return m_playing; }
  Direction direction() const { return m_direction; }
  void setSpeed(double stepsPerSecond);
  double speed() const { return m_speed; }
  std::chrono::milliseconds tickInterval() const;
  // At the end of the data: start again (loop) or stop.
  void setLoop(bool loop);
  bool loops() const { return m_loop; }
  // Playback passes over steps that would show no incident.
  void setSkipEmpty(bool skip);
  bool skipsEmpty() const { return m_skipEmpty; }
  // One playback step; the clock calls it.
  void tick();

signals:
  // A new dataset: its bounds, and so the histogram, changed.
  void storeChanged();
  void rangeChanged(sv::DayRange range);
  void filterChanged(const sv::IncidentFilter& filter);
  // Any part of the selection changed (cursor, mode, step or window).
  void selectionChanged(const sv::TimeSelection& selection);
  // Playing, direction, speed, loop or skip-empty changed.
  void playbackChanged();

private:
  bool hasData() const;
  DayNumber clampCursor(DayNumber cursor) const;
  bool isEmpty(const DayRange& range) const;
  // The cursor one playback step on, or nothing at the end of the data.
  std::optional<DayNumber> playbackTarget(DayNumber cursor, int direction) const;
  // Where playback starts again from the other end of the data.
  std::optional<DayNumber> restartTarget(int direction) const;
  void restartClock();

  std::unique_ptr<PlaybackClock> m_clock;
  std::shared_ptr<const EventStore> m_store;
  IncidentFilter m_filter;
  TimeSelection m_selection;
  bool m_playing = false;
  Direction m_direction = Direction::Forward;
  double m_speed = 2.0;
  bool m_loop = false;
  bool m_skipEmpty = false;
};

} // namespace sv
