#include "print/ChildProcess.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <linux/close_range.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <system_error>
#include <thread>

#include "print/LauncherThread.h"

extern char** environ;

namespace paraph::print {
namespace {

void closeQuietly(int& fd) {
  if (fd >= 0) {
    ::close(fd);
    fd = -1;
  }
}

// Owns the pair of descriptors of one pipe until the spawn hands one end to the child.
struct PipePair {
  int read = -1;
  int write = -1;
  explicit PipePair(bool wanted) {
    int fds[2];
    // O_CLOEXEC: a pipe made for one child must not leak into children other threads spawn.
    if (wanted && ::pipe2(fds, O_CLOEXEC) != 0) throw std::system_error(errno, std::generic_category(), "pipe2");
    if (wanted) {
      read = fds[0];
      write = fds[1];
    }
  }
  ~PipePair() {
    closeQuietly(read);
    closeQuietly(write);
  }
  PipePair(const PipePair&) = delete;
  PipePair& operator=(const PipePair&) = delete;
};

std::vector<std::string> mergedEnvironment(const std::vector<std::string>& overrides) {
  std::vector<std::string> merged;
  for (char** entry = environ; entry != nullptr && *entry != nullptr; ++entry) {
    const std::string current(*entry);
    const std::string name = current.substr(0, current.find('='));
    const bool overridden = std::any_of(overrides.begin(), overrides.end(), [&](const std::string& o) {
      return o.compare(0, name.size() + 1, name + "=") == 0;
    });
    if (!overridden) merged.push_back(current);
  }
  merged.insert(merged.end(), overrides.begin(), overrides.end());
  return merged;
}

std::vector<char*> pointersTo(std::vector<std::string>& strings) {
  std::vector<char*> pointers;
  for (auto& s : strings) pointers.push_back(s.data());
  pointers.push_back(nullptr);
  return pointers;
}

void setNonBlocking(int fd) { ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) | O_NONBLOCK); }

// Writing to a program that stopped reading raises SIGPIPE, which would end the whole server.
// Blocks it in this thread while feeding stdin, and discards one raised meanwhile.
class SigpipeBlocker {
 public:
  SigpipeBlocker() {
    sigemptyset(&pipeOnly_);
    sigaddset(&pipeOnly_, SIGPIPE);
    sigset_t pending;
    sigpending(&pending);
    alreadyPending_ = sigismember(&pending, SIGPIPE) == 1;
    pthread_sigmask(SIG_BLOCK, &pipeOnly_, &previous_);
  }
  ~SigpipeBlocker() {
    if (!alreadyPending_) {
      const timespec immediately{0, 0};
      while (sigtimedwait(&pipeOnly_, nullptr, &immediately) == SIGPIPE) {
      }
    }
    pthread_sigmask(SIG_SETMASK, &previous_, nullptr);
  }
  SigpipeBlocker(const SigpipeBlocker&) = delete;
  SigpipeBlocker& operator=(const SigpipeBlocker&) = delete;

 private:
  sigset_t pipeOnly_{};
  sigset_t previous_{};
  bool alreadyPending_ = false;
};

}  // namespace

ChildProcess::ChildProcess(const std::string& program, const std::vector<std::string>& arguments,
                           const std::vector<std::string>& environment, Streams streams) {
  PipePair in(streams.pipeStdin), out(streams.pipeStdout), err(streams.pipeStderr);
  // The child reports a failed exec through this pipe; a successful exec closes it (O_CLOEXEC).
  PipePair execFailure(true);

  // Everything the child needs is made before the fork: between fork and exec a child of a
  // multithreaded process may only make async-signal-safe calls (no allocation).
  std::vector<std::string> argv{program};
  argv.insert(argv.end(), arguments.begin(), arguments.end());
  std::vector<std::string> envp = mergedEnvironment(environment);
  auto argvPointers = pointersTo(argv);
  auto envPointers = pointersTo(envp);
  const int childStdin = in.read;
  const int childStdout = out.write;
  const int childStderr = err.write;
  const int failureEnd = execFailure.write;

  const pid_t parent = ::getpid();
  pid_ = LauncherThread::run([&]() -> pid_t {
    const pid_t child = ::fork();
    if (child < 0) throw std::system_error(errno, std::generic_category(), "cannot start " + program);
    if (child != 0) return child;
    // In the child. Die with the server: a SIGKILLed server must not leave its browser to
    // PID 1 (the signal is sent when the launcher thread ends, i.e. with the process).
    ::prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (::getppid() != parent) ::_exit(127);  // the server died before prctl took effect
    // Own process group: killGroup() reaches the browser's helpers, and a terminal's Ctrl-C
    // aimed at the server does not reach them first.
    ::setpgid(0, 0);
    auto connect = [&](int childEnd, int target, int mode) {
      if (childEnd >= 0) {
        ::dup2(childEnd, target);
      } else {
        const int devNull = ::open("/dev/null", mode);
        if (devNull >= 0 && devNull != target) {
          ::dup2(devNull, target);
          ::close(devNull);
        }
      }
    };
    connect(childStdin, STDIN_FILENO, O_RDONLY);
    connect(childStdout, STDOUT_FILENO, O_WRONLY);
    connect(childStderr, STDERR_FILENO, O_WRONLY);
    // Descriptors the server holds without O_CLOEXEC (Poco's sockets) must not reach the
    // child; marked close-on-exec rather than closed, so the failure pipe stays usable.
    ::close_range(3, ~0U, CLOSE_RANGE_CLOEXEC);
    struct sigaction defaultAction {};
    defaultAction.sa_handler = SIG_DFL;
    ::sigaction(SIGPIPE, &defaultAction, nullptr);
    sigset_t noSignals;
    sigemptyset(&noSignals);
    ::sigprocmask(SIG_SETMASK, &noSignals, nullptr);
    ::execve(argvPointers[0], argvPointers.data(), envPointers.data());
    const int error = errno;
    [[maybe_unused]] const ssize_t ignored = ::write(failureEnd, &error, sizeof error);
    ::_exit(127);
  });
  closeQuietly(execFailure.write);
  int execError = 0;
  ssize_t got;
  do {
    got = ::read(execFailure.read, &execError, sizeof execError);
  } while (got < 0 && errno == EINTR);
  if (got == sizeof execError) {
    reapBlocking();
    throw std::system_error(execError, std::generic_category(), "cannot start " + program);
  }

  std::swap(stdin_, in.write);
  std::swap(stdout_, out.read);
  std::swap(stderr_, err.read);
}

