// Diagrams: DOT that cgraph parses back, well-formed SVG with every label, safe with hostile text,
// real PNG and PDF files, and the headline organisations in the default scope.
#include "kizuna/viz/diagram.h"

#include <graphviz/cgraph.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <memory>
#include <set>

#include "generated_graph.h"
#include "kizuna/core/errors.h"
#include "kizuna/core/graph.h"
#include "kizuna/core/store.h"
#include "kizuna/importers/import.h"
#include "kizuna/queries/ego.h"
#include "kizuna/queries/path.h"
#include "temp_dir.h"

using namespace kizuna;

namespace {

struct GraphCloser {
    void operator()(Agraph_t* g) const { agclose(g); }
};
using DotGraph = std::unique_ptr<Agraph_t, GraphCloser>;

DotGraph parse_dot(const std::string& dot) {
    DotGraph g(agmemread(dot.c_str()));
    REQUIRE(g != nullptr);
    return g;
}

std::string node_attr(Agraph_t* g, const std::string& node, const char* attr) {
    Agnode_t* n = agnode(g, const_cast<char*>(node.c_str()), 0);
    if (n == nullptr) return "<missing node>";
    char* value = agget(n, const_cast<char*>(attr));
    return value ? value : "";
}

struct XmlDocFreer {
    void operator()(xmlDoc* doc) const { xmlFreeDoc(doc); }
};

// Parses the SVG strictly (no network, no entity substitution) and returns every text node's content.
std::vector<std::string> svg_texts(const std::string& svg, std::set<std::string>* element_names = nullptr,
                                   std::vector<std::string>* hrefs = nullptr) {
    std::unique_ptr<xmlDoc, XmlDocFreer> doc(
        xmlReadMemory(svg.data(), static_cast<int>(svg.size()), "diagram.svg", nullptr, XML_PARSE_NONET));
    REQUIRE(doc != nullptr);
    std::vector<std::string> texts;
    std::vector<xmlNode*> stack = {xmlDocGetRootElement(doc.get())};
    while (!stack.empty()) {
        xmlNode* node = stack.back();
        stack.pop_back();
        for (xmlNode* child = node; child; child = child->next) {
            if (child->type == XML_ELEMENT_NODE) {
                if (element_names) element_names->insert(reinterpret_cast<const char*>(child->name));
                if (hrefs) {
                    for (xmlAttr* a = child->properties; a; a = a->next) {
                        if (std::string(reinterpret_cast<const char*>(a->name)) == "href") {
                            xmlChar* value = xmlNodeListGetString(doc.get(), a->children, 1);
                            hrefs->emplace_back(reinterpret_cast<const char*>(value));
                            xmlFree(value);
                        }
                    }
                }
                if (child->children) stack.push_back(child->children);
            } else if (child->type == XML_TEXT_NODE) {
                texts.emplace_back(reinterpret_cast<const char*>(child->content));
            }
        }
    }
    return texts;
}

// A drawn object of the SVG: a <g class="node|edge|cluster"> with its <title> and the x and content of
// each of its <text>s.
struct SvgObject {
    std::string kind, title;
    std::vector<std::pair<double, std::string>> texts;
};

std::string xml_text(xmlDoc* doc, xmlNode* node) {
    xmlChar* value = xmlNodeListGetString(doc, node->children, 1);
    std::string text = value ? reinterpret_cast<const char*>(value) : "";
    xmlFree(value);
    return text;
}

std::string xml_attribute(xmlNode* node, const char* name) {
    xmlChar* value = xmlGetProp(node, reinterpret_cast<const xmlChar*>(name));
    std::string text = value ? reinterpret_cast<const char*>(value) : "";
    xmlFree(value);
    return text;
}

std::vector<SvgObject> svg_objects(const std::string& svg) {
    std::unique_ptr<xmlDoc, XmlDocFreer> doc(
        xmlReadMemory(svg.data(), static_cast<int>(svg.size()), "diagram.svg", nullptr, XML_PARSE_NONET));
    REQUIRE(doc != nullptr);
    std::vector<SvgObject> objects;
    std::vector<xmlNode*> stack = {xmlDocGetRootElement(doc.get())};
    while (!stack.empty()) {
        xmlNode* node = stack.back();
        stack.pop_back();
        for (xmlNode* child = node->children; child; child = child->next) {
            if (child->type != XML_ELEMENT_NODE) continue;
            const std::string kind = xml_attribute(child, "class");
            if (std::string(reinterpret_cast<const char*>(child->name)) == "g" &&
                (kind == "node" || kind == "edge" || kind == "cluster")) {
                SvgObject object{kind, "", {}};
                for (xmlNode* part = child->children; part; part = part->next) {
                    if (part->type != XML_ELEMENT_NODE) continue;
                    const std::string name = reinterpret_cast<const char*>(part->name);
                    if (name == "title") object.title = xml_text(doc.get(), part);
                    if (name == "text")
                        object.texts.emplace_back(std::stod(xml_attribute(part, "x")),
                                                  xml_text(doc.get(), part));
                    if (name == "g") {  // links wrap the text in <g><a>…</a></g>
                        for (xmlNode* inner = part; inner; inner = inner->children) {
                            for (xmlNode* t = inner; t; t = t->next) {
                                if (t->type == XML_ELEMENT_NODE &&
                                    std::string(reinterpret_cast<const char*>(t->name)) == "text") {
                                    object.texts.emplace_back(std::stod(xml_attribute(t, "x")),
                                                              xml_text(doc.get(), t));
                                }
                            }
                        }
                    }
                }
                objects.push_back(std::move(object));
            } else {
                stack.push_back(child);
            }
        }
    }
    return objects;
}

bool has_text(const std::vector<std::string>& texts, const std::string& wanted) {
    return std::find(texts.begin(), texts.end(), wanted) != texts.end();
}

struct Dataset {
    test::TempDir dir;
    Store store = make();
    Snapshot snapshot = Snapshot::take(store);
    const Graph& graph = snapshot.graph();
    Store make() {
        Store s = Store::open(dir / "k.db", Store::Mode::Create);
        (void)import_files(s, {test::dataset_dir()});
        return s;
    }
    VertexId v(const std::string& id) const { return *graph.find(id); }
};

const Dataset& dataset() {
    static const Dataset kDataset;
    return kDataset;
}

const std::vector<std::string> kHeadline = {"mhlw",    "vn-moh", "kanagawa", "asuka-pharma",
                                            "alfresa", "taisho", "iuhw"};

}  // namespace

