// Text from a file never runs as markup in the column-mapping dialog: a
// value that looks like an image tag is shown as it is, and nothing it names
// is loaded.
#include "dialogs/columnmappingdialog.h"

#include "io/tablepreview.h"

#include <QFile>
#include <QLabel>
#include <QTemporaryDir>

#include <gtest/gtest.h>

namespace sv {
namespace {

TEST(ColumnMappingDialog, ValuesThatLookLikeMarkupAreShownAsText) {
  QTemporaryDir dir;
  const QString path = dir.filePath(QStringLiteral("hostile.csv"));
  QFile file(path);
  ASSERT_TRUE(file.open(QIODevice::WriteOnly));
  file.write("Jour;Nord;Est\n<img src='file:///etc/hostname'>;14.5;-4.2\n2024-03-02;14.5;-4.2\n");
  file.close();
  std::string error;
  auto preview = previewTable(path.toStdString(), 20, &error);
  ASSERT_TRUE(preview) << error;
  ColumnMappingDialog dialog(path, std::move(*preview));
  ASSERT_TRUE(dialog.setColumn(QStringLiteral("date"), QStringLiteral("Jour")));
  ASSERT_TRUE(dialog.setColumn(QStringLiteral("lat"), QStringLiteral("Nord")));
  ASSERT_TRUE(dialog.setColumn(QStringLiteral("lon"), QStringLiteral("Est")));
  const QLabel* status = dialog.findChild<QLabel*>(QStringLiteral("mappingStatus"));
  ASSERT_NE(status, nullptr);
  EXPECT_EQ(status->textFormat(), Qt::PlainText);
  EXPECT_TRUE(status->text().contains(QStringLiteral("<img src='file:///etc/hostname'>")))
      << status->text().toStdString();
  EXPECT_TRUE(status->text().startsWith(QStringLiteral("1 of the 2 rows shown become incidents.")))
      << status->text().toStdString();
}

} // namespace
} // namespace sv
