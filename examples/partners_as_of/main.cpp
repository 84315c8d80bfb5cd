// partners_as_of DATABASE ENTITY DATE: who partners with ENTITY at DATE (YYYY, YYYY-MM or YYYY-MM-DD),
// one line per relation: the partner's id and name, the relation's type, dates and state at that date.
// Relations without dates follow after "date unknown:".
#include <kizuna/kizuna.h>

#include <iostream>

namespace {

void print(const kizuna::api::PartnersAnswer::Partner& row) {
    const auto& relation = row.relation;
    std::cout << row.partner.id << '\t' << row.partner.name() << '\t' << relation.type << '\t'
              << relation.start.value_or("?") << ".." << relation.end.value_or("") << '\t'
              << relation.activity.value_or("") << '\n';
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 4) {
        std::cerr << "usage: partners_as_of DATABASE ENTITY DATE\n";
        return 2;
    }
    try {
        const auto db = kizuna::api::Database::open(argv[1]);
        kizuna::api::PartnersRequest request;
        request.filter.as_of = argv[3];
        const auto answer = db.partners(argv[2], request);
        std::cout << "partners of " << answer.entity.name() << " as of " << argv[3] << ":\n";
        for (const auto& row : answer.partners) print(row);
        if (!answer.date_unknown.empty()) std::cout << "date unknown:\n";
        for (const auto& row : answer.date_unknown) print(row);
        return 0;
    } catch (const kizuna::api::EntityError& e) {  // unknown (closest names) or ambiguous (choose one)
        std::cerr << e.what() << '\n';
        for (const auto& id : e.candidates()) std::cerr << "  " << id << "?\n";
        return 2;
    } catch (const kizuna::api::Error& e) {
        std::cerr << e.what() << '\n';
        return 1;
    }
}
