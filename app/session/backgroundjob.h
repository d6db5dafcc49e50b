#pragma once

#include "render/cancelflag.h"

#include <QObject>
#include <QString>
#include <QThreadPool>
#include <QTimer>

#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <type_traits>

namespace sv {

// What a job's work sees of its job: whether it should stop, and a place to
// say how far it is. Safe to use from the worker thread.
class JobControl {
public:
  JobControl() : m_cancel(makeCancelFlag()) {}

  bool isCancelled() const { return sv::isCancelled(m_cancel); }
  // For code that checks a flag of its own (render jobs, imports).
  const CancelFlag& cancelFlag() const { return m_cancel; }
  // The fraction done (0–1) and what is being done, shown by the GUI thread
  // at its own pace.
  void setProgress(double fraction, const QString& label = {});

  // The latest progress, and whether it changed since the last call.
  bool takeProgress(double* fraction, QString* label);
  void cancel() { m_cancel->store(true); }

private:
  CancelFlag m_cancel;
  std::mutex m_mutex;
  double m_fraction = 0.0;
  QString m_label;
  bool m_changed = false;
};

// The one way the application runs work off the GUI thread: the map's
// renders, imports, animations and composition previews. A job runs its
// work on a thread of its own pool, one at a time, and delivers the result
// on the GUI thread. Starting a job while one runs cancels the running one
// without waiting: its result is never delivered, and the newest job runs
// as soon as the thread is free (jobs started in between are skipped).
// Progress reported by the work reaches the GUI thread as progressChanged,
// at most ten times a second. Destroying the job cancels it and waits for
// its work to return, so nothing outlives what it was given.
class BackgroundJob : public QObject {
  Q_OBJECT

public:
  explicit BackgroundJob(QObject* parent = nullptr);
  ~BackgroundJob() override;

  // Runs `work(JobControl&)` off the GUI thread and then `deliver(result)` on
  // it, unless another start() came first. The result of a cancelled job is
  // still delivered: the work says what a cancelled result is.
  template <typename Work, typename Deliver> void start(Work work, Deliver deliver) {
    using Result = std::invoke_result_t<Work&, JobControl&>;
    auto result = std::make_shared<std::optional<Result>>();
    launch([work = std::move(work), result](JobControl& control) mutable { result->emplace(work(control)); },
           [deliver = std::move(deliver), result]() mutable {
             if (*result) deliver(std::move(**result));
           });
  }

  // Raises the running job's cancel flag; never blocks.
  void cancel();
  // Forgets the running job: it is cancelled and its result never delivered
  // (for a caller that has just computed a newer result itself).
  void discard();
  // True from start() until its result is delivered (or waitForFinished()).
  bool isRunning() const { return m_current != nullptr; }
  // Blocks until no work runs, delivering nothing: for destructors and tests.
  void waitForFinished();

signals:
  void progressChanged(double fraction, const QString& label);
  // After a result was delivered.
  void finished();

private:
  struct Run;
  void launch(std::function<void(JobControl&)> work, std::function<void()> deliver);
  void workDone(const std::shared_ptr<Run>& run);
  void pollProgress();
  void reportProgress(JobControl* control);

  QThreadPool m_pool;
  QTimer m_progressTimer;
  std::shared_ptr<Run> m_current; // the job whose result will be delivered
};

} // namespace sv