TEST_CASE("the default scope draws the seven headline organisations", "[viz]") {
    const auto& d = dataset();
    RelationFilter everything;  // the whole graph is drawn with its evidence (select_diagram)
    everything.include_evidence = true;
    const auto scope = whole_graph(d.graph, everything, false);
    const auto dot = render_diagram(d.snapshot, scope, {}, DiagramFormat::Dot);
    auto g = parse_dot(dot);
    for (const auto& id : kHeadline) {
        INFO(id);
        CHECK(agnode(g.get(), const_cast<char*>(id.c_str()), 0) != nullptr);
    }
    CHECK(node_attr(g.get(), "vn-moh", "label") == "Ministry of Health of Vietnam");
    CHECK(node_attr(g.get(), "kanagawa", "shape") == "house");
    CHECK(node_attr(g.get(), "vn-moh", "fillcolor") !=
          node_attr(g.get(), "mhlw", "fillcolor"));  // by country
    // Every relation is an edge with its type label and year.
    std::size_t edges = 0;
    std::set<std::string> labels;
    for (Agnode_t* n = agfstnode(g.get()); n; n = agnxtnode(g.get(), n)) {
        for (Agedge_t* e = agfstout(g.get(), n); e; e = agnxtout(g.get(), e)) {
            const std::string name = agnameof(e) ? agnameof(e) : "";
            if (name.rfind("legend", 0) == 0) continue;
            ++edges;
            labels.insert(agget(e, const_cast<char*>("label")));
        }
    }
    CHECK(edges == d.graph.relation_count());
    CHECK(labels.count("MOU 2024") == 1);
    CHECK(labels.count("acquisition 2020") == 1);
}

