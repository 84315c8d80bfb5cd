#pragma once
// The errors of the query language. Each has a kind named as the openCypher TCK names them
// (SyntaxError, SemanticError, TypeError, ArgumentError, EntityNotFound, ConstraintVerificationFailed,
// ParameterMissing, ...), whether it was found before running (compile time) or while running, and for
// compile-time errors the line and column (1-based) in the query text.
#include <cstdint>
#include <stdexcept>
#include <string>

namespace kizuna::cypher {

class CypherError : public std::runtime_error {
  public:
    enum class Phase : std::uint8_t { Compile, Runtime };
    CypherError(std::string kind, Phase phase, const std::string& message, int line = 0, int column = 0)
        : std::runtime_error(message), kind_(std::move(kind)), phase_(phase), line_(line), column_(column) {}
    [[nodiscard]] const std::string& kind() const { return kind_; }
    [[nodiscard]] Phase phase() const { return phase_; }
    [[nodiscard]] int line() const { return line_; }
    [[nodiscard]] int column() const { return column_; }

  private:
    std::string kind_;
    Phase phase_;
    int line_;
    int column_;
};

// A query stopped by one of its limits (Limits in engine.h, or the nesting bound of values): not an
// error of the query itself. The message names the limit ("the time limit of 3000 ms"), not a flag:
// front ends add their own words for the setting.
class LimitReached : public std::runtime_error {
  public:
    enum class Limit : std::uint8_t { Time, Rows, Memory, Nesting, Cancelled };
    LimitReached(Limit limit, const std::string& message) : std::runtime_error(message), limit_(limit) {}
    [[nodiscard]] Limit limit() const { return limit_; }

  private:
    Limit limit_;
};

// Where in the query text: for messages with a caret under the place.
[[nodiscard]] std::string caret_message(const std::string& query, const CypherError& error);

}  // namespace kizuna::cypher
