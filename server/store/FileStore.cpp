#include "store/FileStore.h"

#include <fstream>
#include <sstream>
#include <stdexcept>

#include "document/AtomicFile.h"
#include "xml/Sha256.h"
#include "store/StorageUnavailable.h"

namespace paraph::store {
namespace {

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
  const std::string sha256 = xml::sha256Hex(bytes);
  const auto target = pathOf(sha256);
  std::error_code ignored;
  // Same name, same bytes: a file already there is the one we would write (its size guards
  // against anything but a file this store wrote, since writes are atomic).
  if (std::filesystem::file_size(target, ignored) == bytes.size()) return sha256;
  try {
    std::filesystem::create_directories(target.parent_path());
    document::writeFileAtomically(target, bytes);
  } catch (...) {
    rethrowAsStorageFailure("the file store cannot write " + sha256);
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

bool FileStore::canWrite(std::size_t bytes) const {
  const auto probe = root_ / ".write-probe";
  try {
    document::writeFileAtomically(probe, std::string(bytes, '\0'));
  } catch (const std::exception&) {
    return false;
  }
  std::error_code ignored;
  std::filesystem::remove(probe, ignored);
  return true;
}

unsigned FileStore::removeLeftovers() {
  unsigned removed = 0;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(root_)) {
    if (entry.is_regular_file() && entry.path().filename().string().starts_with(document::kTemporaryFilePrefix)) {
      std::filesystem::remove(entry.path());
      ++removed;
    }
  }
  return removed;
}

}  // namespace paraph::store
