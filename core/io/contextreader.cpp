#include "io/contextreader.h"

#include "io/gdalsupport.h"

#include <gdal_priv.h>
#include <ogr_spatialref.h>
#include <ogrsf_frmts.h>

#include <cmath>
#include <filesystem>
#include <map>
#include <memory>

namespace sv {
namespace {

bool usable(const LineString& part) {
  for (const Point2& p : part)
    if (!std::isfinite(p.x) || !std::isfinite(p.y) || std::abs(p.x) > 180.0 || std::abs(p.y) > 90.0) return false;
  return true;
}

LineString pointsOf(const OGRSimpleCurve& curve) {
  LineString points;
  points.reserve(static_cast<std::size_t>(curve.getNumPoints()));
  for (int k = 0; k < curve.getNumPoints(); ++k) points.push_back({curve.getX(k), curve.getY(k)});
  return points;
}

// Adds a geometry's parts to `feature`, whose kind the first part sets;
// false when nothing of it can be drawn (an empty or mixed geometry).
bool addGeometry(const OGRGeometry& geometry, ContextFeature& feature, bool first) {
  const auto kindIs = [&](ContextFeature::Kind kind) {
    if (first && feature.parts.empty()) feature.kind = kind;
    return feature.kind == kind;
  };
  switch (wkbFlatten(geometry.getGeometryType())) {
    case wkbPoint: {
      const auto* point = geometry.toPoint();
      if (point->IsEmpty() || !kindIs(ContextFeature::Kind::Point)) return false;
      if (feature.parts.empty()) feature.parts.emplace_back();
      feature.parts.front().push_back({point->getX(), point->getY()});
      return true;
    }
    case wkbLineString: {
      LineString line = pointsOf(*geometry.toLineString());
      if (line.size() < 2 || !kindIs(ContextFeature::Kind::Line)) return false;
      feature.parts.push_back(std::move(line));
      return true;
    }
    case wkbPolygon: {
      if (!kindIs(ContextFeature::Kind::Area)) return false;
      bool any = false;
      for (const OGRLinearRing* ring : *geometry.toPolygon()) {
        LineString points = pointsOf(*ring);
        if (points.size() < 4) continue;
        feature.parts.push_back(std::move(points));
        any = true;
      }
      return any;
    }
    case wkbMultiPoint:
    case wkbMultiLineString:
    case wkbMultiPolygon:
    case wkbGeometryCollection: {
      bool any = false;
      for (const OGRGeometry* member : *geometry.toGeometryCollection())
        any = addGeometry(*member, feature, first && !any) || any;
      return any;
    }
    default: {
      // Curves and surfaces: their linear approximation.
      std::unique_ptr<OGRGeometry> linear(geometry.getLinearGeometry());
      if (!linear || wkbFlatten(linear->getGeometryType()) == wkbFlatten(geometry.getGeometryType())) return false;
      return addGeometry(*linear, feature, first);
    }
  }
}

} // namespace

ContextLayerRead readContextLayer(const std::string& path, const std::atomic_bool* cancel) {
  ContextLayerRead result;
  result.name = std::filesystem::path(path).filename().string();
  GDALDatasetUniquePtr dataset = openVectorFile(path, &result.error);
  if (!dataset) return result;
  const OGRSpatialReference wgs84 = wgs84LonLat();
  std::map<std::string, std::size_t> fieldIndex;
  std::size_t layers = 0;
  for (auto&& layer : dataset->GetLayers()) {
    ++layers;
    const std::string layerName = layer->GetName();
    const auto problem = [&](const std::string& what) {
      result.problems.push_back(path + ": layer " + layerName + ", " + what);
    };
    OGRFeatureDefn* definition = layer->GetLayerDefn();
    std::vector<std::size_t> column(static_cast<std::size_t>(definition->GetFieldCount()));
    for (int i = 0; i < definition->GetFieldCount(); ++i) {
      const std::string name = definition->GetFieldDefn(i)->GetNameRef();
      const auto [it, added] = fieldIndex.emplace(name, result.fields.size());
      if (added) result.fields.push_back(name);
      column[static_cast<std::size_t>(i)] = it->second;
    }
    std::unique_ptr<OGRCoordinateTransformation> transform;
    if (const OGRSpatialReference* srs = layer->GetSpatialRef(); srs && !srs->IsSame(&wgs84)) {
      transform.reset(OGRCreateCoordinateTransformation(srs, &wgs84));
      if (!transform) {
        problem("all features: its coordinate system cannot be converted to WGS 84");
        continue;
      }
    }
    layer->ResetReading();
    std::size_t number = 0;
    for (auto&& feature : *layer) {
      ++number;
      ++result.featuresRead;
      if (cancel && (number & 4095) == 0 && cancel->load()) {
        result.error = path + ": reading cancelled";
        return result;
      }
      const OGRGeometry* geometry = feature->GetGeometryRef();
      if (!geometry || geometry->IsEmpty()) {
        problem("feature " + std::to_string(number) + ": no geometry");
        continue;
      }
      std::unique_ptr<OGRGeometry> copy(geometry->clone());
      if (transform && copy->transform(transform.get()) != OGRERR_NONE) {
        problem("feature " + std::to_string(number) + ": its coordinates cannot be converted to WGS 84");
        continue;
      }
      ContextFeature out;
      if (!addGeometry(*copy, out, true)) {
        problem("feature " + std::to_string(number) + ": a geometry of mixed or unknown kind (" +
                OGRGeometryTypeToName(copy->getGeometryType()) + ")");
        continue;
      }
      bool finite = true;
      for (const LineString& part : out.parts) finite = finite && usable(part);
      if (!finite) {
        problem("feature " + std::to_string(number) + ": coordinates outside longitude and latitude");
        continue;
      }
      out.values.resize(result.fields.size());
      for (int i = 0; i < definition->GetFieldCount(); ++i)
        if (feature->IsFieldSetAndNotNull(i))
          out.values[column[static_cast<std::size_t>(i)]] = feature->GetFieldAsString(i);
      result.features.push_back(std::move(out));
    }
  }
  // Later layers may have added fields: every feature has a value per field.
  for (ContextFeature& feature : result.features) feature.values.resize(result.fields.size());
  if (layers == 0) {
    result.error = path + ": the file holds no vector layer";
    return result;
  }
  if (result.features.empty() && result.featuresRead > 0) {
    result.error = path + ": none of its " + std::to_string(result.featuresRead) + " features has a usable geometry";
    return result;
  }
  result.ok = true;
  return result;
}

} // namespace sv
