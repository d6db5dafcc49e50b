// Our side of tests/bench/compare: the same files the peers read, named by
// the environment, so that both are measured on the same data in one run.
//   SV_COMPARE_STORE  a store file (.svstore) written by `situation-viewer import`
//   SV_COMPARE_BBOX   the view, W,S,E,N in degrees, as the peers are given it
//   SV_COMPARE_LAST   the day windows end on (YYYY-MM-DD)
// Without SV_COMPARE_STORE nothing is registered.
#include "bench/compare_bench.h"

#include "bench/million.h"

#include "io/storefile.h"
#include "render/incidentlayer.h"
#include "render/maprenderer.h"
#include "render/mapsettings.h"
#include "render/testmap.h"

#include <QImage>
#include <QPainter>
#include <QString>
#include <QStringList>

#include <benchmark/benchmark.h>

#include <cstdlib>
#include <memory>
#include <stdexcept>
#include <string>

namespace sv::test {
namespace {

constexpr QSize kOutput{1920, 1080};

std::string environment(const char* name) {
  const char* value = std::getenv(name);
  return value ? value : "";
}

const std::shared_ptr<const IncidentLayerData>& comparedLayer() {
  static const std::shared_ptr<const IncidentLayerData> layer = [] {
    std::string error;
    auto store = readStoreFile(environment("SV_COMPARE_STORE"), &error);
    if (!store) throw std::runtime_error(error);
    return IncidentLayerData::build(std::move(store), displayProjection());
  }();
  return layer;
}

MapSettings comparedView() {
  const QStringList box = QString::fromStdString(environment("SV_COMPARE_BBOX")).split(QLatin1Char(','));
  if (box.size() != 4) throw std::runtime_error("SV_COMPARE_BBOX must be W,S,E,N");
  const Point2 southWest = displayProjection().forward({box[0].toDouble(), box[1].toDouble()});
  const Point2 northEast = displayProjection().forward({box[2].toDouble(), box[3].toDouble()});
  MapSettings settings;
  settings.setOutputSize(kOutput);
  settings.zoomToExtent(QRectF(QPointF(southWest.x, southWest.y), QPointF(northEast.x, northEast.y)).normalized(), 0.0);
  return settings;
}

// The window ending on SV_COMPARE_LAST (the last day the peers see), else on
// the data's last day; 0 days: everything.
IncidentView windowOf(const EventStore& store, std::int64_t days) {
  IncidentView view = IncidentView::everything(store);
  if (days == 0) return view;
  if (const auto last = parseIsoDate(environment("SV_COMPARE_LAST"))) view.to = *last;
  view.from = view.to - static_cast<DayNumber>(days) + 1;
  return view;
}

// What the map pays for a range change: the range query, projection to
// pixels, clustering and symbols, into a fresh layer image.
void BM_Compare_RangeAndLayer(benchmark::State& state) {
  const auto& layer = comparedLayer();
  benchmarkIncidentLayer(state, *layer, windowOf(layer->store(), state.range(0)), comparedView());
}

// The floor under any renderer of these incidents: reading the columns a
// frame touches (position and type of each incident in the window, found
// beforehand) and filling an image of the output size.
void BM_Compare_Floor(benchmark::State& state) {
  const auto& layer = comparedLayer();
  const IncidentView view = windowOf(layer->store(), state.range(0));
  const std::vector<EventStore::Index> rows = layer->store().overlapping(view.from, view.to, {});
  for (auto _ : state) {
    QImage image(kOutput, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    double sum = 0.0;
    unsigned types = 0;
    for (EventStore::Index i : rows) {
      const QPointF p = layer->position(i);
      sum += p.x() + p.y();
      types += static_cast<unsigned>(layer->store().type(i));
    }
    benchmark::DoNotOptimize(sum);
    benchmark::DoNotOptimize(types);
    benchmark::DoNotOptimize(image.constBits());
  }
  state.counters["incidents"] = static_cast<double>(rows.size());
}

// Opening the dataset as the window does: reading the store file and
// projecting every incident once.
void BM_Compare_OpenStore(benchmark::State& state) {
  const std::string path = environment("SV_COMPARE_STORE");
  std::size_t size = 0;
  for (auto _ : state) {
    std::string error;
    auto store = readStoreFile(path, &error);
    if (!store) {
      state.SkipWithError(error.c_str());
      return;
    }
    auto layer = IncidentLayerData::build(std::move(store), displayProjection());
    size = layer->store().size();
    benchmark::DoNotOptimize(layer.get());
  }
  state.counters["incidents"] = static_cast<double>(size);
}

} // namespace

void registerComparisonBenchmarks() {
  if (environment("SV_COMPARE_STORE").empty()) return;
  for (const char* name : {"BM_Compare_RangeAndLayer", "BM_Compare_Floor"}) {
    auto* benchmark = benchmark::RegisterBenchmark(
        name, std::string(name) == "BM_Compare_Floor" ? BM_Compare_Floor : BM_Compare_RangeAndLayer);
    benchmark->ArgName("days")->Arg(1)->Arg(30)->Arg(365)->Arg(0)->Unit(benchmark::kMillisecond);
  }
  benchmark::RegisterBenchmark("BM_Compare_OpenStore", BM_Compare_OpenStore)->Unit(benchmark::kMillisecond);
}

} // namespace sv::test
