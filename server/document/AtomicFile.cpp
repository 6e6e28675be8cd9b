#include "document/AtomicFile.h"

#include <fcntl.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <string>
#include <system_error>

namespace paraph::document {
namespace {

// Closes a descriptor on every path out.
class Descriptor {
 public:
  explicit Descriptor(int fd) : fd_(fd) {}
  ~Descriptor() {
    if (fd_ >= 0) ::close(fd_);
  }
  Descriptor(const Descriptor&) = delete;
  Descriptor& operator=(const Descriptor&) = delete;
  int get() const { return fd_; }
  // close() reports write-back errors that fsync may not have; check it.
  void closeChecked(const std::string& what) {
    const int fd = fd_;
    fd_ = -1;
    if (::close(fd) != 0) throw std::system_error(errno, std::generic_category(), "close " + what);
  }

 private:
  int fd_;
};

void writeAll(int fd, std::string_view bytes, const std::string& what) {
  while (!bytes.empty()) {
    const ssize_t written = ::write(fd, bytes.data(), bytes.size());
    if (written < 0) {
      if (errno == EINTR) continue;
      throw std::system_error(errno, std::generic_category(), "write " + what);
    }
    bytes.remove_prefix(static_cast<std::size_t>(written));
  }
}

void syncFolder(const std::filesystem::path& folder) {
  Descriptor fd(::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  if (fd.get() < 0) throw std::system_error(errno, std::generic_category(), "open " + folder.string());
  if (::fsync(fd.get()) != 0) throw std::system_error(errno, std::generic_category(), "fsync " + folder.string());
}

}  // namespace

void writeFileAtomically(const std::filesystem::path& path, std::string_view bytes) {
  const auto folder = path.has_parent_path() ? path.parent_path() : std::filesystem::path(".");
  static std::atomic<unsigned long> counter{0};
  const auto temporary = folder / (std::string(kTemporaryFilePrefix) + path.filename().string() + "-" +
                                   std::to_string(::getpid()) + "-" + std::to_string(counter.fetch_add(1)));
  try {
    Descriptor fd(::open(temporary.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644));
    if (fd.get() < 0) throw std::system_error(errno, std::generic_category(), "create " + temporary.string());
    writeAll(fd.get(), bytes, temporary.string());
    if (::fsync(fd.get()) != 0) throw std::system_error(errno, std::generic_category(), "fsync " + temporary.string());
    fd.closeChecked(temporary.string());
    std::filesystem::rename(temporary, path);
    syncFolder(folder);
  } catch (...) {
    std::error_code ignored;
    std::filesystem::remove(temporary, ignored);
    throw;
  }
}

}  // namespace paraph::document
