// sv_generate: writes the synthetic incidents of synthetic.h over the Sahel as
// the files a user brings, for comparisons where both tools read the same
// data: an ACLED-layout CSV (the 31 columns of ACLED's current exports) and a
// GeoPackage point layer with the same fields and a date-time event_date.
//
//   sv_generate --count N [--seed S] [--csv FILE] [--gpkg FILE]
//
// Incidents are generated and written one at a time, so 2.5 million take no
// more memory than one.
#include "bench/synthetic.h"
#include "io/csv.h"
#include "io/gdalsupport.h"

#include <gdal_priv.h>
#include <ogr_spatialref.h>
#include <ogrsf_frmts.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

namespace sv {
namespace {

// ACLED's current column order.
const std::vector<std::string> kColumns = {
    "event_id_cnty", "event_date",     "year",     "time_precision", "disorder_type",
    "event_type",    "sub_event_type", "actor1",   "assoc_actor_1",  "inter1",
    "actor2",        "assoc_actor_2",  "inter2",   "interaction",    "civilian_targeting",
    "iso",           "region",         "country",  "admin1",         "admin2",
    "admin3",        "location",       "latitude", "longitude",      "geo_precision",
    "source",        "source_scale",   "notes",    "fatalities",     "tags",
    "timestamp"};

const char* isoNumber(const char* code) {
  if (std::strcmp(code, "BFA") == 0) return "854";
  if (std::strcmp(code, "NER") == 0) return "562";
  return "466";
}

std::string joined(const std::vector<std::string>& names) {
  std::string text;
  for (const std::string& name : names) text += (text.empty() ? "" : "; ") + name;
  return text;
}

// One incident as ACLED gives it: a single date (the first day of the span,
// precision 1 day, 2 week, 3 month or more), geo precision 1 to 3, fatalities
// as a number (ACLED has no "not reported": 0), notes of realistic length.
std::vector<std::string> acledFields(const Incident& incident, const test::SyntheticGenerator& generator,
                                     std::size_t number) {
  const CivilDate date = civilFromDay(incident.start);
  const int timePrecision = incident.datePrecision == DatePrecision::Day    ? 1
                            : incident.datePrecision == DatePrecision::Week ? 2
                                                                            : 3;
  const int geoPrecision = incident.locationPrecision == LocationPrecision::Exact  ? 1
                           : incident.locationPrecision == LocationPrecision::Near ? 2
                                                                                   : 3;
  const bool violent = incident.type != EventType::Protests && incident.type != EventType::Riots &&
                       incident.type != EventType::StrategicDevelopments;
  char coordinate[32];
  std::string notes = "On " + formatIsoDate(incident.start) + ", " + incident.summary +
                      " Local sources said \"armed men\" came on motorbikes, and several houses were burnt; "
                      "the toll could not be confirmed independently.";
  std::vector<std::string> f;
  f.reserve(kColumns.size());
  f.push_back(std::string(generator.countryCode()) + std::to_string(number));
  f.push_back(formatIsoDate(incident.start));
  f.push_back(std::to_string(date.year));
  f.push_back(std::to_string(timePrecision));
  f.push_back(violent ? "Political violence" : "Demonstrations");
  f.push_back(std::string(eventTypeName(incident.type)));
  f.push_back(std::string(subEventTypeName(incident.subType)));
  f.push_back(incident.actors.primary.empty() ? "" : incident.actors.primary.front());
  f.push_back(joined(incident.actors.associated));
  f.push_back("Rebel group");
  f.push_back(incident.actors.secondary.empty() ? "" : incident.actors.secondary.front());
  f.push_back("");
  f.push_back(incident.actors.secondary.empty() ? "" : "Civilians");
  f.push_back(incident.actors.secondary.empty() ? "Rebel group only" : "Rebel group-Civilians");
  f.push_back(incident.civilianTargeting ? "Civilian targeting" : "");
  f.push_back(isoNumber(generator.countryCode()));
  f.push_back("Western Africa");
  f.push_back(generator.countryName());
  f.push_back(incident.region);
  f.push_back(incident.cercle);
  f.push_back("");
  f.push_back(incident.place);
  std::snprintf(coordinate, sizeof coordinate, "%.4f", incident.latitude);
  f.push_back(coordinate);
  std::snprintf(coordinate, sizeof coordinate, "%.4f", incident.longitude);
  f.push_back(coordinate);
  f.push_back(std::to_string(geoPrecision));
  f.push_back(incident.sources.empty() ? "" : incident.sources.front().publisher);
  f.push_back("National-International");
  f.push_back(std::move(notes));
  f.push_back(std::to_string(incident.fatalities.best()));
  f.push_back("");
  f.push_back(std::to_string(1700000000 + number));
  return f;
}

int usage() {
  std::cerr << "usage: sv_generate --count N [--seed S] [--csv FILE] [--gpkg FILE]\n";
  return 2;
}

} // namespace
} // namespace sv

