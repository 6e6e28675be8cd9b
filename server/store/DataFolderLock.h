#pragma once

#include <filesystem>

namespace paraph::store {

// An exclusive lock on a data folder (flock on <data>/lock), held for the process's life, so
// two servers never share one queue. The kernel drops it when the process dies, even by
// kill -9. Throws std::runtime_error when another process holds it.
class DataFolderLock {
 public:
  explicit DataFolderLock(const std::filesystem::path& folder);
  ~DataFolderLock();
  DataFolderLock(const DataFolderLock&) = delete;
  DataFolderLock& operator=(const DataFolderLock&) = delete;

 private:
  int fd_ = -1;
};

}  // namespace paraph::store
