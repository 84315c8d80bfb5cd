// Database::import_records: records in memory, checked and written as an import of files is. Today they
// pass through a private JSON Lines file (the importers read files); the application layer (app/) will
// take them in memory.
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <nlohmann/json.hpp>

#include "facade_internal.h"
#include "kizuna/core/errors.h"

namespace kizuna::api {

namespace {

// A folder of its own under the system's temporary folder, removed with everything in it.
class PrivateFolder {
  public:
    PrivateFolder() {
        std::string pattern = (std::filesystem::temp_directory_path() / "kizuna-records-XXXXXX").string();
        if (mkdtemp(pattern.data()) == nullptr)
            throw DatabaseError("cannot create a temporary folder for the records");
        path_ = pattern;
    }
    ~PrivateFolder() {
        std::error_code ignored;
        std::filesystem::remove_all(path_, ignored);
    }
    PrivateFolder(const PrivateFolder&) = delete;
    PrivateFolder& operator=(const PrivateFolder&) = delete;
    [[nodiscard]] const std::filesystem::path& path() const { return path_; }

  private:
    std::filesystem::path path_;
};

// "/tmp/kizuna-records-ab12/records.jsonl:3: ..." as "records:3: ...": the problems name the records.
std::string without_folder(std::string problem, const std::string& file) {
    if (problem.rfind(file, 0) == 0) problem.replace(0, file.size(), "records");
    return problem;
}

}  // namespace

ImportReport Database::import_records(const std::vector<Entity>& entities,
                                      const std::vector<Relation>& relations, const ImportOptions& options) {
    const PrivateFolder folder;
    const auto file = folder.path() / "records.jsonl";
    {
        std::ofstream out(file, std::ios::binary);
        for (const auto& entity : entities) out << nlohmann::json{{"entity", json_of(entity)}}.dump() << '\n';
        for (const auto& relation : relations)
            out << nlohmann::json{{"relation", json_of(relation)}}.dump() << '\n';
        if (!out.flush()) throw DatabaseError(file.string() + ": cannot write the records");
    }
    try {
        return import_files({file}, options);
    } catch (const InvalidData& e) {
        std::vector<std::string> problems;
        for (const auto& problem : e.problems()) problems.push_back(without_folder(problem, file.string()));
        throw InvalidData(without_folder(e.what(), file.string()), std::move(problems), e.total());
    }
}

}  // namespace kizuna::api
