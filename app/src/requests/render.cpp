// render: a relationship diagram of the whole graph, an ego network or a path, via Graphviz.
#include "../fields.h"
#include "kizuna/viz/diagram.h"

namespace kizuna::app {

const Description<RenderRequest>& RenderRequest::description() {
    using R = RenderRequest;
    static const Description<R> description = [] {
        Description<R> d{
            "render",
            "draw a relationship diagram (SVG, PNG, PDF or DOT)",
            fields::filter_notes(
                {.directed = true, .evidence = true},
                std::string(
                    "Names and labels follow --lang (en, ja, vi); Japanese and Vietnamese render with "
                    "Noto Sans CJK.\n"
                    "Examples:\n"
                    "  kizuna render --ego vn-moh --radius 1 --lang ja -o moh.png\n"
                    "  kizuna render --path kanagawa mhlw -o path.svg\n"
                    "  kizuna render --cluster country --as-of 2020 -o 2020.pdf") +
                    "\n--ego and --path walk connections; the whole graph is drawn with its evidence."),
            {fields::text<R>({.name = "ego",
                              .help = "draw the neighbourhood of this entity",
                              .placeholder = "ENTITY",
                              .excludes = {"path"}},
                             &R::ego),
             fields::count<R>({.name = "radius",
                               .help = "hops around --ego or --path (default 1, at most 50)",
                               .placeholder = "N",
                               .short_name = "r",
                               .least = 0,
                               .most = kLargestRadius,
                               .default_value = "1"},
                              &R::radius),
             fields::list<R>({.name = "path",
                              .help = "draw the shortest connections from A to B, highlighted",
                              .placeholder = "A B",
                              .values = 2,
                              .excludes = {"ego"}},
                             &R::path),
             fields::flag<R>({.name = "path_only", .help = "with --path: leave out the surrounding entities"},
                             &R::path_only)}};
        fields::add_filter(d.fields, &R::filter, {.directed = true, .evidence = true});
        d.fields.push_back(fields::choice<R>({.name = "format",
                                              .help = "svg (default), png, pdf or dot; else told by -o's "
                                                      "extension",
                                              .placeholder = "FORMAT",
                                              .short_name = "f",
                                              .choices = {"svg", "png", "pdf", "dot"},
                                              .default_value = "svg"},
                                             &R::format));
        Param engine{.name = "engine",
                     .type = ParamType::Choice,
                     .help = "Graphviz layout: dot (default), neato, fdp, sfdp, circo, twopi",
                     .placeholder = "ENGINE",
                     .choices = layout_engines(),
                     .default_value = "dot"};
        d.fields.push_back({engine, [engine](R& request, const std::string& value) {
                                fields::check_choice(engine, value);
                                request.engine = value;
                            }});
        d.fields.push_back(fields::choice<R>({.name = "cluster",
                                              .help = "group entities in boxes: country",
                                              .placeholder = "BY",
                                              .choices = {"country"}},
                                             &R::cluster));
        d.fields.push_back(fields::choice<R>(
            {.name = "color_by",
             .help = "fill entities by country (default) or by community: the groups `kizuna communities` "
                     "finds with its defaults on the relations of this diagram's filter",
             .placeholder = "BY",
             .choices = {"country", "community"},
             .default_value = "country"},
            &R::color_by));
        d.fields.push_back(
            fields::flag<R>({.name = "no_legend", .help = "leave out the legend"}, &R::no_legend));
        d.fields.push_back(fields::text<R>({.name = "title",
                                            .help = "a title above the diagram (default: what is drawn)",
                                            .placeholder = "TEXT"},
                                           &R::title));
        d.fields.push_back(
            fields::count<R>({.name = "max_entities",
                              .help = "refuse diagrams larger than this (default 400, at most 5000)",
                              .placeholder = "N",
                              .least = 1,
                              .most = kMostDiagramEntities,
                              .default_value = "400"},
                             &R::max_entities));
        d.fields.push_back(fields::count<R>(
            {.name = "max_relations",
             .help =
                 "refuse dot layouts with more relations than this (default 300: beyond, dot takes minutes; "
                 "at most 20000); other engines draw straight edges beyond 150",
             .placeholder = "N",
             .least = 1,
             .most = kMostDiagramRelations,
             .default_value = "300"},
            &R::max_relations));
        d.fields.push_back(fields::flag<R>(
            {.name = "isolated", .help = "whole graph: also draw entities without relations"}, &R::isolated));
        d.fields.push_back(fields::text<R>(
            {.name = "fit",
             .help =
                 "lay the diagram out for a frame of this shape, e.g. 16:9 for a slide: names wrap, labels "
                 "never overlap, text stays at least 10 px on a 1920-px slide, and the drawing fills the "
                 "frame "
                 "(engine fdp unless --engine)",
             .placeholder = "W:H",
             .excludes = {"size"}},
            &R::fit));
        d.fields.push_back(fields::text<R>(
            {.name = "size",
             .help =
                 "the output's size, WxH in inches (13.33x7.5) or pixels (1920x1080px); implies --fit W:H",
             .placeholder = "WxH",
             .excludes = {"fit"}},
            &R::size));
        return d;
    }();
    return description;
}

void RenderRequest::validate() const {
    const auto& d = description();
    if (radius) fields::check_count(d.find("radius")->param, *radius);
    fields::check_count(d.find("max_entities")->param, max_entities);
    fields::check_count(d.find("max_relations")->param, max_relations);
    fields::check_choice(d.find("format")->param, format);
    if (engine) fields::check_choice(d.find("engine")->param, *engine);
    if (!cluster.empty()) fields::check_choice(d.find("cluster")->param, cluster);
    fields::check_choice(d.find("color_by")->param, color_by);
    if (!path.empty() && path.size() != 2)
        throw AppError(ErrorKind::Usage, {Setting{"path"}, " takes two entities: from and to"});
    if (!ego.empty() && !path.empty())
        throw AppError(ErrorKind::Usage, {Setting{"ego"}, " excludes ", Setting{"path"}});
    if (!fit.empty() && !size.empty())
        throw AppError(ErrorKind::Usage, {Setting{"size"}, " excludes ", Setting{"fit"}});
    // Settings that shape a neighbourhood or a path mean nothing for the whole graph.
    const bool scoped = !ego.empty() || !path.empty();
    const std::vector<MessagePart> scopes = {Setting{"ego"}, " or ", Setting{"path"}};
    fields::applies_only(!scoped && radius.has_value(), "radius", scopes);
    fields::applies_only(!scoped && path_only, "path_only", scopes);
    fields::applies_only(!scoped && filter.directed, "directed", scopes);
    fields::applies_only(!scoped && filter.include_evidence, "include_evidence", scopes);
    fields::applies_only(path.empty() && path_only, "path_only", {Setting{"path"}});
    if (scoped && isolated)
        throw AppError(ErrorKind::Usage, {Setting{"isolated"}, " applies to the whole graph"});
    (void)filter.filter();
}

}  // namespace kizuna::app
