#include "http/JsonLog.h"

#include <Poco/DateTimeFormatter.h>
#include <Poco/Timestamp.h>

#include <sstream>

namespace paraph::http {

void JsonLog::write(const std::string& level, const std::string& event, Poco::JSON::Object fields) {
  Poco::JSON::Object line(Poco::JSON_PRESERVE_KEY_ORDER);
  line.set("ts", Poco::DateTimeFormatter::format(Poco::Timestamp(), "%Y-%m-%dT%H:%M:%S.%iZ"));
  line.set("level", level);
  line.set("event", event);
  std::vector<std::string> names;
  fields.getNames(names);
  for (const auto& name : names) line.set(name, fields.get(name));
  std::ostringstream text;
  line.stringify(text);
  std::lock_guard lock(mutex_);
  out_ << text.str() << '\n' << std::flush;
}

}  // namespace paraph::http
