#include "dialogs/compositiondialog.h"

#include "session/tilefetcher.h"

#include "session/session.h"

#include "export/briefing.h"
#include "export/compositioncontent.h"
#include "export/compositionwriter.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPainter>
#include <QPushButton>
#include <QSpinBox>
#include <QTimer>
#include <QVBoxLayout>

#include <cmath>

namespace sv {

CompositionPreview::CompositionPreview(QWidget* parent) : QWidget(parent) {
  setMinimumSize(320, 240);
  setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
}

void CompositionPreview::setImage(const QImage& image) {
  m_image = image;
  update();
}

void CompositionPreview::paintEvent(QPaintEvent*) {
  QPainter painter(this);
  painter.fillRect(rect(), palette().color(QPalette::Dark));
  if (m_image.isNull()) return;
  // The image is drawn for this widget's size; centre it, with a shadow.
  const QSizeF size = QSizeF(m_image.size()) / m_image.devicePixelRatio();
  const QRectF target(QPointF((width() - size.width()) / 2.0, (height() - size.height()) / 2.0), size);
  painter.fillRect(target.translated(3, 3), QColor(0, 0, 0, 70));
  painter.drawImage(target, m_image);
}

void CompositionPreview::resizeEvent(QResizeEvent*) { emit resized(); }

CompositionDialog::CompositionDialog(Session& session, QWidget* parent)
    : QDialog(parent), m_session(session), m_context(session.mapContext()) {
  setWindowTitle(tr("Export Map"));
  m_preview = new CompositionPreview(this);

  m_preset = new QComboBox(this);
  for (const PagePreset& preset : pagePresets()) m_preset->addItem(preset.description, preset.name);
  m_preset->addItem(tr("Custom size"), QString());
  m_width = new QSpinBox(this);
  m_height = new QSpinBox(this);
  for (QSpinBox* spin : {m_width, m_height}) {
    spin->setRange(16, 16384);
    spin->setSuffix(tr(" px"));
  }
  m_dpi = new QSpinBox(this);
  m_dpi->setRange(24, 1200);
  m_dpi->setSuffix(tr(" dpi"));
  auto* size = new QHBoxLayout;
  size->addWidget(m_width);
  size->addWidget(new QLabel(QStringLiteral("×"), this));
  size->addWidget(m_height);
  m_title = new QLineEdit(this);
  m_title->setClearButtonEnabled(true);

  auto* form = new QFormLayout;
  form->addRow(tr("&Page:"), m_preset);
  form->addRow(tr("Size:"), size);
  form->addRow(tr("&Resolution:"), m_dpi);
  form->addRow(tr("&Title:"), m_title);
  auto* note = new QLabel(tr("The page shows the map's current view, the time slider's range and the active filters. "
                             "Text and symbols keep their physical size at any resolution."),
                          this);
  note->setWordWrap(true);
  form->addRow(note);

  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
  QPushButton* save = buttons->addButton(tr("&Save…"), QDialogButtonBox::AcceptRole);
  save->setToolTip(tr("Save the page as PNG, SVG or PDF"));
  QPushButton* brief = buttons->addButton(tr("&Briefing Sheet…"), QDialogButtonBox::ActionRole);
  brief->setToolTip(
      tr("A PDF: this page, then every incident it shows with dates, places, types, fatalities and sources"));
  QPushButton* copy = buttons->addButton(tr("&Copy"), QDialogButtonBox::ActionRole);
  copy->setToolTip(tr("Copy the page to the clipboard as an image of its full size"));
  save->setDefault(true);
  connect(save, &QPushButton::clicked, this, &CompositionDialog::saveWithDialog);
  connect(brief, &QPushButton::clicked, this, &CompositionDialog::saveBriefingWithDialog);
  connect(copy, &QPushButton::clicked, this, &CompositionDialog::copyToClipboard);
  connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

  auto* side = new QVBoxLayout;
  side->addLayout(form);
  side->addStretch(1);
  auto* top = new QHBoxLayout;
  top->addWidget(m_preview, 1);
  top->addLayout(side);
  auto* layout = new QVBoxLayout(this);
  layout->addLayout(top, 1);
  layout->addWidget(buttons);

  m_previewTimer = new QTimer(this);
  m_previewTimer->setSingleShot(true);
  m_previewTimer->setInterval(150);
  connect(m_previewTimer, &QTimer::timeout, this, &CompositionDialog::updatePreview);
  connect(m_preview, &CompositionPreview::resized, this, &CompositionDialog::schedulePreview);
  connect(m_preset, &QComboBox::currentIndexChanged, this, &CompositionDialog::presetChosen);
  for (QSpinBox* spin : {m_width, m_height, m_dpi})
    connect(spin, &QSpinBox::valueChanged, this, &CompositionDialog::sizeEdited);
  connect(m_title, &QLineEdit::textChanged, this, &CompositionDialog::schedulePreview);
  // New datasets: the filter's names (actors, regions) were the old store's,
  // so only the datasets shown carry over until the window sets the view again.
  // stylesChanged follows every datasetsChanged: the page is made again once.
  connect(&m_session, &Session::datasetsChanged, this, [this] { m_filter = IncidentFilter(); });
  connect(&m_session, &Session::stylesChanged, this, &CompositionDialog::followSession);
  presetChosen();
  resize(1100, 640);
}

void CompositionDialog::setView(DayRange range, const IncidentFilter& filter, const QRectF& extent) {
  m_range = range;
  m_filter = filter;
  m_extent = extent;
  m_title->setPlaceholderText(compositionFor(m_context, range, filter, extent).title);
  schedulePreview();
}

void CompositionDialog::followSession() {
  m_context = m_session.mapContext();
  m_filter.datasets = m_session.visibleDatasets();
  if (!m_extent.isEmpty()) m_title->setPlaceholderText(compositionFor(m_context, m_range, m_filter, m_extent).title);
  schedulePreview();
}

void CompositionDialog::presetChosen() {
  const auto preset = findPagePreset(m_preset->currentData().toString());
  if (!preset) return; // custom: the spin boxes keep their values
  for (QSpinBox* spin : {m_width, m_height, m_dpi}) spin->blockSignals(true);
  m_width->setValue(preset->format.pixels.width());
  m_height->setValue(preset->format.pixels.height());
  m_dpi->setValue(static_cast<int>(std::lround(preset->format.dpi)));
  for (QSpinBox* spin : {m_width, m_height, m_dpi}) spin->blockSignals(false);
  schedulePreview();
}

void CompositionDialog::sizeEdited() {
  // An edited size is a custom one, unless it is a preset's.
  int match = m_preset->count() - 1;
  for (int i = 0; i < m_preset->count(); ++i) {
    const auto preset = findPagePreset(m_preset->itemData(i).toString());
    if (preset && preset->format.pixels == QSize(m_width->value(), m_height->value()) &&
        std::lround(preset->format.dpi) == m_dpi->value()) {
      match = i;
      break;
    }
  }
  m_preset->blockSignals(true);
  m_preset->setCurrentIndex(match);
  m_preset->blockSignals(false);
  schedulePreview();
}

PageFormat CompositionDialog::format() const {
  PageFormat format;
  format.pixels = QSize(m_width->value(), m_height->value());
  format.dpi = m_dpi->value();
  return format;
}

CompositionContent CompositionDialog::content() const {
  return compositionFor(m_context, m_range, m_filter, m_extent, m_title->text().trimmed());
}

PageFormat CompositionDialog::previewFormat() const {
  const PageFormat page = format();
  const QSizeF room = QSizeF(m_preview->size()) * m_preview->devicePixelRatioF() - QSizeF(16, 16);
  const double fit = std::min(room.width() / page.pixels.width(), room.height() / page.pixels.height());
  PageFormat preview;
  preview.pixels = QSize(std::max(1, static_cast<int>(std::floor(page.pixels.width() * fit))),
                         std::max(1, static_cast<int>(std::floor(page.pixels.height() * fit))));
  // The same logical page in fewer pixels: the layout does not change.
  preview.dpi = page.dpi * preview.pixels.width() / page.pixels.width();
  return preview;
}

// Only a dialog on screen draws its preview: Copy Map uses the dialog's
// settings without showing it.
void CompositionDialog::schedulePreview() {
  if (isVisible()) m_previewTimer->start();
}

void CompositionDialog::showEvent(QShowEvent* event) {
  QDialog::showEvent(event);
  m_previewTimer->start();
}

void CompositionDialog::updatePreview() {
  m_previewTimer->stop();
  if (m_extent.isEmpty()) return;
  // The worker composes with a map context of its own: the projection is not shared between threads.
  m_previewJob.start(
      [context = std::make_shared<MapContext>(m_session.mapContext()), format = previewFormat(), range = m_range,
       filter = m_filter, extent = m_extent, title = m_title->text().trimmed()](JobControl&) {
        return renderCompositionImage(format, compositionFor(*context, range, filter, extent, title));
      },
      [this](QImage image) { showPreview(std::move(image)); });
}

void CompositionDialog::showPreview(QImage image) {
  m_previewImage = std::move(image);
  QImage shown = m_previewImage;
  shown.setDevicePixelRatio(m_preview->devicePixelRatioF());
  m_preview->setImage(shown);
  emit previewUpdated();
}

bool CompositionDialog::saveTo(const QString& path, QString* error, QString* notice) const {
  const auto kind = outputKindOf(path);
  if (!kind) {
    *error = tr("Cannot write %1: give a .png, .svg or .pdf file").arg(path);
    return false;
  }
  const QString problem = outputPathProblem(path, {OutputKind::Png, OutputKind::Svg, OutputKind::Pdf});
  if (!problem.isEmpty()) {
    *error = problem;
    return false;
  }
  if (!prepareTiles(error, notice)) return false;
  return writeComposition(path, *kind, format(), content(), error);
}

bool CompositionDialog::prepareTiles(QString* error, QString* notice) const {
  const CompositionContent page = content();
  const TileFetcher::Preparation prepared =
      TileFetcher::prepare(page.layers.tiles, compositionMapSettings(format(), page));
  if (!prepared.ok) {
    *error = prepared.error;
    return false;
  }
  // Written all the same, and said: an export never lacks tiles silently.
  if (notice) *notice = prepared.describeMissing();
  return true;
}

bool CompositionDialog::saveBriefing(const QString& path, QString* error, QString* notice) const {
  const QString problem = outputPathProblem(path, {OutputKind::Pdf});
  if (!problem.isEmpty()) {
    *error = problem;
    return false;
  }
  if (!prepareTiles(error, notice)) return false;
  return writeBriefing(path, format(), content(), nullptr, error);
}

void CompositionDialog::copyToClipboard() const {
  QApplication::setOverrideCursor(Qt::WaitCursor);
  QImage image = renderCompositionImage(format(), content());
  const int dotsPerMetre = static_cast<int>(std::lround(format().dpi / 0.0254));
  image.setDotsPerMeterX(dotsPerMetre);
  image.setDotsPerMeterY(dotsPerMetre);
  QApplication::clipboard()->setImage(image);
  QApplication::restoreOverrideCursor();
}

namespace {

QString suggestedName(DayRange range, const QString& suffix) {
  return QStringLiteral("mali-incidents-%1.%2").arg(QString::fromStdString(formatIsoDate(range.to)), suffix);
}

// The path with the suffix of the chosen filter when it has none.
QString withSuffix(QString path, const QString& filter) {
  if (!QFileInfo(path).suffix().isEmpty()) return path;
  if (filter.contains(QStringLiteral("*.svg"))) return path + QStringLiteral(".svg");
  if (filter.contains(QStringLiteral("*.pdf"))) return path + QStringLiteral(".pdf");
  return path + QStringLiteral(".png");
}

} // namespace

void CompositionDialog::saveWithDialog() {
  const QStringList filters{tr("PNG image (*.png)"), tr("SVG drawing (*.svg)"), tr("PDF document (*.pdf)")};
  QString filter = filters.front();
  QString path = QFileDialog::getSaveFileName(this, tr("Save Map"), suggestedName(m_range, QStringLiteral("png")),
                                              filters.join(QStringLiteral(";;")), &filter);
  if (path.isEmpty()) return;
  path = withSuffix(path, filter);
  QApplication::setOverrideCursor(Qt::WaitCursor);
  QString error, notice;
  const bool saved = saveTo(path, &error, &notice);
  QApplication::restoreOverrideCursor();
  if (!saved) QMessageBox::warning(this, tr("Save Map"), error);
  if (saved && !notice.isEmpty()) QMessageBox::information(this, tr("Save Map"), notice);
}

void CompositionDialog::saveBriefingWithDialog() {
  QString path = QFileDialog::getSaveFileName(
      this, tr("Save Briefing Sheet"),
      QStringLiteral("briefing-%1.pdf").arg(QString::fromStdString(formatIsoDate(m_range.to))),
      tr("PDF document (*.pdf)"));
  if (path.isEmpty()) return;
  path = withSuffix(path, QStringLiteral("*.pdf"));
  QApplication::setOverrideCursor(Qt::WaitCursor);
  QString error, notice;
  const bool saved = saveBriefing(path, &error, &notice);
  QApplication::restoreOverrideCursor();
  if (!saved) QMessageBox::warning(this, tr("Save Briefing Sheet"), error);
  if (saved && !notice.isEmpty()) QMessageBox::information(this, tr("Save Briefing Sheet"), notice);
}

} // namespace sv
