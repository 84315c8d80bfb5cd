#include "export_checks.h"

#include <utf8proc.h>

#include <cstdio>

#include "kizuna/core/errors.h"
#include "kizuna/core/validation.h"

namespace kizuna::importers {

namespace {

template <typename Check>
void checked(const char* what, const char* table, const std::string& id, Check&& check) {
    try {
        check();
    } catch (const InvalidDataError& e) {
        throw StorageError("database problem: the stored " + std::string(what) + " '" + printable(id) +
                           "' (table " + table + ") is damaged: " + printable(e.what()) +
                           "; nothing was exported");
    }
}

}  // namespace

std::string printable(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    auto* at = reinterpret_cast<const utf8proc_uint8_t*>(text.data());
    auto remaining = static_cast<utf8proc_ssize_t>(text.size());
    while (remaining > 0) {
        utf8proc_int32_t codepoint = 0;
        const utf8proc_ssize_t length = utf8proc_iterate(at, remaining, &codepoint);
        if (length <= 0 || codepoint < 0x20 || codepoint == 0x7f) {
            char escaped[8];
            std::snprintf(escaped, sizeof escaped, "\\x%02X", static_cast<unsigned>(*at));
            out += escaped;
            ++at;
            --remaining;
            continue;
        }
        out.append(reinterpret_cast<const char*>(at), static_cast<std::size_t>(length));
        at += length;
        remaining -= length;
    }
    return out;
}

void ExportChecks::type(const RelationType& type) {
    checked("relation type", "relation_types", type.id, [&] { validate_relation_type(type); });
    types_.insert(type.id);
}

void ExportChecks::kind(const EntityKind& kind) {
    checked("entity kind", "entity_kinds", kind.id, [&] { validate_entity_kind(kind); });
}

void ExportChecks::entity(const Entity& entity) {
    checked("entity", "entities", entity.id, [&] { validate_entity(entity); });
    entities_.insert(entity.id);
}

void ExportChecks::relation(const Relation& relation) {
    checked("relation", "relations", relation.id, [&] {
        validate_relation(
            relation, [this](const std::string& id) { return types_.count(id) != 0; },
            [this](const std::string& id) { return entities_.count(id) != 0; });
    });
    ++relations_;
}

void ExportChecks::all_relations_read(std::int64_t stored) const {
    if (stored != relations_) {
        throw StorageError("database problem: the table relations holds " + std::to_string(stored) +
                           " rows but only " + std::to_string(relations_) +
                           " of them have both ends in the table entities; nothing was exported");
    }
}

}  // namespace kizuna::importers