int main(int argc, char** argv) {
  using namespace sv;
  test::SyntheticOptions options;
  options.sahel = true;
  options.count = 0;
  std::string csvPath, gpkgPath;
  for (int a = 1; a + 1 < argc; a += 2) {
    const std::string option = argv[a];
    const std::string value = argv[a + 1];
    if (option == "--count")
      options.count = std::strtoull(value.c_str(), nullptr, 10);
    else if (option == "--seed")
      options.seed = std::strtoull(value.c_str(), nullptr, 10);
    else if (option == "--csv")
      csvPath = value;
    else if (option == "--gpkg")
      gpkgPath = value;
    else
      return usage();
  }
  if (argc % 2 == 0 || options.count == 0 || (csvPath.empty() && gpkgPath.empty())) return usage();

  registerGdalDrivers();
  std::ofstream csv;
  if (!csvPath.empty()) {
    csv.open(csvPath, std::ios::binary | std::ios::trunc);
    if (!csv) {
      std::cerr << csvPath << ": cannot write\n";
      return 1;
    }
    std::string header;
    for (const std::string& column : kColumns) header += (header.empty() ? "" : ",") + column;
    csv << header << "\n";
  }

  GDALDatasetUniquePtr gpkg;
  OGRLayer* layer = nullptr;
  if (!gpkgPath.empty()) {
    std::remove(gpkgPath.c_str());
    GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("GPKG");
    gpkg.reset(driver ? driver->Create(gpkgPath.c_str(), 0, 0, 0, GDT_Unknown, nullptr) : nullptr);
    if (!gpkg) {
      std::cerr << gpkgPath << ": cannot create (" << CPLGetLastErrorMsg() << ")\n";
      return 1;
    }
    OGRSpatialReference wgs84;
    wgs84.importFromEPSG(4326);
    wgs84.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    layer = gpkg->CreateLayer("incidents", &wgs84, wkbPoint, nullptr);
    if (!layer) {
      std::cerr << gpkgPath << ": cannot create the layer (" << CPLGetLastErrorMsg() << ")\n";
      return 1;
    }
    for (const std::string& column : kColumns) {
      OGRFieldType type = OFTString;
      if (column == "event_date") type = OFTDateTime;
      if (column == "year" || column == "time_precision" || column == "geo_precision" || column == "fatalities" ||
          column == "iso" || column == "inter1" || column == "inter2")
        type = OFTInteger;
      if (column == "latitude" || column == "longitude") type = OFTReal;
      if (column == "timestamp") type = OFTInteger64;
      OGRFieldDefn field(column.c_str(), type);
      if (column == "inter1" || column == "inter2") field.SetType(OFTString);
      layer->CreateField(&field);
    }
    gpkg->StartTransaction();
  }

  test::SyntheticGenerator generator(options);
  constexpr std::size_t kBatch = 100000;
  for (std::size_t n = 1; n <= options.count; ++n) {
    const Incident incident = generator.next();
    const std::vector<std::string> fields = acledFields(incident, generator, n);
    if (csv.is_open()) {
      std::string line;
      for (std::size_t c = 0; c < fields.size(); ++c) {
        if (c) line += ',';
        line += csvField(fields[c]);
      }
      line += '\n';
      csv.write(line.data(), static_cast<std::streamsize>(line.size()));
    }
    if (layer) {
      OGRFeature feature(layer->GetLayerDefn());
      for (std::size_t c = 0; c < fields.size(); ++c) {
        if (kColumns[c] == "event_date") {
          const CivilDate date = civilFromDay(incident.start);
          feature.SetField(static_cast<int>(c), date.year, date.month, date.day, 0, 0, 0.0f, 0);
        } else if (!fields[c].empty()) {
          feature.SetField(static_cast<int>(c), fields[c].c_str());
        }
      }
      feature.SetGeometryDirectly(new OGRPoint(incident.longitude, incident.latitude));
      if (layer->CreateFeature(&feature) != OGRERR_NONE) {
        std::cerr << gpkgPath << ": cannot write feature " << n << " (" << CPLGetLastErrorMsg() << ")\n";
        return 1;
      }
      if (n % kBatch == 0) {
        gpkg->CommitTransaction();
        gpkg->StartTransaction();
      }
    }
  }
  if (gpkg) {
    gpkg->CommitTransaction();
    gpkg.reset();
  }
  if (csv.is_open()) {
    csv.close();
    if (!csv) {
      std::cerr << csvPath << ": writing failed\n";
      return 1;
    }
  }
  std::cout << "wrote " << options.count << " incidents";
  if (!csvPath.empty()) std::cout << " to " << csvPath;
  if (!gpkgPath.empty()) std::cout << (csvPath.empty() ? " to " : " and ") << gpkgPath;
  std::cout << "\n";
  return 0;
}