TEST_CASE("SVG is well-formed and carries every label, in the chosen language", "[viz]") {
    const auto& d = dataset();
    const auto scope = ego_network(d.graph, d.v("vn-moh"), 1, {});
    for (const std::string lang : {"en", "ja", "vi"}) {
        DYNAMIC_SECTION(lang) {
            DiagramOptions options;
            options.lang = lang;
            options.cluster_by_country = lang == "vi";
            const auto svg = render_diagram(d.snapshot, scope, options, DiagramFormat::Svg);
            const auto texts = svg_texts(svg);
            for (auto v : scope.vertices) {
                const Entity e = d.snapshot.entity(v);
                INFO(e.id);
                CHECK(has_text(texts, display_name(e, lang)));
            }
            if (lang == "ja") CHECK(has_text(texts, "覚書 2024"));
            if (lang == "vi") CHECK(has_text(texts, "Bộ Y tế"));
        }
    }
}

TEST_CASE("clustered layouts of every neighbourhood render (Graphviz 2.42 flat-label fault)", "[viz]") {
    // dot used to free a cluster's rank array twice when a labelled edge lay flat on the top rank; the
    // process died in gvFreeLayout. Every ego network of the dataset at radius 1-3 is laid out here.
    const auto& d = dataset();
    DiagramOptions options;
    options.cluster_by_country = true;
    std::size_t rendered = 0;
    for (VertexId v = 0; v < d.graph.vertex_count(); ++v) {
        for (unsigned radius = 1; radius <= 3; ++radius) {
            const auto scope = ego_network(d.graph, v, radius, {});
            INFO(d.graph.entity_id(v) << " radius " << radius);
            const auto svg = render_diagram(d.snapshot, scope, options, DiagramFormat::Svg);
            const auto texts = svg_texts(svg);
            CHECK(has_text(texts, display_name(d.snapshot.entity(v), "en")));
            ++rendered;
        }
    }
    CHECK(rendered == 3 * d.graph.vertex_count());
    // With clusters, edge labels are external labels; they still carry type and year.
    const auto scope = ego_network(d.graph, d.v("vn-moh"), 2, {});
    auto g = parse_dot(render_diagram(d.snapshot, scope, options, DiagramFormat::Dot));
    Agedge_t* mou = agedge(g.get(), agnode(g.get(), const_cast<char*>("kanagawa"), 0),
                           agnode(g.get(), const_cast<char*>("vn-moh"), 0),
                           const_cast<char*>("kanagawa-vn-moh-mou-2024"), 0);
    REQUIRE(mou != nullptr);
    CHECK(std::string(agget(mou, const_cast<char*>("xlabel"))) == "MOU 2024");
}

TEST_CASE("a path render highlights the path", "[viz]") {
    const auto& d = dataset();
    const auto path = shortest_path(d.graph, d.v("kanagawa"), d.v("mhlw"), {});
    REQUIRE(path.has_value());
    DiagramOptions options;
    options.highlight_vertices = path->vertices;
    options.highlight_relations = path->relations;
    const auto scope = neighbourhood(d.graph, path->vertices, 1, {});
    auto g = parse_dot(render_diagram(d.snapshot, scope, options, DiagramFormat::Dot));
    Agnode_t* kanagawa = agnode(g.get(), const_cast<char*>("kanagawa"), 0);
    REQUIRE(kanagawa != nullptr);
    Agedge_t* mou = agedge(g.get(), kanagawa, agnode(g.get(), const_cast<char*>("vn-moh"), 0),
                           const_cast<char*>("kanagawa-vn-moh-mou-2024"), 0);
    REQUIRE(mou != nullptr);
    CHECK(std::string(agget(mou, const_cast<char*>("penwidth"))) == "3");
    CHECK(node_attr(g.get(), "vss", "fillcolor") == "#f5f5f5");  // off the path: faded
    CHECK(node_attr(g.get(), "vn-moh", "penwidth") == "2.5");
}

