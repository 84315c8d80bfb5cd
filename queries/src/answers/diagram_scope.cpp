#include "kizuna/queries/answers/diagram_scope.h"

#include "kizuna/core/errors.h"
#include "kizuna/core/vocabulary.h"
#include "kizuna/queries/ego.h"
#include "kizuna/queries/path.h"

namespace kizuna {

namespace {

// The filter as the title's ending, in the diagram's language: " — acquisition, joint venture, as of 2020".
std::string filter_in_title(const Graph& graph, const RelationFilter& filter, const std::string& lang) {
    std::string types;
    for (const auto& word : filter.types) {
        if (const auto found = match_type(word, graph.relation_types())) {
            types += (types.empty()  ? ""
                      : lang == "ja" ? "・"
                                     : ", ") +
                     display_label(graph.relation_types()[*found], lang);
        }
    }
    std::string text = types.empty() ? "" : " — " + types;
    auto add = [&](const std::optional<PartialDate>& date, const char* en, const char* ja, const char* vi) {
        if (!date) return;
        const std::string d = date->to_string();
        text += lang == "ja"   ? "（" + d + ja + "）"
                : lang == "vi" ? std::string(", ") + vi + " " + d
                               : std::string(", ") + en + " " + d;
    };
    add(filter.as_of, "as of", "時点", "tính đến");
    add(filter.since, "since", "以降", "từ");
    add(filter.until, "until", "まで", "đến");
    return text;
}

// "7 evidence relations not drawn" and the like, in the diagram's language.
std::vector<std::string> left_out_notes(const LeftOut& left_out, const std::string& lang) {
    std::vector<std::string> notes;
    if (left_out.evidence > 0) {
        const std::string n = std::to_string(left_out.evidence);
        notes.push_back(
            lang == "ja" ? "データ中の根拠資料の関係 " + n + " 件はたどらず（--include-evidence）"
            : lang == "vi"
                ? n + " quan hệ nguồn tài liệu trong dữ liệu không được đi qua (--include-evidence)"
                : n + " evidence relations in the data not walked (--include-evidence)");
    }
    if (left_out.undated > 0) {
        const std::string n = std::to_string(left_out.undated);
        notes.push_back(lang == "ja" ? "データ中の日付不明の関係 " + n + " 件はたどらず（--undated include）"
                        : lang == "vi"
                            ? n + " quan hệ không rõ ngày trong dữ liệu không được đi qua (--undated include)"
                            : n + " relations of unknown date in the data not walked (--undated include)");
    }
    return notes;
}

}  // namespace

DiagramScope select_diagram(const Snapshot& snapshot, const DiagramRequest& request) {
    const Graph& graph = snapshot.graph();
    const std::string& lang = request.lang;
    DiagramScope scope;
    // The whole graph is drawn as it is, evidence included; neighbourhoods and paths are connections.
    RelationFilter filter = request.filter;
    if (!request.ego && !request.path) filter.include_evidence = true;
    scope.window = filter.window();
    scope.left_out = left_out(graph, filter);
    scope.notes = left_out_notes(scope.left_out, lang);
    if (request.ego) {
        const VertexId centre = *request.ego;
        scope.subgraph = ego_network(graph, centre, request.radius, request.filter);
        scope.highlight_vertices = {centre};
        scope.fade_others = false;
        const std::string name = display_name(snapshot.entity(centre), lang);
        const std::string hops = std::to_string(request.radius);
        scope.title = lang == "ja"   ? name + "の周辺（" + hops + "ホップ）"
                      : lang == "vi" ? name + ": trong phạm vi " + hops + " bước"
                                     : name + ": within " + hops + (request.radius == 1 ? " hop" : " hops");
    } else if (request.path) {
        const auto [a, b] = *request.path;
        const PathSet paths =
            all_shortest_paths(graph, a, b, PathQuery{request.filter, std::nullopt}, kHighlightedPaths);
        if (paths.paths.empty()) {
            std::string why = "no connection between " + std::string(graph.entity_id(a)) + " and " +
                              std::string(graph.entity_id(b)) + " under these filters: nothing to draw";
            RelationFilter with_evidence = request.filter;
            with_evidence.include_evidence = true;
            if (scope.left_out.evidence > 0 &&
                shortest_path(graph, a, b, PathQuery{with_evidence, std::nullopt})) {
                why = "no collaboration connects " + std::string(graph.entity_id(a)) + " and " +
                      std::string(graph.entity_id(b)) +
                      "; only evidence relations (where facts were read) link them: nothing to draw "
                      "(--include-evidence draws them)";
            }
            throw UsageError(why);
        }
        for (const auto& p : paths.paths) {
            scope.highlight_vertices.insert(scope.highlight_vertices.end(), p.vertices.begin(),
                                            p.vertices.end());
            scope.highlight_relations.insert(scope.highlight_relations.end(), p.relations.begin(),
                                             p.relations.end());
        }
        scope.subgraph = neighbourhood(graph, scope.highlight_vertices,
                                       request.path_only ? 0 : request.radius, request.filter);
        const std::string count = std::to_string(paths.paths.size()) + (paths.truncated ? "+" : "");
        const bool one = paths.paths.size() == 1;
        scope.title =
            display_name(snapshot.entity(a), lang) + " — " + display_name(snapshot.entity(b), lang) +
            (lang == "ja"   ? "：最短経路 " + count + " 本"
             : lang == "vi" ? ": " + count + " đường ngắn nhất"
                            : ": " + count + (one ? " shortest connection" : " shortest connections"));
    } else {
        scope.subgraph = whole_graph(graph, filter, request.isolated);
        const std::string entities = std::to_string(scope.subgraph.vertices.size());
        const std::string relations = std::to_string(scope.subgraph.relations.size());
        scope.title = lang == "ja"   ? "Kizuna：" + entities + "組織・" + relations + "関係"
                      : lang == "vi" ? "Kizuna: " + entities + " tổ chức, " + relations + " quan hệ"
                                     : "Kizuna: " + entities + " entities, " + relations + " relations";
    }
    scope.title += filter_in_title(graph, request.filter, lang);
    return scope;
}

}  // namespace kizuna
