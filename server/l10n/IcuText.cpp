#include "l10n/IcuText.h"

#include <unicode/ustring.h>

#include <limits>
#include <new>

#include "l10n/FormatError.h"

namespace paraph::l10n {

icu::UnicodeString toUnicode(std::string_view utf8) {
  if (utf8.size() > static_cast<std::size_t>(std::numeric_limits<int32_t>::max() / 2)) {
    throw FormatError("text too long for ICU (" + std::to_string(utf8.size()) + " bytes)");
  }
  if (utf8.empty()) return {};
  const auto utf8Length = static_cast<int32_t>(utf8.size());
  // A UTF-8 sequence never yields more UTF-16 units than it has bytes.
  icu::UnicodeString result;
  char16_t* buffer = result.getBuffer(utf8Length);
  if (buffer == nullptr) throw std::bad_alloc();
  int32_t utf16Length = 0;
  UErrorCode status = U_ZERO_ERROR;
  u_strFromUTF8(buffer, result.getCapacity(), &utf16Length, utf8.data(), utf8Length, &status);
  result.releaseBuffer(U_SUCCESS(status) ? utf16Length : 0);
  if (U_FAILURE(status)) {
    throw FormatError("text is not valid UTF-8 (" + std::string(u_errorName(status)) + ")");
  }
  return result;
}

std::string toUtf8(const icu::UnicodeString& text) {
  std::string result;
  text.toUTF8String(result);
  return result;
}

}  // namespace paraph::l10n
