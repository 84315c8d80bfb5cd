#pragma once
// Kizuna's C++ library: the small, stable API of libkizuna.so (docs/library.md). A Database is one
// Kizuna file opened read-only or writable; each command of the `kizuna` program is a call that returns
// a typed answer whose to_json() is exactly that command's `--format json` output. Behind it stands the
// application layer the command line and `kizuna serve` stand on: the same requests, checked in the same
// place, the same answers and errors. Only the standard library appears here: no third-party type
// reaches a program that includes this header.
//
// Errors are exceptions of the classes below (kizuna::api::Error and its kinds); expected absences (no
// path, no match) are empty answers. Every answer is read from one state of the data, whatever other
// processes commit meanwhile; the next call sees their committed writes.
//
// Thread-safety: a Database may be used by several threads at once (each call takes its own connection
// and snapshot); the answers are plain values.
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <variant>
#include <vector>

#include "kizuna/version.h"

namespace kizuna::api {

// "0.1.0": the library's version (KIZUNA_VERSION is the version of the header).
[[nodiscard]] std::string version();

// ---- Errors ------------------------------------------------------------------------------------------

class Error : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};
// A request that cannot be answered as asked: a bad date, an unknown type, options that exclude each
// other, a query that does not parse (the message shows where).
class UsageError : public Error {
  public:
    using Error::Error;
};
// An entity argument that names no entity, or several: candidates() are entity ids.
class EntityError : public UsageError {
  public:
    EntityError(const std::string& message, std::vector<std::string> candidates)
        : UsageError(message), candidates_(std::move(candidates)) {}
    [[nodiscard]] const std::vector<std::string>& candidates() const { return candidates_; }

  private:
    std::vector<std::string> candidates_;
};
// A name that names no entity: candidates() are the closest names' entities, best first.
class UnknownEntity : public EntityError {
  public:
    using EntityError::EntityError;
};
// A name that several entities answer to: candidates() are those entities; an id chooses one.
class AmbiguousEntity : public EntityError {
  public:
    using EntityError::EntityError;
};
// A limit stopped the answer (a query's rows, time or memory): the message names the limit's setting.
class LimitReached : public UsageError {
  public:
    using UsageError::UsageError;
};
// Data that Kizuna refuses (an import, a query's write): problems() as "file:line: message", the first
// few of total(); nothing was written.
class InvalidData : public Error {
  public:
    InvalidData(const std::string& message, std::vector<std::string> problems, std::size_t total)
        : Error(message), problems_(std::move(problems)), total_(total) {}
    [[nodiscard]] const std::vector<std::string>& problems() const { return problems_; }
    [[nodiscard]] std::size_t total() const { return total_; }

  private:
    std::vector<std::string> problems_;
    std::size_t total_;
};
// The database cannot be opened, read or written: missing, locked, damaged, newer, read-only.
class DatabaseError : public Error {
  public:
    using Error::Error;
};

// ---- Values ------------------------------------------------------------------------------------------

// A value of a query row or parameter, as JSON has them (a node or relationship is a map: "id", "labels"
// or "type", "properties").
class Value {
  public:
    using List = std::vector<Value>;
    using Map = std::map<std::string, Value>;
    Value() = default;  // null
    Value(std::nullptr_t) {}
    Value(bool b) : v_(b) {}
    Value(int i) : v_(std::int64_t{i}) {}
    Value(std::int64_t i) : v_(i) {}
    Value(double d) : v_(d) {}
    Value(const char* s) : v_(std::string(s)) {}
    Value(std::string s) : v_(std::move(s)) {}
    Value(List l) : v_(std::move(l)) {}
    Value(Map m) : v_(std::move(m)) {}

