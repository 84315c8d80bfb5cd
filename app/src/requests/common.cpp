// common A B: entities that both A and B are related to, with the relations on each side.
#include "../fields.h"

namespace kizuna::app {

const Description<CommonRequest>& CommonRequest::description() {
    using R = CommonRequest;
    static const Description<R> description = [] {
        Description<R> d{"common",
                         "entities that both A and B are related to",
                         fields::filter_notes({.directed = false, .evidence = true}),
                         {fields::text<R>({.name = "a",
                                           .help = "id or any name or alias",
                                           .placeholder = "A",
                                           .positional = true,
                                           .required = true},
                                          &R::a),
                          fields::text<R>({.name = "b",
                                           .help = "id or any name or alias",
                                           .placeholder = "B",
                                           .positional = true,
                                           .required = true},
                                          &R::b)}};
        fields::add_filter(d.fields, &R::filter, {.directed = false, .evidence = true});
        return d;
    }();
    return description;
}

void CommonRequest::validate() const { (void)filter.filter(); }

}  // namespace kizuna::app
