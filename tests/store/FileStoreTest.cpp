#include <gtest/gtest.h>

#include <fstream>

#include "store/FileStore.h"
#include "xml/Sha256.h"
#include "support/Fixtures.h"
#include "store/TemporaryFolder.h"

using paraph::store::FileStore;
using paraph::xml::sha256Hex;
using paraph::testing::TemporaryFolder;

TEST(Sha256, MatchesTheKnownDigestOfAbc) {
  EXPECT_EQ(sha256Hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST(FileStore, StoresBytesUnderTheirHashInATwoLetterFolder) {
  TemporaryFolder folder("files");
  FileStore files(folder.path());
  const std::string bytes = "<p>Bonjour</p>";
  const auto sha = files.put(bytes);
  EXPECT_EQ(sha, sha256Hex(bytes));
  EXPECT_EQ(files.pathOf(sha), folder.path() / sha.substr(0, 2) / sha);
  EXPECT_EQ(paraph::testing::readFile(files.pathOf(sha)), bytes);
  EXPECT_EQ(files.read(sha), bytes);
}

TEST(FileStore, SameBytesTwiceMakeOneFileAndLeaveNoTemporaryFile) {
  TemporaryFolder folder("twice");
  FileStore files(folder.path());
  const auto first = files.put("same");
  const auto second = files.put("same");
  EXPECT_EQ(first, second);
  int entries = 0;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(folder.path())) {
    if (entry.is_regular_file()) ++entries;
  }
  EXPECT_EQ(entries, 1);
}

TEST(FileStore, RemovesTemporaryFilesACrashLeftBehind) {
  TemporaryFolder folder("leftovers");
  FileStore files(folder.path());
  const auto sha = files.put("kept");
  const auto leftover = folder.path() / "ab" / ".tmp-abandoned";
  std::filesystem::create_directories(leftover.parent_path());
  std::ofstream(leftover) << "half a fi";
  EXPECT_EQ(files.removeLeftovers(), 1u);
  EXPECT_FALSE(std::filesystem::exists(leftover));
  EXPECT_EQ(files.read(sha), "kept");
}

TEST(FileStore, RefusesANameThatIsNotAHash) {
  TemporaryFolder folder("names");
  FileStore files(folder.path());
  EXPECT_THROW(files.pathOf("../../etc/passwd"), std::invalid_argument);
}
