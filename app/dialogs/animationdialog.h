#pragma once

#include "export/animation.h"
#include "session/backgroundjob.h"
#include "session/mapcontext.h"

#include "domain/timeselection.h"

#include <QDialog>

#include <atomic>
#include <memory>

class QCheckBox;
class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QSpinBox;

namespace sv {

// Export an animation from the window: the dates, the step, a window or
// everything so far, the page and the output (a folder of PNG frames, or an
// MP4 or GIF through ffmpeg). Frames render on a background job with the
// session's map context as it was when the export started (datasets, their
// colours, a projection of its own); a progress bar follows them and Cancel
// stops after the frame being drawn.
class Session;

class AnimationDialog : public QDialog {
  Q_OBJECT

public:
  explicit AnimationDialog(Session& session, QWidget* parent = nullptr);
  ~AnimationDialog() override;

  // The time slider's settings and the map's view, when the dialog opens.
  void setView(const TimeSelection& selection, const IncidentFilter& filter, const QRectF& extent);

  AnimationSettings settings() const;
  PageFormat format() const;
  int fps() const;
  std::size_t plannedFrames() const { return m_frames.size(); }
  bool running() const { return m_job.isRunning(); }
  const AnimationResult& lastResult() const { return m_result; }

  QDateEdit* fromEdit() const { return m_from; }
  QDateEdit* toEdit() const { return m_to; }
  QComboBox* stepChoice() const { return m_stepUnit; }
  QSpinBox* stepCount() const { return m_stepCount; }
  QComboBox* modeChoice() const { return m_mode; }
  QCheckBox* skipEmptyToggle() const { return m_skipEmpty; }
  QComboBox* presetChoice() const { return m_preset; }
  QLineEdit* outputEdit() const { return m_output; }
  QProgressBar* progressBar() const { return m_progress; }
  QLabel* planLabel() const { return m_plan; }
  QLabel* statusLabel() const { return m_status; }

  void start();
  void cancel();

signals:
  void exportFinished(bool ok);

protected:
  void reject() override;

private:
  QString m_tileNotice; // the base map tiles the running export lacks
  void replan();
  void showProgress(double fraction, const QString& label);
  void finish(AnimationResult result);
  void chooseVideo();
  void chooseFolder();
  void setRunning(bool running);

  Session& m_session;
  IncidentFilter m_filter;
  QRectF m_extent;
  std::vector<AnimationFrame> m_frames;
  AnimationResult m_result;

  QDateEdit* m_from = nullptr;
  QDateEdit* m_to = nullptr;
  QSpinBox* m_stepCount = nullptr;
  QComboBox* m_stepUnit = nullptr;
  QComboBox* m_mode = nullptr;
  QSpinBox* m_windowCount = nullptr;
  QComboBox* m_windowUnit = nullptr;
  QSpinBox* m_fps = nullptr;
  QCheckBox* m_skipEmpty = nullptr;
  QComboBox* m_preset = nullptr;
  QLineEdit* m_title = nullptr;
  QLineEdit* m_output = nullptr;
  QLabel* m_plan = nullptr;
  QProgressBar* m_progress = nullptr;
  QLabel* m_status = nullptr;
  QPushButton* m_start = nullptr;
  QPushButton* m_cancelButton = nullptr;
  QPushButton* m_close = nullptr;
  QWidget* m_settings = nullptr;
  BackgroundJob m_job;
};

} // namespace sv
