#include "dialogs/layersdialog.h"

#include "session/maplayerset.h"

#include <QCheckBox>
#include <QColorDialog>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QRadioButton>
#include <QSlider>
#include <QVBoxLayout>

namespace sv {
namespace {

// OpenStreetMap's standard tiles: their usage policy allows viewing, not bulk downloads.
const QString kOsmTiles = QStringLiteral("https://tile.openstreetmap.org/{z}/{x}/{y}.png");

void showColour(QPushButton* button, const QColor& colour) {
  QPixmap swatch(28, 14);
  swatch.fill(colour);
  button->setIcon(QIcon(swatch));
  button->setProperty("colour", colour);
}

} // namespace

LayersDialog::LayersDialog(MapLayerSet& layers, QWidget* parent) : QDialog(parent), m_layers(layers) {
  setWindowTitle(tr("Map Layers"));
  auto* layout = new QVBoxLayout(this);

  auto* base = new QGroupBox(tr("Base layer"), this);
  auto* baseLayout = new QFormLayout(base);
  m_vectorBase = new QRadioButton(tr("Vector base map (offline, bundled)"), base);
  m_mbtilesBase = new QRadioButton(tr("MBTiles file (offline)"), base);
  m_xyzBase = new QRadioButton(tr("Online tiles (XYZ URL, cached for offline use)"), base);
  m_mbtilesPath = new QLineEdit(base);
  m_mbtilesPath->setPlaceholderText(tr("An MBTiles file of raster tiles (PNG or JPEG)"));
  auto* browse = new QPushButton(tr("Browse…"), base);
  auto* mbtilesRow = new QHBoxLayout;
  mbtilesRow->addWidget(m_mbtilesPath);
  mbtilesRow->addWidget(browse);
  m_xyzUrl = new QLineEdit(kOsmTiles, base);
  m_opacity = new QSlider(Qt::Horizontal, base);
  m_opacity->setRange(0, 100);
  m_vectorsOver = new QCheckBox(tr("Draw boundaries, rivers and names over the tiles"), base);
  m_attribution = new QLabel(base);
  m_attribution->setWordWrap(true);
  baseLayout->addRow(m_vectorBase);
  baseLayout->addRow(m_mbtilesBase);
  baseLayout->addRow(mbtilesRow);
  baseLayout->addRow(m_xyzBase);
  baseLayout->addRow(m_xyzUrl);
  baseLayout->addRow(tr("Tile opacity:"), m_opacity);
  baseLayout->addRow(m_vectorsOver);
  baseLayout->addRow(m_attribution);
  layout->addWidget(base);

  auto* context = new QGroupBox(tr("Context layers (drawn under the incidents, the last on top)"), this);
  auto* contextLayout = new QVBoxLayout(context);
  m_list = new QListWidget(context);
  m_list->setObjectName(QStringLiteral("contextLayers"));
  contextLayout->addWidget(m_list);
  auto* buttons = new QHBoxLayout;
  auto* add = new QPushButton(tr("Add Context Layer…"), context);
  m_remove = new QPushButton(tr("Remove"), context);
  buttons->addWidget(add);
  buttons->addWidget(m_remove);
  buttons->addStretch();
  contextLayout->addLayout(buttons);
  m_styleBox = new QWidget(context);
  auto* style = new QFormLayout(m_styleBox);
  m_kind = new QComboBox(m_styleBox);
  m_kind->addItem(tr("Plain: fill, outline and points"), QStringLiteral("plain"));
  m_kind->addItem(tr("Roads: by road class (highway or fclass field)"), QStringLiteral("roads"));
  m_fill = new QPushButton(tr("Fill…"), m_styleBox);
  m_stroke = new QPushButton(tr("Stroke…"), m_styleBox);
  auto* colours = new QHBoxLayout;
  colours->addWidget(m_fill);
  colours->addWidget(m_stroke);
  m_width = new QDoubleSpinBox(m_styleBox);
  m_width->setRange(0.2, 12.0);
  m_width->setSingleStep(0.2);
  m_width->setSuffix(tr(" px"));
  m_label = new QComboBox(m_styleBox);
  m_layerOpacity = new QSlider(Qt::Horizontal, m_styleBox);
  m_layerOpacity->setRange(0, 100);
  m_time = new QComboBox(m_styleBox);
  m_timeEnd = new QComboBox(m_styleBox);
  style->addRow(tr("Style:"), m_kind);
  style->addRow(tr("Colours:"), colours);
  style->addRow(tr("Line width:"), m_width);
  style->addRow(tr("Labels from:"), m_label);
  style->addRow(tr("Opacity:"), m_layerOpacity);
  style->addRow(tr("Shown from the date in:"), m_time);
  style->addRow(tr("Until the date in:"), m_timeEnd);
  contextLayout->addWidget(m_styleBox);
  layout->addWidget(context);
  auto* close = new QDialogButtonBox(QDialogButtonBox::Close, this);
  layout->addWidget(close);
  connect(close, &QDialogButtonBox::rejected, this, &QDialog::reject);

  for (QRadioButton* radio : {m_vectorBase, m_mbtilesBase, m_xyzBase})
    connect(radio, &QRadioButton::toggled, this, [this](bool on) {
      if (on && !m_updating) chooseBase();
    });
  connect(m_mbtilesPath, &QLineEdit::editingFinished, this, [this] {
    if (m_mbtilesBase->isChecked() && !m_updating) chooseBase();
  });
  connect(m_xyzUrl, &QLineEdit::editingFinished, this, [this] {
    if (m_xyzBase->isChecked() && !m_updating) chooseBase();
  });
  connect(browse, &QPushButton::clicked, this, &LayersDialog::browseMbtiles);
  connect(m_opacity, &QSlider::valueChanged, this, [this](int value) {
    if (!m_updating) m_layers.setBaseOpacity(value / 100.0);
  });
  connect(m_vectorsOver, &QCheckBox::toggled, this, [this](bool on) {
    if (!m_updating) m_layers.setBaseVectors(on);
  });
  connect(add, &QPushButton::clicked, this, &LayersDialog::addContextLayerWithDialog);
  connect(m_remove, &QPushButton::clicked, this, [this] {
    if (currentLayer() >= 0) m_layers.removeContextLayer(static_cast<std::size_t>(currentLayer()));
  });
  connect(m_list, &QListWidget::currentRowChanged, this, &LayersDialog::showStyle);
  connect(m_list, &QListWidget::itemChanged, this, [this](QListWidgetItem* item) {
    if (!m_updating)
      m_layers.setContextVisible(static_cast<std::size_t>(m_list->row(item)), item->checkState() == Qt::Checked);
  });
  for (QComboBox* box : {m_kind, m_label, m_time, m_timeEnd})
    connect(box, &QComboBox::currentIndexChanged, this, &LayersDialog::editStyle);
  connect(m_width, &QDoubleSpinBox::valueChanged, this, &LayersDialog::editStyle);
  connect(m_layerOpacity, &QSlider::valueChanged, this, &LayersDialog::editStyle);
  for (QPushButton* button : {m_fill, m_stroke})
    connect(button, &QPushButton::clicked, this, [this, button] {
      const QColor chosen = QColorDialog::getColor(button->property("colour").value<QColor>(), this,
                                                   button == m_fill ? tr("Fill colour") : tr("Stroke colour"),
                                                   QColorDialog::ShowAlphaChannel);
      if (!chosen.isValid()) return;
      showColour(button, chosen);
      editStyle();
    });
  connect(&m_layers, &MapLayerSet::layersChanged, this, &LayersDialog::showLayers);
  connect(&m_layers, &MapLayerSet::contextLayerAdded, this, [this](std::size_t index, const QStringList& problems) {
    m_list->setCurrentRow(static_cast<int>(index));
    if (!problems.isEmpty())
      QMessageBox::information(
          this, tr("Context layer"),
          tr("%n feature(s) without a usable geometry were left out:\n%1", nullptr, static_cast<int>(problems.size()))
              .arg(problems.mid(0, 12).join(QLatin1Char('\n'))));
  });
  connect(&m_layers, &MapLayerSet::contextLayerFailed, this,
          [this](const QString& message) { QMessageBox::warning(this, tr("Context layer"), message); });
  showLayers();
}

void LayersDialog::showLayers() {
  m_updating = true;
  const MapLayers& layers = m_layers.layers();
  const QString spec = m_layers.baseMap();
  m_vectorBase->setChecked(spec.isEmpty());
  m_mbtilesBase->setChecked(spec.startsWith(QLatin1String("mbtiles:")));
  m_xyzBase->setChecked(spec.startsWith(QLatin1String("xyz:")));
  if (m_mbtilesBase->isChecked()) m_mbtilesPath->setText(spec.mid(8));
  if (m_xyzBase->isChecked()) m_xyzUrl->setText(spec.mid(4));
  m_opacity->setValue(static_cast<int>(std::lround(layers.tileOpacity * 100)));
  m_vectorsOver->setChecked(layers.vectorsOverTiles);
  m_opacity->setEnabled(layers.tiles != nullptr);
  m_vectorsOver->setEnabled(layers.tiles != nullptr);
  m_attribution->setText(layers.tiles ? tr("Shown on the map and in every export: %1").arg(layers.tiles->attribution())
                                      : QString());
  const int row = m_list->currentRow();
  m_list->clear();
  for (std::size_t k = 0; k < m_layers.contextCount(); ++k) {
    const ContextLayer& layer = m_layers.contextLayer(k);
    auto* item = new QListWidgetItem(
        tr("%1 (%n feature(s))", nullptr, static_cast<int>(layer.data().features().size())).arg(layer.data().name()),
        m_list);
    item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
    item->setCheckState(layer.isVisible() ? Qt::Checked : Qt::Unchecked);
    item->setToolTip(layer.data().path());
  }
  m_list->setCurrentRow(std::min(std::max(row, 0), m_list->count() - 1));
  m_updating = false;
  showStyle();
}

void LayersDialog::chooseBase() {
  QString spec;
  if (m_mbtilesBase->isChecked()) {
    if (m_mbtilesPath->text().trimmed().isEmpty()) return browseMbtiles();
    spec = QStringLiteral("mbtiles:") + m_mbtilesPath->text().trimmed();
  } else if (m_xyzBase->isChecked()) {
    spec = QStringLiteral("xyz:") + m_xyzUrl->text().trimmed();
  }
  QString error;
  if (!m_layers.setBaseMap(spec, &error)) {
    QMessageBox::warning(this, tr("Base layer"), error);
    showLayers();
  }
}

void LayersDialog::browseMbtiles() {
  const QString path = QFileDialog::getOpenFileName(this, tr("Open MBTiles File"), m_mbtilesPath->text(),
                                                    tr("MBTiles (*.mbtiles);;All files (*)"));
  if (path.isEmpty()) {
    showLayers();
    return;
  }
  m_mbtilesPath->setText(path);
  m_updating = true;
  m_mbtilesBase->setChecked(true);
  m_updating = false;
  chooseBase();
}

void LayersDialog::addContextLayerWithDialog() {
  const QString path = QFileDialog::getOpenFileName(
      this, tr("Add Context Layer"), QString(),
      tr("Vector files (*.gpkg *.shp *.geojson *.json *.kml *.kmz *.fgb *.gml *.sqlite *.zip);;All files (*)"));
  if (!path.isEmpty()) m_layers.addContextLayer(path);
}

int LayersDialog::currentLayer() const {
  const int row = m_list->currentRow();
  return row >= 0 && static_cast<std::size_t>(row) < m_layers.contextCount() ? row : -1;
}

void LayersDialog::showStyle() {
  const int k = currentLayer();
  m_styleBox->setEnabled(k >= 0);
  m_remove->setEnabled(k >= 0);
  if (k < 0) return;
  m_updating = true;
  const ContextLayer& layer = m_layers.contextLayer(static_cast<std::size_t>(k));
  const ContextStyle& style = layer.style();
  m_kind->setCurrentIndex(m_kind->findData(contextStyleKindName(style.kind)));
  showColour(m_fill, style.fill);
  showColour(m_stroke, style.stroke);
  m_width->setValue(style.strokeWidth);
  m_layerOpacity->setValue(static_cast<int>(std::lround(style.opacity * 100)));
  for (QComboBox* box : {m_label, m_time, m_timeEnd}) {
    box->clear();
    box->addItem(tr("(none)"), QString());
    for (const QString& field : layer.data().fields()) box->addItem(field, field);
  }
  m_label->setCurrentIndex(std::max(0, m_label->findData(style.labelField)));
  m_time->setCurrentIndex(std::max(0, m_time->findData(style.timeField)));
  m_timeEnd->setCurrentIndex(std::max(0, m_timeEnd->findData(style.timeEndField)));
  m_updating = false;
}

void LayersDialog::editStyle() {
  const int k = currentLayer();
  if (m_updating || k < 0) return;
  ContextStyle style;
  style.kind = parseContextStyleKind(m_kind->currentData().toString()).value_or(ContextStyle::Kind::Plain);
  style.fill = m_fill->property("colour").value<QColor>();
  style.stroke = m_stroke->property("colour").value<QColor>();
  style.strokeWidth = m_width->value();
  style.labelField = m_label->currentData().toString();
  style.opacity = m_layerOpacity->value() / 100.0;
  style.timeField = m_time->currentData().toString();
  style.timeEndField = m_timeEnd->currentData().toString();
  m_layers.setContextStyle(static_cast<std::size_t>(k), style);
}

} // namespace sv
