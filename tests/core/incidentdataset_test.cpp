#include "io/incidentdataset.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cstdio>
#include <filesystem>
#include <fstream>

namespace sv {

namespace {

std::string collection(const std::string& features) {
  return "{\n\"type\": \"FeatureCollection\",\n\"name\": \"t\",\n\"format\": \"situation-viewer-incidents\",\n"
         "\"format_version\": 1,\n\"dataset\": {\"title\": \"Test\"},\n\"features\": [\n" +
         features + "\n]\n}\n";
}

std::string feature(const std::string& id, const std::string& start, const std::string& extra = "",
                    const std::string& coordinates = "[-5.92, 15.29]") {
  return "{\"type\": \"Feature\", \"geometry\": {\"type\": \"Point\", \"coordinates\": " + coordinates +
         "},\n \"properties\": {\"id\": \"" + id + "\", \"start\": \"" + start + "\", \"end\": \"" + start +
         "\", \"date_precision\": \"day\", \"location_precision\": \"exact\", "
         "\"event_type\": \"Battles\", \"sub_event_type\": \"Armed clash\"" +
         extra + "}}";
}

} // namespace

TEST(IncidentDataset, ReadsTheBundledDatasetWhole) {
  const IncidentReadResult result = readIncidentDataset(SV_TEST_INCIDENTS);
  ASSERT_TRUE(result.ok) << result.error;
  for (const auto& r : result.rejected) ADD_FAILURE() << describeRejection("bundled", r);
  EXPECT_GT(result.incidents.size(), 40u);
  EXPECT_EQ(result.recordsRead, result.incidents.size());
  EXPECT_EQ(result.info.name, "mali-situation");
  EXPECT_FALSE(result.info.title.empty());
  EXPECT_FALSE(result.info.licence.empty());
}

TEST(IncidentDataset, WritingAndReadingGivesTheSameIncidents) {
  const IncidentReadResult bundled = readIncidentDataset(SV_TEST_INCIDENTS);
  ASSERT_TRUE(bundled.ok);
  const auto path = std::filesystem::temp_directory_path() / "sv-roundtrip-test.geojson";
  std::string error;
  ASSERT_TRUE(writeIncidentDataset(path.string(), bundled.info, bundled.incidents, &error)) << error;
  const IncidentReadResult again = readIncidentDataset(path.string());
  ASSERT_TRUE(again.ok) << again.error;
  EXPECT_TRUE(again.rejected.empty());
  EXPECT_EQ(again.incidents, bundled.incidents);
  EXPECT_EQ(again.info.title, bundled.info.title);
  std::filesystem::remove(path);
}

// Written feature by feature, the text is what the whole document would be.
TEST(IncidentDataset, TheStreamedTextIsTheWholeDocumentIndented) {
  const IncidentReadResult bundled = readIncidentDataset(SV_TEST_INCIDENTS);
  ASSERT_TRUE(bundled.ok);
  for (const std::vector<Incident>& incidents : {bundled.incidents, std::vector<Incident>{}}) {
    const std::string text = serializeIncidentDataset(bundled.info, incidents);
    const auto document = nlohmann::ordered_json::parse(text);
    EXPECT_EQ(text, document.dump(2) + "\n");
    EXPECT_EQ(document["features"].size(), incidents.size());
  }
}

TEST(IncidentDataset, KeepsGoodRecordsAndListsBadOnesWithLineAndField) {
  const std::string text =
      collection(feature("A", "2020-10-06") + ",\n" + feature("B", "2020-02-30") + ",\n" +
                 feature("C", "2020-10-07", "", "[-5.92, 95.0]") + ",\n" + feature("A", "2020-10-08") + ",\n" +
                 feature("E", "2020-10-09", ", \"fatalities\": {\"reported\": false, \"low\": 3}") + ",\n" +
                 feature("F", "2020-10-10", ", \"event_type\": \"Skirmish\""));
  const IncidentReadResult result = parseIncidentDataset(text, "bad.geojson");
  ASSERT_TRUE(result.ok) << result.error;
  ASSERT_EQ(result.incidents.size(), 1u);
  EXPECT_EQ(result.incidents[0].id, "A");
  ASSERT_EQ(result.rejected.size(), 5u);
  EXPECT_EQ(result.recordsRead, 6u);
  EXPECT_EQ(result.rejected[0].id, "B");
  EXPECT_EQ(result.rejected[0].field, "start");
  EXPECT_EQ(result.rejected[0].line, 10u);
  EXPECT_EQ(result.rejected[1].field, "geometry.coordinates");
  EXPECT_EQ(result.rejected[2].field, "id");
  EXPECT_NE(result.rejected[2].reason.find("repeats feature 1"), std::string::npos);
  EXPECT_EQ(result.rejected[3].field, "fatalities");
  EXPECT_EQ(result.rejected[4].field, "event_type");
  EXPECT_EQ(describeRejection("bad.geojson", result.rejected[0]),
            "bad.geojson:10: feature 2 (B): start: '2020-02-30' is not a date in the form YYYY-MM-DD");
}

TEST(IncidentDataset, RefusesFilesThatAreNotTheFormat) {
  IncidentReadResult broken =
      parseIncidentDataset("{\n\"type\": \"FeatureCollection\",\n\"features\": [\n{,}\n]}", "x.geojson");
  EXPECT_FALSE(broken.ok);
  EXPECT_NE(broken.error.find("x.geojson:4:"), std::string::npos) << broken.error;
  EXPECT_TRUE(broken.incidents.empty());

  IncidentReadResult plain =
      parseIncidentDataset("{\"type\": \"FeatureCollection\", \"features\": []}", "plain.geojson");
  EXPECT_FALSE(plain.ok);
  EXPECT_NE(plain.error.find("not a Situation Viewer incident file"), std::string::npos);

  IncidentReadResult future = parseIncidentDataset(
      "{\"type\": \"FeatureCollection\", \"format\": \"situation-viewer-incidents\", \"format_version\": 9, "
      "\"features\": []}",
      "f");
  EXPECT_FALSE(future.ok);
  EXPECT_NE(future.error.find("format_version 9"), std::string::npos);

  EXPECT_FALSE(parseIncidentDataset("", "empty").ok);
  EXPECT_FALSE(parseIncidentDataset("[1, 2]", "array").ok);
  IncidentReadResult missing = readIncidentDataset("/nonexistent/file.geojson");
  EXPECT_FALSE(missing.ok);
  EXPECT_NE(missing.error.find("/nonexistent/file.geojson"), std::string::npos);
}

TEST(IncidentDataset, AcceptsAByteOrderMark) {
  const auto path = std::filesystem::temp_directory_path() / "sv-bom-test.geojson";
  {
    std::ofstream out(path, std::ios::binary);
    out << "\xEF\xBB\xBF" << collection(feature("A", "2020-10-06"));
  }
  const IncidentReadResult result = readIncidentDataset(path.string());
  EXPECT_TRUE(result.ok) << result.error;
  EXPECT_EQ(result.incidents.size(), 1u);
  std::filesystem::remove(path);
}

TEST(IncidentDataset, WritingToAMissingFolderFailsWithTheFileName) {
  std::string error;
  EXPECT_FALSE(writeIncidentDataset("/nonexistent/folder/out.geojson", {}, {}, &error));
  EXPECT_NE(error.find("/nonexistent/folder/out.geojson"), std::string::npos);
}

} // namespace sv

