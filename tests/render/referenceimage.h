#pragma once

#include <QImage>

#include <gtest/gtest.h>

namespace sv::test {

// Compares `image` with the reference tests/data/reference/NAME.png, as
// MapLibre's render tests do: a pixel differs when one of its channels is
// off by more than `channelTolerance` (antialiasing and font rasterisation
// move edges slightly), and the images match when sizes agree and at most
// `pixelFraction` of the pixels differ. On a mismatch the actual image and a
// map of the differing pixels (red) are written beside the build
// ($SV_REFERENCE_OUTPUT, else the temporary folder) and named in the failure.
// With SV_UPDATE_REFERENCES=1 the image is written as the new reference
// instead; review the PNG before committing it.
::testing::AssertionResult matchesReference(const QImage& image, const char* name, int channelTolerance = 32,
                                            double pixelFraction = 0.001);

} // namespace sv::test
