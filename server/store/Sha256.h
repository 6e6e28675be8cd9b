// paraph::store keeps what the server accepted and made: documents, their immutable numbered
// versions, the content-addressed files of each version, and the persistent job queue.
#pragma once

#include <string>
#include <string_view>

namespace paraph::store {

// Lower-case hex SHA-256: the name of every stored file and the ETag it is served with.
std::string sha256Hex(std::string_view bytes);

}  // namespace paraph::store
