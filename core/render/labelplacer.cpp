#include "render/labelplacer.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace sv {

LabelPlacer::LabelPlacer(const QRectF& bounds, double cellSize)
    : m_bounds(bounds),
      m_cellSize(cellSize),
      m_columns(std::max(1, static_cast<int>(std::ceil(bounds.width() / cellSize)))),
      m_rows(std::max(1, static_cast<int>(std::ceil(bounds.height() / cellSize)))),
      m_cells(static_cast<std::size_t>(m_columns * m_rows)) {}

template <typename Visit> void LabelPlacer::forCells(const QRectF& rect, Visit visit) const {
  const auto column = [&](double x) {
    return std::clamp(static_cast<int>(std::floor((x - m_bounds.left()) / m_cellSize)), 0, m_columns - 1);
  };
  const auto row = [&](double y) {
    return std::clamp(static_cast<int>(std::floor((y - m_bounds.top()) / m_cellSize)), 0, m_rows - 1);
  };
  for (int r = row(rect.top()); r <= row(rect.bottom()); ++r) {
    for (int c = column(rect.left()); c <= column(rect.right()); ++c) {
      if (!visit(static_cast<std::size_t>(r * m_columns + c))) return;
    }
  }
}

bool LabelPlacer::isFree(const QRectF& rect) const {
  bool free = true;
  forCells(rect, [&](std::size_t cell) {
    for (const int index : m_cells[cell]) {
      if (m_rects[static_cast<std::size_t>(index)].intersects(rect)) {
        free = false;
        return false;
      }
    }
    return true;
  });
  return free;
}

void LabelPlacer::occupy(const QRectF& rect) {
  const int index = static_cast<int>(m_rects.size());
  m_rects.push_back(rect);
  forCells(rect, [&](std::size_t cell) {
    m_cells[cell].push_back(index);
    return true;
  });
}

std::optional<QRectF> LabelPlacer::placeAround(const QPointF& anchor, double symbolRadius, const QSizeF& textSize) {
  const QRectF symbol(anchor.x() - symbolRadius, anchor.y() - symbolRadius, 2 * symbolRadius, 2 * symbolRadius);
  if (!isFree(symbol)) return std::nullopt;
  const double gap = symbolRadius + 2.0;
  const double w = textSize.width();
  const double h = textSize.height();
  const double diagonal = gap * 0.7;
  const std::array<QPointF, 8> topLefts = {
      QPointF(anchor.x() + gap, anchor.y() - h / 2),                 // right
      QPointF(anchor.x() + diagonal, anchor.y() - diagonal - h),     // upper right
      QPointF(anchor.x() + diagonal, anchor.y() + diagonal),         // lower right
      QPointF(anchor.x() - gap - w, anchor.y() - h / 2),             // left
      QPointF(anchor.x() - diagonal - w, anchor.y() - diagonal - h), // upper left
      QPointF(anchor.x() - diagonal - w, anchor.y() + diagonal),     // lower left
      QPointF(anchor.x() - w / 2, anchor.y() - gap - h),             // above
      QPointF(anchor.x() - w / 2, anchor.y() + gap),                 // below
  };
  for (const QPointF& topLeft : topLefts) {
    const QRectF label(topLeft, textSize);
    if (!m_bounds.contains(label) || label.intersects(symbol) || !isFree(label)) continue;
    occupy(symbol);
    occupy(label);
    return label;
  }
  return std::nullopt;
}

std::optional<QRectF> LabelPlacer::placeCentred(const QPointF& anchor, const QSizeF& textSize, int nudges) {
  for (int step = 0; step <= 2 * nudges; ++step) {
    // 0, +1, -1, +2, -2 ... label heights.
    const int k = (step + 1) / 2 * (step % 2 == 1 ? 1 : -1);
    const QRectF label(anchor.x() - textSize.width() / 2, anchor.y() - textSize.height() / 2 + k * textSize.height(),
                       textSize.width(), textSize.height());
    if (m_bounds.contains(label) && isFree(label)) {
      occupy(label);
      return label;
    }
  }
  return std::nullopt;
}

} // namespace sv
