// Runs the real paraph executable (or another command) and captures what it prints and its exit code.
#pragma once

#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

namespace paraph::testing {

struct CommandResult {
  int exitCode = -1;
  std::string output;  // stdout and stderr together
};

// Runs a shell command line; what it prints (stdout and stderr) and its exit code.
inline CommandResult runCommand(const std::string& commandLine) {
  const std::string command = commandLine + " 2>&1";
  CommandResult result;
  FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) return result;
  std::array<char, 4096> buffer{};
  while (std::size_t read = fread(buffer.data(), 1, buffer.size(), pipe)) result.output.append(buffer.data(), read);
  const int status = pclose(pipe);
  result.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return result;
}

inline CommandResult runParaph(const std::string& arguments) {
  return runCommand(std::string(PARAPH_BINARY) + " " + arguments);
}

// The text of a PDF given as bytes (a server answer), as poppler's pdftotext reads it.
inline std::string pdfText(const std::string& pdf) {
  const auto path = std::filesystem::temp_directory_path() / ("paraph-pdf-" + std::to_string(::getpid()) + ".pdf");
  {
    std::ofstream out(path, std::ios::binary);
    out << pdf;
  }
  const auto result = runCommand("pdftotext -enc UTF-8 " + path.string() + " -");
  std::filesystem::remove(path);
  return result.output;
}

}  // namespace paraph::testing
