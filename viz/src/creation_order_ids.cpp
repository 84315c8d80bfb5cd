#include "creation_order_ids.h"

#include <map>
#include <string>
#include <vector>

#include "cgraph_helpers.h"

namespace kizuna::viz {

namespace {

// Per root graph: each name its even ID (2, 4, ... in the order first asked for), anonymous objects odd
// ones (as cgraph's own discipline tells them apart), and the names back by ID for agnameof and agwrite -
// interned in the graph's string pool, as cgraph expects of a name (agwrite reads its HTML mark there).
struct CreationOrder {
    Agraph_t* root = nullptr;
    std::map<std::string, IDTYPE, std::less<>> ids;
    std::vector<char*> names;  // names[i] has ID 2 * (i + 1); the pool frees them when the graph closes
    IDTYPE next_anonymous = 1;
};

void* open_ids(Agraph_t* root, Agdisc_t*) {
    auto* order = new CreationOrder;
    order->root = root;
    return order;
}

long map_id(void* state, int, char* name, IDTYPE* id, int create) {
    auto& order = *static_cast<CreationOrder*>(state);
    if (name == nullptr) {
        *id = order.next_anonymous;
        order.next_anonymous += 2;
        return 1;
    }
    if (const auto it = order.ids.find(name); it != order.ids.end()) {
        *id = it->second;
        return 1;
    }
    if (create == 0) return 0;  // not made yet: cgraph finds nothing
    order.names.push_back(agstrdup(order.root, name));
    *id = static_cast<IDTYPE>(2 * order.names.size());
    order.ids.emplace(name, *id);
    return 1;
}

long alloc_id(void*, int, IDTYPE) { return 0; }  // no object asks for an ID of its own choosing

void free_id(void*, int, IDTYPE) {}  // a name stays until the graph closes: another object may share it

char* print_id(void* state, int, IDTYPE id) {
    auto& order = *static_cast<CreationOrder*>(state);
    if (id % 2 != 0 || id == 0 || id / 2 > order.names.size()) return nullptr;
    return order.names[id / 2 - 1];
}

void close_ids(void* state) { delete static_cast<CreationOrder*>(state); }

void register_id(void*, int, void*) {}

Agiddisc_t creation_order_ids = {open_ids, map_id, alloc_id, free_id, print_id, close_ids, register_id};
Agdisc_t creation_order_discipline = {&AgMemDisc, &creation_order_ids, &AgIoDisc};

}  // namespace

Agraph_t* open_in_creation_order(const char* name, Agdesc_t kind) {
    return agopen(c(name), kind, &creation_order_discipline);
}

}  // namespace kizuna::viz
