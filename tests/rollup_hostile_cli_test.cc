// The "done when" of the roll-up trust issue, end to end: one folder holding
// a hostile submission of every kind docs/commissioners.md ("What a roll-up
// trusts and what it refuses") lists, next to honest organisations, rolled up
// by the built eds3 with --skip-invalid and every output. The run must end in
// seconds with bounded memory (measured from the child's own accounting),
// leak nothing from outside the folder, grade nothing with a home-made
// rubric, and write every honest organisation's results as a roll-up of the
// honest files alone writes them.

#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstring>
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include "cli_fixture.h"

namespace eds {
namespace {

// The most memory the hostile roll-up may hold, in KiB.
#if defined(__SANITIZE_ADDRESS__)
constexpr long kMaxPeakKib = 1024 * 1024;
#else
constexpr long kMaxPeakKib = 300 * 1024;
#endif

namespace fs = std::filesystem;

using ::eds::testing::CliTest;
using ::eds::testing::ReadText;
using ::eds::testing::Unzipped;
using ::eds::testing::WriteText;

// In every file outside the submitted folder; no output may hold it.
constexpr char kMarker[] = "QX7-OUTSIDE-SECRET-41c9";

std::string Assessment(const std::string& name, const std::string& code,
                       const std::string& year, const std::string& extra = "",
                       const std::string& rubric = "eds2022") {
  return "eds3: 1\nrubric: " + rubric + "\norganisation:\n  name: " + name +
         "\n  code: " + code + "\n  system: Fenland ICS\nyear: " + year +
         "\nstakeholders:\n  - id: panel\n    name: Panel\n    group: public\n"
         "outcomes:\n  1A: {ratings: {panel: 2}}\n  1B: {ratings: {panel: 3}}\n"
         "  1C: {ratings: {panel: 2}}\n  1D: {ratings: {panel: 1}}\n"
         "  2A: {ratings: {panel: 1}}\n  2B: {ratings: {panel: 2}}\n"
         "  2C: {ratings: {panel: 1}}\n  2D: {ratings: {panel: 0}}\n"
         "  3A: {ratings: {panel: 1}}\n  3B: {ratings: {panel: 2}}\n" +
         extra;
}

// The honest organisations, as paths under the submitted folder: one
// rates 3C in a score sheet of its own, one has two years.
std::vector<std::pair<std::string, std::string>> HonestFiles() {
  return {
      {"honest/rh1-2024-25.yaml",
       Assessment("Honest One Trust", "RH1", "2024/25",
                  "  3C: {ratings: {panel: 2}}\n")},
      {"honest/rh2/2024-25.yaml",
       Assessment("Honest Two Trust", "RH2", "2024/25",
                  "ratings_csv: panel.csv\n")},
      {"honest/rh2/panel.csv",
       "service,outcome,stakeholder,score\n,3C,panel,3\n"},
      {"honest/rh3/2023-24.yaml",
       Assessment("Honest Three Trust", "RH3", "2023/24",
                  "  3C: {ratings: {panel: 1}}\n")},
      {"honest/rh3/2024-25.yaml",
       Assessment("Honest Three Trust", "RH3", "2024/25",
                  "  3C: {ratings: {panel: 3}}\n")},
  };
}

// The JSON value that starts at `start` (an object or array), or "" (strings
// are skipped when matching brackets).
std::string ValueAt(const std::string& json, std::size_t start) {
  int depth = 0;
  bool in_string = false;
  for (std::size_t i = start; i < json.size(); ++i) {
    const char c = json[i];
    if (in_string) {
      if (c == '\\') {
        ++i;
      } else if (c == '"') {
        in_string = false;
      }
    } else if (c == '"') {
      in_string = true;
    } else if (c == '{' || c == '[') {
      ++depth;
    } else if ((c == '}' || c == ']') && --depth == 0) {
      return json.substr(start, i - start + 1);
    }
  }
  return "";
}

// The object of the organisation named `name` in the `organisations` array
// of a roll-up's JSON (its graded rows), or "".
std::string OrganisationObject(const std::string& json,
                               const std::string& name) {
  const std::string key = "\n  \"organisations\": [";  // top level
  const std::size_t array_at = json.find(key);
  if (array_at == std::string::npos) return "";
  const std::string rows = ValueAt(json, array_at + key.size() - 1);
  const std::size_t at = rows.find("\"name\": \"" + name + "\"");
  if (at == std::string::npos) return "";
  return ValueAt(rows, rows.rfind('{', at));
}

struct Measured {
  int status = -1;
  double seconds = 0;
  long peak_kib = 0;  // the child's maximum resident set size
  std::string out, err;
};

class RollupHostileTest : public CliTest {
 protected:
  // The deep folder is removed a level at a time from inside, before the
  // fixture walks the folder: its paths are too long to name whole.
  void TearDown() override {
    const fs::path deep = work_ / "subs" / "hostile" / "deep";
    if (fs::exists(deep)) {
      const fs::path here = fs::current_path();
      fs::current_path(deep);
      int levels = 0;
      while (fs::exists(std::string(200, 'd'))) {
        fs::current_path(std::string(200, 'd'));
        ++levels;
      }
      fs::remove("deep.yaml");
      for (; levels > 0; --levels) {
        fs::current_path("..");
        fs::remove(std::string(200, 'd'));
      }
      fs::current_path(here);
    }
    CliTest::TearDown();
  }

