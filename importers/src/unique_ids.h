#pragma once
// Private to importers: ids must be unique within one import; a second row with the same id is an
// error, not an update.
#include <string>
#include <unordered_map>

#include "batch.h"

namespace kizuna::importers {

// "duplicate relation id 'x' (first at file:line)"
[[nodiscard]] inline std::string duplicate_id_message(const char* what, const std::string& id,
                                                      const Place& first) {
    return std::string("duplicate ") + what + " id '" + id + "' (first at " + first.where() + ")";
}

template <typename T>
class UniqueIds {
  public:
    explicit UniqueIds(const char* what) : what_(what) {}

    // Records the item's id, or reports it as a duplicate of the first item with that id.
    void check(const Located<T>& item, Problems& problems) {
        const auto [it, inserted] = first_.try_emplace(item.value.id, item.place);
        if (!inserted) report(item, it->second, problems);
    }
    // Reports the item when this set already holds its id (without recording it).
    void check_against(const Located<T>& item, Problems& problems) const {
        const auto it = first_.find(item.value.id);
        if (it != first_.end()) report(item, it->second, problems);
    }

  private:
    void report(const Located<T>& item, const Place& first, Problems& problems) const {
        problems.add(item.place, duplicate_id_message(what_, item.value.id, first));
    }

    const char* what_;
    std::unordered_map<std::string, Place> first_;
};

}  // namespace kizuna::importers
