#include "link_rules.h"

#include <cctype>
#include <cstddef>

namespace eds {
namespace {

bool StartsWithNoCase(std::string_view text, std::string_view prefix) {
  if (text.size() < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(text[i])) != prefix[i]) {
      return false;
    }
  }
  return true;
}

}  // namespace

bool IsLiveLink(std::string_view url) {
  for (const std::string_view scheme : {"http://", "https://"}) {
    if (!StartsWithNoCase(url, scheme)) continue;
    const std::string_view rest = url.substr(scheme.size());
    const std::string_view authority = rest.substr(0, rest.find_first_of("/?#\\"));
    return !authority.empty() && authority.find('@') == std::string_view::npos;
  }
  if (!StartsWithNoCase(url, "mailto:")) return false;
  const std::string_view address = url.substr(7);
  const std::size_t at = address.find('@');
  if (at == 0 || at == std::string_view::npos || at + 1 == address.size()) {
    return false;
  }
  for (const char c : address) {
    const unsigned char byte = static_cast<unsigned char>(c);
    if (byte <= ' ' || byte >= 0x7F) return false;
    if (std::string_view("?&,;:<>()[]\\\"%").find(c) != std::string_view::npos) {
      return false;
    }
  }
  return address.find('@', at + 1) == std::string_view::npos;
}

}  // namespace eds
