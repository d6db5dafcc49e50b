#include "export/animation.h"

#include "export/compositioncontent.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QImageWriter>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <filesystem>
#include <limits>

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
  for (int k = 0; k < total; ++k) {
    const AnimationFrame& frame = frames[static_cast<std::size_t>(k)];
    const CompositionContent content = compositionFor(context, frame.range, settings.filter, extent, title);
    QImage image = renderCompositionImage(format, content);
    const int dotsPerMetre = static_cast<int>(std::lround(format.dpi / 0.0254));
    image.setDotsPerMeterX(dotsPerMetre);
    image.setDotsPerMeterY(dotsPerMetre);
    const QString path = dir.filePath(QStringLiteral("frame-%1.png").arg(k + 1, 5, 10, QLatin1Char('0')));
    QImageWriter writer(path, "png");
    // Light compression: frames are many and most feed a video encoder;
    // zlib's fastest levels write them a third quicker for a tenth more bytes.
    writer.setQuality(70);
    if (!writer.write(image)) {
      *error = QStringLiteral("cannot write '%1': %2").arg(path, writer.errorString());
      return false;
    }
    if (progress && !progress(k + 1, total, frame)) {
      *error = QStringLiteral("cancelled after %1 of %2 frames").arg(k + 1).arg(total);
      return false;
    }
  }
  return true;
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
  QTemporaryDir temporary;
  result.frameDirectory = output;
  if (video) {
    const QFileInfo info(output);
    result.frameDirectory =
        ffmpeg.isEmpty() ? info.absolutePath() + QLatin1Char('/') + info.completeBaseName() + QStringLiteral("-frames")
                         : temporary.path();
  }
  bool cancelled = false;
  const AnimationProgress watch = [&](int done, int total, const AnimationFrame& frame) {
    cancelled = progress && !progress(done, total, frame);
    return !cancelled;
  };
  if (!writeAnimationFrames(context, frames, settings, format, extent, title, result.frameDirectory, watch,
                            &result.message)) {
    result.cancelled = cancelled;
    if (video && !ffmpeg.isEmpty()) result.frameDirectory.clear();
    return result;
  }
  const QString frameCount =
      frames.size() == 1 ? QStringLiteral("1 frame") : QStringLiteral("%1 frames").arg(frames.size());
  if (!video) {
    result.ok = true;
    result.message = QStringLiteral("wrote %1 to %2").arg(frameCount, QDir::toNativeSeparators(result.frameDirectory));
    return result;
  }
  if (ffmpeg.isEmpty()) {
    result.message =
        QStringLiteral(
            "cannot write '%1': ffmpeg is not installed (Debian package ffmpeg; scripts/setup installs it). "
            "The %2 are in %3")
            .arg(output, frameCount, QDir::toNativeSeparators(result.frameDirectory));
    return result;
  }
  result.ok = encodeAnimation(ffmpeg, result.frameDirectory, output, fps, &result.message);
  result.frameDirectory.clear(); // the temporary frames go
  if (result.ok)
    result.message =
        QStringLiteral("wrote %1 (%2 at %3 fps)").arg(QDir::toNativeSeparators(output), frameCount).arg(fps);
  return result;
}

QString findFfmpeg() {
  const QString override = qEnvironmentVariable("SITUATION_VIEWER_FFMPEG");
  if (!override.isEmpty()) return QFileInfo(override).isExecutable() ? override : QString();
  return QStandardPaths::findExecutable(QStringLiteral("ffmpeg"));
}

bool encodeAnimation(const QString& ffmpeg, const QString& directory, const QString& output, int fps, QString* error) {
  const QString input = QDir(directory).filePath(QStringLiteral("frame-%05d.png"));
  QStringList arguments{QStringLiteral("-y"),
                        QStringLiteral("-loglevel"),
                        QStringLiteral("error"),
                        QStringLiteral("-framerate"),
                        QString::number(fps),
                        QStringLiteral("-i"),
                        input};
  if (output.endsWith(QStringLiteral(".gif"), Qt::CaseInsensitive)) {
    // One palette for the whole animation, made from its own frames.
    arguments << QStringLiteral("-filter_complex")
              << QStringLiteral("[0:v]split[a][b];[a]palettegen=stats_mode=diff[p];[b][p]paletteuse=dither=sierra2_4a")
              << QStringLiteral("-loop") << QStringLiteral("0");
  } else {
    // H.264 in yuv420p plays everywhere and needs even dimensions.
    arguments << QStringLiteral("-vf") << QStringLiteral("pad=ceil(iw/2)*2:ceil(ih/2)*2:color=white")
              << QStringLiteral("-c:v") << QStringLiteral("libx264") << QStringLiteral("-pix_fmt")
              << QStringLiteral("yuv420p") << QStringLiteral("-crf") << QStringLiteral("18")
              << QStringLiteral("-movflags") << QStringLiteral("+faststart");
  }
  // Encoded beside the output (same folder, same suffix, which names the
  // format for ffmpeg) and renamed over it when complete: a failed or killed
  // encoding leaves the previous video whole.
  const QFileInfo target(output);
  const QString partial =
      target.dir().filePath(QStringLiteral(".%1.partial.%2").arg(target.completeBaseName(), target.suffix()));
  arguments << partial;
  QProcess process;
  process.start(ffmpeg, arguments);
  if (!process.waitForStarted(30000)) {
    *error = QStringLiteral("cannot run '%1': %2").arg(ffmpeg, process.errorString());
    return false;
  }
  process.waitForFinished(-1);
  if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
    *error = QStringLiteral("ffmpeg could not write '%1': %2")
                 .arg(output, QString::fromUtf8(process.readAllStandardError()).trimmed());
    QFile::remove(partial);
    return false;
  }
  std::error_code renamed;
  std::filesystem::rename(QFile::encodeName(partial).toStdString(), QFile::encodeName(output).toStdString(), renamed);
  if (renamed) {
    *error = QStringLiteral("cannot write '%1': %2").arg(output, QString::fromStdString(renamed.message()));
    QFile::remove(partial);
    return false;
  }
  return true;
}

} // namespace sv
