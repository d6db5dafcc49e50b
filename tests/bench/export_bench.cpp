// Exports at one million incidents: a 3840x2160 PNG composition and a
// 60-frame animation, each beside a peer measured in the same run: writing
// the same pixels, already drawn, as PNG files with QImageWriter — the floor
// any exporter pays for the files alone.

#include "export/animation.h"
#include "export/compositioncontent.h"
#include "export/compositionwriter.h"

#include "bench/million.h"

#include <QDir>
#include <QImageWriter>
#include <QTemporaryDir>

#include <benchmark/benchmark.h>

namespace sv {
namespace {

// The bundled base map with the million synthetic incidents.
const MapContext& millionContext() {
  static const MapContext context = [] {
    QString error;
    auto loaded = loadMapContext(QStringLiteral(SV_TEST_GEODATA), &error);
    if (!loaded) qFatal("%s", qPrintable(error));
    loaded->incidents = test::millionLayer();
    return std::move(*loaded);
  }();
  return context;
}

// The last `days` of the data (0: everything), over the whole of Mali.
CompositionContent millionComposition(int days) {
  const MapContext& context = millionContext();
  const EventStore& store = context.incidents->store();
  const DayRange range{days > 0 ? store.lastDay() - days + 1 : store.firstDay(), store.lastDay()};
  return compositionFor(context, range, IncidentFilter{}, context.baseMap->maliExtent());
}

void writePng(const QImage& image, const QString& path) {
  QImageWriter writer(path, "png");
  if (!writer.write(image)) qFatal("cannot write %s", qPrintable(path));
}

void BM_ExportPng_3840x2160_Million(benchmark::State& state) {
  const CompositionContent content = millionComposition(static_cast<int>(state.range(0)));
  const PageFormat format = findPagePreset(QStringLiteral("slide-4k"))->format;
  QTemporaryDir dir;
  const QString path = dir.filePath(QStringLiteral("map.png"));
  std::size_t drawn = 0;
  for (auto _ : state) {
    ComposedPage page;
    QString error;
    if (!writeComposition(path, OutputKind::Png, format, content, &error, &page))
      state.SkipWithError(qPrintable(error));
    drawn = page.drawn ? page.drawn->incidentCount : 0;
  }
  state.counters["incidents"] = static_cast<double>(drawn);
  state.SetLabel(state.range(0) > 0 ? "last 365 days" : "all 1M incidents");
}
BENCHMARK(BM_ExportPng_3840x2160_Million)->Arg(365)->Arg(0)->Unit(benchmark::kMillisecond);

// Peer: the same composition's pixels, drawn once, written as PNG.
void BM_Peer_PngWrite_3840x2160(benchmark::State& state) {
  const PageFormat format = findPagePreset(QStringLiteral("slide-4k"))->format;
  const QImage image = renderCompositionImage(format, millionComposition(static_cast<int>(state.range(0))));
  QTemporaryDir dir;
  const QString path = dir.filePath(QStringLiteral("map.png"));
  for (auto _ : state) writePng(image, path);
  state.SetLabel(state.range(0) > 0 ? "last 365 days" : "all 1M incidents");
}
BENCHMARK(BM_Peer_PngWrite_3840x2160)->Arg(365)->Arg(0)->Unit(benchmark::kMillisecond);

// 60 daily frames at 1920x1080, each a 30-day window, ending on the data's
// last day: every frame a full composition, written as PNG.
AnimationSettings sixtyDays() {
  const EventStore& store = millionContext().incidents->store();
  AnimationSettings settings;
  settings.to = store.lastDay();
  settings.from = store.lastDay() - 59;
  settings.step = {1, TimeUnit::Day};
  settings.window = TimeLength{30, TimeUnit::Day};
  return settings;
}

void BM_Animation60Frames_1920x1080_Million(benchmark::State& state) {
  const MapContext& context = millionContext();
  const AnimationSettings settings = sixtyDays();
  const auto frames = planAnimation(context.incidents->store(), settings);
  if (frames.size() != 60) state.SkipWithError("expected 60 frames");
  const PageFormat format = pagePresets().front().format;
  QTemporaryDir dir;
  for (auto _ : state) {
    QString error;
    if (!writeAnimationFrames(context, frames, settings, format, context.baseMap->maliExtent(), QString(), dir.path(),
                              {}, &error))
      state.SkipWithError(qPrintable(error));
  }
  state.counters["frames"] = static_cast<double>(frames.size());
}
BENCHMARK(BM_Animation60Frames_1920x1080_Million)->Unit(benchmark::kMillisecond)->Iterations(1);

// Peer: 60 frames already drawn (the last frame's pixels), written as PNG.
void BM_Peer_Write60Frames_1920x1080(benchmark::State& state) {
  const MapContext& context = millionContext();
  const AnimationSettings settings = sixtyDays();
  const auto frames = planAnimation(context.incidents->store(), settings);
  const QImage image = renderCompositionImage(
      pagePresets().front().format, compositionFor(context, frames.back().range, {}, context.baseMap->maliExtent()));
  QTemporaryDir dir;
  for (auto _ : state) {
    for (std::size_t k = 0; k < frames.size(); ++k)
      writePng(image, QDir(dir.path()).filePath(QStringLiteral("frame-%1.png").arg(k + 1, 5, 10, QLatin1Char('0'))));
  }
  state.counters["frames"] = static_cast<double>(frames.size());
}
BENCHMARK(BM_Peer_Write60Frames_1920x1080)->Unit(benchmark::kMillisecond)->Iterations(1);

// Animations to video as `animate` makes them: 60 daily frames of 30-day
// windows, drawn on every core and piped into ffmpeg (H.264), at 1080p and 4K
// (the argument is the frame height). Frames per second, end to end.
PageFormat animationFormat(int height) {
  return height >= 2160 ? findPagePreset(QStringLiteral("slide-4k"))->format : pagePresets().front().format;
}

void BM_AnimationToMp4_Million(benchmark::State& state) {
  const MapContext& context = millionContext();
  const AnimationSettings settings = sixtyDays();
  const auto frames = planAnimation(context.incidents->store(), settings);
  const PageFormat format = animationFormat(static_cast<int>(state.range(0)));
  if (findFfmpeg().isEmpty()) state.SkipWithError("ffmpeg is not installed");
  QTemporaryDir dir;
  for (auto _ : state) {
    const AnimationResult result = exportAnimation(context, frames, settings, format, context.baseMap->maliExtent(),
                                                   QString(), dir.filePath(QStringLiteral("animation.mp4")), 25, {});
    if (!result.ok) state.SkipWithError(qPrintable(result.message));
  }
  state.counters["fps"] =
      benchmark::Counter(static_cast<double>(frames.size() * state.iterations()), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_AnimationToMp4_Million)->Arg(1080)->Arg(2160)->Unit(benchmark::kMillisecond)->Iterations(1)->UseRealTime();

// Peer, the floor of writing frames as files: the same number of frames,
// already drawn, written one after another as PNG at the light compression
// frames used to be written with, without encoding a video.
void BM_Peer_PngWriteFrames(benchmark::State& state) {
  const MapContext& context = millionContext();
  const AnimationSettings settings = sixtyDays();
  const auto frames = planAnimation(context.incidents->store(), settings);
  const QImage image =
      renderCompositionImage(animationFormat(static_cast<int>(state.range(0))),
                             compositionFor(context, frames.back().range, {}, context.baseMap->maliExtent()));
  QTemporaryDir dir;
  for (auto _ : state) {
    for (std::size_t k = 0; k < frames.size(); ++k) {
      QImageWriter writer(QDir(dir.path()).filePath(QStringLiteral("frame-%1.png").arg(k + 1, 5, 10, QLatin1Char('0'))),
                          "png");
      writer.setQuality(70);
      if (!writer.write(image)) state.SkipWithError("cannot write a frame");
    }
  }
  state.counters["fps"] =
      benchmark::Counter(static_cast<double>(frames.size() * state.iterations()), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_Peer_PngWriteFrames)->Arg(1080)->Arg(2160)->Unit(benchmark::kMillisecond)->Iterations(1)->UseRealTime();

} // namespace
} // namespace sv
