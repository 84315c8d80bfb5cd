// kizuna search TEXT: entities by any name or alias, in any language.
#include <CLI/CLI.hpp>

#include <ostream>

#include "commands.h"
#include "kizuna/core/json.h"
#include "output.h"
#include "table.h"

namespace kizuna::cli {

namespace {

// Every name and alias except the one shown in the name column.
std::string other_names(const Entity& entity, const std::string& shown) {
    std::string text;
    auto add = [&](const std::string& name) {
        if (name.empty() || name == shown) return;
        if (!text.empty()) text += ", ";
        text += name;
    };
    add(entity.names.en);
    add(entity.names.ja);
    add(entity.names.vi);
    for (const auto& alias : entity.aliases) add(alias);
    return text;
}

}  // namespace

Command add_search(CLI::App& app, Context& context) {
    struct Options {
        std::string text;
        std::size_t limit = 20;
    };
    auto options = std::make_shared<Options>();
    auto* command = app.add_subcommand("search", "find entities by any name or alias in any language");
    command->add_option("text", options->text, "part of a name, alias or id: MOH, 保健省, Bo Y te, Alcopha")
        ->required()
        ->type_name("TEXT");
    command->add_option("--limit,-n", options->limit, "most results to show (default 20)")->check(CLI::PositiveNumber);
    return {command, [&context, options] {
                Store store = context.open_for_reading();
                // One more than shown tells whether there are more (a table says so; JSON and CSV stay lists).
                auto found = store.search(options->text, options->limit + 1);
                const bool more = found.size() > options->limit;
                if (more) found.pop_back();
                if (context.format == OutputFormat::Json) {
                    print_json(context, nlohmann::json(found));
                    return;
                }
                if (context.format == OutputFormat::Csv) {
                    std::vector<std::vector<std::string>> rows = {
                        {"id", "kind", "name_en", "name_ja", "name_vi", "aliases", "country"}};
                    for (const auto& e : found) {
                        std::string aliases;
                        for (const auto& alias : e.aliases) aliases += (aliases.empty() ? "" : " | ") + alias;
                        rows.push_back({e.id, e.kind, e.names.en, e.names.ja, e.names.vi, aliases, e.country});
                    }
                    print_csv(context, rows);
                    return;
                }
                if (found.empty()) {
                    context.o() << "no entity matches '" << options->text << "'\n";
                    return;
                }
                Table table({"id", "name", "kind", "country", "also known as"});
                for (const auto& e : found) {
                    const std::string& name = display_name(e, context.lang);
                    table.add({e.id, name, e.kind, e.country, other_names(e, name)});
                }
                table.print(context.o());
                if (more) {
                    context.o() << "\nmore entities match: show more with -n " << options->limit * 5
                                << ", or give more of the name\n";
                }
            }};
}

}  // namespace kizuna::cli
