#ifndef EDS_OUTPUTS_SRC_LINK_RULES_H_
#define EDS_OUTPUTS_SRC_LINK_RULES_H_

#include <string_view>

namespace eds {

// True when an evidence link from an input file may become a live link in
// an output: an http or https address with no user info before its host
// ("http://user:pass@host/" could pass for another site, or carry a
// password), or a mailto: with one bare address and nothing after it (no
// "?attach=", "?body=", no second address). Anything else is shown as text.
// The scheme is matched in any letter case.
bool IsLiveLink(std::string_view url);

}  // namespace eds

#endif  // EDS_OUTPUTS_SRC_LINK_RULES_H_
