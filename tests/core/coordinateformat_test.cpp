#include "geo/coordinateformat.h"

#include <gtest/gtest.h>

#include <cmath>
#include <numbers>

namespace sv {

// UTM values come from PROJ 9.1 (cs2cs EPSG:4326 to EPSG:326zz/327zz) and
// MGRS references from GeographicLib 2.1 (GeoConvert -m); the 100 km letters
// were also derived by hand from the UTM values. Cell centres were converted
// back with cs2cs EPSG:326zz/327zz to EPSG:4326.

namespace {
void expectPoint(const std::optional<Point2>& point, double longitude, double latitude, double tolerance) {
  ASSERT_TRUE(point.has_value());
  EXPECT_NEAR(point->x, longitude, tolerance);
  EXPECT_NEAR(point->y, latitude, tolerance);
}

std::string errorFor(std::string_view text) {
  std::string error;
  EXPECT_FALSE(parseCoordinate(text, &error).has_value()) << text;
  return error;
}
} // namespace

TEST(CoordinateFormat, DecimalDegrees) {
  EXPECT_EQ(formatDecimalDegrees({-6.1414, 14.89208}), "14.89208° N, 6.14140° W");
  EXPECT_EQ(formatDecimalDegrees({-6.1414, 14.89208}, 2), "14.89° N, 6.14° W");
  EXPECT_EQ(formatDecimalDegrees({18.42, -33.92}, 3), "33.920° S, 18.420° E");
  EXPECT_EQ(formatDecimalDegrees({-190.0, 12.65}, 2), "12.65° N, 170.00° E");
}

TEST(CoordinateFormat, DecimalDegreesRoundingToZeroIsNorthAndEast) {
  EXPECT_EQ(formatDecimalDegrees({-0.000001, -0.000001}), "0.00000° N, 0.00000° E");
  EXPECT_EQ(formatDecimalDegrees({-0.00001, -0.00001}), "0.00001° S, 0.00001° W");
}

TEST(CoordinateFormat, DegreesMinutesSeconds) {
  // 14° 53′ 31.5″ = 14.8920833…°, 6° 08′ 29.04″ = 6.1414°
  EXPECT_EQ(formatDegreesMinutesSeconds({-6.1414, 14.0 + 53.0 / 60 + 31.5 / 3600}), "14° 53′ 31.5″ N, 6° 08′ 29.0″ W");
  EXPECT_EQ(formatDegreesMinutesSeconds({-7.99, 12.65}, 0), "12° 39′ 00″ N, 7° 59′ 24″ W");
  EXPECT_EQ(formatDegreesMinutesSeconds({18.42, -33.92}, 2), "33° 55′ 12.00″ S, 18° 25′ 12.00″ E");
}

TEST(CoordinateFormat, SecondsCarryIntoMinutesAndDegrees) {
  EXPECT_EQ(formatDegreesMinutesSeconds({-6.99999999, 14.999999999}), "15° 00′ 00.0″ N, 7° 00′ 00.0″ W");
  EXPECT_EQ(formatDegreesMinutesSeconds({1.0 + 29.0 / 60 + 59.96 / 3600, 0.0}), "0° 00′ 00.0″ N, 1° 30′ 00.0″ E");
  EXPECT_EQ(formatDegreesMinutesSeconds({0.0, 10.0 + 59.6 / 3600}, 0), "10° 01′ 00″ N, 0° 00′ 00″ E");
}

TEST(CoordinateFormat, MgrsOfMaliPlaces) {
  // Bamako       zone 29 E 609682.394 N 1398642.782
  // Farabougou   zone 29 E 807585.927 N 1648364.989
  // Kidal        zone 31 E 332083.466 N 2039603.654
  // Kayes        zone 29 E 238031.860 N 1598881.835
  // Timbuktu     zone 30 E 499211.380 N 1854498.767 (an even zone: rows start at F)
  EXPECT_EQ(formatMgrs({-7.99, 12.65}), "29PPP 09682 98642");
  EXPECT_EQ(formatMgrs({-6.1414, 14.8921}), "29PRS 07585 48364");
  EXPECT_EQ(formatMgrs({1.41, 18.44}), "31QCA 32083 39603");
  EXPECT_EQ(formatMgrs({-11.43, 14.45}), "29PKR 38031 98881");
  EXPECT_EQ(formatMgrs({-3.0074, 16.7735}), "30QVD 99211 54498");
}

TEST(CoordinateFormat, MgrsElsewhere) {
  // Cape Town    zone 34 south E 261488.826 N 6243716.333
  // Bergen       zone 32 (not 31: the Norway exception) E 297230.220 N 6700510.175
  // Longyearbyen zone 33 (Svalbard) E 514357.744 N 8682999.169
  EXPECT_EQ(formatMgrs({18.42, -33.92}), "34HBH 61488 43716");
  EXPECT_EQ(formatMgrs({5.32, 60.39}), "32VKN 97230 00510");
  EXPECT_EQ(formatMgrs({15.63, 78.22}), "33XWG 14357 82999");
  EXPECT_EQ(formatMgrs({-157.9, 21.3}), "04QFJ 14096 55747");
  EXPECT_EQ(formatMgrs({0.0, 0.0}), "31NAA 66021 00000");
  EXPECT_EQ(formatMgrs({-0.0000001, -0.0000001}), "30MZE 33978 99999");
  EXPECT_EQ(formatMgrs({0.0, -80.0}), "31CDM 41867 16915");
}

TEST(CoordinateFormat, MgrsDigitsAreTruncated) {
  EXPECT_EQ(formatMgrs({-7.99, 12.65}, 0), "29PPP");
  EXPECT_EQ(formatMgrs({-7.99, 12.65}, 1), "29PPP 0 9");
  EXPECT_EQ(formatMgrs({18.42, -33.92}, 2), "34HBH 61 43");
  EXPECT_EQ(formatMgrs({-3.0074, 16.7735}, 3), "30QVD 992 544");
  EXPECT_EQ(formatMgrs({-6.1414, 14.8921}, 4), "29PRS 0758 4836");
}

TEST(CoordinateFormat, MgrsCoversUtmLatitudesOnly) {
  EXPECT_FALSE(formatMgrs({0.0, 84.5}).has_value());
  EXPECT_FALSE(formatMgrs({0.0, -80.5}).has_value());
  EXPECT_FALSE(formatMgrs({0.0, NAN}).has_value());
  EXPECT_TRUE(formatMgrs({0.0, 84.0}).has_value());
}

TEST(CoordinateFormat, ParsesDecimalPairsLatitudeFirst) {
  expectPoint(parseCoordinate("14.89, -6.14", nullptr), -6.14, 14.89, 1e-12);
  expectPoint(parseCoordinate("14.89,-6.14", nullptr), -6.14, 14.89, 1e-12);
  expectPoint(parseCoordinate("  14.89 -6.14 ", nullptr), -6.14, 14.89, 1e-12);
  expectPoint(parseCoordinate("14.89 6.14", nullptr), 6.14, 14.89, 1e-12);
  expectPoint(parseCoordinate("-33.92; +18.42", nullptr), 18.42, -33.92, 1e-12);
  expectPoint(parseCoordinate("14 −6", nullptr), -6.0, 14.0, 1e-12); // U+2212 minus
}

TEST(CoordinateFormat, HemisphereLettersDecideTheOrder) {
  expectPoint(parseCoordinate("14.89 N 6.14 W", nullptr), -6.14, 14.89, 1e-12);
  expectPoint(parseCoordinate("14.89N, 6.14W", nullptr), -6.14, 14.89, 1e-12);
  expectPoint(parseCoordinate("6.14W 14.89N", nullptr), -6.14, 14.89, 1e-12);
  expectPoint(parseCoordinate("N 14.89 W 6.14", nullptr), -6.14, 14.89, 1e-12);
  expectPoint(parseCoordinate("e 18.42, s 33.92", nullptr), 18.42, -33.92, 1e-12);
  expectPoint(parseCoordinate("14.89208° N, 6.14140° W", nullptr), -6.1414, 14.89208, 1e-12);
}

TEST(CoordinateFormat, ParsesDegreesMinutesSeconds) {
  const double latitude = 14.0 + 53.0 / 60 + 31.5 / 3600;
  const double longitude = -(6.0 + 8.0 / 60 + 29.0 / 3600);
  for (const char* text :
       {"14° 53′ 31.5″ N, 6° 08′ 29.0″ W", "14°53'31.5\"N 6°08'29\"W", "14d53'31.5\"N 6d08'29\"W",
        "14º53’31.5” N 6º08’29” W", "14°53'31.5''N 6°08'29''W", "14 53 31.5 -6 08 29", "W 6° 8' 29\" N 14° 53' 31.5\""})
    expectPoint(parseCoordinate(text, nullptr), longitude, latitude, 1e-12);
  expectPoint(parseCoordinate("14 53.5 N 6 08.5 W", nullptr), -(6.0 + 8.5 / 60), 14.0 + 53.5 / 60, 1e-12);
  expectPoint(parseCoordinate("14°53' 6°08'", nullptr), 6.0 + 8.0 / 60, 14.0 + 53.0 / 60, 1e-12);
  expectPoint(parseCoordinate("14 53 6 8", nullptr), 6.0 + 8.0 / 60, 14.0 + 53.0 / 60, 1e-12);
}

TEST(CoordinateFormat, ParsesMgrsToTheCentreOfTheCell) {
  // 29PRS 07585 48364 names the metre square whose centre is E 807585.5 N 1648364.5.
  expectPoint(parseCoordinate("29PRS0758548364", nullptr), -6.141404023, 14.892095635, 1e-8);
  expectPoint(parseCoordinate("29P RS 07585 48364", nullptr), -6.141404023, 14.892095635, 1e-8);
  expectPoint(parseCoordinate("29prs 07585 48364", nullptr), -6.141404023, 14.892095635, 1e-8);
  expectPoint(parseCoordinate("29PPP09", nullptr), -8.033236767, 12.617223124, 1e-8);         // E 605000 N 1395000
  expectPoint(parseCoordinate("29PPP", nullptr), -7.621124611, 12.208580687, 1e-8);           // E 650000 N 1350000
  expectPoint(parseCoordinate("30QVD 992 544", nullptr), -3.007037594, 16.773059167, 1e-8);   // E 499250 N 1854450
  expectPoint(parseCoordinate("34HBH 61 43", nullptr), 18.420061969, -33.921951663, 1e-8);    // E 261500 N 6243500
  expectPoint(parseCoordinate("33XWG1435782999", nullptr), 15.629989471, 78.220002988, 1e-8); // E 514357.5 N 8682999.5
  expectPoint(parseCoordinate("4QFJ 14096 55747", nullptr), -157.9, 21.3, 1e-5);
}

TEST(CoordinateFormat, DecimalDegreesRoundTrip) {
  for (double latitude = -89.5; latitude <= 90.0; latitude += 7.3) {
    for (double longitude = -179.9; longitude <= 180.0; longitude += 11.7) {
      const std::string text = formatDecimalDegrees({longitude, latitude}, 7);
      expectPoint(parseCoordinate(text, nullptr), longitude, latitude, 1e-6);
    }
  }
}

TEST(CoordinateFormat, DegreesMinutesSecondsRoundTrip) {
  constexpr double halfTenthOfSecond = 0.05 / 3600;
  for (double latitude = -89.5; latitude <= 90.0; latitude += 7.31) {
    for (double longitude = -179.9; longitude <= 180.0; longitude += 11.71) {
      const std::string text = formatDegreesMinutesSeconds({longitude, latitude});
      expectPoint(parseCoordinate(text, nullptr), longitude, latitude, halfTenthOfSecond + 1e-12);
    }
  }
}

TEST(CoordinateFormat, MgrsRoundTripLandsInTheCell) {
  constexpr double metresPerDegree = 111320.0;
  for (double latitude = -79.9; latitude <= 84.0; latitude += 3.7) {
    for (double longitude = -179.9; longitude <= 180.0; longitude += 4.3) {
      for (int digits = 0; digits <= 5; ++digits) {
        const std::string text = formatMgrs({longitude, latitude}, digits).value();
        std::string error;
        const std::optional<Point2> centre = parseCoordinate(text, &error);
        ASSERT_TRUE(centre.has_value()) << text << ": " << error;
        // The centre is at most half the cell's diagonal away.
        const double east = std::remainder(centre->x - longitude, 360.0) * metresPerDegree *
                            std::cos((latitude + centre->y) / 2 * std::numbers::pi / 180);
        const double north = (centre->y - latitude) * metresPerDegree;
        EXPECT_LT(std::hypot(east, north), 0.72 * std::pow(10.0, 5 - digits)) << text;
      }
    }
  }
}

TEST(CoordinateFormat, MgrsOfTheCellCentreIsTheSameReference) {
  for (const Point2 place : {Point2{-7.99, 12.65}, Point2{-6.1414, 14.8921}, Point2{1.41, 18.44}, Point2{-11.43, 14.45},
                             Point2{-3.0074, 16.7735}, Point2{18.42, -33.92}, Point2{15.63, 78.22}}) {
    const std::string text = formatMgrs(place).value();
    EXPECT_EQ(formatMgrs(parseCoordinate(text, nullptr).value()), text);
  }
}

TEST(CoordinateFormat, ReportsWhatIsWrong) {
  const std::string notACoordinate =
      "not a coordinate: expected latitude and longitude, degrees-minutes-seconds or MGRS";
  EXPECT_EQ(errorFor("95, 10"), "latitude 95 is outside −90 to 90");
  EXPECT_EQ(errorFor("95.5 S 10 E"), "latitude -95.5 is outside −90 to 90");
  EXPECT_EQ(errorFor("10, 200"), "longitude 200 is outside −180 to 180");
  EXPECT_EQ(errorFor("14 75 N 6 W"), "minutes 75 must be below 60");
  EXPECT_EQ(errorFor("14 53 60 N 6 W"), "seconds 60 must be below 60");
  EXPECT_EQ(errorFor("14.89 N 6.14 S"), "two latitudes (N/S) and no longitude (E/W)");
  EXPECT_EQ(errorFor("6.14 E 14.89 W"), "two longitudes (E/W) and no latitude (N/S)");
  EXPECT_EQ(errorFor("-14.89 N 6.14 W"), "a value has both a sign and the hemisphere letter N");
  for (const char* text : {"", "Bamako", "14.89", "14.89, -6.14, 3", "14.89,, -6.14", "14.89, -6.14,", "N S 14 6",
                           "14.5° 30′ 6°", "14°, 30″", "14.89.1 6", "- 14 6", "14 53 6"})
    EXPECT_EQ(errorFor(text), notACoordinate) << text;
}

TEST(CoordinateFormat, ReportsWhatIsWrongWithMgrs) {
  EXPECT_EQ(errorFor("61PRS0758548364"), "MGRS zone 61 is outside 1 to 60");
  EXPECT_EQ(errorFor("29IRS0758548364"), "'I' is not an MGRS latitude band");
  EXPECT_EQ(errorFor("29ZRS"), "polar MGRS (bands A, B, Y and Z) is not supported");
  EXPECT_EQ(errorFor("29PR 07585 48364"), "MGRS needs two letters for the 100 km square after 29P");
  EXPECT_EQ(errorFor("29PAS0758548364"), "MGRS column letter 'A' is not used in zone 29");
  EXPECT_EQ(errorFor("29PRW0758548364"), "'W' is not an MGRS row letter");
  EXPECT_EQ(errorFor("29PRS 07585 4836"), "MGRS needs as many easting as northing digits, at most 5 each");
  EXPECT_EQ(errorFor("29PRS 075850 483640"), "MGRS needs as many easting as northing digits, at most 5 each");
  EXPECT_EQ(errorFor("29PRS 07585 4836N"), "MGRS 29PRS must be followed by digits only");
  // Row A in zone 29 repeats at 0 and 2,000 km north: 18.5° N, in band Q, not P.
  EXPECT_EQ(errorFor("29PRA"), "MGRS square 29PRA does not reach latitude band P");
  EXPECT_FALSE(parseCoordinate("29PRA", nullptr).has_value()); // no error to fill
}

} // namespace sv
