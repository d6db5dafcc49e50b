#include "app/viewerprocess.h"

#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>

#include <gtest/gtest.h>

namespace sv {
namespace {

using test::runViewer;
using test::ViewerRun;

} // namespace

TEST(CommandLine, HelpAndVersion) {
  const ViewerRun help = runViewer({QStringLiteral("--help")});
  EXPECT_EQ(help.exitCode, 0);
  EXPECT_TRUE(help.out.contains(QStringLiteral("places QUERY")));
  EXPECT_TRUE(help.out.contains(QStringLiteral("export -o FILE")));
  const ViewerRun version = runViewer({QStringLiteral("--version")});
  EXPECT_EQ(version.exitCode, 0);
  EXPECT_EQ(version.out.trimmed(), QStringLiteral("situation-viewer " SV_VERSION));
  const ViewerRun placesHelp = runViewer({QStringLiteral("places"), QStringLiteral("--help")});
  EXPECT_EQ(placesHelp.exitCode, 0);
  EXPECT_TRUE(placesHelp.out.contains(QStringLiteral("--format")));
}

TEST(CommandLine, UnknownCommandOrOptionIsAUsageError) {
  const ViewerRun unknown = runViewer({QStringLiteral("frobnicate")});
  EXPECT_EQ(unknown.exitCode, 2);
  EXPECT_TRUE(unknown.err.contains(QStringLiteral("unknown command 'frobnicate'")));
  const ViewerRun badFormat =
      runViewer({QStringLiteral("places"), QStringLiteral("Kayes"), QStringLiteral("--format"), QStringLiteral("xml")});
  EXPECT_EQ(badFormat.exitCode, 2);
  EXPECT_TRUE(badFormat.err.contains(QStringLiteral("xml")));
}

TEST(CommandLine, WindowWithoutADisplayExplainsItself) {
  const ViewerRun run = runViewer({});
  EXPECT_EQ(run.exitCode, 1);
  EXPECT_TRUE(run.err.contains(QStringLiteral("no display")));
}

TEST(CommandLine, PlacesJsonListsHomonymsWithRegionAndCercle) {
  const ViewerRun run = runViewer(
      {QStringLiteral("places"), QStringLiteral("farabougou"), QStringLiteral("--format"), QStringLiteral("json")});
  ASSERT_EQ(run.exitCode, 0) << run.err.toStdString();
  QJsonParseError error;
  const QJsonDocument document = QJsonDocument::fromJson(run.out.toUtf8(), &error);
  ASSERT_EQ(error.error, QJsonParseError::NoError) << error.errorString().toStdString();
  EXPECT_EQ(document.object().value(QStringLiteral("query")).toString(), QStringLiteral("farabougou"));
  const QJsonArray matches = document.object().value(QStringLiteral("matches")).toArray();
  ASSERT_GE(matches.size(), 9);
  const QJsonObject first = matches.first().toObject();
  EXPECT_EQ(first.value(QStringLiteral("geonameid")).toInteger(), 2457671);
  EXPECT_EQ(first.value(QStringLiteral("name")).toString(), QStringLiteral("Farabougou"));
  EXPECT_EQ(first.value(QStringLiteral("region")).toString(), QStringLiteral("Ségou"));
  EXPECT_EQ(first.value(QStringLiteral("cercle")).toString(), QStringLiteral("Niono"));
  EXPECT_NEAR(first.value(QStringLiteral("latitude")).toDouble(), 14.8921, 1e-4);
  EXPECT_NEAR(first.value(QStringLiteral("longitude")).toDouble(), -6.1414, 1e-4);
  for (const auto& match : matches) {
    EXPECT_FALSE(match.toObject().value(QStringLiteral("cercle")).toString().isEmpty());
  }
}

TEST(CommandLine, PlacesTextShowsRegionAndCercle) {
  const ViewerRun run = runViewer({QStringLiteral("places"), QStringLiteral("segou")});
  ASSERT_EQ(run.exitCode, 0);
  const QString firstLine = run.out.section(QLatin1Char('\n'), 0, 0);
  EXPECT_TRUE(firstLine.startsWith(QStringLiteral("Ségou\t"))) << firstLine.toStdString();
  EXPECT_TRUE(firstLine.contains(QStringLiteral("Ségou region, Ségou cercle")));
}

TEST(CommandLine, PlacesWithNoMatchFails) {
  const ViewerRun run = runViewer({QStringLiteral("places"), QStringLiteral("Qwxyzzz")});
  EXPECT_EQ(run.exitCode, 1);
  EXPECT_TRUE(run.err.contains(QStringLiteral("no place matches 'Qwxyzzz'")));
}

TEST(CommandLine, ExportWritesTheMapWithoutADisplay) {
  QTemporaryDir dir;
  ASSERT_TRUE(dir.isValid());
  const QString path = dir.filePath(QStringLiteral("mali.png"));
  const ViewerRun run = runViewer(
      {QStringLiteral("export"), QStringLiteral("-o"), path, QStringLiteral("--size"), QStringLiteral("960x600")});
  ASSERT_EQ(run.exitCode, 0) << run.err.toStdString();
  const QImage image(path);
  ASSERT_FALSE(image.isNull());
  EXPECT_EQ(image.size(), QSize(960, 600));
  // Not a blank image: the map has many colours.
  QSet<QRgb> colours;
  for (int y = 0; y < image.height(); y += 7) {
    for (int x = 0; x < image.width(); x += 7) colours.insert(image.pixel(x, y));
  }
  EXPECT_GT(colours.size(), 20);
}

TEST(CommandLine, ExportIsReproducible) {
  QTemporaryDir dir;
  const QString first = dir.filePath(QStringLiteral("first.png"));
  const QString second = dir.filePath(QStringLiteral("second.png"));
  ASSERT_EQ(runViewer({QStringLiteral("export"), QStringLiteral("-o"), first, QStringLiteral("--size"),
                       QStringLiteral("640x400")})
                .exitCode,
            0);
  ASSERT_EQ(runViewer({QStringLiteral("export"), QStringLiteral("-o"), second, QStringLiteral("--size"),
                       QStringLiteral("640x400")})
                .exitCode,
            0);
  const QImage a(first);
  const QImage b(second);
  ASSERT_FALSE(a.isNull());
  EXPECT_TRUE(a == b);
}

TEST(CommandLine, ExportRejectsBadSizesAndPaths) {
  QTemporaryDir dir;
  const ViewerRun badSize =
      runViewer({QStringLiteral("export"), QStringLiteral("-o"), dir.filePath(QStringLiteral("a.png")),
                 QStringLiteral("--size"), QStringLiteral("12x")});
  EXPECT_EQ(badSize.exitCode, 2);
  EXPECT_TRUE(badSize.err.contains(QStringLiteral("bad --size '12x'")));
  const ViewerRun tooLarge =
      runViewer({QStringLiteral("export"), QStringLiteral("-o"), dir.filePath(QStringLiteral("a.png")),
                 QStringLiteral("--size"), QStringLiteral("99999x10")});
  EXPECT_EQ(tooLarge.exitCode, 2);
  const ViewerRun noOutput = runViewer({QStringLiteral("export")});
  EXPECT_EQ(noOutput.exitCode, 2);
  const ViewerRun missingDir =
      runViewer({QStringLiteral("export"), QStringLiteral("-o"), QStringLiteral("/nonexistent-dir/x.png")});
  EXPECT_EQ(missingDir.exitCode, 1);
  EXPECT_TRUE(missingDir.err.contains(QStringLiteral("/nonexistent-dir/x.png")));
  EXPECT_TRUE(missingDir.err.contains(QStringLiteral("does not exist")));
  const ViewerRun wrongType =
      runViewer({QStringLiteral("export"), QStringLiteral("-o"), dir.filePath(QStringLiteral("a.tiff"))});
  EXPECT_EQ(wrongType.exitCode, 1);
  EXPECT_TRUE(wrongType.err.contains(QStringLiteral("must end in .png, .svg, .pdf")));
}

TEST(CommandLine, BadGeodataFileIsNamed) {
  QTemporaryDir dir;
  const ViewerRun run = runViewer({QStringLiteral("places"), QStringLiteral("Kayes"), QStringLiteral("--geodata"),
                                   dir.filePath(QStringLiteral("missing.gpkg"))});
  EXPECT_EQ(run.exitCode, 1);
  EXPECT_TRUE(run.err.contains(QStringLiteral("missing.gpkg")));
}

} // namespace sv
