#pragma once

#include <filesystem>
#include <string_view>

namespace paraph::document {

// Writes `bytes` to `path` so that a crash never leaves half a file under that name: a
// temporary file in the same folder, written, fsync'ed, renamed over the target, then the
// folder fsync'ed. The one writer of the store's files and of the command line's outputs.
// Throws std::system_error naming the file.
void writeFileAtomically(const std::filesystem::path& path, std::string_view bytes);

// The prefix of those temporary files, so that a store can sweep what a crash left behind.
inline constexpr std::string_view kTemporaryFilePrefix = ".tmp-";

}  // namespace paraph::document
