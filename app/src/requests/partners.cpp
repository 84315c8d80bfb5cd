// partners ENTITY: direct partners, filtered by type, dates, direction, country and kind.
#include "../fields.h"

namespace kizuna::app {

const Description<PartnersRequest>& PartnersRequest::description() {
    using R = PartnersRequest;
    static const Description<R> description = [] {
        Description<R> d{
            "partners",
            "direct partners of an entity, with the relations and sources",
            fields::filter_notes(
                {.directed = true, .evidence = false},
                "Example: which Japanese firms acquired or set up joint ventures with Vietnamese pharma:\n"
                "  kizuna partners \"Ha Tay\" --incoming --type acquisition --country JP"),
            {fields::entity<R>("entity", "ENTITY", &R::entity)}};
        fields::add_filter(d.fields, &R::filter, {.directed = true, .evidence = false});
        d.fields.push_back(fields::list<R>({.name = "country",
                                            .help = "only partners in this country (ISO code: JP, VN)",
                                            .placeholder = "CC",
                                            .short_name = "c"},
                                           &R::countries));
        d.fields.push_back(fields::list<R>({.name = "kind",
                                            .help = "only partners of this kind (company, ministry …)",
                                            .placeholder = "KIND",
                                            .short_name = "k"},
                                           &R::kinds));
        d.fields.push_back(fields::flag<R>(
            {.name = "incoming",
             .help = "only relations that point at the entity (e.g. who acquired it); symmetric ones stay"},
            &R::incoming));
        return d;
    }();
    return description;
}

void PartnersRequest::validate() const { (void)filter.filter(); }

}  // namespace kizuna::app
