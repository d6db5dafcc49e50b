#pragma once

#include <QWidget>

class QCheckBox;
class QComboBox;
class QCalendarWidget;
class QLineEdit;
class QLabel;
class QSpinBox;
class QToolButton;

namespace sv {

class TimeController;
class TimelineView;

// The timeline under the map: playback and stepping controls, the cursor's
// date (typed or picked from a calendar), mode, window, step, speed, loop and
// skip-empty, above the histogram strip. Every control reads from and writes
// to the TimeController; none keeps state of its own.
class TimelinePanel : public QWidget {
  Q_OBJECT

public:
  explicit TimelinePanel(TimeController* controller, QWidget* parent = nullptr);

  TimelineView* view() const { return m_view; }
  // The cursor's date, typed as YYYY-MM-DD, and the calendar that picks it.
  QLineEdit* dateEdit() const { return m_date; }
  QCalendarWidget* calendar() const { return m_calendar; }
  // Moves keyboard focus to the date field, selecting it for typing.
  void focusDate();

private:
  void showSelection();
  void showPlayback();
  void applyWindow();
  void applyTypedDate();

  TimeController* m_controller;
  TimelineView* m_view = nullptr;
  QToolButton* m_previousIncident = nullptr;
  QToolButton* m_stepBack = nullptr;
  QToolButton* m_play = nullptr;
  QToolButton* m_stepForward = nullptr;
  QToolButton* m_nextIncident = nullptr;
  QToolButton* m_nextSpike = nullptr;
  QLineEdit* m_date = nullptr;
  QToolButton* m_calendarButton = nullptr;
  QCalendarWidget* m_calendar = nullptr;
  QComboBox* m_mode = nullptr;
  QSpinBox* m_windowCount = nullptr;
  QComboBox* m_windowUnit = nullptr;
  QComboBox* m_step = nullptr;
  QComboBox* m_speed = nullptr;
  QCheckBox* m_loop = nullptr;
  QCheckBox* m_skipEmpty = nullptr;
  QLabel* m_rangeLabel = nullptr;
};

} // namespace sv
