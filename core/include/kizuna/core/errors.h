#pragma once
// The one error model of Kizuna. Each class names the stage that failed; the CLI maps them to the exit
// codes of PRODUCT.md (UsageError 2, InvalidDataError 3, StorageError 4). Expected absences (no path,
// no match) are never exceptions: they are empty results.
#include <stdexcept>
#include <string>
#include <vector>

namespace kizuna {

class Error : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

// A value or file the user gave is not valid data (bad slug, bad date, unknown type ...). Exit 3.
class InvalidDataError : public Error {
  public:
    using Error::Error;
};

// Several problems found while validating an import, each "file:line: message". Exit 3.
class ImportError : public InvalidDataError {
  public:
    ImportError(std::vector<std::string> problems, std::size_t total);
    const std::vector<std::string>& problems() const { return problems_; }
    // How many problems were found in all (problems() holds only the first few).
    std::size_t total() const { return total_; }

  private:
    std::vector<std::string> problems_;
    std::size_t total_;
};

// The database cannot be opened, is locked, corrupt, or has a newer schema. Exit 4.
class StorageError : public Error {
  public:
    using Error::Error;
};

// A read-only opening of a database from an older Kizuna: opening it once for writing upgrades it.
class OutdatedSchemaError : public StorageError {
  public:
    using StorageError::StorageError;
};

// The command line or query is wrong: bad option, unknown or ambiguous entity. Exit 2.
class UsageError : public Error {
  public:
    using Error::Error;
};

// An entity argument that matches nothing (Unknown: candidates() are the closest names) or several
// entities (Ambiguous: candidates() are those entities); candidates() are entity ids.
class EntityLookupError : public UsageError {
  public:
    enum class Kind { Unknown, Ambiguous };
    EntityLookupError(Kind kind, const std::string& message, std::vector<std::string> candidates)
        : UsageError(message), kind_(kind), candidates_(std::move(candidates)) {}
    Kind kind() const { return kind_; }
    const std::vector<std::string>& candidates() const { return candidates_; }

  private:
    Kind kind_;
    std::vector<std::string> candidates_;
};

}  // namespace kizuna
