#include <exception>
#include <iostream>
#include <string>
#include <vector>

#include "app.h"

#ifdef __EMSCRIPTEN__
#include <sys/stat.h>
#endif

int main(int argc, char** argv) {
#ifdef __EMSCRIPTEN__
  // emscripten starts with a umask of 0777, which would make every output
  // file unreadable (mode ----------); a shell's usual mask instead.
  ::umask(022);
#endif
  std::vector<std::string> args(argv + 1, argv + argc);
  eds::ExitStatus status = eds::ExitStatus::kCannotReadOrWrite;
  try {
    status = eds::cli::Run(args, std::cout, std::cerr);
  } catch (const std::exception& e) {
    // The last resort: every expected failure is a Status long before here.
    std::cerr << "eds3: internal error: " << e.what() << "\n";
  } catch (...) {
    std::cerr << "eds3: internal error\n";
  }
  // The web page calls main again and again without the process ending.
  std::cout.flush();
  return static_cast<int>(status);
}
