#pragma once

#include "session/mapcontext.h"

#include "domain/timeselection.h"
#include "render/composition.h"

#include <QRectF>
#include <QString>

namespace sv {

// What `export`, `brief` and `animate` put on a page, built the way the
// window builds it: the title (the dataset's unless --title), the range and
// filters in words, the attributions and the generation date.
CompositionContent compositionFor(const MapContext& context, DayRange range, const IncidentFilter& filter,
                                  const QRectF& extent, const QString& title = {});

} // namespace sv
