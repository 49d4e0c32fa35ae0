#ifndef EDS_CLI_FILE_WALK_H_
#define EDS_CLI_FILE_WALK_H_

#include <string>
#include <vector>

#include "eds/diagnostics.h"
#include "eds/pipeline.h"
#include "eds/status.h"

namespace eds::cli {

// A file to read, and how it came to be listed (the engine's pipeline
// takes them as they are found).
using FoundFile = InputFile;

struct WalkOptions {
  // Follow symbolic links that lead out of the folder named (or that lead
  // nowhere); without it such a link is skipped with a warning.
  bool follow_links = false;
};

// Expands the paths named on a command line into the files to read, in
// order: a path that is not a folder is listed as is, whatever its name; a
// folder is searched recursively, following symbolic links that stay inside
// it (and, with options.follow_links, the others), for files whose names end
// in .yaml or .yml in any letter case, and what it holds is listed sorted by
// path (byte order). A link not followed is a warning in `diag`, the same
// whether it leads outside or nowhere. Each folder is searched once and each
// file is listed once, by identity (device and inode), so a link can neither
// loop nor list a file twice. The first path found wins, except that a file
// named on the command line is listed as named, under the name given.
//
// Every problem is added to `diag`, located at its path, and the walk goes
// on: a path named that cannot be read (missing, a folder that cannot be
// listed) is IoError (a folder below it that cannot be listed is listed
// with its `problem` instead, for the caller to judge); a folder named on the
// command line with no YAML file in it or below is InvalidInput. Returns the
// worst (SPEC §2: 3 over 1), or Ok. A file found in a folder is listed even
// when it cannot be read (a broken link with a YAML name): reading it reports
// that, so that a rollup under
// --skip-invalid can leave it out like any other bad file.
// A name too long for the system to open is an error, never passed over.
Status FindYamlFiles(const std::vector<std::string>& paths,
                     std::vector<FoundFile>* files, Diagnostics& diag,
                     const WalkOptions& options = WalkOptions());

}  // namespace eds::cli

#endif  // EDS_CLI_FILE_WALK_H_
