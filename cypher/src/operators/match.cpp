// MATCH and OPTIONAL MATCH: the matches of the clause's patterns for each input row, searched from the
// anchors the plan chose (matcher.h), in batches so that no row's matches are all held at once.
#include "match_stream.h"
#include "matcher.h"
#include "operators/operator.h"

namespace kizuna::cypher {
namespace {

class Match : public Operator {
  public:
    Match(OperatorPtr input, const Clause& clause, std::shared_ptr<const MatchPlan> plan)
        : Operator(clause.optional ? "OptionalMatch" : "Match", std::move(input)),
          clause_(clause),
          plan_(std::move(plan)) {}

  protected:
    bool produce(Row& row, Context& context) override {
        for (;;) {
            if (at_ < buffer_.size()) {
                row = std::move(buffer_[at_++]);
                return true;
            }
            buffer_.clear();
            at_ = 0;
            if (stream_) {
                // A large expansion: its next batch, or on to the next input row.
                if (stream_->next(buffer_)) continue;
                stream_.reset();
            }
            if (!pull(in_, context)) return false;
            // Most input rows match a few times: searched here at once. One that matches more than a
            // batch is searched again as a stream (match_stream.h), so no row's matches are all held.
            bool overflow = false;
            match_pattern(clause_.patterns, *plan_, in_, context, [&](Row& found) {
                if (buffer_.size() >= kBatch) {
                    overflow = true;
                    return false;
                }
                buffer_.push_back(found);
                return true;
            });
            if (overflow) {
                buffer_.clear();
                stream_ = std::make_unique<MatchStream>(
                    [this, &context](const std::function<bool(Row&)>& found) {
                        match_pattern(clause_.patterns, *plan_, in_, context, found);
                    },
                    kBatch);
                continue;
            }
            if (buffer_.empty() && clause_.optional) {
                for (int s : clause_.introduced) in_[static_cast<std::size_t>(s)] = Value();
                buffer_.push_back(in_);
            }
        }
    }

  private:
    static constexpr std::size_t kBatch = 4096;
    const Clause& clause_;
    std::shared_ptr<const MatchPlan> plan_;
    Row in_;
    std::vector<Row> buffer_;
    std::size_t at_ = 0;
    std::unique_ptr<MatchStream> stream_;
};

}  // namespace

OperatorPtr make_match(OperatorPtr input, const Clause& clause, std::shared_ptr<const MatchPlan> plan) {
    return std::make_unique<Match>(std::move(input), clause, std::move(plan));
}

}  // namespace kizuna::cypher
