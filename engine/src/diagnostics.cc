#include "eds/diagnostics.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <utility>

#include "eds/text.h"
#include "eds/unicode.h"

namespace eds {
namespace {

// A word longer than this gets no suggestion: nobody mistypes a name that
// long, and it keeps the cost of a hint bounded however hostile the input.
constexpr std::size_t kMaxSuggestedWord = 64;

// Levenshtein distance over bytes of two lower-cased words, or `limit` + 1
// when it is larger than `limit` (computed only as far as needed).
std::size_t BoundedEditDistance(const std::string& a, const std::string& b,
                                std::size_t limit) {
  const std::size_t length_gap =
      a.size() > b.size() ? a.size() - b.size() : b.size() - a.size();
  if (length_gap > limit) return limit + 1;
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    std::size_t row_min = row[0];
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1,
                         diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
      row_min = std::min(row_min, row[j]);
    }
    // No later row is smaller than this one's minimum.
    if (row_min > limit) return limit + 1;
  }
  return std::min(row[b.size()], limit + 1);
}

// A message or hint on one line: text quoted from a file may hold line ends
// (a multi-line key), which would break the one-line-per-problem form, and
// invisible or bidirectional characters, which would hide or reorder what
// the terminal shows; they are written \n, \r and <U+202E>.
std::string OneLine(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      out += "\\r";
    } else {
      out += c;
    }
  }
  return EscapeHiddenCharacters(out);
}

// The first `characters` whole UTF-8 characters of `text` (all of it when
// shorter), as a byte count.
std::size_t PrefixBytes(const std::string& text, std::size_t characters) {
  std::size_t seen = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) continue;
    if (seen == characters) return i;
    ++seen;
  }
  return text.size();
}

// Where a quoted line is cut: FormatDiagnostic shows up to 120 characters
// around the caret, so nothing past 120 characters after it is ever shown.
constexpr std::size_t kQuotedAfterCaret = 120;

}  // namespace

const char* SeverityName(Severity severity) {
  switch (severity) {
    case Severity::kError:
      return "error";
    case Severity::kWarning:
      return "warning";
    case Severity::kNote:
      return "note";
  }
  return "error";
}

Diagnostic FileError(const std::string& file, std::string message) {
  return {Severity::kError, {file, 0, 0}, std::move(message), "", ""};
}

void Diagnostics::Add(Diagnostic diagnostic) {
  if (diagnostic.severity == Severity::kError) {
    ++error_count_;
    if (error_count_ > max_kept_) {
      ++dropped_;
      return;
    }
  } else if (diagnostic.severity == Severity::kWarning) {
    if (++warning_count_ > max_kept_) {
      ++dropped_warnings_;
      return;
    }
  }
  std::string& message = diagnostic.message;
  if (message.size() > kMaxMessageBytes) {
    std::size_t cut = kMaxMessageBytes;
    while (cut > 0 &&
           (static_cast<unsigned char>(message[cut]) & 0xC0) == 0x80) {
      --cut;
    }
    message.resize(cut);
    message += "…";
  }
  std::string& line = diagnostic.source_line;
  if (diagnostic.location.column <= 0) {
    line.clear();
  } else {
    line.resize(
        PrefixBytes(line, static_cast<std::size_t>(diagnostic.location.column) +
                              kQuotedAfterCaret));
  }
  items_.push_back(std::move(diagnostic));
}

void Diagnostics::Error(SourceLocation location, std::string message,
                        std::string hint, std::string source_line) {
  Add({Severity::kError, std::move(location), std::move(message),
       std::move(hint), std::move(source_line)});
}

void Diagnostics::Warning(SourceLocation location, std::string message,
                          std::string hint, std::string source_line) {
  Add({Severity::kWarning, std::move(location), std::move(message),
       std::move(hint), std::move(source_line)});
}

void Diagnostics::Note(SourceLocation location, std::string message) {
  Add({Severity::kNote, std::move(location), std::move(message), "", ""});
}

void Diagnostics::Append(const Diagnostics& other) {
  for (const Diagnostic& d : other.items_) Add(d);
  dropped_ += other.dropped_;
  error_count_ += other.dropped_;
  dropped_warnings_ += other.dropped_warnings_;
  warning_count_ += other.dropped_warnings_;
}

const std::string& Diagnostics::RelativeFile() {
  static const std::string marker(1, '\0');
  return marker;
}

void Diagnostics::ResolveRelative(std::size_t first, const std::string& file) {
  for (std::size_t i = first; i < items_.size(); ++i) {
    std::string& where = items_[i].location.file;
    if (where.compare(0, 1, RelativeFile()) == 0) {
      where = file + where.substr(1);
    }
  }
}

void Diagnostics::SortByLocation() {
  std::vector<std::string> files;
  for (const Diagnostic& d : items_) {
    if (std::find(files.begin(), files.end(), d.location.file) == files.end()) {
      files.push_back(d.location.file);
    }
  }
  const auto file_rank = [&](const Diagnostic& d) {
    return std::find(files.begin(), files.end(), d.location.file) -
           files.begin();
  };
  std::stable_sort(items_.begin(), items_.end(),
                   [&](const Diagnostic& a, const Diagnostic& b) {
                     const auto rank_a = file_rank(a), rank_b = file_rank(b);
                     if (rank_a != rank_b) return rank_a < rank_b;
                     if (a.location.line != b.location.line) {
                       return a.location.line < b.location.line;
                     }
                     return a.location.column < b.location.column;
                   });
}

