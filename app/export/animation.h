#pragma once

#include "session/mapcontext.h"

#include "domain/timeselection.h"
#include "render/composition.h"

#include <QString>

#include <functional>
#include <optional>
#include <vector>

namespace sv {

// What an animation shows: one frame per step from `from` to `to`, each the
// step itself (by default), a window ending on it, or everything up to it.
struct AnimationSettings {
  DayNumber from = 0;
  DayNumber to = -1;
  TimeLength step{1, TimeUnit::Week};
  std::optional<TimeLength> window; // a window ending on each frame's day
  bool cumulative = false;
  bool skipEmpty = false; // leave out frames with no incident under the filter
  IncidentFilter filter;
};

struct AnimationFrame {
  DayNumber cursor = 0;
  DayRange range;
};

// The frames, in order: exact in number, first frame at `from`, none past `to`.
std::vector<AnimationFrame> planAnimation(const EventStore& store, const AnimationSettings& settings);

// The view an animation shows when none is given: every incident its frames
// show under the filter and located to a cercle or better, with a margin, at
// least `minimumMetres` across; or `fallback` when there is none.
QRectF animationExtent(const IncidentLayerData& incidents, const std::vector<AnimationFrame>& frames,
                       const IncidentFilter& filter, const QRectF& fallback, double minimumMetres = 150000.0);

// Called after each frame is written, with frames done and the total; return
// false to stop.
using AnimationProgress = std::function<bool(int done, int total, const AnimationFrame& frame)>;

// Renders every frame completely as a composition (the next frame drawn while
// the last is compressed), and writes it as
// frame-00001.png ... in `directory` (made if missing; frames of an earlier
// run there are removed first, so none is left over). False with `error`
// when a file cannot be written or the progress callback cancels.
bool writeAnimationFrames(const MapContext& context, const std::vector<AnimationFrame>& frames,
                          const AnimationSettings& settings, const PageFormat& format, const QRectF& extent,
                          const QString& title, const QString& directory, const AnimationProgress& progress,
                          QString* error);

// What went wrong with an output path before anything is drawn: it must be a
// folder for PNG frames (made if missing) or a .mp4 or .gif file in an
// existing, writable folder. Empty when fine; `usage` tells a wrong kind of
// path (exit status 2 on the command line) from an unwritable one.
QString animationOutputProblem(const QString& output, bool* usage = nullptr);
bool isVideoOutput(const QString& output);

struct AnimationResult {
  bool ok = false;
  bool cancelled = false;
  QString message;        // "wrote 46 frames to DIR", or the reason it failed
  QString frameDirectory; // where PNG frames were left, if anywhere
};

// Renders the frames into `output` (a folder), or pipes them as raw pixels
// into ffmpeg's standard input to encode `output` (.mp4 or .gif): the next
// frame is drawn while ffmpeg encodes the last, progress counts frames encoded,
// and a cancel from `progress` stops ffmpeg at once and leaves any earlier
// video whole. Without ffmpeg the frames are kept beside the video's name
// (NAME-frames/) and the result says so. Used by `animate` and the window.
AnimationResult exportAnimation(const MapContext& context, const std::vector<AnimationFrame>& frames,
                                const AnimationSettings& settings, const PageFormat& format, const QRectF& extent,
                                const QString& title, const QString& output, int fps,
                                const AnimationProgress& progress);

// The ffmpeg executable, or empty when it is not installed.
QString findFfmpeg();

} // namespace sv