ChildProcess::~ChildProcess() {
  killGroup(SIGKILL);
  reapBlocking();
  closeQuietly(stdin_);
  closeQuietly(stdout_);
  closeQuietly(stderr_);
}

void ChildProcess::killGroup(int signal) {
  if (pid_ > 0 && !reaped_) ::killpg(pid_, signal);
}

bool ChildProcess::tryReap() {
  if (reaped_ || pid_ <= 0) return true;
  const pid_t done = ::waitpid(pid_, &status_, WNOHANG);
  if (done == pid_ || (done < 0 && errno == ECHILD)) reaped_ = true;
  return reaped_;
}

void ChildProcess::reapBlocking() {
  while (!reaped_ && pid_ > 0) {
    const pid_t done = ::waitpid(pid_, &status_, 0);
    if (done == pid_ || (done < 0 && errno != EINTR)) reaped_ = true;
  }
}

ChildProcess::Outcome ChildProcess::outcomeFromStatus() const {
  Outcome outcome;
  if (WIFEXITED(status_)) {
    outcome.exited = true;
    outcome.exitCode = WEXITSTATUS(status_);
  } else if (WIFSIGNALED(status_)) {
    outcome.signal = WTERMSIG(status_);
  }
  return outcome;
}

ChildProcess::Outcome ChildProcess::communicate(const std::string& input, Deadline deadline) {
  const SigpipeBlocker sigpipeBlocker;
  std::string out, err;
  std::size_t written = 0;
  if (stdin_ >= 0) setNonBlocking(stdin_);
  if (stdout_ >= 0) setNonBlocking(stdout_);
  if (stderr_ >= 0) setNonBlocking(stderr_);
  if (stdin_ >= 0 && input.empty()) closeQuietly(stdin_);

  bool timedOut = false;
  char buffer[65536];
  while (stdin_ >= 0 || stdout_ >= 0 || stderr_ >= 0) {
    pollfd fds[3];
    nfds_t count = 0;
    if (stdin_ >= 0) fds[count++] = {stdin_, POLLOUT, 0};
    if (stdout_ >= 0) fds[count++] = {stdout_, POLLIN, 0};
    if (stderr_ >= 0) fds[count++] = {stderr_, POLLIN, 0};
    const auto wait = remainingUntil(deadline);
    if (wait.count() == 0) {
      timedOut = true;
      break;
    }
    const int ready = ::poll(fds, count, static_cast<int>(std::min<long long>(wait.count(), 1000)));
    if (ready < 0 && errno != EINTR) break;
    for (nfds_t i = 0; i < count && ready > 0; ++i) {
      if (fds[i].revents == 0) continue;
      if (fds[i].fd == stdin_) {
        const ssize_t n = ::write(stdin_, input.data() + written, input.size() - written);
        if (n > 0) written += static_cast<std::size_t>(n);
        // Closing stdin tells the program its input is complete (or that it stopped reading).
        if (written == input.size() || (n < 0 && errno != EAGAIN && errno != EINTR)) closeQuietly(stdin_);
      } else {
        int& fd = fds[i].fd == stdout_ ? stdout_ : stderr_;
        std::string& sink = fds[i].fd == stdout_ ? out : err;
        const ssize_t n = ::read(fd, buffer, sizeof buffer);
        if (n > 0) {
          sink.append(buffer, static_cast<std::size_t>(n));
        } else if (n == 0 || (errno != EAGAIN && errno != EINTR)) {
          closeQuietly(fd);
        }
      }
    }
  }
  // The streams are closed; give the program until the deadline to exit.
  while (!timedOut && !tryReap()) {
    if (remainingUntil(deadline).count() == 0) {
      timedOut = true;
      break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  if (timedOut) {
    killGroup(SIGKILL);
    reapBlocking();
  }
  Outcome outcome = outcomeFromStatus();
  outcome.timedOut = timedOut;
  outcome.out = std::move(out);
  outcome.err = std::move(err);
  return outcome;
}

}  // namespace paraph::print
