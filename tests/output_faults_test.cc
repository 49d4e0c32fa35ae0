// End-to-end: faults while `eds3 grade` writes its outputs. Every run ends
// with a clear error (exit 3) or complete files, never a truncated one; a
// failed run leaves no temporary file and every existing output untouched;
// two runs writing the same target at once leave one complete workbook.
//
// A read-only folder and a full disk need a file system of their own: as
// root (where permissions do not stop a write) the test mounts a small
// tmpfs, read-only or nearly full; a test that cannot do that is skipped and
// says why.

#include <fcntl.h>
#include <gtest/gtest.h>
#include <stdlib.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "eds/output_file.h"

namespace eds {
namespace {

namespace fs = std::filesystem;

constexpr char kExample[] = "northmoor-ambulance-2024-25.yaml";
constexpr char kExampleCsv[] = "northmoor-ambulance-2024-25-panel.csv";

std::string ReadAll(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

void WriteAll(const fs::path& path, const std::string& text) {
  std::ofstream(path, std::ios::binary) << text;
}

// The names in a folder, hidden ones (temporary files) included, sorted.
std::vector<std::string> Listing(const fs::path& dir) {
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(dir)) {
    names.push_back(entry.path().filename().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

struct RunResult {
  int status = -1;
  std::string err;
};

class OutputFaultsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string pattern =
        (fs::temp_directory_path() / "eds3-output-faults-XXXXXX").string();
    ASSERT_NE(::mkdtemp(pattern.data()), nullptr);
    root_ = pattern;
    in_ = root_ / "in";
    out_ = root_ / "out";
    fs::create_directories(in_);
    fs::create_directories(out_);
    const fs::path examples = fs::path(EDS_SOURCE_DIR) / "examples";
    fs::copy_file(examples / kExample, in_ / kExample);
    fs::copy_file(examples / kExampleCsv, in_ / kExampleCsv);
  }

  void TearDown() override {
    for (const fs::path& mount : mounts_) ::umount2(mount.c_str(), MNT_DETACH);
    std::error_code ignored;
    fs::permissions(root_, fs::perms::owner_all, fs::perm_options::add,
                    ignored);
    fs::remove_all(root_, ignored);
  }

  // `eds3 grade` on the example with these output options, run in `out_`.
  RunResult Grade(const std::string& options) const {
    const fs::path err = root_ / ("stderr-" + std::to_string(runs_++));
    const std::string command =
        "cd '" + out_.string() + "' && '" EDS_BINARY "' grade '" +
        (in_ / kExample).string() + "' " + options + " >/dev/null 2>'" +
        err.string() + "' </dev/null";
    const int raw = std::system(command.c_str());
    RunResult run;
    run.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
    run.err = ReadAll(err);
    return run;
  }

  // The workbook (and JSON) a single, undisturbed run writes.
  std::string Reference(const std::string& name) const {
    const fs::path dir = root_ / "reference";
    fs::create_directories(dir);
    const RunResult run =
        Grade("-o '" + (dir / "out.xlsx").string() + "' --json '" +
              (dir / "out.json").string() + "'");
    EXPECT_EQ(run.status, 0) << run.err;
    return ReadAll(dir / name);
  }

  // Mounts a tmpfs of `size` at `dir` (read-only when asked). False when
  // this process may not mount, with the reason in `why`.
  bool MountTmpfs(const fs::path& dir, const std::string& size, bool read_only,
                  std::string* why) {
    fs::create_directories(dir);
    const std::string options = "size=" + size + ",mode=0777";
    if (::mount("tmpfs", dir.c_str(), "tmpfs", read_only ? MS_RDONLY : 0,
                options.c_str()) != 0) {
      *why = std::string("cannot mount a tmpfs here (") + std::strerror(errno) +
             "), so this fault cannot be made";
      return false;
    }
    mounts_.push_back(dir);
    return true;
  }

  // Fills the file system holding `dir` until a write fails for want of
  // space. False (with the reason) when it never fills.
  static bool Fill(const fs::path& dir, std::string* why) {
    const int fd = ::open((dir / "filler").c_str(), O_WRONLY | O_CREAT, 0644);
    if (fd < 0) {
      *why = std::string("cannot create the filler: ") + std::strerror(errno);
      return false;
    }
    const std::string block(4096, 'x');
    int error = 0;
    for (int i = 0; i < 1 << 20 && error == 0; ++i) {
      if (::write(fd, block.data(), block.size()) < 0) error = errno;
    }
    // The last partial page: write single bytes until the disk is full.
    while (error == ENOSPC && ::write(fd, "x", 1) == 1) {
    }
    ::close(fd);
    if (error != ENOSPC) {
      *why = "the file system did not fill up";
      return false;
    }
    return true;
  }

  fs::path root_, in_, out_;
  std::vector<fs::path> mounts_;
  mutable int runs_ = 0;
};

TEST_F(OutputFaultsTest, ReadOnlyFolderIsAnOutputError) {
  const fs::path dir = root_ / "read-only";
  if (::geteuid() == 0) {
    std::string why;
    if (!MountTmpfs(dir, "64k", /*read_only=*/true, &why)) GTEST_SKIP() << why;
  } else {
    fs::create_directories(dir);
    fs::permissions(dir, fs::perms::owner_read | fs::perms::owner_exec);
  }
  const std::string target = (dir / "out.xlsx").string();
  const RunResult run = Grade("-o '" + target + "'");
  EXPECT_EQ(run.status, 3);
  EXPECT_EQ(run.err, "eds3: " + target + ": error: cannot write: " +
                         (::geteuid() == 0 ? "Read-only file system"
                                           : "Permission denied") +
                         "\n");
  EXPECT_TRUE(Listing(dir).empty());
}

TEST_F(OutputFaultsTest, PathThroughAFileIsAnOutputError) {
  WriteAll(root_ / "a-file", "not a folder\n");
  const std::string target = (root_ / "a-file" / "out.xlsx").string();
  const RunResult run = Grade("-o '" + target + "'");
  EXPECT_EQ(run.status, 3);
  EXPECT_EQ(run.err,
            "eds3: " + target + ": error: cannot write: Not a directory\n");
  EXPECT_TRUE(Listing(out_).empty());
}

TEST_F(OutputFaultsTest, TargetThatIsAFolderIsAnOutputError) {
  fs::create_directories(out_ / "report.xlsx");
  fs::create_directories(out_ / "result.json");
  RunResult run = Grade("-o report.xlsx");
  EXPECT_EQ(run.status, 3);
  EXPECT_EQ(run.err,
            "eds3: report.xlsx: error: cannot write: it is a folder\n");
  run = Grade("-o ok.xlsx --json result.json");
  EXPECT_EQ(run.status, 3);
  EXPECT_EQ(run.err,
            "eds3: result.json: error: cannot write: it is a folder\n");
  // Neither the folders nor anything beside them changed.
  EXPECT_EQ(Listing(out_),
            (std::vector<std::string>{"report.xlsx", "result.json"}));
  EXPECT_TRUE(Listing(out_ / "report.xlsx").empty());
}

// Renaming over a pipe or a device would replace it (as root, /dev/null
// itself) instead of writing to it.
TEST_F(OutputFaultsTest, TargetThatIsAPipeIsAnOutputErrorAndStaysAPipe) {
  ASSERT_EQ(::mkfifo((out_ / "pipe.xlsx").c_str(), 0644), 0);
  const RunResult run = Grade("-o pipe.xlsx");
  EXPECT_EQ(run.status, 3);
  EXPECT_EQ(run.err,
            "eds3: pipe.xlsx: error: cannot write: it is a device, pipe or "
            "socket, not a file; name an ordinary file\n");
  struct stat info {};
  ASSERT_EQ(::lstat((out_ / "pipe.xlsx").c_str(), &info), 0);
  EXPECT_TRUE(S_ISFIFO(info.st_mode));
  EXPECT_EQ(Listing(out_), (std::vector<std::string>{"pipe.xlsx"}));
}

TEST_F(OutputFaultsTest, TargetThatIsADeviceIsAnOutputError) {
  const RunResult run = Grade("-o ok.xlsx --json /dev/null");
  EXPECT_EQ(run.status, 3);
  EXPECT_EQ(run.err,
            "eds3: /dev/null: error: cannot write: it is a device, pipe or "
            "socket, not a file; name an ordinary file\n");
  struct stat info {};
  ASSERT_EQ(::stat("/dev/null", &info), 0);
  EXPECT_TRUE(S_ISCHR(info.st_mode));
  EXPECT_TRUE(Listing(out_).empty());
}

// A link is followed: the file it points to gets the new workbook and the
// link stays a link.
TEST_F(OutputFaultsTest, TargetThatIsALinkReplacesTheFileItPointsTo) {
  const std::string workbook = Reference("out.xlsx");
  fs::create_directories(root_ / "elsewhere");
  WriteAll(root_ / "elsewhere" / "real.xlsx", "old workbook");
  fs::create_symlink(root_ / "elsewhere" / "real.xlsx", out_ / "link.xlsx");
  const RunResult run = Grade("-o link.xlsx");
  EXPECT_EQ(run.status, 0) << run.err;
  EXPECT_TRUE(fs::is_symlink(out_ / "link.xlsx"));
  EXPECT_TRUE(ReadAll(root_ / "elsewhere" / "real.xlsx") == workbook);
  EXPECT_EQ(Listing(out_), (std::vector<std::string>{"link.xlsx"}));
  EXPECT_EQ(Listing(root_ / "elsewhere"),
            (std::vector<std::string>{"real.xlsx"}));
}

TEST_F(OutputFaultsTest, LinkToNothingIsAnOutputError) {
  fs::create_symlink(root_ / "missing" / "real.xlsx", out_ / "dangling.xlsx");
  const RunResult run = Grade("-o dangling.xlsx");
  EXPECT_EQ(run.status, 3);
  EXPECT_EQ(run.err,
            "eds3: dangling.xlsx: error: cannot write: it is a link to a file "
            "or folder that does not exist\n");
  EXPECT_TRUE(fs::is_symlink(out_ / "dangling.xlsx"));
}

TEST_F(OutputFaultsTest, ReplacedFileKeepsItsPermissions) {
  WriteAll(out_ / "out.xlsx", "old workbook");
  fs::permissions(out_ / "out.xlsx", fs::perms::owner_read |
                                         fs::perms::owner_write |
                                         fs::perms::group_read);
  const RunResult run = Grade("-o out.xlsx");
  EXPECT_EQ(run.status, 0) << run.err;
  EXPECT_EQ(
      fs::status(out_ / "out.xlsx").permissions(),
      fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read);
  EXPECT_NE(ReadAll(out_ / "out.xlsx"), "old workbook");
}

TEST_F(OutputFaultsTest, FullDiskIsAnOutputErrorAndKeepsTheOldFile) {
  std::string why;
  const fs::path disk = root_ / "full";
  if (!MountTmpfs(disk, "64k", /*read_only=*/false, &why)) GTEST_SKIP() << why;
  WriteAll(disk / "out.xlsx", "the old workbook");
  ASSERT_TRUE(Fill(disk, &why)) << why;
  const RunResult run = Grade("-o '" + (disk / "out.xlsx").string() + "'");
  EXPECT_EQ(run.status, 3) << run.err;
  // One line in the form of every other output's, naming the workbook asked
  // for (not its temporary copy); none of libxlsxwriter's own lines.
  EXPECT_EQ(run.err, "eds3: " + (disk / "out.xlsx").string() +
                         ": error: cannot write: No space left on device\n");
  EXPECT_EQ(ReadAll(disk / "out.xlsx"), "the old workbook");
  EXPECT_EQ(Listing(disk), (std::vector<std::string>{"filler", "out.xlsx"}));
}

// The workbook is written in full, then the JSON fails for want of space:
// neither output may replace what was there.
TEST_F(OutputFaultsTest, FailureMidWayLeavesNoTemporaryFileAndOldOutputs) {
  std::string why;
  const fs::path disk = root_ / "full";
  if (!MountTmpfs(disk, "64k", /*read_only=*/false, &why)) GTEST_SKIP() << why;
  WriteAll(out_ / "out.xlsx", "the old workbook");
  WriteAll(disk / "out.json", "the old JSON");
  ASSERT_TRUE(Fill(disk, &why)) << why;
  const std::string json = (disk / "out.json").string();
  const RunResult run = Grade("-o out.xlsx --json '" + json + "'");
  EXPECT_EQ(run.status, 3);
  EXPECT_EQ(run.err, "eds3: " + json +
                         ": error: cannot write: No space left on device\n");
  EXPECT_EQ(ReadAll(out_ / "out.xlsx"), "the old workbook");
  EXPECT_EQ(ReadAll(disk / "out.json"), "the old JSON");
  EXPECT_EQ(Listing(out_), std::vector<std::string>{"out.xlsx"});
  EXPECT_EQ(Listing(disk), (std::vector<std::string>{"filler", "out.json"}));
}

// The same when an output cannot even be staged: nothing is written at all.
TEST_F(OutputFaultsTest, UnwritableSecondOutputLeavesTheFirstUntouched) {
  WriteAll(out_ / "out.xlsx", "the old workbook");
  WriteAll(root_ / "a-file", "not a folder\n");
  const std::string json = (root_ / "a-file" / "out.json").string();
  const RunResult run = Grade("-o out.xlsx --json '" + json + "'");
  EXPECT_EQ(run.status, 3);
  EXPECT_EQ(run.err,
            "eds3: " + json + ": error: cannot write: Not a directory\n");
  EXPECT_EQ(ReadAll(out_ / "out.xlsx"), "the old workbook");
  EXPECT_EQ(Listing(out_), std::vector<std::string>{"out.xlsx"});
}

// Two runs racing for the same targets, several times over: each run
// succeeds, and what is left is one run's complete, byte-identical output.
TEST_F(OutputFaultsTest, TwoRunsWritingTheSameTargetLeaveOneCompleteFile) {
  const std::string workbook = Reference("out.xlsx");
  const std::string result = Reference("out.json");
  ASSERT_GT(workbook.size(), 1000u);
  WriteAll(out_ / "out.xlsx", "the old workbook");
  const std::string grade = "'" EDS_BINARY "' grade '" +
                            (in_ / kExample).string() +
                            "' -o out.xlsx --json out.json >/dev/null";
  for (int round = 0; round < 5; ++round) {
    const std::string command = "cd '" + out_.string() + "' && { " + grade +
                                " 2>../err-a; echo $? >../status-a; } & " +
                                "{ cd '" + out_.string() + "' && " + grade +
                                " 2>../err-b; echo $? >../status-b; } & wait";
    ASSERT_EQ(std::system(command.c_str()), 0);
    EXPECT_EQ(ReadAll(root_ / "status-a"), "0\n") << ReadAll(root_ / "err-a");
    EXPECT_EQ(ReadAll(root_ / "status-b"), "0\n") << ReadAll(root_ / "err-b");
    EXPECT_TRUE(ReadAll(out_ / "out.xlsx") == workbook) << "round " << round;
    EXPECT_TRUE(ReadAll(out_ / "out.json") == result) << "round " << round;
    EXPECT_EQ(Listing(out_),
              (std::vector<std::string>{"out.json", "out.xlsx"}));
  }
}

}  // namespace
}  // namespace eds
