#include "export/compositionwriter.h"

#include <QFileInfo>
#include <QImageWriter>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QSaveFile>
#include <QSvgGenerator>

namespace sv {

std::optional<OutputKind> outputKindOf(const QString& path) {
  const QString suffix = QFileInfo(path).suffix().toLower();
  if (suffix == QLatin1String("png")) return OutputKind::Png;
  if (suffix == QLatin1String("svg")) return OutputKind::Svg;
  if (suffix == QLatin1String("pdf")) return OutputKind::Pdf;
  return std::nullopt;
}

QString outputPathProblem(const QString& path, const QList<OutputKind>& allowed) {
  const QFileInfo file(path);
  const auto kind = outputKindOf(path);
  if (!kind || !allowed.contains(*kind)) {
    QStringList names;
    for (OutputKind k : allowed)
      names << (k == OutputKind::Png   ? QStringLiteral(".png")
                : k == OutputKind::Svg ? QStringLiteral(".svg")
                                       : QStringLiteral(".pdf"));
    return QStringLiteral("cannot write '%1': the file name must end in %2")
        .arg(path, names.join(QStringLiteral(", ")));
  }
  if (file.isDir()) return QStringLiteral("cannot write '%1': it is a directory").arg(path);
  const QFileInfo directory(file.absolutePath());
  if (!directory.exists())
    return QStringLiteral("cannot write '%1': directory '%2' does not exist").arg(path, directory.filePath());
  if (!directory.isWritable() || (file.exists() && !file.isWritable()))
    return QStringLiteral("cannot write '%1': permission denied").arg(path);
  return {};
}

void preparePdfWriter(QPdfWriter& pdf, const PageFormat& format, const QString& title) {
  pdf.setResolution(static_cast<int>(std::lround(format.dpi)));
  pdf.setPageSize(QPageSize(format.millimetres(), QPageSize::Millimeter));
  pdf.setPageMargins(QMarginsF(0, 0, 0, 0));
  pdf.setTitle(title);
  pdf.setCreator(QStringLiteral("Situation Viewer"));
}

bool writeComposition(const QString& path, OutputKind kind, const PageFormat& format, const CompositionContent& content,
                      QString* error, ComposedPage* page) {
  const auto fail = [&](const QString& why) {
    if (error) *error = QStringLiteral("cannot write '%1': %2").arg(path, why);
    return false;
  };
  // Every kind is written beside the old file and renamed over it when
  // complete: a failure or a kill midway leaves the old file whole.
  QSaveFile file(path);
  if (!file.open(QIODevice::WriteOnly)) return fail(file.errorString());
  const auto commit = [&] { return file.commit() || fail(file.errorString()); };
  switch (kind) {
    case OutputKind::Png: {
      const QImage image = renderCompositionImage(format, content, page);
      QImageWriter writer(&file, "png");
      QImage out = image;
      // PNG records the resolution, so that a 300 dpi page prints at its size.
      const int dotsPerMetre = static_cast<int>(std::lround(format.dpi / 0.0254));
      out.setDotsPerMeterX(dotsPerMetre);
      out.setDotsPerMeterY(dotsPerMetre);
      if (!writer.write(out)) return fail(writer.errorString());
      return commit();
    }
    case OutputKind::Svg: {
      QSvgGenerator svg;
      svg.setOutputDevice(&file);
      const QSizeF logical = format.logicalSize();
      svg.setSize(logical.toSize());
      svg.setViewBox(QRectF(QPointF(0, 0), logical));
      svg.setResolution(96);
      svg.setTitle(content.title);
      svg.setDescription(content.subtitle);
      QPainter painter;
      if (!painter.begin(&svg)) return fail(QStringLiteral("the file cannot be opened"));
      ComposedPage composed = drawComposition(painter, format, content);
      if (!painter.end()) return fail(QStringLiteral("writing failed"));
      if (page) *page = std::move(composed);
      if (file.size() == 0) return fail(QStringLiteral("nothing was written"));
      return commit();
    }
    case OutputKind::Pdf: {
      QPdfWriter pdf(&file);
      preparePdfWriter(pdf, format, content.title);
      QPainter painter;
      if (!painter.begin(&pdf)) return fail(QStringLiteral("the file cannot be opened"));
      // The writer's units are its dots; the composition draws in 1/96 inch.
      painter.scale(format.scale(), format.scale());
      ComposedPage composed = drawComposition(painter, format, content);
      if (!painter.end()) return fail(QStringLiteral("writing failed"));
      if (page) *page = std::move(composed);
      return commit();
    }
  }
  return fail(QStringLiteral("unknown format"));
}

} // namespace sv
