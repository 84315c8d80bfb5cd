#include <algorithm>
#include <fstream>
#include <future>
#include <memory>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <unordered_map>
#include <unordered_set>

#include "batch.h"
#include "id_links.h"
#include "kizuna/core/bulk_write.h"
#include "kizuna/core/errors.h"
#include "kizuna/core/text.h"
#include "kizuna/core/validation.h"
#include "kizuna/importers/import.h"
#include "kizuna/importers/import_text.h"
#include "relation_stream.h"
#include "text_encoding.h"
#include "unique_ids.h"

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
std::vector<std::filesystem::path> expand(const std::vector<std::filesystem::path>& paths,
                                          Problems& problems) {
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

// CSV files; .txt and .tsv as Excel's "Unicode text" saves them (tab-separated, told by the header).
bool is_csv(const std::string& extension) {
    return extension == ".csv" || extension == ".tsv" || extension == ".txt";
}

// A file by its name's extension; bytes: its contents when they are in memory (an upload), else it is
// read from the file system.
void read_file(const std::filesystem::path& path, const std::string* bytes, const std::string& encoding,
               Batch& batch, Problems& problems, std::vector<FileEncoding>& encodings) {
    const std::string file = path.string();
    std::error_code error;
    if (bytes == nullptr && !std::filesystem::is_regular_file(path, error)) {
        problems.add({file, 0}, "no such file");
        return;
    }
    const std::string extension = lower_extension(path);
    if (is_csv(extension)) {
        const std::string used = importers::read_csv(file, encoding, batch, problems, nullptr, bytes);
        if (used != "UTF-8") encodings.push_back({file, used});
    } else if (extension == ".jsonl" || extension == ".ndjson") {
        if (bytes != nullptr) {
            std::istringstream in(*bytes);
            importers::read_jsonl(in, file, batch, problems);
        } else {
            importers::read_jsonl(file, batch, problems);
        }
    } else if (extension == ".graphml" || extension == ".xml") {
        importers::read_graphml(file, batch, problems, bytes);
    } else if (extension == ".xlsx") {
        importers::read_xlsx(file, batch, problems, bytes);
    } else {
        problems.add({file, 0}, "unknown file type '" + extension + "': use .csv, .jsonl, .graphml or .xlsx");
    }
}

using importers::UniqueIds;

// What relations are checked against: the types and entities of the store and of this import.
struct Known {
    std::unordered_set<std::string> types, entities;
};

Known validate_types_and_entities(const Store& store, const Batch& batch, Problems& problems) {
    UniqueIds<RelationType> type_ids("relation type");
    for (const auto& item : batch.types) type_ids.check(item, problems);
    UniqueIds<EntityKind> kind_ids("entity kind");
    for (const auto& item : batch.kinds) {
        try {
            validate_entity_kind(item.value);
        } catch (const InvalidDataError& e) {
            problems.add(item.place, e.what());
        }
        kind_ids.check(item, problems);
    }
    UniqueIds<Entity> entity_ids("entity");
    for (const auto& item : batch.entities) entity_ids.check(item, problems);
    Known known;
    for (const auto& type : store.relation_types()) known.types.insert(type.id);
    for (const auto& [type, place] : batch.types) {
        try {
            validate_relation_type(type);
            known.types.insert(type.id);
        } catch (const InvalidDataError& e) {
            problems.add(place, e.what());
        }
    }
    for (const auto& [entity, place] : batch.entities) {
        try {
            validate_entity(entity);
            known.entities.insert(entity.id);
        } catch (const InvalidDataError& e) {
            problems.add(place, e.what());
        }
    }
    return known;
}

// Writes the entities, encoded (Unicode normalisation, search keys, JSON) a chunk ahead on a second
// thread: the encoding is a third of an entity's writing time, and the other core is idle meanwhile
// (the relation stream waits for the entities' keys).
template <typename Tick>
void write_entities(BulkWriter& writer, const std::vector<importers::Located<Entity>>& entities, Tick& tick) {
    constexpr std::size_t kChunk = 2048;
    auto encode_chunk = [&entities](std::size_t begin) {
        std::vector<EncodedEntity> out;
        const std::size_t end = std::min(begin + kChunk, entities.size());
        out.reserve(end - begin);
        for (std::size_t i = begin; i < end; ++i) out.push_back(encode(entities[i].value));
        return out;
    };
    std::future<std::vector<EncodedEntity>> next;
    if (!entities.empty()) next = std::async(std::launch::async, encode_chunk, 0);
    for (std::size_t begin = 0; begin < entities.size(); begin += kChunk) {
        const auto chunk = next.get();
        if (begin + kChunk < entities.size())
            next = std::async(std::launch::async, encode_chunk, begin + kChunk);
        for (std::size_t i = 0; i < chunk.size(); ++i) {
            writer.put(entities[begin + i].value, chunk[i]);
            tick();
        }
    }
}

// The mean length of a line in the first 64 KiB of a file (at least 1): with the file sizes, how many
// relations the streamed files hold, for the store's choice of bulk writing and for the progress.
double mean_line_length(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::string head(64 * 1024, '\0');
    in.read(head.data(), static_cast<std::streamsize>(head.size()));
    head.resize(static_cast<std::size_t>(in.gcount()));
    const auto lines = std::count(head.begin(), head.end(), '\n');
    return lines == 0 ? std::max<double>(1.0, double(head.size())) : double(head.size()) / double(lines);
}

// Counts the rows written and tells the progress callback every kEvery rows how far the import has come:
// rows read up front are counted as rows, streamed relation files by bytes, turned into rows at the
// bytes per row seen so far in them.
class ProgressCount {
  public:
    ProgressCount(const std::function<void(const ImportProgress&)>& report, std::size_t rows_read,
                  std::uintmax_t streamed_bytes, double bytes_per_line)
        : report_(report),
          rows_read_(rows_read),
          streamed_bytes_(streamed_bytes),
          bytes_per_line_(bytes_per_line) {}
    void tick() {
        if (report_ && ++written_ % kEvery == 0) {
            shown_ = std::max(shown_, fraction());  // never backwards, when the estimate of the rows falls
            report_({written_, shown_, false});
        }
    }
    // A chunk of streamed relations is written: it ends bytes_end bytes into the streamed files.
    void streamed(std::size_t rows, std::uint64_t bytes_end) {
        streamed_rows_ += rows;
        streamed_bytes_done_ = bytes_end;
    }
    void finish() {
        if (report_) report_({written_, 1.0, true});
    }

  private:
    [[nodiscard]] double fraction() const {
        const double bytes_per_row =
            streamed_rows_ == 0 ? bytes_per_line_ : double(streamed_bytes_done_) / double(streamed_rows_);
        const double expected = double(rows_read_) + double(streamed_bytes_) / std::max(bytes_per_row, 1.0);
        return expected <= 0 ? 0.0 : std::min(double(written_) / expected, 0.99);  // 1 only when finished
    }
    static constexpr std::size_t kEvery = 10000;
    const std::function<void(const ImportProgress&)>& report_;
    std::size_t rows_read_;
    std::uintmax_t streamed_bytes_;
    double bytes_per_line_;  // of the streamed files, from the start of the first: the guess until a chunk is
                             // written
    double shown_ = 0;
    std::size_t written_ = 0, streamed_rows_ = 0;
    std::uint64_t streamed_bytes_done_ = 0;
};

// A write of at most this many relations, none of them streamed, looks up only the ends they name.
constexpr std::size_t kFewRelations = 10000;
// Relation CSV files from this size on are read while they are written (about 10,000 relations).
constexpr std::uintmax_t kStreamedFrom = 1 << 20;

// The ids the relations read up front name as their ends, and where those were merged into.
std::vector<std::string> named_ends(const Batch& batch, const importers::Redirects& redirects) {
    std::vector<std::string> ids;
    for (const auto& [relation, place] : batch.relations) {
        for (const auto* end : {&relation.from, &relation.to}) {
            ids.push_back(*end);
            if (const auto kept = redirects.find(*end); kept != redirects.end()) ids.push_back(kept->second);
        }
    }
    return ids;
}

// Every entity's key by id, for a dry run (a write asks its writer, which sees its own entities too).
BulkWriter::EntityKeys entity_keys(const Store& store) {
    BulkWriter::EntityKeys keys;
    store.scan_entities([&](const Store::EntityRow& row) { keys.emplace(std::string(row.id), row.key); });
    return keys;
}

// The named ends that are entities, for a dry run (or a refused import) of a few relations: nothing is
// written, so their keys are not needed, and looking up a few ids beats reading every entity (seconds at
// millions).
BulkWriter::EntityKeys named_entities(const Store& store, const std::vector<std::string>& ids) {
    BulkWriter::EntityKeys keys;
    for (const auto& id : ids) {
        if (keys.count(id) == 0 && store.has_entity(id)) keys.emplace(id, kNoEntity);
    }
    return keys;
}

// The ends of the judgements read must be entities there will be.
void check_judgements(const Store& store, const Batch& batch, const std::unordered_set<std::string>& entities,
                      Problems& problems) {
    for (const auto& [link, place] : batch.judgements) {
        for (const auto* id : {&link.first, &link.second}) {
            if (entities.count(*id) == 0 && !store.has_entity(*id))
                problems.add(place, "not_duplicates: '" + *id + "' is no entity");
        }
    }
}

// The new entities whose names (folded, any language) an existing entity has too: proposed merges.
std::vector<ProposedMerge> proposed_merges(const Store& store, const Batch& batch) {
    std::vector<ProposedMerge> out;
    for (const auto& [entity, place] : batch.entities) {
        if (store.has_entity(entity.id)) continue;
        std::vector<std::string> names = {entity.names.en, entity.names.ja, entity.names.vi};
        names.insert(names.end(), entity.aliases.begin(), entity.aliases.end());
        std::set<std::string> seen;
        for (const auto& name : names) {
            if (name.empty()) continue;
            for (const auto& existing : store.entities_folded_as(name)) {
                if (existing != entity.id && seen.insert(existing).second)
                    out.push_back({entity.id, existing, name, place.where()});
            }
        }
    }
    return out;
}

// Relation CSV files go to a RelationStream; everything else is read up front.
bool streamable(const std::filesystem::path& file) {
    std::error_code error;
    return lower_extension(file) == ".csv" && std::filesystem::is_regular_file(file, error) &&
           importers::csv_holds_relations(file.string());
}

}  // namespace

