#pragma once
// What the writing operators share: Eager (every input row gathered before the first write, so that a
// clause never reads its own writes) and the writes of patterns, properties and labels.
#include "operators/operator.h"

namespace kizuna::cypher {

// Gathers every input row before the first write, so that a clause never reads its own writes.
class Eager : public Operator {
  public:
    using Operator::Operator;
    // Writes happen even when nothing downstream asks for the rows (LIMIT 0).
    void finish(Context& context) override {
        Row unused;
        if (!started_) (void)next(unused, context);
        Operator::finish(context);
    }

  protected:
    bool produce(Row& row, Context& context) override {
        started_ = true;
        if (!done_) {
            done_ = true;
            Row in;
            std::vector<Row> rows;
            while (pull(in, context)) {
                hold(in, context);
                rows.push_back(std::move(in));
                check_held(rows.size(), context);
            }
            for (auto& r : rows) {
                context.tick();
                write(std::move(r), context, out_);
                check_held(out_.size(), context);
            }
        }
        if (at_ >= out_.size()) {
            release_held(context);
            return false;
        }
        row = std::move(out_[at_++]);
        return true;
    }
    // Writes for one gathered row and gives the rows that follow from it (one, unless overridden).
    virtual void write(Row&& row, Context& context, std::vector<Row>& out) {
        apply(row, context);
        out.push_back(std::move(row));
    }
    virtual void apply(Row& row, Context& context) = 0;
    bool started_ = false;

  private:
    bool done_ = false;
    std::vector<Row> out_;
    std::size_t at_ = 0;
};

// The properties a map expression gives (nulls left out); throws TypeError for a value that is not a map.
[[nodiscard]] Map properties_of(const ExprPtr& e, Row& row, Context& context);
// Refuses a property value the graph cannot store (maps, nodes, nested lists).
void check_storable(const std::string& key, const Value& v);
// Creates the nodes and relationships of patterns that are not bound yet, binding them in row.
void create_pattern(const std::vector<PatternPart>& parts, Row& row, Context& context);
void set_property(const Value& target, const std::string& key, const Value& value, Context& context);
void apply_set(const std::vector<SetItem>& items, Row& row, Context& context);

}  // namespace kizuna::cypher
