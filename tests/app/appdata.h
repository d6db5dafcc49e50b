#pragma once

// Geodata and incidents loaded as the window loads them, once per test
// binary: the bundled product data, for the tests of the command line and
// the exports that document it, and the fixture, for the window's tests.
#include "session/mapcontext.h"

#include <QProcess>
#include <QStringList>

#include <gtest/gtest.h>

#include <initializer_list>

namespace sv::test {

// The text of a PDF, by poppler's pdftotext (scripts/setup installs it).
inline QString pdfText(const QString& path) {
  QProcess process;
  process.start(QStringLiteral("pdftotext"), {QStringLiteral("-layout"), path, QStringLiteral("-")});
  if (!process.waitForFinished(60000)) return {};
  return QString::fromUtf8(process.readAllStandardOutput());
}

// The bundled geodata with `incidents` open, as the window loads them.
inline MapContext loadedContext(const QString& incidents) {
  QString error;
  auto loaded = loadMapContext(QStringLiteral(SV_TEST_GEODATA), &error);
  EXPECT_TRUE(loaded) << error.toStdString();
  EXPECT_TRUE(loadIncidents(*loaded, QStringList{incidents}, &error)) << error.toStdString();
  return std::move(*loaded);
}

// The bundled, curated dataset.
inline const MapContext& bundledContext() {
  static const MapContext context = loadedContext(QStringLiteral(SV_TEST_INCIDENTS));
  return context;
}

// tests/data/ui/situation-fixture.geojson: incidents invented for the
// window's tests, at real gazetteer towns, so that editing the curated
// dataset cannot break them.
inline QString fixturePath() { return QStringLiteral(SV_TEST_FIXTURE_INCIDENTS); }
inline const MapContext& fixtureContext() {
  static const MapContext context = loadedContext(fixturePath());
  return context;
}

// An export in tests/data/import, as users' files come (ACLED, UCDP, own columns…).
inline QString importFixture(const char* name) { return QStringLiteral(SV_TEST_DATA "/import/") + QLatin1String(name); }

// Incident ids, as the tests spell them.
inline QStringList idList(std::initializer_list<const char*> ids) {
  QStringList list;
  for (const char* id : ids) list << QString::fromUtf8(id);
  return list;
}

} // namespace sv::test
