#include "io/gdalsupport.h"

#include <QApplication>
#include <QTemporaryDir>

#include <gtest/gtest.h>

int main(int argc, char** argv) {
  if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
  if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS")) qputenv("DBUS_SESSION_BUS_ADDRESS", "disabled:");
  // No database password but the tests' own (tests/db): none from the
  // environment or ~/.pgpass.
  qunsetenv("PGPASSWORD");
  qputenv("PGPASSFILE", "/nonexistent");
  // Imports are cached in a folder of the test run's own.
  QTemporaryDir cache;
  if (qEnvironmentVariableIsEmpty("SITUATION_VIEWER_CACHE"))
    qputenv("SITUATION_VIEWER_CACHE", cache.path().toLocal8Bit());
  QApplication app(argc, argv);
  sv::registerGdalDrivers();
  ::testing::InitGoogleTest(&argc, argv);
  return RUN_ALL_TESTS();
}
