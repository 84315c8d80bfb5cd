// A session's partner introduction sheets: the content from queries (answer_brief), the diagram of its
// relations drawn by viz at 16:9, the page written by the sheet view and, for PDF, printed by Chromium.
#include <chrono>
#include <ctime>
#include <set>

#include "brief_sheet.h"
#include "kizuna/app/session.h"
#include "kizuna/core/vocabulary.h"
#include "kizuna/queries/ego.h"
#include "kizuna/viz/diagram.h"
#include "print_pdf.h"
#include "translate.h"

namespace kizuna::app {

namespace {

constexpr std::size_t kMostDiagramOfSheet = 60;  // relations drawn: a slide, readable at 16:9
constexpr double kSheetAspect = 16.0 / 9.0;

// Today in UTC, as the day the sheet is written and its date when --as-of is not given.
PartialDate today() {
    const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    std::tm utc{};
    gmtime_r(&now, &utc);
    char text[16];
    std::strftime(text, sizeof text, "%Y-%m-%d", &utc);
    return *PartialDate::parse(text);
}

// The <svg> element of Graphviz's output, without its XML prolog and doctype, to sit inside HTML.
std::string svg_element(const std::string& svg) {
    const auto at = svg.find("<svg");
    return at == std::string::npos ? std::string() : svg.substr(at);
}

}  // namespace

SheetAnswer Session::answer(const BriefRequest& request) {
    return translated(BriefRequest::description().names(), [&] {
        request.validate();
        const Snapshot data = snapshot();
        const Graph& graph = data.graph();
        const PartialDate written_on = today();
        BriefQuery query(data.vertex(request.entity), request.as_of.value_or(written_on));
        if (!request.about.empty()) query.about = data.vertex(request.about);
        if (!request.country.empty()) {
            const auto country = match_country(request.country, graph.countries());
            if (!country)
                throw AppError(ErrorKind::Usage, {Setting{"country"},
                                                  " '" + request.country + "': no entity has this country"});
            query.country = *country;
        }
        query.most_per_section = request.limit;
        SheetAnswer answer;
        answer.brief = answer_brief(data, query);
        answer.format = request.format;
        if (request.format == "json") {
            answer.content_type = "application/json";
            return answer;
        }

        // The diagram: the entity, its parts and the sheet's relations but the other ones, in sheet order.
        Subgraph drawn;
        std::set<VertexId> vertices = {query.entity};
        std::set<RelationIndex> relations;
        std::size_t drawable = 0;
        for (const auto& section : answer.brief.sections) {
            if (section.id == "other") continue;
            for (const auto& item : section.items) {
                ++drawable;
                if (relations.size() >= kMostDiagramOfSheet) continue;
                relations.insert(item.index);
                vertices.insert(graph.from(item.index));
                vertices.insert(graph.to(item.index));
            }
        }
        drawn.vertices.assign(vertices.begin(), vertices.end());
        for (const VertexId v : drawn.vertices) drawn.distance.push_back(v == query.entity ? 0 : 1);
        drawn.relations.assign(relations.begin(), relations.end());
        in_build_order(graph, drawn);  // the sets' order is the numbers': a delta numbers its own last
        DiagramOptions diagram;
        diagram.lang = request.lang;
        diagram.engine = "fdp";  // fills a frame best (bench/README.md, "Diagrams")
        diagram.aspect = kSheetAspect;
        diagram.window = answer.brief.window;
        diagram.highlight_vertices = {query.entity};
        diagram.fade_others = false;
        SheetPage page;
        page.lang = request.lang;
        page.diagram_svg = svg_element(render_diagram(data, drawn, diagram, DiagramFormat::Svg));
        page.diagram_relations = drawn.relations.size();
        page.sheet_relations = drawable;
        page.database = db_.filename().string();
        page.written_on = written_on.to_string();
        answer.diagram_entities = drawn.vertices.size();
        answer.diagram_relations = drawn.relations.size();
        answer.bytes = sheet_html(answer.brief, page);
        answer.content_type = "text/html; charset=utf-8";
        if (request.format == "pdf") {
            answer.bytes = print_pdf(answer.bytes);
            answer.content_type = "application/pdf";
        }
        return answer;
    });
}

}  // namespace kizuna::app
