#include "render/referenceimage.h"

#include <QDir>
#include <QString>

#include <algorithm>
#include <cstdlib>

namespace sv::test {
namespace {

QString outputFolder() {
  const QByteArray chosen = qgetenv("SV_REFERENCE_OUTPUT");
  QString folder =
      chosen.isEmpty() ? QDir::temp().filePath(QStringLiteral("sv-reference-images")) : QString::fromLocal8Bit(chosen);
  QDir().mkpath(folder);
  return folder;
}

int channelDelta(QRgb a, QRgb b) {
  return std::max({std::abs(qRed(a) - qRed(b)), std::abs(qGreen(a) - qGreen(b)), std::abs(qBlue(a) - qBlue(b)),
                   std::abs(qAlpha(a) - qAlpha(b))});
}

} // namespace

::testing::AssertionResult matchesReference(const QImage& image, const char* name, int channelTolerance,
                                            double pixelFraction) {
  const QString path = QStringLiteral(SV_TEST_REFERENCES "/%1.png").arg(QLatin1String(name));
  const QImage actual = image.convertToFormat(QImage::Format_ARGB32);
  if (qEnvironmentVariable("SV_UPDATE_REFERENCES") == QLatin1String("1")) {
    if (!actual.save(path)) return ::testing::AssertionFailure() << "cannot write the reference " << path.toStdString();
    return ::testing::AssertionSuccess() << "wrote the reference " << path.toStdString();
  }
  const QImage reference = QImage(path).convertToFormat(QImage::Format_ARGB32);
  if (reference.isNull())
    return ::testing::AssertionFailure() << "no reference image " << path.toStdString()
                                         << " (run with SV_UPDATE_REFERENCES=1 to make it, and review it)";
  const QString actualPath = QDir(outputFolder()).filePath(QStringLiteral("%1-actual.png").arg(QLatin1String(name)));
  if (reference.size() != actual.size()) {
    actual.save(actualPath);
    return ::testing::AssertionFailure() << name << ": the image is " << actual.width() << "×" << actual.height()
                                         << ", the reference " << reference.width() << "×" << reference.height()
                                         << "; actual image in " << actualPath.toStdString();
  }
  QImage difference(actual.size(), QImage::Format_ARGB32);
  difference.fill(Qt::white);
  long long differing = 0;
  int worst = 0;
  for (int y = 0; y < actual.height(); ++y) {
    const auto* a = reinterpret_cast<const QRgb*>(actual.constScanLine(y));
    const auto* r = reinterpret_cast<const QRgb*>(reference.constScanLine(y));
    auto* d = reinterpret_cast<QRgb*>(difference.scanLine(y));
    for (int x = 0; x < actual.width(); ++x) {
      const int delta = channelDelta(a[x], r[x]);
      worst = std::max(worst, delta);
      if (delta > channelTolerance) {
        ++differing;
        d[x] = qRgb(255, 0, 0);
      } else if (delta > 0) {
        d[x] = qRgb(255, 200, 200);
      }
    }
  }
  const double fraction = static_cast<double>(differing) / (static_cast<double>(actual.width()) * actual.height());
  if (fraction <= pixelFraction) return ::testing::AssertionSuccess();
  const QString differencePath =
      QDir(outputFolder()).filePath(QStringLiteral("%1-difference.png").arg(QLatin1String(name)));
  actual.save(actualPath);
  difference.save(differencePath);
  return ::testing::AssertionFailure() << name << ": " << differing << " pixels (" << fraction * 100.0
                                       << " %) differ from the reference by more than " << channelTolerance
                                       << " (at most " << worst << "); actual image in " << actualPath.toStdString()
                                       << ", differences in " << differencePath.toStdString();
}

} // namespace sv::test
