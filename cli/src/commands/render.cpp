// kizuna render: a relationship diagram of the whole graph, an ego network or a path, via Graphviz. The
// request (app/) describes the diagram; the command adds where it goes (-o FILE, or standard output) and
// takes the format from the file's extension when --format is not given.
#include <unistd.h>

#include <fstream>
#include <ostream>

#include "commands.h"
#include "kizuna/core/errors.h"
#include "kizuna/viz/diagram.h"
#include "request_options.h"
#include "views/output.h"

namespace kizuna::cli {

namespace {

void write_output(const Context& context, const std::string& output, const app::RenderAnswer& answer) {
    if (output.empty() || output == "-") {
        const bool binary = answer.format == "png" || answer.format == "pdf";
        if (binary && isatty(STDOUT_FILENO) == 1) {
            throw UsageError("will not write a binary diagram to the terminal; give -o FILE");
        }
        context.o() << answer.bytes;
        return;
    }
    std::ofstream file(output, std::ios::binary | std::ios::trunc);
    file.write(answer.bytes.data(), static_cast<std::streamsize>(answer.bytes.size()));
    file.close();
    if (!file) throw Error("cannot write " + output);
}

// The format a file's extension asks for ("moh.png": png).
std::string format_of(const std::string& output) {
    switch (diagram_format_of(output).value_or(DiagramFormat::Svg)) {
        case DiagramFormat::Png:
            return "png";
        case DiagramFormat::Pdf:
            return "pdf";
        case DiagramFormat::Dot:
            return "dot";
        case DiagramFormat::Svg:
            break;
    }
    return "svg";
}

}  // namespace

Command add_render(CLI::App& root, Context& context) {
    auto [command, options] = add_request_command<app::RenderRequest>(root);
    auto output = std::make_shared<std::string>();
    command->add_option("-o,--output", *output, "output file (default: standard output, svg or dot only)")
        ->type_name("PATH");
    return {command, [&context, options = options, output] {
                app::RenderRequest request = options->request();
                request.lang = context.lang;
                if (options->option("format")->count() == 0 && !output->empty() && *output != "-") {
                    if (!diagram_format_of(*output)) {
                        throw UsageError("-o " + *output +
                                         ": cannot tell the format from the extension; add --format "
                                         "svg|png|pdf|dot");
                    }
                    request.format = format_of(*output);
                }
                const app::RenderAnswer answer = context.session().answer(request);
                write_output(context, *output, answer);
                if (!output->empty() && *output != "-") {
                    context.e() << "wrote " << *output << " (" << answer.entities << " entities, "
                                << answer.relations << " relations)\n";
                    for (const auto& note : left_out_notes(answer.left_out))
                        context.e() << "note: " << note << '\n';
                }
            }};
}

}  // namespace kizuna::cli
