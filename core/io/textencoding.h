#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace sv {

// Text read from files is decided once: UTF-8, or else Windows-1252 (what
// French Excel and many agency exports write), transcoded to UTF-8, so that
// nothing inside holds invalid UTF-8.

// True when `text` is valid UTF-8. With `truncated`, a sequence cut off at
// the very end (a file read only in part) does not count against it.
bool isValidUtf8(std::string_view text, bool truncated = false);

// Windows-1252 to UTF-8 (through iconv). Its five undefined bytes become
// U+FFFD; `replaced`, when given, counts them.
std::string windows1252ToUtf8(std::string_view text, std::size_t* replaced = nullptr);

// A file's text as UTF-8, decided once for the whole of it: `bytes` itself
// when they are valid UTF-8 (`truncated`: read only in part), else their
// Windows-1252 transcoding, kept in `storage`. `note` says what was done,
// for the import report; empty when the bytes were UTF-8.
struct DecodedText {
  std::string_view text;
  std::string note;
};
DecodedText decodeText(std::string_view bytes, std::string& storage, bool truncated = false);

// Invalid UTF-8 sequences replaced by U+FFFD, for text of unknown origin
// (a name in a GDAL layer, a message quoting a file).
std::string validUtf8(std::string_view text);

} // namespace sv
