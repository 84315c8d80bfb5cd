// list: entities by kind, country and attribute, or relations by type, category and their two ends.
#include "../fields.h"

namespace kizuna::app {

const Description<ListRequest>& ListRequest::description() {
    using R = ListRequest;
    static const Description<R> description = [] {
        Description<R> d{
            "list",
            "list entities by kind, country or attribute; or relations",
            fields::filter_notes(
                {.directed = false, .evidence = false},
                "Examples:\n"
                "  kizuna list --country JP --kind company                all Japanese companies\n"
                "  kizuna list --where city=Hanoi                         who is in Hanoi\n"
                "  kizuna list --where ~ME-BYO                            anything on ME-BYO\n"
                "  kizuna list --relations --category ownership --country-from JP --country-to VN\n"
                "                                                         Japanese stakes in Vietnamese "
                "organisations\n"
                "--type, dates and --undated apply with --relations."),
            {fields::list<R>(
                 {.name = "kind",
                  .help = "entities of this kind: an id or a name in any language (company, 企業, "
                          "công ty); repeatable",
                  .placeholder = "KIND",
                  .short_name = "k"},
                 &R::kinds),
             fields::list<R>({.name = "country",
                              .help = "entities in this country: JP, Japan, 日本; repeatable",
                              .placeholder = "COUNTRY",
                              .short_name = "c"},
                             &R::countries),
             fields::list<R>({.name = "where",
                              .help = "attribute=value or attribute~text (contains), case, width and accents "
                                      "folded; ~text looks in every attribute; repeatable, all must hold",
                              .placeholder = "COND",
                              .short_name = "w"},
                             &R::where),
             fields::flag<R>({.name = "relations",
                              .help = "list relations instead: by --type, --category and their two ends"},
                             &R::relations),
             fields::list<R>(
                 {.name = "category",
                  .help = "with --relations: relations of this category (collaboration, ownership, "
                          "…); repeatable",
                  .placeholder = "CATEGORY",
                  .needs = {"relations"}},
                 &R::categories)}};
        const std::tuple<const char*, std::vector<std::string> R::*, const char*> ends[] = {
            {"kind_from", &R::kinds_from, "with --relations: the from end's kind"},
            {"country_from", &R::countries_from, "with --relations: the from end's country"},
            {"where_from", &R::where_from, "with --relations: a condition on the from end"},
            {"kind_to", &R::kinds_to, "with --relations: the to end's kind"},
            {"country_to", &R::countries_to, "with --relations: the to end's country"},
            {"where_to", &R::where_to, "with --relations: a condition on the to end"}};
        for (const auto& [name, member, help] : ends) {
            d.fields.push_back(fields::list<R>(
                {.name = name, .help = help, .placeholder = "VALUE", .needs = {"relations"}}, member));
        }
        fields::add_filter(d.fields, &R::filter, {.directed = false, .evidence = false});
        return d;
    }();
    return description;
}

void ListRequest::validate() const {
    if (relations) {
        if (!kinds.empty() || !countries.empty() || !where.empty()) {
            throw AppError(ErrorKind::Usage,
                           {"with ", Setting{"relations"}, ", say which end: ", Setting{"kind_from"}, "/",
                            Setting{"kind_to"}, ", ", Setting{"country_from"}, "/", Setting{"country_to"},
                            ", ", Setting{"where_from"}, "/", Setting{"where_to"}});
        }
        (void)filter.filter();
        return;
    }
    const std::vector<MessagePart> relations_only = {Setting{"relations"}};
    for (const auto& [name, given] : {std::pair{"category", !categories.empty()},
                                      {"kind_from", !kinds_from.empty()},
                                      {"country_from", !countries_from.empty()},
                                      {"where_from", !where_from.empty()},
                                      {"kind_to", !kinds_to.empty()},
                                      {"country_to", !countries_to.empty()},
                                      {"where_to", !where_to.empty()}}) {
        if (given) throw AppError(ErrorKind::Usage, {Setting{name}, " needs ", Setting{"relations"}});
    }
    fields::applies_only(!filter.types.empty(), "type", relations_only);
    fields::applies_only(!filter.exclude_types.empty(), "exclude_type", relations_only);
    fields::applies_only(filter.as_of.has_value(), "as_of", relations_only);
    fields::applies_only(filter.since.has_value(), "since", relations_only);
    fields::applies_only(filter.until.has_value(), "until", relations_only);
    fields::applies_only(filter.undated.has_value(), "undated", relations_only);
}

}  // namespace kizuna::app
