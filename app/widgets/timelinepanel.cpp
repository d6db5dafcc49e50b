#include "widgets/timelinepanel.h"
#include "session/qtdates.h"

#include "widgets/timelineview.h"

#include "control/timecontroller.h"

#include <QCalendarWidget>
#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QStyle>
#include <QToolButton>
#include <QVBoxLayout>
#include <QWidgetAction>

#include <array>

namespace sv {
namespace {

constexpr std::array<double, 9> kSpeeds{0.2, 0.5, 1.0, 2.0, 4.0, 8.0, 12.0, 20.0, 30.0};

QString speedText(double speed) {
  if (speed < 1.0) return QObject::tr("1 step every %1 s").arg(1.0 / speed, 0, 'g', 2);
  return speed == 1.0 ? QObject::tr("1 step/s") : QObject::tr("%1 steps/s").arg(speed, 0, 'g', 3);
}

QToolButton* toolButton(QWidget* parent, QStyle::StandardPixmap icon, const QString& text, const QString& tip) {
  auto* button = new QToolButton(parent);
  button->setIcon(parent->style()->standardIcon(icon));
  button->setText(text);
  button->setToolTip(tip);
  button->setAccessibleName(text);
  button->setAutoRaise(true);
  return button;
}

QLabel* buddyLabel(const QString& text, QWidget* buddy, QWidget* parent) {
  auto* label = new QLabel(text, parent);
  label->setBuddy(buddy);
  return label;
}

} // namespace

TimelinePanel::TimelinePanel(TimeController* controller, QWidget* parent) : QWidget(parent), m_controller(controller) {
  m_view = new TimelineView(controller, this);

  m_previousIncident = toolButton(this, QStyle::SP_MediaSkipBackward, tr("Previous incident"),
                                  tr("Go to the previous incident (Page Up)"));
  m_stepBack = toolButton(this, QStyle::SP_MediaSeekBackward, tr("Step back"), tr("One step back (Left)"));
  m_play = toolButton(this, QStyle::SP_MediaPlay, tr("Play"), tr("Play or pause (Space)"));
  m_stepForward = toolButton(this, QStyle::SP_MediaSeekForward, tr("Step forward"), tr("One step forward (Right)"));
  m_nextIncident =
      toolButton(this, QStyle::SP_MediaSkipForward, tr("Next incident"), tr("Go to the next incident (Page Down)"));
  m_nextSpike = new QToolButton(this);
  m_nextSpike->setText(tr("Next spike"));
  m_nextSpike->setToolTip(tr("Go to the next step with far more incidents than the steps before it"));
  m_nextSpike->setAutoRaise(true);

  // A typed date applies once, when it is complete: on Enter or on leaving the field.
  m_date = new QLineEdit(this);
  m_date->setPlaceholderText(QStringLiteral("YYYY-MM-DD"));
  m_date->setToolTip(tr("The cursor's date: type it as YYYY-MM-DD and press Enter, or pick it from the calendar"));
  m_date->setAccessibleName(tr("Date"));
  m_date->setMaxLength(10);
  m_date->setFixedWidth(m_date->fontMetrics().horizontalAdvance(QStringLiteral("0000-00-000")) + 14);
  m_calendar = new QCalendarWidget(this);
  m_calendar->setGridVisible(true);
  m_calendar->setFirstDayOfWeek(Qt::Monday);
  m_calendarButton = new QToolButton(this);
  m_calendarButton->setText(tr("Calendar"));
  m_calendarButton->setToolTip(tr("Pick the date from a calendar"));
  m_calendarButton->setAccessibleName(tr("Calendar"));
  m_calendarButton->setArrowType(Qt::DownArrow);
  m_calendarButton->setPopupMode(QToolButton::InstantPopup);
  m_calendarButton->setAutoRaise(true);
  auto* calendarMenu = new QMenu(m_calendarButton);
  auto* calendarAction = new QWidgetAction(calendarMenu);
  calendarAction->setDefaultWidget(m_calendar);
  calendarMenu->addAction(calendarAction);
  m_calendarButton->setMenu(calendarMenu);

  m_mode = new QComboBox(this);
  m_mode->addItem(tr("Instant"), static_cast<int>(TimeMode::Instant));
  m_mode->addItem(tr("Window"), static_cast<int>(TimeMode::Window));
  m_mode->addItem(tr("Cumulative"), static_cast<int>(TimeMode::Cumulative));
  m_mode->setToolTip(
      tr("Instant: the step holding the date. Window: a window ending on the date. "
         "Cumulative: everything up to the date."));
  m_windowCount = new QSpinBox(this);
  m_windowCount->setRange(1, 100000);
  m_windowCount->setKeyboardTracking(false);
  m_windowCount->setAccessibleName(tr("Window length"));
  m_windowUnit = new QComboBox(this);
  m_windowUnit->addItem(tr("days"), static_cast<int>(TimeUnit::Day));
  m_windowUnit->addItem(tr("weeks"), static_cast<int>(TimeUnit::Week));
  m_windowUnit->addItem(tr("months"), static_cast<int>(TimeUnit::Month));
  m_windowUnit->setAccessibleName(tr("Window unit"));
  m_step = new QComboBox(this);
  m_step->addItem(tr("Day"), static_cast<int>(TimeUnit::Day));
  m_step->addItem(tr("Week"), static_cast<int>(TimeUnit::Week));
  m_step->addItem(tr("Month"), static_cast<int>(TimeUnit::Month));
  m_speed = new QComboBox(this);
  for (double speed : kSpeeds) m_speed->addItem(speedText(speed), speed);
  m_loop = new QCheckBox(tr("&Loop"), this);
  m_loop->setToolTip(tr("Start again from the beginning at the end of the data"));
  m_skipEmpty = new QCheckBox(tr("S&kip empty"), this);
  m_skipEmpty->setToolTip(tr("Playback passes over steps without incidents"));
  m_rangeLabel = new QLabel(this);
  QFont bold = m_rangeLabel->font();
  bold.setBold(true);
  m_rangeLabel->setFont(bold);
  m_rangeLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);

