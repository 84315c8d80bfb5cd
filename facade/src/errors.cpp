// The engine's exceptions as the API's: each kind of error to its class, with what it carries.
#include "kizuna/core/errors.h"

#include <cctype>
#include <exception>
#include <new>
#include <string_view>
#include <utility>

#include "facade_internal.h"
#include "kizuna/cypher/errors.h"

namespace kizuna::api {

std::string settings_spelled(std::string message) {
    // Longest first, so that --type does not take the start of --type-something.
    static const std::pair<const char*, const char*> kSettings[] = {
        {"--include-evidence", "include_evidence"},
        {"--exclude-type", "exclude_types"},
        {"--max-rows", "max_rows"},
        {"--max-hops", "max_hops"},
        {"--timeout", "timeout_ms"},
        {"--undated", "undated"},
        {"--as-of", "as_of"},
        {"--since", "since"},
        {"--until", "until"},
        {"--param", "params"},
        {"--type", "types"}};
    for (const auto& [flag, setting] : kSettings) {
        const std::string_view from(flag);
        for (auto at = message.find(from); at != std::string::npos; at = message.find(from, at)) {
            const std::size_t after = at + from.size();
            if (after < message.size() &&
                (std::isalnum(static_cast<unsigned char>(message[after])) != 0 || message[after] == '-')) {
                at = after;
                continue;
            }
            message.replace(at, from.size(), setting);
            at += std::string_view(setting).size();
        }
    }
    return message;
}

void rethrow_translated(const std::string& query_text) {
    try {
        throw;
    } catch (const Error&) {
        throw;  // already the API's
    } catch (const kizuna::ImportError& e) {
        const std::string summary =
            std::to_string(e.total()) + (e.total() == 1 ? " problem" : " problems") + "; nothing was written";
        throw InvalidData(e.problems().empty() ? summary : e.problems().front() + " (" + summary + ")",
                          e.problems(), e.total());
    } catch (const kizuna::InvalidDataError& e) {
        throw InvalidData(e.what(), {e.what()}, 1);
    } catch (const kizuna::EntityLookupError& e) {
        throw UnknownEntity(e.what(), e.candidates());
    } catch (const kizuna::UsageError& e) {
        throw UsageError(settings_spelled(e.what()));
    } catch (const kizuna::StorageError& e) {
        throw DatabaseError(e.what());
    } catch (const kizuna::Error& e) {
        throw Error(e.what());
    } catch (const cypher::CypherError& e) {
        throw UsageError(
            settings_spelled(query_text.empty() ? e.what() : cypher::caret_message(query_text, e)));
    } catch (const cypher::LimitReached& e) {
        throw LimitReached(settings_spelled(std::string("stopped: ") + e.what()));
    } catch (const std::bad_alloc&) {
        throw;
    } catch (const std::exception& e) {
        throw Error(std::string("unexpected error: ") + e.what());
    }
}

}  // namespace kizuna::api
