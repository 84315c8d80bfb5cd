#include "relation_stream.h"

#include <pthread.h>

#include <algorithm>
#include <cctype>

#include "kizuna/core/errors.h"
#include "kizuna/core/validation.h"

namespace kizuna::importers {

RelationStream::RelationStream(std::vector<std::filesystem::path> files, std::string encoding)
    : files_(std::move(files)),
      encoding_(std::move(encoding)),
      reader_([this] { read(); }),
      checker_([this] { check(); }) {}

RelationStream::~RelationStream() {
    {
        const std::lock_guard lock(mutex_);
        cancelled_ = true;
    }
    changed_.notify_all();
    reader_.join();
    checker_.join();
}

namespace {

// An id as a spreadsheet may have spelt it, in the form of the vocabulary: lower case, `separator` between
// words.
std::string normalised(const std::string& text, char separator) {
    std::string out;
    for (const unsigned char ch : text) {
        out += ch == ' ' || ch == '-' || ch == '_' ? separator : static_cast<char>(std::tolower(ch));
    }
    return out;
}

}  // namespace

std::string RelationStream::Checks::hint(const Relation& relation) const {
    if (types.count(relation.type) == 0) {
        const std::string guess = normalised(relation.type, '_');
        if (types.count(guess) != 0) return " (did you mean '" + guess + "'?)";
        std::vector<std::string> known(types.begin(), types.end());
        std::sort(known.begin(), known.end());
        std::string list;
        for (const auto& type : known) list += (list.empty() ? "" : ", ") + type;
        return " (the types are " + list + "; a new one goes in relation_types.csv)";
    }
    for (const std::string* end : {&relation.from, &relation.to}) {
        if (end->empty() || entities.count(*end) != 0) continue;
        const std::string guess = normalised(*end, '-');
        if (entities.count(guess) != 0) return " (did you mean '" + guess + "'?)";
    }
    return "";
}

EncodedRelation RelationStream::Checks::check_and_encode(const Located<Relation>& item, Problems& problems,
                                                         bool& valid) const {
    const Relation& relation = item.value;
    if (!merged_away.empty() && merged_away.count(relation.id) > 0) return {};
    auto redirected = [this](const std::string& id) -> const std::string& {
        const auto found = redirects.find(id);
        return found == redirects.end() ? id : found->second;
    };
    const std::string& from_id = redirected(relation.from);
    const std::string& to_id = redirected(relation.to);
    const auto from = entities.find(from_id), to = entities.find(to_id);
    const auto knows_type = [this](const std::string& id) { return types.count(id) > 0; };
    const auto knows_entity = [&](const std::string& id) {
        if (id == relation.from) return from != entities.end();
        if (id == relation.to) return to != entities.end();
        return entities.count(id) > 0;
    };
    bool checked = true;
    try {
        validate_relation(relation, knows_type, knows_entity);
    } catch (const InvalidDataError& e) {
        problems.add(item.place, e.what() + hint(relation));
        valid = false;
        checked = false;
    }
    if (checked && from_id == to_id && relation.from != relation.to) {
        problems.add(item.place, "relation " + relation.id + ": '" + relation.from + "' and '" + relation.to +
                                     "' were merged into '" + from_id +
                                     "': the relation would tie it to itself");
        valid = false;
    }
    auto encoded = encode(relation);
    encoded.from = from == entities.end() ? kNoEntity : from->second;
    encoded.to = to == entities.end() ? kNoEntity : to->second;
    return encoded;
}

void RelationStream::check_with(std::shared_ptr<const Checks> checks) {
    {
        const std::lock_guard lock(mutex_);
        checks_ = std::move(checks);
    }
    changed_.notify_all();
}

bool RelationStream::hand_over(std::vector<Located<Relation>>& relations, std::uint64_t bytes_end) {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [this] { return cancelled_ || parsed_.size() < kParsedChunks; });
    if (cancelled_) return false;
    parsed_.push_back({std::move(relations), bytes_end});
    lock.unlock();
    changed_.notify_all();
    relations.clear();  // moved from: empty again for the reader to fill
    return true;
}

bool RelationStream::check_and_queue(const Checks& checks, Parsed& parsed) {
    Chunk chunk;
    chunk.encoded.reserve(parsed.relations.size());
    for (const auto& item : parsed.relations) {
        ids_.record(item.value.id, item.place);
        chunk.encoded.push_back(checks.check_and_encode(item, invalid_, chunk.valid));
    }
    chunk.relations = std::move(parsed.relations);
    chunk.bytes_end = parsed.bytes_end;
    std::vector<Chunk> spent;
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [this] { return cancelled_ || ready_.size() < kQueuedChunks; });
    if (cancelled_) return false;
    ready_.push_back(std::move(chunk));
    spent.swap(spent_);
    lock.unlock();
    changed_.notify_all();
    return true;  // spent chunks are freed here, outside the lock
}

void RelationStream::read() {
    pthread_setname_np(pthread_self(), "kz-read");  // for top, perf and debuggers (at most 15 chars)
    std::uint64_t files_before = 0;                 // bytes of the files read before this one
    const RelationHandOver hand = [this, &files_before](std::vector<Located<Relation>>& relations,
                                                        std::uint64_t bytes_read) {
        return hand_over(relations, files_before + bytes_read);
    };
    for (const auto& file : files_) {
        Batch batch;
        const std::string used = read_csv(file.string(), encoding_, batch, problems_, &hand);
        if (used != "UTF-8") encodings_.push_back({file.string(), used});
        std::error_code error;
        const auto size = std::filesystem::file_size(file, error);
        files_before += error ? 0 : size;
        if (!batch.relations.empty() && !hand_over(batch.relations, files_before)) break;
        const std::lock_guard lock(mutex_);
        if (cancelled_) break;
    }
    {
        const std::lock_guard lock(mutex_);
        read_done_ = true;
    }
    changed_.notify_all();
}

void RelationStream::check() {
    pthread_setname_np(pthread_self(), "kz-check");
    const Checks* checks = nullptr;
    {
        std::unique_lock lock(mutex_);
        changed_.wait(lock, [this] { return cancelled_ || checks_ != nullptr; });
        if (cancelled_) return;
        checks = checks_.get();
    }
    for (;;) {
        Parsed parsed;
        {
            std::unique_lock lock(mutex_);
            changed_.wait(lock, [this] { return cancelled_ || !parsed_.empty() || read_done_; });
            if (cancelled_) return;
            if (parsed_.empty()) break;  // every file read and checked
            parsed = std::move(parsed_.front());
            parsed_.pop_front();
        }
        changed_.notify_all();  // room for the reader
        if (!check_and_queue(*checks, parsed)) return;
    }
    ids_.report_repeats(duplicates_);
    problems_.add_all(duplicates_);  // the reading thread is done with problems_
    {
        const std::lock_guard lock(mutex_);
        finished_ = true;
    }
    changed_.notify_all();
}

void RelationStream::give_back(Chunk&& chunk) {
    const std::lock_guard lock(mutex_);
    if (!finished_) spent_.push_back(std::move(chunk));
}  // after the last chunk, freed here: the checking thread has nothing left to do it

std::optional<RelationStream::Chunk> RelationStream::next() {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [this] { return finished_ || !ready_.empty(); });
    if (ready_.empty()) return std::nullopt;
    auto chunk = std::move(ready_.front());
    ready_.pop_front();
    lock.unlock();
    changed_.notify_all();
    return chunk;
}

}  // namespace kizuna::importers
