// The one thread that starts every child process, alive for as long as the server.
//
// Children are asked to die with their parent (PR_SET_PDEATHSIG), so that a server killed
// with SIGKILL does not leave its browser behind. Linux sends that signal when the *thread*
// that forked the child ends, not the process: a browser started from a pooled HTTP thread
// would die when the pool retires the thread. Forking from this thread only, which is never
// joined, ties children to the process's life.
#pragma once

#include <sys/types.h>

#include <functional>

namespace paraph::print {

class LauncherThread {
 public:
  // Runs start (a fork, and whatever the parent does right after) on the launcher thread
  // and returns its result; an exception it throws is rethrown here.
  static pid_t run(const std::function<pid_t()>& start);
};

}  // namespace paraph::print
