// kizuna — the command line of the Kizuna graph database.
#include <iostream>

#include "app.h"

int main(int argc, char** argv) {
    return kizuna::cli::run_kizuna(std::vector<std::string>(argv + 1, argv + argc), std::cout, std::cerr);
}
