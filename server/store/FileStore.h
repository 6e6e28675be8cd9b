#pragma once

#include <filesystem>
#include <string>
#include <string_view>

namespace paraph::store {

// Files named by their SHA-256 under <data>/files/ab/abcdef…: the same bytes are stored once,
// and a name always matches its content. Every write is atomic (document::writeFileAtomically),
// so a crash never leaves half a file under a real name. Thread-safe (each write has its own temporary file).
class FileStore {
 public:
  explicit FileStore(std::filesystem::path root);

  // Stores the bytes (unless already there) and returns their SHA-256. Throws
  // StorageUnavailable when the disk cannot take them.
  std::string put(std::string_view bytes);
  // Whether a file of `bytes` can be written now (writes and removes a probe file).
  bool canWrite(std::size_t bytes) const;
  std::string read(const std::string& sha256) const;
  std::filesystem::path pathOf(const std::string& sha256) const;
  // Whether these bytes are stored (paraph verify: "is this PDF one paraph made?").
  bool contains(const std::string& sha256) const;
  // Removes temporary files a crash left behind; called once at start, before any write.
  unsigned removeLeftovers();

  const std::filesystem::path& root() const { return root_; }

 private:
  std::filesystem::path root_;
};

}  // namespace paraph::store