namespace {

// An import of files and of records already read (read_more adds them to the batch, and the files it
// did not read as UTF-8 to the encodings).
using ReadMore = std::function<void(Batch&, Problems&, std::vector<FileEncoding>&)>;
ImportReport run_import(Store& store, const std::vector<std::filesystem::path>& paths,
                        const ReadMore& read_more, const ImportOptions& options) {
    std::string encoding;
    if (!options.encoding.empty()) {
        const auto supported = importers::supported_encoding(options.encoding);
        if (!supported) {
            throw UsageError("--encoding: unknown encoding '" + options.encoding +
                             "' (supported: " + importers::supported_encodings_text() + ")");
        }
        encoding = *supported;
    }
    Problems problems;
    Batch batch;
    ImportReport report;
    if (read_more) read_more(batch, problems, report.encodings);
    std::vector<std::filesystem::path> streamed, read_now, small_relations;
    std::uintmax_t streamed_bytes = 0;
    for (const auto& file : expand(paths, problems)) {
        std::error_code error;
        const auto size = std::filesystem::file_size(file, error);
        // A small file is read up front like the others: its few ends are then looked up one by one.
        const bool relations = !error && streamable(file);
        if (relations && size >= kStreamedFrom) {
            streamed.push_back(file);
            streamed_bytes += size;
        } else {
            (relations ? small_relations : read_now).push_back(file);
        }
    }
    const double bytes_per_line = streamed.empty() ? 1.0 : mean_line_length(streamed.front());
    // Relation files are parsed and checked on two threads of their own from here on, while the rest is
    // read and checked here.
    importers::RelationStream stream(streamed, encoding);
    for (const auto& file : read_now) read_file(file, nullptr, encoding, batch, problems, report.encodings);
    // Their problems where a streamed file's would be: after the other files' and their checks'.
    Problems small_relation_problems;
    for (const auto& file : small_relations)
        read_file(file, nullptr, encoding, batch, small_relation_problems, report.encodings);
    // Records naming merged-away ids land on the entities they were merged into.
    const importers::Redirects redirects = importers::gather_redirects(store, batch, problems);
    const std::unordered_set<std::string> merged_away = importers::merged_relations(store, batch, problems);
    importers::apply_redirects(store, redirects, batch, problems);
    Known known = validate_types_and_entities(store, batch, problems);
    check_judgements(store, batch, known.entities, problems);
    report.names_matched = options.match_names;
    if (options.match_names) report.proposed_merges = proposed_merges(store, batch);
    report.redirects_read = batch.redirects.size();
    report.judgements_read = batch.judgements.size();

    report.dry_run = options.dry_run;
    report.types_read = batch.types.size();
    report.kinds_read = batch.kinds.size();
    report.entities_read = batch.entities.size();
    // Relations are checked as they come; writing stops at the first problem (the transaction is then
    // rolled back) but checking goes on, so that the report lists the first problems of every file.
    Problems relation_problems;
    UniqueIds<Relation> relation_ids("relation");
    ProgressCount progress(
        options.progress,
        batch.types.size() + batch.kinds.size() + batch.entities.size() + batch.relations.size(),
        streamed_bytes, bytes_per_line);
    auto tick = [&progress] { progress.tick(); };
    auto process = [&](BulkWriter* writer) {
        bool stream_valid = true;
        auto writing = [&] {
            return writer != nullptr && problems.empty() && small_relation_problems.empty() &&
                   relation_problems.empty() && stream_valid;
        };
        if (writing()) {
            for (const auto& item : batch.types) {
                writer->put(item.value);
                tick();
            }
            for (const auto& item : batch.kinds) {
                writer->put(item.value);
                tick();
            }
            write_entities(*writer, batch.entities, tick);
            for (const auto& item : batch.redirects)
                writer->put_redirect(item.value.first, redirects.at(item.value.first));
            for (const auto& item : batch.judgements)
                writer->put_judgement(item.value.first, item.value.second);
            for (const auto& item : batch.relation_redirects)
                writer->put_relation_redirect(item.value.first, item.value.second);
        }
        // Relations are checked against the types and entities there are now, and written with their
        // ends' keys: all in one lookup table, read once, shared with the stream's thread.
        auto checks = std::make_shared<importers::RelationStream::Checks>();
        checks->types = std::move(known.types);
        checks->redirects = redirects;
        checks->merged_away = merged_away;
        const bool few = streamed.empty() && batch.relations.size() <= kFewRelations;
        checks->entities = writer == nullptr ? (few ? named_entities(store, named_ends(batch, redirects))
                                                    : entity_keys(store))
                           : few             ? writer->entity_keys(named_ends(batch, redirects))
                                             : writer->entity_keys();
        for (const auto& id : known.entities)
            checks->entities.try_emplace(id, kNoEntity);  // when not written
        stream.check_with(checks);

        for (const auto& item : batch.relations) {
            relation_ids.check(item, relation_problems);
            bool valid =
                true;  // not needed here: a problem lands in relation_problems, which stops the writing
            auto encoded = checks->check_and_encode(item, relation_problems, valid);
            ++report.relations_read;
            if (!merged_away.empty() && merged_away.count(item.value.id) > 0) {
                ++report.relations_merged_away;
                continue;
            }
            if (writing()) {
                writer->put(item.value, encoded);
                tick();
            }
        }
        while (auto chunk = stream.next()) {
            stream_valid = stream_valid && chunk->valid;
            report.relations_read += chunk->relations.size();
            if (!writing()) continue;
            for (std::size_t i = 0; i < chunk->relations.size(); ++i) {
                if (!merged_away.empty() && merged_away.count(chunk->relations[i].value.id) > 0) {
                    ++report.relations_merged_away;
                    continue;
                }
                writer->put(chunk->relations[i].value, chunk->encoded[i]);
                tick();
            }
            progress.streamed(chunk->relations.size(), chunk->bytes_end);
            stream.give_back(std::move(*chunk));
        }
        report.encodings.insert(report.encodings.end(), stream.encodings().begin(), stream.encodings().end());
        // The stream checked its own ids; a relation of another file with one of them is a duplicate too.
        for (const auto& item : batch.relations) stream.ids().check_against(item, relation_problems);
        // Reading problems first, as they come in the files; then what the checks found.
        Problems all;
        all.add_all(problems);
        all.add_all(small_relation_problems);
        all.add_all(stream.problems());
        all.add_all(relation_problems);
        all.add_all(stream.invalid());
        all.throw_if_any();
        if (writer != nullptr) progress.finish();
    };

    // The store builds indexes once for large writes.
    const BulkWrite::Size expected{
        batch.entities.size(),
        batch.relations.size() + static_cast<std::size_t>(double(streamed_bytes) / bytes_per_line)};
    if (options.dry_run || !problems.empty() || !small_relation_problems.empty()) {
        process(nullptr);
    } else {
        report.changed = BulkWrite::run(
            store, [&](BulkWriter& writer) { process(&writer); }, expected);
    }
    return report;
}

}  // namespace

