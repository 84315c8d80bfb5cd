// Reads GraphML with libxml2's streaming reader. A DOCTYPE is refused outright, so no entity can be
// declared, expanded or fetched (no "billion laughs", no external entities); the network is never used.
#include <libxml/xmlreader.h>

#include <fstream>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <sstream>

#include "batch.h"
#include "csv_cells.h"
#include "kizuna/core/errors.h"
#include "kizuna/core/json.h"

namespace kizuna::importers {

namespace {

struct ReaderDeleter {
    void operator()(xmlTextReader* reader) const { xmlFreeTextReader(reader); }
};
struct XmlCharDeleter {
    void operator()(xmlChar* text) const { xmlFree(text); }
};

std::string text_of(const xmlChar* text) { return text ? reinterpret_cast<const char*>(text) : ""; }

std::string attribute(xmlTextReaderPtr reader, const char* name) {
    std::unique_ptr<xmlChar, XmlCharDeleter> value(
        xmlTextReaderGetAttribute(reader, reinterpret_cast<const xmlChar*>(name)));
    return text_of(value.get());
}

std::string name_of(xmlTextReaderPtr reader) { return text_of(xmlTextReaderConstLocalName(reader)); }

// The element being read: a node, an edge or the graph, with its <data> values by attribute name.
struct Element {
    std::string tag;
    std::string id, source, target;
    std::size_t line = 0;
    std::map<std::string, std::string> data;
};

std::string take(std::map<std::string, std::string>& data, const std::string& key) {
    const auto found = data.find(key);
    if (found == data.end()) return {};
    std::string value = std::move(found->second);
    data.erase(found);
    return value;
}

void finish(Element& element, const std::shared_ptr<const std::string>& file, Batch& batch,
            Problems& problems) {
    const Place place{file, element.line};
    try {
        auto& d = element.data;
        if (element.tag == "graph") {
            const std::string types = take(d, "relation_types");
            if (!types.empty()) {
                for (auto& type : nlohmann::json::parse(types).get<std::vector<RelationType>>()) {
                    batch.types.push_back({std::move(type), place});
                }
            }
            const std::string kinds = take(d, "entity_kinds");
            if (!kinds.empty()) {
                for (auto& kind : nlohmann::json::parse(kinds).get<std::vector<EntityKind>>()) {
                    batch.kinds.push_back({std::move(kind), place});
                }
            }
            const std::string redirects = take(d, "redirects");
            if (!redirects.empty()) {
                for (const auto& link : nlohmann::json::parse(redirects))
                    batch.redirects.push_back({parse_redirect(link), place});
            }
            const std::string folded = take(d, "relation_redirects");
            if (!folded.empty()) {
                for (const auto& link : nlohmann::json::parse(folded))
                    batch.relation_redirects.push_back({parse_relation_redirect(link), place});
            }
            const std::string judgements = take(d, "not_duplicates");
            if (!judgements.empty()) {
                for (const auto& link : nlohmann::json::parse(judgements))
                    batch.judgements.push_back({parse_judgement(link), place});
            }
            return;
        }
        if (element.tag == "node") {
            Entity entity;
            entity.id = element.id;
            entity.kind = take(d, "kind");
            entity.names = {take(d, "name_en"), take(d, "name_ja"), take(d, "name_vi")};
            const std::string label = take(d, "label");  // tools such as Gephi and yEd name nodes this way
            if (entity.names == Names{}) entity.names.en = label;
            entity.aliases = parse_aliases_cell(take(d, "aliases"));
            entity.country = take(d, "country");
            entity.attributes = parse_attributes_cell(take(d, "attributes"));
            entity.sources = parse_sources_cell(take(d, "sources"));
            for (auto& [name, value] : d) entity.attributes.emplace(name, std::move(value));
            batch.entities.push_back({std::move(entity), place});
            return;
        }
        Relation relation;
        relation.type = take(d, "type");
        relation.from = element.source;
        relation.to = element.target;
        // Files from other tools often carry no edge ids: derive a stable one.
        relation.id =
            element.id.empty() ? element.source + "-" + relation.type + "-" + element.target : element.id;
        if (const auto start = take(d, "start"); !start.empty())
            relation.start = PartialDate::parse_or_throw(start);
        if (const auto end = take(d, "end"); !end.empty()) relation.end = PartialDate::parse_or_throw(end);
        relation.attributes = parse_attributes_cell(take(d, "attributes"));
        relation.sources = parse_sources_cell(take(d, "sources"));
        for (auto& [name, value] : d) relation.attributes.emplace(name, std::move(value));
        batch.relations.push_back({std::move(relation), place});
    } catch (const InvalidDataError& e) {
        problems.add(place, e.what());
    } catch (const nlohmann::json::exception& e) {
        problems.add(
            place,
            std::string("bad relation_types, entity_kinds, redirects or not_duplicates JSON: ") + e.what());
    }
}

// The line of the DOCTYPE declaration (0: none): libxml2 gives DTD nodes no line of their own.
std::size_t doctype_line(const std::string& file, const std::string* bytes) {
    std::ifstream from_file;
    std::istringstream from_memory;
    if (bytes != nullptr) {
        from_memory.str(*bytes);
    } else {
        from_file.open(file, std::ios::binary);
    }
    std::istream& in = bytes != nullptr ? static_cast<std::istream&>(from_memory) : from_file;
    std::string text_line;
    std::size_t number = 0;
    while (std::getline(in, text_line)) {
        ++number;
        if (text_line.find("<!DOCTYPE") != std::string::npos) return number;
    }
    return 0;
}

// libxml2 reports well-formedness errors through this callback; keep the first with its line.
void on_xml_error(void* context, const char* message, xmlParserSeverities, xmlTextReaderLocatorPtr locator) {
    auto* first = static_cast<std::pair<int, std::string>*>(context);
    if (!first->second.empty()) return;
    first->first = xmlTextReaderLocatorLineNumber(locator);
    first->second = message ? message : "XML error";
    while (!first->second.empty() && (first->second.back() == '\n' || first->second.back() == ' ')) {
        first->second.pop_back();
    }
}

}  // namespace

void read_graphml(const std::string& file, Batch& batch, Problems& problems, const std::string* bytes) {
    std::unique_ptr<xmlTextReader, ReaderDeleter> owned(
        bytes != nullptr ? xmlReaderForMemory(bytes->data(), static_cast<int>(bytes->size()), file.c_str(),
                                              nullptr, XML_PARSE_NONET)
                         : xmlReaderForFile(file.c_str(), nullptr, XML_PARSE_NONET));
    if (!owned) {
        problems.add({file, 0}, "cannot open the file");
        return;
    }
    xmlTextReaderPtr reader = owned.get();
    std::pair<int, std::string> xml_error{0, {}};
    xmlTextReaderSetErrorHandler(reader, on_xml_error, &xml_error);

    const auto file_name = std::make_shared<const std::string>(file);
    std::map<std::string, std::string> key_names;  // <key id="d0" attr.name="kind"> : d0 -> kind
    std::vector<Element> open;                     // graph, then node or edge
    std::string data_key, data_text;
    bool in_data = false, saw_graphml = false;
    int status = 0;
    while ((status = xmlTextReaderRead(reader)) == 1) {
        const int type = xmlTextReaderNodeType(reader);
        // The node's own line (the parser's position may already be further on); the parser's as a fallback.
        const long node_line = xmlGetLineNo(xmlTextReaderCurrentNode(reader));
        const auto line =
            static_cast<std::size_t>(node_line > 0 ? node_line : xmlTextReaderGetParserLineNumber(reader));
        if (type == XML_READER_TYPE_DOCUMENT_TYPE) {
            problems.add({file, std::max<std::size_t>(doctype_line(file, bytes), 1)},
                         "DOCTYPE declarations are not accepted in GraphML (entity expansion risk)");
            return;
        }
        const std::string name = name_of(reader);
        if (type == XML_READER_TYPE_ELEMENT) {
            const bool empty = xmlTextReaderIsEmptyElement(reader) != 0;
            if (name == "graphml") {
                saw_graphml = true;
            } else if (name == "key") {
                const std::string attr_name = attribute(reader, "attr.name");
                key_names[attribute(reader, "id")] = attr_name.empty() ? attribute(reader, "id") : attr_name;
            } else if (name == "graph" || name == "node" || name == "edge") {
                Element element{name,
                                attribute(reader, "id"),
                                attribute(reader, "source"),
                                attribute(reader, "target"),
                                line,
                                {}};
                if (empty) {
                    finish(element, file_name, batch, problems);
                } else {
                    open.push_back(std::move(element));
                }
            } else if (name == "data") {
                const std::string key = attribute(reader, "key");
                const auto known = key_names.find(key);
                data_key = known == key_names.end() ? key : known->second;
                data_text.clear();
                in_data = !empty;
                if (empty && !open.empty()) open.back().data[data_key] = "";
            }
        } else if ((type == XML_READER_TYPE_TEXT || type == XML_READER_TYPE_CDATA ||
                    type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE) &&
                   in_data) {
            data_text += text_of(xmlTextReaderConstValue(reader));
        } else if (type == XML_READER_TYPE_END_ELEMENT) {
            if (name == "data" && in_data) {
                if (!open.empty()) open.back().data[data_key] = data_text;
                in_data = false;
            } else if ((name == "graph" || name == "node" || name == "edge") && !open.empty()) {
                // The graph's own data precede its nodes; it is finished when first closed or at a node.
                finish(open.back(), file_name, batch, problems);
                open.pop_back();
            }
        }
        if (type == XML_READER_TYPE_ELEMENT && (name == "node" || name == "edge") && open.size() >= 2 &&
            open[open.size() - 2].tag == "graph" && !open[open.size() - 2].data.empty()) {
            finish(open[open.size() - 2], file_name, batch, problems);
            open[open.size() - 2].data.clear();
        }
    }
    if (status < 0 || !xml_error.second.empty()) {
        // A document type may stop the parser before it is reported as a node (an entity loop, a
        // billion laughs): it is refused for what it is.
        if (const std::size_t at = doctype_line(file, bytes); at > 0) {
            problems.add({file, at},
                         "DOCTYPE declarations are not accepted in GraphML (entity expansion risk)");
            return;
        }
        const auto at = xml_error.first > 0 ? static_cast<std::size_t>(xml_error.first) : 0;
        problems.add({file, at}, "malformed XML" +
                                     (xml_error.second.empty() ? std::string() : ": " + xml_error.second) +
                                     " (is the file truncated?)");
        return;
    }
    if (!saw_graphml) problems.add({file, 1}, "not a GraphML file (no <graphml> element)");
}

}  // namespace kizuna::importers
