#include "domain/gazetteer.h"
#include "core/coretestdata.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace sv {
namespace {

using test::bundledGazetteer;
using test::bundledStore;

Place makePlace(std::int64_t id, std::string name, std::vector<std::string> alternates, std::string code,
                std::int64_t population = 0, int interestRank = 0) {
  Place p;
  p.geonameId = id;
  p.name = std::move(name);
  p.asciiName = p.name;
  p.alternateNames = std::move(alternates);
  p.featureCode = std::move(code);
  p.population = population;
  p.interestRank = interestRank;
  return p;
}

} // namespace

TEST(Gazetteer, RanksExactBeforeAlternateBeforePrefixBeforeSubstring) {
  const Gazetteer g({makePlace(1, "Sokoloba", {}, "PPL"), makePlace(2, "Basokolo", {}, "PPL"),
                     makePlace(3, "Sokolo", {}, "PPL"), makePlace(4, "Kalassokolo", {"Sokolo"}, "PPLA2")});
  const auto matches = g.search("sokolo");
  ASSERT_EQ(matches.size(), 4u);
  EXPECT_EQ(g.place(matches[0].placeIndex).geonameId, 3);
  EXPECT_EQ(matches[0].kind, MatchKind::ExactName);
  EXPECT_EQ(g.place(matches[1].placeIndex).geonameId, 4);
  EXPECT_EQ(matches[1].kind, MatchKind::ExactAlternate);
  EXPECT_EQ(g.place(matches[2].placeIndex).geonameId, 1);
  EXPECT_EQ(matches[2].kind, MatchKind::PrefixName);
  EXPECT_EQ(g.place(matches[3].placeIndex).geonameId, 2);
  EXPECT_EQ(matches[3].kind, MatchKind::Substring);
}

TEST(Gazetteer, RanksHomonymsByInterestThenRankThenPopulation) {
  const Gazetteer g({makePlace(1, "Kati", {}, "PPL", 500), makePlace(2, "Kati", {}, "PPLA2", 100),
                     makePlace(3, "Kati", {}, "PPL", 0, 7), makePlace(4, "Kati", {}, "PPL", 900)});
  const auto matches = g.search("KATI");
  ASSERT_EQ(matches.size(), 4u);
  EXPECT_EQ(g.place(matches[0].placeIndex).geonameId, 3); // named by the sources
  EXPECT_EQ(g.place(matches[1].placeIndex).geonameId, 2); // cercle seat
  EXPECT_EQ(g.place(matches[2].placeIndex).geonameId, 4); // larger
  EXPECT_EQ(g.place(matches[3].placeIndex).geonameId, 1);
}

TEST(Gazetteer, SimilarSpellingsRankAfterPrefixes) {
  const Gazetteer g({makePlace(1, "Diabali", {}, "PPL"), makePlace(2, "Diabalyba", {}, "PPL")});
  const auto matches = g.search("Diabaly");
  ASSERT_EQ(matches.size(), 2u);
  EXPECT_EQ(g.place(matches[0].placeIndex).geonameId, 2);
  EXPECT_EQ(matches[0].kind, MatchKind::PrefixName);
  EXPECT_EQ(g.place(matches[1].placeIndex).geonameId, 1);
  EXPECT_EQ(matches[1].kind, MatchKind::Similar);
}

TEST(Gazetteer, ResolvingAWholeNamePrefersASimilarSpellingToAPrefix) {
  const Gazetteer g({makePlace(1, "Mourasso", {}, "PPL", 5000), makePlace(2, "Mora", {"Mourra"}, "PPL")});
  EXPECT_EQ(g.search("Moura")[0].kind, MatchKind::PrefixName); // completion still offers the prefix first
  EXPECT_EQ(g.resolve("Moura"), std::optional<std::size_t>(1));
  EXPECT_EQ(g.resolve("Mouras"), std::optional<std::size_t>(0));
}