    [[nodiscard]] bool is_null() const { return std::holds_alternative<std::monostate>(v_); }
    [[nodiscard]] bool is_bool() const { return std::holds_alternative<bool>(v_); }
    [[nodiscard]] bool is_int() const { return std::holds_alternative<std::int64_t>(v_); }
    [[nodiscard]] bool is_double() const { return std::holds_alternative<double>(v_); }
    [[nodiscard]] bool is_string() const { return std::holds_alternative<std::string>(v_); }
    [[nodiscard]] bool is_list() const { return std::holds_alternative<List>(v_); }
    [[nodiscard]] bool is_map() const { return std::holds_alternative<Map>(v_); }
    // The value; std::bad_variant_access when it is of another kind.
    [[nodiscard]] bool as_bool() const { return std::get<bool>(v_); }
    [[nodiscard]] std::int64_t as_int() const { return std::get<std::int64_t>(v_); }
    [[nodiscard]] double as_double() const { return std::get<double>(v_); }
    [[nodiscard]] const std::string& as_string() const { return std::get<std::string>(v_); }
    [[nodiscard]] const List& as_list() const { return std::get<List>(v_); }
    [[nodiscard]] const Map& as_map() const { return std::get<Map>(v_); }
    // A map's member; a null value when this is not a map or has no such key.
    [[nodiscard]] const Value& operator[](const std::string& key) const;
    // The value as JSON text (compact).
    [[nodiscard]] std::string to_json() const;
    friend bool operator==(const Value&, const Value&) = default;

  private:
    std::variant<std::monostate, bool, std::int64_t, double, std::string, List, Map> v_;
};

// ---- The data ----------------------------------------------------------------------------------------

struct Source {
    std::string title;
    std::optional<std::string> url, locator;
};

// An organisation, programme or document. names: by language ("en", "ja", "vi"), only those it has.
struct Entity {
    std::string id, kind, country;
    std::map<std::string, std::string> names;
    std::vector<std::string> aliases;
    std::map<std::string, std::string> attributes;
    std::vector<Source> sources;
    // The name in lang, else in English, else the id.
    [[nodiscard]] std::string name(const std::string& lang = "en") const;
};

// A typed, dated, sourced tie. Dates are partial: "2014", "2014-05" or "2014-05-20". category and, under
// a date filter, activity ("active", "possibly_active", "date_unknown") are filled in answers.
struct Relation {
    std::string id, type, from, to;
    std::optional<std::string> start, end;
    std::map<std::string, std::string> attributes;
    std::vector<Source> sources;
    std::string category;
    std::optional<std::string> activity;
};

// What a connection query did not walk: evidence relations, and undated ones under a date filter.
struct LeftOut {
    std::size_t evidence = 0, undated = 0;
};

// ---- Requests (the commands' options) ----------------------------------------------------------------

enum class Undated { Separate, Include, Exclude };

// Which relations a command uses: --type, --exclude-type, --as-of / --since / --until (YYYY, YYYY-MM or
// YYYY-MM-DD; empty: none), --undated, --directed, --include-evidence.
struct Filter {
    std::vector<std::string> types, exclude_types;
    std::string as_of, since, until;
    std::optional<Undated> undated;
    bool directed = false;
    bool include_evidence = false;
};

struct PartnersRequest {
    Filter filter;
    std::vector<std::string> countries, kinds;  // only partners of these (ISO codes; kind ids or names)
    bool incoming = false;                      // only relations pointing at the entity (and symmetric)
};

struct PathRequest {
    enum class Mode { Shortest, AllShortest, KShortest, Simple };
    Filter filter;
    Mode mode = Mode::Shortest;
    std::size_t k = 1;                    // KShortest: at most 1000
    std::optional<std::size_t> max_hops;  // at most 100 (Simple: 10, default 4)
    std::size_t cap = 100;                // AllShortest, Simple: at most 10000
};

struct EgoRequest {
    std::size_t radius = 1;  // at most 50
    Filter filter;
};

struct StatsRequest {
    Filter filter;
    std::size_t top = 10;  // at most 10000
    bool betweenness = false;
    std::size_t sources = 0;  // with betweenness: estimate from this many sources (0: exact)
};