TEST_CASE("PNG and PDF are real files with Japanese text", "[viz]") {
    const auto& d = dataset();
    const auto scope = ego_network(d.graph, d.v("vn-moh"), 1, {});
    DiagramOptions options;
    options.lang = "ja";
    const auto png = render_diagram(d.snapshot, scope, options, DiagramFormat::Png);
    CHECK(png.substr(0, 8) == "\x89PNG\r\n\x1a\n");
    CHECK(png.size() > 10000);
    const auto pdf = render_diagram(d.snapshot, scope, options, DiagramFormat::Pdf);
    CHECK(pdf.substr(0, 5) == "%PDF-");
    CHECK(pdf.find("NotoSansCJK") != std::string::npos);  // the CJK font is embedded, not a fallback
}

TEST_CASE("hostile labels stay valid DOT and well-formed SVG with nothing injected", "[viz][safety]") {
    test::TempDir dir;
    Store store = Store::open(dir / "h.db", Store::Mode::Create);
    const std::vector<std::string> hostile = {
        "quote \" inside",
        "trailing backslash \\",
        "\\N \\G \\L \\E \\T \\H escapes",
        "<b>bold</b> <script>alert(1)</script>",
        "<<TABLE><TR><TD>html-like</TD></TR></TABLE>>",
        "amp & lt < gt > &amp; &#x41;",
        "new\nline and\ttab",
        "control \x01\x02\x1f chars",
        "]]> --> <!-- comment",
        std::string(16000, 'L') + "日本",
        "edge -> \"x\" [label=evil]; y",
    };
    (void)store.write([&](Store::Writer& w) {
        for (std::size_t i = 0; i < hostile.size(); ++i) {
            Entity e;
            e.id = "h" + std::to_string(i);
            e.kind = "company";
            e.names = {hostile[i], hostile[(i + 1) % hostile.size()], ""};
            e.country = "JP";
            e.attributes = {
                {"website", i % 2 ? "javascript:alert(1)" : "https://example.org/?a=\"b\"&c=<d>"}};
            e.sources = {
                Source{hostile[i], i % 2 ? "javascript:alert(2)" : "file:///etc/passwd", hostile[i]}};
            w.put(e);
        }
        // A type of the data's own, labelled with markup: it reaches the edges and the legend.
        w.put(RelationType{"hostile-type", hostile[3], hostile[0], true, hostile[5], "other", hostile[1]});
        for (std::size_t i = 0; i + 1 < hostile.size(); ++i) {
            Relation r;
            r.id = "hr" + std::to_string(i);
            r.type = i % 2 ? "partnership" : "hostile-type";
            r.from = "h" + std::to_string(i);
            r.to = "h" + std::to_string(i + 1);
            r.sources = {Source{hostile[i], "data:text/html,<script>", ""}};
            w.put(r);
        }
        // Links with & (every query string has one): the SVG must stay well-formed XML.
        Relation linked;
        linked.id = "linked";
        linked.type = "partnership";
        linked.from = "h0";
        linked.to = "h2";
        linked.sources = {Source{"a page", "https://example.com/?a=1&b=2", ""}};
        w.put(linked);
    });
    const Snapshot snapshot = Snapshot::take(store);
    const Graph& graph = snapshot.graph();
    const auto scope = whole_graph(graph, {}, true);
    DiagramOptions options;
    options.title = hostile[3];

    const auto dot = render_diagram(snapshot, scope, options, DiagramFormat::Dot);
    auto g = parse_dot(dot);
    CHECK(agnnodes(g.get()) >= static_cast<int>(hostile.size()));
    CHECK(node_attr(g.get(), "h0", "label") == "quote \" inside");
    CHECK(node_attr(g.get(), "h1", "label") == "trailing backslash \\\\");  // doubled: shown as one backslash
    CHECK(node_attr(g.get(), "h2", "label").find("\\\\N") != std::string::npos);
    CHECK(node_attr(g.get(), "h9", "label").size() < 16000);  // long names are cut
    // Unsafe URLs may appear as tooltip text, never as a link.
    for (Agnode_t* n = agfstnode(g.get()); n; n = agnxtnode(g.get(), n)) {
        const char* url = agget(n, const_cast<char*>("URL"));
        if (url && *url) CHECK(std::string(url).rfind("https://", 0) == 0);
        for (Agedge_t* e = agfstout(g.get(), n); e; e = agnxtout(g.get(), e)) {
            const char* edge_url = agget(e, const_cast<char*>("URL"));
            if (edge_url && *edge_url) CHECK(std::string(edge_url).rfind("http", 0) == 0);
        }
    }
    CHECK(dot.find("image=") == std::string::npos);
    CHECK(dot.find("stylesheet") == std::string::npos);

    const auto svg = render_diagram(snapshot, scope, options, DiagramFormat::Svg);
    std::set<std::string> elements;
    std::vector<std::string> hrefs;
    const auto texts = svg_texts(svg, &elements, &hrefs);
    CHECK(elements.count("script") == 0);
    CHECK(elements.count("b") == 0);
    CHECK(elements.count("TABLE") == 0);
    for (const auto& href : hrefs) {
        INFO(href);
        CHECK((href.rfind("https://", 0) == 0 || href.rfind("http://", 0) == 0));
    }
    CHECK(std::count(hrefs.begin(), hrefs.end(), "https://example.com/?a=1&b=2") >= 1);  // parsed back whole
    // Tooltips keep Graphviz's escapes as text, like labels (xlink:title holds the name itself).
    CHECK(svg.find("xlink:title=\"\\N \\G \\L \\E \\T \\H escapes") != std::string::npos);
    CHECK(has_text(texts, "quote \" inside"));
    CHECK(has_text(texts, "<b>bold</b> <script>alert(1)</script>"));
    CHECK(has_text(texts, "\\N \\G \\L \\E \\T \\H escapes"));
    CHECK(has_text(texts, "trailing backslash \\"));
    // Graphviz decodes character references in labels; the text stays text either way.
    CHECK(std::any_of(texts.begin(), texts.end(),
                      [](const std::string& t) { return t.rfind("amp & lt < gt > &", 0) == 0; }));
    // The type's label, as text: on its edges (with no year) and once in the legend.
    const auto objects = svg_objects(svg);
    const auto legend_samples = std::count_if(objects.begin(), objects.end(), [&](const SvgObject& o) {
        return o.title.rfind("legend:", 0) == 0 && !o.texts.empty() && o.texts.front().second == hostile[3];
    });
    CHECK(legend_samples == 1);
    for (const std::string engine : {"neato", "sfdp"}) {  // the legend placed by a second layout
        options.engine = engine;
        std::set<std::string> placed_elements;
        (void)svg_texts(render_diagram(snapshot, scope, options, DiagramFormat::Svg), &placed_elements);
        CHECK(placed_elements.count("script") == 0);
        CHECK(placed_elements.count("b") == 0);
    }
}

