#include "io/textencoding.h"

#include <iconv.h>

#include <cerrno>
#include <cstdint>

namespace sv {
namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD"; // U+FFFD

// The length of the UTF-8 sequence starting at text[i], 0 when invalid, or
// std::string_view::npos when it is cut off by the end of `text`.
std::size_t sequenceLength(std::string_view text, std::size_t i) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  const unsigned char lead = byte(i);
  if (lead < 0x80) return 1;
  std::size_t length = 0;
  unsigned char low = 0x80, high = 0xBF; // the range of the second byte
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3;
    if (lead == 0xE0) low = 0xA0;  // no overlong forms
    if (lead == 0xED) high = 0x9F; // no surrogates
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4;
    if (lead == 0xF0) low = 0x90;
    if (lead == 0xF4) high = 0x8F; // nothing past U+10FFFF
  } else {
    return 0;
  }
  for (std::size_t k = 1; k < length; ++k) {
    if (i + k >= text.size()) return std::string_view::npos;
    const unsigned char c = byte(i + k);
    if (k == 1 ? (c < low || c > high) : (c < 0x80 || c > 0xBF)) return 0;
  }
  return length;
}

} // namespace

bool isValidUtf8(std::string_view text, bool truncated) {
  std::size_t i = 0;
  while (i < text.size()) {
    // ASCII runs, eight bytes at a time.
    while (i + 8 <= text.size()) {
      std::uint64_t word = 0;
      for (std::size_t k = 0; k < 8; ++k)
        word |= static_cast<std::uint64_t>(static_cast<unsigned char>(text[i + k])) << (8 * k);
      if (word & 0x8080808080808080ull) break;
      i += 8;
    }
    if (i >= text.size()) break;
    const std::size_t length = sequenceLength(text, i);
    if (length == std::string_view::npos) return truncated;
    if (length == 0) return false;
    i += length;
  }
  return true;
}

std::string validUtf8(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  std::size_t i = 0;
  while (i < text.size()) {
    const std::size_t length = sequenceLength(text, i);
    if (length == 0 || length == std::string_view::npos) {
      out += kReplacement;
      ++i;
      continue;
    }
    out.append(text.substr(i, length));
    i += length;
  }
  return out;
}

DecodedText decodeText(std::string_view bytes, std::string& storage, bool truncated) {
  if (isValidUtf8(bytes, truncated)) return {bytes, {}};
  std::size_t replaced = 0;
  storage = windows1252ToUtf8(bytes, &replaced);
  std::string note = "the file is not UTF-8: read as Windows-1252";
  if (replaced > 0)
    note.append(" (")
        .append(std::to_string(replaced))
        .append(" bytes that encoding leaves undefined shown as ")
        .append(kReplacement)
        .append(")");
  return {storage, std::move(note)};
}

std::string windows1252ToUtf8(std::string_view text, std::size_t* replaced) {
  if (replaced) *replaced = 0;
  std::string out;
  iconv_t converter = iconv_open("UTF-8", "WINDOWS-1252");
  if (converter == reinterpret_cast<iconv_t>(-1)) {
    // No converter: Latin-1 is Windows-1252 but for 0x80–0x9F, which become U+FFFD.
    for (const char c : text) {
      const auto byte = static_cast<unsigned char>(c);
      if (byte < 0x80) {
        out += c;
      } else if (byte < 0xA0) {
        out += kReplacement;
        if (replaced) ++*replaced;
      } else {
        out += static_cast<char>(0xC0 | (byte >> 6));
        out += static_cast<char>(0x80 | (byte & 0x3F));
      }
    }
    return out;
  }
  out.resize(text.size() * 3 + 16); // at most three bytes of UTF-8 per byte
  char* in = const_cast<char*>(text.data());
  std::size_t inLeft = text.size();
  char* outPointer = out.data();
  std::size_t outLeft = out.size();
  while (inLeft > 0) {
    if (::iconv(converter, &in, &inLeft, &outPointer, &outLeft) != static_cast<std::size_t>(-1)) break;
    if (errno != EILSEQ && errno != EINVAL) break;
    // A byte Windows-1252 leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D).
    ++in;
    --inLeft;
    if (outLeft < kReplacement.size()) break;
    for (const char c : kReplacement) *outPointer++ = c;
    outLeft -= kReplacement.size();
    if (replaced) ++*replaced;
  }
  iconv_close(converter);
  out.resize(out.size() - outLeft);
  return out;
}

} // namespace sv
