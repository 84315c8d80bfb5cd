#include "app.h"

#include <CLI/CLI.hpp>
#include <iostream>
#include <memory>

#include "commands.h"
#include "context.h"
#include "kizuna/app/errors.h"
#include "kizuna/app/message_words.h"
#include "kizuna/core/errors.h"
#include "kizuna/version.h"

namespace {

constexpr int kExitUsage = 2;
constexpr int kExitInvalidData = 3;
constexpr int kExitStorage = 4;

constexpr const char* kFooter =
    R"(Naming an entity: an id (vn-moh) or any name or alias in English, Japanese or Vietnamese,
matched ignoring case, width and diacritics: "MOH", "ＭＯＨ", "Bo Y te", "保健省".

Examples:
  kizuna demo                                   load the bundled Japan–Vietnam data and show answers
  kizuna partners "Vietnam MOH" --type mou      who signed an MOU with Vietnam's Ministry of Health
  kizuna path Kanagawa MHLW                     how two organisations are connected, with sources
  kizuna partners vn-moh --as-of 2020           partners at a date
  kizuna render --ego vn-moh --radius 1 --lang ja -o moh.svg
  kizuna query "MATCH (j:company {country: 'JP'})-[a:acquisition]->(t) RETURN j.name, t.name, a.start"
  kizuna log --entity vn-moh                    who changed what about Vietnam's MOH, and when
  kizuna undo 7 --dry-run                       what taking change 7 back would do

Exit codes: 0 answered, 2 usage or unknown/ambiguous entity, 3 invalid input data (nothing written),
4 database problem (cannot open, locked, corrupt, newer schema).)";

// PRODUCT.md's exit code of each kind of error.
int exit_code(kizuna::app::ErrorKind kind) {
    switch (kind) {
        case kizuna::app::ErrorKind::Usage:
        case kizuna::app::ErrorKind::UnknownEntity:
        case kizuna::app::ErrorKind::AmbiguousEntity:
        case kizuna::app::ErrorKind::Limit:
        case kizuna::app::ErrorKind::Conflict:
            return kExitUsage;
        case kizuna::app::ErrorKind::InvalidData:
            return kExitInvalidData;
        case kizuna::app::ErrorKind::Database:
            return kExitStorage;
        case kizuna::app::ErrorKind::Internal:
            break;
    }
    return 1;
}

// The message with settings spelled as options (--max-rows); an import's problems first, one a line;
// in --lang's language.
int report_error(const kizuna::app::AppError& e, const std::string& lang, std::ostream& err) {
    const std::string message = kizuna::app::message_in(e.message(kizuna::app::command_line_spelling), lang);
    if (!(e.problems.size() == 1 && e.problems.front() == e.what())) {
        for (const auto& problem : e.problems) err << kizuna::app::message_in(problem, lang) << '\n';
    }
    err << "kizuna: " << message << '\n';
    return exit_code(e.kind());
}

}  // namespace

