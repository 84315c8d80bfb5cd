// show ENTITY: an entity with every name, attribute and source and all its relations; or a relation.
#include "../fields.h"

namespace kizuna::app {

const Description<ShowRequest>& ShowRequest::description() {
    using R = ShowRequest;
    static const Description<R> description{
        "show",
        "an entity with its names, attributes, sources and all relations",
        "",
        {fields::text<R>({.name = "entity",
                          .help = "id or any name or alias; or a relation id (its attributes and sources)",
                          .placeholder = "ENTITY",
                          .positional = true,
                          .required = true},
                         &R::entity)}};
    return description;
}

void ShowRequest::validate() const {}

}  // namespace kizuna::app
