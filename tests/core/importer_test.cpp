// Importing exports as they come: ACLED in each of its layouts, UCDP GED,
// generic delimited text, and GDAL's formats; with exact counts of what was
// accepted, merged and rejected, and why.
#include "io/importer.h"
#include "domain/gazetteer.h"
#include "domain/placematching.h"
#include "io/basemapreader.h"
#include "io/fieldparsing.h"
#include "io/recordschema.h"
#include "io/tablepreview.h"

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <gtest/gtest.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <string>

namespace sv {
namespace {

std::string fixture(const std::string& name) { return std::string(SV_TEST_DATA) + "/import/" + name; }

const Incident* findIncident(const IncidentReadResult& result, const std::string& id) {
  for (const Incident& incident : result.incidents)
    if (incident.id == id) return &incident;
  return nullptr;
}

void expectCounts(const IncidentReadResult& result, std::size_t read, std::size_t accepted, std::size_t merged,
                  std::size_t rejected) {
  ASSERT_TRUE(result.ok) << result.error;
  EXPECT_EQ(result.recordsRead, read);
  EXPECT_EQ(result.incidents.size(), accepted);
  EXPECT_EQ(result.merged, merged);
  EXPECT_EQ(result.rejected.size(), rejected);
  EXPECT_EQ(result.recordsRead, result.incidents.size() + result.merged + result.rejected.size());
  EXPECT_EQ(result.accepted, result.incidents.size());
}

DayNumber day(int y, int m, int d) { return dayFromCivil({y, m, d}); }

TEST(FieldParsing, ReadsTheDateFormsExportsUse) {
  const DayNumber expected = day(2025, 8, 19);
  for (const char* text : {"19 August 2025", "19 Aug 2025", "19-August-2025", "2025-08-19", "2025-08-19T06:30:00Z",
                           "2025-08-19 00:00:00.000", "2025/08/19", "19/08/2025", "19-08-2025", " 19.08.2025 "}) {
    const auto date = parseFlexibleDate(text);
    ASSERT_TRUE(date) << text;
    EXPECT_EQ(date->start, expected) << text;
    EXPECT_EQ(date->end, expected) << text;
    EXPECT_EQ(date->precision, DatePrecision::Day) << text;
  }
  const auto month = parseFlexibleDate("2024-07");
  ASSERT_TRUE(month);
  EXPECT_EQ(month->start, day(2024, 7, 1));
  EXPECT_EQ(month->end, day(2024, 7, 31));
  EXPECT_EQ(month->precision, DatePrecision::Month);
  EXPECT_EQ(parseFlexibleDate("September 2025")->end, day(2025, 9, 30));
  const auto year = parseFlexibleDate("2024");
  ASSERT_TRUE(year);
  EXPECT_EQ(year->end, day(2024, 12, 31));
  EXPECT_EQ(year->precision, DatePrecision::Year);
  for (const char* bad : {"", "31 Septembre 2025", "2021-13-40", "31/02/2024", "yesterday", "19 August", "2025-08-19x",
                          "20251340", "2025081", "202513", "2025081906300"})
    EXPECT_FALSE(parseFlexibleDate(bad)) << bad;
}

// GDELT's SQLDATE and DATEADDED, and MonthYear; many agency exports too.
TEST(FieldParsing, ReadsCompactDates) {
  for (const char* text : {"20250819", "20250819063000", " 20250819 "}) {
    const auto date = parseFlexibleDate(text);
    ASSERT_TRUE(date) << text;
    EXPECT_EQ(date->start, day(2025, 8, 19)) << text;
    EXPECT_EQ(date->end, day(2025, 8, 19)) << text;
    EXPECT_EQ(date->precision, DatePrecision::Day) << text;
  }
  const auto month = parseFlexibleDate("202402");
  ASSERT_TRUE(month);
  EXPECT_EQ(month->start, day(2024, 2, 1));
  EXPECT_EQ(month->end, day(2024, 2, 29));
  EXPECT_EQ(month->precision, DatePrecision::Month);
}

// A table in GDELT's column names is read without --map; compact dates
// under a name of the user's own are read with it.
TEST(Import, GdeltColumnsAndCompactDates) {
  const std::filesystem::path path = std::filesystem::temp_directory_path() / "sv-import-gdelt.csv";
  {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << "GLOBALEVENTID,SQLDATE,MonthYear,Actor1Name,Actor2Name,EventCode,ActionGeo_FullName,ActionGeo_Lat,"
           "ActionGeo_Long,DATEADDED,SOURCEURL\n"
        << "1234567890,20201006,202010,MALI,JIHADIST,190,\"Farabougou, Segou, Mali\",14.8921,-6.1414,20201006083000,"
           "https://example.org/a\n"
        << "1234567891,20251131,202511,MALI,,190,\"Kayes, Kayes, Mali\",14.4469,-11.4456,20251131083000,\n";
  }
  const auto result = importIncidents(path.string());
  ASSERT_TRUE(result.ok) << result.error;
  ASSERT_EQ(result.incidents.size(), 1u);
  const Incident& incident = result.incidents.front();
  EXPECT_EQ(incident.id, "1234567890");
  EXPECT_EQ(incident.start, day(2020, 10, 6));
  EXPECT_EQ(incident.place, "Farabougou, Segou, Mali");
  EXPECT_DOUBLE_EQ(incident.latitude, 14.8921);
  ASSERT_EQ(result.rejected.size(), 1u);
  EXPECT_EQ(result.rejected.front().line, 3u);
  EXPECT_EQ(result.rejected.front().field, "SQLDATE");

  ImportOptions byHand;
  std::string problem;
  byHand.mapping = *parseColumnMapping("date=DATEADDED,lat=ActionGeo_Lat,lon=ActionGeo_Long", &problem);
  const auto mapped = importIncidents(path.string(), byHand);
  ASSERT_TRUE(mapped.ok) << mapped.error;
  ASSERT_EQ(mapped.incidents.size(), 1u);
  EXPECT_EQ(mapped.incidents.front().start, day(2020, 10, 6));
  std::filesystem::remove(path);
}

TEST(FieldParsing, IdsAndNumbersAsSpreadsheetsWriteThem) {
  EXPECT_EQ(normaliseId("1822.0"), "1822");
  EXPECT_EQ(normaliseId(" MLI1822 "), "MLI1822");
  EXPECT_EQ(normaliseId("12.5"), "12.5");
  EXPECT_EQ(parseWholeNumber("12.0"), 12);
  EXPECT_FALSE(parseWholeNumber("12.5"));
  EXPECT_FALSE(parseWholeNumber("twelve"));
  EXPECT_EQ(splitList("Le Monde; Reuters;  ; AFP"), (std::vector<std::string>{"Le Monde", "Reuters", "AFP"}));
  const auto point = parseWktPoint("POINT (-6.1414 14.8921)");
  ASSERT_TRUE(point);
  EXPECT_DOUBLE_EQ(point->first, -6.1414);
  EXPECT_DOUBLE_EQ(point->second, 14.8921);
  EXPECT_FALSE(parseWktPoint("LINESTRING (0 0, 1 1)"));
}

TEST(Import, CurrentAcledExportMergesMonadicRowsAndListsEveryRejection) {
  const auto result = importIncidents(fixture("acled-2025.csv"));
  expectCounts(result, 8, 3, 1, 4);
  EXPECT_EQ(result.format, "ACLED");
  EXPECT_NE(result.info.licence.find("ACLED"), std::string::npos);

  const Incident* siege = findIncident(result, "MLI9001");
  ASSERT_TRUE(siege);
  EXPECT_EQ(siege->start, day(2025, 8, 19));
  EXPECT_EQ(siege->datePrecision, DatePrecision::Day);
  EXPECT_EQ(siege->type, EventType::Battles);
  EXPECT_EQ(siege->subType, SubEventType::ArmedClash);
  EXPECT_EQ(siege->place, "Farabougou");
  EXPECT_EQ(siege->region, "Segou");
  // The monadic duplicate lists the same two actors the other way round: each keeps its first role.
  EXPECT_EQ(siege->actors.primary, std::vector<std::string>{"Military Forces of Mali (2021-)"});
  EXPECT_EQ(siege->actors.secondary, std::vector<std::string>{"JNIM: Group for Support of Islam and Muslims"});
  EXPECT_EQ(siege->actors.associated, (std::vector<std::string>{"Dozo Militia", "Wagner Group"}));
  EXPECT_EQ(siege->summary, "Fixture row one.\nA second line with a \"quoted, word\" and a comma.");
  ASSERT_EQ(siege->sources.size(), 2u);
  EXPECT_EQ(siege->sources[0].publisher, "Le Monde");
  EXPECT_EQ(siege->sources[1].publisher, "Reuters");
  EXPECT_EQ(siege->fatalities, Fatalities::exactly(12));

  // time_precision 2: the week around the date; fatalities 0 kept; civilian targeting.
  const Incident* attack = findIncident(result, "MLI9002");
  ASSERT_TRUE(attack);
  EXPECT_EQ(attack->datePrecision, DatePrecision::Week);
  EXPECT_EQ(attack->start, day(2025, 3, 23));
  EXPECT_EQ(attack->end, day(2025, 3, 29));
  EXPECT_EQ(attack->locationPrecision, LocationPrecision::Near);
  EXPECT_EQ(attack->fatalities, Fatalities::exactly(0));
  EXPECT_TRUE(attack->civilianTargeting);
  // time_precision 3: the whole month; geo_precision 3: a region.
  const Incident* agreement = findIncident(result, "MLI9003");
  ASSERT_TRUE(agreement);
  EXPECT_EQ(agreement->datePrecision, DatePrecision::Month);
  EXPECT_EQ(agreement->start, day(2025, 10, 1));
  EXPECT_EQ(agreement->end, day(2025, 10, 31));
  EXPECT_EQ(agreement->locationPrecision, LocationPrecision::Region);
  EXPECT_FALSE(agreement->civilianTargeting);

  ASSERT_EQ(result.rejected.size(), 4u);
  const struct {
    std::size_t line;
    const char* id;
    const char* field;
    const char* reason;
  } expected[] = {
      {8, "MLI9004", "event_date", "not a date: '31 Septembre 2025'"},
      {9, "MLI9005", "latitude", "latitude 95.2 is outside -90 to 90"},
      {10, "MLI9006", "longitude", "missing"},
      {11, "MLI9007", "event_type", "not an ACLED event type: 'Skirmish'"},
  };
  for (std::size_t i = 0; i < 4; ++i) {
    EXPECT_EQ(result.rejected[i].line, expected[i].line);
    EXPECT_EQ(result.rejected[i].id, expected[i].id);
    EXPECT_EQ(result.rejected[i].field, expected[i].field);
    EXPECT_EQ(result.rejected[i].reason, expected[i].reason);
  }
}

// French Excel saves CSV in Windows-1252: read as such, said in the notes,
// and nothing but UTF-8 kept.
TEST(Import, AWindows1252FileIsTranscodedAndSaysSo) {
  std::ifstream in(fixture("acled-2025.csv"), std::ios::binary);
  std::string header;
  std::getline(in, header);
  const std::string row =
      "MLI9101,19 August 2025,2025,1,Political violence,Battles,Armed clash,Military Forces of Mali (2021-),,State "
      "forces,JNIM: Group for Support of Islam and Muslims,,Rebel group,State forces-Rebel group,,466,Western "
      "Africa,Mali,S\xE9gou,Niono,Sirifila-Boundy,Farabougou,14.8921,-6.1414,1,Le Monde,National,\"L\x92"
      "attaque a "
      "co\xFBt\xE9 5\xA0"
      "000 \x80 de d\xE9g\xE2ts.\",3,,1756000000\r\n";
  const std::filesystem::path path = std::filesystem::temp_directory_path() / "sv-import-windows-1252.csv";
  {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << header << "\n" << row;
  }
  const auto result = importIncidents(path.string());
  ASSERT_TRUE(result.ok) << result.error;
  ASSERT_EQ(result.incidents.size(), 1u);
  const Incident& incident = result.incidents.front();
  EXPECT_EQ(incident.region, "S\xC3\xA9gou");
  EXPECT_EQ(incident.summary,
            "L\xE2\x80\x99"
            "attaque a co\xC3\xBBt\xC3\xA9 5\xC2\xA0"
            "000 \xE2\x82\xAC de d\xC3\xA9g\xC3\xA2ts.");
  ASSERT_EQ(result.notes.size(), 1u);
  EXPECT_EQ(result.notes.front(), "the file is not UTF-8: read as Windows-1252");
  std::filesystem::remove(path);
}

TEST(Import, PopulationColumnsBomAndCrlf) {
  const auto result = importIncidents(fixture("acled-population.csv"));
  expectCounts(result, 3, 3, 0, 0);
  EXPECT_EQ(result.format, "ACLED");
  ASSERT_TRUE(findIncident(result, "MLI9001"));
  // The notes' line break survives CRLF files.
  EXPECT_EQ(findIncident(result, "MLI9001")->summary.find("Fixture row one."), 0u);
  EXPECT_EQ(result.rejected.size(), 0u);
}

TEST(Import, HdxFileSkipsItsHashtagRow) {
  const auto result = importIncidents(fixture("acled-hdx.csv"));
  expectCounts(result, 3, 3, 0, 0);
  ASSERT_EQ(result.notes.size(), 1u);
  EXPECT_EQ(result.notes[0], "line 2: HXL hashtag row skipped");
  EXPECT_EQ(findIncident(result, "MLI9001")->start, day(2025, 8, 19));
}

TEST(Import, Pre2019AcledMapsOldEventTypes) {
  const auto result = importIncidents(fixture("acled-2018.csv"));
  expectCounts(result, 3, 3, 0, 0);
  const Incident* konna = findIncident(result, "MLI1822");
  ASSERT_TRUE(konna);
  EXPECT_EQ(konna->start, day(2013, 1, 12)); // day first: 12/01/2013
  EXPECT_EQ(konna->type, EventType::Battles);
  EXPECT_EQ(konna->subType, SubEventType::GovernmentRegainsTerritory);
  EXPECT_EQ(konna->actors.associated, std::vector<std::string>{"Military Forces of Mali"});
  // "Riots/Protests" told apart by the actor code 6 (protesters).
  EXPECT_EQ(findIncident(result, "MLI1823")->type, EventType::Protests);
  EXPECT_EQ(findIncident(result, "MLI1824")->type, EventType::ExplosionsRemoteViolence);
  EXPECT_EQ(findIncident(result, "MLI1824")->datePrecision, DatePrecision::Week);
  EXPECT_EQ(result.notes.size(), 2u);
}

TEST(Import, ExportToolLayoutWithNumericInterCodes) {
  const auto result = importIncidents(fixture("acled-exporttool.csv"));
  expectCounts(result, 2, 2, 0, 0);
  EXPECT_EQ(findIncident(result, "MLI5001")->start, day(2020, 10, 2));
  EXPECT_EQ(findIncident(result, "MLI5002")->subType, SubEventType::PeacefulProtest);
}

TEST(Import, UcdpGedKeepsItsFiguresAndQuotedSides) {
  const auto result = importIncidents(fixture("ucdp-ged.csv"));
  expectCounts(result, 4, 2, 0, 2);
  EXPECT_EQ(result.format, "UCDP GED");
  EXPECT_NE(result.info.licence.find("Uppsala"), std::string::npos);
  const Incident* clash = findIncident(result, "900001"); // written "900001.0"
  ASSERT_TRUE(clash);
  EXPECT_EQ(clash->start, day(2020, 10, 6));
  EXPECT_EQ(clash->end, day(2020, 10, 6));
  EXPECT_EQ(clash->type, EventType::Battles);
  EXPECT_EQ(clash->actors.secondary, std::vector<std::string>{"JNIM, Ansar Dine, and allies"});
  EXPECT_EQ(clash->region, "Ségou");
  EXPECT_EQ(clash->cercle, "Niono");
  EXPECT_EQ(clash->fatalities, (Fatalities{true, 3, 6, 3}));
  const Incident* oneSided = findIncident(result, "900002");
  ASSERT_TRUE(oneSided);
  EXPECT_EQ(oneSided->type, EventType::ViolenceAgainstCivilians);
  EXPECT_TRUE(oneSided->civilianTargeting);
  EXPECT_EQ(oneSided->start, day(2022, 3, 21));
  EXPECT_EQ(oneSided->end, day(2022, 3, 27));
  EXPECT_EQ(oneSided->datePrecision, DatePrecision::Week);
  EXPECT_EQ(oneSided->locationPrecision, LocationPrecision::Region);
  // Real rows have low above best: kept as given.
  EXPECT_EQ(oneSided->fatalities, (Fatalities{true, 25, 40, 20}));
  EXPECT_EQ(formatFatalities(oneSided->fatalities), "20 (low 25, high 40)");
  ASSERT_EQ(result.rejected.size(), 2u);
  EXPECT_EQ(result.rejected[0].field, "date_start");
  EXPECT_EQ(result.rejected[0].reason, "not a date: '2021-13-40'");
  EXPECT_EQ(result.rejected[1].field, "latitude");
  EXPECT_EQ(result.rejected[1].reason, "missing");
}

TEST(Import, GenericTextWithOwnColumnsAndDelimiter) {
  const auto guessed = importIncidents(fixture("generic-semicolon.csv"));
  expectCounts(guessed, 5, 4, 0, 1);
  EXPECT_EQ(guessed.rejected[0].line, 5u);
  EXPECT_EQ(guessed.rejected[0].field, "when");

  ImportOptions options;
  options.format = ImportFormat::Csv;
  options.mapping =
      *parseColumnMapping("date=when,lat=y,lon=x,type=what,fatalities=killed,place=town,notes=comment", nullptr);
  const auto result = importIncidents(fixture("generic-semicolon.csv"), options);
  expectCounts(result, 5, 3, 0, 2);
  EXPECT_EQ(result.format, "generic");
  const Incident* battle = findIncident(result, "generic-semicolon-1");
  ASSERT_TRUE(battle);
  EXPECT_EQ(battle->type, EventType::Battles);
  EXPECT_EQ(battle->fatalities, Fatalities::exactly(47));
  EXPECT_EQ(battle->summary, "Fixture; with a semicolon");
  const Incident* month = findIncident(result, "generic-semicolon-2");
  ASSERT_TRUE(month);
  EXPECT_EQ(month->type, EventType::Unclassified);
  EXPECT_EQ(month->datePrecision, DatePrecision::Month);
  EXPECT_EQ(month->fatalities, Fatalities::notReported());
  EXPECT_EQ(findIncident(result, "generic-semicolon-3")->datePrecision, DatePrecision::Year);
  ASSERT_EQ(result.rejected.size(), 2u);
  EXPECT_EQ(result.rejected[1].field, "what");
  EXPECT_EQ(result.rejected[1].reason, "not an ACLED event type: 'Skirmish'");

  std::string error;
  ImportOptions wrong;
  wrong.mapping = *parseColumnMapping("date=day", nullptr);
  const auto missing = importIncidents(fixture("generic-semicolon.csv"), wrong);
  EXPECT_FALSE(missing.ok);
  EXPECT_NE(missing.error.find("no column 'day'"), std::string::npos) << missing.error;
  EXPECT_FALSE(parseColumnMapping("colour=red", &error));
  EXPECT_NE(error.find("unknown role 'colour'"), std::string::npos);
}

TEST(Import, TruncatedLastRowAndWrongDelimiterAreRejectedNotFatal) {
  const auto truncated = importIncidents(fixture("truncated.csv"));
  expectCounts(truncated, 2, 1, 0, 1);
  EXPECT_EQ(truncated.rejected[0].line, 3u);
  EXPECT_NE(truncated.rejected[0].reason.find("ends inside a quoted field"), std::string::npos);

  const auto mixed = importIncidents(fixture("mixed-delimiter.csv"));
  expectCounts(mixed, 2, 1, 0, 1);
  EXPECT_EQ(mixed.rejected[0].line, 3u);
  EXPECT_EQ(mixed.rejected[0].reason, "1 field where the header has 31 (a delimiter other than the header's ','?)");
}

TEST(Import, BinaryMissingAndEmptyFilesFailWithoutIncidents) {
  const auto binary = importIncidents(fixture("binary.csv"));
  EXPECT_FALSE(binary.ok);
  EXPECT_TRUE(binary.incidents.empty());
  EXPECT_NE(binary.error.find("binary.csv: not a text file"), std::string::npos);

  const auto missing = importIncidents(fixture("no-such-file.csv"));
  EXPECT_FALSE(missing.ok);
  EXPECT_NE(missing.error.find("no such file"), std::string::npos);

  const std::string empty = testing::TempDir() + "empty.csv";
  std::ofstream(empty).close();
  const auto none = importIncidents(empty);
  EXPECT_FALSE(none.ok);
  EXPECT_NE(none.error.find("empty file"), std::string::npos);
}

TEST(Import, CancelStopsAndKeepsNothing) {
  // Enough rows to reach a cancellation check.
  const std::string path = testing::TempDir() + "many.csv";
  {
    std::ofstream out(path);
    out << "date,lat,lon\n";
    for (int i = 0; i < 10000; ++i) out << "2024-01-01,12.6,-8.0\n";
  }
  std::atomic_bool cancel{true};
  ImportOptions options;
  options.cancel = &cancel;
  const auto result = importIncidents(path, options);
  EXPECT_FALSE(result.ok);
  EXPECT_TRUE(result.cancelled);
  EXPECT_TRUE(result.incidents.empty());

  cancel = false;
  double lastProgress = 0.0;
  options.progress = [&](double p) { lastProgress = p; };
  const auto full = importIncidents(path, options);
  expectCounts(full, 10000, 10000, 0, 0);
  EXPECT_EQ(lastProgress, 1.0);
}

std::string rowId(std::size_t i) {
  std::string id = std::to_string(i);
  id.insert(id.begin(), 'r');
  return id;
}

TEST(Import, LargeFilesReadInSlicesNumberRowsAndLinesAsOne) {
  // Over the size read on several threads, with line breaks inside quoted
  // notes so that a cut at a plain line break would fall inside a field.
  const std::string path = testing::TempDir() + "large.csv";
  const std::size_t rows = 120000;
  {
    std::ofstream out(path, std::ios::binary);
    out << "id,date,lat,lon,notes\n";
    const std::string filler(120, 'x');
    for (std::size_t i = 1; i <= rows; ++i) {
      const std::string id = rowId(i == rows - 1 ? 7 : i); // a repeat of row 7, near the end
      const std::string date = i == rows - 10 ? "2024-02-30" : "2024-01-01";
      out << id << "," << date << ",12.6,-8.0,\"first line " << filler << "\nsecond, \"\"quoted\"\" line\"\n";
    }
  }
  ASSERT_GT(std::filesystem::file_size(path), 16u << 20);
  const auto result = importIncidents(path);
  expectCounts(result, rows, rows - 2, 1, 1);
  // Each row takes two lines after the header's one.
  EXPECT_EQ(result.rejected[0].record, rows - 10);
  EXPECT_EQ(result.rejected[0].line, 2 + 2 * (rows - 11));
  EXPECT_EQ(result.rejected[0].id, rowId(rows - 10));
  EXPECT_EQ(result.incidents.back().id, rowId(rows));
  EXPECT_EQ(findIncident(result, "r60000")->summary,
            "first line " + std::string(120, 'x') + "\nsecond, \"quoted\" line");
}

TEST(Import, KmlTimeStampAndTimeSpanThroughGdal) {
  const auto result = importIncidents(fixture("incidents.kml"));
  expectCounts(result, 3, 2, 0, 1);
  EXPECT_EQ(result.recordNoun, "feature");
  const Incident* stamp = findIncident(result, "incidents-1");
  ASSERT_TRUE(stamp);
  EXPECT_EQ(stamp->start, day(2020, 10, 6));
  EXPECT_EQ(stamp->end, day(2020, 10, 6));
  EXPECT_EQ(stamp->place, "Farabougou");
  EXPECT_NEAR(stamp->longitude, -6.1414, 1e-9);
  const Incident* span = findIncident(result, "incidents-2");
  ASSERT_TRUE(span);
  EXPECT_EQ(span->start, day(2022, 3, 8));
  EXPECT_EQ(span->end, day(2022, 3, 27));
  EXPECT_EQ(span->type, EventType::Unclassified);
  EXPECT_EQ(result.rejected[0].record, 3u);
  EXPECT_EQ(result.rejected[0].reason, "missing");
}

// Writes the incidents of an import with GDAL's driver, then imports the result.
IncidentReadResult roundTrip(const IncidentReadResult& source, const char* driverName, const std::string& path) {
  GDALDriver* driver = GetGDALDriverManager()->GetDriverByName(driverName);
  EXPECT_NE(driver, nullptr);
  {
    GDALDatasetUniquePtr dataset(driver->Create(path.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
    OGRSpatialReference wgs84;
    wgs84.SetWellKnownGeogCS("WGS84");
    wgs84.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    OGRLayer* layer = dataset->CreateLayer("incidents", &wgs84, wkbPoint, nullptr);
    for (const char* name : {"event_id", "date", "date_end", "event_type", "fatalities", "location", "notes"}) {
      OGRFieldDefn field(name, OFTString);
      layer->CreateField(&field);
    }
    for (const Incident& incident : source.incidents) {
      OGRFeatureUniquePtr feature(OGRFeature::CreateFeature(layer->GetLayerDefn()));
      feature->SetField("event_id", incident.id.c_str());
      feature->SetField("date", formatIsoDate(incident.start).c_str());
      feature->SetField("date_end", formatIsoDate(incident.end).c_str());
      feature->SetField("event_type", std::string(eventTypeName(incident.type)).c_str());
      if (incident.fatalities.low) feature->SetField("fatalities", *incident.fatalities.low);
      feature->SetField("location", incident.place.c_str());
      feature->SetField("notes", incident.summary.c_str());
      OGRPoint point(incident.longitude, incident.latitude);
      feature->SetGeometry(&point);
      EXPECT_EQ(layer->CreateFeature(feature.get()), OGRERR_NONE);
    }
  }
  return importIncidents(path);
}

TEST(Import, GeoJsonAndKmlRoundTripsThroughGdal) {
  const auto source = importIncidents(fixture("acled-2025.csv"));
  ASSERT_TRUE(source.ok);
  for (const auto& [driver, extension] : {std::pair{"GeoJSON", ".geojson"}, std::pair{"LIBKML", ".kml"}}) {
    const std::string path = testing::TempDir() + "roundtrip" + extension;
    std::filesystem::remove(path);
    const auto back = roundTrip(source, driver, path);
    expectCounts(back, 3, 3, 0, 0);
    for (const Incident& original : source.incidents) {
      const Incident* copy = findIncident(back, original.id);
      ASSERT_TRUE(copy) << driver << " " << original.id;
      EXPECT_EQ(copy->start, original.start) << driver;
      EXPECT_EQ(copy->end, original.end) << driver;
      EXPECT_EQ(copy->type, original.type) << driver;
      EXPECT_EQ(copy->place, original.place) << driver;
      EXPECT_EQ(copy->summary, original.summary) << driver;
      EXPECT_EQ(copy->fatalities, original.fatalities) << driver;
      EXPECT_NEAR(copy->longitude, original.longitude, 1e-9) << driver;
      EXPECT_NEAR(copy->latitude, original.latitude, 1e-9) << driver;
    }
  }
}

TEST(Import, ReportJsonReconcilesAndListsRejections) {
  const auto result = importIncidents(fixture("acled-2025.csv"));
  const std::string json = importReportJson("acled-2025.csv", result);
  EXPECT_NE(json.find("\"rows_read\": 8"), std::string::npos) << json;
  EXPECT_NE(json.find("\"incidents_accepted\": 3"), std::string::npos);
  EXPECT_NE(json.find("\"duplicates_merged\": 1"), std::string::npos);
  EXPECT_NE(json.find("\"rows_rejected\": 4"), std::string::npos);
  EXPECT_NE(json.find("\"reconciles\": true"), std::string::npos);
  EXPECT_NE(json.find("\"reason\": \"not a date: '31 Septembre 2025'\""), std::string::npos);
  const std::string text = importReportText("acled-2025.csv", result, 2);
  EXPECT_NE(text.find("8 rows read, 3 incidents accepted, 1 duplicates merged, 4 rejected"), std::string::npos) << text;
  EXPECT_NE(text.find("… and 2 more"), std::string::npos);
}

TEST(TablePreview, ShowsTheFirstRowsAndWhyATableNeedsItsColumnsNamed) {
  std::string error;
  const auto preview = previewTable(fixture("own-columns.csv"), 3, &error);
  ASSERT_TRUE(preview) << error;
  EXPECT_EQ(preview->format, ImportFormat::Csv);
  EXPECT_EQ(preview->delimiter, ';');
  EXPECT_EQ(preview->header.size(), 8u);
  ASSERT_EQ(preview->rows.size(), 3u);
  EXPECT_EQ(preview->rows[0][7], "Attaque; village");
  EXPECT_NE(preview->problem.find("no date column"), std::string::npos) << preview->problem;
  EXPECT_TRUE(preview->recognised.empty());

  // Nothing is usable until a date is named; then each row is tried.
  EXPECT_FALSE(checkMapping(*preview, {}, "own-columns").usable);
  const auto mapping =
      parseColumnMapping("id=Ref,date=Jour,end=Fin,lat=Nord,lon=Est,place=Lieu,fatalities=Morts", &error);
  ASSERT_TRUE(mapping) << error;
  const MappingCheck check = checkMapping(*preview, *mapping, "own-columns");
  EXPECT_TRUE(check.usable);
  EXPECT_EQ(check.accepted, 2u);
  EXPECT_EQ(check.rejected, 1u);
  EXPECT_NE(check.problem.find("Jour"), std::string::npos) << check.problem;

  // The same mapping imports the whole file.
  ImportOptions options;
  options.mapping = *mapping;
  const auto result = importIncidents(fixture("own-columns.csv"), options);
  ASSERT_TRUE(result.ok) << result.error;
  EXPECT_EQ(result.incidents.size(), 2u);
  EXPECT_EQ(result.rejected.size(), 2u);
}

TEST(TablePreview, TablesOfKnownLayoutsOrUsualNamesNeedNoMapping) {
  std::string error;
  const auto acled = previewTable(fixture("acled-hdx.csv"), 20, &error);
  ASSERT_TRUE(acled) << error;
  EXPECT_EQ(acled->recognised, "ACLED");
  EXPECT_TRUE(acled->problem.empty());
  for (const auto& row : acled->rows) EXPECT_NE(row[0].rfind("#", 0), 0u) << "the HXL row is not a record";
  const auto kml = previewTable(fixture("incidents.kml"), 20, &error);
  ASSERT_TRUE(kml) << error;
  EXPECT_EQ(kml->format, ImportFormat::Ogr);
  EXPECT_FALSE(kml->rows.empty());
  EXPECT_EQ(kml->geometry.size(), kml->rows.size());
  EXPECT_TRUE(kml->geometry.front().has_value());

  EXPECT_EQ(guessColumnMapping({"Event_Date", "LATITUDE", "longitude", "deaths", "other"}).describe(),
            "date=Event_Date,lat=LATITUDE,lon=longitude,fatalities=deaths");
  EXPECT_FALSE(previewTable(fixture("binary.csv"), 20, &error));
  EXPECT_NE(error.find("binary"), std::string::npos);
  EXPECT_FALSE(previewTable(fixture("no-such.csv"), 20, &error));
  EXPECT_NE(error.find("no-such.csv"), std::string::npos);
}

TEST(PlaceMatching, NamesFoldedAndWithinThePrecisionsReach) {
  std::string error;
  auto data = readBaseMap(SV_TEST_GEODATA, &error);
  ASSERT_TRUE(data) << error;
  const Gazetteer gazetteer(std::move(data->places));
  auto result = importIncidents(fixture("acled-2025.csv"));
  ASSERT_TRUE(result.ok);
  const PlaceMatchCounts counts = matchIncidentPlaces(result.incidents, gazetteer);
  EXPECT_EQ(counts.matched, 3u);
  EXPECT_EQ(findIncident(result, "MLI9001")->geonameId, 2457671); // Farabougou of Niono, not its homonyms
  EXPECT_EQ(findIncident(result, "MLI9002")->geonameId, 2449067); // "Timbuktu"
  EXPECT_EQ(findIncident(result, "MLI9003")->geonameId.has_value(), true);

  // Same name, but too far for an exact location.
  Incident far;
  far.id = "far";
  far.place = "Farabougou";
  far.longitude = -4.0;
  far.latitude = 14.0;
  std::vector<Incident> incidents{far};
  EXPECT_EQ(matchIncidentPlaces(incidents, gazetteer).unmatched, 1u);
  EXPECT_FALSE(incidents[0].geonameId);
  // "Farabougou village", as UCDP writes it.
  incidents[0].place = "Farabougou village";
  incidents[0].longitude = -6.1414;
  incidents[0].latitude = 14.8921;
  EXPECT_EQ(matchIncidentPlaces(incidents, gazetteer).matched, 1u);
}

} // namespace
} // namespace sv