TEST_CASE("invalid UTF-8 is rejected before it reaches Graphviz", "[viz][safety]") {
    test::TempDir dir;
    Store store = Store::open(dir / "u.db", Store::Mode::Create);
    Entity e;
    e.id = "bad";
    e.kind = "company";
    e.names.en = "broken \xC3\x28 text";
    bool stored = false;
    try {
        (void)store.write([&](Store::Writer& w) { w.put(e); });
        stored = true;
    } catch (const Error&) {
        // The store itself refused it: it can never reach Graphviz.
    }
    if (stored) {
        const Snapshot snapshot = Snapshot::take(store);
        const Graph& graph = snapshot.graph();
        CHECK_THROWS_AS(render_diagram(snapshot, whole_graph(graph, {}, true), {}, DiagramFormat::Svg),
                        InvalidDataError);
    }
}

TEST_CASE("too large a diagram is refused with advice, unknown engines too", "[viz]") {
    const auto& d = dataset();
    DiagramOptions options;
    options.max_entities = 5;
    CHECK_THROWS_WITH(
        render_diagram(d.snapshot, whole_graph(d.graph, {}, false), options, DiagramFormat::Svg),
        Catch::Contains("--ego") && Catch::Contains("sfdp"));
    options = {};
    options.engine = "magic";
    CHECK_THROWS_AS(render_diagram(d.snapshot, whole_graph(d.graph, {}, false), options, DiagramFormat::Svg),
                    UsageError);
    options.engine = "sfdp";
    CHECK(render_diagram(d.snapshot, whole_graph(d.graph, {}, false), options, DiagramFormat::Svg)
              .find("<svg") != std::string::npos);
}

