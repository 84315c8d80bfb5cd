// kizuna export: write the whole database as CSV, JSON Lines, GraphML or xlsx.
#include <ostream>

#include "commands.h"
#include "request_options.h"

namespace kizuna::cli {

Command add_export(CLI::App& root, Context& context) {
    auto [command, options] = add_request_command<app::ExportRequest>(root);
    return {
        command, [&context, options = options] {
            const app::ExportAnswer wrote = context.session().answer(options->request());
            context.e() << "wrote " << wrote.path << " (" << wrote.entities << " entities, "
                        << wrote.relations << " relations)\n";
            if (wrote.redirects_left_out + wrote.relation_redirects_left_out + wrote.judgements_left_out >
                0) {
                context.e() << "note: not in this format: " << wrote.redirects_left_out
                            << " merged-away ids, " << wrote.relation_redirects_left_out
                            << " folded relation ids and " << wrote.judgements_left_out
                            << " not-duplicates judgements (export --format jsonl or graphml keeps them)\n";
            }
        }};
}

}  // namespace kizuna::cli
