#pragma once

#include "render/composition.h"

#include <QString>

#include <optional>

class QPdfWriter;

namespace sv {

enum class OutputKind { Png, Svg, Pdf };

// The kind of file a path asks for, by its suffix; nullopt for others.
std::optional<OutputKind> outputKindOf(const QString& path);

// Checks what can be checked before rendering, so that a bad path fails
// fast: the suffix among `allowed`, the folder exists and is writable.
QString outputPathProblem(const QString& path, const QList<OutputKind>& allowed);

// Sets a PDF writer to the format's physical page, resolution and no margins.
void preparePdfWriter(QPdfWriter& pdf, const PageFormat& format, const QString& title);

// Writes one composition as PNG (pixels at the format's size and dpi), SVG
// or PDF (vector: text stays text; the page is the format's physical size).
bool writeComposition(const QString& path, OutputKind kind, const PageFormat& format, const CompositionContent& content,
                      QString* error, ComposedPage* page = nullptr);

} // namespace sv
