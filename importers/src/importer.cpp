#include <algorithm>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "batch.h"
#include "kizuna/core/errors.h"
#include "kizuna/core/validation.h"
#include "kizuna/importers/import.h"

namespace kizuna {

namespace {

using importers::Batch;
using importers::Place;
using importers::Problems;

std::string lower_extension(const std::filesystem::path& path) {
    std::string extension = path.extension().string();
    std::transform(extension.begin(), extension.end(), extension.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return extension;
}

// A folder stands for the CSV files in it: relation types first, then entities, then relations.
std::vector<std::filesystem::path> expand(const std::vector<std::filesystem::path>& paths, Problems& problems) {
    std::vector<std::filesystem::path> files;
    for (const auto& path : paths) {
        std::error_code error;
        if (!std::filesystem::is_directory(path, error)) {
            files.push_back(path);
            continue;
        }
        std::vector<std::filesystem::path> found;
        for (const auto& item : std::filesystem::directory_iterator(path, error)) {
            if (lower_extension(item.path()) == ".csv") found.push_back(item.path());
        }
        if (found.empty()) problems.add({path.string(), 0}, "folder holds no .csv files");
        std::sort(found.begin(), found.end());
        files.insert(files.end(), found.begin(), found.end());
    }
    return files;
}

void read_file(const std::filesystem::path& path, Batch& batch, Problems& problems) {
    const std::string file = path.string();
    std::error_code error;
    if (!std::filesystem::is_regular_file(path, error)) {
        problems.add({file, 0}, "no such file");
        return;
    }
    const std::string extension = lower_extension(path);
    if (extension == ".csv") {
        importers::read_csv(file, batch, problems);
    } else if (extension == ".jsonl" || extension == ".ndjson") {
        importers::read_jsonl(file, batch, problems);
    } else if (extension == ".graphml" || extension == ".xml") {
        importers::read_graphml(file, batch, problems);
    } else {
        problems.add({file, 0}, "unknown file type '" + extension + "': use .csv, .jsonl or .graphml");
    }
}

// Ids must be unique within one import: a second row with the same id is an error, not an update.
template <typename T>
void check_unique(const std::vector<importers::Located<T>>& items, const char* what, Problems& problems) {
    std::unordered_map<std::string, const Place*> first;
    for (const auto& item : items) {
        const auto [it, inserted] = first.emplace(item.value.id, &item.place);
        if (!inserted) {
            problems.add(item.place, std::string("duplicate ") + what + " id '" + item.value.id + "' (first at " +
                                         *it->second->file + ":" + std::to_string(it->second->line) + ")");
        }
    }
}

void validate(const Store& store, const Batch& batch, Problems& problems) {
    check_unique(batch.types, "relation type", problems);
    check_unique(batch.entities, "entity", problems);
    check_unique(batch.relations, "relation", problems);

    std::unordered_set<std::string> types, entities;
    for (const auto& type : store.relation_types()) types.insert(type.id);
    for (const auto& [type, place] : batch.types) {
        try {
            validate_relation_type(type);
            types.insert(type.id);
        } catch (const InvalidDataError& e) {
            problems.add(place, e.what());
        }
    }
    for (const auto& [entity, place] : batch.entities) {
        try {
            validate_entity(entity);
            entities.insert(entity.id);
        } catch (const InvalidDataError& e) {
            problems.add(place, e.what());
        }
    }
    const auto knows_type = [&](const std::string& id) { return types.count(id) > 0; };
    const auto knows_entity = [&](const std::string& id) { return entities.count(id) > 0 || store.has_entity(id); };
    for (const auto& [relation, place] : batch.relations) {
        try {
            validate_relation(relation, knows_type, knows_entity);
        } catch (const InvalidDataError& e) {
            problems.add(place, e.what());
        }
    }
}

}  // namespace

ImportReport import_files(Store& store, const std::vector<std::filesystem::path>& paths, const ImportOptions& options) {
    Problems problems;
    Batch batch;
    for (const auto& file : expand(paths, problems)) read_file(file, batch, problems);
    validate(store, batch, problems);
    problems.throw_if_any();

    ImportReport report;
    report.types_read = batch.types.size();
    report.entities_read = batch.entities.size();
    report.relations_read = batch.relations.size();
    if (options.dry_run) return report;

    const std::size_t total = report.types_read + report.entities_read + report.relations_read;
    constexpr std::size_t kProgressEvery = 10000;
    std::size_t done = 0;
    auto tick = [&] {
        if (options.progress && (++done % kProgressEvery == 0 || done == total)) options.progress(done, total);
    };
    // Past this many relations, rebuilding the relation indexes once beats updating them row by row.
    constexpr std::size_t kBulkRelations = 50000;
    const bool bulk = batch.relations.size() >= kBulkRelations;
    report.changed = store.write([&](Store::Writer& writer) {
        for (const auto& item : batch.types) {
            writer.put(item.value);
            tick();
        }
        for (const auto& item : batch.entities) {
            writer.put(item.value);
            tick();
        }
        for (const auto& item : batch.relations) {
            writer.put(item.value);
            tick();
        }
    }, bulk);
    return report;
}

}  // namespace kizuna
