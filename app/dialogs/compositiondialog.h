#pragma once

#include "session/backgroundjob.h"
#include "session/mapcontext.h"

#include "domain/timeselection.h"
#include "render/composition.h"

#include <QDialog>
#include <QImage>

class QComboBox;
class QLineEdit;
class QSpinBox;
class QTimer;

namespace sv {

// The page being exported, drawn small: the same composition code at the
// page's logical size, with fewer device pixels.
class CompositionPreview : public QWidget {
  Q_OBJECT

public:
  explicit CompositionPreview(QWidget* parent = nullptr);
  void setImage(const QImage& image);
  QSize sizeHint() const override { return {720, 480}; }

signals:
  void resized();

protected:
  void paintEvent(QPaintEvent* event) override;
  void resizeEvent(QResizeEvent* event) override;

private:
  QImage m_image;
};

// Export from the window: a preview of the composition of what the map
// shows (its view, the time slider's range and the filters), the page preset
// or a custom size and dpi, and the title. Saves PNG, SVG or PDF, a briefing
// sheet, or copies the page to the clipboard.
class Session;

class CompositionDialog : public QDialog {
  Q_OBJECT

public:
  // Follows the session's datasets and styles.
  explicit CompositionDialog(Session& session, QWidget* parent = nullptr);

  // What to compose: set each time the dialog opens, from the window.
  void setView(DayRange range, const IncidentFilter& filter, const QRectF& extent);

  PageFormat format() const;
  CompositionContent content() const;
  // The preview's format: the page's logical size, scaled to fit.
  PageFormat previewFormat() const;
  const QImage& previewImage() const { return m_previewImage; }
  bool isPreviewPending() const { return m_previewJob.isRunning() || m_previewTimer->isActive(); }

  // `notice`: the base map tiles that could not be had, when any (the file is written all the same).
  bool saveTo(const QString& path, QString* error, QString* notice = nullptr) const; // PNG, SVG or PDF by suffix
  bool saveBriefing(const QString& path, QString* error,
                    QString* notice = nullptr) const; // PDF: map, then the incidents shown
  void copyToClipboard() const;                       // the page at its full size

  QComboBox* presetChoice() const { return m_preset; }
  QLineEdit* titleEdit() const { return m_title; }
  QSpinBox* widthEdit() const { return m_width; }
  QSpinBox* heightEdit() const { return m_height; }
  QSpinBox* dpiEdit() const { return m_dpi; }
  // Starts drawing the preview now rather than after the edits settle. It is
  // drawn off the GUI thread, with a projection of its own, and shown when done.
  void updatePreview();

signals:
  void previewUpdated();

protected:
  void showEvent(QShowEvent* event) override;

private:
  // Fetches the online tiles the page needs; false when it would need too many.
  bool prepareTiles(QString* error, QString* notice) const;
  void presetChosen();
  void sizeEdited();
  void schedulePreview();
  void saveWithDialog();
  void saveBriefingWithDialog();

  void showPreview(QImage image);
  void followSession();

  Session& m_session;
  MapContext m_context; // the session's, for pages drawn on the GUI thread
  DayRange m_range;
  IncidentFilter m_filter;
  QRectF m_extent;
  QImage m_previewImage;
  CompositionPreview* m_preview = nullptr;
  QComboBox* m_preset = nullptr;
  QSpinBox* m_width = nullptr;
  QSpinBox* m_height = nullptr;
  QSpinBox* m_dpi = nullptr;
  QLineEdit* m_title = nullptr;
  QTimer* m_previewTimer = nullptr;
  BackgroundJob m_previewJob;
};

} // namespace sv
