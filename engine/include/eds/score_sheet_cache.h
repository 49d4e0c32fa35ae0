#ifndef EDS_SCORE_SHEET_CACHE_H_
#define EDS_SCORE_SHEET_CACHE_H_

#include <cstddef>
#include <functional>
#include <list>
#include <map>
#include <memory>
#include <mutex>
#include <string>

namespace eds {

// A score sheet read and parsed (engine/src/parsed_sheet.h).
struct ParsedSheet;

// The score sheets of one run, each read and parsed once however many
// assessments name it and however they spell its path: a roll-up of files
// that other organisations sent may hold 200 assessments naming one 10 MiB
// sheet, or hard links to one. Keyed by FileSystem::FileIdentity (device and
// inode on disk) and the kind of sheet. A parsed sheet holds no path (its
// locations are relative, see Diagnostics::ResolveRelative), so what an
// assessment reports does not depend on which assessment read it first:
// diagnostics are identical whatever the order or number of threads.
//
// Safe to use from several threads: a sheet asked for by two at once is
// read by one while the other waits. Memory is bounded: when the sheets
// held weigh more than `max_bytes`, the least recently used are let go (and
// read again if named again), so a run holds at most about `max_bytes` of
// parsed sheets whatever the submissions hold.
class ScoreSheetCache {
 public:
  static constexpr std::size_t kDefaultMaxBytes = std::size_t{64} << 20;

  explicit ScoreSheetCache(std::size_t max_bytes = kDefaultMaxBytes)
      : max_bytes_(max_bytes) {}
  ScoreSheetCache(const ScoreSheetCache&) = delete;
  ScoreSheetCache& operator=(const ScoreSheetCache&) = delete;

  // The sheet kept under `key`, made by `load` when there is none.
  std::shared_ptr<const ParsedSheet> Get(
      const std::string& key,
      const std::function<std::shared_ptr<const ParsedSheet>()>& load);

  // How many times `load` was called: the files read.
  std::size_t loads() const;

 private:
  struct Entry;
  void Evict();  // with mutex_ held

  const std::size_t max_bytes_;
  mutable std::mutex mutex_;
  std::map<std::string, std::shared_ptr<Entry>> entries_;
  std::list<std::string> recent_;  // keys, most recently used first
  std::size_t held_bytes_ = 0;
  std::size_t loads_ = 0;
};

}  // namespace eds

#endif  // EDS_SCORE_SHEET_CACHE_H_
