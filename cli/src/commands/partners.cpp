// kizuna partners ENTITY: direct partners, filtered by type, dates, direction, country and kind.
#include <CLI/CLI.hpp>
#include <algorithm>
#include <cctype>

#include "commands.h"
#include "filter_options.h"
#include "kizuna/queries/answers/partners_answer.h"
#include "views/print_answer.h"

namespace kizuna::cli {

Command add_partners(CLI::App& app, Context& context) {
    struct Options {
        std::string entity;
        FilterOptions filter;
        std::vector<std::string> countries, kinds;
        bool incoming = false;
    };
    auto options = std::make_shared<Options>();
    auto* command =
        app.add_subcommand("partners", "direct partners of an entity, with the relations and sources");
    command->add_option("entity", options->entity, "id or any name or alias")
        ->required()
        ->type_name("ENTITY");
    options->filter.add_to(
        *command, {.directed = true, .evidence = false},
        "Example: which Japanese firms acquired or set up joint ventures with Vietnamese pharma:\n"
        "  kizuna partners \"Ha Tay\" --incoming --type acquisition --country JP");
    command
        ->add_option("--country,-c", options->countries, "only partners in this country (ISO code: JP, VN)")
        ->type_name("CC");
    command->add_option("--kind,-k", options->kinds, "only partners of this kind (company, ministry …)")
        ->type_name("KIND");
    command->add_flag("--incoming", options->incoming,
                      "only relations that point at the entity (e.g. who acquired it); symmetric ones stay");
    return {command, [&context, options] {
                const Loaded data(context);
                PartnerQuery query;
                query.filter = options->filter.filter();
                query.incoming_only = options->incoming;
                query.countries = options->countries;
                for (auto& country : query.countries) {  // ISO codes are upper case; "jp" means JP
                    std::transform(country.begin(), country.end(), country.begin(),
                                   [](unsigned char ch) { return static_cast<char>(std::toupper(ch)); });
                }
                query.kinds = options->kinds;
                print_answer(context, answer_partners(data.snapshot, data.vertex(options->entity), query));
            }};
}

}  // namespace kizuna::cli
