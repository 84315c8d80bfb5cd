// kizuna brief: the partner introduction sheet. The request (app/) describes the sheet; the command adds
// where it goes (-o FILE.html or FILE.pdf; --format json prints the content for scripts) and takes the
// sheet's format from the file's extension.
#include <cctype>
#include <fstream>

#include "commands.h"
#include "kizuna/core/errors.h"
#include "request_options.h"
#include "views/output.h"

namespace kizuna::cli {

namespace {

bool brief_ends_with(const std::string& text, const std::string& tail) {
    if (text.size() <= tail.size()) return false;
    std::string end = text.substr(text.size() - tail.size());
    for (auto& c : end) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return end == tail;
}

// The sheet's format an output file asks for by its extension.
std::string brief_format_of(const std::string& output) {
    if (brief_ends_with(output, ".html") || brief_ends_with(output, ".htm")) return "html";
    if (brief_ends_with(output, ".pdf")) return "pdf";
    if (brief_ends_with(output, ".json")) return "json";
    throw UsageError("-o " + output + ": a sheet is written as .html or .pdf (or its content as .json)");
}

}  // namespace

Command add_brief(CLI::App& root, Context& context) {
    auto [command, options] = add_request_command<app::BriefRequest>(root);
    auto output = std::make_shared<std::string>();
    command
        ->add_option("-o,--output", *output,
                     "the sheet: FILE.html or FILE.pdf (default: HTML on standard output)")
        ->type_name("PATH");
    return {command, [&context, options = options, output] {
                app::BriefRequest request = options->request();
                request.lang = context.lang;
                const bool to_file = !output->empty() && *output != "-";
                if (context.format == OutputFormat::Csv)
                    throw UsageError("brief writes a sheet (HTML or PDF) or its content as JSON, not CSV");
                request.format = to_file                                ? brief_format_of(*output)
                                 : context.format == OutputFormat::Json ? "json"
                                                                        : "html";
                const app::SheetAnswer answer = context.session().answer(request);
                std::string bytes = answer.bytes;
                if (request.format == "json")
                    bytes =
                        nlohmann::json(answer).dump(2, ' ', false, nlohmann::json::error_handler_t::replace) +
                        "\n";
                if (!to_file) {
                    context.o() << bytes;
                    return;
                }
                write_file_atomically(*output, bytes);
                std::size_t shown = 0;
                for (const auto& section : answer.brief.sections) shown += section.items.size();
                context.e() << "wrote " << *output << " (" << shown << " relations, "
                            << answer.brief.sources.size() << " sources)\n";
            }};
}

}  // namespace kizuna::cli
