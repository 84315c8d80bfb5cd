// kizuna partners ENTITY: direct partners, filtered by type, dates, direction, country and kind.
#include <CLI/CLI.hpp>

#include <algorithm>
#include <cctype>
#include <ostream>

#include "commands.h"
#include "filter_options.h"
#include "kizuna/core/json.h"
#include "kizuna/queries/partners.h"
#include "output.h"
#include "source_notes.h"
#include "table.h"

namespace kizuna::cli {

Command add_partners(CLI::App& app, Context& context) {
    struct Options {
        std::string entity;
        FilterOptions filter;
        std::vector<std::string> countries, kinds;
        bool incoming = false;
    };
    auto options = std::make_shared<Options>();
    auto* command = app.add_subcommand("partners", "direct partners of an entity, with the relations and sources");
    command->add_option("entity", options->entity, "id or any name or alias")->required()->type_name("ENTITY");
    options->filter.add_to(*command);
    command->add_option("--country,-c", options->countries, "only partners in this country (ISO code: JP, VN)")
        ->type_name("CC");
    command->add_option("--kind,-k", options->kinds, "only partners of this kind (company, ministry …)")
        ->type_name("KIND");
    command->add_flag("--incoming", options->incoming,
                      "only relations that point at the entity (e.g. who acquired it); symmetric ones stay");
    command->footer("Example: which Japanese firms acquired or set up joint ventures with Vietnamese pharma:\n"
                    "  kizuna partners \"Ha Tay\" --incoming --type acquisition --country JP");
    return {command, [&context, options] {
                const Loaded data = load(context);
                const VertexId v = data.vertex(options->entity);
                PartnerQuery query;
                query.filter = options->filter.filter();
                query.incoming_only = options->incoming;
                query.countries = options->countries;
                for (auto& country : query.countries) {  // ISO codes are upper case; "jp" means JP
                    std::transform(country.begin(), country.end(), country.begin(),
                                   [](unsigned char ch) { return static_cast<char>(std::toupper(ch)); });
                }
                query.kinds = options->kinds;
                const auto links = partners(data.graph, v, query);
                const Entity self = data.graph.entity(v);

                if (context.format == OutputFormat::Json) {
                    nlohmann::json list = nlohmann::json::array();
                    for (const auto& link : links) {
                        const Relation relation = data.graph.relation(link.relation);
                        list.push_back({{"partner", data.graph.entity(link.partner)},
                                        {"direction", direction_word(data.graph.type(link.relation), relation, self.id)},
                                        {"relation", relation}});
                    }
                    print_json(context, {{"entity", self}, {"partners", list}});
                    return;
                }
                if (context.format == OutputFormat::Csv) {
                    std::vector<std::vector<std::string>> rows = {{"partner", "partner_name", "country", "kind",
                                                                   "relation", "type", "direction", "start", "end",
                                                                   "sources"}};
                    for (const auto& link : links) {
                        const Entity partner = data.graph.entity(link.partner);
                        const Relation r = data.graph.relation(link.relation);
                        rows.push_back({partner.id, display_name(partner, context.lang), partner.country,
                                        partner.kind, r.id, r.type,
                                        direction_word(data.graph.type(link.relation), r, self.id),
                                        date_text(r.start), date_text(r.end), source_titles(r.sources)});
                    }
                    print_csv(context, rows);
                    return;
                }
                context.o() << "Partners of " << display_name(self, context.lang) << " (" << self.id << "): "
                            << links.size() << (links.size() == 1 ? " relation" : " relations") << "\n\n";
                if (links.empty()) return;
                SourceNotes notes;
                Table table({"partner", "country", "relation", "", "when", "source", "relation id"});
                for (const auto& link : links) {
                    const Entity partner = data.graph.entity(link.partner);
                    const Relation r = data.graph.relation(link.relation);
                    const RelationType& type = data.graph.type(link.relation);
                    table.add({display_name(partner, context.lang), partner.country,
                               display_label(type, context.lang), arrow(type, r, self.id), when(r),
                               notes.mark(r.sources), r.id});
                }
                table.print(context.o());
                notes.print(context.o());
            }};
}

}  // namespace kizuna::cli
