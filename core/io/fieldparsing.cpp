#include "io/fieldparsing.h"

#include <array>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdlib>

namespace sv {

namespace {

constexpr std::array<std::string_view, 12> kMonths{"january",   "february", "march",    "april",
                                                   "may",       "june",     "july",     "august",
                                                   "september", "october",  "november", "december"};

std::optional<int> monthFromName(std::string_view name) {
  if (name.size() < 3 || name.size() > 9) return std::nullopt;
  char lower[9];
  for (std::size_t i = 0; i < name.size(); ++i)
    lower[i] = static_cast<char>(std::tolower(static_cast<unsigned char>(name[i])));
  std::string_view key(lower, name.size());
  if (key == "sept") key = "sep";
  for (std::size_t m = 0; m < kMonths.size(); ++m)
    if (kMonths[m].substr(0, key.size()) == key) return static_cast<int>(m) + 1;
  return std::nullopt;
}

bool allDigits(std::string_view text) {
  if (text.empty()) return false;
  for (char c : text)
    if (c < '0' || c > '9') return false;
  return true;
}

int toInt(std::string_view digits) {
  int value = 0;
  std::from_chars(digits.data(), digits.data() + digits.size(), value);
  return value;
}

std::optional<ParsedDate> dayDate(int year, int month, int day) {
  const CivilDate date{year, month, day};
  if (year < 1 || year > 9999 || !isValidCivil(date)) return std::nullopt;
  const DayNumber d = dayFromCivil(date);
  return ParsedDate{d, d, DatePrecision::Day};
}

std::optional<ParsedDate> monthDate(int year, int month) {
  if (year < 1 || year > 9999 || month < 1 || month > 12) return std::nullopt;
  return ParsedDate{dayFromCivil({year, month, 1}), dayFromCivil({year, month, daysInMonth(year, month)}),
                    DatePrecision::Month};
}

// Splits on any of the separators, keeping empty parts.
std::vector<std::string_view> splitAny(std::string_view text, std::string_view separators) {
  std::vector<std::string_view> parts;
  std::size_t begin = 0;
  for (std::size_t i = 0; i <= text.size(); ++i) {
    if (i == text.size() || separators.find(text[i]) != std::string_view::npos) {
      parts.push_back(text.substr(begin, i - begin));
      begin = i + 1;
    }
  }
  return parts;
}

} // namespace

std::string_view trimmed(std::string_view text) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) text.remove_prefix(1);
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) text.remove_suffix(1);
  return text;
}

std::optional<ParsedDate> parseFlexibleDate(std::string_view text) {
  text = trimmed(text);
  if (text.empty()) return std::nullopt;
  // A time of day after the date: "T06:30:00Z" or " 00:00:00.000".
  if (const auto t = text.find_first_of("T "); t != std::string_view::npos && t >= 7 && t + 1 < text.size() &&
                                               std::isdigit(static_cast<unsigned char>(text[0])) &&
                                               std::isdigit(static_cast<unsigned char>(text[t + 1])) &&
                                               text.find(':', t) != std::string_view::npos)
    text = text.substr(0, t);

  if (allDigits(text) && text.size() == 4) {
    const int year = toInt(text);
    if (year < 1) return std::nullopt;
    return ParsedDate{dayFromCivil({year, 1, 1}), dayFromCivil({year, 12, 31}), DatePrecision::Year};
  }
  // Compact forms, as GDELT and many agency exports write them: YYYYMMDD
  // (SQLDATE), YYYYMMDDHHMMSS (DATEADDED) and YYYYMM (MonthYear).
  if (allDigits(text) && (text.size() == 8 || text.size() == 14))
    return dayDate(toInt(text.substr(0, 4)), toInt(text.substr(4, 2)), toInt(text.substr(6, 2)));
  if (allDigits(text) && text.size() == 6) return monthDate(toInt(text.substr(0, 4)), toInt(text.substr(4, 2)));

  // At most three words, separated by - / . or spaces: no allocation, run for every row.
  std::array<std::string_view, 3> words;
  std::size_t wordCount = 0;
  for (std::size_t i = 0; i < text.size();) {
    while (i < text.size() && std::string_view("-/. ").find(text[i]) != std::string_view::npos) ++i;
    const std::size_t begin = i;
    while (i < text.size() && std::string_view("-/. ").find(text[i]) == std::string_view::npos) ++i;
    if (i == begin) break;
    if (wordCount == words.size()) return std::nullopt;
    words[wordCount++] = text.substr(begin, i - begin);
  }
  if (wordCount == 2) {
    // "2025-08" or "August 2025".
    if (allDigits(words[0]) && words[0].size() == 4 && allDigits(words[1]) && words[1].size() <= 2)
      return monthDate(toInt(words[0]), toInt(words[1]));
    if (auto month = monthFromName(words[0]); month && allDigits(words[1]) && words[1].size() == 4)
      return monthDate(toInt(words[1]), *month);
    return std::nullopt;
  }
  if (wordCount != 3) return std::nullopt;
  if (allDigits(words[0]) && words[0].size() == 4) {
    // Year first: ISO or GDAL's slashes.
    if (!allDigits(words[1]) || !allDigits(words[2]) || words[1].size() > 2 || words[2].size() > 2) return std::nullopt;
    return dayDate(toInt(words[0]), toInt(words[1]), toInt(words[2]));
  }
  if (!allDigits(words[0]) || words[0].size() > 2 || !allDigits(words[2]) || words[2].size() != 4) return std::nullopt;
  const int day = toInt(words[0]);
  const int year = toInt(words[2]);
  if (allDigits(words[1])) {
    if (words[1].size() > 2) return std::nullopt;
    return dayDate(year, toInt(words[1]), day);
  }
  const auto month = monthFromName(words[1]);
  if (!month) return std::nullopt;
  return dayDate(year, *month, day);
}

