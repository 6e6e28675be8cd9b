#include "store/FileStore.h"

#include <fcntl.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <system_error>

#include "store/Sha256.h"

namespace paraph::store {
namespace {

constexpr std::string_view kTemporaryPrefix = ".tmp-";

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

bool isSha256(const std::string& text) {
  return text.size() == 64 && text.find_first_not_of("0123456789abcdef") == std::string::npos;
}

}  // namespace

FileStore::FileStore(std::filesystem::path root) : root_(std::move(root)) {
  std::filesystem::create_directories(root_);
}

std::filesystem::path FileStore::pathOf(const std::string& sha256) const {
  if (!isSha256(sha256)) throw std::invalid_argument("not a SHA-256: " + sha256);
  return root_ / sha256.substr(0, 2) / sha256;
}

bool FileStore::contains(const std::string& sha256) const { return std::filesystem::exists(pathOf(sha256)); }

std::string FileStore::put(std::string_view bytes) {
  const std::string sha256 = sha256Hex(bytes);
  const auto target = pathOf(sha256);
  std::error_code ignored;
  // Same name, same bytes: a file already there is the one we would write (its size guards
  // against anything but a file this store wrote, since writes are atomic).
  if (std::filesystem::file_size(target, ignored) == bytes.size()) return sha256;
  const auto folder = target.parent_path();
  std::filesystem::create_directories(folder);
  static std::atomic<unsigned long> counter{0};
  const auto temporary = folder / (std::string(kTemporaryPrefix) + sha256 + "-" + std::to_string(::getpid()) + "-" +
                                   std::to_string(counter.fetch_add(1)));
  try {
    Descriptor fd(::open(temporary.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644));
    if (fd.get() < 0) throw std::system_error(errno, std::generic_category(), "create " + temporary.string());
    writeAll(fd.get(), bytes, temporary.string());
    if (::fsync(fd.get()) != 0) throw std::system_error(errno, std::generic_category(), "fsync " + temporary.string());
    fd.closeChecked(temporary.string());
    std::filesystem::rename(temporary, target);
    syncFolder(folder);
  } catch (...) {
    std::filesystem::remove(temporary, ignored);
    throw;
  }
  return sha256;
}

std::string FileStore::read(const std::string& sha256) const {
  const auto path = pathOf(sha256);
  std::ifstream stream(path, std::ios::binary);
  if (!stream) throw std::runtime_error("stored file missing: " + path.string());
  std::ostringstream content;
  content << stream.rdbuf();
  return content.str();
}

unsigned FileStore::removeLeftovers() {
  unsigned removed = 0;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(root_)) {
    if (entry.is_regular_file() && entry.path().filename().string().starts_with(kTemporaryPrefix)) {
      std::filesystem::remove(entry.path());
      ++removed;
    }
  }
  return removed;
}

}  // namespace paraph::store
