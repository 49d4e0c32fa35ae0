#include "trust_options.h"

#include <boost/program_options/value_semantic.hpp>

namespace eds::cli {

namespace po = boost::program_options;

void AddTrustOptions(po::options_description& options, unsigned flags,
                     TrustOptions* trust) {
  if (flags & kOutsidePaths) {
    options.add_options()(
        "allow-outside-paths",
        po::bool_switch(&trust->load.allow_outside_paths),
        "read files an assessment names even outside its folder");
  }
  if (flags & kRubricFiles) {
    // The flag's value is read when the command line is stored; until then
    // rubric files are refused.
    trust->load.allow_rubric_files = false;
    options.add_options()(
        "allow-rubric-files", po::bool_switch(&trust->load.allow_rubric_files),
        "grade with the rubric files assessments name (refused otherwise)");
  }
  if (flags & kFollowLinks) {
    options.add_options()(
        "follow-links", po::bool_switch(&trust->follow_links),
        "follow symbolic links that lead out of a folder named");
  }
}

}  // namespace eds::cli
