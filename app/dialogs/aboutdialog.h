#pragma once

#include "io/basemapdata.h"

#include <QDialog>

#include <vector>

namespace sv {

// The program's version and the attributions its data sources require.
class AboutDialog : public QDialog {
  Q_OBJECT

public:
  explicit AboutDialog(const std::vector<Attribution>& attributions, QWidget* parent = nullptr);

  // The text shown, as HTML (also used by the tests).
  static QString aboutHtml(const std::vector<Attribution>& attributions);
};

} // namespace sv
