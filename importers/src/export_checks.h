#pragma once
// Private to importers: every value an export writes passes the checks an import applies to it, so that
// an export always imports back and never carries damage out of the database. A value that fails them was
// damaged in the file (valid data is checked before it is stored): a StorageError (exit 4) naming the
// table and the row.
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_set>

#include "kizuna/core/model.h"

namespace kizuna::importers {

class ExportChecks {
  public:
    // Types and kinds first, then entities, then relations (which are checked against them).
    void type(const RelationType& type);
    void kind(const EntityKind& kind);
    void entity(const Entity& entity);
    void relation(const Relation& relation);
    // After the last relation: every stored relation was read (one whose ends are gone is skipped by the
    // read, and would silently be missing from the export).
    void all_relations_read(std::int64_t stored) const;

  private:
    std::unordered_set<std::string> types_, entities_;
    std::int64_t relations_ = 0;
};

// Text shown in a message with bytes that are not UTF-8 written as \xNN.
[[nodiscard]] std::string printable(std::string_view text);

}  // namespace kizuna::importers