TEST(Gazetteer, LimitAndEmptyQuery) {
  const Gazetteer g({makePlace(1, "Ba", {}, "PPL"), makePlace(2, "Bab", {}, "PPL"), makePlace(3, "Bac", {}, "PPL")});
  EXPECT_EQ(g.search("ba", 2).size(), 2u);
  EXPECT_TRUE(g.search("").empty());
  EXPECT_TRUE(g.search("'-").empty());
  EXPECT_TRUE(g.search("zz").empty());
  EXPECT_EQ(g.indexOfGeonameId(2), std::optional<std::size_t>(1));
  EXPECT_FALSE(g.indexOfGeonameId(99).has_value());
}

TEST(BundledGazetteer, AccentInsensitiveSearchFindsSegou) {
  const Gazetteer& g = bundledGazetteer();
  const auto matches = g.search("segou");
  ASSERT_FALSE(matches.empty());
  const Place& first = g.place(matches.front().placeIndex);
  EXPECT_EQ(first.name, "Ségou");
  EXPECT_EQ(first.featureCode, "PPLA");
  EXPECT_EQ(first.region, "Ségou");
}

TEST(BundledGazetteer, DogofriAndDogofryFindTheSamePlace) {
  const Gazetteer& g = bundledGazetteer();
  for (const char* spelling : {"Dogofri", "dogofry", "Dogofiri", "DOGOFRY"}) {
    const auto index = g.resolve(spelling);
    ASSERT_TRUE(index.has_value()) << spelling;
    EXPECT_EQ(g.place(*index).geonameId, 2458473) << spelling;
    EXPECT_EQ(g.place(*index).cercle, "Niono") << spelling;
  }
}

TEST(BundledGazetteer, AlternateNamesAreSearched) {
  const Gazetteer& g = bundledGazetteer();
  // GeoNames lists "Dɔgɔfiri" and "Dogofiri" among Dogofri's alternate names.
  const auto matches = g.search("Dogofiri", 5);
  ASSERT_FALSE(matches.empty());
  EXPECT_EQ(matches.front().kind, MatchKind::ExactAlternate);
  EXPECT_EQ(g.place(matches.front().placeIndex).name, "Dogofri");
}

TEST(BundledGazetteer, FarabougouOfTheSituationComesFirstAmongItsHomonyms) {
  const Gazetteer& g = bundledGazetteer();
  const auto matches = g.search("Farabougou", 50);
  const auto exact =
      std::count_if(matches.begin(), matches.end(), [](const PlaceMatch& m) { return m.kind == MatchKind::ExactName; });
  EXPECT_GE(exact, 9); // GeoNames has nine villages of that name in Mali
  ASSERT_FALSE(matches.empty());
  const Place& first = g.place(matches.front().placeIndex);
  EXPECT_EQ(first.geonameId, 2457671);
  EXPECT_EQ(first.region, "Ségou");
  EXPECT_EQ(first.cercle, "Niono");
  // Every homonym can be told apart by its region and cercle.
  for (const PlaceMatch& m : matches) {
    EXPECT_FALSE(g.place(m.placeIndex).region.empty());
    EXPECT_FALSE(g.place(m.placeIndex).cercle.empty());
  }
}

TEST(BundledGazetteer, ResolvesThePlacesOfTheSituation) {
  const Gazetteer& g = bundledGazetteer();
  struct Expected {
    const char* query;
    const char* region;
    const char* cercle;
  };
  for (const Expected& e : {Expected{"Kayes", "Kayes", "Kayes"}, Expected{"Loulouni", "Sikasso", "Kadiolo"},
                            Expected{"Kati", "Koulikoro", "Kati"}, Expected{"Bamako", "Bamako", "Bamako"},
                            Expected{"Mopti", "Mopti", "Mopti"}, Expected{"N'Debougou", "Ségou", "Niono"},
                            Expected{"Sokolo", "Ségou", "Niono"}}) {
    const auto index = g.resolve(e.query);
    ASSERT_TRUE(index.has_value()) << e.query;
    EXPECT_EQ(g.place(*index).region, e.region) << e.query;
    EXPECT_EQ(g.place(*index).cercle, e.cercle) << e.query;
  }
}

} // namespace sv
