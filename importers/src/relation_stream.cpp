#include "relation_stream.h"

#include "kizuna/core/errors.h"
#include "kizuna/core/validation.h"

namespace kizuna::importers {

RelationStream::RelationStream(std::vector<std::filesystem::path> files)
    : files_(std::move(files)), thread_([this] { run(); }) {}

RelationStream::~RelationStream() {
    {
        const std::lock_guard lock(mutex_);
        cancelled_ = true;
    }
    changed_.notify_all();
    thread_.join();
}

Store::EncodedRelation RelationStream::Checks::check_and_encode(const Located<Relation>& item, Problems& problems,
                                                                bool& valid) const {
    const Relation& relation = item.value;
    const auto from = entities.find(relation.from), to = entities.find(relation.to);
    const auto knows_type = [this](const std::string& id) { return types.count(id) > 0; };
    const auto knows_entity = [&](const std::string& id) {
        if (id == relation.from) return from != entities.end();
        if (id == relation.to) return to != entities.end();
        return entities.count(id) > 0;
    };
    try {
        validate_relation(relation, knows_type, knows_entity);
    } catch (const InvalidDataError& e) {
        problems.add(item.place, e.what());
        valid = false;
    }
    auto encoded = Store::encode(relation);
    encoded.from_row = from == entities.end() ? 0 : from->second;
    encoded.to_row = to == entities.end() ? 0 : to->second;
    return encoded;
}

void RelationStream::check_with(std::shared_ptr<const Checks> checks) {
    {
        const std::lock_guard lock(mutex_);
        checks_ = std::move(checks);
    }
    changed_.notify_all();
}

const RelationStream::Checks* RelationStream::wait_for_checks() {
    if (checking_ == nullptr) {
        std::unique_lock lock(mutex_);
        changed_.wait(lock, [this] { return cancelled_ || checks_ != nullptr; });
        if (!cancelled_) checking_ = checks_.get();
    }
    return checking_;
}

bool RelationStream::hand_over(std::vector<Located<Relation>>& relations) {
    // Until the checks come (the import's entities are being written), read ahead a little.
    if (checking_ == nullptr && unchecked_.size() < kUncheckedChunks) {
        const std::lock_guard lock(mutex_);
        if (checks_ == nullptr && !cancelled_) {
            unchecked_.push_back(std::move(relations));
            return true;
        }
    }
    return check_all(relations);
}

bool RelationStream::check_all(std::vector<Located<Relation>>& relations) {
    const Checks* checks = wait_for_checks();
    if (checks == nullptr) return false;
    for (auto& earlier : unchecked_) {
        if (!check_and_queue(*checks, earlier)) return false;
    }
    unchecked_.clear();
    return relations.empty() || check_and_queue(*checks, relations);
}

bool RelationStream::check_and_queue(const Checks& checks, std::vector<Located<Relation>>& relations) {
    Chunk chunk;
    chunk.encoded.reserve(relations.size());
    for (const auto& item : relations) {
        ids_.record(item.value.id, item.place);
        chunk.encoded.push_back(checks.check_and_encode(item, invalid_, chunk.valid));
    }
    chunk.relations = std::move(relations);
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

void RelationStream::run() {
    const RelationHandOver hand = [this](std::vector<Located<Relation>>& relations) { return hand_over(relations); };
    for (const auto& file : files_) {
        Batch batch;
        read_csv(file.string(), batch, problems_, &hand);
        if (!batch.relations.empty() && !hand_over(batch.relations)) break;
        const std::lock_guard lock(mutex_);
        if (cancelled_) break;
    }
    std::vector<Located<Relation>> none;
    if (!unchecked_.empty()) (void)check_all(none);  // the chunks read ahead of the checks

    ids_.report_repeats(duplicates_);
    problems_.add_all(duplicates_);
    {
        const std::lock_guard lock(mutex_);
        finished_ = true;
    }
    changed_.notify_all();
}

void RelationStream::give_back(Chunk&& chunk) {
    const std::lock_guard lock(mutex_);
    if (!finished_) spent_.push_back(std::move(chunk));
}  // after the last chunk, freed here: the reading thread has nothing left to do it

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
