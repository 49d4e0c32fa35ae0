// libFuzzer target: the roll-up's folder walk and identity checks on a tree
// of folders, files, symbolic and hard links and odd names generated from the
// input (docs/commissioners.md, "What a roll-up trusts and what it refuses").
//
// The input is read as operations, a byte each plus its arguments:
//   0 make a folder here and go into it      1 go up (not above the top)
//   2 write an assessment (its code, name and year from the input)
//   3 a symbolic link: to a file or folder made earlier, to the folder
//     outside, to "/", to the parent, to nowhere
//   4 a hard link to a file made earlier     5 a file that is not YAML
//   6 an assessment naming a ratings CSV (inside, outside, absolute, "..")
//   7 a ratings CSV here
// Names are 1 to 8 bytes of the input (no '/' or NUL, not "." or "..").
// Then, as `rollup --skip-invalid` does: FindYamlFiles on the folder, every
// file found loaded (score sheets through one ScoreSheetCache), graded and
// the cross-file checks run. Checked: every file listed lies inside the
// folder after links are followed, none is listed twice, the walk gives the
// same list twice, and nothing from the folder outside (whose files carry a
// marker) reaches a diagnostic. A crash, a hang or a failed check is a
// finding.

#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include <climits>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "eds/assessment.h"
#include "eds/diagnostics.h"
#include "eds/file_system.h"
#include "eds/grade.h"
#include "eds/history.h"
#include "eds/input_kind.h"
#include "eds/score_sheet_cache.h"
#include "file_walk.h"

namespace {

namespace stdfs = std::filesystem;

constexpr char kMarker[] = "OUTSIDE-MARKER-7f3a";
constexpr std::size_t kMaxOperations = 48;
constexpr std::size_t kMaxDepth = 6;

class Input {
 public:
  Input(const std::uint8_t* data, std::size_t size)
      : data_(data), size_(size) {}
  bool empty() const { return at_ >= size_; }
  std::uint8_t Byte() { return at_ < size_ ? data_[at_++] : 0; }
  std::string Name() {
    const std::size_t length = 1 + Byte() % 8;
    std::string name;
    for (std::size_t i = 0; i < length && !empty(); ++i) {
      const char c = static_cast<char>(Byte());
      if (c != '/' && c != '\0') name += c;
    }
    if (name.empty() || name == "." || name == "..") name = "n";
    return name;
  }
  // Text for a code or name: printable ASCII mostly, with the bytes of the
  // look-alike and hidden characters an impostor would use.
  std::string Text() {
    static const char* const kPieces[] = {"R",
                                          "H",
                                          "1",
                                          "a",
                                          " ",
                                          "\xD0\x9D",
                                          "\xE2\x80\x8B",
                                          "\xEF\xBC\xB2",
                                          "\xE2\x80\xAE",
                                          "\xE2\x81\xA6",
                                          "&",
                                          "<",
                                          "{",
                                          "\x1b",
                                          "rh1",
                                          "Trust"};
    std::string text;
    const std::size_t length = 1 + Byte() % 6;
    for (std::size_t i = 0; i < length; ++i) text += kPieces[Byte() % 16];
    return text;
  }

