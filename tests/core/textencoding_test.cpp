// Text is decided once: UTF-8, or else Windows-1252 transcoded to UTF-8.
#include "io/textencoding.h"

#include <gtest/gtest.h>

namespace sv {
namespace {

TEST(TextEncoding, TellsValidUtf8FromWhatIsNot) {
  EXPECT_TRUE(isValidUtf8(""));
  EXPECT_TRUE(isValidUtf8("plain ASCII, long enough for the eight-byte path"));
  EXPECT_TRUE(isValidUtf8("S\xC3\xA9gou, \xE2\x82\xAC, \xF0\x9F\x97\xBA"));
  EXPECT_FALSE(isValidUtf8("S\xE9gou"));               // Windows-1252 é
  EXPECT_FALSE(isValidUtf8("\xC0\x80"));               // an overlong NUL
  EXPECT_FALSE(isValidUtf8("\xED\xA0\x80"));           // a surrogate
  EXPECT_FALSE(isValidUtf8("\xF4\x90\x80\x80"));       // past U+10FFFF
  EXPECT_FALSE(isValidUtf8("caf\xC3"));                // cut off at the end
  EXPECT_TRUE(isValidUtf8("caf\xC3", true));           // ...which a partial read allows
  EXPECT_FALSE(isValidUtf8("caf\xC3 and more", true)); // but not inside the text
}

TEST(TextEncoding, ReadsWindows1252AsFrenchExcelWritesIt) {
  std::size_t replaced = 99;
  EXPECT_EQ(windows1252ToUtf8("S\xE9gou, l\x92"
                              "attaque, 5\xA0\x80, \x9C"
                              "uvre",
                              &replaced),
            "S\xC3\xA9gou, l\xE2\x80\x99"
            "attaque, 5\xC2\xA0\xE2\x82\xAC, \xC5\x93uvre");
  EXPECT_EQ(replaced, 0u);
  // The five bytes it leaves undefined become U+FFFD, counted.
  EXPECT_EQ(windows1252ToUtf8("a\x81"
                              "b\x9D",
                              &replaced),
            "a\xEF\xBF\xBD"
            "b\xEF\xBF\xBD");
  EXPECT_EQ(replaced, 2u);
  EXPECT_TRUE(isValidUtf8(windows1252ToUtf8(std::string(256, '\xFF'))));
}

TEST(TextEncoding, ReplacesInvalidSequencesInTextOfUnknownOrigin) {
  EXPECT_EQ(validUtf8("ok S\xC3\xA9gou"), "ok S\xC3\xA9gou");
  EXPECT_EQ(validUtf8("S\xE9gou"), "S\xEF\xBF\xBDgou");
  EXPECT_EQ(validUtf8("end\xE2\x82"), "end\xEF\xBF\xBD\xEF\xBF\xBD");
}

} // namespace
} // namespace sv
