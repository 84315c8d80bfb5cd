// ORDER BY: Sort gathers every row and sorts them stably; TopK (ORDER BY with LIMIT) keeps only the
// first SKIP + LIMIT rows as they come, in a heap whose top is the last of them: sorting a million rows
// for ten holds ten. Every comparison ticks the clock.
#include <algorithm>

#include "operators/operator.h"

namespace kizuna::cypher {
namespace {

using SortKeys = std::vector<Value>;

SortKeys sort_keys(const Projection& p, Row& row, Context& context) {
    SortKeys keys;
    keys.reserve(p.order.size());
    for (const auto& s : p.order) keys.push_back(evaluate(*s.expr, row, context));
    return keys;
}

// -1, 0 or 1: a before b, tied, after.
int compare_keys(const Projection& p, const SortKeys& a, const SortKeys& b, const PropertyGraph* graph) {
    for (std::size_t i = 0; i < p.order.size(); ++i) {
        const int c = order(a[i], b[i], graph);
        if (c != 0) return (p.order[i].descending ? -c : c) < 0 ? -1 : 1;
    }
    return 0;
}

class Sort : public GatheringOperator {
  public:
    Sort(OperatorPtr input, const Projection& projection)
        : GatheringOperator("Sort", std::move(input)), p_(projection) {}

  protected:
    void gather(Context& context) override {
        std::vector<std::pair<SortKeys, Row>> rows;
        Row in;
        while (pull(in, context)) {
            hold(in, context);
            auto keys = sort_keys(p_, in, context);
            rows.emplace_back(std::move(keys), std::move(in));
            check_held(rows.size(), context);
        }
        std::stable_sort(rows.begin(), rows.end(), [&](const auto& a, const auto& b) {
            context.tick();
            return compare_keys(p_, a.first, b.first, context.graph) < 0;
        });
        out_.reserve(rows.size());
        for (auto& r : rows) out_.push_back(std::move(r.second));
    }

  private:
    const Projection& p_;
};

class TopK : public GatheringOperator {
  public:
    TopK(OperatorPtr input, const Projection& projection, std::size_t keep)
        : GatheringOperator("TopK", std::move(input)), p_(projection), keep_(keep) {}

  protected:
    struct Entry {
        SortKeys keys;
        std::size_t seq;
        Row row;
    };

    void gather(Context& context) override {
        const auto before = [&](const Entry& a, const Entry& b) {
            const int c = compare_keys(p_, a.keys, b.keys, context.graph);
            return c != 0 ? c < 0 : a.seq < b.seq;  // stable: equal keys keep their input order
        };
        std::vector<Entry> heap;
        Row in;
        std::size_t seq = 0;
        while (pull(in, context)) {
            if (keep_ == 0) continue;
            Entry entry{sort_keys(p_, in, context), seq++, {}};
            if (heap.size() == keep_ && !before(entry, heap.front())) continue;
            hold(in, context);
            entry.row = std::move(in);
            if (heap.size() == keep_) {
                std::pop_heap(heap.begin(), heap.end(), before);
                release(heap.back().row, context);
                heap.pop_back();
            }
            heap.push_back(std::move(entry));
            std::push_heap(heap.begin(), heap.end(), before);
            check_held(heap.size(), context);
        }
        std::sort_heap(heap.begin(), heap.end(), before);
        for (auto& e : heap) out_.push_back(std::move(e.row));
    }

  private:
    const Projection& p_;
    std::size_t keep_;
};

}  // namespace

OperatorPtr make_sort(OperatorPtr input, const Projection& projection) {
    return std::make_unique<Sort>(std::move(input), projection);
}

OperatorPtr make_top_k(OperatorPtr input, const Projection& projection, std::size_t keep) {
    return std::make_unique<TopK>(std::move(input), projection, keep);
}

}  // namespace kizuna::cypher
