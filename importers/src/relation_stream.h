#pragma once
// Private to importers: relation CSV files read on a second thread and handed over in chunks through a
// bounded queue. Parsing then overlaps validation and writing on the other core, and a large file is
// never held in memory whole.
#include <condition_variable>
#include <deque>
#include <filesystem>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

#include "batch.h"
#include "kizuna/core/store.h"
#include "unique_ids.h"

namespace kizuna::importers {

class RelationStream {
public:
    // Starts reading the files, in order, at once.
    explicit RelationStream(std::vector<std::filesystem::path> files);
    // Stops the reading (when it has not ended) and waits for the thread.
    ~RelationStream();
    RelationStream(const RelationStream&) = delete;
    RelationStream& operator=(const RelationStream&) = delete;

    // Relations read, each with its encoded attributes and sources (encoded here, off the writing thread).
    struct Chunk {
        std::vector<Located<Relation>> relations;
        std::vector<Store::EncodedRelation> encoded;
    };
    // The next chunk, in file order; nullopt once every file has been read.
    [[nodiscard]] std::optional<Chunk> next();
    // The problems of the files: reading, and relation ids repeated among them (checked here, on the
    // reading thread). REQUIRES for both: next() has returned nullopt.
    [[nodiscard]] const Problems& problems() const { return problems_; }
    [[nodiscard]] const UniqueIds<Relation>& ids() const { return ids_; }

private:
    void run();
    bool hand_over(std::vector<Located<Relation>>& relations);

    static constexpr std::size_t kQueuedChunks = 4;
    std::vector<std::filesystem::path> files_;
    std::mutex mutex_;
    std::condition_variable changed_;
    std::deque<Chunk> ready_;
    bool finished_ = false;
    bool cancelled_ = false;
    Problems problems_;
    Problems duplicates_;  // reported after the reading problems
    UniqueIds<Relation> ids_{"relation"};
    std::thread thread_;
};

}  // namespace kizuna::importers
