#include "io/gdalsupport.h"

#include <gtest/gtest.h>

int main(int argc, char** argv) {
  sv::registerGdalDrivers();
  ::testing::InitGoogleTest(&argc, argv);
  return RUN_ALL_TESTS();
}
