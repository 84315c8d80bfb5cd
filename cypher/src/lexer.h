#pragma once
// Splits query text into tokens, each with its line and column (for error messages with a caret).
#include <string>
#include <vector>

namespace kizuna::cypher {

struct Token {
    enum class Kind : std::uint8_t { Name, QuotedName, Integer, Float, String, Parameter, Symbol, End };
    Kind kind;
    std::string text;        // Name: as written; String: the decoded value; Symbol: the symbol
    std::size_t offset = 0;  // into the query text
    std::size_t end = 0;
    int line = 1;
    int column = 1;
};

// Throws CypherError (SyntaxError) for an unterminated string or comment, or a character no token
// starts with.
[[nodiscard]] std::vector<Token> tokenize(const std::string& text);

}  // namespace kizuna::cypher
