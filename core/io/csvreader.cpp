#include "io/csvreader.h"

#include <array>

namespace sv {

std::string_view withoutBom(std::string_view text) {
  if (text.size() >= 3 && text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  return text;
}

CsvReader::CsvReader(std::string_view text, char delimiter) : m_text(withoutBom(text)), m_delimiter(delimiter) {}

bool CsvReader::next(CsvRecord& record) {
  record.fields.clear();
  record.unterminated = false;
  record.strayQuote = false;
  m_unquoted.clear();
  const std::string_view text = m_text;
  const std::size_t n = text.size();

  // Skip empty lines.
  while (m_pos < n && (text[m_pos] == '\n' || text[m_pos] == '\r')) {
    if (text[m_pos] == '\r' && m_pos + 1 < n && text[m_pos + 1] == '\n') ++m_pos;
    ++m_pos;
    ++m_line;
  }
  if (m_pos >= n) return false;
  record.line = m_line;

  // One field per iteration; the record ends at a line break or the end.
  for (;;) {
    if (m_pos < n && text[m_pos] == '"') {
      // Quoted: up to the closing quote; "" is a quote; line breaks are kept.
      std::string* value = nullptr;
      std::size_t start = ++m_pos;
      for (;;) {
        const std::size_t quote = text.find('"', m_pos);
        // Count the line breaks the field spans.
        const std::size_t end = quote == std::string_view::npos ? n : quote;
        for (std::size_t k = m_pos; k < end; ++k)
          if (text[k] == '\n' || (text[k] == '\r' && (k + 1 >= n || text[k + 1] != '\n'))) ++m_line;
        if (quote == std::string_view::npos) {
          record.unterminated = true;
          if (value) value->append(text.substr(start, n - start));
          record.fields.push_back(value ? std::string_view(*value) : text.substr(start, n - start));
          m_pos = n;
          record.lastLine = m_line;
          return true;
        }
        if (quote + 1 < n && text[quote + 1] == '"') {
          if (!value) value = &m_unquoted.emplace_back();
          value->append(text.substr(start, quote + 1 - start));
          m_pos = start = quote + 2;
          continue;
        }
        if (value) value->append(text.substr(start, quote - start));
        std::string_view field = value ? std::string_view(*value) : text.substr(start, quote - start);
        m_pos = quote + 1;
        // Text after the closing quote is kept as written.
        const std::size_t after = m_pos;
        while (m_pos < n && text[m_pos] != m_delimiter && text[m_pos] != '\n' && text[m_pos] != '\r') ++m_pos;
        if (m_pos > after) {
          record.strayQuote = true;
          if (!value) value = &m_unquoted.emplace_back(field);
          value->append(text.substr(after, m_pos - after));
          field = *value;
        }
        record.fields.push_back(field);
        break;
      }
    } else {
      const std::size_t start = m_pos;
      while (m_pos < n && text[m_pos] != m_delimiter && text[m_pos] != '\n' && text[m_pos] != '\r') ++m_pos;
      record.fields.push_back(text.substr(start, m_pos - start));
    }
    if (m_pos < n && text[m_pos] == m_delimiter) {
      ++m_pos;
      continue;
    }
    // End of the record.
    record.lastLine = m_line;
    if (m_pos < n) {
      if (text[m_pos] == '\r' && m_pos + 1 < n && text[m_pos + 1] == '\n') ++m_pos;
      ++m_pos;
      ++m_line;
    }
    return true;
  }
}

char sniffDelimiter(std::string_view text) {
  constexpr std::array<char, 4> candidates{',', ';', '\t', '|'};
  std::array<std::size_t, 4> counts{};
  bool quoted = false;
  for (char c : withoutBom(text)) {
    if (c == '"') quoted = !quoted;
    if (quoted) continue;
    if (c == '\n' || c == '\r') break;
    for (std::size_t k = 0; k < candidates.size(); ++k)
      if (c == candidates[k]) ++counts[k];
  }
  std::size_t best = 0;
  for (std::size_t k = 1; k < candidates.size(); ++k)
    if (counts[k] > counts[best]) best = k;
  return counts[best] > 0 ? candidates[best] : ',';
}

bool looksBinary(std::string_view head) {
  std::size_t odd = 0;
  for (std::size_t i = 0; i < head.size();) {
    const auto c = static_cast<unsigned char>(head[i]);
    if (c == 0) return true;
    if (c < 0x80) {
      if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f') ++odd;
      ++i;
      continue;
    }
    // A UTF-8 sequence: a lead byte and its continuation bytes.
    const std::size_t length = c >= 0xF0 && c < 0xF5 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 && c < 0xE0 ? 2 : 0;
    bool valid = length > 0 && i + length <= head.size();
    for (std::size_t k = 1; valid && k < length; ++k) valid = (static_cast<unsigned char>(head[i + k]) & 0xC0) == 0x80;
    if (!valid && i + length > head.size() && length > 0) break; // cut at the end of the sample
    if (!valid) {
      ++odd;
      ++i;
    } else {
      i += length;
    }
  }
  return odd * 10 > head.size();
}

} // namespace sv
