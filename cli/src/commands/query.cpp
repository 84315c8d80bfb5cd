// kizuna query: a query in Kizuna's Cypher-compatible subset (docs/cypher.md) on the database. The request
// (app/) describes it; the command adds -f FILE, the query read from a file.
#include <fstream>
#include <sstream>

#include "commands.h"
#include "kizuna/core/errors.h"
#include "request_options.h"
#include "views/print_answer.h"

namespace kizuna::cli {

Command add_query(CLI::App& root, Context& context) {
    auto [command, options] = add_request_command<app::QueryRequest>(root);
    auto file = std::make_shared<std::string>();
    command->add_option("-f,--file", *file, "read the query from FILE")->type_name("FILE");
    return {command, [&context, options = options, file] {
                app::QueryRequest request = options->request();
                request.lang = context.lang;
                if (!file->empty()) {
                    if (!request.text.empty())
                        throw UsageError("give the query as an argument or with -f, not both");
                    std::ifstream in(*file);
                    if (!in) throw UsageError(*file + ": cannot read the query file");
                    std::ostringstream text;
                    text << in.rdbuf();
                    request.text = text.str();
                    request.where = *file;
                }
                const auto answer = context.session().answer(request);
                // Warnings go in the JSON's "warnings" list, else to stderr beside the table or CSV.
                if (context.format != OutputFormat::Json) {
                    for (const auto& warning : answer.warnings) context.e() << "warning: " << warning << '\n';
                }
                print_answer(context, answer);
            }};
}

}  // namespace kizuna::cli
