// The events command and --data, run through the real executable without a display.
#include "app/viewerprocess.h"

#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>

#include <gtest/gtest.h>

namespace sv {
namespace {

using test::runViewer;
using test::ViewerRun;

QStringList events(const QStringList& more) { return QStringList{QStringLiteral("events")} + more; }

QJsonArray features(const ViewerRun& r) {
  QJsonParseError error;
  const QJsonDocument document = QJsonDocument::fromJson(r.out.toUtf8(), &error);
  EXPECT_EQ(error.error, QJsonParseError::NoError) << error.errorString().toStdString();
  return document.object().value(QStringLiteral("features")).toArray();
}

QStringList ids(const QJsonArray& array) {
  QStringList result;
  for (const auto& feature : array) result << feature.toObject().value(QStringLiteral("id")).toString();
  return result;
}

} // namespace

TEST(EventsCommand, FarabougouListsTheSiegeAndTheAugust2025AttackWithSources) {
  const ViewerRun r = runViewer(events(
      {QStringLiteral("--place"), QStringLiteral("Farabougou"), QStringLiteral("--format"), QStringLiteral("json")}));
  ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
  const QJsonArray list = features(r);
  const QStringList found = ids(list);
  EXPECT_TRUE(found.contains(QStringLiteral("MLI-2020-005"))); // the siege, 6–22 October 2020
  EXPECT_TRUE(found.contains(QStringLiteral("MLI-2025-005"))); // the attack of 19 August 2025
  QString previousStart;
  for (const auto& value : list) {
    const QJsonObject p = value.toObject().value(QStringLiteral("properties")).toObject();
    EXPECT_EQ(p.value(QStringLiteral("place_geonameid")).toInteger(), 2457671);
    EXPECT_GE(p.value(QStringLiteral("start")).toString(), previousStart); // sorted by start
    previousStart = p.value(QStringLiteral("start")).toString();
    const QJsonArray sources = p.value(QStringLiteral("sources")).toArray();
    ASSERT_FALSE(sources.isEmpty());
    EXPECT_FALSE(sources[0].toObject().value(QStringLiteral("passage")).toString().isEmpty());
  }
  EXPECT_TRUE(r.err.contains(QStringLiteral("Niono cercle"))); // which Farabougou was meant
}

TEST(EventsCommand, JsonOutputIsADatasetThatOpensAgain) {
  QTemporaryDir dir;
  const ViewerRun r = runViewer(events(
      {QStringLiteral("--from"), QStringLiteral("2025-01-01"), QStringLiteral("--format"), QStringLiteral("json")}));
  ASSERT_EQ(r.exitCode, 0);
  const QString path = dir.filePath(QStringLiteral("2025.geojson"));
  QFile file(path);
  ASSERT_TRUE(file.open(QIODevice::WriteOnly));
  file.write(r.out.toUtf8());
  file.close();
  const ViewerRun again =
      runViewer(events({QStringLiteral("--data"), path, QStringLiteral("--format"), QStringLiteral("json")}));
  ASSERT_EQ(again.exitCode, 0) << again.err.toStdString();
  EXPECT_EQ(ids(features(again)), ids(features(r)));
  EXPECT_TRUE(again.err.isEmpty()) << again.err.toStdString();
}

TEST(EventsCommand, RangeEdgesAreInclusiveAndIntervalsOverlap) {
  // The last day of the siege still shows it; the day after does not.
  const ViewerRun last =
      runViewer(events({QStringLiteral("--from"), QStringLiteral("2020-10-22"), QStringLiteral("--to"),
                        QStringLiteral("2020-10-22"), QStringLiteral("--format"), QStringLiteral("json")}));
  ASSERT_EQ(last.exitCode, 0);
  EXPECT_TRUE(ids(features(last)).contains(QStringLiteral("MLI-2020-005")));
  const ViewerRun after =
      runViewer(events({QStringLiteral("--from"), QStringLiteral("2020-10-23"), QStringLiteral("--to"),
                        QStringLiteral("2020-10-25"), QStringLiteral("--format"), QStringLiteral("json")}));
  ASSERT_EQ(after.exitCode, 0);
  EXPECT_FALSE(ids(features(after)).contains(QStringLiteral("MLI-2020-005")));
}

TEST(EventsCommand, TypeFilterAcceptsTypesAndSubTypes) {
  const ViewerRun battles = runViewer(events(
      {QStringLiteral("--type"), QStringLiteral("battles"), QStringLiteral("--format"), QStringLiteral("json")}));
  ASSERT_EQ(battles.exitCode, 0);
  const QJsonArray list = features(battles);
  ASSERT_FALSE(list.isEmpty());
  for (const auto& value : list)
    EXPECT_EQ(value.toObject()[QStringLiteral("properties")].toObject()[QStringLiteral("event_type")].toString(),
              QStringLiteral("Battles"));
  const ViewerRun mixed = runViewer(events({QStringLiteral("--type"), QStringLiteral("Protests,Arrests"),
                                            QStringLiteral("--format"), QStringLiteral("json")}));
  ASSERT_EQ(mixed.exitCode, 0);
  for (const auto& value : features(mixed)) {
    const QJsonObject p = value.toObject()[QStringLiteral("properties")].toObject();
    EXPECT_TRUE(p[QStringLiteral("event_type")].toString() == QStringLiteral("Protests") ||
                p[QStringLiteral("sub_event_type")].toString() == QStringLiteral("Arrests"));
  }
  EXPECT_EQ(features(mixed).size(), 3); // one protest, two arrests
}

TEST(EventsCommand, CsvHasAHeaderAndOneRowPerIncident) {
  const ViewerRun r = runViewer(events(
      {QStringLiteral("--place"), QStringLiteral("Loulouni"), QStringLiteral("--format"), QStringLiteral("csv")}));
  ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
  const QStringList lines = r.out.split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
  ASSERT_EQ(lines.size(), 3);
  EXPECT_TRUE(lines[0].startsWith(QStringLiteral("id,start,end,date_precision,date,place")));
  EXPECT_TRUE(lines[1].startsWith(QStringLiteral("MLI-2025-011,2025-11-09,2025-11-09,day,9 Nov 2025,Loulouni")));
  EXPECT_TRUE(lines[1].contains(QStringLiteral("not reported")));
}

TEST(EventsCommand, TextShowsDatesWithTheirPrecision) {
  const ViewerRun r = runViewer(events({QStringLiteral("--place"), QStringLiteral("Moura")}));
  ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
  EXPECT_TRUE(r.out.contains(QStringLiteral("~21\u201331 Mar 2022"))) << r.out.toStdString();
  EXPECT_TRUE(r.out.contains(QStringLiteral("Fatalities: \u2265300")));
  EXPECT_TRUE(r.out.contains(QStringLiteral("1 incident")));
}

TEST(EventsCommand, PlacesMissingFromTheGazetteerAreFoundByTheirName) {
  const ViewerRun r = runViewer(events({QStringLiteral("--place"), QStringLiteral("Kourouma Koube"),
                                        QStringLiteral("--format"), QStringLiteral("json")}));
  ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
  EXPECT_EQ(ids(features(r)), QStringList{QStringLiteral("MLI-2020-023")});
}

TEST(EventsCommand, BadOptionsAreUsageErrors) {
  EXPECT_EQ(runViewer(events({QStringLiteral("--from"), QStringLiteral("2020-02-30")})).exitCode, 2);
  EXPECT_EQ(runViewer(events({QStringLiteral("--from"), QStringLiteral("22/10/2020")})).exitCode, 2);
  EXPECT_EQ(runViewer(events({QStringLiteral("--from"), QStringLiteral("2021-01-01"), QStringLiteral("--to"),
                              QStringLiteral("2020-01-01")}))
                .exitCode,
            2);
  const ViewerRun type = runViewer(events({QStringLiteral("--type"), QStringLiteral("Skirmish")}));
  EXPECT_EQ(type.exitCode, 2);
  EXPECT_TRUE(type.err.contains(QStringLiteral("Skirmish")));
  EXPECT_EQ(runViewer(events({QStringLiteral("--format"), QStringLiteral("xml")})).exitCode, 2);
  // Nothing found is a failure, as for places, but still well-formed output.
  const ViewerRun none = runViewer(events(
      {QStringLiteral("--from"), QStringLiteral("2030-01-01"), QStringLiteral("--format"), QStringLiteral("json")}));
  EXPECT_EQ(none.exitCode, 1);
  EXPECT_TRUE(none.err.contains(QStringLiteral("no incidents match")));
  EXPECT_TRUE(features(none).isEmpty());
  const ViewerRun place = runViewer(events({QStringLiteral("--place"), QStringLiteral("Atlantis")}));
  EXPECT_EQ(place.exitCode, 1);
  EXPECT_TRUE(place.err.contains(QStringLiteral("Atlantis")));
}

TEST(EventsCommand, ADatasetWithBadRecordsKeepsTheGoodOnesAndNamesTheBadOnes) {
  QTemporaryDir dir;
  const QString path = dir.filePath(QStringLiteral("mixed.geojson"));
  QFile file(path);
  ASSERT_TRUE(file.open(QIODevice::WriteOnly));
  file.write(R"({"type": "FeatureCollection", "format": "situation-viewer-incidents", "format_version": 1,
"features": [
{"type": "Feature", "geometry": {"type": "Point", "coordinates": [-5.92, 15.29]},
 "properties": {"id": "good", "start": "2020-10-06", "date_precision": "day", "location_precision": "exact", "event_type": "Battles"}},
{"type": "Feature", "geometry": {"type": "Point", "coordinates": [-5.92, 15.29]},
 "properties": {"id": "bad", "start": "6 October 2020", "date_precision": "day", "location_precision": "exact", "event_type": "Battles"}}
]})");
  file.close();
  const ViewerRun r =
      runViewer(events({QStringLiteral("--data"), path, QStringLiteral("--format"), QStringLiteral("json")}));
  ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
  EXPECT_EQ(ids(features(r)), QStringList{QStringLiteral("good")});
  EXPECT_TRUE(r.err.contains(path + QStringLiteral(":5: feature 2 (bad): start:"))) << r.err.toStdString();
  EXPECT_TRUE(r.err.contains(QStringLiteral("1 of 2 features rejected")));

