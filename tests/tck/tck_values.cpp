// One small recursive-descent reader for the TCK's value notation, producing either canonical text or a
// Value (for parameters).
#include "tck_values.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <stdexcept>
#include <vector>

namespace kizuna::tck {
namespace {

using cypher::Value;

std::string join_sorted(std::vector<std::string> items, bool sort, const char* open, const char* close) {
    if (sort) std::sort(items.begin(), items.end());
    std::string out = open;
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (i) out += ", ";
        out += items[i];
    }
    return out + close;
}

std::string quote(const std::string& s) { return "'" + s + "'"; }

class Reader {
  public:
    Reader(const std::string& s, bool sort_lists) : s_(s), sort_(sort_lists) {}

    std::string canonical() {
        auto out = value();
        space();
        if (i_ != s_.size()) fail("trailing text");
        return out;
    }

    Value parameter() {
        auto v = param_value();
        space();
        if (i_ != s_.size()) fail("trailing text");
        return v;
    }

  private:
    [[noreturn]] void fail(const std::string& what) const {
        throw std::runtime_error("TCK value '" + s_ + "': " + what + " at " + std::to_string(i_));
    }
    void space() {
        while (i_ < s_.size() && std::isspace(static_cast<unsigned char>(s_[i_]))) ++i_;
    }
    bool eat(char c) {
        space();
        if (i_ < s_.size() && s_[i_] == c) {
            ++i_;
            return true;
        }
        return false;
    }
    void expect(char c) {
        if (!eat(c)) fail(std::string("expected '") + c + "'");
    }
    bool word(const char* w) {
        space();
        const std::string t = w;
        if (s_.compare(i_, t.size(), t) == 0) {
            const auto after = i_ + t.size();
            if (after < s_.size() &&
                (std::isalnum(static_cast<unsigned char>(s_[after])) || s_[after] == '_'))
                return false;
            i_ = after;
            return true;
        }
        return false;
    }
    std::string name() {
        space();
        if (i_ < s_.size() && s_[i_] == '`') {
            const auto end = s_.find('`', i_ + 1);
            auto n = s_.substr(i_ + 1, end - i_ - 1);
            i_ = end + 1;
            return n;
        }
        const auto start = i_;
        while (i_ < s_.size() && (std::isalnum(static_cast<unsigned char>(s_[i_])) || s_[i_] == '_')) ++i_;
        if (start == i_) fail("expected a name");
        return s_.substr(start, i_ - start);
    }
    std::string string_literal() {
        space();
        const char q = s_[i_++];
        std::string out;
        while (i_ < s_.size() && s_[i_] != q) {
            if (s_[i_] == '\\' && i_ + 1 < s_.size()) {
                ++i_;
                const char e = s_[i_];
                out += e == 'n' ? '\n' : e == 't' ? '\t' : e;
                ++i_;
                continue;
            }
            out += s_[i_++];
        }
        if (i_ >= s_.size()) fail("unclosed string");
        ++i_;
        return out;
    }
    // A number's text to a Value.
    Value number() {
        space();
        const auto start = i_;
        if (s_[i_] == '-' || s_[i_] == '+') ++i_;
        if (s_.compare(i_, 3, "NaN") == 0) {
            i_ += 3;
            return Value(std::nan(""));
        }
        if (s_.compare(i_, 8, "Infinity") == 0) {
            i_ += 8;
            return Value(s_[start] == '-' ? -INFINITY : INFINITY);
        }
        bool is_float = false;
        while (i_ < s_.size() &&
               (std::isdigit(static_cast<unsigned char>(s_[i_])) || s_[i_] == '.' || s_[i_] == 'e' ||
                s_[i_] == 'E' ||
                ((s_[i_] == '-' || s_[i_] == '+') && (s_[i_ - 1] == 'e' || s_[i_ - 1] == 'E')))) {
            if (s_[i_] == '.' || s_[i_] == 'e' || s_[i_] == 'E') is_float = true;
            ++i_;
        }
        const auto text = s_.substr(start, i_ - start);
        if (is_float) return Value(std::stod(text));
        return Value(static_cast<std::int64_t>(std::stoll(text)));
    }
    bool at_number() {
        space();
        if (i_ >= s_.size()) return false;
        const char c = s_[i_];
        return std::isdigit(static_cast<unsigned char>(c)) || c == '-' || c == '+' || c == '.' ||
               s_.compare(i_, 3, "NaN") == 0 || s_.compare(i_, 8, "Infinity") == 0;
    }

    std::string scalar_text(const Value& v) {
        if (v.type() == Value::Type::Int) return std::to_string(v.as_int());
        return cypher::format_float(v.as_float());
    }

    std::string map_text() {
        std::vector<std::string> items;
        expect('{');
        if (!eat('}')) {
            do {
                auto k = name();
                expect(':');
                items.push_back(k + ": " + value());
            } while (eat(','));
            expect('}');
        }
        return join_sorted(items, true, "{", "}");
    }

    std::string node_text() {
        expect('(');
        std::vector<std::string> labels;
        while (eat(':')) labels.push_back(name());
        std::sort(labels.begin(), labels.end());
        std::string out = "(";
        for (auto& l : labels) out += ":" + l;
        space();
        if (i_ < s_.size() && s_[i_] == '{') {
            const auto props = map_text();
            if (props != "{}") out += " " + props;
        }
        expect(')');
        return out + ")";
    }

