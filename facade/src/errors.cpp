// The engine's exceptions as the API's: each kind of error to its class, with what it carries.
#include "kizuna/core/errors.h"

#include <exception>
#include <new>

#include "facade_internal.h"
#include "kizuna/cypher/errors.h"

namespace kizuna::api {

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
        throw UsageError(e.what());
    } catch (const kizuna::StorageError& e) {
        throw DatabaseError(e.what());
    } catch (const kizuna::Error& e) {
        throw Error(e.what());
    } catch (const cypher::CypherError& e) {
        throw UsageError(query_text.empty() ? e.what() : cypher::caret_message(query_text, e));
    } catch (const cypher::LimitReached& e) {
        throw LimitReached(std::string("stopped: ") + e.what());
    } catch (const std::bad_alloc&) {
        throw;
    } catch (const std::exception& e) {
        throw Error(std::string("unexpected error: ") + e.what());
    }
}

}  // namespace kizuna::api
