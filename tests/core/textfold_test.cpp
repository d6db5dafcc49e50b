#include "domain/textfold.h"

#include <gtest/gtest.h>

namespace sv {

TEST(TextFold, RemovesFrenchAccentsAndCase) {
  EXPECT_EQ(foldText("Ségou"), "segou");
  EXPECT_EQ(foldText("SÉGOU"), "segou");
  EXPECT_EQ(foldText("Kéniéba"), "kenieba");
  EXPECT_EQ(foldText("Diéma Niafunké Abeïbara Tombouctou Ménaka"), "diema niafunke abeibara tombouctou menaka");
  EXPECT_EQ(foldText("Côte d’Ivoire"), "cote d'ivoire");
  EXPECT_EQ(foldText("Œuvre"), "oeuvre");
}

TEST(TextFold, HandlesDecomposedAccents) {
  // "Se" + combining acute accent + "gou"
  EXPECT_EQ(foldText("Se\xCC\x81gou"), "segou");
}

TEST(TextFold, KeepsOtherScriptsAndSurvivesBrokenUtf8) {
  EXPECT_EQ(foldText("مالي"), "مالي");
  EXPECT_EQ(foldText("ab\xC3"), "ab\xEF\xBF\xBD"); // truncated sequence becomes U+FFFD
  EXPECT_EQ(foldText("a\xFF"
                     "b"),
            "a\xEF\xBF\xBD"
            "b");
}

TEST(SearchKey, IgnoresPunctuationAndSpaces) {
  EXPECT_EQ(searchKey("N'Débougou"), "ndebougou");
  EXPECT_EQ(searchKey("N’Debougou"), "ndebougou");
  EXPECT_EQ(searchKey("Yérédon-Saniona"), "yeredonsaniona");
  EXPECT_EQ(searchKey("  Toridaga Ko "), "toridagako");
  EXPECT_EQ(searchKey("?!"), "");
}

TEST(LooseKey, ReadsYAsIAndDoubledLettersAsOne) {
  EXPECT_EQ(looseKey("Dogofry"), "dogofri");
  EXPECT_EQ(looseKey("Dogofri"), "dogofri");
  EXPECT_EQ(looseKey("Dilly"), "dili");
  EXPECT_EQ(looseKey("Diabaly"), looseKey("Diabali"));
  EXPECT_NE(looseKey("Kati"), looseKey("Kita"));
}

} // namespace sv
