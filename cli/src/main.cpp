// kizuna — the command line of the Kizuna graph database.
#include <sys/ioctl.h>
#include <unistd.h>

#include <cstdlib>
#include <iostream>
#include <string>

#include "app.h"
#include "views/table.h"

namespace {

// The columns tables may use: the terminal's, else $COLUMNS, else none (files and pipes get whole names).
std::size_t terminal_columns() {
    winsize size{};
    if (isatty(STDOUT_FILENO) == 1 && ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) == 0 && size.ws_col > 0) {
        return size.ws_col;
    }
    if (const char* columns = std::getenv("COLUMNS"); columns != nullptr) {
        char* end = nullptr;
        const unsigned long value = std::strtoul(columns, &end, 10);
        if (end != columns && *end == '\0' && value >= 20 && value <= 10000) return value;
    }
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    kizuna::cli::set_line_width(terminal_columns());
    return kizuna::cli::run_kizuna(std::vector<std::string>(argv + 1, argv + argc), std::cout, std::cerr);
}
