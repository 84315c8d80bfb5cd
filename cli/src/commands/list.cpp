// kizuna list: entities by kind, country and attribute, or with --relations the relations by type,
// category and the kinds and countries of their ends.
#include <CLI/CLI.hpp>

#include "commands.h"
#include "filter_options.h"
#include "kizuna/core/errors.h"
#include "kizuna/queries/answers/list_answer.h"
#include "views/print_answer.h"

namespace kizuna::cli {

namespace {

std::vector<AttributeCondition> conditions(const std::vector<std::string>& texts) {
    std::vector<AttributeCondition> out;
    for (const auto& text : texts) out.push_back(AttributeCondition::parse(text));
    return out;
}

}  // namespace

Command add_list(CLI::App& app, Context& context) {
    struct Options {
        bool relations = false;
        std::vector<std::string> kinds, countries, where;
        std::vector<std::string> kinds_from, countries_from, where_from, kinds_to, countries_to, where_to;
        std::vector<std::string> categories;
        FilterOptions filter;
    };
    auto options = std::make_shared<Options>();
    auto* command = app.add_subcommand("list", "list entities by kind, country or attribute; or relations");
    command
        ->add_option("--kind,-k", options->kinds,
                     "entities of this kind: an id or a name in any language "
                     "(company, 企業, công ty); repeatable")
        ->type_name("KIND");
    command
        ->add_option("--country,-c", options->countries,
                     "entities in this country: JP, Japan, 日本; repeatable")
        ->type_name("COUNTRY");
    command
        ->add_option("--where,-w", options->where,
                     "attribute=value or attribute~text (contains), case, width and accents folded; ~text "
                     "looks in every attribute; repeatable, all must hold")
        ->type_name("COND");
    auto* relations = command->add_flag("--relations", options->relations,
                                        "list relations instead: by --type, --category and their two ends");
    command
        ->add_option("--category", options->categories,
                     "with --relations: relations of this category "
                     "(collaboration, ownership, …); repeatable")
        ->type_name("CATEGORY")
        ->needs(relations);
    for (auto [name, target, help] :
         {std::tuple{"--kind-from", &options->kinds_from, "with --relations: the from end's kind"},
          std::tuple{"--country-from", &options->countries_from, "with --relations: the from end's country"},
          std::tuple{"--where-from", &options->where_from, "with --relations: a condition on the from end"},
          std::tuple{"--kind-to", &options->kinds_to, "with --relations: the to end's kind"},
          std::tuple{"--country-to", &options->countries_to, "with --relations: the to end's country"},
          std::tuple{"--where-to", &options->where_to, "with --relations: a condition on the to end"}}) {
        command->add_option(name, *target, help)->type_name("VALUE")->needs(relations);
    }
    options->filter.add_to(
        *command, {.directed = false, .evidence = false},
        "Examples:\n"
        "  kizuna list --country JP --kind company                all Japanese companies\n"
        "  kizuna list --where city=Hanoi                         who is in Hanoi\n"
        "  kizuna list --where ~ME-BYO                            anything on ME-BYO\n"
        "  kizuna list --relations --category ownership --country-from JP --country-to VN\n"
        "                                                         Japanese stakes in Vietnamese "
        "organisations\n"
        "--type, dates and --undated apply with --relations.");
    return {command, [&context, options, command] {
                const Loaded data(context);
                if (options->relations) {
                    if (!options->kinds.empty() || !options->countries.empty() || !options->where.empty()) {
                        throw UsageError(
                            "with --relations, say which end: --kind-from/--kind-to, "
                            "--country-from/--country-to, --where-from/--where-to");
                    }
                    RelationListRequest request;
                    request.filter = options->filter.filter();
                    request.categories = options->categories;
                    request.from = {options->kinds_from, options->countries_from,
                                    conditions(options->where_from)};
                    request.to = {options->kinds_to, options->countries_to, conditions(options->where_to)};
                    print_answer(context, answer_relation_list(data.snapshot, request));
                    return;
                }
                for (const char* name :
                     {"--type", "--exclude-type", "--as-of", "--since", "--until", "--undated"}) {
                    if (command->count(name) > 0)
                        throw UsageError(std::string(name) + " applies to --relations");
                }
                print_answer(context, answer_entity_list(data.snapshot, {options->kinds, options->countries,
                                                                         conditions(options->where)}));
            }};
}

}  // namespace kizuna::cli
