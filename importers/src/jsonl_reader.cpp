// Reads JSON Lines: one {"entity": …}, {"relation": …} or {"type": …} object per line.
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>

#include "batch.h"
#include "kizuna/core/errors.h"
#include "kizuna/core/json.h"
#include "kizuna/core/validation.h"

namespace kizuna::importers {

namespace {

// nlohmann's message without its "[json.exception.parse_error.101] parse error at line 1, column 20: "
// prefix.
std::string plain_message(const nlohmann::json::exception& e) {
    std::string message = e.what();
    if (auto bracket = message.find("] ");
        message.rfind("[json.exception", 0) == 0 && bracket != std::string::npos) {
        message.erase(0, bracket + 2);
    }
    if (auto colon = message.find(": "); message.rfind("parse error", 0) == 0 && colon != std::string::npos) {
        message.erase(0, colon + 2);
    }
    return message;
}

}  // namespace

namespace {

// Parses one line, refusing an object that names a key twice (JSON leaves it open which one counts;
// the data must not depend on that).
nlohmann::json parse_without_repeated_keys(const std::string& line) {
    std::vector<std::set<std::string>> keys;  // of each object being parsed, innermost last
    std::string repeated;
    auto check = [&](int, nlohmann::json::parse_event_t event, nlohmann::json& parsed) {
        if (event == nlohmann::json::parse_event_t::object_start) {
            keys.emplace_back();
        } else if (event == nlohmann::json::parse_event_t::object_end) {
            if (!keys.empty()) keys.pop_back();
        } else if (event == nlohmann::json::parse_event_t::key && !keys.empty()) {
            const auto& key = parsed.get_ref<const std::string&>();
            if (!keys.back().insert(key).second && repeated.empty()) repeated = key;
        }
        return true;
    };
    auto object = nlohmann::json::parse(line, check);
    if (!repeated.empty()) throw InvalidDataError("the key '" + repeated + "' appears twice in one object");
    return object;
}

}  // namespace

void read_jsonl(const std::string& file, Batch& batch, Problems& problems) {
    std::ifstream in(file, std::ios::binary);
    if (!in) {
        problems.add({file, 0}, "cannot open the file");
        return;
    }
    read_jsonl(in, file, batch, problems);
}

void read_jsonl(std::istream& in, const std::string& file, Batch& batch, Problems& problems) {
    const auto file_name = std::make_shared<const std::string>(file);
    std::string line;
    std::size_t line_number = 0;
    while (std::getline(in, line)) {
        ++line_number;
        if (line_number == 1 && line.rfind("\xEF\xBB\xBF", 0) == 0) line.erase(0, 3);
        if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
        const Place place{file_name, line_number};
        try {
            const auto object = parse_without_repeated_keys(line);
            if (!object.is_object() || object.size() != 1) {
                throw InvalidDataError(
                    R"(each line must be one object: {"entity": …}, {"relation": …}, {"type": …} or {"kind": …})");
            }
            const auto first = object.begin();
            const std::string& key = first.key();
            const auto& value = first.value();
            if (key == "entity") {
                batch.entities.push_back({value.get<Entity>(), place});
            } else if (key == "relation") {
                batch.relations.push_back({value.get<Relation>(), place});
            } else if (key == "type") {
                batch.types.push_back({value.get<RelationType>(), place});
            } else if (key == "kind") {
                batch.kinds.push_back({value.get<EntityKind>(), place});
            } else if (key == "redirect") {
                batch.redirects.push_back({parse_redirect(value), place});
            } else if (key == "relation_redirect") {
                batch.relation_redirects.push_back({parse_relation_redirect(value), place});
            } else if (key == "not_duplicates") {
                batch.judgements.push_back({parse_judgement(value), place});
            } else {
                throw InvalidDataError("unknown record '" + key +
                                       "' (expected entity, relation, type, kind, redirect, "
                                       "relation_redirect or not_duplicates)");
            }
        } catch (const nlohmann::json::parse_error& e) {
            problems.add(place, "not valid JSON at column " + std::to_string(e.byte) +
                                    (in.eof() ? " (is the file truncated?)" : "") + ": " + plain_message(e));
        } catch (const nlohmann::json::exception& e) {
            problems.add(place, "unexpected JSON value: " + plain_message(e));
        } catch (const InvalidDataError& e) {
            problems.add(place, e.what());
        }
    }
}

}  // namespace kizuna::importers
