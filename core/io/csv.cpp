#include "io/csv.h"

#include <charconv>

namespace sv {

namespace {

bool isPlainNumber(std::string_view text) {
  double value = 0.0;
  const auto result = std::from_chars(text.data(), text.data() + text.size(), value);
  return result.ec == std::errc{} && result.ptr == text.data() + text.size();
}

} // namespace

std::string csvField(std::string_view text) {
  std::string value;
  if (!text.empty()) {
    const char first = text.front();
    const bool formulaLike =
        first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
    if (formulaLike && !isPlainNumber(text)) value += '\'';
  }
  value.append(text);
  if (value.find_first_of(",\"\r\n") == std::string::npos) return value;
  std::string quoted = "\"";
  for (char c : value) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  quoted += '"';
  return quoted;
}

std::string csvRow(const std::vector<std::string>& fields) {
  std::string row;
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (i > 0) row += ',';
    row += csvField(fields[i]);
  }
  row += "\r\n";
  return row;
}

} // namespace sv
