#include "geo/coordinateformat.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <numbers>
#include <vector>

namespace sv {
namespace {

// ---- Transverse Mercator on WGS84 (Karney, "Transverse Mercator with an
// accuracy of a few nanometers", J. Geodesy 85, 2011), in UTM's scale.

constexpr double kFlattening = 1.0 / 298.257223563;
constexpr double kN = kFlattening / (2.0 - kFlattening); // third flattening
constexpr double kN2 = kN * kN, kN3 = kN2 * kN, kN4 = kN3 * kN, kN5 = kN4 * kN, kN6 = kN5 * kN;
const double kEccentricity = std::sqrt(kFlattening * (2.0 - kFlattening));
constexpr double kScale = 0.9996;
// Scaled rectifying radius: the meridian is 2π times it long (eq. 14).
constexpr double kRadius = kScale * 6378137.0 / (1.0 + kN) * (1.0 + kN2 / 4.0 + kN4 / 64.0 + kN6 / 256.0);
constexpr double kFalseEasting = 500000.0;
constexpr double kFalseNorthingSouth = 10000000.0;
constexpr double kRadian = std::numbers::pi / 180.0;

// Conformal sphere to ellipsoid (eq. 35) and back (eq. 36).
constexpr std::array<double, 6> kAlpha = {
    kN / 2 - 2 * kN2 / 3 + 5 * kN3 / 16 + 41 * kN4 / 180 - 127 * kN5 / 288 + 7891 * kN6 / 37800,
    13 * kN2 / 48 - 3 * kN3 / 5 + 557 * kN4 / 1440 + 281 * kN5 / 630 - 1983433 * kN6 / 1935360,
    61 * kN3 / 240 - 103 * kN4 / 140 + 15061 * kN5 / 26880 + 167603 * kN6 / 181440,
    49561 * kN4 / 161280 - 179 * kN5 / 168 + 6601661 * kN6 / 7257600,
    34729 * kN5 / 80640 - 3418889 * kN6 / 1995840,
    212378941 * kN6 / 319334400,
};
constexpr std::array<double, 6> kBeta = {
    kN / 2 - 2 * kN2 / 3 + 37 * kN3 / 96 - kN4 / 360 - 81 * kN5 / 512 + 96199 * kN6 / 604800,
    kN2 / 48 + kN3 / 15 - 437 * kN4 / 1440 + 46 * kN5 / 105 - 1118711 * kN6 / 3870720,
    17 * kN3 / 480 - 37 * kN4 / 840 - 209 * kN5 / 4480 + 5569 * kN6 / 90720,
    4397 * kN4 / 161280 - 11 * kN5 / 504 - 830251 * kN6 / 7257600,
    4583 * kN5 / 161280 - 108847 * kN6 / 3991680,
    20648693 * kN6 / 638668800,
};

// Tangent of the conformal latitude from that of the geodetic one (eqs. 7-9).
double conformalTan(double tau) {
  const double sigma = std::sinh(kEccentricity * std::atanh(kEccentricity * tau / std::hypot(1.0, tau)));
  return tau * std::hypot(1.0, sigma) - sigma * std::hypot(1.0, tau);
}

// Its inverse by Newton's method (eqs. 19-21), which settles in two or three steps.
double geodeticTan(double conformal) {
  constexpr double kOneMinusE2 = 1.0 - kFlattening * (2.0 - kFlattening);
  double tau = conformal;
  for (int step = 0; step < 5; ++step) {
    const double guess = conformalTan(tau);
    const double delta = (conformal - guess) / std::hypot(1.0, guess) * (1.0 + kOneMinusE2 * tau * tau) /
                         (kOneMinusE2 * std::hypot(1.0, tau));
    tau += delta;
    if (std::abs(delta) < 1e-12 * std::max(1.0, std::abs(tau))) break;
  }
  return tau;
}

// Metres east and north of the central meridian's crossing of the equator,
// for radians of longitude from that meridian and of latitude.
Point2 transverseMercator(double lambda, double phi) {
  const double tau = conformalTan(std::tan(phi));
  const double xi0 = std::atan2(tau, std::cos(lambda));
  const double eta0 = std::asinh(std::sin(lambda) / std::hypot(tau, std::cos(lambda)));
  double xi = xi0;
  double eta = eta0;
  for (int j = 1; j <= 6; ++j) {
    xi += kAlpha[j - 1] * std::sin(2 * j * xi0) * std::cosh(2 * j * eta0);
    eta += kAlpha[j - 1] * std::cos(2 * j * xi0) * std::sinh(2 * j * eta0);
  }
  return {kRadius * eta, kRadius * xi};
}

// The inverse: radians of longitude from the central meridian and of latitude.
Point2 inverseTransverseMercator(const Point2& metres) {
  const double xi = metres.y / kRadius;
  const double eta = metres.x / kRadius;
  double xi0 = xi;
  double eta0 = eta;
  for (int j = 1; j <= 6; ++j) {
    xi0 -= kBeta[j - 1] * std::sin(2 * j * xi) * std::cosh(2 * j * eta);
    eta0 -= kBeta[j - 1] * std::cos(2 * j * xi) * std::sinh(2 * j * eta);
  }
  const double tau = std::sin(xi0) / std::hypot(std::sinh(eta0), std::cos(xi0));
  return {std::atan2(std::sinh(eta0), std::cos(xi0)), std::atan(geodeticTan(tau))};
}

double centralMeridian(int zone) { return zone * 6.0 - 183.0; }

int utmZone(double longitude, double latitude) {
  if (latitude >= 56.0 && latitude < 64.0 && longitude >= 3.0 && longitude < 12.0) return 32; // south-west Norway
  if (latitude >= 72.0 && longitude >= 0.0 && longitude < 42.0) {                             // Svalbard
    if (longitude < 9.0) return 31;
    if (longitude < 21.0) return 33;
    if (longitude < 33.0) return 35;
    return 37;
  }
  return std::min(static_cast<int>(std::floor((longitude + 180.0) / 6.0)) + 1, 60); // 180° belongs to zone 60
}

// ---- MGRS lettering (NGA.STND.0037, the "AA" scheme used with WGS84).

constexpr std::string_view kBands = "CDEFGHJKLMNPQRSTUVWX"; // 8° from 80° S; X stretches to 84° N
constexpr std::string_view kColumns = "ABCDEFGHJKLMNPQRSTUVWXYZ";
constexpr std::string_view kRows = "ABCDEFGHJKLMNPQRSTUV";
constexpr double kSquare = 100000.0;
constexpr double kRowCycle = 20 * kSquare;

// Zones take the column letters in three sets of eight.
int firstColumn(int zone) { return (zone - 1) % 3 * 8; }
// Row letters repeat every 2,000 km; even zones start five letters on.
int rowOffset(int zone) { return zone % 2 == 0 ? 5 : 0; }

// ---- Text.

constexpr const char* kNotACoordinate =
    "not a coordinate: expected latitude and longitude, degrees-minutes-seconds or MGRS";

std::string zeroPadded(std::int64_t value, int width) {
  std::string digits = std::to_string(value);
  if (static_cast<int>(digits.size()) < width) digits.insert(0, width - digits.size(), '0');
  return digits;
}

std::string fixed(double value, int decimals) {
  std::array<char, 330> buffer; // room for any double
  const auto end =
      std::to_chars(buffer.data(), buffer.data() + buffer.size(), value, std::chars_format::fixed, decimals);
  return std::string(buffer.data(), end.ptr);
}

std::string shortest(double value) {
  std::array<char, 64> buffer;
  const auto end = std::to_chars(buffer.data(), buffer.data() + buffer.size(), value);
  return std::string(buffer.data(), end.ptr);
}

bool isDigit(char c) { return c >= '0' && c <= '9'; }
bool isLetter(char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }
char upper(char c) { return c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c; }

std::nullopt_t fail(std::string& error, std::string message) {
  error = std::move(message);
  return std::nullopt;
}

// A value that rounds to zero takes the positive letter, so no "0.00000° S".
std::string decimalDegrees(double value, int decimals, char positive, char negative) {
  const std::string digits = fixed(std::abs(value), decimals);
  const bool isZero = digits.find_first_not_of("0.") == std::string::npos;
  return digits + "\u00B0 " + (value < 0 && !isZero ? negative : positive);
}

std::string degreesMinutesSeconds(double value, int secondDecimals, char positive, char negative) {
  // Rounding once, in whole units of the last digit, makes 59.96″ carry into the minute.
  const auto unit = static_cast<std::int64_t>(std::pow(10, secondDecimals));
  const std::int64_t units = std::llround(std::abs(value) * 3600.0 * unit);
  const std::int64_t seconds = units % (60 * unit);
  // Appended piece by piece: GCC 12 warns falsely (-Wrestrict) on a chain of string +.
  std::string text = std::to_string(units / (3600 * unit));
  text.append("\u00B0 ").append(zeroPadded(units / (60 * unit) % 60, 2)).append("\u2032 ");
  text.append(zeroPadded(seconds / unit, 2));
  if (secondDecimals > 0) text.append(".").append(zeroPadded(seconds % unit, secondDecimals));
  text.append("\u2033 ").push_back(value < 0 && units > 0 ? negative : positive);
  return text;
}

// ---- Reading MGRS.

// Zone digits followed by two letters: no latitude/longitude form starts so.
bool looksLikeMgrs(std::string_view compact) {
  std::size_t digits = 0;
  while (digits < compact.size() && isDigit(compact[digits])) ++digits;
  return digits >= 1 && digits <= 2 && compact.size() >= digits + 2 && isLetter(compact[digits]) &&
         isLetter(compact[digits + 1]);
}

std::optional<Point2> parseMgrs(std::string_view compact, std::string& error) {
  std::size_t at = 0;
  int zone = 0;
  while (isDigit(compact[at])) zone = zone * 10 + (compact[at++] - '0');
  const char band = compact[at++];
  if (zone < 1 || zone > 60) return fail(error, "MGRS zone " + std::to_string(zone) + " is outside 1 to 60");
  if (std::string_view("ABYZ").find(band) != std::string_view::npos)
    return fail(error, "polar MGRS (bands A, B, Y and Z) is not supported");
  const std::size_t bandIndex = kBands.find(band);
  if (bandIndex == std::string_view::npos)
    return fail(error, std::string("'") + band + "' is not an MGRS latitude band");
  const std::string square(compact.substr(0, at + 2));
  if (at + 2 > compact.size() || !isLetter(compact[at + 1]))
    return fail(error, "MGRS needs two letters for the 100 km square after " + square.substr(0, at));
  const std::size_t columnLetter = kColumns.find(compact[at]);
  const int column = static_cast<int>(columnLetter) - firstColumn(zone) + 1;
  if (columnLetter == std::string_view::npos || column < 1 || column > 8)
    return fail(error,
                std::string("MGRS column letter '") + compact[at] + "' is not used in zone " + std::to_string(zone));
  const std::size_t rowLetter = kRows.find(compact[at + 1]);
  if (rowLetter == std::string_view::npos)
    return fail(error, std::string("'") + compact[at + 1] + "' is not an MGRS row letter");
  const std::string_view digits = compact.substr(at + 2);
  if (!std::all_of(digits.begin(), digits.end(), isDigit))
    return fail(error, "MGRS " + square + " must be followed by digits only");
  if (digits.size() % 2 != 0 || digits.size() > 10)
    return fail(error, "MGRS needs as many easting as northing digits, at most 5 each");

  const int precision = static_cast<int>(digits.size() / 2);
  const double cell = std::pow(10.0, 5 - precision);
  const auto number = [](std::string_view text) {
    double value = 0.0;
    for (const char c : text) value = value * 10.0 + (c - '0');
    return value;
  };
  const double easting = column * kSquare + number(digits.substr(0, precision)) * cell + cell / 2.0;
  const int row = (static_cast<int>(rowLetter) - rowOffset(zone) + 20) % 20;
  const double cycleNorthing = row * kSquare + number(digits.substr(precision)) * cell + cell / 2.0;

  // A band spans under 1,400 km, so the 2,000 km cycle nearest its middle is the one.
  const double south = -80.0 + 8.0 * bandIndex;
  const double north = band == 'X' ? 84.0 : south + 8.0;
  const bool isNorth = band >= 'N';
  const double falseNorthing = isNorth ? 0.0 : kFalseNorthingSouth;
  const double middle = transverseMercator(0.0, (south + north) / 2.0 * kRadian).y + falseNorthing;
  const double northing = cycleNorthing + kRowCycle * std::round((middle - cycleNorthing) / kRowCycle);

  const Point2 angles = inverseTransverseMercator({easting - kFalseEasting, northing - falseNorthing});
  const double latitude = angles.y / kRadian;
  // A square may straddle its band's edge, but never by a whole degree.
  if (latitude < south - 1.0 || latitude > north + 1.0)
    return fail(error, "MGRS square " + square + " does not reach latitude band " + band);
  return Point2{std::remainder(centralMeridian(zone) + angles.x / kRadian, 360.0), latitude};
}

// ---- Reading latitude and longitude.

struct Token {
  enum class Kind { Number, Hemisphere, Separator };
  Kind kind = Kind::Number;
  double value = 0.0;
  bool hasFraction = false;
  bool hasSign = false;
  bool isNegative = false;
  int unit = -1; // 0 degrees, 1 minutes, 2 seconds; -1 when unmarked
  char hemisphere = 0;
};

std::optional<std::vector<Token>> tokenize(std::string_view text) {
  std::vector<Token> tokens;
  std::size_t at = 0;
  const auto consume = [&](std::string_view mark) {
    if (!text.substr(at).starts_with(mark)) return false;
    at += mark.size();
    return true;
  };
  const auto skipSpaces = [&] {
    while (at < text.size() && (text[at] == ' ' || text[at] == '\t' || text[at] == '\n' || text[at] == '\r')) ++at;
  };
  while (true) {
    skipSpaces();
    if (at == text.size()) return tokens;
    const char c = upper(text[at]);
    if (c == ',' || c == ';') {
      tokens.push_back({.kind = Token::Kind::Separator});
      ++at;
      continue;
    }
    if (c == 'N' || c == 'S' || c == 'E' || c == 'W') {
      tokens.push_back({.kind = Token::Kind::Hemisphere, .hemisphere = c});
      ++at;
      continue;
    }
    Token number;
    if (consume("-") || consume("\u2212"))
      number.hasSign = number.isNegative = true;
    else if (consume("+"))
      number.hasSign = true;
    if (at == text.size() || !isDigit(text[at])) return std::nullopt;
    const std::size_t start = at;
    while (at < text.size() && isDigit(text[at])) ++at;
    if (at < text.size() && text[at] == '.') {
      number.hasFraction = true;
      ++at;
      while (at < text.size() && isDigit(text[at])) ++at;
    }
    std::from_chars(text.data() + start, text.data() + at, number.value);
    skipSpaces();
    // Typed marks vary: º for °, apostrophes and quotes for primes, '' for ″.
    if (consume("\u00B0") || consume("\u00BA") || consume("d") || consume("D"))
      number.unit = 0;
    else if (consume("''") || consume("\"") || consume("\u2033") || consume("\u201D"))
      number.unit = 2;
    else if (consume("'") || consume("\u2032") || consume("\u2019"))
      number.unit = 1;
    tokens.push_back(number);
  }
}

struct Angle {
  std::array<double, 3> parts{}; // degrees, minutes, seconds
  int count = 0;
  bool endsInFraction = false;
  bool hasSign = false;
  bool isNegative = false;
  char hemisphere = 0;
};

// Splits tokens into angles. A separator or a trailing hemisphere letter ends
// an angle; so do a sign, a mark that does not follow the previous one
// (14° 53′ 6° ...) and a number after a fraction (14.89 6.14), since only the
// last part of an angle can have one.
std::optional<std::vector<Angle>> group(std::vector<Token> tokens) {
  // Bare numbers split in half: "14 6", "14 53 6 8", "14 53 31 6 8 29".
  const bool isBare = std::all_of(tokens.begin(), tokens.end(),
                                  [](const Token& t) { return t.kind == Token::Kind::Number && t.unit < 0; });
  if (isBare && (tokens.size() == 2 || tokens.size() == 4 || tokens.size() == 6))
    tokens.insert(tokens.begin() + tokens.size() / 2, Token{.kind = Token::Kind::Separator});

  std::vector<Angle> angles;
  bool isClosed = true; // the next number starts a new angle
  bool afterSeparator = false;
  for (const Token& token : tokens) {
    switch (token.kind) {
      case Token::Kind::Separator:
        if (angles.empty() || angles.back().count == 0 || afterSeparator) return std::nullopt;
        isClosed = afterSeparator = true;
        break;
      case Token::Kind::Hemisphere:
        afterSeparator = false;
        if (!isClosed && angles.back().count > 0 && angles.back().hemisphere == 0) {
          angles.back().hemisphere = token.hemisphere;
          isClosed = true;
        } else if (!isClosed && angles.back().count == 0) {
          return std::nullopt; // two letters in a row
        } else {
          angles.push_back({.hemisphere = token.hemisphere});
          isClosed = false;
        }
        break;
      case Token::Kind::Number: {
        afterSeparator = false;
        if (!isClosed) {
          const Angle& current = angles.back();
          const int last = current.count - 1;
          isClosed = current.count > 0 &&
                     (token.hasSign || current.endsInFraction || last == 2 || (token.unit >= 0 && token.unit <= last));
        }
        if (isClosed) angles.emplace_back();
        isClosed = false;
        Angle& angle = angles.back();
        if (token.unit >= 0 && token.unit != angle.count) return std::nullopt; // minutes without degrees, say
        if (angle.count == 0) {
          angle.hasSign = token.hasSign;
          angle.isNegative = token.isNegative;
        }
        angle.parts[angle.count++] = token.value;
        angle.endsInFraction = token.hasFraction;
        break;
      }
    }
  }
  if (afterSeparator || angles.size() != 2 || angles.back().count == 0) return std::nullopt;
  return angles;
}

std::optional<double> degrees(const Angle& angle, std::string& error) {
  if (angle.parts[1] >= 60.0) return fail(error, "minutes " + shortest(angle.parts[1]) + " must be below 60");
  if (angle.parts[2] >= 60.0) return fail(error, "seconds " + shortest(angle.parts[2]) + " must be below 60");
  if (angle.hasSign && angle.hemisphere != 0)
    return fail(error, std::string("a value has both a sign and the hemisphere letter ") + angle.hemisphere);
  const double value = angle.parts[0] + angle.parts[1] / 60.0 + angle.parts[2] / 3600.0;
  const bool isNegative = angle.isNegative || angle.hemisphere == 'S' || angle.hemisphere == 'W';
  return isNegative ? -value : value;
}

bool isLatitudeLetter(char hemisphere) { return hemisphere == 'N' || hemisphere == 'S'; }
bool isLongitudeLetter(char hemisphere) { return hemisphere == 'E' || hemisphere == 'W'; }

std::optional<Point2> parseLatitudeLongitude(std::string_view text, std::string& error) {
  std::optional<std::vector<Token>> tokens = tokenize(text);
  if (!tokens) return fail(error, kNotACoordinate);
  const std::optional<std::vector<Angle>> angles = group(std::move(*tokens));
  if (!angles) return fail(error, kNotACoordinate);
  const char first = (*angles)[0].hemisphere;
  const char second = (*angles)[1].hemisphere;
  if (isLatitudeLetter(first) && isLatitudeLetter(second))
    return fail(error, "two latitudes (N/S) and no longitude (E/W)");
  if (isLongitudeLetter(first) && isLongitudeLetter(second))
    return fail(error, "two longitudes (E/W) and no latitude (N/S)");
  const bool isLongitudeFirst = isLongitudeLetter(first) || isLatitudeLetter(second);

  const std::optional<double> latitude = degrees((*angles)[isLongitudeFirst ? 1 : 0], error);
  if (!latitude) return std::nullopt;
  const std::optional<double> longitude = degrees((*angles)[isLongitudeFirst ? 0 : 1], error);
  if (!longitude) return std::nullopt;
  if (std::abs(*latitude) > 90.0) return fail(error, "latitude " + shortest(*latitude) + " is outside \u221290 to 90");
  if (std::abs(*longitude) > 180.0)
    return fail(error, "longitude " + shortest(*longitude) + " is outside \u2212180 to 180");
  return Point2{*longitude, *latitude};
}

} // namespace

std::string formatDecimalDegrees(const Point2& lonLat, int decimals) {
  decimals = std::clamp(decimals, 0, 9);
  return decimalDegrees(lonLat.y, decimals, 'N', 'S') + ", " +
         decimalDegrees(std::remainder(lonLat.x, 360.0), decimals, 'E', 'W');
}

std::string formatDegreesMinutesSeconds(const Point2& lonLat, int secondDecimals) {
  secondDecimals = std::clamp(secondDecimals, 0, 9);
  return degreesMinutesSeconds(lonLat.y, secondDecimals, 'N', 'S') + ", " +
         degreesMinutesSeconds(std::remainder(lonLat.x, 360.0), secondDecimals, 'E', 'W');
}

std::optional<std::string> formatMgrs(const Point2& lonLat, int digits) {
  const double latitude = lonLat.y;
  const double longitude = std::remainder(lonLat.x, 360.0);
  if (!(latitude >= -80.0 && latitude <= 84.0) || !std::isfinite(longitude)) return std::nullopt;
  digits = std::clamp(digits, 0, 5);

  const int zone = utmZone(longitude, latitude);
  const Point2 metres = transverseMercator((longitude - centralMeridian(zone)) * kRadian, latitude * kRadian);
  const double easting = kFalseEasting + metres.x;
  const double northing = metres.y + (latitude < 0.0 ? kFalseNorthingSouth : 0.0);
  const int band = std::min(static_cast<int>((latitude + 80.0) / 8.0), static_cast<int>(kBands.size()) - 1);
  // Even the widened zones (32V, 31X-37X) keep within 400 km of their meridian, so the column is 1..8.
  const int column = static_cast<int>(easting / kSquare);
  const int row = static_cast<int>(northing / kSquare);

  std::string text = zeroPadded(zone, 2);
  text += kBands[band];
  text += kColumns[firstColumn(zone) + column - 1];
  text += kRows[(row + rowOffset(zone)) % 20];
  if (digits > 0) {
    const double cell = std::pow(10.0, 5 - digits);
    text += ' ' + zeroPadded(static_cast<std::int64_t>((easting - column * kSquare) / cell), digits);
    text += ' ' + zeroPadded(static_cast<std::int64_t>((northing - row * kSquare) / cell), digits);
  }
  return text;
}

std::optional<Point2> parseCoordinate(std::string_view text, std::string* error) {
  std::string discarded;
  std::string& message = error ? *error : discarded;
  std::string compact;
  for (const char c : text)
    if (c != ' ' && c != '\t') compact += upper(c);
  if (looksLikeMgrs(compact)) return parseMgrs(compact, message);
  return parseLatitudeLongitude(text, message);
}

} // namespace sv
