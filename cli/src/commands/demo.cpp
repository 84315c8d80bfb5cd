// kizuna demo: load the bundled dataset into a fresh database and answer the questions users come with,
// by running the same commands a user would type (so what the demo shows is what they get).
#include <CLI/CLI.hpp>
#include <algorithm>
#include <filesystem>
#include <ostream>

#include "app.h"
#include "bundled.h"
#include "commands.h"
#include "kizuna/core/errors.h"

namespace kizuna::cli {

namespace {

// Removes a database and its WAL companions so that the demo starts fresh.
void remove_database(const std::filesystem::path& db) {
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(db.string() + suffix);
}

}  // namespace

Command add_demo(CLI::App& root, Context& context) {
    auto dir = std::make_shared<std::string>("kizuna-demo");
    auto* command =
        root.add_subcommand("demo", "load the bundled Japan–Vietnam dataset and show answers and diagrams");
    command->add_option("--dir", *dir, "folder for the demo database and diagrams (default ./kizuna-demo)")
        ->type_name("DIR");
    command->footer(
        "The bundled data is share/kizuna/data next to the installation, else $KIZUNA_DATA, else data/ "
        "of the source tree the binary was built from. The demo database is "
        "DIR/kizuna.db, recreated on every run; query it with --db DIR/kizuna.db.");
    return {
        command, [&context, dir] {
            const std::filesystem::path data =
                find_bundled({"data", "KIZUNA_DATA", "relations.csv", "the bundled dataset"});
            std::filesystem::create_directories(*dir);
            const std::filesystem::path db = std::filesystem::path(*dir) / "kizuna.db";
            remove_database(db);
            std::ostream& out = context.o();
            const std::string lang = context.lang;
            auto step = [&](const std::string& note, std::vector<std::string> args) {
                out << "\n── " << note << "\n$ kizuna";
                for (const auto& a : args)
                    out << ' ' << (a.find(' ') == std::string::npos ? a : "\"" + a + "\"");
                out << "\n\n";
                if (std::find(args.begin(), args.end(), "--lang") == args.end()) {
                    args.insert(args.begin(), {"--lang", lang});
                }
                args.insert(args.begin(), {"--db", db.string()});
                const int code = run_kizuna(args, out, context.e());
                if (code != 0) throw Error("demo step failed (exit " + std::to_string(code) + ")");
            };
            out << "Kizuna demo: Japan–Vietnam healthcare cooperation, from the bundled dataset\n";
            step("create the database", {"init"});
            step("load the curated data (validated, one transaction)", {"import", "--quiet", data.string()});
            step("Who signed an MOU or memorandum with Vietnam's Ministry of Health?",
                 {"partners", "Vietnam MOH", "--type", "mou"});
            step("What did Kanagawa and Vietnam's MOH agree in 2024?", {"show", "kanagawa-vn-moh-mou-2024"});
            step("How is Kanagawa connected to Japan's MHLW, and through what?",
                 {"path", "Kanagawa", "MHLW"});
            step("And to Hau Giang Pharmaceutical? (only the report links them: evidence, not a partnership)",
                 {"path", "Kanagawa", "Hau Giang"});
            step("Vietnam's MOH in 2016: active, possibly active, and ties of unknown date kept apart",
                 {"partners", "Vietnam MOH", "--as-of", "2016"});
            step("Which Japanese firms acquired or set up joint ventures in Vietnam?",
                 {"timeline", "--type", "acquisition", "--type", "joint_venture"});
            step("What changed from 2019 on?", {"timeline", "--since", "2019"});
            step("Relationship map around Vietnam's MOH, in Japanese",
                 {"render", "--ego", "vn-moh", "--radius", "1", "--lang", "ja", "-o",
                  (std::filesystem::path(*dir) / "vn-moh-ja.png").string()});
            step("The whole map, clustered by country, laid out for a 16:9 slide",
                 {"render", "--cluster", "country", "--fit", "16:9", "-o",
                  (std::filesystem::path(*dir) / "kizuna-16x9.png").string()});
            out << "\nNext: kizuna --db " << db.string()
                << " show vn-moh    (every relation with its sources)\n";
        }};
}

}  // namespace kizuna::cli
