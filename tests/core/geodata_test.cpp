#include "core/coretestdata.h"
#include "io/basemapreader.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <set>

namespace sv {

TEST(BundledGeodata, HasMaliAndItsSevenNeighbours) {
  const auto& data = test::bundledBaseMapData();
  std::set<std::string> codes;
  for (const auto& country : data.countries) {
    codes.insert(country.isoCode);
    EXPECT_FALSE(country.area.rings.empty()) << country.name;
  }
  EXPECT_EQ(codes, (std::set<std::string>{"MLI", "SEN", "MRT", "DZA", "NER", "BFA", "CIV", "GIN"}));
}

TEST(BundledGeodata, RegionsCarryTheirFrenchNames) {
  const auto& data = test::bundledBaseMapData();
  std::set<std::string> names;
  for (const auto& region : data.regions) names.insert(region.name);
  EXPECT_EQ(names, (std::set<std::string>{"Kayes", "Koulikoro", "Sikasso", "Ségou", "Mopti", "Tombouctou", "Gao",
                                          "Kidal", "Bamako"}));
  for (const auto& region : data.regions) {
    EXPECT_GE(region.labelPoint.x, -12.3) << region.name;
    EXPECT_LE(region.labelPoint.x, 4.3) << region.name;
  }
}

TEST(BundledGeodata, FiftyCerclesEachInARegion) {
  const auto& data = test::bundledBaseMapData();
  EXPECT_EQ(data.cercles.size(), 50u);
  std::set<std::string> regions;
  for (const auto& region : data.regions) regions.insert(region.name);
  std::set<std::string> names;
  for (const auto& cercle : data.cercles) {
    names.insert(cercle.name);
    EXPECT_TRUE(regions.count(cercle.region)) << cercle.name << " in " << cercle.region;
  }
  EXPECT_TRUE(names.count("Niono"));
  EXPECT_TRUE(names.count("Djenné"));
  EXPECT_TRUE(names.count("Diéma"));
}

TEST(BundledGeodata, RiversAndLakes) {
  const auto& data = test::bundledBaseMapData();
  std::set<std::string> rivers;
  for (const auto& river : data.rivers) rivers.insert(river.name);
  EXPECT_TRUE(rivers.count("Niger"));
  EXPECT_TRUE(rivers.count("Sénégal"));
  EXPECT_FALSE(data.lakes.empty());
}

TEST(BundledGeodata, PlacesHaveRegionCercleAndNames) {
  const auto& data = test::bundledBaseMapData();
  EXPECT_GT(data.places.size(), 15000u);
  for (const auto& place : data.places) {
    ASSERT_FALSE(place.region.empty()) << place.geonameId;
    ASSERT_FALSE(place.cercle.empty()) << place.geonameId;
    ASSERT_FALSE(place.name.empty()) << place.geonameId;
  }
  const auto capital =
      std::find_if(data.places.begin(), data.places.end(), [](const Place& p) { return p.isCapital(); });
  ASSERT_NE(capital, data.places.end());
  EXPECT_EQ(capital->name, "Bamako");
}

TEST(BundledGeodata, AttributionsNameEverySource) {
  const auto& data = test::bundledBaseMapData();
  std::string all;
  for (const auto& a : data.attributions) all += a.source + " " + a.text + " " + a.licence + "\n";
  EXPECT_NE(all.find("GeoNames"), std::string::npos);
  EXPECT_NE(all.find("geoBoundaries"), std::string::npos);
  EXPECT_NE(all.find("Natural Earth"), std::string::npos);
  EXPECT_NE(all.find("CC BY 4.0"), std::string::npos);
}

TEST(BaseMapReader, NamesTheFileWhenItCannotBeOpened) {
  std::string error;
  EXPECT_FALSE(readBaseMap("/nonexistent/mali.gpkg", &error).has_value());
  EXPECT_NE(error.find("/nonexistent/mali.gpkg"), std::string::npos);

  const std::string path = testing::TempDir() + "not-a-geopackage.gpkg";
  std::ofstream(path) << "this is not a GeoPackage\n";
  error.clear();
  EXPECT_FALSE(readBaseMap(path, &error).has_value());
  EXPECT_NE(error.find(path), std::string::npos);
}

} // namespace sv
