#pragma once

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QRadioButton;
class QSlider;

namespace sv {

class MapLayerSet;

// The layers under the incidents, changed as the user edits (no Apply): the
// base layer (the vector base map, an MBTiles file, or online XYZ tiles
// with their opacity and the vector map's lines and names over them) and
// the context layers, each with its style (fill, stroke, label field,
// opacity, time field), shown or hidden, added and removed.
class LayersDialog : public QDialog {
  Q_OBJECT

public:
  LayersDialog(MapLayerSet& layers, QWidget* parent = nullptr);

  // Asks for a vector file and adds it as a context layer.
  void addContextLayerWithDialog();

private:
  void showLayers();
  void chooseBase();
  void browseMbtiles();
  void showStyle();
  void editStyle();
  int currentLayer() const;

  MapLayerSet& m_layers;
  QRadioButton* m_vectorBase;
  QRadioButton* m_mbtilesBase;
  QRadioButton* m_xyzBase;
  QLineEdit* m_mbtilesPath;
  QLineEdit* m_xyzUrl;
  QSlider* m_opacity;
  QCheckBox* m_vectorsOver;
  QLabel* m_attribution;
  QListWidget* m_list;
  QPushButton* m_remove;
  QComboBox* m_kind;
  QPushButton* m_fill;
  QPushButton* m_stroke;
  QDoubleSpinBox* m_width;
  QComboBox* m_label;
  QSlider* m_layerOpacity;
  QComboBox* m_time;
  QComboBox* m_timeEnd;
  QWidget* m_styleBox;
  bool m_updating = false;
};

} // namespace sv
