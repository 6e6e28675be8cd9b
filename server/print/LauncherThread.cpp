#include "print/LauncherThread.h"

#include <condition_variable>
#include <deque>
#include <exception>
#include <future>
#include <mutex>
#include <thread>

namespace paraph::print {
namespace {

class Launcher {
 public:
  Launcher() : thread_([this] { serve(); }) { thread_.detach(); }

  pid_t run(const std::function<pid_t()>& start) {
    std::packaged_task<pid_t()> task(start);
    auto result = task.get_future();
    {
      std::lock_guard lock(mutex_);
      tasks_.push_back(std::move(task));
    }
    wake_.notify_one();
    return result.get();
  }

 private:
  void serve() {
    for (;;) {
      std::packaged_task<pid_t()> task;
      {
        std::unique_lock lock(mutex_);
        wake_.wait(lock, [&] { return !tasks_.empty(); });
        task = std::move(tasks_.front());
        tasks_.pop_front();
      }
      task();
    }
  }

  std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<std::packaged_task<pid_t()>> tasks_;
  std::thread thread_;
};

}  // namespace

pid_t LauncherThread::run(const std::function<pid_t()>& start) {
  // Never destroyed: the thread must outlive every child, and the process's exit ends it.
  static Launcher* const launcher = new Launcher();
  return launcher->run(start);
}

}  // namespace paraph::print
