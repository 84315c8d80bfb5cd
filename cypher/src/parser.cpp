// Recursive descent over the tokens, one function per rule of the grammar, lowest precedence first:
// OR, XOR, AND, NOT, comparison, the string/list/null predicates, + -, * / %, ^, unary sign, postfix
// (property, index, slice, label check), atoms.
#include "parser.h"

#include <utf8proc.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "kizuna/cypher/errors.h"
#include "lexer.h"

namespace kizuna::cypher {
namespace {

std::string upper(std::string s) {
    for (auto& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return s;
}

// Words that begin a clause or continue one: never read as a variable where a clause could follow.
bool is_reserved(const std::string& word) {
    static const char* const words[] = {"MATCH", "OPTIONAL", "WHERE",  "RETURN", "WITH",   "UNWIND", "CREATE",
                                        "MERGE", "SET",      "REMOVE", "DELETE", "DETACH", "UNION",  "ORDER",
                                        "SKIP",  "LIMIT",    "ON",     "AS",     "CALL",   "YIELD"};
    const auto u = upper(word);
    return std::any_of(std::begin(words), std::end(words), [&](const char* w) { return u == w; });
}

class Parser {
  public:
    explicit Parser(const std::string& text) : text_(text), tokens_(tokenize(text)) {}

    Query query() {
        Query q;
        if (keyword("EXPLAIN")) {
            q.explain = true;
        } else if (keyword("PROFILE")) {
            q.profile = true;
        }
        q.parts.push_back(single_query());
        while (is_keyword("UNION")) {
            const auto& at = next();
            q.union_all.push_back(keyword("ALL"));
            if (q.union_all.size() > 1 && q.union_all.back() != q.union_all.front()) {
                fail_at(at, "InvalidClauseComposition: UNION and UNION ALL cannot be mixed in one query");
            }
            q.parts.push_back(single_query());
        }
        symbol(";");
        if (peek().kind != Token::Kind::End) fail_here("unexpected '" + peek_text() + "'");
        return q;
    }

  private:
    // ---- tokens ----
    const Token& peek(std::size_t ahead = 0) const {
        return tokens_[std::min(pos_ + ahead, tokens_.size() - 1)];
    }
    std::string peek_text() const {
        const auto& t = peek();
        return t.kind == Token::Kind::End ? "end of query" : text_.substr(t.offset, t.end - t.offset);
    }
    const Token& next() {
        const Token& t = tokens_[pos_];
        if (pos_ + 1 < tokens_.size()) ++pos_;
        return t;
    }
    [[noreturn]] void fail_at(const Token& t, const std::string& what) const {
        throw CypherError("SyntaxError", CypherError::Phase::Compile, what, t.line, t.column);
    }
    [[noreturn]] void fail_here(const std::string& what) const { fail_at(peek(), what); }
    bool is_symbol(const char* s, std::size_t ahead = 0) const {
        return peek(ahead).kind == Token::Kind::Symbol && peek(ahead).text == s;
    }
    bool symbol(const char* s) {
        if (!is_symbol(s)) return false;
        next();
        return true;
    }
    void expect(const char* s) {
        if (!symbol(s)) fail_here(std::string("expected '") + s + "' but found '" + peek_text() + "'");
    }
    bool is_keyword(const char* word, std::size_t ahead = 0) const {
        const auto& t = peek(ahead);
        return t.kind == Token::Kind::Name && upper(t.text) == word;
    }
    bool keyword(const char* word) {
        if (!is_keyword(word)) return false;
        next();
        return true;
    }
    void expect_keyword(const char* word) {
        if (!keyword(word)) fail_here(std::string("expected ") + word + " but found '" + peek_text() + "'");
    }
    std::string name() {
        const auto& t = peek();
        if (t.kind != Token::Kind::Name && t.kind != Token::Kind::QuotedName) {
            fail_here("expected a name but found '" + peek_text() + "'");
        }
        return next().text;
    }
    std::string variable() {
        const auto& t = peek();
        if (t.kind == Token::Kind::Name && is_reserved(t.text))
            fail_here("'" + t.text + "' cannot name a variable");
        return name();
    }
    // Any name, keywords included (labels, types, property keys, map keys).
    std::string symbolic_name() { return name(); }

    ExprPtr make(ExprKind kind, const Token& at) {
        auto e = std::make_shared<Expr>();
        e->kind = kind;
        e->line = at.line;
        e->column = at.column;
        return e;
    }
    void finish(const ExprPtr& e, std::size_t start_offset) {
        const auto end = tokens_[pos_ == 0 ? 0 : pos_ - 1].end;
        if (end > start_offset) e->text = text_.substr(start_offset, end - start_offset);
    }

    void merge_body(Clause& c) {
        c.patterns.push_back(pattern_part());
        while (is_keyword("ON")) {
            next();
            if (keyword("CREATE")) {
                expect_keyword("SET");
                auto items = set_items();
                c.on_create.insert(c.on_create.end(), items.begin(), items.end());
            } else {
                expect_keyword("MATCH");
                expect_keyword("SET");
                auto items = set_items();
                c.on_match.insert(c.on_match.end(), items.begin(), items.end());
            }
        }
    }

    void remove_body(Clause& c) {
        do {
            RemoveItem item;
            const auto& at = peek();
            const auto start = at.offset;
            auto v = make(ExprKind::Variable, at);
            v->name = variable();
            finish(v, start);
            if (is_symbol(":")) {
                item.target = v;
                item.labels = label_list();
            } else {
                expect(".");
                auto p = make(ExprKind::Property, at);
                p->args.push_back(v);
                p->name = symbolic_name();
                finish(p, start);
                item.target = p;
            }
            c.remove_items.push_back(std::move(item));
        } while (symbol(","));
    }

    // ---- clauses ----
    SingleQuery single_query() {
        SingleQuery q;
        for (;;) {
            refuse_unsupported_clause();
            const auto& t = peek();
            Clause c;
            c.line = t.line;
            c.column = t.column;
            if (keyword("OPTIONAL")) {
                expect_keyword("MATCH");
                c.kind = ClauseKind::Match;
                c.optional = true;
                match_body(c);
            } else if (keyword("MATCH")) {
                c.kind = ClauseKind::Match;
                match_body(c);
            } else if (keyword("UNWIND")) {
                c.kind = ClauseKind::Unwind;
                c.expr = expression();
                expect_keyword("AS");
                c.var = variable();
            } else if (keyword("WITH")) {
                c.kind = ClauseKind::With;
                c.projection = projection(true);
            } else if (keyword("RETURN")) {
                c.kind = ClauseKind::Return;
                c.projection = projection(false);
            } else if (keyword("CREATE")) {
                c.kind = ClauseKind::Create;
                c.patterns = pattern();
            } else if (keyword("MERGE")) {
                c.kind = ClauseKind::Merge;
                merge_body(c);
            } else if (keyword("SET")) {
                c.kind = ClauseKind::Set;
                c.set_items = set_items();
            } else if (keyword("REMOVE")) {
                c.kind = ClauseKind::Remove;
                remove_body(c);
            } else if (is_keyword("DETACH") || is_keyword("DELETE")) {
                c.kind = ClauseKind::Delete;
                c.detach = keyword("DETACH");
                expect_keyword("DELETE");
                do {
                    c.exprs.push_back(expression());
                } while (symbol(","));
            } else {
                break;
            }
            q.clauses.push_back(std::move(c));
            if (q.clauses.back().kind == ClauseKind::Return) break;
        }
        if (q.clauses.empty())
            fail_here("expected a clause (MATCH, RETURN, CREATE ...) but found '" + peek_text() + "'");
        return q;
    }

    // Clauses of Cypher, Neo4j or GQL outside the subset: said so by name, not as a syntax error.
    void refuse_unsupported_clause() const {
        const auto word = upper(peek().kind == Token::Kind::Name ? peek().text : std::string());
        const auto then = upper(peek(1).kind == Token::Kind::Name ? peek(1).text : std::string());
        const auto refuse = [this](const std::string& clause, const std::string& instead) {
            fail_here("UnsupportedClause: " + clause +
                      " is not supported by Kizuna's Cypher-compatible subset" +
                      (instead.empty() ? std::string() : "; " + instead));
        };
        if (word == "CALL") {
            refuse(is_symbol("{", 1) ? "CALL { ... } (a subquery)" : "CALL (procedures)",
                   "Kizuna's own functions are listed in docs/cypher.md");
        }
        if (word == "FOREACH") refuse("FOREACH", "use UNWIND with the writing clause");
        if (word == "LOAD" && then == "CSV") refuse("LOAD CSV", "import files instead");
        if (word == "CREATE" || word == "DROP" || word == "SHOW") {
            for (const char* what :
                 {"INDEX",  "CONSTRAINT", "UNIQUE",      "FULLTEXT", "TEXT",      "RANGE", "POINT", "LOOKUP",
                  "VECTOR", "INDEXES",    "CONSTRAINTS", "DATABASE", "DATABASES", "USER",  "USERS", "ROLE",
                  "ROLES",  "PROCEDURES", "FUNCTIONS",   "TABLE",    "NODE",      "REL"}) {
                if (then == what && !is_symbol("=", 2))
                    refuse(word + " " + then, "Kizuna keeps its own indexes");
            }
        }
        if (word == "USE") refuse("USE (choosing a graph)", "");
        if (word == "FINISH") refuse("FINISH", "end the query with RETURN");
        if (word == "COPY") refuse("COPY (Kùzu's bulk loading)", "import files instead");
        if (word == "INSERT") refuse("INSERT (GQL)", "use CREATE");
        if (word == "FILTER" || word == "LET") refuse(word + " (GQL)", "use WHERE or WITH");
    }

    void match_body(Clause& c) {
        c.patterns = pattern();
        if (keyword("WHERE")) c.where = expression();
    }

    std::vector<SetItem> set_items() {
        std::vector<SetItem> items;
        do {
            SetItem item;
            const auto& at = peek();
            const auto start = at.offset;
            auto v = make(ExprKind::Variable, at);
            // SET (n).name = ... names the variable in parentheses.
            if (symbol("(")) {
                v->name = variable();
                expect(")");
            } else {
                v->name = variable();
            }
            finish(v, start);
            if (is_symbol(":")) {
                item.kind = SetItem::Kind::Labels;
                item.target = v;
                item.labels = label_list();
            } else if (symbol("=")) {
                item.kind = SetItem::Kind::Replace;
                item.target = v;
                item.value = expression();
            } else if (symbol("+=")) {
                item.kind = SetItem::Kind::Merge;
                item.target = v;
                item.value = expression();
            } else {
                ExprPtr target = v;
                if (!is_symbol(".")) fail_here("expected '.', '=', '+=' or ':' after the variable of SET");
                while (symbol(".")) {
                    auto p = make(ExprKind::Property, at);
                    p->args.push_back(target);
                    p->name = symbolic_name();
                    finish(p, start);
                    target = p;
                }
                item.kind = SetItem::Kind::Property;
                item.target = target;
                expect("=");
                item.value = expression();
            }
            items.push_back(std::move(item));
        } while (symbol(","));
        return items;
    }

    Projection projection(bool with) {
        Projection p;
        p.distinct = keyword("DISTINCT");
        if (symbol("*")) {
            p.star = true;
            if (!symbol(",")) goto after_items;
        }
        do {
            ProjectionItem item;
            item.expr = expression();
            if (keyword("AS")) {
                item.alias = variable();
                item.aliased = true;
            } else {
                item.alias = item.expr->text;
            }
            p.items.push_back(std::move(item));
        } while (symbol(","));
    after_items:
        if (keyword("ORDER")) {
            expect_keyword("BY");
            do {
                SortItem s;
                s.expr = expression();
                if (keyword("DESC") || keyword("DESCENDING")) {
                    s.descending = true;
                } else if (!keyword("ASC")) {
                    keyword("ASCENDING");
                }
                p.order.push_back(std::move(s));
            } while (symbol(","));
        }
        if (keyword("SKIP")) p.skip = expression();
        if (keyword("LIMIT")) p.limit = expression();
        if (with && keyword("WHERE")) p.where = expression();
        return p;
    }

    // ---- patterns ----
    std::vector<PatternPart> pattern() {
        std::vector<PatternPart> parts;
        do {
            parts.push_back(pattern_part());
        } while (symbol(","));
        return parts;
    }

    PatternPart pattern_part() {
        PatternPart part;
        part.line = peek().line;
        part.column = peek().column;
        if ((peek().kind == Token::Kind::Name || peek().kind == Token::Kind::QuotedName) &&
            is_symbol("=", 1)) {
            part.path_var = variable();
            next();
        }
        if (is_keyword("ANY") || is_keyword("ALL") || is_keyword("SHORTEST")) {
            fail_here(
                "UnsupportedClause: GQL's path search prefixes (ANY SHORTEST, ALL SHORTEST, SHORTEST k, "
                "ANY k) are not supported by Kizuna's Cypher-compatible subset; use shortestPath(...) or "
                "allShortestPaths(...)");
        }
        if (is_keyword("SHORTESTPATH") || is_keyword("ALLSHORTESTPATHS")) {
            part.shortest = upper(next().text) == "SHORTESTPATH" ? PatternPart::Shortest::One
                                                                 : PatternPart::Shortest::All;
            expect("(");
            chain(part);
            expect(")");
            return part;
        }
        chain(part);
        return part;
    }

    void chain(PatternPart& part) {
        const Deeper deeper(*this);
        if (symbol("(")) {
            // Parenthesised pattern: (a)-->(b) written as ((a)-->(b)).
            if (is_symbol("(")) {
                chain(part);
                expect(")");
                return;
            }
            --pos_;
        }
        part.nodes.push_back(node_pattern());
        while (is_symbol("-") || is_symbol("<-")) {
            part.rels.push_back(rel_pattern());
            part.nodes.push_back(node_pattern());
        }
    }

    std::vector<std::string> label_list() {
        std::vector<std::string> labels;
        while (symbol(":")) {
            labels.push_back(symbolic_name());
        }
        return labels;
    }

    NodePattern node_pattern() {
        NodePattern n;
        n.line = peek().line;
        n.column = peek().column;
        expect("(");
        if (peek().kind == Token::Kind::Name || peek().kind == Token::Kind::QuotedName) n.var = variable();
        n.labels = label_list();
        if (is_symbol("{") || peek().kind == Token::Kind::Parameter) n.properties = atom();
        expect(")");
        return n;
    }

    RelPattern rel_pattern() {
        RelPattern r;
        r.line = peek().line;
        r.column = peek().column;
        bool left = false;
        if (symbol("<-")) {
            left = true;
        } else {
            expect("-");
        }
        if (symbol("[")) {
            if (peek().kind == Token::Kind::Name || peek().kind == Token::Kind::QuotedName)
                r.var = variable();
            if (symbol(":")) {
                r.types.push_back(symbolic_name());
                while (symbol("|")) {
                    symbol(":");
                    r.types.push_back(symbolic_name());
                }
            }
            if (symbol("*")) {
                r.variable_length = true;
                refuse_kuzu_recursion();
                if (peek().kind == Token::Kind::Integer) r.min_hops = integer_token();
                if (symbol("..")) {
                    if (peek().kind == Token::Kind::Integer) r.max_hops = integer_token();
                } else if (r.min_hops) {
                    r.max_hops = r.min_hops;
                }
            }
            if (is_symbol("{") || peek().kind == Token::Kind::Parameter) r.properties = atom();
            expect("]");
        }
        bool right = false;
        if (symbol("->")) {
            right = true;
        } else {
            expect("-");
        }
        // <--> is written for either direction, like --.
        if (left && right) left = right = false;
        r.direction = left ? Direction::Incoming : right ? Direction::Outgoing : Direction::Both;
        return r;
    }

    // Kùzu's recursive relationship kinds (*TRAIL, *ACYCLIC, *SHORTEST, *ALL SHORTEST, *WSHORTEST).
    void refuse_kuzu_recursion() const {
        if (peek().kind != Token::Kind::Name) return;
        const auto word = upper(peek().text);
        if (word == "TRAIL") {
            fail_here(
                "UnsupportedClause: Kùzu's *TRAIL is not supported by Kizuna's Cypher-compatible subset; "
                "a variable-length pattern here is already a trail (no relationship twice): write *");
        }
        if (word == "ACYCLIC" || word == "WALK") {
            fail_here(
                "UnsupportedClause: Kùzu's *" + word +
                " is not supported by Kizuna's Cypher-compatible subset; a variable-length pattern here "
                "is a trail (no relationship twice)");
        }
        if (word == "SHORTEST" || word == "ALL" || word == "WSHORTEST" || word == "ASP" || word == "WSP") {
            fail_here("UnsupportedClause: Kùzu's *" + word +
                      " is not supported by Kizuna's Cypher-compatible subset; use shortestPath(...) or "
                      "allShortestPaths(...)");
        }
    }

    std::int64_t integer_token() {
        const auto& t = next();
        std::int64_t v = 0;
        auto [p, ec] = std::from_chars(t.text.data(), t.text.data() + t.text.size(), v);
        if (ec != std::errc() || p != t.text.data() + t.text.size())
            fail_at(t, "bad integer '" + t.text + "'");
        return v;
    }

    // ---- expressions ----
  public:
    ExprPtr expression() {
        const Deeper deeper(*this);
        return or_expr();
    }

  private:
    using Sub = ExprPtr (Parser::*)();
    ExprPtr binary_level(Sub sub, const char* word) {
        const auto& at = peek();
        const auto start = at.offset;
        auto left = (this->*sub)();
        const int entry = depth_;
        while (is_keyword(word)) {
            deeper_by_one();
            const auto& op = next();
            auto e = make(ExprKind::Binary, op);
            e->name = word;
            e->args = {left, (this->*sub)()};
            finish(e, start);
            left = e;
        }
        depth_ = entry;
        return left;
    }
    ExprPtr or_expr() { return binary_level(&Parser::xor_expr, "OR"); }
    ExprPtr xor_expr() { return binary_level(&Parser::and_expr, "XOR"); }
    ExprPtr and_expr() { return binary_level(&Parser::not_expr, "AND"); }
    ExprPtr not_expr() {
        const auto& at = peek();
        const auto start = at.offset;
        if (keyword("NOT")) {
            const Deeper deeper(*this);
            auto e = make(ExprKind::Unary, at);
            e->name = "NOT";
            e->args.push_back(not_expr());
            finish(e, start);
            return e;
        }
        return comparison();
    }
    static bool comparison_symbol(const Token& t) {
        return t.kind == Token::Kind::Symbol &&
               (t.text == "=" || t.text == "<>" || t.text == "!=" || t.text == "<" || t.text == ">" ||
                t.text == "<=" || t.text == ">=");
    }
    ExprPtr comparison() {
        const auto& at = peek();
        const auto start = at.offset;
        auto first = predicate_expr();
        if (!comparison_symbol(peek())) return first;
        auto e = make(ExprKind::Comparison, peek());
        e->args.push_back(first);
        while (comparison_symbol(peek())) {
            auto op = next().text;
            e->ops.push_back(op == "!=" ? "<>" : op);
            e->args.push_back(predicate_expr());
        }
        finish(e, start);
        return e;
    }
    // IN, STARTS WITH, ENDS WITH, CONTAINS, =~, IS [NOT] NULL.
    ExprPtr predicate_expr() {
        const auto& at = peek();
        const auto start = at.offset;
        auto left = additive();
        const int entry = depth_;
        for (;;) {
            deeper_by_one();
            const auto& op = peek();
            std::string word;
            if (is_keyword("IN")) {
                next();
                word = "IN";
            } else if (is_keyword("STARTS") && is_keyword("WITH", 1)) {
                next();
                next();
                word = "STARTS WITH";
            } else if (is_keyword("ENDS") && is_keyword("WITH", 1)) {
                next();
                next();
                word = "ENDS WITH";
            } else if (is_keyword("CONTAINS")) {
                next();
                word = "CONTAINS";
            } else if (is_symbol("=~")) {
                next();
                word = "=~";
            } else if (is_keyword("IS")) {
                next();
                auto e = make(ExprKind::IsNull, op);
                e->negated = keyword("NOT");
                expect_keyword("NULL");
                e->args.push_back(left);
                finish(e, start);
                left = e;
                continue;
            } else {
                depth_ = entry;
                return left;
            }
            auto e = make(ExprKind::Binary, op);
            e->name = word;
            e->args = {left, additive()};
            finish(e, start);
            left = e;
        }
    }
    ExprPtr symbol_level(Sub sub, std::initializer_list<const char*> ops) {
        const auto& at = peek();
        const auto start = at.offset;
        auto left = (this->*sub)();
        const int entry = depth_;
        for (;;) {
            const char* found = nullptr;
            for (const char* op : ops) {
                if (is_symbol(op)) found = op;
            }
            if (!found) {
                depth_ = entry;
                return left;
            }
            deeper_by_one();
            const auto& op = next();
            auto e = make(ExprKind::Binary, op);
            e->name = found;
            e->args = {left, (this->*sub)()};
            finish(e, start);
            left = e;
        }
    }
    ExprPtr additive() { return symbol_level(&Parser::multiplicative, {"+", "-"}); }
    ExprPtr multiplicative() { return symbol_level(&Parser::power, {"*", "/", "%"}); }
    ExprPtr power() { return symbol_level(&Parser::unary, {"^"}); }
    ExprPtr unary() {
        const auto& at = peek();
        const auto start = at.offset;
        if (is_symbol("-") || is_symbol("+")) {
            const Deeper deeper(*this);
            const auto op = next().text;
            // -9223372036854775808 is a literal, not the negation of one too big.
            if (op == "-" && peek().kind == Token::Kind::Integer) {
                const auto& t = peek();
                if (t.text == "9223372036854775808") {
                    next();
                    auto e = make(ExprKind::Literal, at);
                    e->value = Value(std::numeric_limits<std::int64_t>::min());
                    finish(e, start);
                    return postfix_of(e, start);
                }
            }
            auto e = make(ExprKind::Unary, at);
            e->name = op;
            e->args.push_back(unary());
            finish(e, start);
            return e;
        }
        return postfix();
    }
    ExprPtr postfix() {
        const auto start = peek().offset;
        return postfix_of(atom(), start);
    }
    ExprPtr postfix_of(ExprPtr e, std::size_t start) {
        const int entry = depth_;
        for (;;) {
            deeper_by_one();
            const auto& at = peek();
            if (is_symbol(".") && peek(1).kind != Token::Kind::Symbol) {
                next();
                auto p = make(ExprKind::Property, at);
                p->args.push_back(e);
                p->name = symbolic_name();
                finish(p, start);
                e = p;
            } else if (is_symbol("[")) {
                next();
                ExprPtr from;
                if (!is_symbol("..")) from = expression();
                if (symbol("..")) {
                    auto s = make(ExprKind::Slice, at);
                    ExprPtr to;
                    if (!is_symbol("]")) to = expression();
                    expect("]");
                    s->args = {e, from, to};
                    finish(s, start);
                    e = s;
                } else {
                    expect("]");
                    auto ix = make(ExprKind::Index, at);
                    ix->args = {e, from};
                    finish(ix, start);
                    e = ix;
                }
            } else if (is_symbol(":") &&
                       (peek(1).kind == Token::Kind::Name || peek(1).kind == Token::Kind::QuotedName)) {
                auto l = make(ExprKind::LabelCheck, at);
                l->args.push_back(e);
                l->labels = label_list();
                finish(l, start);
                e = l;
            } else if (is_symbol("{") && e->kind == ExprKind::Variable) {
                e = map_projection(e, start);
            } else {
                depth_ = entry;
                return e;
            }
        }
    }

    ExprPtr map_projection(ExprPtr subject, std::size_t start) {
        auto e = make(ExprKind::MapProjection, peek());
        expect("{");
        e->args.push_back(subject);
        if (!is_symbol("}")) {
            do {
                if (symbol(".")) {
                    if (symbol("*")) {
                        e->keys.push_back("*");
                        e->args.push_back(nullptr);
                    } else {
                        auto key = symbolic_name();
                        auto p = make(ExprKind::Property, peek());
                        p->args.push_back(subject);
                        p->name = key;
                        e->keys.push_back(key);
                        e->args.push_back(p);
                    }
                } else {
                    const auto& at = peek();
                    auto key = symbolic_name();
                    if (symbol(":")) {
                        e->keys.push_back(key);
                        e->args.push_back(expression());
                    } else {
                        auto v = make(ExprKind::Variable, at);
                        v->name = key;
                        v->text = key;
                        e->keys.push_back(key);
                        e->args.push_back(v);
                    }
                }
            } while (symbol(","));
        }
        expect("}");
        finish(e, start);
        return e;
    }

    ExprPtr literal_number(const Token& t) {
        auto e = make(ExprKind::Literal, t);
        const auto& s = t.text;
        if (t.kind == Token::Kind::Float) {
            char* end = nullptr;
            const double d = std::strtod(s.c_str(), &end);
            if (end != s.c_str() + s.size()) fail_at(t, "bad number '" + s + "'");
            if (std::isinf(d)) fail_at(t, "FloatingPointOverflow: the number '" + s + "' is too large");
            e->value = Value(d);
            return e;
        }
        int base = 10;
        std::string digits = s;
        if (s.size() > 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
            base = 16;
            digits = s.substr(2);
        } else if (s.size() > 2 && s[0] == '0' && s[1] == 'o') {
            base = 8;
            digits = s.substr(2);
        }
        std::int64_t v = 0;
        auto [p, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), v, base);
        if (ec == std::errc::result_out_of_range)
            fail_at(t, "IntegerOverflow: the integer '" + s + "' is too large");
        if (ec != std::errc() || p != digits.data() + digits.size() || digits.empty()) {
            fail_at(t, "InvalidNumberLiteral: '" + s + "' is not a number");
        }
        e->value = Value(v);
        return e;
    }

    bool try_pattern(ExprPtr& out, const Token& at) {
        const auto saved = pos_;
        try {
            PatternPart part = pattern_part();
            if (part.rels.empty()) {
                pos_ = saved;
                return false;
            }
            out = make(ExprKind::PatternPredicate, at);
            out->pattern = std::make_shared<std::vector<PatternPart>>();
            out->pattern->push_back(std::move(part));
            return true;
        } catch (const CypherError&) {
            pos_ = saved;
            return false;
        }
    }

    ExprPtr atom() {
        const auto& t = peek();
        const auto start = t.offset;
        ExprPtr e;
        switch (t.kind) {
            case Token::Kind::Integer:
            case Token::Kind::Float:
                e = literal_number(next());
                break;
            case Token::Kind::String:
                e = make(ExprKind::Literal, t);
                e->value = Value(next().text);
                break;
            case Token::Kind::Parameter:
                e = make(ExprKind::Parameter, t);
                e->name = next().text;
                break;
            case Token::Kind::Symbol:
                e = symbol_atom();
                break;
            case Token::Kind::Name:
            case Token::Kind::QuotedName:
                e = name_atom();
                break;
            case Token::Kind::End:
                fail_here("the query ends where an expression was expected");
        }
        finish(e, start);
        return e;
    }

    ExprPtr symbol_atom() {
        const auto& t = peek();
        if (t.text == "(") {
            ExprPtr pattern;
            if (try_pattern(pattern, t)) return pattern;
            next();
            auto e = expression();
            expect(")");
            return e;
        }
        if (t.text == "[") return bracket_atom();
        if (t.text == "{") {
            next();
            auto e = make(ExprKind::MapLiteral, t);
            if (!is_symbol("}")) {
                do {
                    e->keys.push_back(symbolic_name());
                    expect(":");
                    e->args.push_back(expression());
                } while (symbol(","));
            }
            expect("}");
            return e;
        }
        fail_here("unexpected '" + t.text + "' where an expression was expected");
    }

    // [1, 2], [x IN list WHERE p | e], [(a)-->(b) WHERE p | e]
    ExprPtr bracket_atom() {
        const auto& t = next();
        const bool names_var = (peek().kind == Token::Kind::Name || peek().kind == Token::Kind::QuotedName);
        if (names_var && is_keyword("IN", 1)) {
            auto e = make(ExprKind::ListComprehension, t);
            e->name = variable();
            expect_keyword("IN");
            e->args.push_back(expression());
            e->args.push_back(keyword("WHERE") ? expression() : nullptr);
            e->args.push_back(symbol("|") ? expression() : nullptr);
            expect("]");
            return e;
        }
        if (is_symbol("(") || (names_var && is_symbol("=", 1))) {
            const auto saved = pos_;
            try {
                PatternPart part = pattern_part();
                if (!part.rels.empty() && (is_keyword("WHERE") || is_symbol("|"))) {
                    auto e = make(ExprKind::PatternComprehension, t);
                    e->pattern = std::make_shared<std::vector<PatternPart>>();
                    e->pattern->push_back(std::move(part));
                    e->args.push_back(keyword("WHERE") ? expression() : nullptr);
                    expect("|");
                    e->args.push_back(expression());
                    expect("]");
                    return e;
                }
            } catch (const CypherError&) {
            }
            pos_ = saved;
        }
        auto e = make(ExprKind::ListLiteral, t);
        if (!is_symbol("]")) {
            do {
                e->args.push_back(expression());
            } while (symbol(","));
        }
        expect("]");
        return e;
    }

    ExprPtr name_atom() {
        const auto& t = peek();
        const bool quoted = t.kind == Token::Kind::QuotedName;
        const auto word = quoted ? std::string() : upper(t.text);
        if (!quoted) {
            if (word == "TRUE" || word == "FALSE" || word == "NULL") {
                next();
                auto e = make(ExprKind::Literal, t);
                if (word != "NULL") e->value = Value(word == "TRUE");
                return e;
            }
            if (word == "CASE") return case_expr();
            if ((word == "ALL" || word == "ANY" || word == "NONE" || word == "SINGLE") && is_symbol("(", 1) &&
                (peek(2).kind == Token::Kind::Name || peek(2).kind == Token::Kind::QuotedName) &&
                is_keyword("IN", 3)) {
                next();
                next();
                auto e = make(ExprKind::Quantifier, t);
                e->name = word;
                e->name2 = variable();
                expect_keyword("IN");
                e->args.push_back(expression());
                if (keyword("WHERE")) {
                    e->args.push_back(expression());
                } else {
                    fail_here(word + "(...) needs a WHERE predicate");
                }
                expect(")");
                return e;
            }
            if (word == "REDUCE" && is_symbol("(", 1)) {
                next();
                next();
                auto e = make(ExprKind::Reduce, t);
                e->name2 = variable();
                expect("=");
                e->args.push_back(expression());
                expect(",");
                e->name = variable();
                expect_keyword("IN");
                e->args.push_back(expression());
                expect("|");
                e->args.push_back(expression());
                expect(")");
                return e;
            }
            if (word == "EXISTS" && is_symbol("{", 1)) {
                next();
                next();
                auto e = make(ExprKind::ExistsSubquery, t);
                if (is_symbol("(")) {  // EXISTS { (a)-->(b) WHERE ... }: a pattern alone
                    e->pattern = std::make_shared<std::vector<PatternPart>>(pattern());
                    e->args.push_back(keyword("WHERE") ? expression() : nullptr);
                } else {  // EXISTS { MATCH ... [WITH ...] [RETURN ...] }: a subquery
                    e->subquery = std::make_shared<SingleQuery>(single_query());
                }
                expect("}");
                return e;
            }
        }
        if (auto call = function_call(t)) return call;
        auto e = make(ExprKind::Variable, t);
        e->name = variable();
        return e;
    }

    // A function call: name(...) or namespace.name(...); null when the tokens are not one.
    ExprPtr function_call(const Token& t) {
        std::size_t k = 0;
        while ((peek(k).kind == Token::Kind::Name || peek(k).kind == Token::Kind::QuotedName) &&
               is_symbol(".", k + 1))
            k += 2;
        if (!((peek(k).kind == Token::Kind::Name || peek(k).kind == Token::Kind::QuotedName) &&
              is_symbol("(", k + 1)))
            return nullptr;
        {
            std::string fname;
            for (std::size_t j = 0; j <= k; j += 2) {
                if (!fname.empty()) fname += '.';
                fname += next().text;
                if (j < k) next();
            }
            next();  // (
            auto e = make(ExprKind::Function, t);
            e->name = fname;
            std::string lower = fname;
            for (auto& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
            if (lower == "count" && symbol("*")) {
                e->star = true;
                expect(")");
                return e;
            }
            e->distinct = keyword("DISTINCT");
            if (lower == "exists" && is_symbol("(")) {
                ExprPtr pattern;
                if (try_pattern(pattern, peek())) {
                    e->args.push_back(pattern);
                    expect(")");
                    return e;
                }
            }
            if (!is_symbol(")")) {
                do {
                    e->args.push_back(expression());
                } while (symbol(","));
            }
            expect(")");
            return e;
        }
        return nullptr;
    }

    ExprPtr case_expr() {
        const auto& t = next();
        auto e = make(ExprKind::Case, t);
        e->args.push_back(is_keyword("WHEN") ? nullptr : expression());
        if (!is_keyword("WHEN")) fail_here("CASE needs at least one WHEN");
        while (keyword("WHEN")) {
            e->args.push_back(expression());
            expect_keyword("THEN");
            e->args.push_back(expression());
        }
        if (keyword("ELSE")) {
            e->has_else = true;
            e->args.push_back(expression());
        }
        expect_keyword("END");
        return e;
    }

    // How deep the syntax tree may grow (nesting, and chains such as a + b + c, which nest to the left):
    // bounded so that a hostile query cannot exhaust the stack of the parser, binder or evaluator.
    static constexpr int kMaxDepth = 500;
    void deeper_by_one() {
        if (++depth_ > kMaxDepth) fail_here("the query nests expressions more than 500 deep");
    }
    struct Deeper {
        explicit Deeper(Parser& parser) : parser_(parser), entry_(parser.depth_) { parser.deeper_by_one(); }
        ~Deeper() { parser_.depth_ = entry_; }
        Deeper(const Deeper&) = delete;
        Deeper& operator=(const Deeper&) = delete;
        Parser& parser_;
        int entry_;
    };
    const std::string& text_;
    std::vector<Token> tokens_;
    std::size_t pos_ = 0;
    int depth_ = 0;
};

}  // namespace

namespace {

// Refuses a query that is not UTF-8 (names and strings would carry broken text into answers), naming
// the line and column of the first bad byte.
void check_utf8(const std::string& text) {
    int line = 1;
    std::size_t line_start = 0;
    for (std::size_t i = 0; i < text.size();) {
        utf8proc_int32_t c = 0;
        const auto n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(text.data() + i),
                                        static_cast<utf8proc_ssize_t>(text.size() - i), &c);
        if (n <= 0) {
            char byte[8];
            std::snprintf(byte, sizeof byte, "0x%02X", static_cast<unsigned char>(text[i]));
            throw CypherError("SyntaxError", CypherError::Phase::Compile,
                              std::string("the query is not valid UTF-8 (byte ") + byte + ")", line,
                              static_cast<int>(i - line_start) + 1);
        }
        i += static_cast<std::size_t>(n);
        if (c == '\n') {
            ++line;
            line_start = i;
        }
    }
}

}  // namespace

Query parse_query(const std::string& text) {
    check_utf8(text);
    return Parser(text).query();
}

}  // namespace kizuna::cypher
