#include "domain/textfold.h"

#include <cstdint>

namespace sv {
namespace {

using namespace std::string_view_literals;

// Base letters for U+00C0..U+017F (Latin-1 Supplement letters and Latin
// Extended-A), lower case; '\0' where the code point has no single base letter.
constexpr std::string_view kLatin1Letters =
    // U+00C0..U+00FF
    "aaaaaaaceeeeiiii"      // C0-CF (C6 handled apart)
    "dnooooo\0ouuuuy\0\0"   // D0-DF (D7 x, DE thorn, DF sharp s handled apart)
    "aaaaaaaceeeeiiii"      // E0-EF
    "dnooooo\0ouuuuy\0y"sv; // F0-FF
constexpr std::string_view kLatinExtendedA =
    // U+0100..U+017F
    "aaaaaaccccccccdd"    // 0100-010F
    "ddeeeeeeeeeegggg"    // 0110-011F
    "gggghhhhiiiiiiii"    // 0120-012F
    "ii\0\0jjkkklllllll"  // 0130-013F (0132/0133 ij handled apart)
    "lllnnnnnnnnnoooo"    // 0140-014F (014A/014B eng handled apart)
    "oooorrrrrrssssss"    // 0150-015F (0152/0153 oe handled apart)
    "ssttttttuuuuuuuu"    // 0160-016F
    "uuuuwwyyyzzzzzzs"sv; // 0170-017F
static_assert(kLatin1Letters.size() == 0x40);
static_assert(kLatinExtendedA.size() == 0x80);

char32_t decodeNext(std::string_view s, std::size_t& i) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char c = byte(i);
  if (c < 0x80) {
    ++i;
    return c;
  }
  int extra = 0;
  char32_t cp = 0;
  if ((c & 0xE0) == 0xC0) {
    extra = 1;
    cp = c & 0x1F;
  } else if ((c & 0xF0) == 0xE0) {
    extra = 2;
    cp = c & 0x0F;
  } else if ((c & 0xF8) == 0xF0) {
    extra = 3;
    cp = c & 0x07;
  } else {
    ++i;
    return 0xFFFD;
  }
  if (i + static_cast<std::size_t>(extra) >= s.size()) {
    i = s.size();
    return 0xFFFD;
  }
  for (int k = 1; k <= extra; ++k) {
    const unsigned char cc = byte(i + static_cast<std::size_t>(k));
    if ((cc & 0xC0) != 0x80) {
      i += static_cast<std::size_t>(k);
      return 0xFFFD;
    }
    cp = (cp << 6) | (cc & 0x3F);
  }
  i += static_cast<std::size_t>(extra) + 1;
  return cp;
}

void appendUtf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

// Appends the folded form of one code point.
void foldCodePoint(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    const char c = static_cast<char>(cp);
    out.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
    return;
  }
  switch (cp) {
    case 0x00C6:
    case 0x00E6: out += "ae"; return;
    case 0x00DF: out += "ss"; return;
    case 0x00DE:
    case 0x00FE: out += "th"; return;
    case 0x00D7: out += "x"; return;
    case 0x0132:
    case 0x0133: out += "ij"; return;
    case 0x0152:
    case 0x0153: out += "oe"; return;
    case 0x014A:
    case 0x014B: out += "n"; return;
    case 0x2018:
    case 0x2019:
    case 0x02BC:
    case 0x00B4:
    case 0x0060: out += "'"; return;
    case 0x2010:
    case 0x2011:
    case 0x2012:
    case 0x2013:
    case 0x2014: out += "-"; return;
    case 0x00A0: out += " "; return;
    default: break;
  }
  if (cp >= 0x00C0 && cp <= 0x00FF) {
    const char base = kLatin1Letters[cp - 0x00C0];
    if (base != '\0') {
      out.push_back(base);
      return;
    }
  } else if (cp >= 0x0100 && cp <= 0x017F) {
    const char base = kLatinExtendedA[cp - 0x0100];
    if (base != '\0') {
      out.push_back(base);
      return;
    }
  } else if (cp >= 0x0300 && cp <= 0x036F) {
    return; // combining diacritical marks (decomposed input)
  }
  appendUtf8(out, cp);
}

} // namespace

std::string foldText(std::string_view utf8) {
  std::string out;
  out.reserve(utf8.size());
  std::size_t i = 0;
  while (i < utf8.size()) {
    foldCodePoint(out, decodeNext(utf8, i));
  }
  return out;
}

std::string searchKey(std::string_view utf8) {
  const std::string folded = foldText(utf8);
  std::string key;
  key.reserve(folded.size());
  for (const char c : folded) {
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      key.push_back(c);
    }
  }
  return key;
}

std::string looseKey(std::string_view utf8) {
  std::string key;
  for (char c : searchKey(utf8)) {
    if (c == 'y') c = 'i';
    if (key.empty() || key.back() != c) key.push_back(c);
  }
  return key;
}

} // namespace sv
