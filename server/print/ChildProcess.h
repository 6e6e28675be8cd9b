// A program started in its own process group, with optional pipes to its standard streams.
// The destructor kills the whole group (a browser's renderers and helpers too) and reaps it,
// so no engine leaves processes behind, whatever path made it give up; and the program is
// killed when the server dies, even by SIGKILL (PR_SET_PDEATHSIG, see LauncherThread).
#pragma once

#include <sys/types.h>

#include <string>
#include <vector>

#include "print/Deadline.h"

namespace paraph::print {

class ChildProcess {
 public:
  struct Streams {
    bool pipeStdin = false;
    bool pipeStdout = false;
    bool pipeStderr = false;  // streams not piped are connected to /dev/null
  };
  struct Outcome {
    std::string out;
    std::string err;
    int exitCode = -1;       // valid when exited
    bool exited = false;     // false: killed by a signal (see signal) or timed out
    int signal = 0;
    bool timedOut = false;
  };

  // Starts program with arguments (argv[1..]); environment entries "NAME=value" override
  // or extend the current environment. Throws std::system_error when it cannot start.
  ChildProcess(const std::string& program, const std::vector<std::string>& arguments,
               const std::vector<std::string>& environment, Streams streams);
  ~ChildProcess();
  ChildProcess(const ChildProcess&) = delete;
  ChildProcess& operator=(const ChildProcess&) = delete;

  pid_t pid() const { return pid_; }
  int stderrFd() const { return stderr_; }

  // Writes input to stdin, collects stdout and stderr (without deadlock: one poll loop) and
  // waits for the exit. Past the deadline the group is killed and timedOut is set.
  Outcome communicate(const std::string& input, Deadline deadline);

  // Sends signal to every process of the group (no-op once reaped).
  void killGroup(int signal);
  // Reaps the process if it has exited; true once it is gone.
  bool tryReap();

 private:
  void reapBlocking();
  Outcome outcomeFromStatus() const;

  pid_t pid_ = -1;
  int stdin_ = -1;
  int stdout_ = -1;
  int stderr_ = -1;
  bool reaped_ = false;
  int status_ = 0;
};

}  // namespace paraph::print
