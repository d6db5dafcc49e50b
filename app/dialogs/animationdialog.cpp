#include "dialogs/animationdialog.h"

#include "export/compositioncontent.h"
#include "session/tilefetcher.h"

#include "session/qtdates.h"
#include "session/session.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace sv {
namespace {

QComboBox* unitChoice(QWidget* parent) {
  auto* combo = new QComboBox(parent);
  combo->addItem(QObject::tr("days"), static_cast<int>(TimeUnit::Day));
  combo->addItem(QObject::tr("weeks"), static_cast<int>(TimeUnit::Week));
  combo->addItem(QObject::tr("months"), static_cast<int>(TimeUnit::Month));
  return combo;
}

TimeLength lengthOf(const QSpinBox* count, const QComboBox* unit) {
  return {count->value(), static_cast<TimeUnit>(unit->currentData().toInt())};
}

void setLength(QSpinBox* count, QComboBox* unit, const TimeLength& length) {
  count->setValue(length.count);
  unit->setCurrentIndex(unit->findData(static_cast<int>(length.unit)));
}

} // namespace

AnimationDialog::AnimationDialog(Session& session, QWidget* parent) : QDialog(parent), m_session(session) {
  setWindowTitle(tr("Export Animation"));
  m_settings = new QWidget(this);
  m_from = new QDateEdit(m_settings);
  m_to = new QDateEdit(m_settings);
  for (QDateEdit* edit : {m_from, m_to}) {
    edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    edit->setCalendarPopup(true);
  }
  m_stepCount = new QSpinBox(m_settings);
  m_stepCount->setRange(1, 1000);
  m_stepUnit = unitChoice(m_settings);
  m_mode = new QComboBox(m_settings);
  m_mode->addItem(tr("a window of"), static_cast<int>(TimeMode::Window));
  m_mode->addItem(tr("everything up to the frame's date"), static_cast<int>(TimeMode::Cumulative));
  m_mode->addItem(tr("the step alone"), static_cast<int>(TimeMode::Instant));
  m_windowCount = new QSpinBox(m_settings);
  m_windowCount->setRange(1, 100000);
  m_windowUnit = unitChoice(m_settings);
  m_fps = new QSpinBox(m_settings);
  m_fps->setRange(1, 60);
  m_fps->setValue(4);
  m_fps->setSuffix(tr(" frames a second"));
  m_skipEmpty = new QCheckBox(tr("Leave out frames with no incident"), m_settings);
  m_preset = new QComboBox(m_settings);
  for (const PagePreset& preset : pagePresets()) m_preset->addItem(preset.description, preset.name);
  m_title = new QLineEdit(m_settings);
  m_title->setClearButtonEnabled(true);
  m_output = new QLineEdit(m_settings);
  m_output->setText(QDir::home().filePath(findFfmpeg().isEmpty() ? QStringLiteral("mali-animation")
                                                                 : QStringLiteral("mali-animation.mp4")));
  auto* video = new QPushButton(tr("&Video…"), m_settings);
  video->setToolTip(tr("An MP4 or GIF file, encoded with ffmpeg"));
  auto* folder = new QPushButton(tr("F&older…"), m_settings);
  auto* outputLabel = new QLabel(tr("&Output:"), m_settings);
  outputLabel->setBuddy(m_output);
  auto* datesLabel = new QLabel(tr("&Dates:"), m_settings);
  datesLabel->setBuddy(m_from);
  folder->setToolTip(tr("A folder of numbered PNG frames"));

  auto* dates = new QHBoxLayout;
  dates->addWidget(m_from);
  dates->addWidget(new QLabel(tr("to"), m_settings));
  dates->addWidget(m_to);
  auto* step = new QHBoxLayout;
  step->addWidget(m_stepCount);
  step->addWidget(m_stepUnit);
  auto* shown = new QHBoxLayout;
  shown->addWidget(m_mode, 1);
  shown->addWidget(m_windowCount);
  shown->addWidget(m_windowUnit);
  auto* output = new QHBoxLayout;
  output->addWidget(m_output, 1);
  output->addWidget(video);
  output->addWidget(folder);
  auto* form = new QFormLayout(m_settings);
  form->setContentsMargins(0, 0, 0, 0);
  form->addRow(datesLabel, dates);
  form->addRow(tr("Step:"), step);
  form->addRow(tr("Each frame shows:"), shown);
  form->addRow(QString(), m_skipEmpty);
  form->addRow(tr("&Page:"), m_preset);
  form->addRow(tr("&Title:"), m_title);
  form->addRow(tr("Spee&d:"), m_fps);
  form->addRow(outputLabel, output);

  m_plan = new QLabel(this);
  m_plan->setTextFormat(Qt::PlainText);
  m_progress = new QProgressBar(this);
  m_progress->setFormat(tr("%v of %m frames"));
  m_progress->setValue(0);
  m_status = new QLabel(this);
  m_status->setTextFormat(Qt::PlainText); // paths and messages, never markup
  m_status->setWordWrap(true);
  m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);

  auto* buttons = new QDialogButtonBox(this);
  m_start = buttons->addButton(tr("&Export"), QDialogButtonBox::AcceptRole);
  m_cancelButton = buttons->addButton(QDialogButtonBox::Cancel);
  m_close = buttons->addButton(QDialogButtonBox::Close);
  m_start->setDefault(true);
  connect(m_start, &QPushButton::clicked, this, &AnimationDialog::start);
  connect(m_cancelButton, &QPushButton::clicked, this, &AnimationDialog::cancel);
  connect(m_close, &QPushButton::clicked, this, &AnimationDialog::reject);
  connect(video, &QPushButton::clicked, this, &AnimationDialog::chooseVideo);
  connect(folder, &QPushButton::clicked, this, &AnimationDialog::chooseFolder);

  auto* layout = new QVBoxLayout(this);
  layout->addWidget(m_settings);
  layout->addWidget(m_plan);
  layout->addWidget(m_progress);
  layout->addWidget(m_status);
  layout->addStretch(1);
  layout->addWidget(buttons);

  for (QDateEdit* edit : {m_from, m_to}) connect(edit, &QDateEdit::dateChanged, this, &AnimationDialog::replan);
  for (QSpinBox* spin : {m_stepCount, m_windowCount, m_fps})
    connect(spin, &QSpinBox::valueChanged, this, &AnimationDialog::replan);
  for (QComboBox* combo : {m_stepUnit, m_mode, m_windowUnit})
    connect(combo, &QComboBox::currentIndexChanged, this, &AnimationDialog::replan);
  connect(m_skipEmpty, &QCheckBox::toggled, this, &AnimationDialog::replan);
  connect(&m_job, &BackgroundJob::progressChanged, this, &AnimationDialog::showProgress);
  // A running export keeps the data it started with; the plan follows the session.
  // stylesChanged follows every datasetsChanged and plans the frames again.
  connect(&m_session, &Session::datasetsChanged, this, [this] {
    m_filter = IncidentFilter();
    if (const auto store = m_session.store())
      for (QDateEdit* edit : {m_from, m_to}) edit->setDateRange(toQDate(store->firstDay()), toQDate(store->lastDay()));
  });
  connect(&m_session, &Session::stylesChanged, this, [this] {
    m_filter.datasets = m_session.visibleDatasets();
    replan();
  });
  setRunning(false);
  resize(640, 420);
}

