// The import cache keeps within its size limit, removing the entries used
// longest ago; reading an entry counts as using it.
#include "session/importcache.h"
#include "app/appdata.h"

#include "bench/synthetic.h"
#include "io/incidentdataset.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>

#include <gtest/gtest.h>

namespace sv {
namespace {

// A made-up entry of `bytes` (store and report) last used `ago` seconds ago.
void writeEntry(const QDir& dir, const QString& name, qint64 bytes, int ago) {
  for (const QString& path :
       {dir.filePath(name + QStringLiteral(".svstore")), dir.filePath(name + QStringLiteral(".svstore.report.json"))}) {
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    file.write(QByteArray(static_cast<qsizetype>(bytes / 2), 'x'));
    ASSERT_TRUE(file.flush()); // else closing writes, and sets the time again
    ASSERT_TRUE(file.setFileTime(QDateTime::currentDateTime().addSecs(-ago), QFileDevice::FileModificationTime));
  }
}

QStringList entries(const QDir& dir) {
  QStringList names = dir.entryList({QStringLiteral("*.svstore")}, QDir::Files, QDir::Name);
  for (QString& name : names) name.chop(8);
  return names;
}

TEST(ImportCache, PrunesTheEntriesUsedLongestAgoToItsLimit) {
  QTemporaryDir folder;
  const QDir dir(folder.path());
  writeEntry(dir, QStringLiteral("oldest"), 1000, 300);
  writeEntry(dir, QStringLiteral("older"), 1000, 200);
  writeEntry(dir, QStringLiteral("recent"), 1000, 100);
  writeEntry(dir, QStringLiteral("newest"), 1000, 0);
  EXPECT_EQ(pruneImportCache(dir.path(), 4000), 0) << "within the limit";
  EXPECT_EQ(pruneImportCache(dir.path(), 2500), 2);
  EXPECT_EQ(entries(dir), (QStringList{QStringLiteral("newest"), QStringLiteral("recent")}));
  EXPECT_FALSE(QFile::exists(dir.filePath(QStringLiteral("oldest.svstore.report.json"))))
      << "reports go with their stores";
  // The entry just written stays, even over the limit.
  EXPECT_EQ(pruneImportCache(dir.path(), 0, dir.filePath(QStringLiteral("recent.svstore"))), 1);
  EXPECT_EQ(entries(dir), QStringList{QStringLiteral("recent")});
}

TEST(ImportCache, AnImportKeepsTheCacheWithinItsLimitAndAReadCountsAsAUse) {
  QTemporaryDir folder;
  const QByteArray previous = qgetenv("SITUATION_VIEWER_CACHE");
  qputenv("SITUATION_VIEWER_CACHE", folder.path().toLocal8Bit());
  const QDir dir(folder.path());
  ASSERT_TRUE(importDatasetCached(test::importFixture("acled-2025.csv"), {}, nullptr).store);
  ASSERT_TRUE(importDatasetCached(test::importFixture("ucdp-ged.csv"), {}, nullptr).store);
  ASSERT_EQ(entries(dir).size(), 2);
  // The ACLED file's entry, made first, is read again: it becomes the most recent.
  for (const QFileInfo& store : dir.entryInfoList({QStringLiteral("*.svstore")}, QDir::Files)) {
    QFile file(store.filePath());
    ASSERT_TRUE(file.open(QIODevice::ReadWrite));
    file.setFileTime(QDateTime::currentDateTime().addSecs(-600), QFileDevice::FileModificationTime);
  }
  const ImportedDataset again = importDatasetCached(test::importFixture("acled-2025.csv"), {}, nullptr);
  ASSERT_TRUE(again.fromCache);
  const QFileInfoList byUse = dir.entryInfoList({QStringLiteral("*.svstore")}, QDir::Files, QDir::Time);
  ASSERT_EQ(byUse.size(), 2);
  const qint64 newest =
      byUse.front().size() + QFileInfo(byUse.front().filePath() + QStringLiteral(".report.json")).size();
  EXPECT_EQ(pruneImportCache(dir.path(), newest), 1);
  ASSERT_EQ(entries(dir).size(), 1);
  EXPECT_TRUE(importDatasetCached(test::importFixture("acled-2025.csv"), {}, nullptr).fromCache)
      << "the one used last stays";

  // With no room at all, each import keeps only its own entry.
  qputenv("SITUATION_VIEWER_CACHE_LIMIT_MB", "0");
  ASSERT_TRUE(importDatasetCached(test::importFixture("acled-hdx.csv"), {}, nullptr).store);
  EXPECT_EQ(entries(dir).size(), 1);
  EXPECT_TRUE(importDatasetCached(test::importFixture("acled-hdx.csv"), {}, nullptr).fromCache);
  qunsetenv("SITUATION_VIEWER_CACHE_LIMIT_MB");
  qputenv("SITUATION_VIEWER_CACHE", previous);
}

// A large dataset in our own format is read as one JSON document: cached
// like an import, where small hand-edited files are read as they are.
TEST(ImportCache, CachesOurOwnFormatOnceItIsLarge) {
  QTemporaryDir folder;
  const QByteArray previous = qgetenv("SITUATION_VIEWER_CACHE");
  qputenv("SITUATION_VIEWER_CACHE", folder.path().toLocal8Bit());
  const QDir dir(folder.path());
  ASSERT_TRUE(importDatasetCached(QStringLiteral(SV_TEST_FIXTURE_INCIDENTS), {}, nullptr).store);
  EXPECT_TRUE(entries(dir).isEmpty()) << "a small file of ours is not cached";

  QTemporaryDir data;
  const QString large = data.filePath(QStringLiteral("large.geojson"));
  test::SyntheticOptions options;
  options.count = 12000;
  DatasetInfo info;
  info.name = "large";
  std::string error;
  ASSERT_TRUE(writeIncidentDataset(large.toStdString(), info, test::generateSyntheticIncidents(options), &error))
      << error;
  ASSERT_GE(QFileInfo(large).size(), 8 * 1024 * 1024) << "the test needs a file past the threshold";
  const ImportedDataset first = importDatasetCached(large, {}, nullptr);
  ASSERT_TRUE(first.store);
  EXPECT_FALSE(first.fromCache);
  EXPECT_EQ(entries(dir).size(), 1);
  const ImportedDataset second = importDatasetCached(large, {}, nullptr);
  ASSERT_TRUE(second.fromCache);
  ASSERT_EQ(second.store->size(), first.store->size());
  EXPECT_EQ(second.store->id(0), first.store->id(0));
  EXPECT_EQ(second.store->id(second.store->size() - 1), first.store->id(first.store->size() - 1));
  EXPECT_EQ(second.store->info().name, "large");
  qputenv("SITUATION_VIEWER_CACHE", previous);
}

} // namespace
} // namespace sv