// `communities`: groups of organisations that work more with one another than with the rest (igraph's
// Leiden or Louvain); with by_year "FIRST..LAST", each year's groups and how they change.
struct CommunitiesRequest {
    Filter filter;                     // no dates with by_year (each year is its own as_of)
    std::string algorithm = "leiden";  // or "louvain"
    double resolution = 1.0;           // from 0.001 to 1000: above 1 more, smaller groups
    std::uint32_t seed = 1;            // the same data, settings and seed give the same groups
    std::string by_year;               // "2013..2024"; empty: one partition
};

// `list`: entities by kinds, countries and attribute conditions ("city=Hanoi", "~ME-BYO"); or with
// relations set, relations by filter, categories and the conditions on their two ends.
struct ListRequest {
    struct Ends {
        std::vector<std::string> kinds, countries, where;
    };
    bool relations = false;
    Ends entities;  // without relations
    Filter filter;  // with relations
    std::vector<std::string> categories;
    Ends from, to;
};

struct QueryOptions {
    std::int64_t timeout_ms = 60'000;  // the setting "timeout" in messages
    std::size_t max_rows = 1'000'000;
    std::size_t max_memory_mib = 1024;
    std::string lang = "en";  // the language of n.name
};

struct ImportOptions {
    bool dry_run = false;  // check only; write nothing
    // The CSV files' encoding (`kizuna import --encoding`): UTF-8, CP932 (Shift_JIS), UTF-16LE/BE or
    // UTF-32LE/BE. Empty: told by each file (a byte-order mark; else UTF-8 when valid, else CP932).
    std::string encoding;
};

// ---- Answers: typed, and to_json() as `kizuna --format json` prints them -----------------------------

class Answer {
  public:
    // The answer's JSON text, indented as the command line prints it.
    [[nodiscard]] const std::string& to_json() const { return json_; }

  private:
    friend struct AnswerAccess;
    std::string json_;
};

struct SearchAnswer : Answer {
    struct Hit {
        Entity entity;
        std::string field, text;  // where the text matched ("alias", "ja", "attribute:city") and what
    };
    std::vector<Hit> hits;
};

// An entity with all its relations; or, when the argument was a relation id, that relation.
struct ShowAnswer : Answer {
    std::optional<Entity> entity;
    std::vector<Relation> relations;
    std::optional<Relation> relation;
};

struct PartnersAnswer : Answer {
    struct Partner {
        Entity partner;
        std::string direction;  // "outgoing", "incoming" or "symmetric", from the entity's side
        Relation relation;
    };
    Entity entity;
    std::vector<Partner> partners;
    std::vector<Partner> date_unknown;  // under a date filter with Undated::Separate
    LeftOut left_out;
};

struct PathAnswer : Answer {
    struct Path {
        std::vector<std::string> nodes;   // entity ids
        std::vector<Relation> relations;  // relations[i] links nodes[i] and nodes[i + 1]
    };
    std::string from, to;
    std::vector<Path> paths;  // empty: not connected (under the filter)
    std::map<std::string, Entity> entities;
    bool truncated = false;
    LeftOut left_out;
};

struct CommonAnswer : Answer {
    struct Shared {
        Entity entity;
        std::vector<Relation> with_a, with_b;
    };
    std::string a, b;
    std::vector<Shared> common;
    LeftOut left_out;
};

struct EgoAnswer : Answer {
    struct Member {
        Entity entity;
        std::size_t distance = 0;
    };
    std::string centre;
    std::size_t radius = 0;
    std::vector<Member> entities;
    std::vector<Relation> relations;
    LeftOut left_out;
};

