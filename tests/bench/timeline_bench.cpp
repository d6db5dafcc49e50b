// From a change of range to the new image on screen, through the map canvas's
// render jobs, at one million incidents and 1920x1080: what a drag on the
// timeline costs. The peer does the same work synchronously on one thread,
// with no job, event loop or widget paint.

#include "bench/million.h"
#include "render/testmap.h"
#include "widgets/mapcanvas.h"

#include <QApplication>

#include <benchmark/benchmark.h>

namespace sv {
namespace {

constexpr QSize kScreen(1920, 1080);

// The canvas, shown on the offscreen platform with the million incidents and
// its first image rendered.
MapCanvas& millionCanvas() {
  static MapCanvas* canvas = [] {
    auto* c = new MapCanvas(test::bundledBaseMap(), test::displayProjection());
    c->resize(kScreen);
    c->show();
    const EventStore& store = test::millionLayer()->store();
    c->setIncidents(test::millionLayer());
    c->setIncidentView({store.lastDay() - 29, store.lastDay(), {}});
    while (!c->isUpToDate()) QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
    return c;
  }();
  return *canvas;
}

// Waits for the newest range's image and paints it onto the widget.
void waitUntilOnScreen(MapCanvas& canvas) {
  while (!canvas.isUpToDate()) QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
  canvas.repaint();
}

// The range moves one day per iteration, as a drag of the band does. Arg = window in days.
void BM_RangeChangeToScreen_1M_1920x1080(benchmark::State& state) {
  MapCanvas& canvas = millionCanvas();
  const EventStore& store = test::millionLayer()->store();
  const auto window = static_cast<DayNumber>(state.range(0));
  DayNumber to = store.lastDay() - 1000;
  std::size_t shown = 0;
  for (auto _ : state) {
    to = to >= store.lastDay() ? store.lastDay() - 1000 : to + 1;
    canvas.setIncidentView({to - window + 1, to, {}});
    waitUntilOnScreen(canvas);
    shown = canvas.drawnIncidents()->incidentCount;
  }
  state.counters["incidents"] = static_cast<double>(shown);
}
BENCHMARK(BM_RangeChangeToScreen_1M_1920x1080)->Arg(30)->Arg(365)->Unit(benchmark::kMillisecond)->UseRealTime();

// Ten range changes arriving faster than renders finish, as during a quick
// drag, then the last one on screen. Stale renders are dropped, so this costs
// far less than ten renders.
void BM_DragBurstOfTenToScreen_1M_1920x1080(benchmark::State& state) {
  MapCanvas& canvas = millionCanvas();
  const EventStore& store = test::millionLayer()->store();
  DayNumber to = store.lastDay() - 1000;
  for (auto _ : state) {
    for (int k = 0; k < 10; ++k) {
      to = to >= store.lastDay() ? store.lastDay() - 1000 : to + 1;
      canvas.setIncidentView({to - 29, to, {}});
      QCoreApplication::processEvents();
    }
    waitUntilOnScreen(canvas);
  }
}
BENCHMARK(BM_DragBurstOfTenToScreen_1M_1920x1080)->Unit(benchmark::kMillisecond)->UseRealTime();

// Peer: the same range change rendered synchronously on the calling thread,
// reusing the base map as the canvas does, and composed into one image.
void BM_Peer_SynchronousRender_1M_1920x1080(benchmark::State& state) {
  const auto& layer = test::millionLayer();
  const EventStore& store = layer->store();
  RenderRequest request = test::requestFor(test::maliView(kScreen));
  request.incidents = layer;
  const auto window = static_cast<DayNumber>(state.range(0));
  DayNumber to = store.lastDay() - 1000;
  request.incidentView = {to - window + 1, to, {}};
  RenderedMap previous = renderMap(request);
  for (auto _ : state) {
    to = to >= store.lastDay() ? store.lastDay() - 1000 : to + 1;
    request.incidentView = {to - window + 1, to, {}};
    previous = renderMap(request, previous, {});
    const QImage image = composeLayers(previous);
    benchmark::DoNotOptimize(image.constBits());
  }
}
BENCHMARK(BM_Peer_SynchronousRender_1M_1920x1080)->Arg(30)->Arg(365)->Unit(benchmark::kMillisecond)->UseRealTime();

} // namespace
} // namespace sv
