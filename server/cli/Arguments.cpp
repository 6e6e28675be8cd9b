#include "cli/Arguments.h"

namespace paraph::cli {

Arguments Arguments::parse(const std::vector<std::string>& words, const std::set<std::string>& valued,
                           const std::set<std::string>& flags) {
  Arguments arguments;
  for (std::size_t index = 0; index < words.size(); ++index) {
    const std::string& word = words[index];
    if (word.rfind("--", 0) != 0 || word == "--") {
      arguments.positional.push_back(word);
      continue;
    }
    std::string name = word.substr(2);
    std::string value;
    bool hasValue = false;
    if (const auto equals = name.find('='); equals != std::string::npos) {
      value = name.substr(equals + 1);
      name = name.substr(0, equals);
      hasValue = true;
    }
    if (flags.contains(name)) {
      if (hasValue) throw UsageError("--" + name + " takes no value");
      arguments.switches.insert(name);
    } else if (valued.contains(name)) {
      if (!hasValue) {
        if (index + 1 >= words.size()) throw UsageError("--" + name + " needs a value");
        value = words[++index];
      }
      arguments.options[name] = value;
    } else {
      throw UsageError("unknown option --" + name);
    }
  }
  return arguments;
}

std::string Arguments::option(const std::string& name, const std::string& fallback) const {
  const auto found = options.find(name);
  return found == options.end() ? fallback : found->second;
}

}  // namespace paraph::cli
