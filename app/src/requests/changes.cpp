// changes --from A --to B: what began, ended or changed state between two dates, and how the groups changed.
#include "../fields.h"
#include "kizuna/core/date_rule.h"
#include "kizuna/queries/communities.h"

namespace kizuna::app {

namespace {

// The type conditions of the filter: changes reads its own two dates.
bool type_condition(const std::string& name) {
    return name == "type" || name == "exclude_type" || name == "include_evidence";
}

Field<ChangesRequest> date_field(Param param, std::optional<PartialDate> ChangesRequest::*member) {
    param.type = ParamType::Date;
    return {param, [member, name = param.name](ChangesRequest& request, const std::string& value) {
                request.*member = fields::parse_date(name, value);
            }};
}

}  // namespace

const Description<ChangesRequest>& ChangesRequest::description() {
    using R = ChangesRequest;
    static const Description<R> description = [] {
        Description<R> d{
            "changes",
            "what began, ended or changed state between two dates, per category, and how the groups changed",
            "Examples:\n  kizuna changes --from 2019 --to 2024\n"
            "  kizuna changes --from 2019 --to 2024 --entity vn-moh\n"
            "A relation is listed when it began or ended between the first day of --from and the last day of "
            "--to (\"possibly\" when its date straddles an edge), or when its state (active, possibly "
            "active, "
            "inactive) at --from differs from its state at --to. The groups are those of `communities "
            "--by-year` over the years from --from to --to. Evidence relations are left out unless "
            "--include-evidence; relations of unknown date are counted apart.",
            {date_field({.name = "from",
                         .help = "the first date (YYYY, YYYY-MM or YYYY-MM-DD)",
                         .placeholder = "DATE",
                         .required = true},
                        &R::from),
             date_field({.name = "to",
                         .help = "the second date, not before the first",
                         .placeholder = "DATE",
                         .required = true},
                        &R::to),
             fields::text<R>({.name = "entity",
                              .help = "only this entity's relations, and the groups it belongs to",
                              .placeholder = "ENTITY"},
                             &R::entity)}};
        for (auto& param : fields::filter_params({.directed = false, .evidence = true})) {
            if (!type_condition(param.name)) continue;
            const std::string name = param.name;
            d.fields.push_back({std::move(param), [name](R& request, const std::string& value) {
                                    fields::set_filter(request.filter, name, value);
                                }});
        }
        return d;
    }();
    return description;
}

void ChangesRequest::validate() const {
    if (!from) throw AppError(ErrorKind::Usage, {Setting{"from"}, " is required"});
    if (!to) throw AppError(ErrorKind::Usage, {Setting{"to"}, " is required"});
    if (wholly_before(*to, *from)) {
        throw AppError(ErrorKind::Usage, {Setting{"from"}, " " + from->to_string() + " is after ",
                                          Setting{"to"}, " " + to->to_string()});
    }
    if (to->year() - from->year() >= kMostCommunityYears) {
        throw AppError(ErrorKind::Usage, {Setting{"from"}, " and ", Setting{"to"},
                                          " are at most " + std::to_string(kMostCommunityYears - 1) +
                                              " years apart (each year's groups are found)"});
    }
    (void)filter.filter();
}

}  // namespace kizuna::app