ImportReport import_files(Store& store, const std::vector<std::filesystem::path>& paths,
                          const ImportOptions& options) {
    return run_import(store, paths, {}, options);
}

ImportReport import_jsonl_text(Store& store, const std::string& name, const std::string& text,
                               const ImportOptions& options) {
    return run_import(
        store, {},
        [&](Batch& batch, Problems& problems, std::vector<FileEncoding>&) {
            std::istringstream in(text);
            importers::read_jsonl(in, name, batch, problems);
        },
        options);
}

}  // namespace kizuna

namespace kizuna {

void to_json(nlohmann::json& out, const ImportReport& report) {
    out = {{"dry_run", report.dry_run},
           {"read",
            {{"relation_types", report.types_read},
             {"entity_kinds", report.kinds_read},
             {"entities", report.entities_read},
             {"relations", report.relations_read}}},
           {"changed",
            {{"relation_types", report.changed.types_changed},
             {"entity_kinds", report.changed.kinds_changed},
             {"entities", report.changed.entities_changed},
             {"relations", report.changed.relations_changed}}}};
    if (report.relations_merged_away > 0) out["relations_merged_away"] = report.relations_merged_away;
    if (report.redirects_read + report.judgements_read > 0) {
        out["read"]["redirects"] = report.redirects_read;
        out["read"]["not_duplicates"] = report.judgements_read;
        out["changed"]["links"] = report.changed.links_changed;
    }
    if (report.names_matched) {
        auto& proposed = out["proposed_merges"] = nlohmann::json::array();
        for (const auto& merge : report.proposed_merges) {
            proposed.push_back({{"new", merge.incoming},
                                {"existing", merge.existing},
                                {"name", merge.name},
                                {"place", merge.place}});
        }
    }
    if (!report.encodings.empty()) {
        auto& encodings = out["encodings"] = nlohmann::json::array();
        for (const auto& [file, encoding] : report.encodings)
            encodings.push_back({{"file", file}, {"encoding", encoding}});
    }
}

ImportReport import_files_in_memory(Store& store, const std::vector<FileInMemory>& files,
                                    const ImportOptions& options) {
    std::vector<const FileInMemory*> sorted;
    for (const auto& file : files) sorted.push_back(&file);
    std::sort(sorted.begin(), sorted.end(), [](const auto* a, const auto* b) { return a->name < b->name; });
    return run_import(
        store, {},
        [&](Batch& batch, Problems& problems, std::vector<FileEncoding>& encodings) {
            // The encoding is checked (and a bad one refused) before anything is read.
            const std::string encoding =
                options.encoding.empty() ? "" : importers::supported_encoding(options.encoding).value_or("");
            for (const auto* file : sorted)
                read_file(file->name, &file->bytes, encoding, batch, problems, encodings);
        },
        options);
}

}  // namespace kizuna