TEST_CASE("many relations: dot is refused with advice, other engines draw straight edges", "[viz]") {
    // 100 entities, 320 relations: dot would take tens of seconds, curved routing several.
    test::TempDir dir;
    Store store = Store::open(dir / "k.db", Store::Mode::Create);
    test::write_to_store(store, test::generate(100, 320, 11, test::Shape::Uniform));
    const Snapshot snapshot = Snapshot::take(store);
    const Graph& graph = snapshot.graph();
    const auto scope = whole_graph(graph, {}, false);
    REQUIRE(scope.relations.size() == 320);
    DiagramOptions options;
    CHECK_THROWS_WITH(render_diagram(snapshot, scope, options, DiagramFormat::Svg),
                      Catch::Contains("320 relations") && Catch::Contains("--engine sfdp") &&
                          Catch::Contains("--max-relations"));
    // Raised on purpose: dot accepts it (the DOT text is not laid out here, so this stays quick).
    options.max_layered_relations = 400;
    auto laid_by_reader = parse_dot(render_diagram(snapshot, scope, options, DiagramFormat::Dot));
    CHECK(std::string(agget(laid_by_reader.get(), const_cast<char*>("splines"))) == "true");
    options = {};
    options.engine = "sfdp";
    auto straight = parse_dot(render_diagram(snapshot, scope, options, DiagramFormat::Dot));
    CHECK(std::string(agget(straight.get(), const_cast<char*>("splines"))) == "line");
    const auto svg = render_diagram(snapshot, scope, options, DiagramFormat::Svg);
    CHECK(svg.find("</svg>") != std::string::npos);
    // Few relations keep their curves with every engine.
    const auto small = ego_network(graph, 0, 1, {});
    REQUIRE(small.relations.size() <= options.max_curved_relations);
    auto curved = parse_dot(render_diagram(snapshot, small, options, DiagramFormat::Dot));
    CHECK(std::string(agget(curved.get(), const_cast<char*>("splines"))) == "true");
}