std::string FormatDiagnostic(const Diagnostic& d) {
  std::string out;
  const SourceLocation& loc = d.location;
  if (!loc.file.empty()) {
    out += DisplayPath(loc.file);
    if (loc.line > 0) {
      out += fmt::format(":{}", loc.line);
      if (loc.column > 0) out += fmt::format(":{}", loc.column);
    }
    out += ": ";
  }
  out += fmt::format("{}: {}\n", SeverityName(d.severity), OneLine(d.message));
  if (!d.source_line.empty() && loc.column > 0) {
    // Quote at most kMaxQuoted characters, starting far enough left that the
    // caret's place is shown. Characters are UTF-8 sequences, counted as the
    // column is; nothing is copied outside the window, so a huge line is
    // cheap to quote.
    constexpr std::size_t kMaxQuoted = 120;
    const std::size_t caret = static_cast<std::size_t>(loc.column) - 1;
    const std::size_t first =
        caret > kMaxQuoted / 2 ? caret - kMaxQuoted / 2 : 0;
    const std::size_t last = first + kMaxQuoted;
    std::string quoted, padding;
    std::size_t index = 0;      // the character that source_line[i] starts
    std::size_t shown = first;  // columns the caret line has reached
    for (std::size_t i = 0; i < d.source_line.size(); ++index) {
      if (index >= last) break;
      if (index < first) {
        // Characters left of the window are only counted.
        ++i;
        while (i < d.source_line.size() &&
               (static_cast<unsigned char>(d.source_line[i]) & 0xC0) == 0x80) {
          ++i;
        }
        continue;
      }
      std::size_t length = 1;
      char32_t code_point = 0;
      const bool hidden = StartsWithHiddenCharacter(d.source_line.data() + i,
                                                    d.source_line.size() - i,
                                                    &length, &code_point);
      // A hidden character is shown escaped, and the caret moves past it.
      const std::string text = hidden ? EscapedCodePoint(code_point)
                                      : d.source_line.substr(i, length);
      quoted += text;
      if (index < caret) {
        // Pad with the line's own tabs so the caret lines up under any tab
        // stop.
        if (text == "\t") {
          padding += '\t';
        } else {
          padding.append(hidden ? text.size() : 1, ' ');
        }
        ++shown;
      }
      i += length;
    }
    // A column past the end of the line puts the caret after it.
    if (shown < caret) padding.append(caret - shown, ' ');
    out += "  " + quoted + "\n  " + padding + "^\n";
  }
  if (!d.hint.empty()) out += "  hint: " + OneLine(d.hint) + "\n";
  return out;
}

std::string ClosestMatch(const std::string& word,
                         const std::vector<std::string>& candidates) {
  if (word.size() > kMaxSuggestedWord) return "";
  // A plausible typo changes at most a third of the word (and at least one
  // edit is always allowed). Of the candidates within that, the nearest
  // wins, the first listed on a tie.
  const std::size_t allowed = std::max<std::size_t>(1, (word.size() + 2) / 3);
  const std::string lower_word = LowerAscii(word);
  const std::string* best = nullptr;
  std::size_t best_distance = allowed + 1;
  for (const std::string& candidate : candidates) {
    const std::size_t distance = BoundedEditDistance(
        lower_word, LowerAscii(candidate), best_distance - 1);
    if (distance < best_distance) {
      best = &candidate;
      best_distance = distance;
      if (distance == 0) break;
    }
  }
  if (best != nullptr) return *best;
  // A word cut short ("gra" for "grade") is too far by edits; it is taken
  // as the one candidate it begins, when only one begins with it.
  if (word.size() < 2) return "";
  for (const std::string& candidate : candidates) {
    if (LowerAscii(candidate).compare(0, lower_word.size(), lower_word) != 0)
      continue;
    if (best != nullptr) return "";
    best = &candidate;
  }
  return best == nullptr ? "" : *best;
}

std::string DidYouMean(const std::string& word,
                       const std::vector<std::string>& candidates) {
  const std::string match = ClosestMatch(word, candidates);
  if (match.empty()) return "";
  return fmt::format("; did you mean '{}'?", match);
}

std::string DisplayPath(const std::string& path) {
  std::string out;
  out.reserve(path.size());
  std::size_t i = 0;
  while (i < path.size()) {
    const unsigned char lead = static_cast<unsigned char>(path[i]);
    char32_t cp = 0;
    const std::size_t length = DecodeUtf8(path, i, &cp);
    if (length == 0 || lead < 0x20 || lead == 0x7F) {
      out += fmt::format("\\x{:02X}", lead);
      ++i;
      continue;
    }
    const bool hidden =
        (cp >= 0x80 && cp <= 0x9F) || (cp >= 0x200B && cp <= 0x200F) ||
        (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2060 && cp <= 0x2069) ||
        cp == 0x061C || cp == 0xFEFF;
    if (hidden) {
      out += fmt::format("<U+{:04X}>", static_cast<std::uint32_t>(cp));
    } else {
      out.append(path, i, length);
    }
    i += length;
  }
  return out;
}

std::string QuoteInput(const std::string& text) {
  std::size_t characters = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) continue;
    if (characters == kMaxQuotedInput) return text.substr(0, i) + "…";
    ++characters;
  }
  return text;
}

}  // namespace eds
