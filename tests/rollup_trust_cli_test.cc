// End-to-end tests of what a roll-up trusts in files other organisations
// sent (docs/commissioners.md, "What a roll-up trusts and what it
// refuses"): the built eds3 run on folders of hostile submissions, checking
// the exit status, what is printed, and what is and is not in every output.

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <string>
#include <vector>

#include "cli_fixture.h"
#include "sha256.h"

namespace eds {
namespace {

namespace fs = std::filesystem;

using ::eds::testing::CliTest;
using ::eds::testing::ReadText;
using ::eds::testing::Result;
using ::eds::testing::WriteText;

// A file outside the submitted folder that no output may quote.
constexpr char kSecret[] = "machine example.org login alice password hunter2\n";

// A valid assessment; `extra` is added at the top level.
std::string Assessment(const std::string& name, const std::string& code,
                       const std::string& extra = "",
                       const std::string& rubric = "eds2022") {
  return "eds3: 1\nrubric: " + rubric + "\norganisation:\n  name: " + name +
         "\n  code: " + code +
         "\n  system: Fenland & Wash ICS\nyear: 2024/25\n"
         "stakeholders:\n  - id: panel\n    name: Panel\n    group: public\n"
         "outcomes:\n  1A: {ratings: {panel: 2}}\n  1B: {ratings: {panel: 2}}\n"
         "  1C: {ratings: {panel: 2}}\n  1D: {ratings: {panel: 2}}\n"
         "  2A: {ratings: {panel: 1}}\n  2B: {ratings: {panel: 1}}\n"
         "  2C: {ratings: {panel: 1}}\n  2D: {ratings: {panel: 1}}\n"
         "  3A: {ratings: {panel: 1}}\n  3B: {ratings: {panel: 1}}\n" +
         extra;
}

constexpr char kCsv[] = "service,outcome,stakeholder,score\n,3C,panel,1\n";

class RollupTrustTest : public CliTest {
 protected:
  void SetUp() override {
    CliTest::SetUp();
    fs::create_directory(work_ / "subs");
    WriteText(root_ / "secret.csv", kSecret);
    Write("subs/honest.yaml",
          Assessment("Honest Trust", "RH1", "  3C: {ratings: {panel: 1}}\n"));
  }

  Result RollupAll(std::vector<std::string> extra = {}) const {
    std::vector<std::string> args = {
        "rollup",   "subs",       "-o",     "out.xlsx", "--json",
        "out.json", "--markdown", "out.md", "--html",   "out.html"};
    args.insert(args.end(), extra.begin(), extra.end());
    return Eds(args);
  }