// An entity's relations in date order; or, for the whole graph, the relations that started or ended
// in the period (changes).
struct TimelineAnswer : Answer {
    struct Change {
        std::string change;     // "started" or "ended"
        std::string date;       // when
        bool possibly = false;  // the date is coarser than the period
        Relation relation;
    };
    std::optional<std::string> entity;
    std::vector<Relation> relations;     // an entity's timeline
    std::vector<Relation> date_unknown;  // an entity's timeline under a date filter
    std::vector<Change> changes;         // the whole graph's
};

struct StatsAnswer : Answer {
    struct Ranked {
        std::string id;
        double score = 0;
    };
    std::size_t entities = 0, relations = 0, components = 0;
    std::map<std::string, std::size_t> by_kind, by_country, by_type;
    std::vector<Ranked> by_degree, by_betweenness;
};

struct CommunitiesAnswer : Answer {
    struct Group {
        std::size_t number = 0;       // 1 = the largest; with by_year, kept while the group goes on
        std::vector<Entity> members;  // most connected first
        std::size_t relations = 0;    // relations with both ends inside
    };
    struct Year {
        int year = 0;
        std::vector<Group> groups;
        double modularity = 0;
    };
    struct Event {
        int year = 0;
        std::string kind;                        // "birth", "death", "merge", "split"
        std::vector<std::size_t> before, after;  // group numbers the year before and this year
        std::vector<Relation> relations;         // what caused it (began or ended between the years)
    };
    std::vector<Group> groups;  // one partition (without by_year)
    double modularity = 0;
    std::vector<Year> years;  // with by_year
    std::vector<Event> events;
    LeftOut left_out;
};

// `duplicates`: pairs of entities that are probably one, best first (docs/duplicates.md).
struct DuplicatesRequest {
    std::string kind;        // only entities of this kind
    std::string entity;      // only the pairs this entity (id or any name) is in
    double min_score = 0.7;  // 0 to 1
    std::size_t limit = 100;
};
struct DuplicatesAnswer : Answer {
    struct Reason {
        std::string reason, detail;  // "same name", "'Bo Y te' (vi) = 'Bộ Y tế' (vi)"
        double weight = 0;           // its share of the score (negative: counts against)
    };
    struct Pair {
        Entity a, b;
        double score = 0;
        std::vector<Reason> reasons;
    };
    std::vector<Pair> pairs;
    std::size_t entities = 0, candidates = 0, left_out = 0;
};

// `merge KEEP OTHER`: what the merge did (or, on a dry run, would do), as one change of the history.
struct MergeAnswer : Answer {
    struct Conflict {
        std::string field, kept, dropped;
    };
    struct Fold {
        Relation relation;  // OTHER's relation ...
        std::string into;   // ... united with this one of KEEP's (same type, ends and dates)
    };
    bool dry_run = false;
    std::int64_t change = 0;  // the change it was recorded as (0 on a dry run)
    Entity keep;              // after the merge
    Entity other;             // before it
    std::vector<Relation> repointed, dropped;
    std::vector<Fold> folded;
    std::vector<std::string> added;  // names, aliases, attributes and sources KEEP gained
    std::vector<Conflict> conflicts;
};

// `not-duplicates A B`: the judgement recorded (recorded false: it was already).
struct NotDuplicatesAnswer : Answer {
    std::string a, b;
    bool recorded = false;
    std::int64_t change = 0;
};

struct ListAnswer : Answer {
    std::vector<Entity> entities;        // a list of entities
    std::vector<Relation> relations;     // a list of relations
    std::vector<Relation> date_unknown;  // relations under a date filter
};

struct QueryAnswer : Answer {
    std::vector<std::string> columns;
    std::vector<std::map<std::string, Value>> rows;  // each row by column
    bool wrote = false;                              // a writing query: its changes are committed
};

struct ImportReport : Answer {
    struct Counts {
        std::size_t relation_types = 0, entities = 0, relations = 0, entity_kinds = 0;
    };
    struct Encoding {
        std::string file, encoding;
    };
    bool dry_run = false;
    Counts read, changed;
    std::vector<Encoding> encodings;  // the CSV files not read as UTF-8, and how they were read
};

