#pragma once
// Private to viz: small helpers around the Graphviz C API (ownership, const-correct names, errors).
#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>

#include <string>

namespace kizuna::viz {

struct GraphCloser {
    void operator()(Agraph_t* g) const { agclose(g); }
};
struct RenderDataFreer {
    void operator()(char* data) const { gvFreeRenderData(data); }
};

// cgraph takes char* for names and values it only reads.
inline char* c(const std::string& text) { return const_cast<char*>(text.c_str()); }
inline char* c(const char* text) { return const_cast<char*>(text); }

// Sets an attribute, declaring it (default "") on first use; cgraph copies the value.
inline void set(void* object, const char* name, const std::string& value) {
    agsafeset(object, c(name), c(value), c(""));
}

// The last error Graphviz reported (see remember_graphviz_error), for our own messages.
inline std::string& last_graphviz_error() {
    static std::string message;
    return message;
}
inline int remember_graphviz_error(char* message) {
    last_graphviz_error() = message ? message : "";
    return 0;
}

}  // namespace kizuna::viz
