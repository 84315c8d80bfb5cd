#pragma once
// Private to core: recording a write as a change of the history (history.h), for BulkWrite::run and undo.
#include <SQLiteCpp/SQLiteCpp.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "kizuna/core/changeset.h"
#include "kizuna/core/history.h"
#include "store_impl.h"

namespace kizuna {

// The tables whose rows the history records, in the order a record lists them.
extern const std::vector<std::string> kRecordedTables;

// Writes the change row; returns its sequence number.
std::int64_t record_change(SQLite::Database& db, const ChangeNote& note, const std::string& kind,
                           std::optional<std::int64_t> undoes, const Store::WriteSummary& counts,
                           const std::string& record);

// Moves the data stamp on (meta's generation + 1 and a fresh random data version: Store::data_stamp) and,
// when the write was recorded as change `change`, writes the new stamp on it (graph_delta.h reads it).
void bump_data_stamp(SQLite::Database& db, std::optional<std::int64_t> change);

// One write's recording, around BulkWrite::run's transaction.
class ChangeRecording {
  public:
    // Outside the transaction: a write that may be a bulk load attaches an in-memory database to keep
    // the vocabulary as it was (ATTACH cannot run inside a transaction).
    ChangeRecording(Store::Impl& impl, bool may_be_bulk_load);
    ~ChangeRecording();
    ChangeRecording(const ChangeRecording&) = delete;
    ChangeRecording& operator=(const ChangeRecording&) = delete;

    // Inside the transaction, before the body: a bulk load when planned and the data is empty.
    void begin(bool data_empty);
    // After the body, before the commit: the change, when the write changed something.
    void finish(const Store::WriteSummary& summary);
    // The change finish() recorded, if any.
    [[nodiscard]] std::optional<std::int64_t> recorded() const { return seq_; }

  private:
    Store::Impl& impl_;
    bool attached_ = false;
    bool bulk_load_ = false;
    std::optional<std::int64_t> seq_;
    std::unique_ptr<changeset::Recorder> recorder_;
};

}  // namespace kizuna
