#pragma once
// The values of the query language: null, booleans, 64-bit integers, floats, strings, lists, maps, and
// references to the nodes, relationships and paths of a property graph (property_graph.h). Lists and
// maps are shared and immutable once built, so copying a value is cheap. Each knows how deeply it nests,
// and none nests deeper than kMaxNesting: comparing, printing and freeing values recurse, and stay far
// from the stack's end.
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace kizuna::cypher {

using NodeId = std::uint64_t;
using RelId = std::uint64_t;

class Value;
class PropertyGraph;
using List = std::vector<Value>;
using Map = std::map<std::string, Value>;
struct ListBox;
struct MapBox;

// How deeply lists and maps may nest; building a deeper one throws LimitReached (errors.h).
inline constexpr std::uint32_t kMaxNesting = 1000;

struct NodeRef {
    NodeId id;
    friend bool operator==(const NodeRef&, const NodeRef&) = default;
};
struct RelRef {
    RelId id;
    friend bool operator==(const RelRef&, const RelRef&) = default;
};
// A walk: nodes[0] -rels[0]- nodes[1] ... ; nodes.size() == rels.size() + 1.
struct Path {
    std::vector<NodeId> nodes;
    std::vector<RelId> rels;
    friend bool operator==(const Path&, const Path&) = default;
};

// g++ 12 warns that the scoped enumerators List and Map shadow the aliases above; they cannot (they
// are only ever named ValueType::List), so the warning is silenced here alone.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wshadow"
enum class ValueType : std::uint8_t { Null, Bool, Int, Float, String, List, Map, Node, Rel, Path };
#pragma GCC diagnostic pop

class Value {
  public:
    using Type = ValueType;
    Value() = default;
    Value(std::nullptr_t) {}
    Value(bool b) : v_(b) {}
    Value(std::int64_t i) : v_(i) {}
    Value(int i) : v_(std::int64_t{i}) {}
    Value(double d) : v_(d) {}
    Value(std::string s) : v_(std::move(s)) {}
    Value(const char* s) : v_(std::string(s)) {}
    Value(List l);
    Value(Map m);
    Value(NodeRef n) : v_(n) {}
    Value(RelRef r) : v_(r) {}
    Value(Path p) : v_(std::make_shared<const Path>(std::move(p))) {}

    [[nodiscard]] Type type() const { return static_cast<Type>(v_.index()); }
    [[nodiscard]] bool is_null() const { return type() == Type::Null; }
    [[nodiscard]] bool is_number() const { return type() == Type::Int || type() == Type::Float; }
    [[nodiscard]] bool as_bool() const { return std::get<bool>(v_); }
    [[nodiscard]] std::int64_t as_int() const { return std::get<std::int64_t>(v_); }
    [[nodiscard]] double as_float() const { return std::get<double>(v_); }
    // An integer or a float as a double. REQUIRES: is_number().
    [[nodiscard]] double as_number() const {
        return type() == Type::Int ? static_cast<double>(as_int()) : as_float();
    }
    [[nodiscard]] const std::string& as_string() const { return std::get<std::string>(v_); }
    [[nodiscard]] const List& as_list() const;
    [[nodiscard]] const Map& as_map() const;
    // 0 for a scalar, graph value or path; 1 + the deepest element's for a list or map.
    [[nodiscard]] std::uint32_t nesting() const;
    [[nodiscard]] NodeId as_node() const { return std::get<NodeRef>(v_).id; }
    [[nodiscard]] RelId as_rel() const { return std::get<RelRef>(v_).id; }
    [[nodiscard]] const Path& as_path() const { return *std::get<std::shared_ptr<const Path>>(v_); }

  private:
    std::variant<std::monostate, bool, std::int64_t, double, std::string, std::shared_ptr<const ListBox>,
                 std::shared_ptr<const MapBox>, NodeRef, RelRef, std::shared_ptr<const Path>>
        v_;
};

struct ListBox {
    List items;
    std::uint32_t nesting;
};
struct MapBox {
    Map items;
    std::uint32_t nesting;
};

// The nesting of a new list or map of these elements. Throws LimitReached past kMaxNesting.
[[nodiscard]] std::uint32_t nesting_of(const List& items);
[[nodiscard]] std::uint32_t nesting_of(const Map& items);

inline Value::Value(List l) {
    const auto n = nesting_of(l);
    v_ = std::make_shared<const ListBox>(ListBox{std::move(l), n});
}
inline Value::Value(Map m) {
    const auto n = nesting_of(m);
    v_ = std::make_shared<const MapBox>(MapBox{std::move(m), n});
}
inline const List& Value::as_list() const { return std::get<std::shared_ptr<const ListBox>>(v_)->items; }
inline const Map& Value::as_map() const { return std::get<std::shared_ptr<const MapBox>>(v_)->items; }
inline std::uint32_t Value::nesting() const {
    if (type() == Type::List) return std::get<std::shared_ptr<const ListBox>>(v_)->nesting;
    if (type() == Type::Map) return std::get<std::shared_ptr<const MapBox>>(v_)->nesting;
    return 0;
}

// The name of a value's type in messages ("Integer", "String", "Node" ...).
[[nodiscard]] const char* type_name(Value::Type type);

// Cypher's equality: null when either side is or holds null where it matters; else true/false.
// Returns Value (Bool or Null).
[[nodiscard]] Value equals(const Value& a, const Value& b);
// Cypher's comparison for <, <=, >, >=: the sign of a-b, or nothing when the values are not comparable
// (different types, null, NaN).
[[nodiscard]] std::optional<int> compare(const Value& a, const Value& b);
// The total order of ORDER BY, DISTINCT and grouping (orderability): maps, nodes, relationships, lists,
// paths, strings, booleans, numbers, then null. Nodes and relationships compare by their place in graph's
// order when one is given (ORDER BY: the same rows whether the graph was built anew or is a cache plus a
// delta), else by id (DISTINCT and grouping need only a consistent order).
[[nodiscard]] int order(const Value& a, const Value& b, const PropertyGraph* graph = nullptr);
// Equivalence for DISTINCT and grouping keys (null equals null).
[[nodiscard]] inline bool equivalent(const Value& a, const Value& b) { return order(a, b) == 0; }

// The text of a scalar as toString() gives it (integers, floats as format_float, booleans, strings);
// nothing for null, lists, maps and graph values.
[[nodiscard]] std::optional<std::string> scalar_text(const Value& value);

// A float as Cypher prints it: shortest round-trip digits, always with a '.' or exponent ("1.0").
[[nodiscard]] std::string format_float(double d);

}  // namespace kizuna::cypher
