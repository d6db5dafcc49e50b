#include "io/basemapreader.h"

#include "io/gdalsupport.h"

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <functional>
#include <sstream>

namespace sv {
namespace {

struct ReadError {
  std::string message;
};

void appendRing(const OGRLinearRing* ring, MultiPolygon& out) {
  Ring points;
  points.reserve(static_cast<std::size_t>(ring->getNumPoints()));
  for (int i = 0; i < ring->getNumPoints(); ++i) points.push_back({ring->getX(i), ring->getY(i)});
  out.rings.push_back(std::move(points));
}

void appendPolygon(const OGRPolygon* polygon, MultiPolygon& out) {
  if (const OGRLinearRing* exterior = polygon->getExteriorRing()) appendRing(exterior, out);
  for (int i = 0; i < polygon->getNumInteriorRings(); ++i) appendRing(polygon->getInteriorRing(i), out);
}

MultiPolygon toMultiPolygon(const OGRGeometry* geometry) {
  MultiPolygon out;
  if (!geometry) return out;
  switch (wkbFlatten(geometry->getGeometryType())) {
    case wkbPolygon: appendPolygon(geometry->toPolygon(), out); break;
    case wkbMultiPolygon:
      for (const OGRPolygon* polygon : *geometry->toMultiPolygon()) appendPolygon(polygon, out);
      break;
    default: break;
  }
  return out;
}

void appendLine(const OGRLineString* line, MultiLineString& out) {
  LineString points;
  points.reserve(static_cast<std::size_t>(line->getNumPoints()));
  for (int i = 0; i < line->getNumPoints(); ++i) points.push_back({line->getX(i), line->getY(i)});
  out.parts.push_back(std::move(points));
}

MultiLineString toMultiLineString(const OGRGeometry* geometry) {
  MultiLineString out;
  if (!geometry) return out;
  switch (wkbFlatten(geometry->getGeometryType())) {
    case wkbLineString: appendLine(geometry->toLineString(), out); break;
    case wkbMultiLineString:
      for (const OGRLineString* line : *geometry->toMultiLineString()) appendLine(line, out);
      break;
    default: break;
  }
  return out;
}

// Field access that names the layer and field when the schema is wrong.
class LayerReader {
public:
  LayerReader(GDALDataset& dataset, const char* layerName, bool required = true)
      : m_name(layerName), m_layer(dataset.GetLayerByName(layerName)) {
    if (!m_layer && required) throw ReadError{std::string("layer '") + layerName + "' is missing"};
  }
  bool exists() const { return m_layer != nullptr; }

  int fieldIndex(const char* field, bool required = true) const {
    const int index = m_layer->GetLayerDefn()->GetFieldIndex(field);
    if (index < 0 && required) {
      throw ReadError{"layer '" + m_name + "' has no field '" + field + "'"};
    }
    return index;
  }