// The job's destructor cancels the animation and waits for the frame being drawn.
AnimationDialog::~AnimationDialog() = default;

void AnimationDialog::setView(const TimeSelection& selection, const IncidentFilter& filter, const QRectF& extent) {
  m_filter = filter;
  m_extent = extent;
  if (const auto store = m_session.store()) {
    for (QDateEdit* edit : {m_from, m_to}) edit->setDateRange(toQDate(store->firstDay()), toQDate(store->lastDay()));
  }
  // The animation the slider is set up for, ending on its cursor.
  const DayRange range = selection.range();
  m_mode->setCurrentIndex(m_mode->findData(static_cast<int>(selection.mode)));
  setLength(m_stepCount, m_stepUnit, selection.step);
  setLength(m_windowCount, m_windowUnit, selection.window);
  m_to->setDate(toQDate(selection.cursor));
  m_from->setDate(toQDate(selection.mode == TimeMode::Cumulative ? selection.dataStart : range.from));
  if (const auto store = m_session.store())
    m_title->setPlaceholderText(
        QString::fromStdString(store->info().title.empty() ? store->info().name : store->info().title));
  replan();
}

AnimationSettings AnimationDialog::settings() const {
  AnimationSettings s;
  s.from = fromQDate(m_from->date());
  s.to = fromQDate(m_to->date());
  s.step = lengthOf(m_stepCount, m_stepUnit);
  const auto mode = static_cast<TimeMode>(m_mode->currentData().toInt());
  if (mode == TimeMode::Window) s.window = lengthOf(m_windowCount, m_windowUnit);
  s.cumulative = mode == TimeMode::Cumulative;
  s.skipEmpty = m_skipEmpty->isChecked();
  s.filter = m_filter;
  return s;
}

PageFormat AnimationDialog::format() const { return findPagePreset(m_preset->currentData().toString())->format; }

int AnimationDialog::fps() const { return m_fps->value(); }

void AnimationDialog::replan() {
  const bool window = static_cast<TimeMode>(m_mode->currentData().toInt()) == TimeMode::Window;
  m_windowCount->setEnabled(window);
  m_windowUnit->setEnabled(window);
  m_frames.clear();
  if (const auto store = m_session.store(); store && m_from->date() <= m_to->date())
    m_frames = planAnimation(*store, settings());
  if (m_from->date() > m_to->date())
    m_plan->setText(tr("The end date is before the start."));
  else if (m_frames.empty())
    m_plan->setText(tr("No frames: every step is empty under the filters."));
  else
    m_plan->setText(tr("%1, %2 s at %3 frames a second; first %4, last %5")
                        .arg(m_frames.size() == 1 ? tr("1 frame") : tr("%1 frames").arg(m_frames.size()))
                        .arg(static_cast<double>(m_frames.size()) / fps(), 0, 'f', 1)
                        .arg(fps())
                        .arg(QString::fromStdString(formatRangeLabel(m_frames.front().range)),
                             QString::fromStdString(formatRangeLabel(m_frames.back().range))));
  m_start->setEnabled(!m_frames.empty() && !running());
  if (!running()) {
    m_progress->setRange(0, std::max<int>(1, static_cast<int>(m_frames.size())));
    m_progress->setValue(0);
  }
}