    std::string rel_text() {
        expect('[');
        expect(':');
        std::string out = "[:";
        out += name();
        space();
        if (i_ < s_.size() && s_[i_] == '{') {
            const auto props = map_text();
            if (props != "{}") out += " " + props;
        }
        expect(']');
        return out + "]";
    }

    std::string value() {
        space();
        if (i_ >= s_.size()) fail("expected a value");
        const char c = s_[i_];
        if (word("null")) return "null";
        if (word("true")) return "true";
        if (word("false")) return "false";
        if (c == '\'' || c == '"') return quote(string_literal());
        if (c == '{') return map_text();
        if (c == '(') return node_text();
        if (c == '<') {
            ++i_;
            std::string out = "<";
            out += node_text();
            for (;;) {
                space();
                if (s_[i_] == '>') {
                    ++i_;
                    break;
                }
                if (s_.compare(i_, 2, "<-") == 0) {
                    i_ += 2;
                    out += "<-";
                    out += rel_text();
                    expect('-');
                    out += "-";
                } else {
                    expect('-');
                    out += "-";
                    out += rel_text();
                    space();
                    if (s_.compare(i_, 2, "->") == 0) {
                        i_ += 2;
                        out += "->";
                    } else {
                        expect('-');
                        out += "-";
                    }
                }
                out += node_text();
            }
            return out + ">";
        }
        if (c == '[') {
            // A relationship [:T] or a list.
            const auto save = i_;
            ++i_;
            space();
            if (i_ < s_.size() && s_[i_] == ':') {
                i_ = save;
                return rel_text();
            }
            std::vector<std::string> items;
            if (!eat(']')) {
                do {
                    items.push_back(value());
                } while (eat(','));
                expect(']');
            }
            return join_sorted(items, sort_, "[", "]");
        }
        if (at_number()) return scalar_text(number());
        fail("unknown value");
    }

    Value param_value() {
        space();
        const char c = s_[i_];
        if (word("null")) return Value();
        if (word("true")) return Value(true);
        if (word("false")) return Value(false);
        if (c == '\'' || c == '"') return Value(string_literal());
        if (c == '[') {
            ++i_;
            cypher::List items;
            if (!eat(']')) {
                do {
                    items.push_back(param_value());
                } while (eat(','));
                expect(']');
            }
            return Value(std::move(items));
        }
        if (c == '{') {
            ++i_;
            cypher::Map m;
            if (!eat('}')) {
                do {
                    auto k = name();
                    expect(':');
                    m[k] = param_value();
                } while (eat(','));
                expect('}');
            }
            return Value(std::move(m));
        }
        return number();
    }

    const std::string& s_;
    bool sort_;
    std::size_t i_ = 0;
};

std::string props_text(const cypher::Map& props, const cypher::PropertyGraph& graph, bool sort) {
    std::vector<std::string> items;
    for (const auto& [k, v] : props) items.push_back(k + ": " + canonical_actual(v, graph, sort));
    return join_sorted(items, true, "{", "}");
}

std::string node_actual(cypher::NodeId n, const cypher::PropertyGraph& graph, bool sort) {
    auto labels = graph.labels(n);
    std::sort(labels.begin(), labels.end());
    std::string out = "(";
    for (auto& l : labels) out += ":" + l;
    const auto props = graph.node_properties(n);
    if (!props.empty()) {
        out += ' ';
        out += props_text(props, graph, sort);
    }
    return out + ")";
}

std::string rel_actual(cypher::RelId r, const cypher::PropertyGraph& graph, bool sort) {
    std::string out = "[:";
    out += graph.rel_type(r);
    const auto props = graph.rel_properties(r);
    if (!props.empty()) {
        out += ' ';
        out += props_text(props, graph, sort);
    }
    return out + "]";
}

}  // namespace

std::string canonical_expected(const std::string& text, bool sort_lists) {
    return Reader(text, sort_lists).canonical();
}

Value parameter_value(const std::string& text) { return Reader(text, false).parameter(); }

std::string canonical_actual(const Value& v, const cypher::PropertyGraph& graph, bool sort) {
    using T = Value::Type;
    switch (v.type()) {
        case T::Null:
            return "null";
        case T::Bool:
            return v.as_bool() ? "true" : "false";
        case T::Int:
            return std::to_string(v.as_int());
        case T::Float:
            return cypher::format_float(v.as_float());
        case T::String:
            return quote(v.as_string());
        case T::List: {
            std::vector<std::string> items;
            for (const auto& x : v.as_list()) items.push_back(canonical_actual(x, graph, sort));
            return join_sorted(items, sort, "[", "]");
        }
        case T::Map:
            return props_text(v.as_map(), graph, sort);
        case T::Node:
            return node_actual(v.as_node(), graph, sort);
        case T::Rel:
            return rel_actual(v.as_rel(), graph, sort);
        case T::Path: {
            const auto& p = v.as_path();
            std::string out = "<";
            out += node_actual(p.nodes[0], graph, sort);
            for (std::size_t i = 0; i < p.rels.size(); ++i) {
                const bool forward = graph.rel_start(p.rels[i]) == p.nodes[i];
                out += forward ? "-" : "<-";
                out += rel_actual(p.rels[i], graph, sort);
                out += forward ? "->" : "-";
                out += node_actual(p.nodes[i + 1], graph, sort);
            }
            return out + ">";
        }
    }
    return "?";
}

}  // namespace kizuna::tck
