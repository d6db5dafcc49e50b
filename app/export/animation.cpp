#include "export/animation.h"

#include "export/compositioncontent.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QImageWriter>
#include <QProcess>
#include <QSaveFile>
#include <QStandardPaths>

#include <algorithm>
#include <condition_variable>
#include <filesystem>
#include <limits>
#include <map>
#include <mutex>
#include <thread>

namespace sv {

std::vector<AnimationFrame> planAnimation(const EventStore& store, const AnimationSettings& s) {
  std::vector<AnimationFrame> frames;
  for (DayNumber cursor : animationCursors(s.from, s.to, s.step)) {
    TimeSelection selection;
    selection.cursor = cursor;
    selection.step = s.step;
    selection.dataStart = std::min(store.empty() ? s.from : store.firstDay(), s.from);
    if (s.cumulative) {
      selection.mode = TimeMode::Cumulative;
    } else if (s.window) {
      selection.mode = TimeMode::Window;
      selection.window = *s.window;
    } else {
      selection.mode = TimeMode::Instant;
    }
    const DayRange range = selection.range();
    if (s.skipEmpty && !store.anyOverlapping(range.from, range.to, s.filter)) continue;
    frames.push_back({cursor, range});
  }
  return frames;
}

QRectF animationExtent(const IncidentLayerData& incidents, const std::vector<AnimationFrame>& frames,
                       const IncidentFilter& filter, const QRectF& fallback, double minimumMetres) {
  if (frames.empty()) return fallback;
  DayRange span = frames.front().range;
  for (const AnimationFrame& frame : frames) {
    span.from = std::min(span.from, frame.range.from);
    span.to = std::max(span.to, frame.range.to);
  }
  // Records placed only somewhere in a region or the country are drawn, but
  // their nominal point (a region's centre, the capital) does not set the view.
  const EventStore& store = incidents.store();
  std::vector<EventStore::Index> shown;
  for (EventStore::Index i : store.overlapping(span.from, span.to, filter))
    if (store.locationPrecision(i) <= LocationPrecision::Cercle) shown.push_back(i);
  if (shown.empty()) return fallback;
  double left = std::numeric_limits<double>::max(), right = std::numeric_limits<double>::lowest();
  double top = left, bottom = right;
  for (EventStore::Index i : shown) {
    const QPointF& p = incidents.position(i);
    left = std::min(left, p.x());
    right = std::max(right, p.x());
    top = std::min(top, p.y());
    bottom = std::max(bottom, p.y());
  }
  QRectF extent(QPointF(left, top), QPointF(right, bottom));
  extent = extent.marginsAdded(QMarginsF(extent.width(), extent.height(), extent.width(), extent.height()) * 0.12);
  const QPointF centre = extent.center();
  extent.setWidth(std::max(extent.width(), minimumMetres));
  extent.setHeight(std::max(extent.height(), minimumMetres));
  extent.moveCenter(centre);
  return extent;
}

namespace {

struct RenderedFrame {
  QImage image;
  QString error; // from the worker's own step
};

// Renders the frames ahead on a drawing thread and hands them over in order:
// while the calling thread gives frame k to `inOrder` (which returns false,
// with `error`, to stop), the next frames are drawn (at most `ahead`, so memory
// stays bounded). `onWorker`, when given, runs on the drawing thread after
// drawing and returns an error or nothing. Each drawing thread has its own
// projection: PROJ objects are for one thread at a time.
//
// One drawing thread: with two compositions drawn at once, a fresh-clone test
// run once hung inside Qt's raster stroker while drawing the base map (not
// reproduced in about 40 runs since). Drawing overlaps the encoding or the
// PNG compression on the calling thread instead.
constexpr int kDrawingThreads = 1;
bool renderFramesInOrder(const MapContext& context, const std::vector<AnimationFrame>& frames,
                         const AnimationSettings& settings, const PageFormat& format, const QRectF& extent,
                         const QString& title, const std::function<QString(int, QImage&)>& onWorker,
                         const std::function<bool(int, const QImage&, QString*)>& inOrder, QString* error) {
  const int total = static_cast<int>(frames.size());
  const int workers = std::clamp(kDrawingThreads, 1, std::max(1, total));
  const int ahead = workers + 1;
  std::mutex mutex;
  std::condition_variable ready, room;
  std::map<int, RenderedFrame> done;
  int next = 0;
  int consumed = 0;
  bool stop = false;
  std::vector<std::thread> threads;
  threads.reserve(static_cast<std::size_t>(workers));
  for (int w = 0; w < workers; ++w) {
    threads.emplace_back([&] {
      auto projection = Projection::create(context.projection.crs());
      const MapContext local{projection ? std::move(*projection) : Projection::webMercator(),
                             context.baseMap,
                             context.incidents,
                             context.incidentsPath,
                             {},
                             context.datasetPaths,
                             context.datasetColours,
                             context.layers,
                             context.datasetDrawing};
      for (;;) {
        int k = 0;
        {
          std::unique_lock lock(mutex);
          room.wait(lock, [&] { return stop || next >= total || next < consumed + ahead; });
          if (stop || next >= total) return;
          k = next++;
        }
        RenderedFrame frame;
        const CompositionContent content =
            compositionFor(local, frames[static_cast<std::size_t>(k)].range, settings.filter, extent, title);
        frame.image = renderCompositionImage(format, content);
        if (onWorker) frame.error = onWorker(k, frame.image);
        {
          const std::lock_guard lock(mutex);
          done.emplace(k, std::move(frame));
        }
        ready.notify_all();
      }
    });
  }
  bool ok = true;
  for (int k = 0; k < total && ok; ++k) {
    RenderedFrame frame;
    {
      std::unique_lock lock(mutex);
      ready.wait(lock, [&] { return done.count(k) > 0; });
      frame = std::move(done[k]);
      done.erase(k);
      consumed = k + 1;
    }
    room.notify_all();
    if (!frame.error.isEmpty()) {
      *error = frame.error;
      ok = false;
    } else {
      ok = inOrder(k, frame.image, error);
    }
  }
  {
    const std::lock_guard lock(mutex);
    stop = true;
  }
  room.notify_all();
  for (std::thread& thread : threads) thread.join();
  return ok;
}

QString cancelledAfter(int done, int total) {
  return QStringLiteral("cancelled after %1 of %2 frames").arg(done).arg(total);
}

// ffmpeg's arguments after its input for `output`: H.264 MP4 or a GIF with a
// palette of its own frames, written to `partial`.
QStringList encoderArguments(const QString& output, const QString& partial) {
  QStringList arguments;
  if (output.endsWith(QStringLiteral(".gif"), Qt::CaseInsensitive)) {
    // One palette for the whole animation, made from its own frames.
    arguments << QStringLiteral("-filter_complex")
              << QStringLiteral("[0:v]split[a][b];[a]palettegen=stats_mode=diff[p];[b][p]paletteuse=dither=sierra2_4a")
              << QStringLiteral("-loop") << QStringLiteral("0");
  } else {
    // H.264 in yuv420p plays everywhere and needs even dimensions. x264's
    // veryfast preset: maps are flat colour and text, which it keeps sharp at
    // CRF 18 while encoding several times faster than the default preset.
    arguments << QStringLiteral("-vf") << QStringLiteral("pad=ceil(iw/2)*2:ceil(ih/2)*2:color=white")
              << QStringLiteral("-c:v") << QStringLiteral("libx264") << QStringLiteral("-preset")
              << QStringLiteral("veryfast") << QStringLiteral("-pix_fmt") << QStringLiteral("yuv420p")
              << QStringLiteral("-crf") << QStringLiteral("18") << QStringLiteral("-movflags")
              << QStringLiteral("+faststart");
  }
  arguments << partial;
  return arguments;
}

// Encoded beside the output (same folder, same suffix, which names the format
// for ffmpeg) and renamed over it when complete: a failed, cancelled or killed
// encoding leaves the previous video whole.
QString partialOutput(const QString& output) {
  const QFileInfo target(output);
  return target.dir().filePath(QStringLiteral(".%1.partial.%2").arg(target.completeBaseName(), target.suffix()));
}

bool renameOver(const QString& partial, const QString& output, QString* error) {
  std::error_code renamed;
  std::filesystem::rename(QFile::encodeName(partial).toStdString(), QFile::encodeName(output).toStdString(), renamed);
  if (renamed) {
    *error = QStringLiteral("cannot write '%1': %2").arg(output, QString::fromStdString(renamed.message()));
    QFile::remove(partial);
    return false;
  }
  return true;
}

// Draws the frames ahead on a drawing thread and pipes them as raw pixels into ffmpeg's
// standard input while it encodes: no frame touches the disk, progress counts
// frames encoded, and cancelling stops ffmpeg at once.
bool streamAnimation(const QString& ffmpeg, const MapContext& context, const std::vector<AnimationFrame>& frames,
                     const AnimationSettings& settings, const PageFormat& format, const QRectF& extent,
                     const QString& title, const QString& output, int fps, const AnimationProgress& progress,
                     bool* cancelled, QString* error) {
  const QSize size = format.pixels;
  const QString partial = partialOutput(output);
  QStringList arguments{QStringLiteral("-y"),
                        QStringLiteral("-loglevel"),
                        QStringLiteral("error"),
                        QStringLiteral("-f"),
                        QStringLiteral("rawvideo"),
                        QStringLiteral("-pix_fmt"),
                        QStringLiteral("bgra"),
                        QStringLiteral("-s"),
                        QStringLiteral("%1x%2").arg(size.width()).arg(size.height()),
                        QStringLiteral("-framerate"),
                        QString::number(fps),
                        QStringLiteral("-i"),
                        QStringLiteral("-")};
  arguments << encoderArguments(output, partial);
  // Started before any drawing thread: forking while another thread is inside
  // PROJ can deadlock the child.
  QProcess process;
  process.setStandardOutputFile(QProcess::nullDevice());
  process.start(ffmpeg, arguments);
  if (!process.waitForStarted(30000)) {
    *error = QStringLiteral("cannot run '%1': %2").arg(ffmpeg, process.errorString());
    return false;
  }
  const auto failed = [&] {
    process.waitForFinished(30000);
    return QStringLiteral("ffmpeg could not write '%1': %2")
        .arg(output, QString::fromUtf8(process.readAllStandardError()).trimmed());
  };
  const int total = static_cast<int>(frames.size());
  const bool drawn = renderFramesInOrder(
      context, frames, settings, format, extent, title, {},
      [&](int k, const QImage& picture, QString* problem) {
        const QImage image = picture.size() == size && picture.format() == QImage::Format_RGB32
                                 ? picture
                                 : picture.convertToFormat(QImage::Format_RGB32).scaled(size);
        const qint64 frameBytes = qint64{image.width()} * 4 * image.height();
        bool written = true;
        if (image.bytesPerLine() == image.width() * 4) {
          written = process.write(reinterpret_cast<const char*>(image.constBits()), frameBytes) == frameBytes;
        } else {
          for (int y = 0; y < image.height() && written; ++y)
            written =
                process.write(reinterpret_cast<const char*>(image.constScanLine(y)), qint64{image.width()} * 4) >= 0;
        }
        if (!written) {
          *problem = failed();
          return false;
        }
        // This thread has no event loop: QProcess writes only while waited
        // for. Into ffmpeg's pipe before the next frame, as ffmpeg reads it.
        while (process.bytesToWrite() > 0)
          if (!process.waitForBytesWritten(-1)) {
            *problem = failed();
            return false;
          }
        if (progress && !progress(k + 1, total, frames[static_cast<std::size_t>(k)])) {
          *cancelled = true;
          *problem = cancelledAfter(k + 1, total);
          return false;
        }
        return true;
      },
      error);
  if (!drawn) {
    process.kill();
    process.waitForFinished(30000);
    QFile::remove(partial);
    return false;
  }
  while (process.bytesToWrite() > 0)
    if (!process.waitForBytesWritten(-1)) break;
  process.closeWriteChannel();
  process.waitForFinished(-1);
  if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
    *error = failed();
    QFile::remove(partial);
    return false;
  }
  return renameOver(partial, output, error);
}

} // namespace

