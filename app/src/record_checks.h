#pragma once
// Private to app: the checks of a record written by hand (RecordRequest) before import writes it, so
// that an add never replaces, an edit never undoes a change made since the record was read, and an entity
// or relation says where it comes from. Every front end shares them; each throws AppError.
#include <nlohmann/json_fwd.hpp>
#include <string>

#include "kizuna/core/store.h"

namespace kizuna::app {

// An entity's or relation's sources: at least one, each with a title that is not blank (InvalidData
// naming "KIND: sources"). Other kinds pass.
void require_sources(const std::string& kind, const nlohmann::json& record);

// An add: refuses (Conflict) an id that names a stored record of the kind, or an entity id merged away.
void refuse_existing(const Store& store, const std::string& kind, const std::string& id);

// An edit: the record id must be stored; when opened (the record as read, JSON text) is given, the
// stored record must still equal it, else Conflict naming the latest change that touched it.
void refuse_stale(const Store& store, const std::string& kind, const std::string& id,
                  const std::string& opened);

}  // namespace kizuna::app
