// common A B: entities that both A and B are related to, with the relations on each side.
#include "../fields.h"

namespace kizuna::app {

const Description<CommonRequest>& CommonRequest::description() {
    using R = CommonRequest;
    static const Description<R> description = [] {
        Description<R> d{"common",
                         "entities that both A and B are related to",
                         fields::filter_notes({.directed = false, .evidence = true}),
                         {fields::entity<R>("a", "A", &R::a), fields::entity<R>("b", "B", &R::b)}};
        fields::add_filter(d.fields, &R::filter, {.directed = false, .evidence = true});
        return d;
    }();
    return description;
}

void CommonRequest::validate() const { (void)filter.filter(); }

}  // namespace kizuna::app
