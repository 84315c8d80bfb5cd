// search TEXT: entities by any name or alias, in any language.
#include "../fields.h"

namespace kizuna::app {

const Description<SearchRequest>& SearchRequest::description() {
    using R = SearchRequest;
    static const Description<R> description{
        "search",
        "find entities by any name or alias in any language",
        "",
        {fields::text<R>({.name = "text",
                          .help = "part of a name, alias or id: MOH, 保健省, Bo Y te, Alcopha",
                          .placeholder = "TEXT",
                          .positional = true,
                          .required = true},
                         &R::text),
         fields::count<R>({.name = "limit",
                           .help = "most results to show (default 20, at most 1000)",
                           .placeholder = "N",
                           .short_name = "n",
                           .least = 1,
                           .most = kMostSearchResults,
                           .default_value = "20"},
                          &R::limit)}};
    return description;
}

void SearchRequest::validate() const { fields::check_count(description().find("limit")->param, limit); }

}  // namespace kizuna::app
