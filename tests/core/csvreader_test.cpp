// Delimited text as exports write it: BOM, CRLF, quoted delimiters, doubled
// quotes and line breaks, truncated files, other delimiters, binary files.
#include "io/csvreader.h"

#include <gtest/gtest.h>

#include <cstdint>

#include <string>
#include <vector>

namespace sv {
namespace {

struct Row {
  std::vector<std::string> fields;
  std::size_t line;
  std::size_t lastLine;
  bool unterminated;
  bool strayQuote;
};

std::vector<Row> readAll(std::string_view text, char delimiter = ',') {
  CsvReader reader(text, delimiter);
  CsvRecord record;
  std::vector<Row> rows;
  while (reader.next(record))
    rows.push_back({std::vector<std::string>(record.fields.begin(), record.fields.end()), record.line, record.lastLine,
                    record.unterminated, record.strayQuote});
  EXPECT_EQ(reader.position(), reader.size());
  return rows;
}

using Fields = std::vector<std::string>;

TEST(CsvReader, SkipsTheBomAndReadsCrlfAndLf) {
  const auto rows = readAll(
      "\xEF\xBB\xBF"
      "event_id_cnty,event_date\r\nMLI1,2020-10-06\r\nMLI2,6 October 2020\n");
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[0].fields, (Fields{"event_id_cnty", "event_date"}));
  EXPECT_EQ(rows[1].fields, (Fields{"MLI1", "2020-10-06"}));
  EXPECT_EQ(rows[2].fields, (Fields{"MLI2", "6 October 2020"}));
  EXPECT_EQ(rows[2].line, 3u);
}

TEST(CsvReader, QuotedFieldsKeepDelimitersDoubledQuotesAndLineBreaks) {
  const std::string text =
      "id,notes,fatalities\n"
      "1,\"On 6 October, JNIM \"\"fighters\"\" attacked.\nA second line.\r\nA third.\",3\n"
      "2,plain,0\n"
      "3,\"\",\n";
  const auto rows = readAll(text);
  ASSERT_EQ(rows.size(), 4u);
  EXPECT_EQ(rows[1].fields,
            (Fields{"1", "On 6 October, JNIM \"fighters\" attacked.\nA second line.\r\nA third.", "3"}));
  EXPECT_EQ(rows[1].line, 2u);
  EXPECT_EQ(rows[1].lastLine, 4u);
  // Line numbers go on counting after a multi-line record.
  EXPECT_EQ(rows[2].line, 5u);
  EXPECT_EQ(rows[2].fields, (Fields{"2", "plain", "0"}));
  EXPECT_EQ(rows[3].fields, (Fields{"3", "", ""}));
  EXPECT_EQ(rows[3].line, 6u);
}

TEST(CsvReader, LastLineWithoutBreakEmptyLinesAndTrailingDelimiter) {
  const auto rows = readAll("a,b\n\n\r\n1,2,\n3,4");
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[1].fields, (Fields{"1", "2", ""}));
  EXPECT_EQ(rows[1].line, 4u);
  EXPECT_EQ(rows[2].fields, (Fields{"3", "4"}));
  EXPECT_EQ(rows[2].line, 5u);
  EXPECT_TRUE(readAll("").empty());
  EXPECT_TRUE(readAll("\xEF\xBB\xBF\r\n\n").empty());
}

TEST(CsvReader, ATruncatedQuotedFieldIsFlaggedNotLost) {
  const auto rows = readAll("id,notes\n1,ok\n2,\"cut off in the mid");
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_FALSE(rows[1].unterminated);
  EXPECT_TRUE(rows[2].unterminated);
  EXPECT_EQ(rows[2].fields, (Fields{"2", "cut off in the mid"}));
  EXPECT_EQ(rows[2].line, 3u);
}

TEST(CsvReader, TextAfterAClosingQuoteIsKeptAndFlagged) {
  const auto rows = readAll("\"Kourouma\" Koubé,2\n\"a\"\"b\"c,3\n");
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_TRUE(rows[0].strayQuote);
  EXPECT_EQ(rows[0].fields, (Fields{"Kourouma Koubé", "2"}));
  EXPECT_EQ(rows[1].fields, (Fields{"a\"bc", "3"}));
  // A quote inside an unquoted field is an ordinary character.
  EXPECT_EQ(readAll("5\" mortar,1\n")[0].fields, (Fields{"5\" mortar", "1"}));
}

TEST(CsvReader, OtherDelimitersAreSniffedFromTheHeader) {
  EXPECT_EQ(sniffDelimiter("event_id_cnty;event_date;\"a,b\"\n1,2,3,4"), ';');
  EXPECT_EQ(sniffDelimiter("id\tdate\tlatitude\n"), '\t');
  EXPECT_EQ(sniffDelimiter("id|date\n"), '|');
  EXPECT_EQ(sniffDelimiter("\xEF\xBB\xBF"
                           "id,date,\"x;y;z\"\n"),
            ',');
  EXPECT_EQ(sniffDelimiter("single"), ',');
  const auto rows = readAll("id;place\n1;\"Ségou; Mopti\"\n", ';');
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[1].fields, (Fields{"1", "Ségou; Mopti"}));
  // Read with the wrong delimiter, a row is one field: callers see it.
  EXPECT_EQ(readAll("id;place\n1;Kayes\n")[1].fields.size(), 1u);
}

TEST(CsvReader, BinaryFilesAreRecognised) {
  EXPECT_FALSE(looksBinary("id,place\n1,S\xC3\xA9gou\n"));
  EXPECT_FALSE(looksBinary("id,place\n1,S\xC3")); // a UTF-8 sequence cut by the sample's end
  EXPECT_TRUE(looksBinary(std::string_view("PK\x03\x04\x14\x00\x00\x00", 8)));
  EXPECT_TRUE(looksBinary("\x89PNG\r\n\x1A\n\x01\x02\x03\x04\x05\x06\x07\x08\x0B\x0E\x0F\x10\x11"));
  // Latin-1 text is mostly ASCII: not binary (decoding is the caller's matter).
  EXPECT_FALSE(looksBinary("id,place\n1,S\xE9gou\n2,Tombouctou\n"));
}

TEST(CsvReader, AnyMixOfQuotesBreaksAndNulsReadsToTheEnd) {
  // Random mixes of the characters that matter: every record moves the
  // reader on, has a field and sane line numbers, and the reader reaches the end.
  const std::string alphabet = std::string("ab,\";\r\n\0", 9) + "\xEF\xBB\xBF";
  std::uint32_t state = 20201006;
  for (int round = 0; round < 2000; ++round) {
    std::string text;
    const int length = static_cast<int>(state % 64);
    for (int k = 0; k < length; ++k) {
      state = state * 1664525u + 1013904223u;
      text += alphabet[(state >> 16) % alphabet.size()];
    }
    CsvReader reader(text);
    CsvRecord record;
    std::size_t records = 0;
    std::size_t before = reader.position();
    while (reader.next(record)) {
      ASSERT_GT(reader.position(), before) << "no progress";
      before = reader.position();
      ASSERT_LE(++records, text.size());
      ASSERT_FALSE(record.fields.empty());
      ASSERT_LE(record.line, record.lastLine);
    }
    EXPECT_EQ(reader.position(), reader.size());
  }
}

} // namespace
} // namespace sv
