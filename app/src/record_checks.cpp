#include "record_checks.h"

#include <algorithm>
#include <cctype>
#include <nlohmann/json.hpp>
#include <optional>

#include "kizuna/app/errors.h"
#include "kizuna/core/errors.h"
#include "kizuna/core/history.h"
#include "kizuna/core/json.h"

namespace kizuna::app {

namespace {

// The newest changes looked through for the one that changed a record, and the rows read of each.
constexpr std::size_t kChangesLooked = 50;
constexpr std::size_t kRowsLooked = 5000;

bool blank(const std::string& text) {
    return std::all_of(text.begin(), text.end(), [](unsigned char ch) { return std::isspace(ch) != 0; });
}

AppError missing_sources(const std::string& kind, const std::string& what) {
    const std::string problem =
        kind + ":1: sources: " + what;  // the record is line 1 of its body, as import names it
    AppError error(ErrorKind::InvalidData, {problem});
    error.problems = {problem};
    error.total_problems = 1;
    return error;
}

// The newest change that touched the record (what: entity or relation), among the changes to the entity
// `about` or its relations; nullopt when none is found.
std::optional<RecordedChange> last_change_of(const Store& store, const std::string& what,
                                             const std::string& id, const std::string& about) {
    ChangeFilter filter;
    filter.entity = about;
    const std::vector<RecordedChange> changes = History::changes(store, filter);
    std::size_t looked = 0;
    for (auto change = changes.rbegin(); change != changes.rend() && looked < kChangesLooked;
         ++change, ++looked) {
        const RowChanges rows = History::diff(store, change->seq, change->seq, kRowsLooked);
        if (rows.total > rows.listed.size()) return *change;  // too large to read: it may have
        for (const RowChange& row : rows.listed) {
            if (row.what == what && row.id == id) return *change;
        }
    }
    return std::nullopt;
}

[[noreturn]] void refuse_changed(const Store& store, const std::string& what, const std::string& id,
                                 const std::string& about, const std::string& how) {
    const auto change = last_change_of(store, what, id, about);
    std::string message = what + " '" + id + "' " + how + " since you opened it";
    if (change) {
        message +=
            " by change #" + std::to_string(change->seq) + " (" + change->author + ", " + change->at + ")";
    }
    message += ": read it again and make your edit on what is there now";
    AppError error(ErrorKind::Conflict, {message});
    if (change) error.change = change->seq;
    throw error;
}

template <typename Record>
Record opened_record(const std::string& text) {
    const auto parsed = nlohmann::json::parse(text, nullptr, false);
    if (parsed.is_discarded() || !parsed.is_object())
        throw AppError(ErrorKind::Usage, {Setting{"opened"}, ": one JSON object, the record as it was read"});
    try {
        return parsed.get<Record>();
    } catch (const Error& e) {
        throw AppError(ErrorKind::Usage, {Setting{"opened"}, std::string(": ") + e.what()});
    }
}

}  // namespace

void require_sources(const std::string& kind, const nlohmann::json& record) {
    if (kind != "entity" && kind != "relation") return;
    const auto sources = record.find("sources");
    if (sources == record.end() || !sources->is_array() || sources->empty())
        throw missing_sources(kind, "at least one source is required (a title, and a URL or locator if any)");
    for (std::size_t i = 0; i < sources->size(); ++i) {
        const auto& source = (*sources)[i];
        const auto title = source.is_object() ? source.find("title") : source.end();
        if (!source.is_object() || title == source.end() || !title->is_string() ||
            blank(title->get<std::string>())) {
            throw missing_sources(kind, "source " + std::to_string(i + 1) +
                                            " has no title (a source with a "
                                            "URL or locator needs one)");
        }
    }
}

void refuse_existing(const Store& store, const std::string& kind, const std::string& id) {
    std::string exists;
    if (kind == "entity") {
        if (const auto entity = store.entity(id)) {
            const Names& names = entity->names;
            const std::string& name = !names.en.empty() ? names.en : !names.ja.empty() ? names.ja : names.vi;
            exists = "entity '" + id + "' exists already (" + name + ")";
        } else if (const auto kept = store.redirect(id)) {
            exists = "entity id '" + id + "' was merged into '" + *kept + "'";
        }
    } else if (kind == "relation") {
        if (const auto relation = store.relation(id))
            exists = "relation '" + id + "' exists already (" + relation->from + " -> " + relation->to + ")";
    } else if (kind == "type") {
        if (store.relation_type(id)) exists = "relation type '" + id + "' exists already";
    } else {
        const auto kinds = store.entity_kinds();
        if (std::any_of(kinds.begin(), kinds.end(), [&id](const EntityKind& k) { return k.id == id; }))
            exists = "entity kind '" + id + "' exists already";
    }
    if (!exists.empty())
        throw AppError(ErrorKind::Conflict,
                       {exists + ": an add never replaces; choose another id, or edit that one"});
}

void refuse_stale(const Store& store, const std::string& kind, const std::string& id,
                  const std::string& opened) {
    if (opened.empty()) {
        const bool stored = kind == "entity"     ? store.entity(id).has_value()
                            : kind == "relation" ? store.relation(id).has_value()
                            : kind == "type"
                                ? store.relation_type(id).has_value()
                                : [&] {
                                      const auto kinds = store.entity_kinds();
                                      return std::any_of(kinds.begin(), kinds.end(),
                                                         [&id](const EntityKind& k) { return k.id == id; });
                                  }();
        if (!stored)
            throw AppError(ErrorKind::Usage,
                           {"there is no " + kind + " '" + id + "' to edit: add it instead"});
        return;
    }
    if (kind == "entity") {
        const auto was = opened_record<Entity>(opened);
        if (was.id != id)
            throw AppError(ErrorKind::Usage,
                           {Setting{"opened"}, ": the record opened is '" + was.id + "', not '" + id +
                                                   "' (an id is not edited)"});
        const auto now = store.entity(id);
        if (!now) refuse_changed(store, "entity", id, id, "was removed");
        if (!(*now == was)) refuse_changed(store, "entity", id, id, "was changed");
        return;
    }
    const auto was = opened_record<Relation>(opened);
    if (was.id != id)
        throw AppError(ErrorKind::Usage,
                       {Setting{"opened"},
                        ": the record opened is '" + was.id + "', not '" + id + "' (an id is not edited)"});
    const auto now = store.relation(id);
    if (!now) refuse_changed(store, "relation", id, was.from, "was removed");
    if (!(*now == was)) refuse_changed(store, "relation", id, now->from, "was changed");
}

}  // namespace kizuna::app
