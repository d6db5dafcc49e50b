#include "domain/placesearch.h"
#include "io/incidentdataset.h"

#include "core/coretestdata.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace sv {
namespace {

using test::bundledGazetteer;
using test::bundledStore;

Place place(std::int64_t id, const char* name, std::vector<std::string> alternates, const char* region,
            const char* cercle, std::int64_t population, double lon, double lat) {
  Place p;
  p.geonameId = id;
  p.name = name;
  p.asciiName = name;
  p.alternateNames = std::move(alternates);
  p.region = region;
  p.cercle = cercle;
  p.population = population;
  p.featureCode = "PPL";
  p.longitude = lon;
  p.latitude = lat;
  return p;
}

Incident incident(const char* id, std::optional<std::int64_t> geonameId, const char* placeName, double lon,
                  double lat) {
  Incident i;
  i.id = id;
  i.start = i.end = *parseIsoDate("2024-01-01");
  i.geonameId = geonameId;
  i.place = placeName;
  i.region = "Kayes";
  i.cercle = "Kita";
  i.longitude = lon;
  i.latitude = lat;
  return i;
}

TEST(PlaceFinder, BundledFarabougouOfTheIncidentsComesFirstWithItsCount) {
  const PlaceFinder finder(bundledGazetteer(), bundledStore());
  const auto suggestions = finder.suggest("farabougou");
  ASSERT_GE(suggestions.size(), 2u) << "the gazetteer has homonyms";
  const PlaceSuggestion& first = suggestions.front();
  EXPECT_EQ(first.place.name, "Farabougou");
  EXPECT_EQ(first.cercle, "Niono");
  EXPECT_EQ(first.region, "Ségou");
  ASSERT_TRUE(first.gazetteerIndex);
  EXPECT_EQ(first.incidents, bundledStore()->atPlace(*first.place.geonameId).size());
  EXPECT_GE(first.incidents, 2u);
  // The homonyms come after it, told apart by their cercle or region, and
  // without incidents of their own.
  for (std::size_t k = 1; k < suggestions.size(); ++k) {
    if (suggestions[k].place.name != "Farabougou") continue;
    EXPECT_EQ(suggestions[k].incidents, 0u) << suggestions[k].cercle;
    EXPECT_TRUE(suggestions[k].cercle != first.cercle || suggestions[k].region != first.region);
  }
}

TEST(PlaceFinder, FoldsAccentsAndCaseAndFindsAlternateNames) {
  const PlaceFinder finder(bundledGazetteer(), bundledStore());
  const auto segou = finder.suggest("SEGOU", 3);
  ASSERT_FALSE(segou.empty());
  EXPECT_EQ(segou.front().place.name, "Ségou");
  EXPECT_EQ(segou.front().kind, MatchKind::ExactName);

  const auto dogofiri = finder.suggest("Dogofiri", 3);
  ASSERT_FALSE(dogofiri.empty());
  EXPECT_EQ(dogofiri.front().place.name, "Dogofri");
  EXPECT_EQ(dogofiri.front().kind, MatchKind::ExactAlternate);
  EXPECT_EQ(dogofiri.front().matchedName, "Dogofiri");

  // A prefix already completes.
  const auto kaye = finder.suggest("Kaye", 5);
  ASSERT_FALSE(kaye.empty());
  EXPECT_EQ(kaye.front().place.name, "Kayes");
  EXPECT_EQ(kaye.front().kind, MatchKind::PrefixName);
}

TEST(PlaceFinder, ThePlaceOfTheIncidentsRanksWithWholeNamesWhileTyping) {
  const PlaceFinder finder(bundledGazetteer(), bundledStore());
  // "fara" is the whole name of several hamlets without incidents, and the
  // start of Farabougou's: Farabougou, with its incidents, comes first and
  // the hamlets follow before the other names that merely start with "fara".
  const auto fara = finder.suggest("fara", 12);
  ASSERT_GE(fara.size(), 3u);
  EXPECT_EQ(fara[0].place.name, "Farabougou");
  EXPECT_EQ(fara[0].cercle, "Niono");
  EXPECT_EQ(fara[0].kind, MatchKind::PrefixName);
  EXPECT_EQ(fara[1].place.name, "Fara");
  EXPECT_EQ(fara[1].kind, MatchKind::ExactName);
  // A whole name without incidents still ranks before a longer name without.
  const auto it = std::find_if(fara.begin(), fara.end(), [](const PlaceSuggestion& s) {
    return s.kind == MatchKind::PrefixName && s.incidents == 0;
  });
  if (it != fara.end()) {
    for (auto before = fara.begin() + 1; before != it; ++before) {
      EXPECT_EQ(before->kind, MatchKind::ExactName) << before->place.name;
    }
  }
}

TEST(PlaceFinder, PlacesWithIncidentsRankBeforeEqualMatchesWithout) {
  // Two homonyms, neither named by the sources; the smaller one has the incidents.
  const Gazetteer gazetteer({place(1, "Kassa", {}, "Kayes", "Kita", 5000, -9.0, 13.0),
                             place(2, "Kassa", {}, "Mopti", "Bandiagara", 100, -3.5, 14.3)});
  const auto store = EventStore::build({incident("a", 2, "Kassa", -3.5, 14.3), incident("b", 2, "Kassa", -3.5, 14.3)});
  const PlaceFinder finder(gazetteer, store);
  const auto suggestions = finder.suggest("kassa");
  ASSERT_EQ(suggestions.size(), 2u);
  EXPECT_EQ(suggestions[0].place.geonameId, 2);
  EXPECT_EQ(suggestions[0].incidents, 2u);
  EXPECT_EQ(suggestions[0].region, "Mopti");
  EXPECT_EQ(suggestions[1].place.geonameId, 1);
  EXPECT_EQ(suggestions[1].incidents, 0u);
}

TEST(PlaceFinder, CountsIncidentsWithoutIdsByNameAndSuggestsDatasetOnlyPlaces) {
  const Gazetteer gazetteer({place(1, "Kassa", {}, "Kayes", "Kita", 5000, -9.0, 13.0)});
  const auto store = EventStore::build({incident("a", std::nullopt, "KASSA", -9.0, 13.0),
                                        incident("b", std::nullopt, "Kassaro Camp", -9.5, 13.2),
                                        incident("c", std::nullopt, "Kassaro Camp", -9.5, 13.2),
                                        incident("d", std::nullopt, "Kassaro Camp", -9.5, 13.2)});
  const PlaceFinder finder(gazetteer, store);
  EXPECT_EQ(finder.incidentCount(0), 1u) << "the unnumbered KASSA record is Kassa's, as in its dossier";
  const auto suggestions = finder.suggest("kassa");
  ASSERT_EQ(suggestions.size(), 2u);
  EXPECT_EQ(suggestions[0].place.name, "Kassa");
  EXPECT_EQ(suggestions[0].kind, MatchKind::ExactName);
  EXPECT_EQ(suggestions[1].place.name, "Kassaro Camp");
  EXPECT_FALSE(suggestions[1].gazetteerIndex);
  EXPECT_FALSE(suggestions[1].place.geonameId);
  EXPECT_EQ(suggestions[1].kind, MatchKind::PrefixName);
  EXPECT_EQ(suggestions[1].incidents, 3u);
  EXPECT_EQ(suggestions[1].region, "Kayes");
  EXPECT_DOUBLE_EQ(suggestions[1].place.longitude, -9.5);
  // Its dossier finds the same incidents.
  EXPECT_EQ(placeHistory(*store, suggestions[1].place).entries.size(), 3u);
}

TEST(PlaceFinder, EmptyOrPunctuationOnlyQueriesSuggestNothing) {
  const PlaceFinder finder(bundledGazetteer(), bundledStore());
  EXPECT_TRUE(finder.suggest("").empty());
  EXPECT_TRUE(finder.suggest("  '-").empty());
  EXPECT_TRUE(PlaceFinder().suggest("Kayes").empty());
}

} // namespace
} // namespace sv