namespace sv {

TEST(IncidentDataset, HostileNumbersAndShapesAreErrorsNotCrashes) {
  const std::string header = "{\"type\": \"FeatureCollection\", \"format\": \"situation-viewer-incidents\", ";
  // A number too large for a double anywhere in the file.
  IncidentReadResult huge =
      parseIncidentDataset(header + "\"format_version\": 1, \"bbox\": [1e400], \"features\": []}", "huge");
  EXPECT_FALSE(huge.ok);
  EXPECT_NE(huge.error.find("huge"), std::string::npos);
  IncidentReadResult version = parseIncidentDataset(header + "\"format_version\": 4294967297, \"features\": []}", "v");
  EXPECT_FALSE(version.ok);
  IncidentReadResult nested = parseIncidentDataset(header + "\"format_version\": [[[1]]], \"features\": []}", "n");
  EXPECT_FALSE(nested.ok);
  EXPECT_NE(nested.error.find("not a whole number"), std::string::npos);
  // Features that are not objects are rejected one by one, with their own lines.
  IncidentReadResult items = parseIncidentDataset(header +
                                                      "\"format_version\": 1,\n\"features\": [\nnull,\n\"text\",\n[1, "
                                                      "2],\n{\"type\": \"Feature\", \"properties\": 5}\n]}",
                                                  "items");
  ASSERT_TRUE(items.ok) << items.error;
  ASSERT_EQ(items.rejected.size(), 4u);
  for (std::size_t k = 0; k < 4; ++k) EXPECT_EQ(items.rejected[k].line, 3 + k) << k;
}

} // namespace sv
