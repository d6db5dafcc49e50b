// The one way work runs off the GUI thread: results come back on it, a newer
// job supersedes a running one, cancelling never blocks, progress arrives.
#include "session/backgroundjob.h"

#include <QSignalSpy>
#include <QThread>

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <thread>

namespace sv {
namespace {

using namespace std::chrono_literals;

// Work that runs until cancelled or `limit` passes, and says which.
QString waitForCancel(JobControl& job, std::chrono::milliseconds limit) {
  const auto end = std::chrono::steady_clock::now() + limit;
  while (std::chrono::steady_clock::now() < end) {
    if (job.isCancelled()) return QStringLiteral("cancelled");
    std::this_thread::sleep_for(1ms);
  }
  return QStringLiteral("ran out");
}

TEST(BackgroundJob, DeliversTheResultOnTheGuiThread) {
  BackgroundJob job;
  QThread* worker = nullptr;
  std::optional<int> delivered;
  QThread* deliveredOn = nullptr;
  QSignalSpy finished(&job, &BackgroundJob::finished);
  job.start(
      [&worker](JobControl&) {
        worker = QThread::currentThread();
        return 42;
      },
      [&](int value) {
        delivered = value;
        deliveredOn = QThread::currentThread();
      });
  EXPECT_TRUE(job.isRunning());
  ASSERT_TRUE(finished.wait(10000));
  EXPECT_EQ(delivered, 42);
  EXPECT_EQ(deliveredOn, QThread::currentThread());
  EXPECT_NE(worker, QThread::currentThread());
  EXPECT_FALSE(job.isRunning());
}

TEST(BackgroundJob, ANewerJobSupersedesTheRunningOneWhichIsNeverDelivered) {
  BackgroundJob job;
  QStringList delivered;
  std::atomic<bool> firstSawCancel = false;
  std::atomic<bool> firstStarted = false;
  job.start(
      [&](JobControl& control) {
        firstStarted = true;
        const QString how = waitForCancel(control, 10s);
        firstSawCancel = how == QLatin1String("cancelled");
        return QStringLiteral("first");
      },
      [&](QString value) { delivered << value; });
  while (!firstStarted) std::this_thread::sleep_for(1ms);
  // The second waits for the thread and is superseded before it runs.
  job.start([](JobControl&) { return QStringLiteral("second"); }, [&](QString value) { delivered << value; });
  job.start([](JobControl&) { return QStringLiteral("third"); }, [&](QString value) { delivered << value; });
  QSignalSpy finished(&job, &BackgroundJob::finished);
  ASSERT_TRUE(finished.wait(10000));
  QCoreApplication::processEvents();
  EXPECT_EQ(delivered, QStringList{QStringLiteral("third")});
  EXPECT_TRUE(firstSawCancel);
}

TEST(BackgroundJob, CancelDoesNotBlockAndTheCancelledResultIsDelivered) {
  BackgroundJob job;
  std::optional<QString> delivered;
  std::atomic<bool> started = false;
  job.start(
      [&](JobControl& control) {
        started = true;
        return waitForCancel(control, 20s);
      },
      [&](QString value) { delivered = value; });
  while (!started) std::this_thread::sleep_for(1ms);
  QSignalSpy finished(&job, &BackgroundJob::finished);
  const auto before = std::chrono::steady_clock::now();
  job.cancel();
  EXPECT_LT(std::chrono::steady_clock::now() - before, 1s) << "cancel waited for the work";
  ASSERT_TRUE(finished.wait(10000));
  EXPECT_EQ(delivered, QStringLiteral("cancelled"));
}

TEST(BackgroundJob, AJobCancelledBeforeItRunsStillDeliversItsCancelledResult) {
  BackgroundJob job;
  std::optional<QString> delivered;
  job.start(
      [](JobControl& control) { return control.isCancelled() ? QStringLiteral("cancelled") : QStringLiteral("ran"); },
      [&](QString value) { delivered = value; });
  job.cancel();
  QSignalSpy finished(&job, &BackgroundJob::finished);
  ASSERT_TRUE(finished.wait(10000));
  EXPECT_TRUE(delivered == QStringLiteral("cancelled") || delivered == QStringLiteral("ran"));
  EXPECT_TRUE(delivered.has_value()) << "a cancelled job is delivered";
}

TEST(BackgroundJob, ProgressReachesTheGuiThreadAndTheLastWordIsKept) {
  BackgroundJob job;
  QSignalSpy progress(&job, &BackgroundJob::progressChanged);
  QSignalSpy finished(&job, &BackgroundJob::finished);
  job.start(
      [](JobControl& control) {
        for (int step = 1; step <= 4; ++step) {
          control.setProgress(step / 4.0, QStringLiteral("step %1").arg(step));
          std::this_thread::sleep_for(120ms);
        }
        return 0;
      },
      [](int) {});
  ASSERT_TRUE(finished.wait(10000));
  ASSERT_GE(progress.size(), 2) << "progress is polled while the work runs";
  EXPECT_DOUBLE_EQ(progress.last().at(0).toDouble(), 1.0);
  EXPECT_EQ(progress.last().at(1).toString(), QStringLiteral("step 4"));
}

TEST(BackgroundJob, DestroyingTheJobCancelsAndWaitsForItsWork) {
  std::atomic<bool> returned = false;
  {
    BackgroundJob job;
    job.start(
        [&](JobControl& control) {
          waitForCancel(control, 20s);
          returned = true;
          return 0;
        },
        [](int) { ADD_FAILURE() << "a destroyed job delivers nothing"; });
    std::this_thread::sleep_for(20ms);
  }
  EXPECT_TRUE(returned);
  QCoreApplication::processEvents();
}

} // namespace
} // namespace sv
