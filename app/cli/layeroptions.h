#pragma once

#include "render/composition.h"
#include "session/mapcontext.h"

#include <QCommandLineParser>
#include <QTextStream>

namespace sv {

// The layer options `export`, `brief` and `animate` share:
//   --basemap mbtiles:FILE | xyz:URL, --basemap-opacity N, --no-base-vectors,
//   --layer FILE (repeatable).
class LayerOptions {
public:
  LayerOptions();
  void addTo(QCommandLineParser& parser) const;
  static QString helpText();
  // Opens the base map and the context layers into `context.layers`, printing
  // the features each layer left out on `err`. False with `error` naming the
  // file or the option.
  bool load(const QCommandLineParser& parser, MapContext& context, QTextStream& err, QString* error) const;

private:
  QCommandLineOption m_basemap, m_opacity, m_noVectors, m_layer;
};

// Before an export draws: fetches the online tiles its map needs (at the
// page's resolution) and says on `err` which tiles are missing and why, so
// that no export lacks tiles silently. False when the export would need more
// tiles than a public server's usage policy allows at once (`error` says so).
bool prepareTiles(const CompositionContent& content, const PageFormat& format, QTextStream& err, QString* error);

} // namespace sv
