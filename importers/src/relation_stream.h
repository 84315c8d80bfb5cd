#pragma once
// Private to importers: relation CSV files read, checked and encoded off the writing thread and handed
// over in chunks through bounded queues: one thread parses, another checks and encodes, so reading
// overlaps itself and the writing, and a large file is never held in memory whole.
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "batch.h"
#include "id_log.h"
#include "kizuna/core/bulk_write.h"
#include "kizuna/importers/import.h"

namespace kizuna::importers {

class RelationStream {
  public:
    // Starts reading the files, in order, at once, in the encoding given (empty: each file's detected).
    RelationStream(std::vector<std::filesystem::path> files, std::string encoding);
    // Stops the reading (when it has not ended) and waits for the threads.
    ~RelationStream();
    RelationStream(const RelationStream&) = delete;
    RelationStream& operator=(const RelationStream&) = delete;

    // What relations are checked against: the relation types and the entities, with their keys, that
    // exist once the import's own types and entities are written (kNoEntity: known, not written).
    struct Checks {
        std::unordered_set<std::string> types;
        BulkWriter::EntityKeys entities;
        // Merged-away ids and the entities they were merged into: a relation's end there lands here.
        std::unordered_map<std::string, std::string> redirects;
        // Relations merges folded or removed: their records are not checked (nor written).
        std::unordered_set<std::string> merged_away;
        // Validates a relation against these (adding the problem to problems when it fails; then valid
        // is false) and encodes it for the store with its ends' keys (kNoEntity for an unknown entity).
        // Each end is looked up once.
        [[nodiscard]] EncodedRelation check_and_encode(const Located<Relation>& item, Problems& problems,
                                                       bool& valid) const;
        // For a relation that failed its checks: what was probably meant (" (did you mean 'mou'?)"), or "".
        [[nodiscard]] std::string hint(const Relation& relation) const;
    };
    // Hands the checks over. Until then, and whenever checking falls behind, the files are read ahead at
    // most kParsedChunks chunks.
    void check_with(std::shared_ptr<const Checks> checks);

    // Relations read, checked and encoded here, off the writing thread: ends' keys filled in.
    struct Chunk {
        std::vector<Located<Relation>> relations;
        std::vector<EncodedRelation> encoded;
        bool valid = true;  // false when a relation of the chunk failed the checks (see invalid())
        // Bytes of the files, all counted in order, read through the chunk's last relation: progress.
        std::uint64_t bytes_end = 0;
    };
    // The next chunk, in file order; nullopt once every file has been read.
    [[nodiscard]] std::optional<Chunk> next();
    // Gives a chunk back when done with it, to be freed on the checking thread, not the writing one.
    void give_back(Chunk&& chunk);
    // The problems of the files: reading, and relation ids repeated among them; then the relations that
    // failed the checks. REQUIRES for all three: next() has returned nullopt.
    [[nodiscard]] const Problems& problems() const { return problems_; }
    [[nodiscard]] const IdLog& ids() const { return ids_; }
    [[nodiscard]] const Problems& invalid() const { return invalid_; }
    // The files read in another encoding than UTF-8. REQUIRES: next() has returned nullopt.
    [[nodiscard]] const std::vector<FileEncoding>& encodings() const { return encodings_; }

  private:
    void read();   // the parsing thread
    void check();  // the checking thread
    struct Parsed {
        std::vector<Located<Relation>> relations;
        std::uint64_t bytes_end = 0;
    };
    bool hand_over(std::vector<Located<Relation>>& relations, std::uint64_t bytes_end);
    bool check_and_queue(const Checks& checks, Parsed& parsed);

    static constexpr std::size_t kParsedChunks = 16;
    static constexpr std::size_t kQueuedChunks = 4;
    std::vector<std::filesystem::path> files_;
    std::string encoding_;
    std::vector<FileEncoding> encodings_;  // the parsing thread's, until it is done
    std::mutex mutex_;
    std::condition_variable changed_;
    std::deque<Parsed> parsed_;  // read, not yet checked
    bool read_done_ = false;
    std::deque<Chunk> ready_;   // checked and encoded
    std::vector<Chunk> spent_;  // given back, freed by the checking thread
    bool finished_ = false;
    bool cancelled_ = false;
    Problems problems_;    // the parsing thread's, until it is done; then the checking thread adds to it
    Problems duplicates_;  // reported after the reading problems
    Problems invalid_;
    std::shared_ptr<const Checks> checks_;  // set once, under mutex_
    IdLog ids_{"relation"};
    std::thread reader_, checker_;  // started last, when everything above exists
};

}  // namespace kizuna::importers
