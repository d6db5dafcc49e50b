// The event store and the incident layer at one million synthetic incidents
// (tests/bench/synthetic.h), each beside a peer measured in the same run: a
// straight scan over the same columns for queries, and QPainter plotting the
// same points with no clustering or symbols for drawing.

#include "bench/million.h"
#include "bench/synthetic.h"
#include "domain/eventstore.h"
#include "geo/geodesy.h"
#include "io/storefile.h"
#include "render/incidentlayer.h"
#include "render/testmap.h"

#include <benchmark/benchmark.h>

#include <filesystem>

namespace sv {
namespace {

using test::kMillion;
using test::millionLayer;
using test::millionStore;

// A range ending at the data's last day, `days` long.
std::pair<DayNumber, DayNumber> recentRange(const EventStore& store, int days) {
  return {store.lastDay() - days + 1, store.lastDay()};
}

// Peer for queries: the same columns scanned start to end.
struct PlainColumns {
  std::vector<DayNumber> start;
  std::vector<DayNumber> end;
  std::vector<std::uint8_t> type;
  std::vector<double> longitude;
  std::vector<double> latitude;
};

const PlainColumns& plainColumns() {
  static const PlainColumns columns = [] {
    const EventStore& store = *millionStore();
    PlainColumns c;
    for (EventStore::Index i = 0; i < store.size(); ++i) {
      c.start.push_back(store.start(i));
      c.end.push_back(store.end(i));
      c.type.push_back(static_cast<std::uint8_t>(store.type(i)));
      c.longitude.push_back(store.longitude(i));
      c.latitude.push_back(store.latitude(i));
    }
    return c;
  }();
  return columns;
}

void BM_BuildStore_1M(benchmark::State& state) {
  test::SyntheticOptions options;
  options.count = kMillion;
  const std::vector<Incident> incidents = test::generateSyntheticIncidents(options);
  for (auto _ : state) {
    state.PauseTiming();
    std::vector<Incident> copy = incidents;
    state.ResumeTiming();
    auto store = EventStore::build(std::move(copy));
    benchmark::DoNotOptimize(store.get());
  }
  state.counters["MB"] = static_cast<double>(millionStore()->memoryBytes()) / 1e6;
}
BENCHMARK(BM_BuildStore_1M)->Unit(benchmark::kMillisecond)->Iterations(2);

// Reopening the same million incidents from a store file (io/storefile.h)
// instead of building them: the peer is BM_BuildStore_1M above. The file is
// written once, outside the timing, and read while still in the page cache.
void BM_ReadStoreFile_1M(benchmark::State& state) {
  const std::string path = (std::filesystem::temp_directory_path() / "sv-bench-million.svstore").string();
  std::string error;
  if (!writeStoreFile(path, *millionStore(), "bench", &error)) {
    state.SkipWithError(error.c_str());
    return;
  }
  for (auto _ : state) {
    auto store = readStoreFile(path, &error);
    if (!store) {
      state.SkipWithError(error.c_str());
      break;
    }
    benchmark::DoNotOptimize(store.get());
  }
  state.counters["MB"] = static_cast<double>(std::filesystem::file_size(path)) / 1e6;
  std::filesystem::remove(path);
}
BENCHMARK(BM_ReadStoreFile_1M)->Unit(benchmark::kMillisecond)->Iterations(5);

void BM_RangeQuery_1M(benchmark::State& state) {
  const EventStore& store = *millionStore();
  const auto [from, to] = recentRange(store, static_cast<int>(state.range(0)));
  std::size_t found = 0;
  for (auto _ : state) {
    auto result = store.overlapping(from, to);
    found = result.size();
    benchmark::DoNotOptimize(result.data());
  }
  state.counters["incidents"] = static_cast<double>(found);
}
BENCHMARK(BM_RangeQuery_1M)->Arg(1)->Arg(30)->Arg(365)->Unit(benchmark::kMicrosecond);

void BM_Peer_RangeScan_1M(benchmark::State& state) {
  const PlainColumns& c = plainColumns();
  const auto [from, to] = recentRange(*millionStore(), static_cast<int>(state.range(0)));
  std::size_t found = 0;
  for (auto _ : state) {
    std::vector<std::uint32_t> result;
    for (std::uint32_t i = 0; i < c.start.size(); ++i)
      if (c.start[i] <= to && c.end[i] >= from) result.push_back(i);
    found = result.size();
    benchmark::DoNotOptimize(result.data());
  }
  state.counters["incidents"] = static_cast<double>(found);
}
BENCHMARK(BM_Peer_RangeScan_1M)->Arg(1)->Arg(30)->Arg(365)->Unit(benchmark::kMicrosecond);

// Weekly histogram over the whole span (about 1,500 bins), battles only.
void BM_WeeklyHistogramByType_1M(benchmark::State& state) {
  const EventStore& store = *millionStore();
  IncidentFilter filter;
  filter.types = IncidentFilter::typeBit(EventType::Battles);
  for (auto _ : state) {
    Histogram h = store.histogram(store.firstDay(), store.lastDay(), TimeUnit::Week, filter);
    benchmark::DoNotOptimize(h.counts.data());
  }
}
BENCHMARK(BM_WeeklyHistogramByType_1M)->Unit(benchmark::kMicrosecond);

// The same with an actor filter, which has to visit the incidents.
void BM_WeeklyHistogramByActor_1M(benchmark::State& state) {
  const EventStore& store = *millionStore();
  IncidentFilter filter;
  filter.actors = {*store.strings().find("Actor 3")};
  for (auto _ : state) {
    Histogram h = store.histogram(store.firstDay(), store.lastDay(), TimeUnit::Week, filter);
    benchmark::DoNotOptimize(h.counts.data());
  }
}
BENCHMARK(BM_WeeklyHistogramByActor_1M)->Unit(benchmark::kMillisecond);

void BM_Peer_WeeklyHistogramScan_1M(benchmark::State& state) {
  const PlainColumns& c = plainColumns();
  const EventStore& store = *millionStore();
  const DayNumber first = binStart(store.firstDay(), TimeUnit::Week);
  const std::size_t bins = static_cast<std::size_t>((store.lastDay() - first) / 7 + 1);
  for (auto _ : state) {
    std::vector<std::uint32_t> counts(bins, 0);
    for (std::size_t i = 0; i < c.start.size(); ++i) {
      if (c.type[i] != static_cast<std::uint8_t>(EventType::Battles)) continue;
      for (auto b = static_cast<std::size_t>((c.start[i] - first) / 7);
           b <= static_cast<std::size_t>((c.end[i] - first) / 7); ++b)
        ++counts[b];
    }
    benchmark::DoNotOptimize(counts.data());
  }
}
BENCHMARK(BM_Peer_WeeklyHistogramScan_1M)->Unit(benchmark::kMillisecond);

// Incidents within 25 km of the busiest hotspot.
void BM_RadiusQuery25km_1M(benchmark::State& state) {
  const EventStore& store = *millionStore();
  const auto at = store.atPlace(90000000);
  const double lon = store.longitude(at.front());
  const double lat = store.latitude(at.front());
  std::size_t found = 0;
  for (auto _ : state) {
    auto result = store.withinRadius(lon, lat, 25000);
    found = result.size();
    benchmark::DoNotOptimize(result.data());
  }
  state.counters["incidents"] = static_cast<double>(found);
}
BENCHMARK(BM_RadiusQuery25km_1M)->Unit(benchmark::kMillisecond);

void BM_Peer_RadiusScan25km_1M(benchmark::State& state) {
  const PlainColumns& c = plainColumns();
  const EventStore& store = *millionStore();
  const auto at = store.atPlace(90000000);
  const Point2 centre{store.longitude(at.front()), store.latitude(at.front())};
  for (auto _ : state) {
    std::vector<std::uint32_t> result;
    // A cheap degree box first, as any scan would, then the geodesic.
    for (std::uint32_t i = 0; i < c.start.size(); ++i) {
      if (std::abs(c.latitude[i] - centre.y) > 0.3 || std::abs(c.longitude[i] - centre.x) > 0.3) continue;
      if (geodesicDistance(centre, {c.longitude[i], c.latitude[i]}) <= 25000) result.push_back(i);
    }
    benchmark::DoNotOptimize(result.data());
  }
}
BENCHMARK(BM_Peer_RadiusScan25km_1M)->Unit(benchmark::kMillisecond);

// The incident layer at 1920x1080 over the whole of Mali: range query,
// projection to pixels, clustering and symbols. Arg = days in the range
// (0 = everything).
void BM_IncidentLayer_1M_1920x1080(benchmark::State& state) {
  const auto& layer = millionLayer();
  const MapSettings settings = test::maliView({1920, 1080});
  IncidentView view = IncidentView::everything(layer->store());
  view.datasetDrawing = {DatasetDrawing::Symbols}; // as symbols, where Automatic would choose density
  if (state.range(0) > 0) view.from = view.to - static_cast<DayNumber>(state.range(0)) + 1;
  test::benchmarkIncidentLayer(state, *layer, view, settings);
}
BENCHMARK(BM_IncidentLayer_1M_1920x1080)->Arg(30)->Arg(365)->Arg(0)->Unit(benchmark::kMillisecond);

// The density view of the same: range query, projection to pixels,
// hexagon counts and their drawing with the legend. Arg as above; the
// symbol layer and the peer below are measured in the same run.
void BM_DensityLayer_1M_1920x1080(benchmark::State& state) {
  const auto& layer = millionLayer();
  const MapSettings settings = test::maliView({1920, 1080});
  IncidentView view = IncidentView::everything(layer->store());
  view.datasetDrawing = {DatasetDrawing::Density};
  if (state.range(0) > 0) view.from = view.to - static_cast<DayNumber>(state.range(0)) + 1;
  test::benchmarkIncidentLayer(state, *layer, view, settings);
}
BENCHMARK(BM_DensityLayer_1M_1920x1080)->Arg(30)->Arg(365)->Arg(0)->Unit(benchmark::kMillisecond);

// Peer: the same incidents plotted as one-pixel points in one QPainter call,
// after the same straight scan for the range: no symbols, no clustering.
void BM_Peer_DrawPoints_1M_1920x1080(benchmark::State& state) {
  const auto& layer = millionLayer();
  const PlainColumns& c = plainColumns();
  const MapSettings settings = test::maliView({1920, 1080});
  const QTransform transform = settings.mapToPixelTransform();
  DayNumber to = layer->store().lastDay();
  DayNumber from = state.range(0) > 0 ? to - static_cast<DayNumber>(state.range(0)) + 1 : layer->store().firstDay();
  for (auto _ : state) {
    QImage image = createLayerImage(settings);
    QPainter painter(&image);
    std::vector<QPointF> points;
    for (std::uint32_t i = 0; i < c.start.size(); ++i)
      if (c.start[i] <= to && c.end[i] >= from) points.push_back(transform.map(layer->position(i)));
    painter.setPen(Qt::red);
    painter.drawPoints(points.data(), static_cast<int>(points.size()));
    benchmark::DoNotOptimize(image.constBits());
  }
}
BENCHMARK(BM_Peer_DrawPoints_1M_1920x1080)->Arg(30)->Arg(365)->Arg(0)->Unit(benchmark::kMillisecond);

// The bundled dataset's layer, for scale.
void BM_IncidentLayer_Bundled_1920x1080(benchmark::State& state) {
  const auto& layer = test::bundledIncidents();
  const MapSettings settings = test::maliView({1920, 1080});
  const IncidentView view = IncidentView::everything(layer->store());
  for (auto _ : state) {
    QImage image = createLayerImage(settings);
    QPainter painter(&image);
    DrawnIncidents drawn;
    renderIncidentLayer(painter, *layer, view, settings, {}, drawn);
    benchmark::DoNotOptimize(image.constBits());
  }
}
BENCHMARK(BM_IncidentLayer_Bundled_1920x1080)->Unit(benchmark::kMillisecond);

} // namespace
} // namespace sv
