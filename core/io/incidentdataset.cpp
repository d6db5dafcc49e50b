#include "io/incidentdataset.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <unordered_map>

namespace sv {

namespace {

// Reading uses nlohmann::json (objects in std::map: O(log n) per key, also
// for hostile files with huge objects); writing keeps the format's key order.
using Json = nlohmann::json;
using OrderedJson = nlohmann::ordered_json;

constexpr const char* kFormatName = "situation-viewer-incidents";
constexpr int kFormatVersion = 2;

// Where each feature object of the top-level "features" array starts, as a
// 1-based line number: nlohmann's DOM keeps no positions, so one light pass
// over the text finds them.
std::vector<std::size_t> featureLines(const std::string& text) {
  std::vector<std::size_t> lines;
  std::size_t line = 1;
  int depth = 0;
  int featuresDepth = -1;    // depth of the features array's items, once entered
  bool awaitingItem = false; // inside the features array, before an item
  std::string lastString;
  bool inString = false;
  std::string current;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '\n') ++line;
    if (inString) {
      if (c == '\\') {
        if (i + 1 < text.size()) {
          if (text[i + 1] == '\n') ++line;
          current += text[++i];
        }
      } else if (c == '"') {
        inString = false;
        lastString = current;
      } else {
        current += c;
      }
      continue;
    }
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n') continue;
    const bool itemLevel = featuresDepth >= 0 && depth == featuresDepth;
    if (itemLevel && awaitingItem && c != ']' && c != ',') {
      lines.push_back(line); // an item starts here, whatever kind of value it is
      awaitingItem = false;
    }
    switch (c) {
      case '"':
        inString = true;
        current.clear();
        break;
      case '{': ++depth; break;
      case '[':
        if (depth == 1 && lastString == "features" && featuresDepth == -1) {
          featuresDepth = depth + 1;
          awaitingItem = true;
        }
        ++depth;
        break;
      case '}':
      case ']':
        --depth;
        if (featuresDepth >= 0 && depth < featuresDepth - 1) featuresDepth = -2; // left the array
        break;
      case ',':
        if (itemLevel) awaitingItem = true;
        break;
      default: break;
    }
  }
  return lines;
}

std::pair<std::size_t, std::size_t> lineAndColumn(const std::string& text, std::size_t byte) {
  std::size_t line = 1, column = 1;
  for (std::size_t i = 0; i < byte && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++line;
      column = 1;
    } else {
      ++column;
    }
  }
  return {line, column};
}

struct FieldError {
  std::string field;
  std::string reason;
};

const char* typeName(const Json& value) { return value.type_name(); }

std::string requireString(const Json& object, const char* key, bool required = true) {
  auto it = object.find(key);
  if (it == object.end() || it->is_null()) {
    if (required) throw FieldError{key, "missing"};
    return {};
  }
  if (!it->is_string()) throw FieldError{key, std::string("expected a string, found ") + typeName(*it)};
  return it->get<std::string>();
}

DayNumber requireDate(const Json& object, const char* key) {
  const std::string text = requireString(object, key);
  auto day = parseIsoDate(text);
  if (!day) throw FieldError{key, "'" + text + "' is not a date in the form YYYY-MM-DD"};
  return *day;
}

std::vector<std::string> stringList(const Json& object, const char* key, const std::string& fieldName) {
  std::vector<std::string> result;
  auto it = object.find(key);
  if (it == object.end() || it->is_null()) return result;
  if (!it->is_array()) throw FieldError{fieldName, "expected an array of strings"};
  for (const Json& item : *it) {
    if (!item.is_string()) throw FieldError{fieldName, "expected an array of strings"};
    if (!item.get_ref<const std::string&>().empty()) result.push_back(item.get<std::string>());
  }
  return result;
}

std::optional<std::int32_t> optionalCount(const Json& object, const char* key, const std::string& fieldName) {
  auto it = object.find(key);
  if (it == object.end() || it->is_null()) return std::nullopt;
  if (!it->is_number_integer() || it->get<std::int64_t>() < 0 || it->get<std::int64_t>() > 100000000)
    throw FieldError{fieldName, "expected a whole number of at least 0 or null"};
  return static_cast<std::int32_t>(it->get<std::int64_t>());
}

