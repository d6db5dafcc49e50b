#include "dialogs/databasedialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QSettings>
#include <QSpinBox>

#include <gtest/gtest.h>

namespace sv {
namespace {

QLineEdit* field(DatabaseDialog& dialog, const char* name) {
  auto* found = dialog.findChild<QLineEdit*>(QString::fromLatin1(name));
  EXPECT_TRUE(found) << name;
  return found;
}

TEST(DatabaseDialog, MakesTheUriFromItsFieldsWithoutThePassword) {
  QSettings().remove(QStringLiteral("database"));
  DatabaseDialog dialog;
  field(dialog, "host")->setText(QStringLiteral("db.example.org"));
  dialog.findChild<QSpinBox*>(QStringLiteral("port"))->setValue(5433);
  field(dialog, "database")->setText(QStringLiteral("situation"));
  field(dialog, "user")->setText(QStringLiteral("ana"));
  dialog.findChild<QComboBox*>(QStringLiteral("sslMode"))->setCurrentText(QStringLiteral("require"));
  field(dialog, "schema")->setText(QStringLiteral("mali"));
  field(dialog, "password")->setText(QStringLiteral("s3cret"));
  EXPECT_EQ(dialog.uri(), QStringLiteral("postgresql://ana@db.example.org:5433/situation?sslmode=require&schema=mali"));
  EXPECT_EQ(dialog.password(), QStringLiteral("s3cret"));
  dialog.accept();
  EXPECT_EQ(dialog.result(), QDialog::Accepted);
  // The fields are remembered for next time; the password never is.
  QSettings settings;
  EXPECT_EQ(settings.value(QStringLiteral("database/host")).toString(), QStringLiteral("db.example.org"));
  for (const QString& key : settings.allKeys()) EXPECT_NE(settings.value(key).toString(), QStringLiteral("s3cret"));
  DatabaseDialog again;
  EXPECT_EQ(field(again, "database")->text(), QStringLiteral("situation"));
  EXPECT_TRUE(field(again, "password")->text().isEmpty());
}

TEST(DatabaseDialog, RefusesNamesTheViewerWouldNotUseAndSaysWhy) {
  DatabaseDialog dialog;
  field(dialog, "database")->setText(QStringLiteral("situation"));
  field(dialog, "table")->setText(QStringLiteral("incidents\"; DROP TABLE x"));
  dialog.accept();
  EXPECT_NE(dialog.result(), QDialog::Accepted);
  const QLabel* problem = dialog.findChild<QLabel*>(QStringLiteral("problem"));
  ASSERT_TRUE(problem);
  EXPECT_TRUE(problem->isVisibleTo(&dialog));
  EXPECT_TRUE(problem->text().contains(QStringLiteral("lower-case letters"))) << problem->text().toStdString();
}

TEST(DatabaseDialog, SaysWhenNoKeychainIsReachable) {
  // The tests run without a session bus, as CI and Xvfb do.
  DatabaseDialog dialog;
  const QCheckBox* remember = dialog.findChild<QCheckBox*>();
  ASSERT_TRUE(remember);
  EXPECT_FALSE(remember->isEnabled());
  EXPECT_TRUE(remember->text().contains(QStringLiteral("no session bus"))) << remember->text().toStdString();
  EXPECT_FALSE(dialog.rememberPassword());
}

} // namespace
} // namespace sv
