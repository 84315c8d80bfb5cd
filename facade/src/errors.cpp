// The application layer's errors as the API's: each kind to its class, with what it carries.
#include "kizuna/app/errors.h"

#include <exception>
#include <new>

#include "facade_internal.h"
#include "kizuna/core/errors.h"

namespace kizuna::api {

namespace {

[[noreturn]] void throw_of_kind(const app::AppError& e) {
    // what() spells each setting by its own name (as_of, max_rows): the API's names.
    switch (e.kind()) {
        case app::ErrorKind::Usage:
            throw UsageError(e.what());
        case app::ErrorKind::UnknownEntity:
            throw UnknownEntity(e.what(), e.candidates);
        case app::ErrorKind::AmbiguousEntity:
            throw AmbiguousEntity(e.what(), e.candidates);
        case app::ErrorKind::InvalidData: {
            // An import's problems come listed; a single refusal (a query's write) is its one problem.
            if (e.problems.empty()) throw InvalidData(e.what(), {e.what()}, 1);
            throw InvalidData(e.problems.front() + " (" + e.what() + ")", e.problems, e.total_problems);
        }
        case app::ErrorKind::Database:
            throw DatabaseError(e.what());
        case app::ErrorKind::Limit:
            throw LimitReached(e.what());
        case app::ErrorKind::Conflict:  // the facade does not write records; a refusal is a usage error
            throw UsageError(e.what());
        case app::ErrorKind::Internal:
            break;
    }
    throw Error(e.what());
}

}  // namespace

void rethrow_translated() {
    try {
        throw;
    } catch (const Error&) {
        throw;  // already the API's
    } catch (const app::AppError& e) {
        throw_of_kind(e);
    } catch (const kizuna::StorageError& e) {  // opening a database (Database::open, create)
        throw DatabaseError(e.what());
    } catch (const std::bad_alloc&) {
        throw;
    } catch (const std::exception& e) {
        throw Error(std::string("unexpected error: ") + e.what());
    }
}

}  // namespace kizuna::api
