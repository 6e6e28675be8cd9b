// paraph_bench — see tools/bench. Usage: paraph_bench render|print|service [options] FILE...
#include <iostream>
#include <string>
#include <vector>

#include <libxml/parser.h>

#include "Bench.h"

int main(int argc, char** argv) {
  xmlInitParser();
  const std::vector<std::string> words(argv + 1, argv + argc);
  if (words.empty() || (words[0] != "render" && words[0] != "print" && words[0] != "service")) {
    std::cerr << "usage: paraph_bench render|print|service [options] FILE...\n";
    return 2;
  }
  const std::vector<std::string> rest(words.begin() + 1, words.end());
  try {
    if (words[0] == "service") return paraph::bench::benchServicePath(rest);
    return words[0] == "render" ? paraph::bench::benchRender(rest) : paraph::bench::benchPrint(rest);
  } catch (const std::exception& error) {
    std::cerr << "paraph_bench: " << error.what() << '\n';
    return 3;
  }
}