  // Nothing of kSecret reached the terminal or an output.
  void ExpectNoSecret(const Result& result) const {
    for (const std::string& text : {result.out, result.err, Read("out.json"),
                                    Read("out.md"), Read("out.html")}) {
      EXPECT_EQ(text.find("hunter2"), std::string::npos) << text;
      EXPECT_EQ(text.find("machine"), std::string::npos) << text;
    }
  }
};

TEST_F(RollupTrustTest, NamedFilesOutsideTheFolderAreRefused) {
  const std::string csv_at = "ratings_csv: ";
  Write("subs/etc.yaml",
        Assessment("Etc Trust", "RE1", csv_at + "/etc/passwd\n"));
  Write("subs/up.yaml",
        Assessment("Up Trust", "RU1", csv_at + "../../secret.csv\n"));
  Write("subs/gone.yaml",
        Assessment("Gone Trust", "RG1", csv_at + "../../none.csv\n"));
  Write("subs/home.yaml",
        Assessment("Home Trust", "RM1", csv_at + "~/.netrc\n"));
  Write("subs/link.yaml",
        Assessment("Link Trust", "RL1", csv_at + "link.csv\n"));
  fs::create_symlink(root_ / "secret.csv", work_ / "subs" / "link.csv");
  Write("subs/dead.yaml",
        Assessment("Dead Trust", "RD1", csv_at + "dead.csv\n"));
  fs::create_symlink(root_ / "none.csv", work_ / "subs" / "dead.csv");
  Write("subs/rubric.yaml",
        Assessment("Rubric Trust", "RR1", "", "../../r.yaml"));

  Result result = RollupAll();
  EXPECT_EQ(result.status, 1);
  ExpectNoSecret(result);
  EXPECT_FALSE(fs::exists(work_ / "out.json"));

  result = RollupAll({"--skip-invalid"});
  EXPECT_EQ(result.status, 0) << result.err;
  ExpectNoSecret(result);
  const std::string hint =
      "  hint: files named by an assessment must be in that folder or below "
      "it, links included; --allow-outside-paths reads them from anywhere\n";
  for (const auto& [file, line, what, written] :
       std::vector<std::tuple<std::string, int, std::string, std::string>>{
           {"dead", 23, "ratings CSV", "dead.csv"},
           {"etc", 23, "ratings CSV", "/etc/passwd"},
           {"gone", 23, "ratings CSV", "../../none.csv"},
           {"home", 23, "ratings CSV", "~/.netrc"},
           {"link", 23, "ratings CSV", "link.csv"},
           {"up", 23, "ratings CSV", "../../secret.csv"}}) {
    const std::string message = "eds3: subs/" + file +
                                ".yaml:" + std::to_string(line) +
                                ":14: warning: " + what + " '" + written +
                                "' is not a file inside the folder 'subs'\n";
    EXPECT_NE(result.err.find(message), std::string::npos) << message << "\n"
                                                           << result.err;
  }
  EXPECT_NE(result.err.find(hint), std::string::npos);
  // Without --allow-rubric-files a rubric file is refused before its path is
  // looked at; with it, the rubric file must be inside the folder too.
  const std::string refused =
      "eds3: subs/rubric.yaml:2:9: warning: rubric file '../../r.yaml' is not "
      "accepted here: a file's own rubric could set its own bands\n";
  EXPECT_NE(result.err.find(refused), std::string::npos) << result.err;
  const Result with_files =
      RollupAll({"--skip-invalid", "--allow-rubric-files"});
  EXPECT_EQ(with_files.status, 0) << with_files.err;
  ExpectNoSecret(with_files);
  const std::string outside =
      "eds3: subs/rubric.yaml:2:9: warning: rubric file '../../r.yaml' is not "
      "a file inside the folder 'subs'\n";
  EXPECT_NE(with_files.err.find(outside), std::string::npos) << with_files.err;
  // One message whether the file outside exists or not.
  EXPECT_EQ(result.err.find("No such file"), std::string::npos);
  EXPECT_EQ(result.err.find("ermission"), std::string::npos);
  const std::string json = Read("out.json");
  EXPECT_NE(json.find("\"name\": \"Honest Trust\""), std::string::npos);
  EXPECT_EQ(eds::testing::RolledUp(json).find("\"name\": \"Up Trust\""),
            std::string::npos);
  EXPECT_NE(json.find("\"file\": \"subs/up.yaml\""), std::string::npos);
}

TEST_F(RollupTrustTest, AllowOutsidePathsReadsThem) {
  WriteText(root_ / "panel.csv", kCsv);
  Write("subs/up.yaml",
        Assessment("Up Trust", "RU1", "ratings_csv: ../../panel.csv\n"));
  const Result result = RollupAll({"--allow-outside-paths"});
  EXPECT_EQ(result.status, 0) << result.err;
  EXPECT_NE(Read("out.json").find("\"name\": \"Up Trust\""), std::string::npos);
}

TEST_F(RollupTrustTest, FilesInsideTheFolderNamedAreRead) {
  // A file found in a folder may name files anywhere in that folder.
  fs::create_directories(work_ / "subs" / "trust" / "2024");
  Write("subs/trust/panel.csv", kCsv);
  Write("subs/trust/2024/a.yaml",
        Assessment("Inside Trust", "RI1", "ratings_csv: ../panel.csv\n"));
  const Result result = RollupAll();
  EXPECT_EQ(result.status, 0) << result.err;
  EXPECT_EQ(result.err, "");
  // Named on the command line, its own folder is the limit.
  const Result named =
      Eds({"rollup", "subs/trust/2024/a.yaml", "-o", "n.xlsx"});
  EXPECT_EQ(named.status, 1);
  EXPECT_NE(named.err.find("subs/trust/2024/a.yaml:23:14: error: ratings CSV "
                           "'../panel.csv' is not a file inside the folder "
                           "'subs/trust/2024'\n"),
            std::string::npos)
      << named.err;
}

TEST_F(RollupTrustTest, GradeKeepsNamedFilesInsideToo) {
  WriteText(root_ / "panel.csv", kCsv);
  Write("up.yaml",
        Assessment("Up Trust", "RU1", "ratings_csv: ../panel.csv\n"));
  Result result = Eds({"grade", "up.yaml", "-o", "g.xlsx"});
  EXPECT_EQ(result.status, 1);
  EXPECT_EQ(result.err,
            "eds3: up.yaml:23:14: error: ratings CSV '../panel.csv' is not a "
            "file inside the folder '.'\n"
            "  ratings_csv: ../panel.csv\n"
            "               ^\n"
            "  hint: files named by an assessment must be in that folder or "
            "below it, links included; --allow-outside-paths reads them from "
            "anywhere\n");
  result = Eds({"grade", "up.yaml", "-o", "g.xlsx", "--allow-outside-paths"});
  EXPECT_EQ(result.status, 0) << result.err;
}

// A copy of the built-in rubric with its bands lowered (Excelling from a
// total of 3), under the id `id`.
std::string LoweredRubric(const std::string& id) {
  std::string text =
      ReadText(std::string(EDS_SOURCE_DIR) + "/rubrics/eds2022.yaml");
  for (const auto& [from, to] : {std::pair{"from: 8\n", "from: 1\n"},
                                 std::pair{"from: 22\n", "from: 2\n"},
                                 std::pair{"from: 33\n", "from: 3\n"}}) {
    const std::size_t at = text.find(from);
    if (at != std::string::npos) text.replace(at, std::string(from).size(), to);
  }
  const std::size_t at = text.find("id: eds2022\n");
  text.replace(at, 12, "id: " + id + "\n");
  return text;
}

TEST_F(RollupTrustTest, RubricFilesAreRefusedUnlessAllowed) {
  Write("subs/eds2022.yaml", LoweredRubric("eds2022"));
  Write("subs/own.yaml", Assessment("Own Trust", "RO1", "", "eds2022.yaml"));
  Result result = RollupAll({"--skip-invalid"});
  EXPECT_EQ(result.status, 0) << result.err;
  EXPECT_NE(result.err.find(
                "eds3: subs/own.yaml:2:9: warning: rubric file 'eds2022.yaml' "
                "is not accepted here: a file's own rubric could set its own "
                "bands\n"
                "  rubric: eds2022.yaml\n"
                "          ^\n"
                "  hint: name a built-in rubric ('eds3 rubric list'), or give "
                "--allow-rubric-files to grade with rubric files\n"),
            std::string::npos)
      << result.err;
  EXPECT_EQ(eds::testing::RolledUp(Read("out.json")).find("Own Trust"),
            std::string::npos);

  // Allowed, a file that claims a built-in id but differs is still refused.
  result = RollupAll({"--skip-invalid", "--allow-rubric-files"});
  EXPECT_EQ(result.status, 0) << result.err;
  EXPECT_NE(result.err.find("eds3: subs/own.yaml:2:9: warning: rubric file "
                            "'subs/eds2022.yaml' has the id 'eds2022' of a "
                            "built-in rubric but differs from it\n"),
            std::string::npos)
      << result.err;
  EXPECT_EQ(eds::testing::RolledUp(Read("out.json")).find("Own Trust"),
            std::string::npos);

  // grade refuses it too.
  result = Eds({"grade", "subs/own.yaml", "-o", "g.xlsx"});
  EXPECT_EQ(result.status, 1);
  EXPECT_NE(result.err.find("has the id 'eds2022' of a built-in rubric but "
                            "differs from it\n"),
            std::string::npos);
}

TEST_F(RollupTrustTest, EveryRowSaysWhichRubricGradedIt) {
  const std::string rubric = LoweredRubric("local");
  Write("subs/local.yaml", rubric);
  Write("subs/own.yaml",
        Assessment("Own Trust", "RO1", "  3C: {ratings: {panel: 1}}\n",
                   "local.yaml"));
  const Result result = RollupAll({"--allow-rubric-files"});
  EXPECT_EQ(result.status, 0) << result.err;
  // The file's own bytes, hashed independently of the roll-up.
  const std::string sha = Sha256Hex(rubric);
  const std::string json = Read("out.json");
  const std::string md = Read("out.md");
  EXPECT_NE(json.find("\"rubric\": {\n            \"id\": \"local\",\n"
                      "            \"version\": \"2022.1\",\n"
                      "            \"source\": \"file\",\n"
                      "            \"file\": \"subs/local.yaml\",\n"
                      "            \"sha256\": \"" +
                      sha + "\"\n"),
            std::string::npos)
      << json;
  EXPECT_NE(json.find("\"rubric\": {\n            \"id\": \"eds2022\",\n"
                      "            \"version\": \"2022.1\",\n"
                      "            \"source\": \"built-in\",\n"
                      "            \"file\": null,\n"
                      "            \"sha256\": null\n"),
            std::string::npos)
      << json;
  EXPECT_NE(md.find("| eds2022 version 2022.1, built-in |"), std::string::npos)
      << md;
  EXPECT_NE(md.find("| local version 2022.1, file subs/local.yaml, SHA-256 " +
                    sha + " |"),
            std::string::npos)
      << md;
}

TEST_F(RollupTrustTest, WalkDoesNotFollowLinksOutOfTheFolder) {
  fs::create_directory(root_ / "other");
  WriteText(root_ / "other" / "confidential.yaml",
            Assessment("CONFIDENTIAL other ICB", "RC1",
                       "  3C: {ratings: {panel: 1}}\n"));
  fs::create_directory_symlink(root_ / "other", work_ / "subs" / "other");
  fs::create_directory_symlink("/", work_ / "subs" / "root");
  fs::create_symlink(root_ / "other" / "confidential.yaml",
                     work_ / "subs" / "file.yaml");
  fs::create_symlink(root_ / "nowhere", work_ / "subs" / "dead.yaml");
  // A link that stays inside is followed, and a loop ends.
  fs::create_directory_symlink(work_ / "subs", work_ / "subs" / "loop");
  Result result = RollupAll();
  EXPECT_EQ(result.status, 0) << result.err;
  const std::string warning =
      ": warning: skipped: a symbolic link that does not lead to a file or "
      "folder inside the folder named\n"
      "  hint: --follow-links follows links wherever they lead\n";
  EXPECT_EQ(result.err, "eds3: subs/dead.yaml" + warning +
                            "eds3: subs/file.yaml" + warning +
                            "eds3: subs/other" + warning + "eds3: subs/root" +
                            warning);
  EXPECT_EQ(Read("out.json").find("CONFIDENTIAL"), std::string::npos);
  EXPECT_EQ(Read("out.md").find("CONFIDENTIAL"), std::string::npos);

  fs::remove(work_ / "subs" / "root");
  fs::remove(work_ / "subs" / "dead.yaml");
  result = RollupAll({"--follow-links"});
  EXPECT_EQ(result.status, 0) << result.err;
  EXPECT_NE(Read("out.json").find("CONFIDENTIAL"), std::string::npos);
}

}  // namespace
}  // namespace eds
