#pragma once
// The answer of `kizuna init`: which database, whether it was created, its schema and its size.
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>

namespace kizuna::cli {

struct DatabaseSummary {
    std::string database;
    bool created = false;
    int schema_version = 0;
    std::int64_t entities = 0, relations = 0;
};

inline void to_json(nlohmann::json& out, const DatabaseSummary& summary) {
    out = {{"database", summary.database},
           {"created", summary.created},
           {"schema_version", summary.schema_version},
           {"entities", summary.entities},
           {"relations", summary.relations}};
}

}  // namespace kizuna::cli
