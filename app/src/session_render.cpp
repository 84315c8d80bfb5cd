// A session's diagrams: what to draw (queries' select_diagram), laid out and rendered by viz.
#include <cstdlib>

#include "kizuna/app/session.h"
#include "kizuna/queries/answers/diagram_scope.h"
#include "kizuna/queries/communities.h"
#include "kizuna/viz/diagram.h"
#include "translate.h"

namespace kizuna::app {

namespace {

constexpr double kMostAspect = 20;     // a frame longer than 20:1 is no frame
constexpr double kMostInches = 200;    // each side of an output
constexpr double kPixelsPerInch = 96;  // Graphviz's

// "16:9" -> 16/9.
double aspect_of(const std::string& text) {
    const auto colon = text.find(':');
    char* end = nullptr;
    const double w = std::strtod(text.c_str(), &end);
    const double h = colon == std::string::npos ? 0 : std::strtod(text.c_str() + colon + 1, nullptr);
    if (colon == std::string::npos || end != text.c_str() + colon || !(w > 0) || !(h > 0) ||
        w / h > kMostAspect || h / w > kMostAspect) {
        throw AppError(ErrorKind::Usage,
                       {Setting{"fit"}, " '" + text + "': write width:height, such as 16:9 or 4:3"});
    }
    return w / h;
}

// "13.33x7.5" (inches), "1920x1080px" -> inches.
std::pair<double, double> size_of(const std::string& text) {
    std::string body = text;
    double per_inch = 1;
    if (body.size() > 2 && body.compare(body.size() - 2, 2, "px") == 0) {
        body.resize(body.size() - 2);
        per_inch = kPixelsPerInch;
    } else if (body.size() > 2 && body.compare(body.size() - 2, 2, "in") == 0) {
        body.resize(body.size() - 2);
    }
    const auto x = body.find('x');
    char* end = nullptr;
    const double w = std::strtod(body.c_str(), &end);
    const double h = x == std::string::npos ? 0 : std::strtod(body.c_str() + x + 1, nullptr);
    if (x == std::string::npos || end != body.c_str() + x || !(w > 0) || !(h > 0) ||
        w / per_inch > kMostInches || h / per_inch > kMostInches) {
        throw AppError(ErrorKind::Usage, {Setting{"size"}, " '" + text +
                                                               "': write WxH in inches (13.33x7.5) or pixels "
                                                               "(1920x1080px)"});
    }
    return {w / per_inch, h / per_inch};
}

const char* content_type_of(DiagramFormat format) {
    switch (format) {
        case DiagramFormat::Svg:
            return "image/svg+xml; charset=utf-8";
        case DiagramFormat::Png:
            return "image/png";
        case DiagramFormat::Pdf:
            return "application/pdf";
        case DiagramFormat::Dot:
            break;
    }
    return "text/vnd.graphviz; charset=utf-8";
}

}  // namespace

RenderAnswer Session::answer(const RenderRequest& request) {
    return translated(RenderRequest::description().names(), [&] {
        request.validate();
        const DiagramFormat format = *parse_diagram_format(request.format);
        DiagramOptions diagram;
        diagram.lang = request.lang;
        diagram.engine = request.engine.value_or("dot");
        if (!request.fit.empty()) diagram.aspect = aspect_of(request.fit);
        if (!request.size.empty()) {
            diagram.size_inches = size_of(request.size);
            diagram.aspect = diagram.size_inches->first / diagram.size_inches->second;
        }
        // A frame is filled best by a force-directed layout of wrapped names (bench/README.md).
        if (diagram.aspect && !request.engine) diagram.engine = "fdp";
        const Snapshot data = snapshot();
        DiagramRequest scope_request;
        if (!request.ego.empty()) scope_request.ego = data.vertex(request.ego);
        if (!request.path.empty())
            scope_request.path = {data.vertex(request.path[0]), data.vertex(request.path[1])};
        scope_request.radius = request.radius.value_or(1);
        scope_request.path_only = request.path_only;
        scope_request.isolated = request.isolated;
        scope_request.filter = request.filter.filter();
        scope_request.lang = request.lang;
        const DiagramScope scope = select_diagram(data, scope_request);
        diagram.cluster_by_country = request.cluster == "country";
        if (request.color_by == "community") {
            CommunityQuery groups_query;
            groups_query.filter = scope_request.filter;
            const Communities found = find_communities(data.graph(), groups_query);
            for (std::size_t g = 0; g < found.groups.size(); ++g) {
                for (const VertexId v : found.groups[g].members) diagram.groups.emplace(v, g + 1);
            }
        }
        diagram.legend = !request.no_legend;
        diagram.max_entities = request.max_entities;
        diagram.max_layered_relations = request.max_relations;
        diagram.title = request.title.empty() ? scope.title : request.title;
        diagram.highlight_vertices = scope.highlight_vertices;
        diagram.highlight_relations = scope.highlight_relations;
        diagram.fade_others = scope.fade_others;
        diagram.window = scope.window;
        diagram.notes = scope.notes;
        RenderAnswer answer;
        answer.bytes = render_diagram(data, scope.subgraph, diagram, format);
        answer.format = request.format;
        answer.content_type = content_type_of(format);
        answer.entities = scope.subgraph.vertices.size();
        answer.relations = scope.subgraph.relations.size();
        answer.left_out = scope.left_out;
        return answer;
    });
}

}  // namespace kizuna::app
