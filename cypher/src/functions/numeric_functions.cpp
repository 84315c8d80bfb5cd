// Numeric functions: abs, sign, ceil, floor, round, sqrt, exp, log, log10, the trigonometric functions,
// rand, e, pi.
#include <cmath>
#include <random>

#include "evaluator.h"
#include "function_table.h"

namespace kizuna::cypher {
namespace {

using T = Value::Type;

// A function's name as a template argument, for the messages of numeric_fn_unary.
template <std::size_t N>
struct NumericFnName {
    char text[N];
    constexpr NumericFnName(const char (&s)[N]) {  // NOLINT: implicit from a literal by design
        for (std::size_t i = 0; i < N; ++i) text[i] = s[i];
    }
};

// A function of one number, as a table entry.
template <NumericFnName Name, double (*F)(double)>
Value numeric_fn_unary(Context&, const List& args) {
    return Value(F(need_number(args[0], Name.text)));
}

Value numeric_fn_abs(Context&, const List& args) {
    const auto& a = args[0];
    if (a.type() == T::Int) return Value(a.as_int() < 0 ? -a.as_int() : a.as_int());
    return Value(std::fabs(need_number(a, "abs")));
}

Value numeric_fn_sign(Context&, const List& args) {
    const auto& a = args[0];
    if (a.type() == T::Int) return Value(std::int64_t{(a.as_int() > 0) - (a.as_int() < 0)});
    const double d = need_number(a, "sign");
    return Value(std::int64_t{(d > 0) - (d < 0)});
}

Value numeric_fn_rand(Context&, const List&) {
    static thread_local std::mt19937_64 random{std::random_device{}()};
    return Value(std::uniform_real_distribution<double>(0.0, 1.0)(random));
}

double numeric_round(double x) { return std::floor(x + 0.5); }
double numeric_ceil(double x) { return std::ceil(x); }
double numeric_floor(double x) { return std::floor(x); }
double numeric_sqrt(double x) { return std::sqrt(x); }
double numeric_exp(double x) { return std::exp(x); }
double numeric_log(double x) { return std::log(x); }
double numeric_log10(double x) { return std::log10(x); }
double numeric_sin(double x) { return std::sin(x); }
double numeric_cos(double x) { return std::cos(x); }
double numeric_tan(double x) { return std::tan(x); }
double numeric_asin(double x) { return std::asin(x); }
double numeric_acos(double x) { return std::acos(x); }
double numeric_atan(double x) { return std::atan(x); }

}  // namespace

void add_numeric_functions(std::vector<FunctionDef>& table) {
    table.push_back({"abs", "abs(number)", 1, 1, false, numeric_fn_abs});
    table.push_back({"sign", "sign(number)", 1, 1, false, numeric_fn_sign});
    table.push_back({"ceil", "ceil(number)", 1, 1, false, numeric_fn_unary<"ceil", numeric_ceil>});
    table.push_back({"floor", "floor(number)", 1, 1, false, numeric_fn_unary<"floor", numeric_floor>});
    table.push_back({"round", "round(number)", 1, 1, false, numeric_fn_unary<"round", numeric_round>});
    table.push_back({"sqrt", "sqrt(number)", 1, 1, false, numeric_fn_unary<"sqrt", numeric_sqrt>});
    table.push_back({"exp", "exp(number)", 1, 1, false, numeric_fn_unary<"exp", numeric_exp>});
    table.push_back({"log", "log(number)", 1, 1, false, numeric_fn_unary<"log", numeric_log>});
    table.push_back({"log10", "log10(number)", 1, 1, false, numeric_fn_unary<"log10", numeric_log10>});
    table.push_back({"sin", "sin(number)", 1, 1, false, numeric_fn_unary<"sin", numeric_sin>});
    table.push_back({"cos", "cos(number)", 1, 1, false, numeric_fn_unary<"cos", numeric_cos>});
    table.push_back({"tan", "tan(number)", 1, 1, false, numeric_fn_unary<"tan", numeric_tan>});
    table.push_back({"asin", "asin(number)", 1, 1, false, numeric_fn_unary<"asin", numeric_asin>});
    table.push_back({"acos", "acos(number)", 1, 1, false, numeric_fn_unary<"acos", numeric_acos>});
    table.push_back({"atan", "atan(number)", 1, 1, false, numeric_fn_unary<"atan", numeric_atan>});
    table.push_back({"atan2", "atan2(y, x)", 2, 2, false, [](Context&, const List& args) {
                         return Value(
                             std::atan2(need_number(args[0], "atan2"), need_number(args[1], "atan2")));
                     }});
    table.push_back({"rand", "rand()", 0, 0, true, numeric_fn_rand});
    table.push_back({"e", "e()", 0, 0, true, [](Context&, const List&) { return Value(std::exp(1.0)); }});
    table.push_back({"pi", "pi()", 0, 0, true, [](Context&, const List&) { return Value(std::acos(-1.0)); }});
}

}  // namespace kizuna::cypher
