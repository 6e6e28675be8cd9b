#pragma once

#include <string>
#include <string_view>

namespace paraph::xml {

// Lower-case hex SHA-256: the name of every stored file and the ETag it is served with.
std::string sha256Hex(std::string_view bytes);

}  // namespace paraph::xml