Point2 parsePosition(const Json& position, const std::string& field) {
  if (!position.is_array() || position.size() < 2 || !position[0].is_number() || !position[1].is_number())
    throw FieldError{field, "expected [longitude, latitude]"};
  const Point2 p{position[0].get<double>(), position[1].get<double>()};
  if (!std::isfinite(p.x) || p.x < -180 || p.x > 180) throw FieldError{field, "longitude out of range"};
  if (!std::isfinite(p.y) || p.y < -90 || p.y > 90) throw FieldError{field, "latitude out of range"};
  return p;
}

// An array of positions: a line string (two or more) or a ring (closed, four or more).
LineString parsePositions(const Json& positions, const std::string& field, bool ring) {
  if (!positions.is_array()) throw FieldError{field, "expected an array of positions"};
  LineString line;
  line.reserve(positions.size());
  for (std::size_t k = 0; k < positions.size(); ++k)
    line.push_back(parsePosition(positions[k], field + "[" + std::to_string(k) + "]"));
  if (ring && (line.size() < 4 || !(line.front() == line.back())))
    throw FieldError{field, "a ring needs four or more positions, the last repeating the first"};
  if (!ring && line.size() < 2) throw FieldError{field, "a line needs two or more positions"};
  return line;
}

// Point, LineString, MultiLineString, Polygon, MultiPolygon, or null for an
// incident placed nowhere drawable.
void parseGeometry(const Json& geometry, Incident& incident) {
  if (geometry.is_null()) {
    incident.shape = PlaceShape::Unplaced;
    return;
  }
  if (!geometry.is_object()) throw FieldError{"geometry", "expected an object or null"};
  const std::string type = requireString(geometry, "type");
  auto coordinates = geometry.find("coordinates");
  const std::string field = "geometry.coordinates";
  if (coordinates == geometry.end() || coordinates->is_null()) throw FieldError{field, "missing"};
  const Json& c = *coordinates;
  auto arrayOf = [&](const Json& value, const std::string& at) -> const Json& {
    if (!value.is_array() || value.empty()) throw FieldError{at, "expected a non-empty array"};
    return value;
  };
  if (type == "Point") {
    const Point2 p = parsePosition(c, field);
    incident.longitude = p.x;
    incident.latitude = p.y;
    return;
  }
  if (type == "LineString") {
    incident.shape = PlaceShape::Line;
    incident.shapeParts.push_back(parsePositions(c, field, false));
  } else if (type == "MultiLineString") {
    incident.shape = PlaceShape::Line;
    for (std::size_t k = 0; k < arrayOf(c, field).size(); ++k)
      incident.shapeParts.push_back(parsePositions(c[k], field + "[" + std::to_string(k) + "]", false));
  } else if (type == "Polygon" || type == "MultiPolygon") {
    incident.shape = PlaceShape::Area;
    auto polygon = [&](const Json& rings, const std::string& at) {
      std::vector<LineString> parsed;
      for (std::size_t r = 0; r < arrayOf(rings, at).size(); ++r)
        parsed.push_back(parsePositions(rings[r], at + "[" + std::to_string(r) + "]", true));
      appendPolygon(incident.shapeParts, std::move(parsed));
    };
    if (type == "Polygon")
      polygon(c, field);
    else
      for (std::size_t k = 0; k < arrayOf(c, field).size(); ++k) polygon(c[k], field + "[" + std::to_string(k) + "]");
  } else {
    throw FieldError{"geometry",
                     "expected a Point, LineString, MultiLineString, Polygon, MultiPolygon or null, found " + type};
  }
  placeAtRepresentativePoint(incident);
}

