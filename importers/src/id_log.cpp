#include "id_log.h"

#include <algorithm>
#include <functional>

#include "unique_ids.h"

namespace kizuna::importers {

namespace {

std::uint64_t hash_of(std::string_view id) { return std::hash<std::string_view>{}(id); }

}  // namespace

void IdLog::record(const std::string& id, const Place& place) {
    if (files_.empty() || files_.back() != place.file) {
        files_.push_back(place.file);
        file_starts_.push_back(ends_.size());
    }
    chars_ += id;
    ends_.push_back(chars_.size());
    lines_.push_back(place.line);
}

std::string_view IdLog::id(std::size_t index) const {
    const std::size_t begin = index == 0 ? 0 : ends_[index - 1];
    return std::string_view(chars_).substr(begin, ends_[index] - begin);
}

Place IdLog::place(std::size_t index) const {
    const auto file =
        std::upper_bound(file_starts_.begin(), file_starts_.end(), index) - file_starts_.begin() - 1;
    return Place(files_[static_cast<std::size_t>(file)], lines_[index]);
}

void IdLog::report_repeats(Problems& problems) {
    by_hash_.reserve(ends_.size());
    for (std::size_t i = 0; i < ends_.size(); ++i) by_hash_.emplace_back(hash_of(id(i)), i);
    std::sort(by_hash_.begin(), by_hash_.end());
    // Within a run of equal hashes (in the order read), each id equal to an earlier one is a repeat.
    std::vector<std::pair<std::size_t, std::size_t>> repeats;  // (index, index of the first)
    for (std::size_t begin = 0, end = 0; begin < by_hash_.size(); begin = end) {
        end = begin + 1;
        while (end < by_hash_.size() && by_hash_[end].first == by_hash_[begin].first) ++end;
        for (std::size_t i = begin + 1; i < end; ++i) {
            for (std::size_t j = begin; j < i; ++j) {
                if (id(by_hash_[i].second) == id(by_hash_[j].second)) {
                    repeats.emplace_back(by_hash_[i].second, by_hash_[j].second);
                    break;
                }
            }
        }
    }
    std::sort(repeats.begin(), repeats.end());
    for (const auto& [index, first] : repeats) {
        problems.add(place(index), duplicate_id_message(what_, std::string(id(index)), place(first)));
    }
}

void IdLog::check_against(const Located<Relation>& item, Problems& problems) const {
    const std::uint64_t hash = hash_of(item.value.id);
    auto it = std::lower_bound(by_hash_.begin(), by_hash_.end(), std::make_pair(hash, std::size_t{0}));
    for (; it != by_hash_.end() && it->first == hash; ++it) {
        if (id(it->second) == item.value.id) {
            problems.add(item.place, duplicate_id_message(what_, item.value.id, place(it->second)));
            return;
        }
    }
}

}  // namespace kizuna::importers
