#include "geo/projection.h"

#include <proj.h>

#include <cmath>
#include <limits>
#include <stdexcept>

namespace sv {

void Projection::ContextDeleter::operator()(pj_ctx* context) const { proj_context_destroy(context); }
void Projection::TransformDeleter::operator()(PJconsts* transform) const { proj_destroy(transform); }

Projection::Projection(Projection&&) noexcept = default;
Projection& Projection::operator=(Projection&&) noexcept = default;
Projection::~Projection() {
  m_transform.reset(); // before its context
}

std::optional<Projection> Projection::create(const std::string& targetCrs, std::string* error) {
  Projection projection;
  projection.m_crs = targetCrs;
  projection.m_context.reset(proj_context_create());
  if (!projection.m_context) {
    if (error) *error = "PROJ could not create a context";
    return std::nullopt;
  }
  pj_ctx* context = projection.m_context.get();
  PJ* raw = proj_create_crs_to_crs(context, "EPSG:4326", targetCrs.c_str(), nullptr);
  if (!raw) {
    if (error)
      *error = std::string("PROJ cannot transform EPSG:4326 to ") + targetCrs + ": " +
               proj_context_errno_string(context, proj_context_errno(context));
    return std::nullopt;
  }
  PJ* normalised = proj_normalize_for_visualization(context, raw);
  proj_destroy(raw);
  if (!normalised) {
    if (error) *error = "PROJ could not normalise the axis order of " + targetCrs;
    return std::nullopt;
  }
  projection.m_transform.reset(normalised);
  return projection;
}

Projection Projection::webMercator() {
  std::string error;
  auto projection = create(kDefaultCrs, &error);
  if (!projection) throw std::runtime_error(error);
  return std::move(*projection);
}

namespace {
Point2 transformOne(PJ* transform, PJ_DIRECTION direction, const Point2& p) {
  const PJ_COORD out = proj_trans(transform, direction, proj_coord(p.x, p.y, 0, 0));
  if (out.xy.x == HUGE_VAL || out.xy.y == HUGE_VAL) {
    constexpr double nan = std::numeric_limits<double>::quiet_NaN();
    return {nan, nan};
  }
  return {out.xy.x, out.xy.y};
}
} // namespace

Point2 Projection::forward(const Point2& lonLat) const { return transformOne(m_transform.get(), PJ_FWD, lonLat); }

Point2 Projection::inverse(const Point2& projected) const { return transformOne(m_transform.get(), PJ_INV, projected); }

void Projection::forward(std::vector<Point2>& points) const {
  if (points.empty()) return;
  constexpr auto stride = sizeof(Point2);
  proj_trans_generic(m_transform.get(), PJ_FWD, &points[0].x, stride, points.size(), &points[0].y, stride,
                     points.size(), nullptr, 0, 0, nullptr, 0, 0);
}

} // namespace sv