Incident parseFeature(const Json& feature) {
  if (!feature.is_object()) throw FieldError{"feature", "expected an object"};
  auto propertiesIt = feature.find("properties");
  if (propertiesIt == feature.end() || !propertiesIt->is_object()) throw FieldError{"properties", "missing"};
  const Json& p = *propertiesIt;

  Incident incident;
  incident.id = requireString(p, "id");
  if (incident.id.empty()) throw FieldError{"id", "empty"};

  auto geometryIt = feature.find("geometry");
  if (geometryIt == feature.end()) throw FieldError{"geometry", "missing"};
  parseGeometry(*geometryIt, incident);

  incident.start = requireDate(p, "start");
  incident.end = p.contains("end") && !p["end"].is_null() ? requireDate(p, "end") : incident.start;
  if (incident.end < incident.start) throw FieldError{"end", "is before start"};
  const std::string datePrecision = requireString(p, "date_precision");
  auto dp = datePrecisionFromName(datePrecision);
  if (!dp) throw FieldError{"date_precision", "'" + datePrecision + "' is not one of day, week, month, year"};
  incident.datePrecision = *dp;

  incident.place = requireString(p, "place", false);
  if (auto it = p.find("place_geonameid"); it != p.end() && !it->is_null()) {
    if (!it->is_number_integer() || it->get<std::int64_t>() <= 0)
      throw FieldError{"place_geonameid", "expected a positive whole number or null"};
    incident.geonameId = it->get<std::int64_t>();
  }
  const std::string locationPrecision = requireString(p, "location_precision");
  auto lp = locationPrecisionFromName(locationPrecision);
  if (!lp)
    throw FieldError{"location_precision",
                     "'" + locationPrecision + "' is not one of exact, near, cercle, region, country, route"};
  incident.locationPrecision = *lp;
  if (incident.shape == PlaceShape::Unplaced && *lp != LocationPrecision::Region && *lp != LocationPrecision::Country)
    throw FieldError{"geometry", "null is only for region or country precision"};
  if (*lp == LocationPrecision::Route && incident.shape != PlaceShape::Line)
    throw FieldError{"location_precision", "'route' is only for a LineString or MultiLineString"};
  incident.locationNote = requireString(p, "location_note", false);
  incident.region = requireString(p, "region", false);
  incident.cercle = requireString(p, "cercle", false);

  const std::string type = requireString(p, "event_type");
  auto eventType = eventTypeFromName(type);
  if (!eventType) throw FieldError{"event_type", "'" + type + "' is not an ACLED event type"};
  incident.type = *eventType;
  const std::string subType = requireString(p, "sub_event_type", false);
  if (!subType.empty()) {
    auto sub = subEventTypeFromName(subType);
    if (!sub) throw FieldError{"sub_event_type", "'" + subType + "' is not an ACLED sub-event type"};
    if (parentType(*sub) != incident.type)
      throw FieldError{"sub_event_type", "'" + subType + "' is not a kind of '" + type + "'"};
    incident.subType = *sub;
  }

  if (auto it = p.find("actors"); it != p.end() && !it->is_null()) {
    if (!it->is_object()) throw FieldError{"actors", "expected an object"};
    incident.actors.primary = stringList(*it, "primary", "actors.primary");
    incident.actors.secondary = stringList(*it, "secondary", "actors.secondary");
    incident.actors.associated = stringList(*it, "associated", "actors.associated");
  }

  if (auto it = p.find("fatalities"); it != p.end() && !it->is_null()) {
    if (!it->is_object()) throw FieldError{"fatalities", "expected an object"};
    auto reported = it->find("reported");
    if (reported == it->end() || !reported->is_boolean())
      throw FieldError{"fatalities.reported", "expected true or false"};
    incident.fatalities.reported = reported->get<bool>();
    incident.fatalities.low = optionalCount(*it, "low", "fatalities.low");
    incident.fatalities.high = optionalCount(*it, "high", "fatalities.high");
    incident.fatalities.estimate = optionalCount(*it, "estimate", "fatalities.estimate");
    if (!incident.fatalities.reported &&
        (incident.fatalities.low || incident.fatalities.high || incident.fatalities.estimate))
      throw FieldError{"fatalities", "figures given while reported is false"};
    if (incident.fatalities.low && incident.fatalities.high && *incident.fatalities.low > *incident.fatalities.high)
      throw FieldError{"fatalities", "low is above high"};
  }

  if (auto it = p.find("civilian_targeting"); it != p.end() && !it->is_null()) {
    if (!it->is_boolean()) throw FieldError{"civilian_targeting", "expected true or false"};
    incident.civilianTargeting = it->get<bool>();
  }
  incident.summary = requireString(p, "summary", false);

  auto sourcesIt = p.find("sources");
  if (sourcesIt != p.end() && !sourcesIt->is_null()) {
    if (!sourcesIt->is_array()) throw FieldError{"sources", "expected an array"};
    for (std::size_t k = 0; k < sourcesIt->size(); ++k) {
      const Json& s = (*sourcesIt)[k];
      const std::string prefix = "sources[" + std::to_string(k) + "]";
      if (!s.is_object()) throw FieldError{prefix, "expected an object"};
      try {
        Source source;
        source.document = requireString(s, "document", false);
        source.title = requireString(s, "title", false);
        source.publisher = requireString(s, "publisher", false);
        source.date = requireString(s, "date", false);
        source.url = requireString(s, "url", false);
        source.passage = requireString(s, "passage", false);
        if (source.title.empty() && source.document.empty() && source.publisher.empty())
          throw FieldError{"title", "a source needs a title, a document or a publisher"};
        incident.sources.push_back(std::move(source));
      } catch (const FieldError& error) {
        throw FieldError{prefix + "." + error.field, error.reason};
      }
    }
  }
  incident.partOf = requireString(p, "part_of", false);
  if (incident.partOf == incident.id) throw FieldError{"part_of", "an incident cannot be a part of itself"};
  return incident;
}

