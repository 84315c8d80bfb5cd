#include "graph_builder.h"

#include <algorithm>
#include <boost/graph/compressed_sparse_row_graph.hpp>
#include <future>
#include <limits>
#include <numeric>

#include "kizuna/core/errors.h"

namespace kizuna {

namespace {

// values[i] = old values[order[i]], into a vector of exactly the right size.
template <typename T>
void permute(std::vector<T>& values, const std::vector<std::uint32_t>& order) {
    std::vector<T> out;
    out.reserve(order.size());
    for (const auto i : order) out.push_back(values[i]);
    values.swap(out);
}

// The text of item i of a concatenation with end offsets.
template <typename Offset>
std::string_view text_at(const std::vector<char>& chars, const std::vector<Offset>& ends, std::size_t i) {
    const std::size_t begin = i == 0 ? 0 : ends[i - 1];
    return {chars.data() + begin, static_cast<std::size_t>(ends[i] - begin)};
}

// The table in sorted order, codes renumbered to match: whatever order rows came in (a bulk write's, the
// row scan's), a graph of the same data is the same bytes, so that a damaged block of its cache file can
// be replaced by a rebuilt graph's (cache_blocks.h).
void sort_table(std::vector<std::string>& table, std::vector<std::uint16_t>& codes) {
    std::vector<std::uint16_t> order(table.size());
    std::iota(order.begin(), order.end(), std::uint16_t{0});
    std::sort(order.begin(), order.end(),
              [&](std::uint16_t a, std::uint16_t b) { return table[a] < table[b]; });
    std::vector<std::uint16_t> code_of(table.size());
    std::vector<std::string> sorted;
    sorted.reserve(table.size());
    for (std::size_t i = 0; i < order.size(); ++i) {
        code_of[order[i]] = static_cast<std::uint16_t>(i);
        sorted.push_back(std::move(table[order[i]]));
    }
    table.swap(sorted);
    for (auto& code : codes) code = code_of[code];
}

}  // namespace

std::uint16_t GraphBuilder::intern(std::string_view value, std::vector<std::string>& table,
                                   std::unordered_map<std::string, std::uint16_t>& index) {
    if (!table.empty() && table.back() == value) return static_cast<std::uint16_t>(table.size() - 1);
    const auto [it, inserted] =
        index.try_emplace(std::string(value), static_cast<std::uint16_t>(table.size()));
    if (inserted) {
        if (table.size() == std::numeric_limits<std::uint16_t>::max()) {
            throw StorageError(
                "too many distinct kinds, countries or relation types for the in-memory graph");
        }
        table.emplace_back(value);
    }
    return it->second;
}

void GraphBuilder::add_entity(std::int64_t key, std::string_view id, std::string_view kind,
                              std::string_view country) {
    entity_keys_.push_back(key);
    entity_id_chars_.insert(entity_id_chars_.end(), id.begin(), id.end());
    if (entity_id_chars_.size() > std::numeric_limits<std::uint32_t>::max())
        throw StorageError("entity ids too long in total for the in-memory graph (4 GiB)");
    entity_id_ends_.push_back(static_cast<std::uint32_t>(entity_id_chars_.size()));
    kind_of_.push_back(intern(kind, kinds_, kind_index_));
    country_of_.push_back(intern(country, countries_, country_index_));
}

void GraphBuilder::add_relation(std::int64_t key, std::string_view id, std::string_view type,
                                std::int64_t from, std::int64_t to, std::int32_t start, std::int32_t end) {
    if (relation_keys_.size() >= (1U << 31)) throw StorageError("too many relations for the in-memory graph");
    relation_keys_.push_back(key);
    // A few dozen types at most, and runs of one type are common: the last one first.
    std::uint16_t type_code = 0;
    if (!type_names_.empty() && type_names_[last_type_] == type) {
        type_code = last_type_;
    } else {
        type_code = intern(type, type_names_, type_index_);
        last_type_ = type_code;
    }
    type_of_.push_back(type_code);
    from_keys_.push_back(from);
    to_keys_.push_back(to);
    start_.push_back(start);
    end_.push_back(end);
    if (!relations_in_id_order_ && relations_ordered_) {
        if (relation_keys_.size() > 1 && id <= last_relation_id_) relations_ordered_ = false;
        last_relation_id_.assign(id);
    }
}

std::unique_ptr<Graph::Impl> GraphBuilder::finish(std::vector<RelationType> types,
                                                  std::vector<EntityKind> kinds) {
    auto impl = std::make_unique<Graph::Impl>();
    impl->types = std::move(types);
    impl->kind_vocabulary = std::move(kinds);
    sort_table(kinds_, kind_of_);
    sort_table(countries_, country_of_);
    impl->kinds = std::move(kinds_);
    impl->countries = std::move(countries_);

    // Vertices in entity-id order (the row scan gives them so already).
    const std::size_t n = entity_keys_.size();
    std::vector<std::uint32_t> order(n);
    std::iota(order.begin(), order.end(), 0U);
    auto id_of = [&](std::uint32_t i) { return text_at(entity_id_chars_, entity_id_ends_, i); };
    const auto by_id = [&](std::uint32_t a, std::uint32_t b) { return id_of(a) < id_of(b); };
    if (!std::is_sorted(order.begin(), order.end(), by_id)) std::sort(order.begin(), order.end(), by_id);
    std::vector<char> id_chars;
    std::vector<std::uint32_t> id_offsets{0};
    id_chars.reserve(entity_id_chars_.size());
    id_offsets.reserve(n + 1);
    for (const auto i : order) {
        const auto id = id_of(i);
        id_chars.insert(id_chars.end(), id.begin(), id.end());
        id_offsets.push_back(static_cast<std::uint32_t>(id_chars.size()));
    }
    std::vector<char>().swap(entity_id_chars_);
    std::vector<std::uint32_t>().swap(entity_id_ends_);
    permute(entity_keys_, order);
    permute(kind_of_, order);
    permute(country_of_, order);
    std::vector<std::uint32_t>().swap(order);

    // Entity keys are dense from 1 unless a file was edited by hand: the vertex of a key by direct index
    // then, else by binary search over (key, vertex) pairs.
    std::int64_t smallest = 0, largest = 0;
    if (n > 0) {
        const auto [low, high] = std::minmax_element(entity_keys_.begin(), entity_keys_.end());
        smallest = *low;
        largest = *high;
    }
    const bool dense = smallest >= 0 && largest <= 8 * static_cast<std::int64_t>(n) + 1024;
    constexpr VertexId kNoVertex = std::numeric_limits<VertexId>::max();
    std::vector<VertexId> vertex_of_key(dense ? static_cast<std::size_t>(largest) + 1 : 0, kNoVertex);
    std::vector<std::pair<std::int64_t, VertexId>> sparse;  // (key, vertex), sorted, when not dense
    for (std::size_t v = 0; v < n; ++v) {
        if (dense) {
            vertex_of_key[static_cast<std::size_t>(entity_keys_[v])] = static_cast<VertexId>(v);
        } else {
            sparse.emplace_back(entity_keys_[v], static_cast<VertexId>(v));
        }
    }
    std::sort(sparse.begin(), sparse.end());
    auto vertex_of = [&](std::int64_t key) {
        VertexId v = kNoVertex;
        if (dense) {
            if (key >= 0 && key <= largest) v = vertex_of_key[static_cast<std::size_t>(key)];
        } else {
            const auto it = std::lower_bound(sparse.begin(), sparse.end(), std::make_pair(key, VertexId{0}));
            if (it != sparse.end() && it->first == key) v = it->second;
        }
        if (v == kNoVertex) throw StorageError("relation to a missing entity row " + std::to_string(key));
        return v;
    };

    // The relations' types as the store numbers them.
    std::vector<std::uint16_t> store_type(type_names_.size());
    for (std::size_t t = 0; t < type_names_.size(); ++t) {
        const auto found = std::find_if(impl->types.begin(), impl->types.end(),
                                        [&](const RelationType& type) { return type.id == type_names_[t]; });
        if (found == impl->types.end())
            throw StorageError("relation of unknown type '" + type_names_[t] + "'");
        store_type[t] = static_cast<std::uint16_t>(found - impl->types.begin());
    }
    const std::size_t m = relation_keys_.size();
    std::vector<std::uint16_t> type_of(m);
    for (std::size_t r = 0; r < m; ++r) type_of[r] = store_type[type_of_[r]];
    std::vector<std::uint16_t>().swap(type_of_);

    // Relation r becomes the CSR's forward edge r: relations sorted by (from, to, relation id), which
    // Boost's counting sort by source keeps, so a relation's index is its position and needs no storage.
    // The ends' keys become vertices on two threads (random reads into the key table).
    std::vector<std::pair<std::uint64_t, std::uint32_t>> keyed(m);  // (from << 32 | to, as added)
    auto map_range = [&](std::size_t begin, std::size_t end) {
        for (std::size_t r = begin; r < end; ++r) {
            keyed[r] = {static_cast<std::uint64_t>(vertex_of(from_keys_[r])) << 32 | vertex_of(to_keys_[r]),
                        static_cast<std::uint32_t>(r)};
        }
    };
    auto half = std::async(std::launch::async, map_range, m / 2, m);
    map_range(0, m / 2);
    half.get();  // rethrows a missing entity row
    std::vector<std::int64_t>().swap(from_keys_);
    std::vector<std::int64_t>().swap(to_keys_);
    if (!relations_ordered_) throw StorageError("relations out of id order for the graph builder");
    std::sort(keyed.begin(), keyed.end());  // ties in the order added: relation-id order
    std::vector<std::pair<VertexId, VertexId>> ends;
    order.reserve(m);
    ends.reserve(m);
    for (const auto& [key, r] : keyed) {
        order.push_back(r);
        ends.emplace_back(static_cast<VertexId>(key >> 32), static_cast<VertexId>(key & 0xFFFFFFFFU));
    }
    std::vector<std::pair<std::uint64_t, std::uint32_t>>().swap(keyed);
    std::vector<std::int64_t> rids = std::move(relation_keys_);
    std::vector<std::int32_t> start = std::move(start_), end = std::move(end_);
    std::vector<std::int64_t> eids = std::move(entity_keys_);
    std::vector<std::uint16_t> kind_of = std::move(kind_of_), country_of = std::move(country_of_);
    permute(rids, order);
    permute(type_of, order);
    permute(start, order);
    permute(end, order);
    std::vector<std::uint32_t>().swap(order);
    impl->type_counts.assign(impl->types.size(), 0);
    for (const auto type : type_of) ++impl->type_counts[type];

    // Built by Boost, then kept as its arrays (what the cache file maps).
    const auto vertex_count = static_cast<std::uint32_t>(eids.size());
    {
        using Csr =
            boost::compressed_sparse_row_graph<boost::bidirectionalS, boost::no_property, boost::no_property,
                                               boost::no_property, std::uint32_t, std::uint32_t>;
        Csr csr(boost::edges_are_unsorted_multi_pass, ends.begin(), ends.end(), vertex_count);
        std::vector<std::pair<VertexId, VertexId>>().swap(ends);
        impl->forward_start = Column<std::uint32_t>(std::move(csr.m_forward.m_rowstart));
        impl->forward_target = Column<std::uint32_t>(std::move(csr.m_forward.m_column));
        impl->backward_start = Column<std::uint32_t>(std::move(csr.m_backward.m_rowstart));
        impl->backward_source = Column<std::uint32_t>(std::move(csr.m_backward.m_column));
        impl->backward_relation = Column<std::uint32_t>(std::move(csr.m_backward.m_edge_properties));
    }

    // Dates as codes into the distinct dates, ascending (a registry's dates repeat: two bytes each). The
    // distinct dates are few (tens of thousands at most in practice): a hash map finds each one's code.
    std::unordered_map<std::int32_t, std::uint32_t> code_of;
    for (const auto* values : {&start, &end}) {
        for (const auto value : *values) code_of.try_emplace(value, 0);
    }
    std::vector<std::int32_t> dates;
    dates.reserve(code_of.size());
    for (const auto& [value, code] : code_of) dates.push_back(value);
    std::sort(dates.begin(), dates.end());
    for (std::uint32_t i = 0; i < dates.size(); ++i) code_of[dates[i]] = i;
    auto codes = [&code_of](const std::vector<std::int32_t>& values) {
        std::vector<std::uint32_t> out;
        out.reserve(values.size());
        for (const auto value : values) out.push_back(code_of.find(value)->second);
        return CodeColumn::narrowest(out);
    };
    impl->start = codes(start);
    impl->end = codes(end);
    impl->dates = Column<std::int32_t>(std::move(dates));
    impl->type_of = CodeColumn::narrowest(type_of);
    impl->rids = KeyColumn::of(rids);
    impl->eids = KeyColumn::of(eids);
    impl->kind_of = CodeColumn::narrowest(kind_of);
    impl->country_of = CodeColumn::narrowest(country_of);
    id_chars.shrink_to_fit();
    impl->id_chars = Column<char>(std::move(id_chars));
    impl->id_offsets = Column<std::uint32_t>(std::move(id_offsets));
    impl->link();
    return impl;
}

}  // namespace kizuna
