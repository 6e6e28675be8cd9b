#pragma once

#include <stdexcept>
#include <string>

namespace paraph::store {

// The store cannot write: the disk is full, over quota, read-only or failing. Nothing was
// recorded by the operation that throws it; the client may try again once space returns
// (the HTTP layer answers 507 Insufficient Storage with Retry-After).
class StorageUnavailable : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Rethrows the exception in flight as StorageUnavailable when it says the storage cannot
// write (ENOSPC, EDQUOT, EROFS, EIO; SQLite's "database or disk is full" and I/O errors);
// otherwise rethrows it as it is. Call inside a catch block.
[[noreturn]] void rethrowAsStorageFailure(const std::string& what);

}  // namespace paraph::store
