#include "store/Store.h"

#include <Poco/DateTimeFormatter.h>
#include <Poco/Timestamp.h>

namespace paraph::store {

// UTC with milliseconds: sortable as text, and unambiguous for staff in any zone.
std::string Store::timestamp() { return Poco::DateTimeFormatter::format(Poco::Timestamp(), "%Y-%m-%dT%H:%M:%S.%iZ"); }

std::string Store::timestampIn(std::chrono::milliseconds offset) {
  Poco::Timestamp at;
  at += static_cast<Poco::Timestamp::TimeDiff>(offset.count()) * 1000;
  return Poco::DateTimeFormatter::format(at, "%Y-%m-%dT%H:%M:%S.%iZ");
}

}  // namespace paraph::store
