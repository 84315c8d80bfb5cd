#include "translate.h"

#include "kizuna/cypher/errors.h"

namespace kizuna::app {

namespace {

// The settings of the limits the query language stops at.
const std::vector<std::string>& limit_settings() {
    static const std::vector<std::string> settings = {"max_rows", "timeout", "max_memory"};
    return settings;
}

std::vector<std::string> with_limits(std::vector<std::string> settings) {
    settings.insert(settings.end(), limit_settings().begin(), limit_settings().end());
    return settings;
}

}  // namespace

void rethrow_translated(const std::vector<std::string>& settings) {
    try {
        throw;
    } catch (const AppError&) {
        throw;
    } catch (const ImportError& e) {
        std::string summary = std::to_string(e.total()) + (e.total() == 1 ? " problem" : " problems");
        if (e.total() > e.problems().size())
            summary += " (first " + std::to_string(e.problems().size()) + " shown)";
        AppError error(ErrorKind::InvalidData, {summary + "; nothing was written"});
        error.problems = e.problems();
        error.total_problems = e.total();
        throw error;
    } catch (const InvalidDataError& e) {
        throw AppError(ErrorKind::InvalidData, settings_in(e.what(), settings));
    } catch (const EntityLookupError& e) {
        const bool unknown = e.kind() == EntityLookupError::Kind::Unknown;
        AppError error(unknown ? ErrorKind::UnknownEntity : ErrorKind::AmbiguousEntity, {e.what()});
        error.candidates = e.candidates();
        throw error;
    } catch (const UsageError& e) {
        throw AppError(ErrorKind::Usage, settings_in(e.what(), settings));
    } catch (const StorageError& e) {
        throw AppError(ErrorKind::Database, {e.what()});
    } catch (const cypher::LimitReached& e) {
        throw AppError(ErrorKind::Limit, settings_in(e.what(), with_limits(settings)));
    } catch (const Error& e) {
        throw AppError(ErrorKind::Internal, {e.what()});
    } catch (const std::exception& e) {
        throw AppError(ErrorKind::Internal, {std::string("unexpected error: ") + e.what()});
    }
}

}  // namespace kizuna::app