TEST_CASE(
    "a frame's layout stays cheap as the diagram grows: routed label nodes for few relations, plain "
    "curves for more, ordinary labels on straight edges beyond",
    "[viz]") {
    // One fdp layout of 150 relations with label nodes and routed edges took minutes over the five layouts
    // of a frame (bench/README.md "Diagrams"); the DOT text shows what the layout is asked to do.
    test::TempDir dir;
    Store store = Store::open(dir / "k.db", Store::Mode::Create);
    test::write_to_store(store, test::generate(100, 320, 11, test::Shape::Uniform));
    const Snapshot snapshot = Snapshot::take(store);
    const Graph& graph = snapshot.graph();
    DiagramOptions options;
    options.aspect = 16.0 / 9.0;
    options.engine = "fdp";
    const auto asked = [&](const Subgraph& scope) {
        auto dot = parse_dot(render_diagram(snapshot, scope, options, DiagramFormat::Dot));
        std::size_t label_nodes = 0;
        for (Agnode_t* node = agfstnode(dot.get()); node; node = agnxtnode(dot.get(), node))
            label_nodes += std::string(agnameof(node)).rfind("label ", 0) == 0 ? 1 : 0;
        return std::pair{std::string(agget(dot.get(), const_cast<char*>("splines"))), label_nodes};
    };
    Subgraph few;
    Subgraph more;
    const auto whole = whole_graph(graph, {}, false);
    for (const RelationIndex r : whole.relations) {
        for (Subgraph* scope : {&few, &more}) {
            const std::size_t most = scope == &few ? 30 : 120;
            if (scope->relations.size() == most) continue;
            scope->relations.push_back(r);
            for (const VertexId v : {graph.from(r), graph.to(r)}) {
                if (std::find(scope->vertices.begin(), scope->vertices.end(), v) == scope->vertices.end())
                    scope->vertices.push_back(v);
            }
        }
    }
    for (Subgraph* scope : {&few, &more}) scope->distance.assign(scope->vertices.size(), 0);
    CHECK(asked(few) == std::pair{std::string("true"), std::size_t{30}});
    CHECK(asked(more) == std::pair{std::string("curved"), std::size_t{120}});
    CHECK(asked(whole) == std::pair{std::string("line"), std::size_t{0}});
    CHECK(render_diagram(snapshot, more, options, DiagramFormat::Svg).find("</svg>") != std::string::npos);
}

TEST_CASE("formats come from names and file extensions", "[viz]") {
    CHECK(diagram_format_of("map.SVG") == DiagramFormat::Svg);
    CHECK(diagram_format_of("out/map.png") == DiagramFormat::Png);
    CHECK(diagram_format_of("map.pdf") == DiagramFormat::Pdf);
    CHECK(diagram_format_of("map.gv") == DiagramFormat::Dot);
    CHECK_FALSE(diagram_format_of("map").has_value());
    CHECK_FALSE(parse_diagram_format("jpeg").has_value());
}

TEST_CASE("the legend shows what the diagram shows, beside it", "[viz][legend]") {
    const auto& d = dataset();
    const auto scope = ego_network(d.graph, d.v("kanagawa"), 1, {});
    std::set<std::string> kinds, countries, types;
    for (const VertexId v : scope.vertices) {
        kinds.insert(d.graph.kind(v));
        countries.insert(d.graph.country(v));
    }
    for (const RelationIndex r : scope.relations) types.insert(d.graph.type(r).label_en);
    REQUIRE(kinds.count("university") == 0);  // a kind of the dataset that this neighbourhood lacks
    for (const std::string engine : {"dot", "neato", "fdp"}) {
        DYNAMIC_SECTION(engine) {
            DiagramOptions options;
            options.engine = engine;
            const auto objects = svg_objects(render_diagram(d.snapshot, scope, options, DiagramFormat::Svg));
            std::set<std::string> legend_nodes, legend_edges;
            double diagram_right = 0, legend_left = 1e9;
            std::size_t entities = 0, legend_boxes = 0;
            for (const auto& object : objects) {
                const bool in_legend = object.title.rfind("legend:", 0) == 0;
                if (object.kind == "cluster" && object.title == "cluster_legend") {
                    ++legend_boxes;
                    REQUIRE(object.texts.size() == 1);
                    CHECK(object.texts.front().second == "Legend");
                }
                for (const auto& [x, text] : object.texts) {
                    if (in_legend && object.kind == "node") legend_nodes.insert(text);
                    if (in_legend && object.kind == "edge") legend_edges.insert(text);
                    if (in_legend) legend_left = std::min(legend_left, x);
                    if (!in_legend && object.kind == "node") diagram_right = std::max(diagram_right, x);
                }
                if (!in_legend && object.kind == "node") ++entities;
            }
            CHECK(entities == scope.vertices.size());
            CHECK(legend_boxes == 1);
            // Every kind and country of the diagram, and nothing else; each relation type as a sample edge.
            std::set<std::string> expected = kinds;
            for (const auto& country : countries)
                expected.insert(country == "JP" ? "Japan" : country == "VN" ? "Vietnam" : country);
            CHECK(legend_nodes == expected);
            CHECK(legend_edges == types);
            // Beside the diagram, not among it.
            CHECK(legend_left > diagram_right);
        }
    }
    SECTION("left out on request") {
        DiagramOptions options;
        options.legend = false;
        for (const auto& object :
             svg_objects(render_diagram(d.snapshot, scope, options, DiagramFormat::Svg))) {
            CHECK(object.title.rfind("legend", 0) != 0);
            CHECK(object.title != "cluster_legend");
        }
    }
    SECTION("in DOT, a cluster of its own for whoever lays it out") {
        auto g = parse_dot(render_diagram(d.snapshot, scope, {}, DiagramFormat::Dot));
        Agraph_t* legend = agsubg(g.get(), const_cast<char*>("cluster_legend"), 0);
        REQUIRE(legend != nullptr);
        std::set<std::string> labels;
        for (Agnode_t* n = agfstnode(legend); n; n = agnxtnode(legend, n)) {
            CHECK(std::string(agnameof(n)).rfind("legend:", 0) == 0);
            if (std::string(agget(n, const_cast<char*>("shape"))) != "point")
                labels.insert(agget(n, const_cast<char*>("label")));
        }
        CHECK(labels.count("prefecture") == 1);
        CHECK(labels.count("Japan") == 1);
    }
}

