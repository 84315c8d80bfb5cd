#pragma once
// Generated relation files for the importer tests: large enough to be streamed in several chunks.
#include <string>

namespace kizuna::test {

// A relations file of n rows between entities ent-a and ent-b (ids r0 … r{n-1}), with the given row replaced.
inline std::string many_relations(int n, int bad_row = -1, const std::string& bad = "") {
    std::string text = "id,type,from,to,start\n";
    for (int i = 0; i < n; ++i) {
        if (i == bad_row) {
            text += bad;
        } else {
            text += 'r';
            text += std::to_string(i);
            text += ",mou,ent-a,ent-b,2020";
        }
        text += '\n';
    }
    return text;
}

}  // namespace kizuna::test
