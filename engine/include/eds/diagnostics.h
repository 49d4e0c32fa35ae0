#ifndef EDS_DIAGNOSTICS_H_
#define EDS_DIAGNOSTICS_H_

#include <cstddef>
#include <string>
#include <vector>

namespace eds {

// Where a problem is. line and column are 1-based; 0 means "not known"
// (column counts characters, not bytes).
struct SourceLocation {
  std::string file;
  int line = 0;
  int column = 0;
};

enum class Severity { kError, kWarning, kNote };

// "error", "warning" or "note", as every printed and written form names it.
const char* SeverityName(Severity severity);

struct Diagnostic {
  Severity severity = Severity::kError;
  SourceLocation location;
  std::string message;
  // Shown on its own line after the caret: "hint: ...". Empty for none.
  std::string hint;
  // The offending source line (without its line end), for the caret display.
  std::string source_line;
};

// An error about `file` as a whole (no line), or about the run itself when
// `file` is "" (a command-line problem).
Diagnostic FileError(const std::string& file, std::string message);

// The problems found in a run, in the order found. The engine fills it; only
// the command line prints it.
class Diagnostics {
 public:
  // At most this many errors, and as many warnings, are kept; later ones are
  // counted, not stored.
  static constexpr std::size_t kMaxErrors = 200;
  // A message longer than this many bytes is cut (at a whole character) and
  // ends in "…"; a quoted source line keeps no more than FormatDiagnostic
  // shows after the caret. However hostile the input, a diagnostic stays
  // small.
  static constexpr std::size_t kMaxMessageBytes = 512;

  Diagnostics() = default;
  // Keeps at most `max_kept` errors and as many warnings (at most
  // kMaxErrors).
  explicit Diagnostics(std::size_t max_kept) : max_kept_(max_kept) {}

  void Add(Diagnostic diagnostic);
  void Error(SourceLocation location, std::string message,
             std::string hint = "", std::string source_line = "");
  void Warning(SourceLocation location, std::string message,
               std::string hint = "", std::string source_line = "");
  void Note(SourceLocation location, std::string message);
  void Append(const Diagnostics& other);

  // A location in a file whose path is not known yet starts its `file` with
  // this (a NUL, which no path holds), followed by what comes after the path
  // (":Scores!D14" for a workbook cell): a score sheet parsed once for every
  // assessment that names it (ScoreSheetCache).
  static const std::string& RelativeFile();
  // Puts `file` in place of RelativeFile() in the kept problems from the
  // `first`-th on.
  void ResolveRelative(std::size_t first, const std::string& file);

  // Puts the kept problems of each file in line and column order, the files
  // in the order each was first named; problems without a line stay first.
  void SortByLocation();

  bool HasErrors() const { return error_count_ > 0; }
  std::size_t error_count() const { return error_count_; }
  // Errors beyond kMaxErrors that were counted but not kept.
  std::size_t dropped() const { return dropped_; }
  // Likewise warnings.
  std::size_t dropped_warnings() const { return dropped_warnings_; }
  const std::vector<Diagnostic>& items() const { return items_; }

 private:
  std::size_t max_kept_ = kMaxErrors;
  std::vector<Diagnostic> items_;
  std::size_t error_count_ = 0;
  std::size_t dropped_ = 0;
  std::size_t warning_count_ = 0;
  std::size_t dropped_warnings_ = 0;
};

// The one printed form of a problem: every message eds3 prints about a file,
// an option or a command is a Diagnostic formatted here. One diagnostic in
// the GNU form, without the "eds3: " prefix:
//   file:line:col: error: message
//     source line
//     ^
//   hint: ...
// Each line ends with '\n'.
std::string FormatDiagnostic(const Diagnostic& diagnostic);

// The candidate closest to `word` by edit distance, or "" when none is close
// enough to be a plausible typo; failing that, the one candidate that begins
// with `word` (of two characters or more), if only one does.
std::string ClosestMatch(const std::string& word,
                         const std::vector<std::string>& candidates);

// A file or folder name as printed anywhere (terminal, workbook, JSON,
// Markdown): control characters and bytes that are not UTF-8 as "\xNN",
// C1 controls and the invisible and bidirectional format characters
// (U+200B-U+200F, U+202A-U+202E, U+2060-U+2069, U+061C, U+FEFF) as
// "<U+202E>", so a name can neither hide text nor reorder a line.
std::string DisplayPath(const std::string& path);

// Input text as a message quotes it: at most kMaxQuotedInput characters
// (whole UTF-8 characters), then "…" when it was longer, so that a hostile
// value cannot make a message, or a list of them, large.
inline constexpr std::size_t kMaxQuotedInput = 60;
std::string QuoteInput(const std::string& text);

// "; did you mean 'x'?" for the closest candidate, or "".
std::string DidYouMean(const std::string& word,
                       const std::vector<std::string>& candidates);

}  // namespace eds

#endif  // EDS_DIAGNOSTICS_H_