  // Let the combo boxes narrow, so that the row fits beside open docks.
  for (QComboBox* combo : {m_mode, m_windowUnit, m_step, m_speed}) {
    combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    combo->setMinimumContentsLength(combo == m_speed ? 9 : 6);
  }
  auto* controls = new QHBoxLayout;
  controls->setContentsMargins(4, 2, 4, 0);
  controls->setSpacing(4);
  for (QWidget* w : {static_cast<QWidget*>(m_previousIncident), static_cast<QWidget*>(m_stepBack),
                     static_cast<QWidget*>(m_play), static_cast<QWidget*>(m_stepForward),
                     static_cast<QWidget*>(m_nextIncident), static_cast<QWidget*>(m_nextSpike)})
    controls->addWidget(w);
  controls->addSpacing(8);
  controls->addWidget(buddyLabel(tr("&Date:"), m_date, this));
  controls->addWidget(m_date);
  controls->addWidget(m_calendarButton);
  controls->addSpacing(8);
  controls->addWidget(buddyLabel(tr("S&how:"), m_mode, this));
  controls->addWidget(m_mode);
  controls->addWidget(m_windowCount);
  controls->addWidget(m_windowUnit);
  controls->addSpacing(8);
  controls->addWidget(buddyLabel(tr("S&tep:"), m_step, this));
  controls->addWidget(m_step);
  controls->addWidget(buddyLabel(tr("S&peed:"), m_speed, this));
  controls->addWidget(m_speed);
  controls->addWidget(m_loop);
  controls->addWidget(m_skipEmpty);
  controls->addStretch(1);
  // The range is named on the map in large type; here it is for screen readers.
  m_rangeLabel->hide();

  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->setSpacing(2);
  layout->addLayout(controls);
  layout->addWidget(m_view, 1);

  connect(m_previousIncident, &QToolButton::clicked, m_controller, &TimeController::previousIncident);
  connect(m_nextIncident, &QToolButton::clicked, m_controller, &TimeController::nextIncident);
  connect(m_stepBack, &QToolButton::clicked, m_controller, [this] {
    m_controller->pause();
    m_controller->stepBackward();
  });
  connect(m_stepForward, &QToolButton::clicked, m_controller, [this] {
    m_controller->pause();
    m_controller->stepForward();
  });
  connect(m_play, &QToolButton::clicked, m_controller, &TimeController::togglePlay);
  connect(m_nextSpike, &QToolButton::clicked, m_controller, &TimeController::nextSpike);
  connect(m_date, &QLineEdit::editingFinished, this, &TimelinePanel::applyTypedDate);
  connect(m_calendar, &QCalendarWidget::clicked, this, [this, calendarMenu](const QDate& date) {
    calendarMenu->close();
    m_controller->setCursor(fromQDate(date));
  });
  connect(m_calendar, &QCalendarWidget::activated, this, [this, calendarMenu](const QDate& date) {
    calendarMenu->close();
    m_controller->setCursor(fromQDate(date));
  });
  connect(m_mode, &QComboBox::currentIndexChanged, this,
          [this] { m_controller->setMode(static_cast<TimeMode>(m_mode->currentData().toInt())); });
  connect(m_windowCount, &QSpinBox::valueChanged, this, &TimelinePanel::applyWindow);
  connect(m_windowUnit, &QComboBox::currentIndexChanged, this, &TimelinePanel::applyWindow);
  connect(m_step, &QComboBox::currentIndexChanged, this, [this] {
    m_controller->setStep({1, static_cast<TimeUnit>(m_step->currentData().toInt())});
  });
  connect(m_speed, &QComboBox::currentIndexChanged, this,
          [this] { m_controller->setSpeed(m_speed->currentData().toDouble()); });
  connect(m_loop, &QCheckBox::toggled, m_controller, &TimeController::setLoop);
  connect(m_skipEmpty, &QCheckBox::toggled, m_controller, &TimeController::setSkipEmpty);

