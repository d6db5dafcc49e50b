#include "session/backgroundjob.h"

#include <QMetaObject>

#include <atomic>

namespace sv {

void JobControl::setProgress(double fraction, const QString& label) {
  const std::lock_guard lock(m_mutex);
  m_fraction = fraction;
  if (!label.isNull()) m_label = label;
  m_changed = true;
}

bool JobControl::takeProgress(double* fraction, QString* label) {
  const std::lock_guard lock(m_mutex);
  if (!m_changed) return false;
  m_changed = false;
  *fraction = m_fraction;
  *label = m_label;
  return true;
}

struct BackgroundJob::Run {
  JobControl control;
  std::atomic<bool> superseded = false;
  std::function<void(JobControl&)> work;
  std::function<void()> deliver;
};

BackgroundJob::BackgroundJob(QObject* parent) : QObject(parent) {
  m_pool.setMaxThreadCount(1);
  m_progressTimer.setInterval(100);
  connect(&m_progressTimer, &QTimer::timeout, this, &BackgroundJob::pollProgress);
}

BackgroundJob::~BackgroundJob() {
  cancel();
  m_pool.waitForDone();
}

void BackgroundJob::launch(std::function<void(JobControl&)> work, std::function<void()> deliver) {
  if (m_current) { // superseded: never delivered
    m_current->superseded = true;
    m_current->control.cancel();
  }
  auto run = std::make_shared<Run>();
  run->work = std::move(work);
  run->deliver = std::move(deliver);
  m_current = run;
  m_progressTimer.start();
  m_pool.start([this, run] {
    // A job superseded while it waited for the thread does not run at all; a
    // cancelled one runs, to say what a cancelled result is.
    if (!run->superseded) run->work(run->control);
    QMetaObject::invokeMethod(
        this, [this, run] { workDone(run); }, Qt::QueuedConnection);
  });
}

void BackgroundJob::workDone(const std::shared_ptr<Run>& run) {
  if (run != m_current) return;
  m_progressTimer.stop();
  reportProgress(&run->control); // the last word, while the job still counts as running
  m_current.reset();
  run->deliver();
  emit finished();
}

void BackgroundJob::pollProgress() {
  if (m_current) reportProgress(&m_current->control);
}

void BackgroundJob::reportProgress(JobControl* control) {
  double fraction = 0.0;
  QString label;
  if (control->takeProgress(&fraction, &label)) emit progressChanged(fraction, label);
}

void BackgroundJob::discard() {
  if (!m_current) return;
  m_current->superseded = true;
  m_current->control.cancel();
  m_current.reset();
  m_progressTimer.stop();
}

void BackgroundJob::cancel() {
  if (m_current) m_current->control.cancel();
}

void BackgroundJob::waitForFinished() {
  m_pool.waitForDone();
  // The queued deliveries of finished work are dropped: nothing is current.
  if (m_current) {
    m_current.reset();
    m_progressTimer.stop();
  }
}

} // namespace sv
