#pragma once

#include "domain/calendar.h"
#include "domain/incident.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sv {

// A date as an imported file writes it, with the span it covers: a full date
// is one day, "2025-08" a month, "2025" a year.
struct ParsedDate {
  DayNumber start = 0;
  DayNumber end = 0;
  DatePrecision precision = DatePrecision::Day;
};

// Reads the date forms exports use, ignoring any time of day:
//  - ISO "2025-08-19", "2025-08-19T06:30:00Z", "2025-08-19 00:00:00.000";
//  - GDAL's "2025/08/19" (year first);
//  - ACLED's "19 August 2025", "19 Aug 2025", "19-August-2025";
//  - day first "19/08/2025", "19-08-2025", "19.08.2025" (ACLED's codebook order);
//  - "2025-08" and "August 2025" (a month), "2025" (a year).
// nullopt for anything else, or for a day that does not exist.
//   compact: 20250819 (day), 20250819063000 (day, the time ignored), 202508 (month)
std::optional<ParsedDate> parseFlexibleDate(std::string_view text);

// Whole numbers as exports write them: "12", " 12 ", "12.0" (spreadsheets and
// pandas write integers as floats). nullopt for anything else.
std::optional<std::int64_t> parseWholeNumber(std::string_view text);
// A finite decimal number ("12.5", "-4", "1e3"); nullopt for anything else.
std::optional<double> parseDecimal(std::string_view text);

// An identifier as written, with a float suffix removed: "1822.0" -> "1822".
std::string normaliseId(std::string_view text);

// The items of a multi-value field, trimmed, empty items dropped: ACLED
// separates them with "; ".
std::vector<std::string> splitList(std::string_view text, char separator = ';');

std::string_view trimmed(std::string_view text);

// A point in WKT, "POINT (lon lat)" or "POINT Z (lon lat z)"; nullopt for
// anything else.
std::optional<std::pair<double, double>> parseWktPoint(std::string_view text);

} // namespace sv
