#pragma once
// The matches of one input row, in batches, without holding them all: the backtracking search runs on a
// worker thread that hands over a batch and waits until the next is asked for. Exactly one of the two
// threads runs at any time, so the store, the graph and the query's context are never used at once by
// both; an exception of the search is rethrown to the caller. Dropping the stream stops the search.
#include <condition_variable>
#include <exception>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

#include "evaluator.h"

namespace kizuna::cypher {

class MatchStream {
  public:
    // search calls found(row) for each match and stops when found returns false.
    using Search = std::function<void(const std::function<bool(Row&)>& found)>;
    MatchStream(Search search, std::size_t batch);
    ~MatchStream();
    MatchStream(const MatchStream&) = delete;
    MatchStream& operator=(const MatchStream&) = delete;

    // The next batch into out (replacing it); false when the search has finished and nothing is left.
    bool next(std::vector<Row>& out);

  private:
    void work(const Search& search);
    // Hands the turn to the other thread and waits for it to come back. REQUIRES: lock held.
    void hand_over(std::unique_lock<std::mutex>& lock, bool to_worker);

    std::size_t batch_size_;
    std::mutex mutex_;
    std::condition_variable turn_changed_;
    bool worker_turn_ = false;
    bool finished_ = false;
    bool stop_ = false;
    std::exception_ptr error_;
    std::vector<Row> batch_;
    std::thread worker_;
};

}  // namespace kizuna::cypher
