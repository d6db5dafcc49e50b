#pragma once

#include "render/incidentlayer.h"

#include <QColor>

namespace sv {

// How one open dataset is shown.
struct DatasetStyle {
  bool visible = true;
  QColor colour =
      QColor(); // invalid: by event type; else every incident in this colour (the shape still gives the type)
  DatasetDrawing drawing = DatasetDrawing::Automatic; // symbols, density, or density when symbols would not fit
  friend bool operator==(const DatasetStyle&, const DatasetStyle&) = default;
};

} // namespace sv