namespace kizuna::cli {

int run_kizuna(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    return run_kizuna(args, out, err, nullptr);
}

int run_kizuna(const std::vector<std::string>& args, std::ostream& out, std::ostream& err,
               const SharedData* shared) {
    namespace cli = kizuna::cli;
    auto report = [&err](const std::string& message, int code) {
        err << "kizuna: " << message << '\n';
        return code;
    };
    cli::Context context;
    context.out = &out;
    context.err = &err;
    context.shared = shared;
    context.db = cli::default_db_path();
    context.lang = cli::default_lang();
    context.command_line = "kizuna";
    for (const auto& arg : args) {  // as a POSIX shell would read it back
        if (!arg.empty() && arg.find_first_of(" \t\n\"'\\$`*?;&|<>()#~") == std::string::npos) {
            context.command_line += " " + arg;
            continue;
        }
        std::string quoted = "'";
        for (const char ch : arg) quoted += ch == '\'' ? std::string("'\\''") : std::string(1, ch);
        context.command_line += " " + quoted + "'";
    }

    CLI::App app{
        "Kizuna (絆): an embedded graph database of collaboration relationships between organisations."};
    app.name("kizuna");
    app.footer(kFooter);
    app.require_subcommand(1);
    app.fallthrough();  // global options may follow the command: kizuna search MOH --format json
    app.set_version_flag("--version", "kizuna " KIZUNA_VERSION);

    std::string format = "table";
    app.add_option("--db", context.db, "database file (default: $KIZUNA_DB, else ./kizuna.db)")
        ->type_name("PATH");
    app.add_option("--format", format, "output: table (default), json (stable, for scripts) or csv")
        ->check(CLI::IsMember({"table", "json", "csv"}))
        ->type_name("FORMAT");
    app.add_option("--lang", context.lang,
                   "language of names, labels and table words: en, ja or vi (default: $KIZUNA_LANG, else "
                   "$LANG's language, else en)")
        ->check(CLI::IsMember({"en", "ja", "vi"}))
        ->type_name("LANG");
    app.add_option("-o,--output", context.output,
                   "write the answer to this file instead of standard output (CSV gets a UTF-8 byte order "
                   "mark for Excel)")
        ->type_name("FILE");
    app.add_option("--author", context.author,
                   "who this command's changes are recorded as in the history (default: $KIZUNA_AUTHOR, else "
                   "the system user)")
        ->type_name("NAME");
    bool no_bom = false;
    app.add_flag("--no-bom", no_bom, "CSV written with -o: no byte order mark");

    // The word where the command goes (after the global options and their values), if any.
    std::string command_word;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& arg = args[i];
        if (arg == "--db" || arg == "--format" || arg == "--lang" || arg == "-o" || arg == "--output" ||
            arg == "--author") {
            ++i;  // its value
            continue;
        }
        if (arg.empty() || arg[0] == '-') continue;
        command_word = arg;
        break;
    }
    using Adder = cli::Command (*)(CLI::App&, cli::Context&);
    static const std::vector<std::pair<std::string, Adder>> kCommands = {
        {"init", cli::add_init},
        {"import", cli::add_import},
        {"export", cli::add_export},
        {"search", cli::add_search},
        {"list", cli::add_list},
        {"show", cli::add_show},
        {"partners", cli::add_partners},
        {"path", cli::add_path},
        {"common", cli::add_common},
        {"ego", cli::add_ego},
        {"timeline", cli::add_timeline},
        {"stats", cli::add_stats},
        {"communities", cli::add_communities},
        {"changes", cli::add_changes},
        {"render", cli::add_render},
        {"brief", cli::add_brief},
        {"query", cli::add_query},
        {"demo", cli::add_demo},
        {"serve", cli::add_serve},
        {"log", cli::add_log},
        {"diff", cli::add_diff},
        {"undo", cli::add_undo},
        {"restore", cli::add_restore},
        {"duplicates", cli::add_duplicates},
        {"merge", cli::add_merge},
        {"not-duplicates", cli::add_not_duplicates},
    };
    // A long-running process (kizuna serve) names one command per call: only that one is built, which is
    // most of the cost of a small answer. A person's command line gets them all (--help lists them).
    std::vector<cli::Command> commands;
    for (const auto& [name, add] : kCommands) {
        if (shared == nullptr || name == command_word) commands.push_back(add(app, context));
    }
    if (!command_word.empty() && commands.empty()) {  // serving, and the word is no command: all, to say so
        for (const auto& [name, add] : kCommands) commands.push_back(add(app, context));
    }

    // A word where the command goes that is no command: say so (CLI11 would only ask for a command).
    if (!command_word.empty()) {
        bool known = false;
        for (const auto& command : commands) known = known || command.app->check_name(command_word);
        if (!known) {
            std::string names;
            for (const auto& command : commands)
                names += (names.empty() ? "" : ", ") + command.app->get_name();
            return report(
                "unknown command '" + command_word + "'; the commands are " + names + " (kizuna --help)",
                kExitUsage);
        }
    }
    try {
        std::vector<std::string> reversed(args.rbegin(), args.rend());
        app.parse(reversed);
    } catch (const CLI::ParseError& e) {
        // No command at all: the commands and examples --help shows (CLI11 would only ask for one).
        if (command_word.empty() && e.get_exit_code() != 0) {
            err << app.help() << "kizuna: give a command (kizuna COMMAND --help tells more of one)\n";
            return kExitUsage;
        }
        const int code = app.exit(e, out, err);
        return code == 0 ? 0 : kExitUsage;
    }
    context.bom = !no_bom;
    context.format = format == "json"  ? cli::OutputFormat::Json
                     : format == "csv" ? cli::OutputFormat::Csv
                                       : cli::OutputFormat::Table;

    try {
        for (const auto& command : commands) {
            if (command.app->parsed()) command.run();
        }
        out.flush();
        if (!out) return report("cannot write the answer to standard output", 1);
        return 0;
    } catch (const kizuna::app::AppError& e) {
        return report_error(e, context.lang, err);
    } catch (const kizuna::ImportError& e) {
        for (const auto& problem : e.problems()) err << problem << '\n';
        std::string summary = std::to_string(e.total()) + (e.total() == 1 ? " problem" : " problems");
        if (e.total() > e.problems().size())
            summary += " (first " + std::to_string(e.problems().size()) + " shown)";
        return report(summary + "; nothing was written", kExitInvalidData);
    } catch (const kizuna::InvalidDataError& e) {
        return report(e.what(), kExitInvalidData);
    } catch (const kizuna::UsageError& e) {
        return report(e.what(), kExitUsage);
    } catch (const kizuna::StorageError& e) {
        return report(e.what(), kExitStorage);
    } catch (const kizuna::Error& e) {
        return report(e.what(), 1);
    } catch (const std::bad_alloc&) {
        return report("out of memory", 1);
    } catch (const std::exception& e) {
        return report(std::string("unexpected error: ") + e.what(), 1);
    }
}

}  // namespace kizuna::cli
