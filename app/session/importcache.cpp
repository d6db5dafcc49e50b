#include "session/importcache.h"

#include "session/databasesource.h"

#include "domain/placematching.h"
#include "io/storefile.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QStandardPaths>

namespace sv {

namespace {

constexpr qint64 kLargeNativeDataset = qint64{8} * 1024 * 1024;

// What makes a cached store still the file's import.
std::string cacheKey(const QFileInfo& info, const ImportOptions& options, const Gazetteer* gazetteer) {
  return QStringLiteral("situation-viewer import 1|%1|%2|%3|%4|%5|%6")
      .arg(info.absoluteFilePath())
      .arg(info.size())
      .arg(info.lastModified().toMSecsSinceEpoch())
      .arg(QString::fromUtf8(importFormatName(options.format).data()))
      .arg(QString::fromStdString(options.mapping.describe()))
      .arg(gazetteer ? static_cast<qulonglong>(gazetteer->size()) : 0)
      .toStdString();
}

// The report of the import a cached store came from, saved beside it.
bool readCachedReport(const QString& path, IncidentReadResult& report) {
  QFile file(path);
  if (!file.open(QIODevice::ReadOnly)) return false;
  const QJsonObject json = QJsonDocument::fromJson(file.readAll()).object();
  if (!json.value(QStringLiteral("reconciles")).toBool()) return false;
  const auto count = [&](const char* name) {
    return static_cast<std::size_t>(json.value(QLatin1String(name)).toDouble());
  };
  report.format = json.value(QStringLiteral("format")).toString().toStdString();
  report.recordNoun = json.value(QStringLiteral("record_noun")).toString(QStringLiteral("row")).toStdString();
  report.recordsRead = count("rows_read");
  report.accepted = count("incidents_accepted");
  report.merged = count("duplicates_merged");
  for (const QJsonValue& note : json.value(QStringLiteral("notes")).toArray())
    report.notes.push_back(note.toString().toStdString());
  for (const QJsonValue& value : json.value(QStringLiteral("rejected")).toArray()) {
    const QJsonObject r = value.toObject();
    report.rejected.push_back(
        RejectedRecord{static_cast<std::size_t>(r.value(QString::fromStdString(report.recordNoun)).toDouble()),
                       static_cast<std::size_t>(r.value(QStringLiteral("line")).toDouble()),
                       r.value(QStringLiteral("id")).toString().toStdString(),
                       r.value(QStringLiteral("column")).toString().toStdString(),
                       r.value(QStringLiteral("reason")).toString().toStdString()});
  }
  return report.recordsRead == report.accepted + report.merged + report.rejected.size();
}

} // namespace

qint64 importCacheLimit() {
  bool ok = false;
  const double megabytes = qEnvironmentVariable("SITUATION_VIEWER_CACHE_LIMIT_MB").toDouble(&ok);
  if (ok && megabytes >= 0) return static_cast<qint64>(megabytes * 1024.0 * 1024.0);
  return qint64{2} * 1024 * 1024 * 1024;
}

int pruneImportCache(const QString& folder, qint64 limitBytes, const QString& keep) {
  QDir dir(folder);
  // Reading an entry touches it, so the oldest modification is the longest unused.
  QFileInfoList stores = dir.entryInfoList({QStringLiteral("*.svstore")}, QDir::Files, QDir::Time | QDir::Reversed);
  const auto entrySize = [](const QFileInfo& store) {
    return store.size() + QFileInfo(store.filePath() + QStringLiteral(".report.json")).size();
  };
  qint64 total = 0;
  for (const QFileInfo& store : stores) total += entrySize(store);
  int removed = 0;
  const QString kept = keep.isEmpty() ? QString() : QFileInfo(keep).absoluteFilePath();
  for (const QFileInfo& store : stores) {
    if (total <= limitBytes) break;
    if (store.absoluteFilePath() == kept) continue;
    total -= entrySize(store);
    QFile::remove(store.filePath() + QStringLiteral(".report.json"));
    QFile::remove(store.filePath());
    ++removed;
  }
  return removed;
}

QString importCacheFolder() {
  const QString chosen = qEnvironmentVariable("SITUATION_VIEWER_CACHE");
  if (!chosen.isEmpty()) return chosen;
  const QString location = QStandardPaths::writableLocation(QStandardPaths::GenericCacheLocation);
  return location.isEmpty() ? QString() : location + QStringLiteral("/situation-viewer/imports");
}

ImportedDataset importDatasetCached(const QString& path, const ImportOptions& options, const Gazetteer* gazetteer,
                                    const db::Query& window) {
  if (isDatabaseUri(path)) return readDatabaseDataset(path, window, options);
  ImportedDataset dataset;
  const std::string file = path.toStdString();
  const QFileInfo info(path);
  // Our own format is cached too once it is large: it is read as one JSON
  // document (about 35 s and several GB at a million incidents), where a
  // store file opens in milliseconds. Small files, hand-edited, are read as
  // they are.
  const ImportFormat format = resolveImportFormat(file, options.format);
  if (format == ImportFormat::Store) {
    // Our large-data format is the store itself: nothing to import or cache.
    std::string error;
    dataset.store = readStoreFile(file, &error);
    if (!dataset.store) {
      dataset.report.error = std::move(error);
      return dataset;
    }
    dataset.report.ok = true;
    dataset.report.format = "Situation Viewer store";
    dataset.report.recordNoun = "incident";
    dataset.report.info = dataset.store->info();
    dataset.report.recordsRead = dataset.report.accepted = dataset.store->size();
    return dataset;
  }
  const bool native = format == ImportFormat::Native;
  const bool cacheable = info.isFile() && (!native || info.size() >= kLargeNativeDataset);
  QString cachePath;
  std::string key;
  if (cacheable && !importCacheFolder().isEmpty()) {
    key = cacheKey(info, options, gazetteer);
    const QByteArray name =
        QCryptographicHash::hash(info.absoluteFilePath().toUtf8(), QCryptographicHash::Sha1).toHex();
    cachePath = importCacheFolder() + QLatin1Char('/') + QString::fromLatin1(name) + QStringLiteral(".svstore");
    if (readStoreFileKey(cachePath.toStdString()) == key) {
      std::string stored;
      IncidentReadResult report;
      if (auto store = readStoreFile(cachePath.toStdString(), nullptr, &stored);
          store && stored == key && readCachedReport(cachePath + QStringLiteral(".report.json"), report) &&
          report.accepted == store->size()) {
        dataset.report = std::move(report);
        dataset.report.ok = true;
        dataset.report.info = store->info();
        dataset.report.notes.push_back("read from the cache of an earlier import of this file (" +
                                       cachePath.toStdString() + ")");
        dataset.store = std::move(store);
        dataset.fromCache = true;
        // Used now: the last the size limit removes.
        if (QFile used(cachePath); used.open(QIODevice::ReadWrite))
          used.setFileTime(QDateTime::currentDateTime(), QFileDevice::FileModificationTime);
        return dataset;
      }
    }
  }
  IncidentReadResult read = importIncidents(file, options);
  if (!read.ok) {
    dataset.report = std::move(read);
    return dataset;
  }
  if (gazetteer && read.format != "Situation Viewer") {
    if (std::string note = matchImportedPlaces(read.incidents, *gazetteer); !note.empty())
      read.notes.push_back(std::move(note));
  }
  dataset.store = EventStore::build(std::move(read.incidents), read.info);
  read.incidents = {};
  dataset.report = std::move(read);
  // A cache that cannot be written only makes the next opening slower.
  if (!cachePath.isEmpty() && QDir().mkpath(importCacheFolder())) {
    QSaveFile report(cachePath + QStringLiteral(".report.json"));
    const std::string json = importReportJson(file, dataset.report);
    if (report.open(QIODevice::WriteOnly) && report.write(json.data(), static_cast<qint64>(json.size())) >= 0 &&
        report.commit())
      writeStoreFile(cachePath.toStdString(), *dataset.store, key);
    pruneImportCache(importCacheFolder(), importCacheLimit(), cachePath);
  }
  return dataset;
}

} // namespace sv
