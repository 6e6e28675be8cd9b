// Shared GoogleTest entry point: initialises libxml2 once, before any test thread starts.
#include <gtest/gtest.h>
#include <libxml/parser.h>

int main(int argc, char** argv) {
  xmlInitParser();
  ::testing::InitGoogleTest(&argc, argv);
  return RUN_ALL_TESTS();
}
