// Two threads taking turns: the caller asks (worker's turn), the worker fills a batch or finishes
// (caller's turn).
#include "match_stream.h"

namespace kizuna::cypher {

MatchStream::MatchStream(Search search, std::size_t batch)
    : batch_size_(batch), worker_([this, search = std::move(search)] { work(search); }) {}

MatchStream::~MatchStream() {
    {
        std::unique_lock lock(mutex_);
        stop_ = true;
        if (!finished_) {
            worker_turn_ = true;
            turn_changed_.notify_all();
        }
    }
    worker_.join();
}

void MatchStream::hand_over(std::unique_lock<std::mutex>& lock, bool to_worker) {
    worker_turn_ = to_worker;
    turn_changed_.notify_all();
    turn_changed_.wait(lock, [&] { return worker_turn_ != to_worker || (to_worker && finished_); });
}

void MatchStream::work(const Search& search) {
    std::unique_lock lock(mutex_);
    turn_changed_.wait(lock, [&] { return worker_turn_; });
    if (!stop_) {
        lock.unlock();
        try {
            search([&](Row& row) {
                batch_.push_back(row);
                if (batch_.size() < batch_size_) return true;
                std::unique_lock handing(mutex_);
                hand_over(handing, false);
                return !stop_;
            });
        } catch (...) {
            error_ = std::current_exception();
        }
        lock.lock();
    }
    finished_ = true;
    worker_turn_ = false;
    turn_changed_.notify_all();
}

bool MatchStream::next(std::vector<Row>& out) {
    std::unique_lock lock(mutex_);
    out.clear();
    if (!finished_) hand_over(lock, true);
    out.swap(batch_);
    if (error_) {
        auto error = error_;
        error_ = nullptr;
        std::rethrow_exception(error);
    }
    return !out.empty();
}

}  // namespace kizuna::cypher
