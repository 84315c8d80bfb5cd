// The answers of duplicates, merge and not-duplicates as JSON (docs/duplicates.md).
#include "kizuna/app/dedupe_answers.h"

#include "kizuna/core/json.h"

namespace kizuna::app {

void to_json(nlohmann::json& out, const DuplicatesAnswer& answer) {
    nlohmann::json pairs = nlohmann::json::array();
    for (const auto& pair : answer.pairs) {
        nlohmann::json reasons = nlohmann::json::array();
        for (const auto& reason : pair.reasons) {
            reasons.push_back(
                {{"reason", reason.reason}, {"detail", reason.detail}, {"weight", reason.weight}});
        }
        pairs.push_back({{"a", pair.a}, {"b", pair.b}, {"score", pair.score}, {"reasons", reasons}});
    }
    out = {{"pairs", pairs},
           {"entities", answer.entities},
           {"candidates", answer.candidates},
           {"left_out", answer.left_out}};
}

void to_json(nlohmann::json& out, const MergeAnswer& answer) {
    const MergePlan& plan = answer.plan;
    nlohmann::json conflicts = nlohmann::json::array();
    for (const auto& conflict : plan.conflicts)
        conflicts.push_back(
            {{"field", conflict.field}, {"kept", conflict.kept}, {"dropped", conflict.dropped}});
    nlohmann::json folded = nlohmann::json::array();
    for (const auto& item : plan.folded) folded.push_back({{"relation", item.relation}, {"into", item.into}});
    out = {{"dry_run", answer.dry_run},
           {"change", answer.change},
           {"keep", plan.united},
           {"other", plan.other},
           {"conflicts", conflicts},
           {"added", plan.added},
           {"repointed", plan.repointed},
           {"folded", folded},
           {"updated", plan.updated},
           {"dropped", plan.dropped},
           {"redirect", {{"from", plan.other.id}, {"to", plan.keep.id}}}};
}

void to_json(nlohmann::json& out, const NotDuplicatesAnswer& answer) {
    out = {{"a", answer.a}, {"b", answer.b}, {"recorded", answer.recorded}, {"change", answer.change}};
}

}  // namespace kizuna::app
