#ifndef EDS_CLI_TRUST_OPTIONS_H_
#define EDS_CLI_TRUST_OPTIONS_H_

#include <boost/program_options/options_description.hpp>

#include "eds/assessment.h"

namespace eds::cli {

// What a command trusts in the files it reads, as its flags relax it.
struct TrustOptions {
  LoadOptions load;
  bool follow_links = false;  // folder walks follow links out of the folder
};

// Which of the flags a command offers.
enum TrustFlags : unsigned {
  kOutsidePaths = 1,  // --allow-outside-paths
  kRubricFiles = 2,   // --allow-rubric-files (rubric files refused without)
  kFollowLinks = 4,   // --follow-links
};

// Adds the flags named by `flags` to `options`, each setting `*trust`. With
// kRubricFiles, rubric files are refused unless the flag is given.
void AddTrustOptions(boost::program_options::options_description& options,
                     unsigned flags, TrustOptions* trust);

}  // namespace eds::cli

#endif  // EDS_CLI_TRUST_OPTIONS_H_
