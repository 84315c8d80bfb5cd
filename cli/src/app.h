#pragma once
// The whole command line as a function: parse args (without the program name), run the command, and
// return PRODUCT.md's exit code (0 answered, 2 usage, 3 invalid data, 4 database). `kizuna demo` uses it
// to run the very commands a user would type.
#include <iosfwd>
#include <string>
#include <vector>

namespace kizuna::cli {

struct SharedData;

int run_kizuna(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);
// The same for a long-running process: query commands read the shared data (context.h) instead of
// opening the database.
int run_kizuna(const std::vector<std::string>& args, std::ostream& out, std::ostream& err,
               const SharedData* shared);

}  // namespace kizuna::cli