 private:
  const std::uint8_t* data_;
  std::size_t size_;
  std::size_t at_ = 0;
};

void Write(const stdfs::path& path, const std::string& text) {
  std::ofstream(path, std::ios::binary) << text;
}

std::string Quoted(const std::string& text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

std::string Assessment(Input& input, const std::string& extra) {
  static const char* const kYears[] = {"2023/24", "2024/25", "9998/99",
                                       "2024-25"};
  return "eds3: 1\nrubric: eds2022\norganisation:\n  name: " +
         Quoted(input.Text()) + "\n  code: " + Quoted(input.Text()) +
         "\nyear: " + kYears[input.Byte() % 4] +
         "\nstakeholders:\n  - {id: p, name: P, group: public}\n"
         "outcomes:\n  1A: {ratings: {p: 2}}\n" +
         extra;
}

// Builds the tree under `top` (the folder named) from the input; `outside`
// is a folder next to it holding files with the marker.
void BuildTree(Input& input, const stdfs::path& top,
               const stdfs::path& outside) {
  std::vector<stdfs::path> stack = {top};
  std::vector<stdfs::path> files, folders = {top};
  std::error_code ignored;
  for (std::size_t n = 0; n < kMaxOperations && !input.empty(); ++n) {
    const stdfs::path here = stack.back();
    switch (input.Byte() % 8) {
      case 0: {
        const stdfs::path folder = here / input.Name();
        if (stack.size() < kMaxDepth &&
            stdfs::create_directory(folder, ignored)) {
          stack.push_back(folder);
          folders.push_back(folder);
        }
        break;
      }
      case 1:
        if (stack.size() > 1) stack.pop_back();
        break;
      case 2: {
        const stdfs::path file = here / (input.Name() + ".yaml");
        Write(file, Assessment(input, ""));
        files.push_back(file);
        break;
      }
      case 3: {
        const stdfs::path link =
            here / (input.Name() + (input.Byte() % 2 ? ".yaml" : ""));
        stdfs::path target;
        switch (input.Byte() % 6) {
          case 0:
            target = files.empty() ? top : files[input.Byte() % files.size()];
            break;
          case 1:
            target = folders[input.Byte() % folders.size()];
            break;
          case 2:
            target = outside;
            break;
          case 3:
            target = outside / "secret.yaml";
            break;
          case 4:
            target = "/";
            break;
          default:
            target = "..";
            break;
        }
        stdfs::create_symlink(target, link, ignored);
        break;
      }
      case 4:
        if (!files.empty()) {
          stdfs::create_hard_link(files[input.Byte() % files.size()],
                                  here / (input.Name() + ".yml"), ignored);
        }
        break;
      case 5:
        Write(here / input.Name(), "notes, not YAML\n");
        break;
      case 6: {
        static const char* const kSheets[] = {
            "panel.csv",    "../panel.csv",
            "/etc/passwd",  "../../../outside/secret.csv",
            "~/secret.csv", "link.csv"};
        const stdfs::path file = here / (input.Name() + ".yaml");
        Write(file, Assessment(input, std::string("ratings_csv: ") +
                                          kSheets[input.Byte() % 6] + "\n"));
        files.push_back(file);
        break;
      }
      default:
        Write(here / (input.Byte() % 2 ? "panel.csv" : "link.csv"),
              "service,outcome,stakeholder,score\n,1B,p,3\n,1C,p,x\n");
        break;
    }
  }
}

// A found file's real path lies inside `real_top`.
bool Inside(const std::string& path, const std::string& real_top) {
  char real[PATH_MAX];
  if (::realpath(path.c_str(), real) == nullptr) return true;  // reported
  const std::string resolved = real;
  return resolved == real_top ||
         (resolved.compare(0, real_top.size() + 1, real_top + "/") == 0);
}

std::vector<std::string> Listing(
    const std::vector<eds::cli::FoundFile>& files) {
  std::vector<std::string> out;
  for (const eds::cli::FoundFile& file : files) {
    out.push_back(file.path + "|" + file.folder + "|" + file.problem);
  }
  return out;
}

// Every diagnostic text, for the marker check.
std::string AllText(const eds::Diagnostics& diag) {
  std::string text;
  for (const eds::Diagnostic& d : diag.items())
    text += eds::FormatDiagnostic(d);
  return text;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data,
                                      std::size_t size) {
  char pattern[] = "/tmp/eds3-fuzz-walk-XXXXXX";
  if (::mkdtemp(pattern) == nullptr) return 0;
  const stdfs::path root = pattern;
  const stdfs::path top = root / "in";
  const stdfs::path outside = root / "outside";
  stdfs::create_directory(top);
  stdfs::create_directory(outside);
  Write(outside / "secret.yaml",
        std::string("eds3: 1\nrubric: eds2022\norganisation: {name: ") +
            kMarker + ", code: RZ9}\nyear: 2024/25\n");
  Write(outside / "secret.csv", std::string(kMarker) + ",x\n");
  Input input(data, size);
  BuildTree(input, top, outside);

  std::vector<eds::cli::FoundFile> files, again;
  eds::Diagnostics walk, walk_again;
  eds::cli::FindYamlFiles({top.string()}, &files, walk);
  eds::cli::FindYamlFiles({top.string()}, &again, walk_again);
  if (Listing(files) != Listing(again) ||
      AllText(walk) != AllText(walk_again)) {
    __builtin_trap();  // the walk depends on something besides the tree
  }
  char real_top[PATH_MAX];
  if (::realpath(top.c_str(), real_top) == nullptr) __builtin_trap();
  std::set<std::pair<dev_t, ino_t>> seen;
  for (const eds::cli::FoundFile& file : files) {
    if (!Inside(file.path, real_top)) __builtin_trap();  // walked out
    struct stat info {};
    if (file.problem.empty() && ::stat(file.path.c_str(), &info) == 0 &&
        !seen.insert({info.st_dev, info.st_ino}).second) {
      __builtin_trap();  // one file listed twice
    }
  }

  // As rollup --skip-invalid loads them.
  eds::DiskFileSystem fs;
  eds::ScoreSheetCache sheets;
  eds::LoadOptions options;
  options.allow_rubric_files = false;
  options.score_sheets = &sheets;
  eds::Diagnostics diag;
  std::vector<eds::OrganisationYear> years;
  for (const eds::cli::FoundFile& file : files) {
    if (!file.problem.empty()) continue;
    options.folder = file.folder;
    std::string text;
    if (!fs.ReadFile(file.path, &text).ok()) continue;
    std::optional<eds::LoadedAssessment> loaded;
    eds::ClassifyAndParseAssessment(text, file.path, fs, diag, &loaded,
                                    options);
    if (!loaded) continue;
    const eds::GradeResult result =
        eds::Grade(loaded->assessment, loaded->rubric);
    years.push_back(eds::SummariseYear(
        loaded->assessment,
        std::make_shared<const eds::Rubric>(std::move(loaded->rubric)),
        result));
  }
  std::vector<eds::ExcludedFile> excluded;
  std::vector<eds::RollupCheck> checks;
  eds::CheckAcrossFiles(years, /*skip_invalid=*/true, excluded, diag, &checks);
  std::string text = AllText(walk) + AllText(diag);
  for (const eds::RollupCheck& check : checks)
    text += check.message + check.file;
  for (const eds::OrganisationYear& year : years) {
    text += year.organisation.name;
  }
  if (text.find(kMarker) != std::string::npos) __builtin_trap();  // leaked

  std::error_code ignored;
  stdfs::remove_all(root, ignored);
  return 0;
}
