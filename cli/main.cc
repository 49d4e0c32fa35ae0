#include <exception>
#include <iostream>
#include <string>
#include <vector>

#include "app.h"

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  try {
    return eds::cli::Run(args, std::cout, std::cerr);
  } catch (const std::exception& e) {
    // The last resort: every expected failure is a Status long before here.
    std::cerr << "eds3: internal error: " << e.what() << "\n";
    return 3;
  } catch (...) {
    std::cerr << "eds3: internal error\n";
    return 3;
  }
}
