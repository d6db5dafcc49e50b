// The legend against its reference image: every type with its count, the
// precision variants, the size scale, the stack badge and a dataset drawn
// in one colour.
#include "widgets/legendwidget.h"

#include "render/referenceimage.h"
#include "render/testmap.h"

#include <gtest/gtest.h>

namespace sv {
namespace {

TEST(ReferenceImages, Legend) {
  LegendWidget legend;
  legend.setIncidents(test::referenceIncidents());
  std::array<std::size_t, kEventTypeCount> counts{};
  counts[static_cast<std::size_t>(EventType::Battles)] = 2;
  counts[static_cast<std::size_t>(EventType::ViolenceAgainstCivilians)] = 2;
  counts[static_cast<std::size_t>(EventType::ExplosionsRemoteViolence)] = 1;
  counts[static_cast<std::size_t>(EventType::Riots)] = 1;
  counts[static_cast<std::size_t>(EventType::Protests)] = 1;
  counts[static_cast<std::size_t>(EventType::StrategicDevelopments)] = 1;
  legend.setTypeCounts(counts);
  legend.setDatasetColours({QStringLiteral("fixture-one-colour")}, {QColor(0xb2, 0x18, 0x2b)});
  legend.resize(legend.sizeHint().width(), legend.sizeHint().height());
  EXPECT_TRUE(test::matchesReference(legend.grab().toImage(), "legend"));
}

} // namespace
} // namespace sv