  connect(m_controller, &TimeController::selectionChanged, this, &TimelinePanel::showSelection);
  connect(m_controller, &TimeController::storeChanged, this, &TimelinePanel::showSelection);
  connect(m_controller, &TimeController::playbackChanged, this, &TimelinePanel::showPlayback);
  showSelection();
  showPlayback();
}

void TimelinePanel::focusDate() {
  m_date->setFocus(Qt::ShortcutFocusReason);
  m_date->selectAll();
}

void TimelinePanel::applyTypedDate() {
  const QString text = m_date->text().trimmed();
  const auto typed = parseIsoDate(text.toStdString());
  if (!typed) {
    // Say what is wrong, keep the text for correction, and leave the range alone.
    m_date->setStyleSheet(QStringLiteral("QLineEdit { border: 2px solid #c0392b; }"));
    m_date->setToolTip(tr("'%1' is not a date: type it as YYYY-MM-DD, e.g. 2020-10-06").arg(text));
    return;
  }
  m_date->setStyleSheet(QString());
  m_date->setToolTip(tr("The cursor's date: type it as YYYY-MM-DD and press Enter, or pick it from the calendar"));
  m_controller->setCursor(*typed);
  // A date outside the data is moved to its nearest end; show where the cursor went.
  showSelection();
}

void TimelinePanel::applyWindow() {
  m_controller->setWindow({m_windowCount->value(), static_cast<TimeUnit>(m_windowUnit->currentData().toInt())});
}

void TimelinePanel::showSelection() {
  const TimeSelection& s = m_controller->selection();
  m_date->setText(QString::fromStdString(formatIsoDate(s.cursor)));
  m_date->setStyleSheet(QString());
  {
    const QSignalBlocker blockCalendar(m_calendar);
    if (const auto& store = m_controller->store(); store && !store->empty()) {
      m_calendar->setDateRange(toQDate(m_controller->minimumCursor()), toQDate(m_controller->maximumCursor()));
    }
    m_calendar->setSelectedDate(toQDate(s.cursor));
  }
  {
    const QSignalBlocker blockMode(m_mode);
    m_mode->setCurrentIndex(m_mode->findData(static_cast<int>(s.mode)));
  }
  {
    const QSignalBlocker blockCount(m_windowCount);
    const QSignalBlocker blockUnit(m_windowUnit);
    m_windowCount->setValue(s.window.count);
    m_windowUnit->setCurrentIndex(m_windowUnit->findData(static_cast<int>(s.window.unit)));
  }
  const bool window = s.mode == TimeMode::Window;
  m_windowCount->setVisible(window);
  m_windowUnit->setVisible(window);
  {
    const QSignalBlocker blockStep(m_step);
    m_step->setCurrentIndex(m_step->findData(static_cast<int>(s.step.unit)));
  }
  m_rangeLabel->setText(QString::fromStdString(formatRangeLabel(m_controller->range())));
}

void TimelinePanel::showPlayback() {
  const bool playing = m_controller->isPlaying();
  m_play->setIcon(style()->standardIcon(playing ? QStyle::SP_MediaPause : QStyle::SP_MediaPlay));
  m_play->setText(playing ? tr("Pause") : tr("Play"));
  m_play->setAccessibleName(m_play->text());
  const QSignalBlocker blockSpeed(m_speed);
  const QSignalBlocker blockLoop(m_loop);
  const QSignalBlocker blockSkip(m_skipEmpty);
  // The nearest preset to the controller's speed.
  int nearest = 0;
  for (int k = 0; k < m_speed->count(); ++k) {
    if (std::abs(m_speed->itemData(k).toDouble() - m_controller->speed()) <
        std::abs(m_speed->itemData(nearest).toDouble() - m_controller->speed()))
      nearest = k;
  }
  m_speed->setCurrentIndex(nearest);
  m_loop->setChecked(m_controller->loops());
  m_skipEmpty->setChecked(m_controller->skipsEmpty());
}

} // namespace sv