bool writeAnimationFrames(const MapContext& context, const std::vector<AnimationFrame>& frames,
                          const AnimationSettings& settings, const PageFormat& format, const QRectF& extent,
                          const QString& title, const QString& directory, const AnimationProgress& progress,
                          QString* error) {
  QDir dir(directory);
  if (!dir.exists() && !QDir().mkpath(directory)) {
    *error = QStringLiteral("cannot make the folder '%1'").arg(directory);
    return false;
  }
  for (const QString& old : dir.entryList({QStringLiteral("frame-*.png")}, QDir::Files)) dir.remove(old);
  const int total = static_cast<int>(frames.size());
  // The calling thread compresses frame k while the next is drawn: zlib, not
  // drawing, is most of a frame's cost.
  const int dotsPerMetre = static_cast<int>(std::lround(format.dpi / 0.0254));
  return renderFramesInOrder(
      context, frames, settings, format, extent, title, {},
      [&](int k, const QImage& drawn, QString* problem) {
        QImage image = drawn;
        image.setDotsPerMeterX(dotsPerMetre);
        image.setDotsPerMeterY(dotsPerMetre);
        const QString path = dir.filePath(QStringLiteral("frame-%1.png").arg(k + 1, 5, 10, QLatin1Char('0')));
        // Written beside the frame and renamed over it: a kill leaves no half frame.
        QSaveFile file(path);
        QImageWriter writer(&file, "png");
        // Light compression: frames are many and most feed a video encoder;
        // zlib's fastest levels write them a third quicker for a tenth more bytes.
        writer.setQuality(70);
        if (!file.open(QIODevice::WriteOnly) || !writer.write(image) || !file.commit()) {
          *problem =
              QStringLiteral("cannot write '%1': %2")
                  .arg(path, writer.error() != QImageWriter::UnknownError ? writer.errorString() : file.errorString());
          return false;
        }
        if (progress && !progress(k + 1, total, frames[static_cast<std::size_t>(k)])) {
          *problem = cancelledAfter(k + 1, total);
          return false;
        }
        return true;
      },
      error);
}

