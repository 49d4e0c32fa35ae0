#include "eds/score_sheet_cache.h"

#include <algorithm>
#include <utility>

#include "parsed_sheet.h"

namespace eds {

struct ScoreSheetCache::Entry {
  std::once_flag once;
  std::shared_ptr<const ParsedSheet> sheet;
  std::size_t weight = 0;  // counted in held_bytes_ while in entries_
};

std::shared_ptr<const ParsedSheet> ScoreSheetCache::Get(
    const std::string& key,
    const std::function<std::shared_ptr<const ParsedSheet>()>& load) {
  std::shared_ptr<Entry> entry;
  {
    const std::lock_guard<std::mutex> lock(mutex_);
    auto [it, fresh] = entries_.emplace(key, nullptr);
    if (fresh) it->second = std::make_shared<Entry>();
    entry = it->second;
    recent_.remove(key);
    recent_.push_front(key);
  }
  // Read outside the lock, so that other sheets are read meanwhile; a
  // second thread asking for this one waits here for the first.
  bool loaded_here = false;
  std::call_once(entry->once, [&] {
    entry->sheet = load();
    loaded_here = true;
  });
  if (loaded_here) {
    const std::lock_guard<std::mutex> lock(mutex_);
    ++loads_;
    auto it = entries_.find(key);
    if (it != entries_.end() && it->second == entry) {
      entry->weight = entry->sheet->weight + sizeof(Entry) + 2 * key.size();
      held_bytes_ += entry->weight;
      Evict();
    }
  }
  return entry->sheet;
}

void ScoreSheetCache::Evict() {
  // The least recently used go first; a sheet in use stays alive through
  // its shared pointer until its reader is done with it.
  while (held_bytes_ > max_bytes_ && !recent_.empty()) {
    const std::string key = recent_.back();
    recent_.pop_back();
    auto it = entries_.find(key);
    if (it == entries_.end()) continue;
    held_bytes_ -= it->second->weight;
    entries_.erase(it);
  }
}

std::size_t ScoreSheetCache::loads() const {
  const std::lock_guard<std::mutex> lock(mutex_);
  return loads_;
}

}  // namespace eds
