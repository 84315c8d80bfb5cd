#pragma once
// `brief ENTITY`: the content of a partner introduction sheet, as a consultant writes one for an MOU
// partner — what the entity is, its relation with another entity, what it does, and its collaborations
// with a country (between governments; between that country's and the entity's own country's companies
// and institutions) — every relation with its state at the sheet's date and its sources numbered once
// each. Views (the HTML sheet, JSON) lay it out; this file decides what goes where.
//
// Each relation of the entity and of its parts (units part_of it, companies subsidiary_of it, to any
// depth) appears in exactly one section, in the first that takes it:
//   structure   between the entity and its parts, or placing it (part_of, subsidiary_of, oversees, any
//               governance or ownership tie with an organisation)
//   about       with --about's entity
//   other       evidence (documents that mention it), kept apart from partnerships
//   government  with an entity of --country (section (4a), ordered by category)
//   does        with a programme, system, policy, document or agreement (issued, implements, operates …)
//   other       anything else
// business (section (4b)): relations of no evidence between an organisation (not a government body, not
// a programme or document) of --country and one of the entity's own country, neither end the entity or a
// part — the data holds no sector, so "its field" is every company and institution of the two countries.
#include <cstddef>
#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <string>
#include <vector>

#include "kizuna/core/date_rule.h"
#include "kizuna/core/snapshot.h"
#include "kizuna/queries/answers/answer_book.h"

namespace kizuna {

// The kinds of government bodies, and of things rather than organisations (what an entity does).
[[nodiscard]] bool is_government_kind(const std::string& kind);
[[nodiscard]] bool is_thing_kind(const std::string& kind);

struct BriefQuery {
    BriefQuery(VertexId of, PartialDate on) : entity(of), as_of(on) {}
    VertexId entity;
    std::optional<VertexId> about;
    std::string country;  // ISO code of section (4); "" for none
    PartialDate as_of;    // the sheet's date: each relation's state in it
    std::size_t most_per_section = 40;
};

// One relation on the sheet, read from subject's side.
struct BriefItem {
    Relation relation;
    RelationIndex index = 0;  // in the snapshot's graph (for a diagram of the sheet); not in JSON
    std::string subject;      // the entity, one of its parts, or (business) the own country's end
    std::string counterpart;  // the other end
    Activity state = Activity::DateUnknown;
    std::vector<std::size_t> notes;  // footnote numbers (1-based) of its sources, in its order
    std::string caveat;              // its caveat attribute, else its note; "" when none
};

struct BriefSection {
    std::string id;  // structure, about, does, government, business, other
    std::vector<BriefItem> items;
    std::size_t total = 0;  // items before the cap: more than items.size() when capped
};

struct BriefAnswer {
    Entity entity;
    std::vector<std::size_t> entity_notes;  // footnotes of the entity's own facts
    std::string about;                      // id; "" when not asked
    std::string country;                    // section (4)'s; "" when not asked
    std::optional<PartialDate> as_of;       // the query's (set by answer_brief)
    DaySpan window;
    std::vector<std::string> parts;      // ids of its parts, nearest first
    std::vector<BriefSection> sections;  // in the sheet's order; those asked for, possibly empty
    std::vector<Source> sources;         // footnote n is sources[n - 1]
    std::size_t most_per_section = 0;
    AnswerBook book;

    // The section with this id; nullptr when the sheet has none.
    [[nodiscard]] const BriefSection* section(const std::string& id) const;
};

// Throws UsageError (a country no entity has), StorageError.
[[nodiscard]] BriefAnswer answer_brief(const Snapshot& snapshot, const BriefQuery& query);

// JSON: {"entity", "entity_notes", "about", "country", "as_of", "parts", "sections": [{"id", "total",
// "items": [{"relation" (with category, activity), "subject", "counterpart", "state", "notes",
// "caveat"}]}], "sources": [{"number", "title", "url", "locator"}], "most_per_section"}.
void to_json(nlohmann::json& out, const BriefAnswer& answer);

}  // namespace kizuna
