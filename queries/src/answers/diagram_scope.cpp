#include "kizuna/queries/answers/diagram_scope.h"

#include "kizuna/core/errors.h"
#include "kizuna/queries/ego.h"
#include "kizuna/queries/path.h"

namespace kizuna {

namespace {

// The filter as the title's ending, in the diagram's language: " — acquisition, joint venture, as of 2020".
std::string filter_in_title(const Graph& graph, const RelationFilter& filter, const std::string& lang) {
    std::string types;
    for (const auto& id : filter.types) {
        for (const auto& type : graph.relation_types()) {
            if (type.id == id)
                types += (types.empty() ? "" : lang == "ja" ? "・" : ", ") + display_label(type, lang);
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

}  // namespace

DiagramScope select_diagram(const Snapshot& snapshot, const DiagramRequest& request) {
    const Graph& graph = snapshot.graph();
    const std::string& lang = request.lang;
    DiagramScope scope;
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
            throw UsageError("no connection between " + std::string(graph.entity_id(a)) + " and " +
                             std::string(graph.entity_id(b)) + " under these filters: nothing to draw");
        }
        for (const auto& p : paths.paths) {
            scope.highlight_vertices.insert(scope.highlight_vertices.end(), p.vertices.begin(),
                                            p.vertices.end());
            scope.highlight_relations.insert(scope.highlight_relations.end(), p.relations.begin(),
                                             p.relations.end());
        }
        scope.subgraph = neighbourhood(graph, scope.highlight_vertices,
                                       request.path_only ? 0 : request.radius, request.filter);
        scope.title = display_name(snapshot.entity(a), lang) + " — " + display_name(snapshot.entity(b), lang);
    } else {
        scope.subgraph = whole_graph(graph, request.filter, request.isolated);
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
