// The bundled situation dataset, validated: every incident must rest on a
// passage of the document it cites, resolve to a real place and lie in Mali.
#include "core/coretestdata.h"
#include "domain/eventstore.h"
#include "domain/gazetteer.h"
#include "geo/geodesy.h"
#include "io/incidentdataset.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

namespace sv {

namespace {

const IncidentReadResult& bundled() {
  static const IncidentReadResult result = readIncidentDataset(SV_TEST_INCIDENTS);
  return result;
}

std::string collapseWhitespace(const std::string& text) {
  std::string out;
  bool space = false;
  for (char c : text) {
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
      space = true;
      continue;
    }
    if (space && !out.empty()) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

const MultiPolygon& maliArea() {
  for (const auto& country : test::bundledBaseMapData().countries)
    if (country.isMali()) return country.area;
  static const MultiPolygon none;
  ADD_FAILURE() << "no Mali in the bundled geodata";
  return none;
}

} // namespace

TEST(BundledDataset, IdsAreUniqueAndEveryRecordIsAccepted) {
  ASSERT_TRUE(bundled().ok) << bundled().error;
  EXPECT_TRUE(bundled().rejected.empty());
  std::set<std::string> ids;
  for (const Incident& incident : bundled().incidents) EXPECT_TRUE(ids.insert(incident.id).second) << incident.id;
  EXPECT_GT(ids.size(), 40u);
}

TEST(BundledDataset, DatesAreValidWithStartNotAfterEnd) {
  for (const Incident& incident : bundled().incidents) {
    EXPECT_LE(incident.start, incident.end) << incident.id;
    EXPECT_GE(incident.start, dayFromCivil({2020, 1, 1})) << incident.id;
    EXPECT_LE(incident.end, dayFromCivil({2025, 12, 31})) << incident.id;
    EXPECT_TRUE(validateIncident(incident).empty()) << incident.id;
    // A single day is only claimed with day precision.
    if (incident.datePrecision != DatePrecision::Day) {
      EXPECT_LT(incident.start, incident.end) << incident.id;
    }
  }
}

TEST(BundledDataset, EveryIncidentHasASourceWithAPassage) {
  for (const Incident& incident : bundled().incidents) {
    ASSERT_FALSE(incident.sources.empty()) << incident.id;
    EXPECT_FALSE(incident.summary.empty()) << incident.id;
    EXPECT_FALSE(incident.actors.primary.empty()) << incident.id;
    for (const Source& source : incident.sources) {
      EXPECT_FALSE(source.document.empty()) << incident.id;
      // Title and publisher stay empty where the document names none; "unknown" would be noise.
      EXPECT_NE(source.title, "unknown") << incident.id;
      EXPECT_NE(source.publisher, "unknown") << incident.id;
      EXPECT_GE(source.passage.size(), 20u) << incident.id;
    }
  }
}

TEST(BundledDataset, EveryPassageOccursInTheDocumentItCites) {
  const std::filesystem::path seeds = SV_TEST_SEEDS;
  // The documents are part of the checkout's surroundings: without them the
  // dataset's citations cannot be checked, and that is a failure, not a skip.
  ASSERT_TRUE(std::filesystem::is_directory(seeds))
      << "the source documents are not at " << seeds << " (set SV_SEEDS_DIR when configuring)";
  std::map<std::string, std::string> documents;
  std::size_t checked = 0;
  for (const Incident& incident : bundled().incidents) {
    for (const Source& source : incident.sources) {
      auto it = documents.find(source.document);
      if (it == documents.end()) {
        std::ifstream in(seeds / source.document, std::ios::binary);
        ASSERT_TRUE(in) << incident.id << ": cites " << source.document << ", which is not in " << seeds;
        std::ostringstream text;
        text << in.rdbuf();
        it = documents.emplace(source.document, collapseWhitespace(text.str())).first;
      }
      EXPECT_NE(it->second.find(collapseWhitespace(source.passage)), std::string::npos)
          << incident.id << ": passage not found in " << source.document << ": " << source.passage;
      ++checked;
    }
  }
  EXPECT_GE(checked, bundled().incidents.size());
}

TEST(BundledDataset, PlacesResolveToTheGazetteerAndLieInMali) {
  const Gazetteer gazetteer(test::bundledBaseMapData().places);
  std::set<std::string> regions;
  for (const auto& region : test::bundledBaseMapData().regions) regions.insert(region.name);
  for (const Incident& incident : bundled().incidents) {
    // An unplaced incident has no point: the documents name only a region or the country.
    if (incident.shape == PlaceShape::Unplaced) {
      EXPECT_TRUE(incident.locationPrecision == LocationPrecision::Region ||
                  incident.locationPrecision == LocationPrecision::Country)
          << incident.id;
      continue;
    }
    EXPECT_TRUE(contains(maliArea(), {incident.longitude, incident.latitude})) << incident.id;
    if (!incident.region.empty()) {
      EXPECT_TRUE(regions.count(incident.region)) << incident.id << ": " << incident.region;
    }
    if (incident.geonameId) {
      const auto index = gazetteer.indexOfGeonameId(*incident.geonameId);
      ASSERT_TRUE(index) << incident.id << ": GeoNames " << *incident.geonameId << " is not in the gazetteer";
      const Place& place = gazetteer.place(*index);
      // The point is the gazetteer's; a corridor starts or ends there.
      double metres = geodesicDistance({place.longitude, place.latitude}, {incident.longitude, incident.latitude});
      if (incident.shape == PlaceShape::Line)
        for (const LineString& part : incident.shapeParts)
          for (const Point2& p : {part.front(), part.back()})
            metres = std::min(metres, geodesicDistance({place.longitude, place.latitude}, p));
      EXPECT_LT(metres, 100.0) << incident.id << " is " << metres << " m from " << place.name;
      if (incident.locationPrecision <= LocationPrecision::Near) {
        EXPECT_EQ(gazetteer.resolve(incident.place), index)
            << incident.id << ": '" << incident.place << "' resolves to another place";
      }
    } else {
      EXPECT_FALSE(incident.locationNote.empty()) << incident.id << ": a place outside the gazetteer needs a note";
      EXPECT_NE(incident.locationPrecision, LocationPrecision::Exact) << incident.id;
    }
  }
}

TEST(BundledDataset, FarabougouHasTheSiegeAndTheAugust2025Attack) {
  ASSERT_TRUE(bundled().ok);
  const Gazetteer gazetteer(test::bundledBaseMapData().places);
  const auto farabougou = gazetteer.resolve("Farabougou");
  ASSERT_TRUE(farabougou);
  EXPECT_EQ(gazetteer.place(*farabougou).cercle, "Niono");
  auto store = EventStore::build(bundled().incidents);
  const auto history = store->atPlace(gazetteer.place(*farabougou).geonameId);
  bool siege = false, august = false;
  for (EventStore::Index i : history) {
    siege = siege || (store->start(i) == dayFromCivil({2020, 10, 6}) && store->end(i) == dayFromCivil({2020, 10, 22}));
    august = august || store->start(i) == dayFromCivil({2025, 8, 19});
  }
  EXPECT_TRUE(siege);
  EXPECT_TRUE(august);
  EXPECT_GE(history.size(), 20u);
}

} // namespace sv