  void forEach(const std::function<void(const OGRFeature&)>& visit) {
    m_layer->ResetReading();
    for (const auto& feature : *m_layer) visit(*feature);
  }

private:
  std::string m_name;
  OGRLayer* m_layer;
};

std::string text(const OGRFeature& feature, int index) {
  if (index < 0 || !feature.IsFieldSetAndNotNull(index)) return {};
  return feature.GetFieldAsString(index);
}

std::vector<std::string> splitCommaList(const std::string& list) {
  std::vector<std::string> out;
  std::stringstream stream(list);
  std::string item;
  while (std::getline(stream, item, ',')) {
    if (!item.empty()) out.push_back(item);
  }
  return out;
}

BaseMapData readAll(GDALDataset& dataset) {
  BaseMapData data;

  LayerReader countries(dataset, "countries");
  {
    const int name = countries.fieldIndex("name");
    const int nameFr = countries.fieldIndex("name_fr");
    const int iso = countries.fieldIndex("iso_a3");
    countries.forEach([&](const OGRFeature& f) {
      data.countries.push_back({text(f, name), text(f, nameFr), text(f, iso), toMultiPolygon(f.GetGeometryRef())});
    });
  }

  LayerReader regions(dataset, "regions");
  {
    const int name = regions.fieldIndex("name");
    const int iso = regions.fieldIndex("iso_code");
    const int kind = regions.fieldIndex("kind");
    const int labelLon = regions.fieldIndex("label_lon");
    const int labelLat = regions.fieldIndex("label_lat");
    regions.forEach([&](const OGRFeature& f) {
      data.regions.push_back({text(f, name),
                              text(f, iso),
                              text(f, kind),
                              {f.GetFieldAsDouble(labelLon), f.GetFieldAsDouble(labelLat)},
                              toMultiPolygon(f.GetGeometryRef())});
    });
  }

  LayerReader cercles(dataset, "cercles");
  {
    const int name = cercles.fieldIndex("name");
    const int region = cercles.fieldIndex("region");
    cercles.forEach([&](const OGRFeature& f) {
      data.cercles.push_back({text(f, name), text(f, region), toMultiPolygon(f.GetGeometryRef())});
    });
  }

  LayerReader rivers(dataset, "rivers");
  {
    const int name = rivers.fieldIndex("name");
    const int rank = rivers.fieldIndex("scalerank");
    rivers.forEach([&](const OGRFeature& f) {
      data.rivers.push_back({text(f, name), f.GetFieldAsInteger(rank), toMultiLineString(f.GetGeometryRef())});
    });
  }

  LayerReader lakes(dataset, "lakes");
  {
    const int name = lakes.fieldIndex("name");
    const int rank = lakes.fieldIndex("scalerank");
    lakes.forEach([&](const OGRFeature& f) {
      data.lakes.push_back({text(f, name), f.GetFieldAsInteger(rank), toMultiPolygon(f.GetGeometryRef())});
    });
  }

  LayerReader places(dataset, "places");
  {
    const int id = places.fieldIndex("geonameid");
    const int name = places.fieldIndex("name");
    const int ascii = places.fieldIndex("asciiname");
    const int alternates = places.fieldIndex("alternatenames");
    const int code = places.fieldIndex("feature_code");
    const int population = places.fieldIndex("population");
    const int region = places.fieldIndex("region");
    const int cercle = places.fieldIndex("cercle");
    const int interest = places.fieldIndex("of_interest", false);
    places.forEach([&](const OGRFeature& f) {
      const OGRGeometry* geometry = f.GetGeometryRef();
      if (!geometry || wkbFlatten(geometry->getGeometryType()) != wkbPoint) return;
      const OGRPoint* point = geometry->toPoint();
      Place place;
      place.geonameId = f.GetFieldAsInteger64(id);
      place.name = text(f, name);
      place.asciiName = text(f, ascii);
      place.alternateNames = splitCommaList(text(f, alternates));
      place.longitude = point->getX();
      place.latitude = point->getY();
      place.featureCode = text(f, code);
      place.population = f.GetFieldAsInteger64(population);
      place.region = text(f, region);
      place.cercle = text(f, cercle);
      place.interestRank = interest >= 0 ? f.GetFieldAsInteger(interest) : 0;
      data.places.push_back(std::move(place));
    });
  }

  LayerReader attribution(dataset, "attribution", false);
  if (attribution.exists()) {
    const int layer = attribution.fieldIndex("layer");
    const int source = attribution.fieldIndex("source");
    const int version = attribution.fieldIndex("version");
    const int licence = attribution.fieldIndex("licence");
    const int textField = attribution.fieldIndex("attribution");
    attribution.forEach([&](const OGRFeature& f) {
      data.attributions.push_back(
          {text(f, layer), text(f, source), text(f, version), text(f, licence), text(f, textField)});
    });
  }
  return data;
}

} // namespace

std::optional<BaseMapData> readBaseMap(const std::string& path, std::string* error) {
  GdalErrorCollector errors;
  const char* const drivers[] = {"GPKG", nullptr};
  GDALDatasetUniquePtr dataset(
      GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, drivers, nullptr, nullptr));
  if (!dataset) {
    if (error) {
      *error = path + ": cannot open as a GeoPackage";
      if (!errors.messages().empty()) *error += " (" + errors.summary() + ")";
    }
    return std::nullopt;
  }
  try {
    return readAll(*dataset);
  } catch (const ReadError& e) {
    if (error) *error = path + ": " + e.message;
    return std::nullopt;
  }
}

} // namespace sv
