// Importing a one-million-row ACLED export, against GDAL's own CSV driver
// reading the same file in the same run.
#include "io/importer.h"

#include <benchmark/benchmark.h>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>

namespace sv {
namespace {

constexpr std::size_t kRows = 1'000'000;

// A file in the current ACLED layout (31 columns), with notes of realistic
// length, some quoted with commas and line breaks. Written once per run.
// tests/bench/compare names its own file in SV_COMPARE_CSV, read by both.
const std::string& acledMillionFile() {
  static const std::string path = []() -> std::string {
    if (const char* chosen = std::getenv("SV_COMPARE_CSV"); chosen && *chosen) return chosen;
    const std::string file = (std::filesystem::temp_directory_path() / "sv-bench-acled-1m.csv").string();
    std::ofstream out(file, std::ios::binary);
    out << "event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,assoc_actor_1,"
           "inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,iso,region,country,admin1,admin2,admin3,"
           "location,latitude,longitude,geo_precision,source,source_scale,notes,fatalities,tags,timestamp\n";
    std::mt19937 engine(7);
    const auto random = [&engine] { return static_cast<unsigned>(engine()); };
    const char* months[] = {"January", "February", "March",     "April",   "May",      "June",
                            "July",    "August",   "September", "October", "November", "December"};
    const char* types[][2] = {{"Battles", "Armed clash"},
                              {"Violence against civilians", "Attack"},
                              {"Explosions/Remote violence", "Remote explosive/landmine/IED"},
                              {"Protests", "Peaceful protest"},
                              {"Strategic developments", "Looting/property destruction"}};
    const char* places[][3] = {{"Segou", "Niono", "Farabougou"},
                               {"Mopti", "Bandiagara", "Bandiagara"},
                               {"Timbuktu", "Niafunke", "Lere"},
                               {"Kayes", "Kayes", "Kayes"},
                               {"Sikasso", "Kadiolo", "Loulouni"}};
    for (std::size_t i = 0; i < kRows; ++i) {
      const auto& type = types[random() % 5];
      const auto& place = places[random() % 5];
      const int year = 2012 + static_cast<int>(random() % 14);
      char line[1024];
      const int n = std::snprintf(
          line, sizeof line,
          "MLI%zu,%d %s %d,%d,%u,Political violence,%s,%s,Military Forces of Mali (2021-),Dozo Militia; Wagner Group,"
          "State forces,JNIM: Group for Support of Islam and Muslims,,Rebel group,State forces-Rebel group,,466,"
          "Western Africa,Mali,%s,%s,,%s,%.4f,%.4f,%u,Le Monde; Reuters; Studio Tamani,National-International,"
          "\"On %d %s %d, armed men attacked the village of %s, in the %s cercle; residents said the \"\"siege\"\" "
          "continued.\nLocal sources reported casualties, and several houses were burnt, according to a local "
          "partner.\",%u,,%u\n",
          i + 1, 1 + static_cast<int>(random() % 28), months[random() % 12], year, year, 1 + random() % 3, type[0],
          type[1], place[0], place[1], place[2], 10.0 + (random() % 100000) / 10000.0,
          -12.0 + (random() % 160000) / 10000.0, 1 + random() % 3, 1 + static_cast<int>(random() % 28),
          months[random() % 12], year, place[2], place[1], random() % 40, 1700000000u + static_cast<unsigned>(i));
      out.write(line, n);
    }
    return file;
  }();
  return path;
}

void BM_ImportAcledCsv_1M(benchmark::State& state) {
  const std::string& file = acledMillionFile();
  std::size_t accepted = 0;
  for (auto _ : state) {
    const auto result = importIncidents(file);
    accepted = result.incidents.size();
    benchmark::DoNotOptimize(accepted);
  }
  state.counters["incidents"] = static_cast<double>(accepted);
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) *
                          static_cast<std::int64_t>(std::filesystem::file_size(file)));
}
BENCHMARK(BM_ImportAcledCsv_1M)->Unit(benchmark::kMillisecond)->Iterations(2);

// The peer: GDAL's CSV driver reading every feature and every field of the same file.
void BM_GdalCsvDriverRead_1M(benchmark::State& state) {
  const std::string& file = acledMillionFile();
  std::size_t features = 0;
  for (auto _ : state) {
    const char* const drivers[] = {"CSV", nullptr};
    GDALDatasetUniquePtr dataset(
        GDALDataset::Open(file.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, drivers, nullptr, nullptr));
    features = 0;
    std::size_t characters = 0;
    for (auto&& feature : dataset->GetLayer(0)) {
      for (int f = 0; f < feature->GetFieldCount(); ++f) characters += std::strlen(feature->GetFieldAsString(f));
      ++features;
    }
    benchmark::DoNotOptimize(characters);
  }
  state.counters["incidents"] = static_cast<double>(features);
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) *
                          static_cast<std::int64_t>(std::filesystem::file_size(file)));
}
BENCHMARK(BM_GdalCsvDriverRead_1M)->Unit(benchmark::kMillisecond)->Iterations(2);

} // namespace
} // namespace sv
