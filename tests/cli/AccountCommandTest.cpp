// paraph user … and paraph token …, through the real executable on a fresh data folder.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <unistd.h>

#include "support/Command.h"
#include "support/Fixtures.h"

using paraph::testing::readFile;
using paraph::testing::runParaph;

namespace {

class AccountCommands : public ::testing::Test {
 protected:
  void SetUp() override {
    folder_ = std::filesystem::temp_directory_path() /
              ("paraph-accounts-" + std::to_string(::getpid()) + "-" +
               ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(folder_);
    std::filesystem::create_directories(folder_);
    data_ = (folder_ / "data").string();
  }
  void TearDown() override { std::filesystem::remove_all(folder_); }

  std::string passwordFile(const std::string& password) {
    const auto path = folder_ / ("password-" + std::to_string(++files_));
    std::ofstream(path) << password << "\n";
    return path.string();
  }
  paraph::testing::CommandResult paraph(const std::string& arguments) {
    return runParaph(arguments + " --data " + data_);
  }

  std::filesystem::path folder_;
  std::string data_;
  int files_ = 0;
};

}  // namespace

TEST_F(AccountCommands, AddedUsersAreListedWithTheirRolesAndStateAndThePasswordIsNotKeptInClear) {
  const std::string password = "correct horse battery staple";
  auto added = paraph("user add alice --role reviewer,translator --password-file " + passwordFile(password));
  ASSERT_EQ(added.exitCode, 0) << added.output;
  EXPECT_EQ(added.output.find(password), std::string::npos) << added.output;
  ASSERT_EQ(paraph("user add bob --role submitter --language nl --password-file " + passwordFile("another long one")).exitCode, 0);
  const auto listed = paraph("user list");
  ASSERT_EQ(listed.exitCode, 0) << listed.output;
  EXPECT_EQ(listed.output, "alice\treviewer,translator\tactive\t-\nbob\tsubmitter\tactive\tnl\n");
  const std::string database = readFile(std::filesystem::path(data_) / "paraph.sqlite") +
                               readFile(std::filesystem::path(data_) / "paraph.sqlite-wal");
  EXPECT_EQ(database.find(password), std::string::npos) << "the password is stored in clear";
  EXPECT_NE(database.find("$argon2id$"), std::string::npos);
}

TEST_F(AccountCommands, ThePasswordCanComeFromStandardInput) {
  const auto added = paraph::testing::runCommand("printf 'from standard input\\n' | " + std::string(PARAPH_BINARY) +
                                                 " user add carol --role publisher --data " + data_);
  EXPECT_EQ(added.exitCode, 0) << added.output;
}

TEST_F(AccountCommands, RefusesATakenNameAShortPasswordAnUnknownRoleAndAMissingRole) {
  ASSERT_EQ(paraph("user add alice --role admin --password-file " + passwordFile("long enough password")).exitCode, 0);
  const auto taken = paraph("user add alice --role admin --password-file " + passwordFile("another password"));
  EXPECT_EQ(taken.exitCode, 1) << taken.output;
  EXPECT_NE(taken.output.find("already a user 'alice'"), std::string::npos) << taken.output;
  const auto shortPassword = paraph("user add dave --role admin --password-file " + passwordFile("short"));
  EXPECT_EQ(shortPassword.exitCode, 2) << shortPassword.output;
  EXPECT_NE(shortPassword.output.find("at least 12 characters"), std::string::npos) << shortPassword.output;
  const auto unknownRole = paraph("user add dave --role boss --password-file " + passwordFile("long enough password"));
  EXPECT_EQ(unknownRole.exitCode, 2) << unknownRole.output;
  EXPECT_NE(unknownRole.output.find("unknown role 'boss'"), std::string::npos) << unknownRole.output;
  EXPECT_EQ(paraph("user add dave --password-file " + passwordFile("long enough password")).exitCode, 2);
  EXPECT_EQ(paraph("user list").output, "alice\tadmin\tactive\t-\n");
}

TEST_F(AccountCommands, DisableAndPasswdChangeTheAccountAndNameAnUnknownUser) {
  ASSERT_EQ(paraph("user add alice --role admin --password-file " + passwordFile("long enough password")).exitCode, 0);
  EXPECT_EQ(paraph("user passwd alice --password-file " + passwordFile("a brand new password")).exitCode, 0);
  EXPECT_EQ(paraph("user disable alice").exitCode, 0);
  EXPECT_EQ(paraph("user list").output, "alice\tadmin\tdisabled\t-\n");
  const auto unknown = paraph("user disable nobody");
  EXPECT_EQ(unknown.exitCode, 1);
  EXPECT_NE(unknown.output.find("no user 'nobody'"), std::string::npos) << unknown.output;
  EXPECT_EQ(paraph("user passwd nobody --password-file " + passwordFile("a brand new password")).exitCode, 1);
}

TEST_F(AccountCommands, IssuedTokensArePrintedOnceListedAndRevoked) {
  const auto issued = paraph("token issue website --role translator,reviewer");
  ASSERT_EQ(issued.exitCode, 0) << issued.output;
  EXPECT_TRUE(issued.output.starts_with("paraph_")) << issued.output;
  EXPECT_EQ(issued.output.size(), std::string("paraph_").size() + 64 + 1) << issued.output;
  const std::string token = issued.output.substr(0, issued.output.size() - 1);
  EXPECT_EQ(paraph("token issue website --role admin").exitCode, 1);  // a valid one has that name
  const auto listed = paraph("token list");
  EXPECT_EQ(listed.output, "website\treviewer,translator\tvalid\n");
  EXPECT_EQ(listed.output.find(token), std::string::npos);
  EXPECT_EQ(paraph("token revoke website").exitCode, 0);
  EXPECT_NE(paraph("token list").output.find("website\treviewer,translator\trevoked 20"), std::string::npos);
  EXPECT_EQ(paraph("token revoke website").exitCode, 1);
  // A revoked name can be issued again, with a new token.
  const auto again = paraph("token issue website --role submitter");
  ASSERT_EQ(again.exitCode, 0) << again.output;
  EXPECT_NE(again.output, issued.output);
}
