#pragma once
// Private to core: an INSERT whose rows are sent kRowsPerRun to one statement run. Starting a statement
// costs SQLite about as much as inserting the row, so a large import spent half its writing time on it;
// 32 rows to a run (measured: 8 to 64 do as well) roughly halve that.
#include <SQLiteCpp/SQLiteCpp.h>

#include <cstddef>
#include <string>
#include <vector>

namespace kizuna {

template <typename Row, int kColumns>
class BatchedInsert {
  public:
    static constexpr std::size_t kRowsPerRun = 32;
    // Binds a row's values to parameters first + 1 .. first + kColumns. Values may be bound without a
    // copy: rows stay put until their statement has run.
    using Bind = void (*)(SQLite::Statement& statement, int first, const Row& row);

    // head: "INSERT INTO t(a, b) VALUES "; tail: what follows the rows (e.g. an ON CONFLICT clause).
    BatchedInsert(SQLite::Database& db, const std::string& head, const std::string& tail, Bind bind)
        : one_(db, statement(head, 1, tail)), many_(db, statement(head, kRowsPerRun, tail)), bind_(bind) {
        pending_.reserve(kRowsPerRun);
    }

    // Queues a row; returns the rows changed by the statements this ran (an upsert that finds nothing
    // new changes none).
    std::size_t add(Row row) {
        pending_.push_back(std::move(row));
        return pending_.size() == kRowsPerRun ? flush() : 0;
    }

    // Runs what is queued; returns the rows it changed.
    std::size_t flush() {
        std::size_t changed = 0;
        if (pending_.size() == kRowsPerRun) {
            for (std::size_t i = 0; i < pending_.size(); ++i)
                bind_(many_, static_cast<int>(kColumns * i), pending_[i]);
            changed += static_cast<std::size_t>(many_.exec());
            many_.reset();
        } else {
            for (const auto& row : pending_) {
                bind_(one_, 0, row);
                changed += static_cast<std::size_t>(one_.exec());
                one_.reset();
            }
        }
        pending_.clear();
        return changed;
    }

  private:
    static std::string statement(const std::string& head, std::size_t rows, const std::string& tail) {
        std::string row = "(";
        for (int c = 0; c < kColumns; ++c) row += c == 0 ? "?" : ",?";
        row += ")";
        std::string sql = head;
        for (std::size_t i = 0; i < rows; ++i) sql += (i == 0 ? "" : ",") + row;
        return sql + tail;
    }

    SQLite::Statement one_, many_;
    Bind bind_;
    std::vector<Row> pending_;
};

}  // namespace kizuna