void AnimationDialog::setRunning(bool running) {
  m_settings->setEnabled(!running);
  m_start->setEnabled(!running && !m_frames.empty());
  m_cancelButton->setVisible(running);
  m_close->setVisible(!running);
}

void AnimationDialog::start() {
  if (running() || m_frames.empty()) return;
  const QString output = QDir::cleanPath(QDir::fromNativeSeparators(m_output->text().trimmed()));
  const QString problem = animationOutputProblem(output);
  if (!problem.isEmpty()) {
    m_status->setText(problem);
    return;
  }
  // What the window shows now, with a projection of the worker's own.
  auto context = std::make_shared<MapContext>(m_session.mapContext());
  // Every frame shows the same view: its online tiles are fetched once, first.
  const TileFetcher::Preparation tiles = TileFetcher::prepare(
      context->layers.tiles,
      compositionMapSettings(format(), compositionFor(*context, m_frames.front().range, settings().filter, m_extent,
                                                      m_title->text().trimmed())));
  if (!tiles.ok) {
    m_status->setText(tiles.error);
    return;
  }
  m_tileNotice = tiles.describeMissing();
  m_progress->setRange(0, static_cast<int>(m_frames.size()));
  m_progress->setValue(0);
  m_status->setText(isVideoOutput(output)
                        ? tr("Drawing the frames, then encoding %1…").arg(QDir::toNativeSeparators(output))
                        : tr("Drawing the frames into %1…").arg(QDir::toNativeSeparators(output)));
  setRunning(true);
  m_job.start(
      [context, frames = m_frames, animation = settings(), page = format(), extent = m_extent,
       title = m_title->text().trimmed(), output, rate = fps()](JobControl& job) {
        const AnimationProgress progress = [&job](int done, int total, const AnimationFrame& frame) {
          job.setProgress(
              static_cast<double>(done) / std::max(total, 1),
              tr("Frame %1 of %2: %3").arg(done).arg(total).arg(QString::fromStdString(formatRangeLabel(frame.range))));
          return !job.isCancelled();
        };
        return exportAnimation(*context, frames, animation, page, extent, title, output, rate, progress);
      },
      [this](AnimationResult result) { finish(std::move(result)); });
}

void AnimationDialog::showProgress(double fraction, const QString& label) {
  if (!running()) return;
  m_progress->setValue(static_cast<int>(std::lround(fraction * m_progress->maximum())));
  m_status->setText(label);
}

void AnimationDialog::cancel() {
  if (!running()) return;
  m_job.cancel();
  m_status->setText(tr("Cancelling after the frame being drawn…"));
}

void AnimationDialog::finish(AnimationResult result) {
  m_result = std::move(result);
  QString text = m_result.message;
  if (m_result.cancelled) {
    text = tr("Cancelled: %1.").arg(m_result.message);
    if (!m_result.frameDirectory.isEmpty())
      text += tr(" The frames drawn so far are in %1.").arg(QDir::toNativeSeparators(m_result.frameDirectory));
  }
  if (!m_tileNotice.isEmpty()) text += QLatin1Char('\n') + m_tileNotice.trimmed();
  m_status->setText(text);
  setRunning(false);
  emit exportFinished(m_result.ok);
}

void AnimationDialog::reject() {
  if (running()) {
    cancel();
    return;
  }
  QDialog::reject();
}

void AnimationDialog::chooseVideo() {
  const QStringList filters{tr("MP4 video (*.mp4)"), tr("GIF animation (*.gif)")};
  QString filter = filters.front();
  QString path = QFileDialog::getSaveFileName(this, tr("Animation Video"), m_output->text(),
                                              filters.join(QStringLiteral(";;")), &filter);
  if (path.isEmpty()) return;
  if (!isVideoOutput(path)) path += filter == filters.back() ? QStringLiteral(".gif") : QStringLiteral(".mp4");
  m_output->setText(QDir::toNativeSeparators(path));
  if (findFfmpeg().isEmpty())
    m_status->setText(
        tr("ffmpeg is not installed (Debian package ffmpeg): the frames will be kept as PNG files beside the video's "
           "name."));
}

void AnimationDialog::chooseFolder() {
  const QString path =
      QFileDialog::getExistingDirectory(this, tr("Folder for PNG Frames"), QFileInfo(m_output->text()).absolutePath());
  if (!path.isEmpty()) m_output->setText(QDir::toNativeSeparators(path));
}

} // namespace sv
