#pragma once
// Private to app: the errors of the layers below turned into AppErrors of their kind, the command-line
// words of their messages (--as-of) into the settings of the request being answered (as_of).
#include <string>
#include <vector>

#include "kizuna/app/errors.h"
#include "kizuna/core/errors.h"

namespace kizuna::app {

// Rethrows the exception being handled as an AppError. REQUIRES: called inside a catch block.
[[noreturn]] void rethrow_translated(const std::vector<std::string>& settings);

// Runs work; whatever it throws leaves as an AppError (std::bad_alloc stays itself).
template <typename Work>
auto translated(const std::vector<std::string>& settings, Work&& work) -> decltype(work()) {
    try {
        return work();
    } catch (const std::bad_alloc&) {
        throw;
    } catch (...) {
        rethrow_translated(settings);
    }
}

}  // namespace kizuna::app
