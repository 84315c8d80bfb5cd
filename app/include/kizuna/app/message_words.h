#pragma once
// The messages of Kizuna's refusals in Japanese and Vietnamese. The layers below word their messages in
// English for the command line ("relation r1: end 2020 is before start 2024 (…)"); a front end that
// answers in another language (`--lang ja`, `?lang=vi`) passes them through message_in. Each message
// the forms, imports, undo and merge can give is a template in a table ("relation {0}: end {1} is before
// start {2} …"), matched whole with RE2; its values are translated in turn when they are messages
// themselves ("bad date '{0}': {1}"), and a place before it ("relation:1: ") is kept as it is. English
// stays byte for byte as given; a message the table does not know stays English.
#include <string>

namespace kizuna::app {

// The message in lang (en, ja or vi); en and unknown messages as given.
[[nodiscard]] std::string message_in(const std::string& message, const std::string& lang);

// Whether message_in knows the message (the whole of it, after a place) — for the tests that every
// message the forms can give has its translations.
[[nodiscard]] bool message_known(const std::string& message);

// A reason of a duplicate candidate ("same name", "same kind", "same website", "2 shared neighbours")
// and a field a reason's detail names ("(en)", "(alias)") in lang.
[[nodiscard]] std::string reason_in(const std::string& reason, const std::string& lang);

}  // namespace kizuna::app