OrderedJson sourceJson(const Source& source) {
  OrderedJson s = OrderedJson::object();
  s["document"] = source.document;
  s["title"] = source.title;
  s["publisher"] = source.publisher;
  s["date"] = source.date;
  s["url"] = source.url;
  s["passage"] = source.passage;
  return s;
}

OrderedJson positionsJson(const LineString& line) {
  OrderedJson positions = OrderedJson::array();
  for (const Point2& p : line) positions.push_back({p.x, p.y});
  return positions;
}

OrderedJson geometryJson(const Incident& incident) {
  switch (incident.shape) {
    case PlaceShape::Unplaced: return nullptr;
    case PlaceShape::Line: {
      if (incident.shapeParts.size() == 1)
        return {{"type", "LineString"}, {"coordinates", positionsJson(incident.shapeParts.front())}};
      OrderedJson parts = OrderedJson::array();
      for (const LineString& part : incident.shapeParts) parts.push_back(positionsJson(part));
      return {{"type", "MultiLineString"}, {"coordinates", std::move(parts)}};
    }
    case PlaceShape::Area: {
      const auto polygons = polygonsOfRings(incident.shapeParts);
      auto ringsJson = [](const std::vector<const LineString*>& rings) {
        OrderedJson result = OrderedJson::array();
        for (const LineString* ring : rings) {
          LineString closed = *ring;
          if (!closed.empty() && !(closed.front() == closed.back())) closed.push_back(closed.front());
          result.push_back(positionsJson(closed));
        }
        return result;
      };
      if (polygons.size() == 1) return {{"type", "Polygon"}, {"coordinates", ringsJson(polygons.front())}};
      OrderedJson all = OrderedJson::array();
      for (const auto& polygon : polygons) all.push_back(ringsJson(polygon));
      return {{"type", "MultiPolygon"}, {"coordinates", std::move(all)}};
    }
    case PlaceShape::Point: break;
  }
  return {{"type", "Point"}, {"coordinates", {incident.longitude, incident.latitude}}};
}

