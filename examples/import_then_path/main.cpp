// import_then_path DATABASE FOLDER FROM TO: creates DATABASE, imports the CSV files of FOLDER
// (entities.csv and relations.csv) in one transaction, adds a university and its MOU with FROM from
// memory, then prints the shortest path from that university to TO, relation by relation.
#include <kizuna/kizuna.h>

#include <iostream>

int main(int argc, char** argv) {
    if (argc != 5) {
        std::cerr << "usage: import_then_path DATABASE FOLDER FROM TO\n";
        return 2;
    }
    namespace kz = kizuna::api;
    try {
        auto db = kz::Database::create(argv[1]);
        const auto report = db.import_files({argv[2]});
        std::cout << "imported " << report.read.entities << " entities and " << report.read.relations
                  << " relations\n";

        kz::Entity university;
        university.id = "example-university";
        university.kind = "university";
        university.country = "JP";
        university.names = {{"en", "Example University"}, {"ja", "例示大学"}};
        kz::Relation mou;
        mou.id = "example-university-mou";
        mou.type = "mou";
        mou.from = university.id;
        mou.to = db.show(argv[3]).entity->id;  // any name of FROM: its id
        mou.start = "2025-04";
        mou.sources = {{"Example press release", "https://example.org/mou", std::nullopt}};
        const auto added = db.import_records({university}, {mou});
        std::cout << "added " << added.changed.entities << " entity and " << added.changed.relations
                  << " relation\n";

        const auto answer = db.path(university.id, argv[4]);
        if (answer.paths.empty()) {
            std::cout << "not connected\n";
            return 0;
        }
        const auto& path = answer.paths.front();
        std::cout << "path of " << path.relations.size() << " relations:\n" << path.nodes.front() << '\n';
        for (std::size_t i = 0; i < path.relations.size(); ++i) {
            std::cout << "  " << path.relations[i].type << " (" << path.relations[i].start.value_or("undated")
                      << ")\n"
                      << path.nodes[i + 1] << '\n';
        }
        return 0;
    } catch (const kz::InvalidData& e) {
        for (const auto& problem : e.problems()) std::cerr << problem << '\n';
        return 3;
    } catch (const kz::Error& e) {
        std::cerr << e.what() << '\n';
        return 1;
    }
}
