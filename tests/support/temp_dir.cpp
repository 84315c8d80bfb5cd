#include "temp_dir.h"

#include <fstream>
#include <nlohmann/json.hpp>
#include <random>
#include <sstream>

#include "kizuna/core/json.h"
#include "kizuna/core/store.h"

namespace kizuna::test {

TempDir::TempDir() {
    std::random_device random;
    path_ = std::filesystem::temp_directory_path() /
            ("kizuna-test-" + std::to_string(random()) + std::to_string(random()));
    std::filesystem::create_directories(path_);
}

TempDir::~TempDir() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
}

void write_file(const std::filesystem::path& path, const std::string& text) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << text;
}

std::string read_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

std::string database_dump(const std::filesystem::path& db) {
    Store store = Store::open(db, Store::Mode::ReadOnly);
    std::string dump = "generation " + std::to_string(store.generation()) + "\n";
    for (const auto& type : store.relation_types()) dump += nlohmann::json(type).dump() + "\n";
    for (const auto& kind : store.entity_kinds()) dump += nlohmann::json(kind).dump() + "\n";
    store.for_each_entity([&](const Entity& e) { dump += nlohmann::json(e).dump() + "\n"; });
    store.for_each_relation([&](const Relation& r) { dump += nlohmann::json(r).dump() + "\n"; });
    return dump;
}

std::filesystem::path dataset_dir() { return KIZUNA_TEST_DATA_DIR; }
std::filesystem::path cli_cases_dir() { return KIZUNA_CLI_CASES_DIR; }

}  // namespace kizuna::test