std::optional<double> parseDecimal(std::string_view text) {
  text = trimmed(text);
  if (text.empty()) return std::nullopt;
  if (text.front() == '+') text.remove_prefix(1);
  double value = 0.0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || !std::isfinite(value)) return std::nullopt;
  return value;
}

std::optional<std::int64_t> parseWholeNumber(std::string_view text) {
  text = trimmed(text);
  if (text.empty()) return std::nullopt;
  std::int64_t value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error == std::errc() && end == text.data() + text.size()) return value;
  const auto decimal = parseDecimal(text);
  if (!decimal || std::trunc(*decimal) != *decimal || std::fabs(*decimal) > 9.0e15) return std::nullopt;
  return static_cast<std::int64_t>(*decimal);
}

std::string normaliseId(std::string_view text) {
  text = trimmed(text);
  const auto dot = text.find('.');
  if (dot != std::string_view::npos && dot > 0) {
    const std::string_view fraction = text.substr(dot + 1);
    bool zeros = !fraction.empty();
    for (char c : fraction) zeros = zeros && c == '0';
    bool digitsBefore = true;
    for (char c : text.substr(0, dot)) digitsBefore = digitsBefore && std::isdigit(static_cast<unsigned char>(c));
    if (zeros && digitsBefore) text = text.substr(0, dot);
  }
  return std::string(text);
}

std::vector<std::string> splitList(std::string_view text, char separator) {
  std::vector<std::string> items;
  std::size_t begin = 0;
  for (std::size_t i = 0; i <= text.size(); ++i) {
    if (i == text.size() || text[i] == separator) {
      const std::string_view item = trimmed(text.substr(begin, i - begin));
      if (!item.empty()) items.emplace_back(item);
      begin = i + 1;
    }
  }
  return items;
}

std::optional<std::pair<double, double>> parseWktPoint(std::string_view text) {
  text = trimmed(text);
  std::string upper;
  for (char c : text.substr(0, std::min<std::size_t>(text.size(), 8)))
    upper += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  if (upper.rfind("POINT", 0) != 0) return std::nullopt;
  const auto open = text.find('(');
  const auto close = text.rfind(')');
  if (open == std::string_view::npos || close == std::string_view::npos || close < open) return std::nullopt;
  std::vector<std::string_view> numbers;
  for (std::string_view part : splitAny(text.substr(open + 1, close - open - 1), " \t"))
    if (!part.empty()) numbers.push_back(part);
  if (numbers.size() < 2 || numbers.size() > 4) return std::nullopt;
  const auto x = parseDecimal(numbers[0]);
  const auto y = parseDecimal(numbers[1]);
  if (!x || !y) return std::nullopt;
  return std::make_pair(*x, *y);
}

} // namespace sv