  const ViewerRun missing = runViewer(events({QStringLiteral("--data"), dir.filePath(QStringLiteral("none.geojson"))}));
  EXPECT_EQ(missing.exitCode, 1);
  EXPECT_TRUE(missing.err.contains(QStringLiteral("none.geojson")));
  const ViewerRun exported =
      runViewer({QStringLiteral("export"), QStringLiteral("-o"), dir.filePath(QStringLiteral("m.png")),
                 QStringLiteral("--size"), QStringLiteral("400x300"), QStringLiteral("--data"), path});
  EXPECT_EQ(exported.exitCode, 0) << exported.err.toStdString();
  // The page of that dataset: its size, and a map drawn on it, not a blank.
  const QImage page(dir.filePath(QStringLiteral("m.png")));
  ASSERT_FALSE(page.isNull());
  EXPECT_EQ(page.size(), QSize(400, 300));
  QSet<QRgb> colours;
  for (int y = 0; y < page.height(); y += 3)
    for (int x = 0; x < page.width(); x += 3) colours.insert(page.pixel(x, y));
  EXPECT_GT(colours.size(), 50) << "a drawn page has many colours";
}

} // namespace sv

namespace sv {

TEST(EventsCommand, TheSliderVocabularySelectsTheSameRangeAsFromTo) {
  const auto listed = [](const QStringList& options) {
    const test::ViewerRun r = test::runViewer(
        QStringList{QStringLiteral("events"), QStringLiteral("--format"), QStringLiteral("csv")} + options);
    EXPECT_EQ(r.exitCode, 0) << r.err.toStdString();
    return r.out;
  };
  EXPECT_EQ(listed({QStringLiteral("--at"), QStringLiteral("2020-10-22"), QStringLiteral("--mode"),
                    QStringLiteral("window"), QStringLiteral("--window"), QStringLiteral("30d")}),
            listed({QStringLiteral("--from"), QStringLiteral("2020-09-23"), QStringLiteral("--to"),
                    QStringLiteral("2020-10-22")}));
  EXPECT_EQ(
      listed({QStringLiteral("--at"), QStringLiteral("2022-03-27"), QStringLiteral("--window"), QStringLiteral("3m")}),
      listed({QStringLiteral("--from"), QStringLiteral("2021-12-28"), QStringLiteral("--to"),
              QStringLiteral("2022-03-27")}));
  EXPECT_EQ(listed({QStringLiteral("--at"), QStringLiteral("2020-10-15"), QStringLiteral("--mode"),
                    QStringLiteral("cumulative")}),
            listed({QStringLiteral("--to"), QStringLiteral("2020-10-15")}));
  EXPECT_EQ(
      listed({QStringLiteral("--at"), QStringLiteral("2020-10-15"), QStringLiteral("--step"), QStringLiteral("1w")}),
      listed({QStringLiteral("--from"), QStringLiteral("2020-10-12"), QStringLiteral("--to"),
              QStringLiteral("2020-10-18")}));
  EXPECT_EQ(listed({QStringLiteral("--at"), QStringLiteral("2025-11-09")}),
            listed({QStringLiteral("--from"), QStringLiteral("2025-11-09"), QStringLiteral("--to"),
                    QStringLiteral("2025-11-09")}));
}

TEST(EventsCommand, TheSliderVocabularyRejectsMixedOrIncompleteOptions) {
  const auto status = [](const QStringList& options) {
    return test::runViewer(QStringList{QStringLiteral("events")} + options).exitCode;
  };
  EXPECT_EQ(status({QStringLiteral("--at"), QStringLiteral("2020-10-22"), QStringLiteral("--from"),
                    QStringLiteral("2020-01-01")}),
            2);
  EXPECT_EQ(status({QStringLiteral("--window"), QStringLiteral("30d")}), 2);
  EXPECT_EQ(
      status({QStringLiteral("--at"), QStringLiteral("2020-10-22"), QStringLiteral("--window"), QStringLiteral("30y")}),
      2);
  EXPECT_EQ(status({QStringLiteral("--at"), QStringLiteral("2020-10-22"), QStringLiteral("--mode"),
                    QStringLiteral("sliding")}),
            2);
  EXPECT_EQ(status({QStringLiteral("--at"), QStringLiteral("2020-10-22"), QStringLiteral("--mode"),
                    QStringLiteral("cumulative"), QStringLiteral("--window"), QStringLiteral("30d")}),
            2);
  const test::ViewerRun exportRun =
      test::runViewer({QStringLiteral("export"), QStringLiteral("-o"), QStringLiteral("/tmp/x.png"),
                       QStringLiteral("--at"), QStringLiteral("2020-13-01")});
  EXPECT_EQ(exportRun.exitCode, 2);
  EXPECT_TRUE(exportRun.err.contains(QStringLiteral("2020-13-01")));
}

} // namespace sv
