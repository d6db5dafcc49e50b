#pragma once

#include <QPointF>
#include <QRectF>
#include <QSizeF>

#include <optional>
#include <vector>

namespace sv {

// Greedy label placement without overlaps. Callers offer labels in priority
// order; each is tried at eight positions around its anchor (right first, as
// cartographers prefer) and kept at the first free one. A uniform grid keeps
// the collision test cheap for thousands of candidates.
class LabelPlacer {
public:
  explicit LabelPlacer(const QRectF& bounds, double cellSize = 48.0);

  bool isFree(const QRectF& rect) const;
  void occupy(const QRectF& rect);

  // Places a text box of `textSize` around a symbol of radius `symbolRadius`
  // at `anchor`. The symbol's own box must be free too; both are occupied on success.
  std::optional<QRectF> placeAround(const QPointF& anchor, double symbolRadius, const QSizeF& textSize);
  // Places a box centred on `anchor`, nudged up or down when that is taken.
  std::optional<QRectF> placeCentred(const QPointF& anchor, const QSizeF& textSize, int nudges = 3);

  // Every rectangle placed or occupied so far.
  const std::vector<QRectF>& occupied() const { return m_rects; }

private:
  template <typename Visit> void forCells(const QRectF& rect, Visit visit) const;

  QRectF m_bounds;
  double m_cellSize;
  int m_columns;
  int m_rows;
  std::vector<std::vector<int>> m_cells;
  std::vector<QRectF> m_rects;
};

} // namespace sv
