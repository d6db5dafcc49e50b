// The history command, run through the real executable without a display.
#include "app/viewerprocess.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <gtest/gtest.h>

namespace sv {
namespace {

test::ViewerRun history(const QStringList& arguments) {
  return test::runViewer(QStringList{QStringLiteral("history")} + arguments);
}

TEST(HistoryCommand, TextReadsAsAChronologyWithSourcesAndASummary) {
  const test::ViewerRun r = history({QStringLiteral("Farabougou"), QStringLiteral("--format"), QStringLiteral("text")});
  ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
  EXPECT_TRUE(r.out.startsWith(QStringLiteral("Farabougou, Niono cercle, S\u00e9gou region (geonames:")));
  // The siege comes before the 2025 takeover, and every incident cites its source.
  const qsizetype siege = r.out.indexOf(QStringLiteral("MLI-2020-005  6\u201322 Oct 2020"));
  const qsizetype takeover = r.out.indexOf(QStringLiteral("MLI-2025-006  ~23\u201329 Aug 2025"));
  ASSERT_GE(siege, 0);
  ASSERT_GT(takeover, siege);
  // 23 incidents, and the siege listed as the whole of six of them, counted through them.
  EXPECT_EQ(r.out.count(QStringLiteral("\nMLI-")) + (r.out.startsWith(QStringLiteral("MLI-")) ? 1 : 0), 24);
  EXPECT_GE(r.out.count(QStringLiteral("    Source: ")), 23);
  EXPECT_TRUE(r.out.contains(QStringLiteral("Fatalities: \u226520")));
  EXPECT_TRUE(r.out.contains(QStringLiteral("Fatalities: not reported")));
  EXPECT_TRUE(r.out.contains(QStringLiteral("Summary\n    23 incidents, from 1 Oct 2020 to 29 Aug 2025")));
  EXPECT_TRUE(r.out.contains(QStringLiteral("not reported\n")));
}

TEST(HistoryCommand, MarkdownHasHeadingsSourcesAsQuotesAndTheSummary) {
  const test::ViewerRun r =
      history({QStringLiteral("Farabougou"), QStringLiteral("--format"), QStringLiteral("markdown")});
  ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
  EXPECT_TRUE(r.out.startsWith(QStringLiteral("# Farabougou\n\nNiono cercle, S\u00e9gou region  \n")));
  EXPECT_FALSE(r.out.contains(QStringLiteral("Also written: Farabougou"))) << "the name is not its own alternate";
  EXPECT_TRUE(r.out.contains(QStringLiteral("\n## Summary\n\n- 23 incidents, from 1 Oct 2020 to 29 Aug 2025\n")));
  EXPECT_EQ(r.out.count(QStringLiteral("\n### ")), 24); // with the siege, made of six of the 23
  const qsizetype siege = r.out.indexOf(QStringLiteral("### 6\u201322 Oct 2020 \u2014 "));
  const qsizetype takeover = r.out.indexOf(QStringLiteral("`MLI-2025-006`"));
  ASSERT_GE(siege, 0);
  EXPECT_GT(takeover, siege);
  EXPECT_GE(r.out.count(QStringLiteral("\n  > ")), 23) << "every incident quotes its passage";
  EXPECT_TRUE(r.out.contains(QStringLiteral("**Fatalities:** not reported")));
}

TEST(HistoryCommand, RadiusMarksNearbyIncidentsWithDistanceAndDirection) {
  const test::ViewerRun r = history({QStringLiteral("Sokolo"), QStringLiteral("--radius"), QStringLiteral("40"),
                                     QStringLiteral("--format"), QStringLiteral("csv")});
  ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
  const QStringList lines = r.out.split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
  ASSERT_GT(lines.size(), 2);
  EXPECT_TRUE(lines.front().startsWith(QStringLiteral("id,at_place,distance_km,direction,start,")));
  bool nearby = false, atPlace = false;
  for (const QString& line : lines.mid(1)) {
    if (line.contains(QStringLiteral(",Farabougou,")) && line.contains(QStringLiteral(",false,17.8,N,"))) nearby = true;
    if (line.startsWith(QStringLiteral("MLI-2020-009,true,,,"))) atPlace = true;
  }
  EXPECT_TRUE(nearby);
  EXPECT_TRUE(atPlace);
}

TEST(HistoryCommand, JsonCarriesThePlaceTheIncidentsAndTheSummary) {
  const test::ViewerRun r = history({QStringLiteral("Loulouni"), QStringLiteral("--format"), QStringLiteral("json")});
  ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
  const QJsonObject document = QJsonDocument::fromJson(r.out.toUtf8()).object();
  EXPECT_EQ(document.value(QStringLiteral("place")).toObject().value(QStringLiteral("cercle")).toString(),
            QStringLiteral("Kadiolo"));
  const QJsonArray incidents = document.value(QStringLiteral("incidents")).toArray();
  ASSERT_EQ(incidents.size(), 2);
  EXPECT_EQ(incidents.at(0).toObject().value(QStringLiteral("id")).toString(), QStringLiteral("MLI-2025-011"));
  EXPECT_FALSE(incidents.at(0).toObject().value(QStringLiteral("sources")).toArray().isEmpty());
  const QJsonObject summary = document.value(QStringLiteral("summary")).toObject();
  EXPECT_EQ(summary.value(QStringLiteral("incidents")).toInt(), 2);
  EXPECT_EQ(summary.value(QStringLiteral("first")).toString(), QStringLiteral("2025-11-09"));
}

TEST(HistoryCommand, AmbiguousAndUnknownNamesListCandidates) {
  const test::ViewerRun koro = history({QStringLiteral("Koro")});
  EXPECT_EQ(koro.exitCode, 1);
  EXPECT_TRUE(koro.err.contains(QStringLiteral("'Koro' names"))) << koro.err.toStdString();
  EXPECT_TRUE(koro.err.contains(QStringLiteral("Koro, Koro cercle, Mopti region (geonames:")));
  const test::ViewerRun prefix = history({QStringLiteral("Faraboug")});
  EXPECT_EQ(prefix.exitCode, 1);
  EXPECT_TRUE(prefix.err.contains(
      QStringLiteral("Farabougou, Niono cercle, S\u00e9gou region (geonames:2457671), 23 incidents")))
      << prefix.err.toStdString();
  const test::ViewerRun unknown = history({QStringLiteral("Xqzzyville")});
  EXPECT_EQ(unknown.exitCode, 1);
  EXPECT_TRUE(unknown.err.contains(QStringLiteral("no place named 'Xqzzyville'")));
  EXPECT_EQ(history({}).exitCode, 2);
  EXPECT_EQ(history({QStringLiteral("Kayes"), QStringLiteral("--radius"), QStringLiteral("-3")}).exitCode, 2);
  EXPECT_EQ(history({QStringLiteral("Kayes"), QStringLiteral("--from"), QStringLiteral("2025-13-01")}).exitCode, 2);
  EXPECT_EQ(history({QStringLiteral("Kayes"), QStringLiteral("--format"), QStringLiteral("xml")}).exitCode, 2);
  // A place with no incidents says so.
  const test::ViewerRun quiet =
      history({QStringLiteral("Kayes"), QStringLiteral("--to"), QStringLiteral("2021-01-01")});
  EXPECT_EQ(quiet.exitCode, 1);
  EXPECT_TRUE(quiet.err.contains(QStringLiteral("no incidents at Kayes")));
}

} // namespace
} // namespace sv
