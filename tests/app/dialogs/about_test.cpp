#include "dialogs/aboutdialog.h"
#include "render/testmap.h"

#include <gtest/gtest.h>

namespace sv {

TEST(AboutDialog, ShowsEveryAttribution) {
  const auto& attributions = test::bundledBaseMap()->attributions();
  ASSERT_FALSE(attributions.empty());
  const QString html = AboutDialog::aboutHtml(attributions);
  EXPECT_TRUE(html.contains(QStringLiteral("GeoNames")));
  EXPECT_TRUE(html.contains(QStringLiteral("geoBoundaries")));
  EXPECT_TRUE(html.contains(QStringLiteral("Natural Earth")));
  EXPECT_TRUE(html.contains(QStringLiteral("CC BY 4.0")));
  EXPECT_TRUE(html.contains(QStringLiteral(SV_VERSION)));
}

} // namespace sv