// ---- The database ------------------------------------------------------------------------------------

class Database {
  public:
    enum class Mode {
        ReadOnly,  // queries only
        Writable,  // also imports and writing queries
    };
    // Opens an existing database (an older one is upgraded in place when Writable). Throws DatabaseError.
    [[nodiscard]] static Database open(const std::filesystem::path& path, Mode mode = Mode::ReadOnly);
    // Creates an empty database (as `kizuna init`), or opens the one there; Writable. Throws DatabaseError.
    [[nodiscard]] static Database create(const std::filesystem::path& path);

    ~Database();
    Database(Database&&) noexcept;
    Database& operator=(Database&&) noexcept;
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    [[nodiscard]] const std::filesystem::path& path() const;
    [[nodiscard]] Mode mode() const;

    // The commands. An entity argument is an id or any name or alias (UnknownEntity or AmbiguousEntity
    // otherwise). Each request is checked as the command line checks its options (UsageError naming the
    // setting: as_of, max_hops); a setting the command does not take (Filter::directed for list) is refused.
    [[nodiscard]] SearchAnswer search(const std::string& text, std::size_t limit = 20) const;
    [[nodiscard]] ShowAnswer show(const std::string& entity_or_relation) const;
    [[nodiscard]] PartnersAnswer partners(const std::string& entity,
                                          const PartnersRequest& request = {}) const;
    [[nodiscard]] PathAnswer path(const std::string& from, const std::string& to,
                                  const PathRequest& request = {}) const;
    [[nodiscard]] CommonAnswer common(const std::string& a, const std::string& b,
                                      const Filter& filter = {}) const;
    [[nodiscard]] EgoAnswer ego(const std::string& entity, const EgoRequest& request = {}) const;
    // entity empty: the whole graph's changes between filter.since and filter.until.
    [[nodiscard]] TimelineAnswer timeline(const std::string& entity, const Filter& filter = {}) const;
    [[nodiscard]] StatsAnswer stats(const StatsRequest& request = {}) const;
    [[nodiscard]] ListAnswer list(const ListRequest& request = {}) const;
    [[nodiscard]] CommunitiesAnswer communities(const CommunitiesRequest& request = {}) const;
    [[nodiscard]] DuplicatesAnswer duplicates(const DuplicatesRequest& request = {}) const;
    // OTHER merged into KEEP (ids or names) as one change (undone whole by `kizuna undo`); prefer_other:
    // OTHER's values win the conflicts. Needs Mode::Writable (also a dry run, which writes nothing).
    MergeAnswer merge(const std::string& keep, const std::string& other, bool dry_run = false,
                      bool prefer_other = false);
    // Records that A and B are two entities, so that duplicates() does not propose them again.
    // Needs Mode::Writable.
    NotDuplicatesAnswer not_duplicates(const std::string& a, const std::string& b);

    // A query in Kizuna's Cypher-compatible language (docs/cypher.md), $name parameters from params.
    // A writing query needs Mode::Writable (UsageError otherwise) and commits all of its changes or none.
    QueryAnswer query(const std::string& cypher, const std::map<std::string, Value>& params = {},
                      const QueryOptions& options = {});

    // Loads CSV, JSON Lines or GraphML files (or folders of CSV files) in one transaction: all or nothing
    // (InvalidData with the problems). Needs Mode::Writable (UsageError otherwise).
    ImportReport import_files(const std::vector<std::filesystem::path>& paths,
                              const ImportOptions& options = {});
    // The same for records in memory (types by id must exist in the database or the defaults); problems
    // name them records:N, N counting the entities first, then the relations.
    ImportReport import_records(const std::vector<Entity>& entities, const std::vector<Relation>& relations,
                                const ImportOptions& options = {});

  private:
    struct Impl;
    explicit Database(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> impl_;
};

}  // namespace kizuna::api