TEST_CASE("kinds are named from the database's vocabulary, and undated relations marked, in each language",
          "[viz][legend]") {
    test::TempDir dir;
    Store store = Store::open(dir / "k.db", Store::Mode::Create);
    (void)store.write([](Store::Writer& w) {
        w.put(
            EntityKind{"prefecture", "prefecture", "県", "tỉnh (Nhật Bản)", ""});  // a built-in kind renamed
        w.put(EntityKind{"ngo", "NGO", "非政府組織", "tổ chức phi chính phủ", ""});  // a kind added
        Entity a{"pref", "prefecture", {"Pref", "", ""}, {}, "JP", {}, {}};
        Entity b{"bridge", "ngo", {"Bridge", "", ""}, {}, "VN", {}, {}};
        Entity c{"lab", "research_lab", {"Lab", "", ""}, {}, "VN", {}, {}};  // a kind no vocabulary names
        for (const auto& e : {a, b, c}) w.put(e);
        w.put(Relation{"a-b", "mou", "pref", "bridge", PartialDate::parse("2024"), std::nullopt, {}, {}});
        w.put(Relation{"b-c", "cooperation", "bridge", "lab", std::nullopt, std::nullopt, {}, {}});
    });
    const Snapshot snapshot = Snapshot::take(store);
    const Subgraph all{{0, 1, 2}, {0, 0, 0}, {0, 1}};
    const std::map<std::string, std::vector<std::string>> expected = {
        {"en", {"prefecture", "NGO", "research_lab", "cooperation (no date)"}},
        {"ja", {"県", "非政府組織", "research_lab", "協力 (日付なし)"}},
        {"vi", {"tỉnh (Nhật Bản)", "tổ chức phi chính phủ", "research_lab", "hợp tác (không rõ ngày)"}}};
    for (const auto& [lang, words] : expected) {
        DYNAMIC_SECTION(lang) {
            DiagramOptions options;
            options.lang = lang;
            options.window = date_window(PartialDate::parse("2025"), std::nullopt, std::nullopt);
            const auto texts = svg_texts(render_diagram(snapshot, all, options, DiagramFormat::Svg));
            for (const auto& word : words) {
                INFO(word);
                CHECK(has_text(texts, word));
            }
        }
    }
}
