#pragma once
// The function table: every function of the language by its lower-case name, with its arity, the kinds
// of its arguments (for messages and EXPLAIN), how it treats null, and the code that runs it. The binder
// resolves each call once (Expr::function); the evaluator then calls through the pointer.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "kizuna/cypher/value.h"

namespace kizuna::cypher {

struct Context;

// A scalar function's code: its arguments already evaluated.
using ScalarCode = Value (*)(Context& context, const List& args);

enum class AggregateKind : std::uint8_t {
    None,
    Count,
    Sum,
    Avg,
    Min,
    Max,
    Collect,
    StDev,
    StDevP,
    PercentileCont,
    PercentileDisc
};

// The kinds of value an argument may take, as a mask; null is always taken. 0: any value (the
// function's code checks what it gets, when running, as openCypher wants of range() and others).
enum ArgKind : std::uint16_t {
    kAnyArg = 0,
    kNodeArg = 1,
    kRelArg = 2,
    kPathArg = 4,
    kMapArg = 8,
    kListArg = 16,
    kStringArg = 32,
    kNumberArg = 64,
    kBoolArg = 128,
};

// The kind bit of a value's type (kAnyArg for null).
[[nodiscard]] std::uint16_t arg_kind_of(Value::Type type);

struct FunctionDef {
    std::string name;       // lower case
    std::string signature;  // as documented: "substring(string, start[, length])"
    std::size_t min_args = 0;
    std::size_t max_args = 0;
    // Most functions give null for a null argument without running; the others see every null.
    bool sees_null = false;
    ScalarCode code = nullptr;                      // scalar functions
    AggregateKind aggregate = AggregateKind::None;  // aggregates (code is null)
    // Per argument, the kinds it takes (ArgKind); missing or 0: any. The binder refuses an argument
    // whose kind it knows (a literal, a node, relationship or path variable) and is not among them.
    std::vector<std::uint16_t> arg_kinds = {};
    [[nodiscard]] bool is_aggregate() const { return aggregate != AggregateKind::None; }
};

// The function named (any case), or null when there is none.
[[nodiscard]] const FunctionDef* find_function(std::string_view name);

// Each family of functions adds its entries (functions/*.cpp).
void add_graph_functions(std::vector<FunctionDef>& table);
void add_string_functions(std::vector<FunctionDef>& table);
void add_list_functions(std::vector<FunctionDef>& table);
void add_numeric_functions(std::vector<FunctionDef>& table);
void add_conversion_functions(std::vector<FunctionDef>& table);
void add_aggregate_functions(std::vector<FunctionDef>& table);
void add_kizuna_functions(std::vector<FunctionDef>& table);

// Helpers the families share. Throw CypherError.
[[noreturn]] void argument_error(const std::string& what);
void need_type(const Value& v, Value::Type type, const std::string& function);
[[nodiscard]] double need_number(const Value& v, const std::string& function);
[[nodiscard]] std::int64_t need_integer(const Value& v, const std::string& function);
// UTF-8 code points, for functions that count characters; counted on the context's budget.
[[nodiscard]] std::vector<std::string> budgeted_characters(Context& context, const std::string& text);
[[nodiscard]] std::size_t count_characters(const std::string& text);
[[nodiscard]] std::string join_characters(const std::vector<std::string>& parts, std::size_t from,
                                          std::size_t to);

}  // namespace kizuna::cypher
