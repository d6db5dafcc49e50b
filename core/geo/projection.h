#pragma once

#include "geo/geometry.h"

#include <memory>
#include <optional>
#include <string>
#include <vector>

struct pj_ctx;
struct PJconsts;

namespace sv {

// The display projection: WGS84 longitude/latitude to and from a projected
// CRS (EPSG:3857 by default), through PROJ with axis order normalised for
// visualisation (x = longitude/easting, y = latitude/northing).
//
// An instance owns its own PJ_CONTEXT and is used by one thread at a time.
// The viewer projects its data once at load; render threads never call PROJ.
class Projection {
public:
  static constexpr const char* kDefaultCrs = "EPSG:3857";

  // Returns nullopt and fills `error` when PROJ cannot build the transform.
  static std::optional<Projection> create(const std::string& targetCrs, std::string* error = nullptr);
  static Projection webMercator(); // never fails where PROJ's database is installed

  Projection(Projection&&) noexcept;
  Projection& operator=(Projection&&) noexcept;
  ~Projection();

  const std::string& crs() const { return m_crs; }

  // Degrees to projected units; a non-finite result marks a point PROJ could not project.
  Point2 forward(const Point2& lonLat) const;
  Point2 inverse(const Point2& projected) const;
  // In place, for whole coordinate arrays (one PROJ call).
  void forward(std::vector<Point2>& points) const;

private:
  struct ContextDeleter {
    void operator()(pj_ctx* context) const;
  };
  struct TransformDeleter {
    void operator()(PJconsts* transform) const;
  };
  Projection() = default;

  std::string m_crs;
  std::unique_ptr<pj_ctx, ContextDeleter> m_context;
  std::unique_ptr<PJconsts, TransformDeleter> m_transform;
};

} // namespace sv
