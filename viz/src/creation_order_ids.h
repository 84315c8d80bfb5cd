#pragma once
// Private to viz: a cgraph ID discipline that numbers objects in the order they are made. cgraph's own
// gives a named object the address of its interned name as ID, and keeps subgraphs ordered by ID: the
// order of the legend's subgraphs in DOT (and the order layout visits them in) then followed the heap,
// so the same diagram could come out in another order from another run or another graph state.
#include <graphviz/cgraph.h>

namespace kizuna::viz {

// Opens a root graph whose objects are numbered in creation order (close it with agclose as usual).
[[nodiscard]] Agraph_t* open_in_creation_order(const char* name, Agdesc_t kind);

}  // namespace kizuna::viz