bool isVideoOutput(const QString& output) {
  const QString suffix = QFileInfo(output).suffix().toLower();
  return suffix == QLatin1String("mp4") || suffix == QLatin1String("gif");
}

QString animationOutputProblem(const QString& output, bool* usage) {
  if (usage) *usage = false;
  const QFileInfo info(output);
  const bool video = isVideoOutput(output);
  if (output.isEmpty() || (!video && !info.suffix().isEmpty() && !info.isDir())) {
    if (usage) *usage = true;
    return QStringLiteral("cannot write '%1': give a folder for PNG frames, or a .mp4 or .gif file").arg(output);
  }
  const QFileInfo parent(info.absolutePath());
  if (!parent.exists() || !parent.isWritable())
    return QStringLiteral("cannot write '%1': folder '%2' %3")
        .arg(output, parent.filePath(),
             parent.exists() ? QStringLiteral("is not writable") : QStringLiteral("does not exist"));
  if (info.exists() && (video ? info.isDir() : !info.isDir()))
    return QStringLiteral("cannot write '%1': %2")
        .arg(output, video ? QStringLiteral("it is a folder") : QStringLiteral("it is a file"));
  return {};
}

AnimationResult exportAnimation(const MapContext& context, const std::vector<AnimationFrame>& frames,
                                const AnimationSettings& settings, const PageFormat& format, const QRectF& extent,
                                const QString& title, const QString& output, int fps,
                                const AnimationProgress& progress) {
  AnimationResult result;
  const bool video = isVideoOutput(output);
  const QString ffmpeg = video ? findFfmpeg() : QString();
  result.frameDirectory = output;
  bool cancelled = false;
  const QString frameCount =
      frames.size() == 1 ? QStringLiteral("1 frame") : QStringLiteral("%1 frames").arg(frames.size());
  if (video && !ffmpeg.isEmpty()) {
    result.frameDirectory.clear();
    result.ok = streamAnimation(ffmpeg, context, frames, settings, format, extent, title, output, fps, progress,
                                &cancelled, &result.message);
    result.cancelled = cancelled;
    if (result.ok)
      result.message =
          QStringLiteral("wrote %1 (%2 at %3 fps)").arg(QDir::toNativeSeparators(output), frameCount).arg(fps);
    return result;
  }
  if (video) { // without ffmpeg: the frames, kept where the video would be
    const QFileInfo info(output);
    result.frameDirectory =
        info.absolutePath() + QLatin1Char('/') + info.completeBaseName() + QStringLiteral("-frames");
  }
  const AnimationProgress watch = [&](int done, int total, const AnimationFrame& frame) {
    cancelled = progress && !progress(done, total, frame);
    return !cancelled;
  };
  if (!writeAnimationFrames(context, frames, settings, format, extent, title, result.frameDirectory, watch,
                            &result.message)) {
    result.cancelled = cancelled;
    return result;
  }
  if (!video) {
    result.ok = true;
    result.message = QStringLiteral("wrote %1 to %2").arg(frameCount, QDir::toNativeSeparators(result.frameDirectory));
    return result;
  }
  result.message = QStringLiteral(
                       "cannot write '%1': ffmpeg is not installed (Debian package ffmpeg; scripts/setup installs it). "
                       "The %2 are in %3")
                       .arg(output, frameCount, QDir::toNativeSeparators(result.frameDirectory));
  return result;
}

QString findFfmpeg() {
  const QString override = qEnvironmentVariable("SITUATION_VIEWER_FFMPEG");
  if (!override.isEmpty()) return QFileInfo(override).isExecutable() ? override : QString();
  return QStandardPaths::findExecutable(QStringLiteral("ffmpeg"));
}

} // namespace sv
