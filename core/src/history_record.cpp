// Recording writes as changes of the history: the change row, and the row record of each write.
#include "history_record.h"

#include <pwd.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <ctime>
#include <nlohmann/json.hpp>

namespace kizuna {

const std::vector<std::string> kRecordedTables = {"relation_types", "entity_kinds", "entities",
                                                  "relations",      "redirects",    "relation_redirects",
                                                  "not_duplicates"};

namespace {

constexpr const char* kBeforeLoad = "kizuna_before_load";

std::string now_utc() {
    const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    std::tm parts{};
    gmtime_r(&now, &parts);
    char text[32];
    (void)std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &parts);
    return text;
}

// $KIZUNA_AUTHOR, else the system user: $USER, else the account's name, else its number.
std::string default_author() {
    for (const char* variable : {"KIZUNA_AUTHOR", "USER", "LOGNAME"}) {
        const char* value = std::getenv(variable);
        if (value != nullptr && *value != '\0') return value;
    }
    if (const passwd* account = getpwuid(getuid()); account != nullptr && account->pw_name != nullptr)
        return account->pw_name;
    return "uid " + std::to_string(getuid());
}

}  // namespace

std::int64_t record_change(SQLite::Database& db, const ChangeNote& note, const std::string& kind,
                           std::optional<std::int64_t> undoes, const Store::WriteSummary& counts,
                           const std::string& record) {
    nlohmann::json files = nlohmann::json::array();
    if (note.files) {
        for (const auto& file : note.files()) files.push_back({file.path, file.sha256});
    }
    SQLite::Statement insert(db,
                             "INSERT INTO changes(at, author, command, kind, undoes, types, kinds, entities, "
                             "relations, files, record, links) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)");
    insert.bind(1, now_utc());
    insert.bind(2, note.author.empty() ? default_author() : note.author);
    insert.bind(3, note.command.empty() ? std::string("write") : note.command);
    insert.bind(4, kind);
    if (undoes) insert.bind(5, *undoes);
    insert.bind(6, static_cast<std::int64_t>(counts.types_changed));
    insert.bind(7, static_cast<std::int64_t>(counts.kinds_changed));
    insert.bind(8, static_cast<std::int64_t>(counts.entities_changed));
    insert.bind(9, static_cast<std::int64_t>(counts.relations_changed));
    insert.bind(10, files.dump());
    insert.bind(12, static_cast<std::int64_t>(counts.links_changed));
    insert.bindNoCopy(11, record.data(), static_cast<int>(record.size()));
    insert.exec();
    return db.getLastInsertRowid();
}

void bump_data_stamp(SQLite::Database& db, std::optional<std::int64_t> change) {
    db.exec(
        "UPDATE meta SET value = CASE key WHEN 'generation' THEN value + 1 ELSE random() END "
        "WHERE key IN ('generation', 'data_version')");
    if (!change) return;
    SQLite::Statement stamp(
        db,
        "UPDATE changes SET generation = (SELECT value FROM meta WHERE key = 'generation'), "
        "data_version = (SELECT value FROM meta WHERE key = 'data_version') WHERE seq = ?");
    stamp.bind(1, *change);
    stamp.exec();
}

ChangeRecording::ChangeRecording(Store::Impl& impl, bool may_be_bulk_load) : impl_(impl) {
    if (!may_be_bulk_load) return;
    impl_.db.exec(std::string("ATTACH ':memory:' AS ") + kBeforeLoad);
    attached_ = true;
}

ChangeRecording::~ChangeRecording() {
    recorder_.reset();
    if (!attached_) return;
    try {
        impl_.db.exec(std::string("DETACH ") + kBeforeLoad);
    } catch (const SQLite::Exception&) {
        // Gone with the connection; a destructor must not throw.
    }
}

void ChangeRecording::begin(bool data_empty) {
    bulk_load_ = attached_ && data_empty;
    if (!bulk_load_) {
        recorder_ = std::make_unique<changeset::Recorder>(impl_.db.getHandle(), kRecordedTables);
        return;
    }
    // The vocabulary as it is before the load, in tables of the same shape, to compare with afterwards.
    for (const std::string table : {"relation_types", "entity_kinds"}) {
        std::string create = impl_.db
                                 .execAndGet(
                                     "SELECT sql FROM main.sqlite_master WHERE type = 'table' AND "
                                     "name = '" +
                                     table + "'")
                                 .getString();
        const auto at = create.find(table);
        create.replace(at, table.size(), std::string(kBeforeLoad) + "." + table);
        impl_.db.exec("DROP TABLE IF EXISTS " + std::string(kBeforeLoad) + "." + table);
        impl_.db.exec(create);
        impl_.db.exec("INSERT INTO " + std::string(kBeforeLoad) + "." + table + " SELECT * FROM main." +
                      table);
    }
}

void ChangeRecording::finish(const Store::WriteSummary& summary) {
    if (summary.total() == 0) return;
    if (bulk_load_) {
        recorder_ = std::make_unique<changeset::Recorder>(
            impl_.db.getHandle(), std::vector<std::string>{"relation_types", "entity_kinds"});
        for (const std::string table : {"relation_types", "entity_kinds"})
            recorder_->add_difference(kBeforeLoad, table);
    }
    const std::string record = recorder_ ? recorder_->changes() : std::string();
    recorder_.reset();  // the change row itself is not watched (changes is not a recorded table anyway)
    seq_ =
        record_change(impl_.db, impl_.note, bulk_load_ ? "bulk load" : "edit", std::nullopt, summary, record);
}

}  // namespace kizuna
