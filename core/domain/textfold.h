#pragma once

#include <string>
#include <string_view>

namespace sv {

// Folds UTF-8 text for comparison: lower case, Latin diacritics removed
// ("Ségou" -> "segou"), typographic apostrophes made plain.
std::string foldText(std::string_view utf8);

// A search key: the folded text with everything but [a-z0-9] dropped, so that
// "N'Débougou", "N Debougou" and "Ndebougou" all give "ndebougou".
std::string searchKey(std::string_view utf8);

// A looser key for spellings that differ in transliteration: the search key
// with "y" read as "i" and doubled letters single ("Dogofry", "Dogofri" and
// "Dogoffri" all give "dogofri").
std::string looseKey(std::string_view utf8);

} // namespace sv
