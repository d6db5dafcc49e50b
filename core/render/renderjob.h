#pragma once

#include "render/maprenderer.h"

#include <QFuture>

namespace sv {

// Starts a render on Qt's global thread pool. The job paints only on QImages
// and reads only the request's copies and immutable snapshots. Raising
// `cancel` makes it stop at its next check and return an incomplete result.
QFuture<RenderedMap> startRenderJob(RenderRequest request, RenderedMap reuse, CancelFlag cancel);

} // namespace sv
