#pragma once
// The errors of the application layer: one class, with the kind of failure every front end maps to its
// own terms (the command line to PRODUCT.md's exit codes, the server to HTTP statuses, the Python
// module to exception classes). A message names settings (max_rows, as_of) as parts of its own, so that
// each front end spells them its way: the command line `--max-rows`, the HTTP API `max_rows`. what()
// spells them by their own names.
#include <cstdint>
#include <functional>
#include <stdexcept>
#include <string>
#include <vector>

namespace kizuna::app {

enum class ErrorKind {
    Usage,            // a request that cannot be answered as asked: a bad value, options that exclude
    UnknownEntity,    // a name that names no entity (candidates: the closest names)
    AmbiguousEntity,  // a name that names several (candidates: those entities)
    InvalidData,      // data the model refuses; nothing was written (problems: "file:line: message")
    Database,         // the database cannot be opened, is locked, damaged or newer than this program
    Limit,            // a limit stopped the work (setting(): the limit's setting, e.g. max_rows)
    Conflict,         // a write that would undo what is there: an add of an id that exists, an edit of a
                      // record changed since it was opened (change: the change that changed it)
    Internal,         // anything else: a fault of the program, not of the request
};

// "usage", "unknown_entity", "ambiguous_entity", "invalid_data", "database", "limit", "conflict",
// "internal".
[[nodiscard]] const char* kind_name(ErrorKind kind);

// A setting named in a message.
struct Setting {
    std::string name;  // as requests describe it: max_rows
};

// A piece of a message: plain text, or a setting the front end spells.
struct MessagePart {
    MessagePart(std::string plain) : text(std::move(plain)) {}  // NOLINT: text converts implicitly
    MessagePart(const char* plain) : text(plain) {}             // NOLINT
    MessagePart(Setting named) : text(std::move(named.name)), setting(true) {}  // NOLINT
    std::string text;
    bool setting = false;
};

// How a front end spells a setting's name ("max_rows" -> "--max-rows").
using SettingSpelling = std::function<std::string(const std::string& setting)>;

class AppError : public std::runtime_error {
  public:
    AppError(ErrorKind kind, std::vector<MessagePart> message);
    [[nodiscard]] ErrorKind kind() const { return kind_; }
    // The message with settings spelled as the front end spells them.
    [[nodiscard]] std::string message(const SettingSpelling& spelling) const;
    [[nodiscard]] const std::vector<MessagePart>& parts() const { return parts_; }
    // Limit: the limit that stopped the work; else the first setting the message names, or "".
    [[nodiscard]] std::string setting() const;

    // UnknownEntity, AmbiguousEntity: entity ids to suggest or to choose from.
    std::vector<std::string> candidates;
    // InvalidData: the first problems, each "file:line: message", and how many there were in all.
    std::vector<std::string> problems;
    std::size_t total_problems = 0;
    // Conflict: the change that made the record differ from what the writer saw (0: none known).
    std::int64_t change = 0;

  private:
    ErrorKind kind_;
    std::vector<MessagePart> parts_;
};

// The message parts of a text written for the command line: each `--word` that is one of settings
// (as-of for as_of) becomes that setting; the rest stays text. Lower layers word their messages for the
// command line; this lets every front end spell them its own way.
[[nodiscard]] std::vector<MessagePart> settings_in(const std::string& text,
                                                   const std::vector<std::string>& settings);

// The command line's spelling: max_rows -> --max-rows.
[[nodiscard]] std::string command_line_spelling(const std::string& setting);

}  // namespace kizuna::app
