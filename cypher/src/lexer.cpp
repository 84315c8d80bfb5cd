// The tokens of Cypher: names (keywords are names the parser recognises, case-insensitively), `quoted`
// names, numbers, strings with escapes, $parameters and symbols.
#include "lexer.h"

#include <cctype>

#include "kizuna/cypher/errors.h"

namespace kizuna::cypher {
namespace {

void append_utf8(std::string& out, std::uint32_t cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

bool name_start(unsigned char c) { return std::isalpha(c) || c == '_' || c >= 0x80; }
bool name_char(unsigned char c) { return std::isalnum(c) || c == '_' || c >= 0x80; }

class Lexer {
  public:
    explicit Lexer(const std::string& text) : s_(text) {}

    std::vector<Token> run() {
        std::vector<Token> tokens;
        for (;;) {
            skip_space();
            Token token;
            token.offset = i_;
            token.line = line_;
            token.column = column();
            if (i_ >= s_.size()) {
                token.kind = Token::Kind::End;
                token.end = i_;
                tokens.push_back(token);
                return tokens;
            }
            read(token);
            token.end = i_;
            tokens.push_back(std::move(token));
        }
    }

  private:
    [[noreturn]] void fail(const std::string& what) {
        throw CypherError("SyntaxError", CypherError::Phase::Compile, what, line_, column());
    }
    int column() const { return static_cast<int>(i_ - line_start_) + 1; }
    char at(std::size_t k) const { return k < s_.size() ? s_[k] : '\0'; }
    void advance() {
        if (s_[i_] == '\n') {
            ++line_;
            line_start_ = i_ + 1;
        }
        ++i_;
    }

    void skip_space() {
        for (;;) {
            while (i_ < s_.size() && std::isspace(static_cast<unsigned char>(s_[i_]))) advance();
            if (at(i_) == '/' && at(i_ + 1) == '/') {
                while (i_ < s_.size() && s_[i_] != '\n') advance();
            } else if (at(i_) == '/' && at(i_ + 1) == '*') {
                advance();
                advance();
                while (i_ < s_.size() && !(s_[i_] == '*' && at(i_ + 1) == '/')) advance();
                if (i_ >= s_.size()) fail("a comment is not closed (*/ missing)");
                advance();
                advance();
            } else {
                return;
            }
        }
    }

    void read(Token& token) {
        const auto c = static_cast<unsigned char>(s_[i_]);
        if (name_start(c)) {
            token.kind = Token::Kind::Name;
            while (i_ < s_.size() && name_char(static_cast<unsigned char>(s_[i_]))) advance();
            token.text = s_.substr(token.offset, i_ - token.offset);
        } else if (c == '`') {
            token.kind = Token::Kind::QuotedName;
            advance();
            for (;;) {
                if (i_ >= s_.size()) fail("a `quoted name` is not closed");
                if (s_[i_] == '`') {
                    if (at(i_ + 1) == '`') {
                        token.text += '`';
                        advance();
                        advance();
                        continue;
                    }
                    advance();
                    break;
                }
                token.text += s_[i_];
                advance();
            }
        } else if (std::isdigit(c) || (c == '.' && std::isdigit(static_cast<unsigned char>(at(i_ + 1))))) {
            read_number(token);
        } else if (c == '\'' || c == '"') {
            read_string(token, static_cast<char>(c));
        } else if (c == '$') {
            advance();
            token.kind = Token::Kind::Parameter;
            const auto start = i_;
            if (at(i_) == '`') {
                Token quoted;
                read(quoted);
                token.text = quoted.text;
                return;
            }
            while (i_ < s_.size() && name_char(static_cast<unsigned char>(s_[i_]))) advance();
            if (i_ == start) fail("a parameter needs a name after $");
            token.text = s_.substr(start, i_ - start);
        } else {
            token.kind = Token::Kind::Symbol;
            static const char* const two[] = {"->", "<-", "<>", "!=", "<=", ">=", "=~", "+=", ".."};
            for (const char* t : two) {
                if (s_.compare(i_, 2, t) == 0) {
                    token.text = t;
                    advance();
                    advance();
                    return;
                }
            }
            static const std::string one = "()[]{},.:|-+*/%^=<>;";
            if (one.find(static_cast<char>(c)) == std::string::npos) {
                fail(std::string("unexpected character '") + static_cast<char>(c) + "'");
            }
            token.text = std::string(1, static_cast<char>(c));
            advance();
        }
    }

    void read_number(Token& token) {
        token.kind = Token::Kind::Integer;
        if (s_[i_] == '0' && (at(i_ + 1) == 'x' || at(i_ + 1) == 'X' || at(i_ + 1) == 'o')) {
            advance();
            advance();
            while (i_ < s_.size() && std::isalnum(static_cast<unsigned char>(s_[i_]))) advance();
            token.text = s_.substr(token.offset, i_ - token.offset);
            return;
        }
        while (std::isdigit(static_cast<unsigned char>(at(i_)))) advance();
        if (at(i_) == '.' && std::isdigit(static_cast<unsigned char>(at(i_ + 1)))) {
            token.kind = Token::Kind::Float;
            advance();
            while (std::isdigit(static_cast<unsigned char>(at(i_)))) advance();
        }
        if ((at(i_) == 'e' || at(i_) == 'E') && (std::isdigit(static_cast<unsigned char>(at(i_ + 1))) ||
                                                 ((at(i_ + 1) == '-' || at(i_ + 1) == '+') &&
                                                  std::isdigit(static_cast<unsigned char>(at(i_ + 2)))))) {
            token.kind = Token::Kind::Float;
            advance();
            advance();
            while (std::isdigit(static_cast<unsigned char>(at(i_)))) advance();
        }
        // A name glued to a number (1a) is not a number.
        while (i_ < s_.size() && name_char(static_cast<unsigned char>(s_[i_]))) advance();
        token.text = s_.substr(token.offset, i_ - token.offset);
    }

    void read_string(Token& token, char quote) {
        token.kind = Token::Kind::String;
        advance();
        for (;;) {
            if (i_ >= s_.size()) fail("a string is not closed");
            const char c = s_[i_];
            if (c == quote) {
                advance();
                return;
            }
            if (c != '\\') {
                token.text += c;
                advance();
                continue;
            }
            advance();
            const char e = at(i_);
            switch (e) {
                case 'n':
                    token.text += '\n';
                    break;
                case 't':
                    token.text += '\t';
                    break;
                case 'r':
                    token.text += '\r';
                    break;
                case 'b':
                    token.text += '\b';
                    break;
                case 'f':
                    token.text += '\f';
                    break;
                case '\\':
                    token.text += '\\';
                    break;
                case '\'':
                    token.text += '\'';
                    break;
                case '"':
                    token.text += '"';
                    break;
                case 'u':
                case 'U': {
                    const std::size_t digits = e == 'u' ? 4 : 8;
                    std::uint32_t cp = 0;
                    for (std::size_t k = 1; k <= digits; ++k) {
                        const char h = at(i_ + k);
                        if (!std::isxdigit(static_cast<unsigned char>(h)))
                            fail("a \\u escape needs hex digits");
                        cp = cp * 16 + static_cast<std::uint32_t>(std::isdigit(static_cast<unsigned char>(h))
                                                                      ? h - '0'
                                                                      : (std::tolower(h) - 'a' + 10));
                    }
                    for (std::size_t k = 0; k < digits; ++k) advance();
                    append_utf8(token.text, cp);
                    break;
                }
                default:
                    fail(std::string("unknown escape \\") + e + " in a string");
            }
            advance();
        }
    }

    const std::string& s_;
    std::size_t i_ = 0;
    int line_ = 1;
    std::size_t line_start_ = 0;
};

}  // namespace

std::vector<Token> tokenize(const std::string& text) { return Lexer(text).run(); }

}  // namespace kizuna::cypher
