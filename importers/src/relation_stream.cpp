#include "relation_stream.h"

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

bool RelationStream::hand_over(std::vector<Located<Relation>>& relations) {
    Chunk chunk;
    chunk.encoded.reserve(relations.size());
    for (const auto& item : relations) {
        ids_.check(item, duplicates_);
        chunk.encoded.push_back(Store::encode(item.value));
    }
    chunk.relations = std::move(relations);
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [this] { return cancelled_ || ready_.size() < kQueuedChunks; });
    if (cancelled_) return false;
    ready_.push_back(std::move(chunk));
    lock.unlock();
    changed_.notify_all();
    return true;
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
    problems_.add_all(duplicates_);
    {
        const std::lock_guard lock(mutex_);
        finished_ = true;
    }
    changed_.notify_all();
}

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
