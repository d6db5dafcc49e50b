#pragma once

#include <cstddef>
#include <deque>
#include <string>
#include <string_view>
#include <vector>

namespace sv {

// One record of a delimited text file.
struct CsvRecord {
  std::vector<std::string_view> fields; // valid until the next call to next()
  std::size_t line = 0;                 // the physical line it starts on, from 1
  std::size_t lastLine = 0;             // the line it ends on (quoted line breaks span lines)
  bool unterminated = false;            // the file ended inside a quoted field: a truncated record
  bool strayQuote = false;              // text after a closing quote, kept as written
};

// Reads RFC 4180 delimited text from memory, as exports come: a UTF-8 byte
// order mark is skipped; records end in CRLF, LF or CR; quoted fields may hold
// delimiters, doubled quotes and line breaks; the last record need not end
// in a line break. Empty lines are skipped (and counted). Fields point into
// the text unless unquoting changed them. Never throws; a malformed record is
// returned with its flags set, and reading goes on after it.
class CsvReader {
public:
  explicit CsvReader(std::string_view text, char delimiter = ',');

  bool next(CsvRecord& record);
  // How far through the text, for progress: 0 to text size.
  std::size_t position() const { return m_pos; }
  std::size_t size() const { return m_text.size(); }
  // The line the reader is on: after the last record, 1 + the line breaks read.
  std::size_t line() const { return m_line; }

private:
  std::string_view m_text;
  char m_delimiter;
  std::size_t m_pos = 0;
  std::size_t m_line = 1;
  std::deque<std::string> m_unquoted;
};

// The delimiter of a header line: the most frequent of , ; tab and | outside
// quotes (a comma when none occurs).
char sniffDelimiter(std::string_view text);

// True when the start of a file is not text: NUL bytes, or mostly bytes that
// are neither printable ASCII, whitespace nor valid UTF-8.
bool looksBinary(std::string_view head);

// The text without a UTF-8 byte order mark.
std::string_view withoutBom(std::string_view text);

} // namespace sv
