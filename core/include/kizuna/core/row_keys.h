#pragma once
// Opaque handles of stored rows. The graph keeps them to fetch an entity's or a relation's details from
// the store for the few rows an answer uses; a bulk writer hands them out so that relations can name
// their ends without a lookup per row. They are valid for one database file only: never show them to a
// user, and never compare them across databases.
#include <cstdint>

namespace kizuna {

enum class EntityKey : std::int64_t {};
enum class RelationKey : std::int64_t {};

// "No such row": what a bulk writer's handle table gives for an entity it does not hold.
inline constexpr EntityKey kNoEntity{0};

}  // namespace kizuna
