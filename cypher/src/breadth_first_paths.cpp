// Breadth-first search from one end, then the predecessor lists unfolded into paths.
#include "breadth_first_paths.h"

#include <algorithm>
#include <deque>
#include <map>

namespace kizuna::cypher {
namespace {

constexpr std::size_t kMaxShortestPaths = 10'000;

}  // namespace

std::vector<Path> breadth_first_paths(const PropertyGraph& graph, NodeId from, NodeId to, Direction direction,
                                      const std::vector<std::string>& types, std::size_t max_hops, bool all) {
    // Breadth-first from `from`, keeping every predecessor step at the shortest distance.
    std::map<NodeId, std::size_t> distance{{from, 0}};
    std::map<NodeId, std::vector<Step>> parents;
    std::deque<NodeId> queue{from};
    while (!queue.empty()) {
        const auto at = queue.front();
        queue.pop_front();
        const auto d = distance[at];
        if (distance.count(to) && d >= distance[to]) break;
        if (d >= max_hops) continue;
        graph.for_each_step(at, direction, types, [&](const Step& s) {
            auto found = distance.find(s.other);
            if (found == distance.end()) {
                distance[s.other] = d + 1;
                parents[s.other].push_back({s.rel, at});
                queue.push_back(s.other);
            } else if (found->second == d + 1) {
                parents[s.other].push_back({s.rel, at});
            }
            return true;
        });
    }
    std::vector<Path> paths;
    if (!distance.count(to) || from == to) return paths;
    // Unfold the predecessor lists into paths, backwards from `to`.
    std::vector<std::pair<NodeId, Path>> stack{{to, Path{{to}, {}}}};
    while (!stack.empty()) {
        auto [at, partial] = stack.back();
        stack.pop_back();
        if (at == from) {
            std::reverse(partial.nodes.begin(), partial.nodes.end());
            std::reverse(partial.rels.begin(), partial.rels.end());
            paths.push_back(std::move(partial));
            // At most as many as Kizuna's own search gives (queries/): the number can grow
            // exponentially with the length.
            if (!all || paths.size() >= kMaxShortestPaths) break;
            continue;
        }
        for (const auto& p : parents[at]) {
            Path next = partial;
            next.rels.push_back(p.rel);
            next.nodes.push_back(p.other);
            stack.push_back({p.other, std::move(next)});
        }
    }
    return paths;
}

}  // namespace kizuna::cypher
