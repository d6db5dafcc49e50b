// Base-map redraw at 1920x1080, with GDAL's rasteriser on the same layers
// and the same pixel grid as the peer measured in the same run.

#include "io/basemapreader.h"
#include "render/labellayout.h"
#include "render/maprenderer.h"
#include "render/testmap.h"

#include <gdal_priv.h>
#include <gdal_utils.h>
#include <ogrsf_frmts.h>

#include <benchmark/benchmark.h>

namespace sv {
namespace {

using test::maliView;
using test::requestFor;

// Full redraw of the whole-Mali view: fills, water, boundaries, symbols, labels, decorations.
void BM_BaseMapRedraw_1920x1080(benchmark::State& state) {
  const RenderRequest request = requestFor(maliView({1920, 1080}));
  for (auto _ : state) {
    RenderedMap rendered = renderMap(request);
    benchmark::DoNotOptimize(rendered.baseLayer.constBits());
  }
  state.SetLabel("whole Mali");
}
BENCHMARK(BM_BaseMapRedraw_1920x1080)->Unit(benchmark::kMillisecond);

// Zoomed on the Niono area: cercle boundaries and many more labels.
void BM_BaseMapRedrawZoomed_1920x1080(benchmark::State& state) {
  MapSettings s = maliView({1920, 1080});
  s.zoomBy(16.0, s.toPixel(test::projectedPlace(*test::bundledBaseMap(), "Niono").position));
  const RenderRequest request = requestFor(s);
  for (auto _ : state) {
    RenderedMap rendered = renderMap(request);
    benchmark::DoNotOptimize(rendered.baseLayer.constBits());
  }
  state.SetLabel("Niono area, 16x");
}
BENCHMARK(BM_BaseMapRedrawZoomed_1920x1080)->Unit(benchmark::kMillisecond);

void BM_LabelLayout_1920x1080(benchmark::State& state) {
  const MapSettings s = maliView({1920, 1080});
  for (auto _ : state) {
    auto labels = layoutLabels(*test::bundledBaseMap(), s);
    benchmark::DoNotOptimize(labels.data());
  }
}
BENCHMARK(BM_LabelLayout_1920x1080)->Unit(benchmark::kMillisecond);

// Reading the GeoPackage and projecting everything once, as start-up does.
void BM_LoadAndProjectBaseMap(benchmark::State& state) {
  for (auto _ : state) {
    std::string error;
    auto data = readBaseMap(SV_TEST_GEODATA, &error);
    auto map = BaseMap::build(std::move(*data), test::displayProjection());
    benchmark::DoNotOptimize(map.get());
  }
}
BENCHMARK(BM_LoadAndProjectBaseMap)->Unit(benchmark::kMillisecond);

// Peer: GDAL's rasteriser burning the same polygon and line layers into a
// 1920x1080 in-memory raster of the same extent (no antialiasing, no text).
void BM_Peer_GdalRasterize_1920x1080(benchmark::State& state) {
  GDALDatasetUniquePtr source(GDALDataset::Open(SV_TEST_GEODATA, GDAL_OF_VECTOR | GDAL_OF_READONLY));
  if (!source) {
    state.SkipWithError("cannot open the GeoPackage");
    return;
  }
  // The same view, in the layers' own CRS so that GDAL does no reprojection
  // (the viewer projects once at load, so neither side pays for it here).
  const MapSettings s = maliView({1920, 1080});
  const QRectF extent = s.visibleExtent();
  const Point2 southWest = test::displayProjection().inverse({extent.left(), extent.top()});
  const Point2 northEast = test::displayProjection().inverse({extent.right(), extent.bottom()});
  GDALDriver* memory = GetGDALDriverManager()->GetDriverByName("MEM");
  for (auto _ : state) {
    GDALDatasetUniquePtr target(memory->Create("", 1920, 1080, 3, GDT_Byte, nullptr));
    double transform[6] = {southWest.x, (northEast.x - southWest.x) / 1920.0, 0, northEast.y,
                           0,           -(northEast.y - southWest.y) / 1080.0};
    target->SetGeoTransform(transform);
    target->SetSpatialRef(source->GetLayerByName("regions")->GetSpatialRef());
    for (const char* layer : {"countries", "regions", "lakes", "rivers", "cercles"}) {
      const char* const arguments[] = {"-l",    layer, "-b",    "1",   "-b",    "2",   "-b",   "3",
                                       "-burn", "200", "-burn", "180", "-burn", "160", nullptr};
      GDALRasterizeOptions* options = GDALRasterizeOptionsNew(const_cast<char**>(arguments), nullptr);
      int usageError = 0;
      GDALDatasetH result = GDALRasterize(nullptr, GDALDataset::ToHandle(target.get()),
                                          GDALDataset::ToHandle(source.get()), options, &usageError);
      GDALRasterizeOptionsFree(options);
      if (!result) {
        state.SkipWithError("GDALRasterize failed");
        return;
      }
    }
    benchmark::DoNotOptimize(target.get());
  }
  state.SetLabel("GDAL " + std::string(GDALVersionInfo("RELEASE_NAME")));
}
BENCHMARK(BM_Peer_GdalRasterize_1920x1080)->Unit(benchmark::kMillisecond);

} // namespace
} // namespace sv
