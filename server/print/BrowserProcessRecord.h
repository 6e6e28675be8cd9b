// Who owns a browser profile folder, written into it, so that a browser a crashed server
// left behind is ended at the next start, and its folder removed.
//
// Profile folders are made under a root paraph owns: the server's <store.data_dir>/
// browser-profiles, or $TMPDIR (/tmp) for the command line. Each holds a file paraph-owner
// naming the owning process (pid and start time, so a reused pid is not mistaken for it),
// the browser's process group and its scratch folder (TMPDIR, where Chromium makes its
// org.chromium.Chromium.* folders). A folder whose owner is gone is abandoned: every process of
// that group, and any process naming the folder on its command line, is killed and the
// folder removed. Browsers also die with their server (PR_SET_PDEATHSIG, see
// LauncherThread), which covers the command line, where there is no data folder; the record
// catches the helpers (zygotes, GPU, renderers, crashpad) a SIGKILLed browser leaves running.
#pragma once

#include <sys/types.h>

#include <string>

namespace paraph::print {

class BrowserProcessRecord {
 public:
  // The folder to make profiles in (configured, or $TMPDIR, or /tmp), created when missing,
  // after ending what abandoned profile folders in it left behind.
  static std::string sweptProfileRoot(const std::string& configured);
  // Ends and removes the abandoned profile folders under root; returns how many there were.
  // exclusive: root belongs to this process alone (the data folder, which it has locked), so
  // a folder with no record is abandoned too; in a shared root (/tmp) it is left alone.
  static unsigned sweepAbandoned(const std::string& root, bool exclusive);
  // Records, in profileDirectory, this process as the owner of the browser in browserGroup,
  // and the browser's scratch folder (its TMPDIR), removed with the profile when abandoned.
  static void write(const std::string& profileDirectory, pid_t browserGroup, const std::string& scratchDirectory);

  static constexpr const char* kProfilePrefix = "paraph-chromium-";
  // The scratch folder is made in $TMPDIR, not in the profile: Chromium puts a Unix socket
  // in it, and a socket's path may not exceed 107 bytes (a data folder's path can).
  static constexpr const char* kScratchPrefix = "paraph-tmp-";
  static constexpr const char* kFileName = "paraph-owner";
};

}  // namespace paraph::print
