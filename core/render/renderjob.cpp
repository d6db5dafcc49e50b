#include "render/renderjob.h"

#include <QtConcurrent/QtConcurrentRun>

namespace sv {

QFuture<RenderedMap> startRenderJob(RenderRequest request, RenderedMap reuse, CancelFlag cancel) {
  return QtConcurrent::run([request = std::move(request), reuse = std::move(reuse), cancel = std::move(cancel)] {
    return renderMap(request, reuse, cancel);
  });
}

} // namespace sv