OrderedJson featureJson(const Incident& incident) {
  OrderedJson feature = OrderedJson::object();
  feature["type"] = "Feature";
  feature["id"] = incident.id;
  feature["geometry"] = geometryJson(incident);
  OrderedJson p = OrderedJson::object();
  p["id"] = incident.id;
  p["start"] = formatIsoDate(incident.start);
  p["end"] = formatIsoDate(incident.end);
  p["date_precision"] = std::string(datePrecisionName(incident.datePrecision));
  p["place"] = incident.place;
  p["place_geonameid"] = incident.geonameId ? OrderedJson(*incident.geonameId) : OrderedJson(nullptr);
  p["location_precision"] = std::string(locationPrecisionName(incident.locationPrecision));
  p["location_note"] = incident.locationNote;
  p["region"] = incident.region;
  p["cercle"] = incident.cercle;
  p["event_type"] = std::string(eventTypeName(incident.type));
  p["sub_event_type"] = std::string(subEventTypeName(incident.subType));
  p["actors"] = {{"primary", incident.actors.primary},
                 {"secondary", incident.actors.secondary},
                 {"associated", incident.actors.associated}};
  const Fatalities& f = incident.fatalities;
  p["fatalities"] = {{"reported", f.reported},
                     {"low", f.low ? OrderedJson(*f.low) : OrderedJson(nullptr)},
                     {"high", f.high ? OrderedJson(*f.high) : OrderedJson(nullptr)}};
  if (f.estimate) p["fatalities"]["estimate"] = *f.estimate;
  p["civilian_targeting"] = incident.civilianTargeting;
  p["summary"] = incident.summary;
  OrderedJson sources = OrderedJson::array();
  for (const Source& source : incident.sources) sources.push_back(sourceJson(source));
  p["sources"] = std::move(sources);
  p["part_of"] = incident.partOf.empty() ? OrderedJson(nullptr) : OrderedJson(incident.partOf);
  feature["properties"] = std::move(p);
  return feature;
}

} // namespace

IncidentReadResult parseIncidentDataset(const std::string& text, const std::string& name) {
  IncidentReadResult result;
  Json document;
  try {
    document = Json::parse(text);
  } catch (const Json::parse_error& error) {
    const auto [line, column] = lineAndColumn(text, error.byte == 0 ? 0 : error.byte - 1);
    result.error = name + ":" + std::to_string(line) + ":" + std::to_string(column) + ": not valid JSON";
    return result;
  } catch (const Json::exception& error) {
    // Numbers too large for a double, and the like.
    result.error = name + ": cannot be read as JSON (" + error.what() + ")";
    return result;
  }
  const auto isString = [&](const char* key, const char* value) {
    auto it = document.find(key);
    return it != document.end() && it->is_string() && it->get<std::string>() == value;
  };
  if (!document.is_object() || !isString("type", "FeatureCollection")) {
    result.error = name + ": not a GeoJSON FeatureCollection";
    return result;
  }
  if (!isString("format", kFormatName)) {
    result.error = name + ": not a Situation Viewer incident file (\"format\": \"" + kFormatName + "\" is missing)";
    return result;
  }
  auto version = document.find("format_version");
  if (version == document.end() || !version->is_number_integer() || version->get<std::int64_t>() > kFormatVersion ||
      version->get<std::int64_t>() < 1) {
    const std::string shown = version == document.end()      ? std::string("missing")
                              : version->is_number_integer() ? std::to_string(version->get<std::int64_t>())
                                                             : std::string("not a whole number");
    result.error = name + ": format_version " + shown + " is not supported (this viewer reads version " +
                   std::to_string(kFormatVersion) + ")";
    return result;
  }
  auto features = document.find("features");
  if (features == document.end() || !features->is_array()) {
    result.error = name + ": \"features\" is missing or not an array";
    return result;
  }

  if (auto it = document.find("name"); it != document.end() && it->is_string())
    result.info.name = it->get<std::string>();
  if (auto it = document.find("dataset"); it != document.end() && it->is_object()) {
    const auto field = [&](const char* key) {
      auto value = it->find(key);
      return value != it->end() && value->is_string() ? value->get<std::string>() : std::string();
    };
    result.info.title = field("title");
    result.info.description = field("description");
    result.info.compiled = field("compiled");
    result.info.licence = field("licence");
  }

  const std::vector<std::size_t> lines = featureLines(text);
  std::unordered_map<std::string, std::size_t> firstRecordOfId;
  for (std::size_t k = 0; k < features->size(); ++k) {
    const Json& feature = (*features)[k];
    RejectedRecord rejected;
    rejected.record = k + 1;
    rejected.line = k < lines.size() ? lines[k] : 0;
    try {
      Incident incident = parseFeature(feature);
      auto [it, inserted] = firstRecordOfId.emplace(incident.id, k + 1);
      if (!inserted) throw FieldError{"id", "'" + incident.id + "' repeats feature " + std::to_string(it->second)};
      result.incidents.push_back(std::move(incident));
    } catch (const FieldError& error) {
      if (feature.is_object()) {
        auto p = feature.find("properties");
        if (p != feature.end() && p->is_object()) {
          auto id = p->find("id");
          if (id != p->end() && id->is_string()) rejected.id = id->get<std::string>();
        }
      }
      rejected.field = error.field;
      rejected.reason = error.reason;
      result.rejected.push_back(std::move(rejected));
    } catch (const Json::exception& error) {
      rejected.field = "feature";
      rejected.reason = error.what();
      result.rejected.push_back(std::move(rejected));
    }
  }
  result.recordsRead = features->size();
  result.ok = true;
  result.format = "Situation Viewer";
  result.accepted = result.incidents.size();
  return result;
}