  // Runs eds3 in `folder` as a child of this process, so that its own peak
  // memory is read back with wait4.
  Measured Run(const fs::path& folder,
               const std::vector<std::string>& args) const {
    Measured measured;
    const std::string out = (root_ / "child.out").string();
    const std::string err = (root_ / "child.err").string();
    std::vector<std::string> argv_text = {EDS_BINARY};
    argv_text.insert(argv_text.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (std::string& arg : argv_text) argv.push_back(arg.data());
    argv.push_back(nullptr);
    const auto start = std::chrono::steady_clock::now();
    const pid_t child = ::fork();
    if (child == 0) {
      const int out_fd =
          ::open(out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
      const int err_fd =
          ::open(err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
      const int in_fd = ::open("/dev/null", O_RDONLY);
      if (out_fd < 0 || err_fd < 0 || in_fd < 0 ||
          ::chdir(folder.c_str()) != 0) {
        ::_exit(127);
      }
      ::dup2(in_fd, 0);
      ::dup2(out_fd, 1);
      ::dup2(err_fd, 2);
      ::execv(argv[0], argv.data());
      ::_exit(127);
    }
    int raw = 0;
    struct rusage usage {};
    ::wait4(child, &raw, 0, &usage);
    measured.seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
            .count();
    measured.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
    measured.peak_kib = usage.ru_maxrss;
    measured.out = ReadText(out);
    measured.err = ReadText(err);
    return measured;
  }

  void WriteUnder(const fs::path& base, const std::string& name,
                  const std::string& text) const {
    fs::create_directories((base / name).parent_path());
    WriteText(base / name, text);
  }

  // Every hostile kind, under work_/subs/hostile.
  void WriteHostile() const {
    const fs::path subs = work_ / "subs";
    const fs::path h = subs / "hostile";
    fs::create_directories(h);
    // Outside the folder: a secret, a folder of another board's files.
    WriteText(root_ / "secret.csv", std::string(kMarker) + ",x\n");
    fs::create_directories(root_ / "other-icb");
    WriteText(
        root_ / "other-icb" / "confidential.yaml",
        Assessment(std::string("CONFIDENTIAL ") + kMarker, "RZ9", "2024/25"));
    const auto put = [&](const std::string& name, const std::string& text) {
      WriteUnder(h, name, text);
    };
    // 1. A home-made rubric with lowered bands, named by path and as a
    //    file lying in the folder.
    std::string lowered =
        ReadText(std::string(EDS_SOURCE_DIR) + "/rubrics/eds2022.yaml");
    for (const auto& [from, to] : {std::pair{"from: 8\n", "from: 0\n"},
                                   std::pair{"from: 22\n", "from: 1\n"},
                                   std::pair{"from: 33\n", "from: 2\n"}}) {
      const std::size_t at = lowered.find(from);
      if (at != std::string::npos) lowered.replace(at, std::strlen(from), to);
    }
    put("rubric/eds2022.yaml", lowered);
    put("rubric/lowered.yaml", Assessment("Lowered Bands Trust", "RL1",
                                          "2024/25", "", "eds2022.yaml"));
    // 2. Named files outside: absolute, '..', '~', links out.
    put("outside/passwd.yaml", Assessment("Passwd Trust", "RP1", "2024/25",
                                          "ratings_csv: /etc/passwd\n"));
    put("outside/up.yaml", Assessment("Up Trust", "RP2", "2024/25",
                                      "ratings_csv: ../../../../secret.csv\n"));
    put("outside/home.yaml",
        Assessment("Home Trust", "RP3", "2024/25", "ratings_csv: ~/.netrc\n"));
    put("outside/link.yaml",
        Assessment("Link Trust", "RP4", "2024/25", "ratings_csv: link.csv\n"));
    fs::create_symlink(root_ / "secret.csv", h / "outside" / "link.csv");
    put("outside/rubric-out.yaml",
        Assessment("Rubric Out Trust", "RP5", "2024/25", "",
                   "../../../../secret.yaml"));
    // 3. Links out of the folder, to another folder and to /.
    fs::create_directory_symlink(root_ / "other-icb", h / "other-icb");
    fs::create_directory_symlink("/", h / "root");
    fs::create_symlink(root_ / "other-icb" / "confidential.yaml",
                       h / "confidential.yaml");
    // 4. Markdown and HTML in names.
    put("inject/kramdown.yaml",
        Assessment("Real Trust {::nomarkdown}<svg/onload=alert(1)//>{:/}",
                   "RJ1", "2024/25"));
    put("inject/html.yaml",
        Assessment("\"<script>alert(1)</script> | [x](javascript:alert(1))\"",
                   "RJ2", "2024/25"));
    // 5. 200 stubs naming one shared 10 MiB sheet of 65,000-character
    //    values; hard links to one sheet in one file; many tiny bad files.
    {
      const std::string value(65000, 'x');
      std::string csv = "service,outcome,stakeholder,score\n";
      for (int i = 0; i < 161; ++i) csv += ",2A,panel," + value + "\n";
      put("shared/shared.csv", csv);
      for (int i = 0; i < 200; ++i) {
        put("shared/stubs/s" + std::to_string(i) + "/stub.yaml",
            Assessment("Stub " + std::to_string(i), "S" + std::to_string(i),
                       "2024/25", "ratings_csv: ../../shared.csv\n"));
      }
      std::string row = ",2A,panel," + std::string(1000, 'y') + "\n";
      std::string big = "service,outcome,stakeholder,score\n";
      for (int i = 0; i < 2000; ++i) big += row;
      put("links/big.csv", big);
      std::string list = "ratings_csv:\n";
      for (int i = 0; i < 50; ++i) {
        const std::string name = "big-" + std::to_string(i) + ".csv";
        fs::create_hard_link(h / "links" / "big.csv", h / "links" / name);
        list += "  - " + name + "\n";
      }
      put("links/linked.yaml",
          Assessment("Linked Trust", "RK1", "2024/25", list));
      for (int i = 0; i < 600; ++i) {
        put("many/bad-" + std::to_string(i) + ".yaml",
            "eds3: 1\nrubric: nothing\n");
      }
    }
    // 6. Impostors of RH1: Cyrillic, zero-width, full-width; a year far
    //    ahead; bidirectional overrides; a second file with its code.
    put("impostor/cyrillic.yaml", Assessment("Honest One Trust",
                                             "R\xD0\x9D"
                                             "1",
                                             "2024/25"));
    put("impostor/zero-width.yaml",
        Assessment("Honest One Trust", "RH1\xE2\x80\x8B", "2024/25"));
    put("impostor/full-width.yaml",
        Assessment("Honest One Trust", "\xEF\xBC\xB2H1", "2024/25"));
    put("impostor/far-ahead.yaml",
        Assessment("Honest One Trust", "RH1", "9998/99"));
    put("impostor/bidi.yaml", Assessment("Evil \xE2\x80\xAE"
                                         "tsurT enO tsenoH",
                                         "RB1", "2024/25"));
    put("impostor/isolate.yaml",
        Assessment("Evil \xE2\x81\xA6 Trust", "RB2", "2024/25"));
    // 7. Control characters in a file name; a deep path; a FIFO named as
    //    a sheet; a hard link to an honest file (listed once).
    put(std::string("names/esc\x1b[31mred\x07.yaml"),
        Assessment("Escape Name Trust", "RC1", "2024/25", "1X: nonsense\n"));
    put("names/fifo.yaml",
        Assessment("Fifo Trust", "RC2", "2024/25", "ratings_csv: pipe.csv\n"));
    ::mkfifo((h / "names" / "pipe.csv").c_str(), 0644);
    fs::create_hard_link(subs / "honest" / "rh1-2024-25.yaml",
                         h / "names" / "rh1-again.yaml");
    fs::path deep = h / "deep";
    const std::string long_name(200, 'd');
    fs::create_directories(deep);
    {
      // Made a level at a time from inside, as the path soon outgrows
      // what the system lets one name.
      const fs::path here = fs::current_path();
      fs::current_path(deep);
      for (int i = 0; i < 22; ++i) {
        fs::create_directory(long_name);
        fs::current_path(long_name);
      }
      WriteText("deep.yaml", Assessment("Deep Trust", "RD1", "2024/25"));
      fs::current_path(here);
    }
  }
};

TEST_F(RollupHostileTest, EveryKindAtOnceLeaksNothingAndKeepsTheHonest) {
  // The honest files alone, in a folder of the same name, as the reference.
  const fs::path clean = root_ / "clean";
  for (const auto& [name, text] : HonestFiles()) {
    WriteUnder(clean / "subs", name, text);
    WriteUnder(work_ / "subs", name, text);
  }
  const std::vector<std::string> args = {
      "rollup", "subs",     "--skip-invalid", "-o",    "out.xlsx",
      "--json", "out.json", "--markdown",     "out.md"};
  const Measured reference = Run(clean, args);
  ASSERT_EQ(reference.status, 0) << reference.err;

  WriteHostile();
  const Measured run = Run(work_, args);
  ASSERT_EQ(run.status, 0) << run.err.substr(0, 4000);
  EXPECT_LT(run.seconds, 30.0);
  // Main read the shared sheet once per stub: 8.5 GB before the caps, and
  // 113 MiB after them; read once it takes about 50 MiB. Under
  // AddressSanitizer the same run holds about 570 MiB (its shadow memory and
  // the 256 MiB quarantine of freed blocks), so the bound there is looser.
  EXPECT_LT(run.peak_kib, kMaxPeakKib) << run.peak_kib << " KiB";

  // Nothing from outside the folder, in any output or on the terminal.
  std::vector<std::pair<std::string, std::string>> texts = {
      {"stdout", run.out},
      {"stderr", run.err},
      {"out.json", Read("out.json")},
      {"out.md", Read("out.md")}};
  const std::string sheets =
      Unzipped(work_ / "out.xlsx", "xl/sharedStrings.xml");
  ASSERT_FALSE(sheets.empty());
  texts.push_back({"sharedStrings.xml", sheets});
  for (int i = 1; i <= 8; ++i) {
    const std::string part = "xl/worksheets/sheet" + std::to_string(i) + ".xml";
    texts.push_back({part, Unzipped(work_ / "out.xlsx", part)});
  }
  for (const auto& [what, text] : texts) {
    EXPECT_EQ(text.find(kMarker), std::string::npos) << what;
    EXPECT_EQ(text.find("root:x:0:0"), std::string::npos) << what;
    EXPECT_EQ(text.find("CONFIDENTIAL"), std::string::npos) << what;
  }
  // Hidden and control characters never reach the terminal or the Markdown
  // raw: the escape and bell of the file name, U+202E, U+2066, U+200B.
  const std::string markdown_text = texts[3].second;
  for (const std::string* text : {&run.err, &run.out, &markdown_text}) {
    EXPECT_EQ(text->find('\x1b'), std::string::npos);
    EXPECT_EQ(text->find('\x07'), std::string::npos);
    EXPECT_EQ(text->find("\xE2\x80\xAE"), std::string::npos);
    EXPECT_EQ(text->find("\xE2\x81\xA6"), std::string::npos);
    EXPECT_EQ(text->find("\xE2\x80\x8B"), std::string::npos);
  }
  const std::string markdown = Read("out.md");
  EXPECT_EQ(markdown.find("<svg"), std::string::npos);
  EXPECT_EQ(markdown.find("<script"), std::string::npos);
  EXPECT_EQ(markdown.find("{::nomarkdown}"), std::string::npos);

  // Graded with nothing home-made, and no impostor or stub is a row.
  const std::string json = Read("out.json");
  EXPECT_EQ(json.find("\"source\": \"subs/hostile/rubric"), std::string::npos);
  EXPECT_EQ(json.find("\"sha256\": \""), std::string::npos);
  for (const char* name :
       {"Lowered Bands Trust", "Stub 0", "Linked Trust", "Passwd Trust",
        "Up Trust", "Link Trust", "Escape Name Trust", "Deep Trust"}) {
    EXPECT_EQ(OrganisationObject(json, name), "") << name;
  }
  for (const char* excluded :
       {"subs/hostile/rubric/lowered.yaml", "subs/hostile/outside/passwd.yaml",
        "subs/hostile/impostor/cyrillic.yaml",
        "subs/hostile/impostor/far-ahead.yaml",
        "subs/hostile/shared/stubs/s199/stub.yaml",
        "subs/hostile/links/linked.yaml", "subs/hostile/names/fifo.yaml"}) {
    EXPECT_NE(json.find(std::string("\"file\": \"") + excluded + "\""),
              std::string::npos)
        << excluded;
  }
  // The file too deep to open is excluded and said to be, not passed over.
  EXPECT_NE(run.err.find("the path is longer than the system allows"),
            std::string::npos);
  // Small outputs: the caps hold however much the submissions hold.
  EXPECT_LT(json.size(), 4u << 20);
  EXPECT_LT(markdown.size(), 2u << 20);
  EXPECT_LT(run.err.size(), 1u << 20);

  // Every honest organisation, exactly as rolled up alone.
  const std::string alone = ReadText(clean / "out.json");
  for (const char* name :
       {"Honest One Trust", "Honest Two Trust", "Honest Three Trust"}) {
    const std::string expected = OrganisationObject(alone, name);
    ASSERT_NE(expected, "") << name;
    EXPECT_EQ(OrganisationObject(json, name), expected) << name;
  }
  // And the run is deterministic, threads or not.
  const std::string first_md = markdown;
  const Measured again = Run(work_, args);
  EXPECT_EQ(again.status, 0);
  EXPECT_EQ(again.err, run.err);
  EXPECT_EQ(Read("out.json"), json);
  EXPECT_EQ(Read("out.md"), first_md);
}

}  // namespace
}  // namespace eds
