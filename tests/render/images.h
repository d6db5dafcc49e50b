#pragma once

#include <QImage>
#include <QRgb>

namespace sv::test {

// How many pixels of `image` are exactly `colour` (alpha ignored).
inline int pixelsOf(const QImage& image, QRgb colour) {
  const QImage argb = image.convertToFormat(QImage::Format_ARGB32);
  int count = 0;
  for (int y = 0; y < argb.height(); ++y) {
    const auto* row = reinterpret_cast<const QRgb*>(argb.constScanLine(y));
    for (int x = 0; x < argb.width(); ++x) count += (row[x] & 0xffffffu) == (colour & 0xffffffu) ? 1 : 0;
  }
  return count;
}

} // namespace sv::test
