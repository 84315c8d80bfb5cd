#pragma once
// One typed request per command. Each describes itself (description(): the parameters every front end
// derives its options, parameters and documentation from) and checks itself in one place (validate():
// limits, date rules, options that exclude or need each other), throwing AppError (Usage) naming the
// setting. A request filled through its description's setters has each value checked already; one
// built in code is checked whole when a Session answers it.
#include <optional>
#include <string>
#include <vector>

#include "kizuna/app/parameter.h"
#include "kizuna/core/partial_date.h"
#include "kizuna/cypher/value.h"
#include "kizuna/importers/import_text.h"
#include "kizuna/queries/filter.h"

namespace kizuna::app {

// The largest values of the settings that scale an answer's work, so that no request runs without end.
inline constexpr std::size_t kMostPaths = 10000;                     // path cap
inline constexpr std::size_t kMostShortestPaths = 1000;              // path k
inline constexpr std::size_t kMostHops = 100;                        // path max_hops
inline constexpr std::size_t kMostSimpleHops = 10;                   // path max_hops with simple
inline constexpr std::size_t kLargestRadius = 50;                    // ego and render radius
inline constexpr std::size_t kMostRanked = 10000;                    // stats top
inline constexpr std::size_t kMostSources = 1000000;                 // stats sources
inline constexpr std::size_t kMostSearchResults = 1000;              // search limit
inline constexpr std::size_t kMostDiagramEntities = 5000;            // render max_entities
inline constexpr std::size_t kMostDiagramRelations = 20000;          // render max_relations
inline constexpr std::size_t kLongestTimeoutMs = 24u * 3600 * 1000;  // query timeout
inline constexpr std::size_t kMostRows = 1'000'000'000;              // query max_rows
inline constexpr std::size_t kMostBriefItems = 1000;                 // brief limit (per section)
inline constexpr double kLeastResolution = 0.001;                    // communities resolution
inline constexpr double kMostResolution = 1000.0;

// The relation filter of the commands that read relations: type, exclude_type, as_of, since, until,
// undated, and where they mean something directed and include_evidence.
struct FilterSettings {
    std::vector<std::string> types, exclude_types;
    std::optional<PartialDate> as_of, since, until;
    std::optional<UndatedPolicy> undated;
    bool directed = false;
    bool include_evidence = false;

