#include "io/storefile.h"
#include "bench/synthetic.h"
#include "domain/eventstore.h"

#include <gtest/gtest.h>

#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>

namespace sv {

namespace {

namespace fs = std::filesystem;

DayNumber day(int y, int m, int d) { return dayFromCivil({y, m, d}); }

// A folder of its own for each test, removed afterwards.
class StoreFile : public testing::Test {
protected:
  void SetUp() override {
    m_folder = fs::temp_directory_path() /
               (std::string("sv-storefile-") + testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(m_folder);
    fs::create_directories(m_folder);
  }
  void TearDown() override { fs::remove_all(m_folder); }

  std::string path(const std::string& name) const { return (m_folder / name).string(); }

  fs::path m_folder;
};

std::string readBytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void writeBytes(const std::string& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

// Synthetic incidents, and a few written by hand so that every field takes
// values the generator does not give: estimates, no geonameid, associated
// actors, several sources, notes, an actor named twice.
std::vector<Incident> varietyOfIncidents() {
  test::SyntheticOptions options;
  options.count = 5000;
  options.firstDay = day(2018, 1, 1);
  std::vector<Incident> incidents = test::generateSyntheticIncidents(options);

  Incident moura;
  moura.id = "MLI-2022-002";
  moura.start = day(2022, 3, 21);
  moura.end = day(2022, 3, 31);
  moura.datePrecision = DatePrecision::Week;
  moura.place = "Moura";
  moura.geonameId = 2453194;
  moura.longitude = -4.7;
  moura.latitude = 14.1;
  moura.locationNote = "village on the Niger's flood plain";
  moura.region = "Mopti";
  moura.cercle = "Djenné";
  moura.type = EventType::ViolenceAgainstCivilians;
  moura.subType = SubEventType::Attack;
  moura.actors = {{"FAMa", "Wagner Group"}, {"Civilians"}, {"FAMa"}};
  moura.fatalities = Fatalities{true, 300, 500, 350};
  moura.civilianTargeting = true;
  moura.summary = "Summary with UTF-8: é, –, ≥.";
  moura.sources = {{"d1", "t1", "p1", "2022-04-05", "https://example.org", "at least 300"},
                   {"d2", "t2", "p2", "", "", "x"}};
  incidents.push_back(moura);

  Incident unplaced;
  unplaced.id = "UCDP-1";
  unplaced.start = unplaced.end = day(2019, 6, 1);
  unplaced.locationPrecision = LocationPrecision::Country;
  unplaced.type = EventType::Unclassified;
  unplaced.fatalities = Fatalities{true, std::nullopt, std::nullopt, 12};
  incidents.push_back(unplaced);
  return incidents;
}

DatasetInfo sampleInfo() {
  return {"sample", "Sample dataset", "Synthetic incidents\nover two lines.", "2025-11-30", "CC BY 4.0, © someone"};
}

// Every answer the store gives, compared between the built store and the one read back.
void expectSameStore(const EventStore& read, const EventStore& built) {
  ASSERT_EQ(read.size(), built.size());
  EXPECT_EQ(read.firstDay(), built.firstDay());
  EXPECT_EQ(read.lastDay(), built.lastDay());
  EXPECT_EQ(read.maxFatalityFigure(), built.maxFatalityFigure());
  EXPECT_EQ(read.memoryBytes(), built.memoryBytes());
  EXPECT_EQ(read.info().name, built.info().name);
  EXPECT_EQ(read.info().title, built.info().title);
  EXPECT_EQ(read.info().description, built.info().description);
  EXPECT_EQ(read.info().compiled, built.info().compiled);
  EXPECT_EQ(read.info().licence, built.info().licence);
  ASSERT_EQ(read.datasetCount(), built.datasetCount());
  for (std::size_t d = 0; d < built.datasetCount(); ++d) EXPECT_EQ(read.datasetInfo(d).name, built.datasetInfo(d).name);
  EXPECT_EQ(read.datasetSizes(), built.datasetSizes());

  ASSERT_EQ(read.strings().size(), built.strings().size());
  for (std::uint32_t k = 0; k < built.strings().size(); ++k) {
    EXPECT_EQ(read.string(k), built.string(k));
    EXPECT_EQ(read.strings().find(built.string(k)), k);
  }
  EXPECT_FALSE(read.strings().find("no such string"));

  for (EventStore::Index i = 0; i < built.size(); ++i) {
    ASSERT_EQ(read.incident(i), built.incident(i)) << i;
    EXPECT_EQ(read.dataset(i), built.dataset(i));
    EXPECT_EQ(read.placeId(i), built.placeId(i));
    EXPECT_EQ(read.regionId(i), built.regionId(i));
    EXPECT_EQ(read.fatalityFigure(i), built.fatalityFigure(i));
    EXPECT_EQ(read.find(built.id(i)), i);
  }
  EXPECT_FALSE(read.find("no such id"));
  EXPECT_EQ(read.actorFrequencies(), built.actorFrequencies());
  EXPECT_EQ(read.regions(), built.regions());

  std::vector<IncidentFilter> filters(1);
  filters.emplace_back().types =
      IncidentFilter::typeBit(EventType::Battles) | IncidentFilter::typeBit(EventType::Riots);
  filters.emplace_back().subTypes = IncidentFilter::subTypeBit(SubEventType::Attack);
  if (auto actor = built.strings().find("Actor 3")) filters.emplace_back().actors = {*actor};
  filters.emplace_back().minFatalities = 6;
  filters.emplace_back().civilianTargeting = true;
  if (auto region = built.strings().find("Region 2")) filters.emplace_back().region = *region;
  filters.emplace_back().datasets = IncidentFilter::datasetBit(built.datasetCount() - 1);

  const DayNumber first = built.firstDay();
  const DayNumber last = built.lastDay();
  std::vector<std::pair<DayNumber, DayNumber>> ranges = {
      {first, last}, {first - 30, first}, {last, last + 30}, {last + 1, last + 9}};
  for (DayNumber d = first; d <= last; d += 211) ranges.push_back({d, d + d % 60});
  for (const IncidentFilter& filter : filters) {
    for (const auto& [from, to] : ranges) {
      EXPECT_EQ(read.overlapping(from, to, filter), built.overlapping(from, to, filter)) << formatIsoDate(from);
      EXPECT_EQ(read.anyOverlapping(from, to, filter), built.anyOverlapping(from, to, filter));
      EXPECT_EQ(read.nextStart(from, filter), built.nextStart(from, filter));
      EXPECT_EQ(read.previousStart(to, filter), built.previousStart(to, filter));
    }
    for (TimeUnit unit : {TimeUnit::Day, TimeUnit::Week, TimeUnit::Month}) {
      for (const auto& [from, to] :
           {std::pair{first, last}, std::pair{first + 100, first + 400}, std::pair{last - 45, last + 3}}) {
        const Histogram a = read.histogram(from, to, unit, filter);
        const Histogram b = built.histogram(from, to, unit, filter);
        EXPECT_EQ(a.binStarts, b.binStarts);
        EXPECT_EQ(a.counts, b.counts);
      }
    }
    for (std::int64_t geonameId :
         {std::int64_t{90000000}, std::int64_t{90000005}, std::int64_t{2453194}, std::int64_t{12345}})
      EXPECT_EQ(read.atPlace(geonameId, filter), built.atPlace(geonameId, filter));
    for (double radius : {0.0, 1000.0, 25000.0, 150000.0, 3000000.0}) {
      const auto a = read.withinRadius(-4.0, 14.5, radius, filter);
      const auto b = built.withinRadius(-4.0, 14.5, radius, filter);
      ASSERT_EQ(a.size(), b.size()) << radius;
      for (std::size_t k = 0; k < a.size(); ++k) {
        EXPECT_EQ(a[k].index, b[k].index);
        EXPECT_EQ(a[k].distanceMetres, b[k].distanceMetres);
        EXPECT_EQ(a[k].azimuthDegrees, b[k].azimuthDegrees);
      }
    }
  }
}

} // namespace

TEST_F(StoreFile, ReadsBackEveryColumnAndIndex) {
  const auto built = EventStore::build(varietyOfIncidents(), sampleInfo());
  ASSERT_GT(built->atPlace(90000000).size(), 0u);
  const std::string file = path("store.svstore");
  std::string error;
  ASSERT_TRUE(writeStoreFile(file, *built, "size=1;mtime=2", &error)) << error;
  std::string key;
  const auto read = readStoreFile(file, &error, &key);
  ASSERT_TRUE(read) << error;
  EXPECT_EQ(key, "size=1;mtime=2");
  expectSameStore(*read, *built);
  // The file holds the store and little else.
  EXPECT_LT(fs::file_size(file), built->memoryBytes() * 2);
}

TEST_F(StoreFile, ReadsBackTheDatasetsOfACombinedStore) {
  std::vector<Incident> incidents = varietyOfIncidents();
  std::vector<Incident> half(incidents.begin() + static_cast<std::ptrdiff_t>(incidents.size() / 2), incidents.end());
  incidents.resize(incidents.size() / 2);
  DatasetInfo other = sampleInfo();
  other.name = "other";
  const auto built = EventStore::combine(
      {EventStore::build(std::move(incidents), sampleInfo()), EventStore::build(std::move(half), other)});
  ASSERT_TRUE(built);
  ASSERT_EQ(built->datasetCount(), 2u);
  const std::string file = path("combined.svstore");
  std::string error;
  ASSERT_TRUE(writeStoreFile(file, *built, "", &error)) << error;
  const auto read = readStoreFile(file, &error);
  ASSERT_TRUE(read) << error;
  EXPECT_EQ(read->datasetInfo(1).name, "other");
  expectSameStore(*read, *built);
}

TEST_F(StoreFile, ReadsBackAStoreWithoutHistogramPrefixes) {
  // More than 200 years of data: histograms are counted by scanning, with no prefix arrays.
  test::SyntheticOptions options;
  options.count = 300;
  options.firstDay = day(1700, 1, 1);
  options.lastDay = day(2025, 1, 1);
  const auto built = EventStore::build(test::generateSyntheticIncidents(options));
  const std::string file = path("long.svstore");
  std::string error;
  ASSERT_TRUE(writeStoreFile(file, *built, "", &error)) << error;
  const auto read = readStoreFile(file, &error);
  ASSERT_TRUE(read) << error;
  expectSameStore(*read, *built);
}

TEST_F(StoreFile, ReadsBackAnEmptyStore) {
  const auto built = EventStore::build({}, sampleInfo());
  const std::string file = path("empty.svstore");
  ASSERT_TRUE(writeStoreFile(file, *built, "k", nullptr));
  std::string error;
  const auto read = readStoreFile(file, &error);
  ASSERT_TRUE(read) << error;
  EXPECT_TRUE(read->empty());
  EXPECT_EQ(read->info().licence, sampleInfo().licence);
  EXPECT_TRUE(read->overlapping(0, 100000).empty());
  EXPECT_EQ(read->histogram(0, 30, TimeUnit::Week).binCount(), 5u);
  EXPECT_FALSE(read->find(""));
}

TEST_F(StoreFile, KeepsTheKeyAndGivesItCheaply) {
  const auto built = EventStore::build(varietyOfIncidents());
  const std::string file = path("keyed.svstore");
  const std::string key("size=123456789;mtime=1700000000\0bytes\xff", 38); // any bytes, NUL included
  ASSERT_TRUE(writeStoreFile(file, *built, key, nullptr));
  EXPECT_EQ(readStoreFileKey(file), key);
  std::string readKey = "stale";
  ASSERT_TRUE(readStoreFile(file, nullptr, &readKey));
  EXPECT_EQ(readKey, key);

  // Writing again replaces the file and its key, and leaves no temporary file beside it.
  ASSERT_TRUE(writeStoreFile(file, *built, "second", nullptr));
  EXPECT_EQ(readStoreFileKey(file), "second");
  EXPECT_EQ(std::distance(fs::directory_iterator(m_folder), fs::directory_iterator()), 1);

  EXPECT_FALSE(readStoreFileKey(path("missing.svstore")));
}

TEST_F(StoreFile, RejectsTruncatedFiles) {
  const auto built = EventStore::build(varietyOfIncidents(), sampleInfo());
  const std::string whole = path("whole.svstore");
  ASSERT_TRUE(writeStoreFile(whole, *built, "key", nullptr));
  const std::string bytes = readBytes(whole);
  ASSERT_GT(bytes.size(), 10000u);
  const std::string cut = path("cut.svstore");
  for (std::size_t size :
       {std::size_t{0}, std::size_t{4}, std::size_t{8}, std::size_t{20}, std::size_t{36}, std::size_t{39},
        std::size_t{50}, bytes.size() / 3, bytes.size() / 2, bytes.size() - 9, bytes.size() - 1}) {
    writeBytes(cut, bytes.substr(0, size));
    std::string error;
    EXPECT_FALSE(readStoreFile(cut, &error)) << size;
    EXPECT_NE(error.find(cut), std::string::npos) << error;
    EXPECT_NE(error.find("truncated"), std::string::npos) << size << ": " << error;
    EXPECT_FALSE(readStoreFileKey(cut)) << size;
  }
  // Bytes added at the end are found as well.
  writeBytes(cut, bytes + "extra");
  std::string error;
  EXPECT_FALSE(readStoreFile(cut, &error));
  EXPECT_NE(error.find("corrupt"), std::string::npos) << error;
}

TEST_F(StoreFile, RejectsCorruptFiles) {
  const auto built = EventStore::build(varietyOfIncidents(), sampleInfo());
  const std::string whole = path("whole.svstore");
  ASSERT_TRUE(writeStoreFile(whole, *built, "key", nullptr));
  const std::string bytes = readBytes(whole);
  const std::string bad = path("bad.svstore");

  // A changed byte anywhere after the header's fixed fields: the checksum, or a length check before it.
  for (std::size_t offset : {std::size_t{36}, std::size_t{45}, std::size_t{200}, bytes.size() / 4, bytes.size() / 2,
                             bytes.size() - 100, bytes.size() - 8, bytes.size() - 1}) {
    std::string changed = bytes;
    changed[offset] = static_cast<char>(changed[offset] ^ 0x10);
    writeBytes(bad, changed);
    std::string error;
    EXPECT_FALSE(readStoreFile(bad, &error)) << offset;
    EXPECT_NE(error.find(bad + ": corrupt"), std::string::npos) << offset << ": " << error;
  }

  // A length field far beyond the file is refused before anything is allocated.
  std::string huge = bytes;
  const std::uint64_t absurd = std::uint64_t{1} << 60;
  std::memcpy(huge.data() + 36 + 3, &absurd, sizeof absurd); // the dataset name's length, after the key "key"
  writeBytes(bad, huge);
  std::string error;
  EXPECT_FALSE(readStoreFile(bad, &error));
  EXPECT_NE(error.find("length field"), std::string::npos) << error;
}

TEST_F(StoreFile, RejectsForeignFilesAndOtherVersions) {
  const auto built = EventStore::build(varietyOfIncidents());
  const std::string whole = path("whole.svstore");
  ASSERT_TRUE(writeStoreFile(whole, *built, "key", nullptr));
  const std::string bytes = readBytes(whole);
  const std::string bad = path("bad.svstore");
  auto errorFor = [&](const std::string& content) {
    writeBytes(bad, content);
    std::string error;
    EXPECT_FALSE(readStoreFile(bad, &error));
    EXPECT_FALSE(readStoreFileKey(bad));
    EXPECT_EQ(error.rfind(bad + ": ", 0), 0u) << error;
    return error;
  };

  std::string garbage(100000, '\0');
  for (std::size_t k = 0; k < garbage.size(); ++k) garbage[k] = static_cast<char>((k * 2654435761u) >> 13);
  EXPECT_NE(errorFor(garbage).find("not a Situation Viewer store file"), std::string::npos);
  EXPECT_NE(errorFor("{\"type\": \"FeatureCollection\"}").find("not a Situation Viewer store file"), std::string::npos);

  std::string magic = bytes;
  magic[2] = 'X';
  EXPECT_NE(errorFor(magic).find("not a Situation Viewer store file"), std::string::npos);

  std::string version = bytes;
  const std::uint32_t nextVersion = 4;
  std::memcpy(version.data() + 12, &nextVersion, 4);
  EXPECT_NE(errorFor(version).find("version 4"), std::string::npos);

  std::string byteOrder = bytes;
  std::swap(byteOrder[8], byteOrder[11]);
  std::swap(byteOrder[9], byteOrder[10]);
  EXPECT_NE(errorFor(byteOrder).find("byte order"), std::string::npos);

  std::string error;
  EXPECT_FALSE(readStoreFile(path("missing.svstore"), &error));
  EXPECT_NE(error.find(path("missing.svstore")), std::string::npos);
  EXPECT_FALSE(readStoreFile(m_folder.string(), &error)); // a folder
}

TEST_F(StoreFile, RefusesAStoreWhoseValuesWouldReadOutOfRange) {
  // A sound checksum is not enough: values that would index outside a table are refused.
  std::vector<Incident> incidents = varietyOfIncidents();
  incidents[7].locationPrecision = static_cast<LocationPrecision>(9);
  const auto built = EventStore::build(std::move(incidents));
  const std::string file = path("odd.svstore");
  ASSERT_TRUE(writeStoreFile(file, *built, "", nullptr));
  std::string error;
  EXPECT_FALSE(readStoreFile(file, &error));
  EXPECT_NE(error.find("out of range"), std::string::npos) << error;
}

TEST_F(StoreFile, ReportsAFolderItCannotWriteIn) {
  const auto built = EventStore::build(varietyOfIncidents());
  const std::string file = path("no-such-folder/store.svstore");
  std::string error;
  EXPECT_FALSE(writeStoreFile(file, *built, "", &error));
  EXPECT_NE(error.find(file), std::string::npos) << error;
}

} // namespace sv
