#include "store/StorageUnavailable.h"

#include <Poco/Data/SQLite/SQLiteException.h>

#include <cerrno>
#include <system_error>

namespace paraph::store {

void rethrowAsStorageFailure(const std::string& what) {
  try {
    throw;
  } catch (const std::system_error& error) {
    const int code = error.code().value();
    if (code == ENOSPC || code == EDQUOT || code == EROFS || code == EIO) {
      throw StorageUnavailable(what + ": " + error.what());
    }
    throw;
  } catch (const Poco::Data::SQLite::DatabaseFullException& error) {
    throw StorageUnavailable(what + ": " + error.displayText());
  } catch (const Poco::Data::SQLite::IOErrorException& error) {
    throw StorageUnavailable(what + ": " + error.displayText());
  }
}

}  // namespace paraph::store