    [[nodiscard]] bool dated() const { return as_of || since || until; }
    // The filter; throws AppError (Usage) for since after until, as_of with a period, or undated without
    // a date.
    [[nodiscard]] RelationFilter filter() const;
};

struct SearchRequest {
    std::string text;
    std::size_t limit = 20;
    static const Description<SearchRequest>& description();
    void validate() const;
};

struct ShowRequest {
    std::string entity;  // an entity's id or any name, or a relation id
    static const Description<ShowRequest>& description();
    void validate() const;
};

struct ListRequest {
    bool relations = false;  // relations instead of entities
    std::vector<std::string> kinds, countries, where;
    std::vector<std::string> kinds_from, countries_from, where_from, kinds_to, countries_to, where_to;
    std::vector<std::string> categories;
    FilterSettings filter;
    static const Description<ListRequest>& description();
    void validate() const;
};

struct PartnersRequest {
    std::string entity;
    FilterSettings filter;
    std::vector<std::string> countries, kinds;
    bool incoming = false;
    static const Description<PartnersRequest>& description();
    void validate() const;
};

struct PathRequest {
    std::string from, to;
    FilterSettings filter;
    bool all = false;
    std::optional<std::size_t> k;
    std::optional<std::size_t> max_hops;
    bool simple = false;
    std::optional<std::size_t> cap;  // default 100
    // The earliest-arrival and fewest-hops connections whose relations follow one another in time,
    // starting no earlier than from_date (which needs in_time_order).
    bool in_time_order = false;
    std::optional<PartialDate> from_date;
    static const Description<PathRequest>& description();
    void validate() const;
};

struct CommonRequest {
    std::string a, b;
    FilterSettings filter;
    static const Description<CommonRequest>& description();
    void validate() const;
};

struct EgoRequest {
    std::string entity;
    std::size_t radius = 1;
    FilterSettings filter;
    static const Description<EgoRequest>& description();
    void validate() const;
};

struct TimelineRequest {
    std::string entity;  // empty: the whole graph's changes
    FilterSettings filter;
    static const Description<TimelineRequest>& description();
    void validate() const;
};

struct CommunitiesRequest {
    FilterSettings filter;
    std::string algorithm = "leiden";  // leiden or louvain
    double resolution = 1.0;           // from kLeastResolution to kMostResolution
    std::size_t seed = 1;
    std::string by_year;  // "FIRST..LAST": each year's groups and how they change; "" for one partition
    std::size_t timeout_ms = 600'000;  // by_year: no year's groups are begun past it
    static const Description<CommunitiesRequest>& description();
    // by_year's two years; nullopt when it is empty. Throws AppError (Usage) for another form.
    [[nodiscard]] std::optional<std::pair<int, int>> years() const;
    void validate() const;
};

// What changed between two dates; the filter's type conditions only (type, exclude_type,
// include_evidence).
struct ChangesRequest {
    std::optional<PartialDate> from, to;  // both required
    std::string entity;                   // "" for the whole graph
    FilterSettings filter;
    static const Description<ChangesRequest>& description();
    void validate() const;
};

struct StatsRequest {
    FilterSettings filter;
    std::size_t top = 10;
    bool betweenness = false;
    std::optional<std::size_t> sources;
    static const Description<StatsRequest>& description();
    void validate() const;
};

struct RenderRequest {
    std::string ego;
    std::optional<std::size_t> radius;  // default 1
    std::vector<std::string> path;      // empty, or from and to
    bool path_only = false;
    FilterSettings filter;
    std::string format = "svg";         // svg, png, pdf or dot
    std::optional<std::string> engine;  // default dot; fdp for a frame
    std::string cluster;                // "" or country
    std::string color_by = "country";   // country or community
    bool no_legend = false;
    std::string title;
    std::size_t max_entities = 400;
    std::size_t max_relations = 300;
    bool isolated = false;
    std::string fit, size;  // W:H; WxH in inches or pixels
    std::string lang = "en";
    static const Description<RenderRequest>& description();
    void validate() const;
};

// The partner introduction sheet of an entity (queries/answers/brief_answer.h says what goes where).
struct BriefRequest {
    std::string entity;
    std::string about;                 // "" or an entity: section (2), every relation between the two
    std::string country;               // "" or an ISO code: section (4), collaborations with that country
    std::optional<PartialDate> as_of;  // each relation's state on this date (default: today)
    std::string format = "html";       // html, pdf (printed by headless Chromium) or json (no sheet)
    std::size_t limit = 40;            // relations per section, at most kMostBriefItems
    std::string lang = "en";           // every word of the sheet: en, ja or vi
    static const Description<BriefRequest>& description();
    void validate() const;
};

struct ExportRequest {
    std::string format;  // csv, jsonl, graphml or xlsx
    std::string path;    // a file, a folder for csv
    static const Description<ExportRequest>& description();
    void validate() const;
};

struct ImportRequest {
    std::vector<std::string> files;  // files or folders
    // Or records given in memory (a program's): JSON Lines text, read as a file named "records" (its
    // problems say records:LINE). Not a parameter of the command line or the HTTP API.
    std::string records;
    // Or files given in memory (the server's uploads), each read as the file of its name. Not a parameter.
    std::vector<FileInMemory> uploads;
    bool dry_run = false;
    std::string encoding;  // of the CSV files: UTF-8, CP932, UTF-16LE/BE, UTF-32LE/BE; "": told by each
    std::string match;     // "names": report new entities whose names existing ones have (never merged)
    static const Description<ImportRequest>& description();
    void validate() const;
};

// One record written as an import writes it: kind is entity, relation, type or kind; json the object in
// the shape of a JSON Lines record (PRODUCT.md), as text (a key given twice is refused, as import does).
// A record written by hand is never a silent overwrite: an add refuses an id that exists (Conflict); an
// edit replaces the record, and when opened holds the record as the writer read it, only while the stored
// one is still that (else Conflict naming the change that changed it). An entity or relation written by
// hand names where it comes from: at least one source, each with a title (import lets sources be empty).
struct RecordRequest {
    std::string kind;
    std::string json;
    std::string mode = "add";  // add or edit
    std::string opened;        // edit: the record as it was read (JSON), or "" to replace whatever is stored
    static const Description<RecordRequest>& description();
    void validate() const;
};

struct QueryRequest {
    std::string text;
    cypher::Map parameters;
    std::size_t timeout_ms = 60'000;
    std::size_t max_rows = 1'000'000;
    std::size_t max_memory_mib = 1024;  // the engine's default (cypher::Limits)
    std::string where = "query";        // what messages call the query's place: "query", a file name
    std::string lang = "en";
    static const Description<QueryRequest>& description();
    void validate() const;
};

// A query parameter written name=value: the value read as JSON when it is JSON (42, true, [1,2],
// {"a":1}, "text"), else as text. Throws AppError (Usage) naming the setting param.
void add_query_parameter(cypher::Map& parameters, const std::string& assignment);

}  // namespace kizuna::app
