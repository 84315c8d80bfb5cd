// duplicates, merge, not-duplicates: finding, merging and judging entities that may be one.
#include "../fields.h"
#include "kizuna/app/dedupe_requests.h"

namespace kizuna::app {

namespace {

constexpr std::size_t kMostDuplicatePairs = 100000;

void require_entity(const std::string& setting, const std::string& value) {
    if (value.empty()) throw AppError(ErrorKind::Usage, {Setting{setting}, " is required"});
}

}  // namespace

const Description<DuplicatesRequest>& DuplicatesRequest::description() {
    using R = DuplicatesRequest;
    static const Description<R> description{
        "duplicates",
        "pairs of entities that are probably one, best first, with a score and its reasons",
        "A pair scores for a name or alias equal after folding (width variants, case, diacritics) in any "
        "language (0.7), names alike by their character trigrams (up to 0.6), the same website or other "
        "identifying attribute (0.5 each), the same kind and country (0.1 each; a different country -0.2, a "
        "different kind -0.1) and shared neighbours (up to 0.2); the score is their sum, at most 1. Pairs "
        "judged with kizuna not-duplicates are left out.\n\n"
        "Examples:\n"
        "  kizuna duplicates                          every pair scoring 0.7 or more\n"
        "  kizuna duplicates --kind company --min-score 0.8\n"
        "  kizuna duplicates --entity hataphar --min-score 0.5   the pairs one organisation is in\n"
        "  kizuna merge dhg hau-giang-pharma --dry-run what merging a pair would do\n"
        "  kizuna not-duplicates moh-vn moh-jp        never propose that pair again",
        {fields::text<R>({.name = "kind", .help = "only entities of this kind", .placeholder = "KIND"},
                         &R::kind),
         fields::text<R>({.name = "entity",
                          .help = "only pairs with this entity (id or any name)",
                          .placeholder = "ENTITY"},
                         &R::entity),
         fields::number<R>({.name = "min_score",
                            .help = "leave out pairs scoring less (0 to 1)",
                            .placeholder = "S",
                            .default_value = "0.7"},
                           &R::min_score, 0.0, 1.0),
         fields::count<R>({.name = "limit",
                           .help = "show at most this many pairs",
                           .placeholder = "N",
                           .least = 1,
                           .most = kMostDuplicatePairs,
                           .default_value = "100"},
                          &R::limit)}};
    return description;
}

void DuplicatesRequest::validate() const {
    fields::check_number("min_score", min_score, 0.0, 1.0);
    fields::check_count(description().find("limit")->param, limit);
}

const Description<MergeRequest>& MergeRequest::description() {
    using R = MergeRequest;
    static const Description<R> description{
        "merge",
        "merge OTHER into KEEP as one change: relations re-pointed, names and facts united, OTHER's id kept "
        "as a redirect",
        "OTHER's relations end at KEEP from then on; two relations of the same type, ends and dates become "
        "one with their sources united. Names, aliases, attributes and sources are united; where both give "
        "a different value, KEEP's wins (--prefer other: OTHER's) and the conflict is listed (a name set "
        "aside becomes an alias). OTHER's id stays as a redirect: every command and every later import "
        "naming it reaches KEEP. The merge is one change of the history: kizuna undo takes it back whole.\n\n"
        "Examples:\n"
        "  kizuna merge hataphar ha-tay-pharma --dry-run   what the merge would do; nothing written\n"
        "  kizuna merge hataphar ha-tay-pharma             merge it\n"
        "  kizuna undo 12                                  take the merge (change 12) back",
        {fields::text<R>({.name = "keep",
                          .help = "the entity that stays (id or any name)",
                          .placeholder = "KEEP",
                          .positional = true,
                          .required = true},
                         &R::keep),
         fields::text<R>({.name = "other",
                          .help = "the entity merged into it (id or any name)",
                          .placeholder = "OTHER",
                          .positional = true,
                          .required = true},
                         &R::other),
         fields::flag<R>({.name = "dry_run", .help = "show what the merge would do; write nothing"},
                         &R::dry_run),
         fields::choice<R>({.name = "prefer",
                            .help = "whose value wins where both give one",
                            .placeholder = "WHICH",
                            .choices = {"keep", "other"},
                            .default_value = "keep"},
                           &R::prefer)}};
    return description;
}

void MergeRequest::validate() const {
    require_entity("keep", keep);
    require_entity("other", other);
    fields::check_choice(description().find("prefer")->param, prefer);
}

const Description<NotDuplicatesRequest>& NotDuplicatesRequest::description() {
    using R = NotDuplicatesRequest;
    static const Description<R> description{
        "not-duplicates",
        "record that two entities are not one, so that kizuna duplicates does not propose them again",
        "The judgement is a change of the history (kizuna undo takes it back) and travels in JSON Lines and "
        "GraphML exports.\n\n"
        "Examples:\n"
        "  kizuna not-duplicates vn-moh jp-mhlw",
        {fields::text<R>({.name = "a",
                          .help = "one entity (id or any name)",
                          .placeholder = "A",
                          .positional = true,
                          .required = true},
                         &R::a),
         fields::text<R>({.name = "b",
                          .help = "the other (id or any name)",
                          .placeholder = "B",
                          .positional = true,
                          .required = true},
                         &R::b)}};
    return description;
}

void NotDuplicatesRequest::validate() const {
    require_entity("a", a);
    require_entity("b", b);
}

}  // namespace kizuna::app