IncidentReadResult readIncidentDataset(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    IncidentReadResult result;
    result.error = path + ": cannot open the file";
    return result;
  }
  std::ostringstream buffer;
  buffer << in.rdbuf();
  std::string text = buffer.str();
  if (text.size() >= 3 && text.compare(0, 3, "\xEF\xBB\xBF") == 0) text.erase(0, 3);
  IncidentReadResult result = parseIncidentDataset(text, path);
  if (result.ok && result.info.name.empty()) result.info.name = std::filesystem::path(path).stem().string();
  return result;
}

std::string serializeIncidentFeature(const Incident& incident) { return featureJson(incident).dump(2); }

namespace {

// The dataset as one JSON text, written feature by feature, so that a large
// dataset never exists as a whole document in memory. The text is the same as
// the whole document dumped with an indent of two.
void writeIncidentDatasetText(std::ostream& out, const DatasetInfo& info, const std::vector<Incident>& incidents) {
  OrderedJson head = OrderedJson::object();
  head["type"] = "FeatureCollection";
  head["name"] = info.name;
  head["format"] = kFormatName;
  head["format_version"] = kFormatVersion;
  head["dataset"] = {
      {"title", info.title}, {"description", info.description}, {"compiled", info.compiled}, {"licence", info.licence}};
  std::string text = head.dump(2);
  text.resize(text.size() - 2); // the closing "\n}"
  out << text << ",\n  \"features\": [";
  if (incidents.empty()) {
    out << "]\n}\n";
    return;
  }
  std::string feature;
  for (std::size_t i = 0; i < incidents.size(); ++i) {
    feature = featureJson(incidents[i]).dump(2);
    out << (i == 0 ? "\n    " : ",\n    ");
    // Nested two levels deeper: every line indented by four more spaces
    // (strings hold no raw line breaks; JSON escapes them).
    std::size_t from = 0;
    for (std::size_t at = feature.find('\n'); at != std::string::npos; at = feature.find('\n', from)) {
      out.write(feature.data() + from, static_cast<std::streamsize>(at + 1 - from));
      out << "    ";
      from = at + 1;
    }
    out.write(feature.data() + from, static_cast<std::streamsize>(feature.size() - from));
  }
  out << "\n  ]\n}\n";
}

} // namespace

std::string serializeIncidentDataset(const DatasetInfo& info, const std::vector<Incident>& incidents) {
  std::ostringstream out;
  writeIncidentDatasetText(out, info, incidents);
  return std::move(out).str();
}

bool writeIncidentDataset(const std::string& path, const DatasetInfo& info, const std::vector<Incident>& incidents,
                          std::string* error) {
  const std::string temporary = path + ".partial";
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    if (!out) {
      if (error) *error = path + ": cannot write here";
      return false;
    }
    writeIncidentDatasetText(out, info, incidents);
    out.close();
    if (!out) {
      if (error) *error = path + ": writing failed";
      std::remove(temporary.c_str());
      return false;
    }
  }
  std::error_code code;
  std::filesystem::rename(temporary, path, code);
  if (code) {
    if (error) *error = path + ": " + code.message();
    std::remove(temporary.c_str());
    return false;
  }
  return true;
}

std::string describeRejection(const std::string& path, const RejectedRecord& r, const std::string& recordNoun) {
  std::string text = path;
  if (r.line > 0) text += ":" + std::to_string(r.line);
  text += ": " + recordNoun + " " + std::to_string(r.record);
  if (!r.id.empty()) text += " (" + r.id + ")";
  if (!r.field.empty()) text += ": " + r.field;
  text += ": " + r.reason;
  return text;
}

} // namespace sv
