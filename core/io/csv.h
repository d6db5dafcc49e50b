#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace sv {

// One CSV field (RFC 4180): quoted when it holds a comma, quote or line break.
// Text that a spreadsheet would run as a formula (starting with =, +, -, @,
// tab or carriage return, and not a plain number) gets a leading apostrophe.
std::string csvField(std::string_view text);
// A whole row, fields joined by commas, ending in CRLF as RFC 4180 asks.
std::string csvRow(const std::vector<std::string>& fields);

} // namespace sv
