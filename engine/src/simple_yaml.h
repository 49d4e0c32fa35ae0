#ifndef EDS_ENGINE_SRC_SIMPLE_YAML_H_
#define EDS_ENGINE_SRC_SIMPLE_YAML_H_

#include <cstddef>
#include <deque>
#include <string>
#include <string_view>
#include <vector>

#include "yaml_event.h"

namespace eds {

// The fast path of YamlFile::Parse. Reads `text` when it keeps to the YAML
// that assessment files are written in, and gives the events yaml-cpp would
// give for it (as yaml_cpp_events.h turns them into YamlEvents), marks
// included, into `events`: no anchor, alias or tag. A scalar whose text
// differs from its bytes (escapes, block scalars) has its text in `decoded`,
// which `events` point into. Returns false, with both in an unspecified
// state, for anything else: yaml-cpp then reads the text as before, so every
// diagnostic stays what it was.
//
// The grammar read, by design a subset of what yaml-cpp reads alike:
//   file      = comments, [ "---" line ], block mapping at column 0
//   block mapping = plain keys (letters, digits, _ - .; up to 256 bytes) in
//               one column, each followed by ':' and
//               - a block mapping or sequence indented more on the next lines,
//               - a block sequence in the key's own column ("key:\n- x"),
//               - nothing (a null),
//               - or a value on its line: a flow collection, a quoted scalar,
//                 a block scalar or a plain scalar, then spaces and a comment
//   block sequence = "- " items in one column: a block mapping starting on
//               the item's line, or a value on its line as above (but not a
//               block scalar)
//   flow collection = one line of {key: scalar, ...} (plain keys) or
//               [scalar, ...]; scalars quoted, or plain without indicators but
//               '-' (no nesting, no empty entries)
//   plain scalar = one line; not starting with an indicator, no ": " or " #"
//   quoted scalar = one line; '' in single quotes; in double quotes the
//               escapes \" \\ \/ \n \t
//   block scalar = | or >, a chomping indicator (- +) and an indentation
//               indicator (1-9) in either order, a comment; lines at one
//               indentation (literal: or more), empty lines between and after
//               them; every line ended by a line break
//   comments  = '#' at a line's start or after a space
//   characters = no tab, no control character, no carriage return but in a
//               CRLF line end, no byte-order mark or Unicode line break
//   events    = as yaml-cpp gives them: a plain ~, null, Null or NULL is a
//               null, and so is a value left out, marked at the next content
//               (or at the end of the text); quoted and block scalars are
//               `quoted`; a collection's mark is its first character;
//               columns count bytes
// Not read: anchors, aliases, tags, directives, several documents, "...",
// quoted or complex keys, multi-line plain or quoted scalars, escapes other
// than those above, nesting deeper than kMaxNestingDepth, more than 100,000
// events, any syntax error.
bool ScanSimpleYaml(std::string_view text, std::vector<YamlEvent>* events,
                    std::deque<std::string>* decoded);

}  // namespace eds

#endif  // EDS_ENGINE_SRC_SIMPLE_YAML_H_
