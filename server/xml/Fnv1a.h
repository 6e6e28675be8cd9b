// The 64-bit FNV-1a hash (Fowler–Noll–Vo, offset basis and prime from the reference): fast,
// stable across runs and machines, not cryptographic. For ids and tags that only need to tell
// texts apart (segment fingerprints, feed entity tags), never for anything a forger could gain by.
#pragma once

#include <cstdint>
#include <string_view>

namespace paraph::xml {

inline std::uint64_t fnv1a64(std::string_view bytes) {
  std::uint64_t hash = 0xcbf29ce484222325ULL;
  for (const char byte : bytes) {
    hash ^= static_cast<unsigned char>(byte);
    hash *= 0x100000001b3ULL;
  }
  return hash;
}

}  // namespace paraph::xml
