#include "xlsx_package.h"

#include <utf8proc.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cstdlib>
#include <stdexcept>
#include <vector>

namespace kizuna::importers {

namespace {

const xmlChar* xml_chars(const char* text) { return reinterpret_cast<const xmlChar*>(text); }

std::string taken(xmlChar* text) {
    if (text == nullptr) return {};
    std::string out(reinterpret_cast<const char*>(text));
    xmlFree(text);
    return out;
}

int read_zip(void* context, char* buffer, int length) {
    const zip_int64_t read =
        zip_fread(static_cast<zip_file_t*>(context), buffer, static_cast<zip_uint64_t>(length));
    return read < 0 ? -1 : static_cast<int>(read);
}

int keep_open(void*) { return 0; }  // the XmlPart closes the zip entry itself

// A part's folder ("xl/" of "xl/workbook.xml") and a relationship target resolved against it.
std::string resolved(const std::string& part, const std::string& target) {
    std::string path;
    if (!target.empty() && target.front() == '/') {
        path = target.substr(1);
    } else {
        const auto slash = part.rfind('/');
        path = (slash == std::string::npos ? "" : part.substr(0, slash + 1)) + target;
    }
    // "a/b/../c" -> "a/c"
    std::vector<std::string> segments;
    std::size_t start = 0;
    while (start <= path.size()) {
        const auto end = std::min(path.find('/', start), path.size());
        const std::string segment = path.substr(start, end - start);
        if (segment == "..") {
            if (!segments.empty()) segments.pop_back();
        } else if (!segment.empty() && segment != ".") {
            segments.push_back(segment);
        }
        start = end + 1;
    }
    std::string out;
    for (const auto& segment : segments) out += (out.empty() ? "" : "/") + segment;
    return out;
}

bool ends_with(const std::string& text, const std::string& tail) {
    return text.size() >= tail.size() && text.compare(text.size() - tail.size(), tail.size(), tail) == 0;
}

bool is_true(const std::optional<std::string>& value) { return value && (*value == "1" || *value == "true"); }

// Number formats built into Excel that show dates (ids 14-17, 22 and the East Asian 27-36, 50-58);
// 18-21, 32, 33 and 45-47 show times only.
DateShown built_in_date_shown(int id) {
    switch (id) {
        case 17:
        case 34:
        case 52:
        case 55:
            return DateShown::Month;
        case 14:
        case 15:
        case 16:
        case 22:
        case 27:
        case 28:
        case 29:
        case 30:
        case 31:
        case 35:
        case 36:
        case 50:
        case 51:
        case 53:
        case 54:
        case 56:
        case 57:
        case 58:
            return DateShown::Day;
        default:
            return DateShown::None;
    }
}

std::string decode_escapes(const std::string& text) {
    if (text.find("_x") == std::string::npos) return text;
    std::string out;
    for (std::size_t i = 0; i < text.size();) {
        unsigned code = 0;
        if (i + 7 <= text.size() && text.compare(i, 2, "_x") == 0 && text[i + 6] == '_' &&
            std::from_chars(text.data() + i + 2, text.data() + i + 6, code, 16).ptr == text.data() + i + 6) {
            utf8proc_uint8_t encoded[4];
            const auto length = utf8proc_encode_char(static_cast<utf8proc_int32_t>(code), encoded);
            out.append(reinterpret_cast<const char*>(encoded), static_cast<std::size_t>(length));
            i += 7;
        } else {
            out += text[i++];
        }
    }
    return out;
}

}  // namespace

DateShown date_shown_by_format(const std::string& code) {
    // Only the first section (positive numbers) counts; quoted text, escaped characters and [brackets]
    // (colours, locales, elapsed times) are not codes.
    bool year = false, month_or_minute = false, day = false;  // 'm' alone is minutes: "h:mm" is no date
    for (std::size_t i = 0; i < code.size(); ++i) {
        const char c = static_cast<char>(std::tolower(static_cast<unsigned char>(code[i])));
        if (c == ';') break;
        if (c == '"') {
            i = code.find('"', i + 1);
            if (i == std::string::npos) break;
        } else if (c == '\\' || c == '_' || c == '*') {
            ++i;
        } else if (c == '[') {
            i = code.find(']', i + 1);
            if (i == std::string::npos) break;
        } else if (c == 'y' || c == 'e') {  // e: the year of an era (Japanese calendar)
            year = true;
        } else if (c == 'd') {
            day = true;
        } else if (c == 'm') {
            month_or_minute = true;
        }
    }
    if (day) return DateShown::Day;
    if (year && month_or_minute) return DateShown::Month;
    if (year) return DateShown::Year;
    return DateShown::None;
}

XmlPart::XmlPart(zip_t* zip, const std::string& name) : name_(name) {
    file_ = zip_fopen(zip, name.c_str(), 0);
    if (file_ == nullptr) throw std::runtime_error("the workbook has no part " + name);
    reader_ = xmlReaderForIO(read_zip, keep_open, file_, name.c_str(), nullptr, XML_PARSE_NONET);
    if (reader_ == nullptr) {
        zip_fclose(file_);
        throw std::runtime_error("cannot read the part " + name);
    }
}

XmlPart::~XmlPart() {
    xmlFreeTextReader(reader_);
    zip_fclose(file_);
}

bool XmlPart::next() {
    const int result = xmlTextReaderRead(reader_);
    if (result < 0)
        throw std::runtime_error("the part " + name_ + " is not well-formed XML (is the file damaged?)");
    return result == 1;
}

bool XmlPart::is_start() const { return xmlTextReaderNodeType(reader_) == XML_READER_TYPE_ELEMENT; }
bool XmlPart::is_end() const { return xmlTextReaderNodeType(reader_) == XML_READER_TYPE_END_ELEMENT; }
bool XmlPart::is_empty() const { return xmlTextReaderIsEmptyElement(reader_) == 1; }
bool XmlPart::is_text() const {
    const int type = xmlTextReaderNodeType(reader_);
    return type == XML_READER_TYPE_TEXT || type == XML_READER_TYPE_CDATA ||
           type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE || type == XML_READER_TYPE_WHITESPACE;
}
std::string XmlPart::name() const {
    const xmlChar* local = xmlTextReaderConstLocalName(reader_);
    return local == nullptr ? std::string() : std::string(reinterpret_cast<const char*>(local));
}
int XmlPart::depth() const { return xmlTextReaderDepth(reader_); }
std::optional<std::string> XmlPart::attribute(const char* name) const {
    xmlChar* value = xmlTextReaderGetAttribute(reader_, xml_chars(name));
    if (value == nullptr) return std::nullopt;
    return taken(value);
}
std::optional<std::string> XmlPart::attribute_any_namespace(const char* local_name) const {
    for (const char* space : {"http://schemas.openxmlformats.org/officeDocument/2006/relationships",
                              "http://purl.oclc.org/ooxml/officeDocument/relationships"}) {
        xmlChar* value = xmlTextReaderGetAttributeNs(reader_, xml_chars(local_name), xml_chars(space));
        if (value != nullptr) return taken(value);
    }
    return std::nullopt;
}
std::string XmlPart::value() const {
    const xmlChar* text = xmlTextReaderConstValue(reader_);
    return text == nullptr ? std::string() : std::string(reinterpret_cast<const char*>(text));
}

std::string read_string_item(XmlPart& part) {
    if (part.is_empty()) return {};
    const int depth = part.depth();
    std::string text;
    int in_t = 0;      // inside a <t> (depth counted for safety)
    int phonetic = 0;  // inside an <rPh> or <phoneticPr>: not part of the text
    while (part.next()) {
        if (part.is_end() && part.depth() == depth) break;
        if (part.is_start()) {
            const std::string name = part.name();
            if (name == "rPh" && !part.is_empty()) ++phonetic;
            if (name == "t" && !part.is_empty()) ++in_t;
        } else if (part.is_end()) {
            const std::string name = part.name();
            if (name == "rPh") --phonetic;
            if (name == "t") --in_t;
        } else if (part.is_text() && in_t > 0 && phonetic == 0) {
            text += part.value();
        }
    }
    return decode_escapes(text);
}

XlsxPackage::XlsxPackage(const std::string& path, const std::string* bytes) {
    zip_error_t detail;
    zip_error_init(&detail);
    if (bytes != nullptr) {
        // The source does not own the bytes (freep 0); zip_open_from_source takes the source when it opens.
        zip_source_t* source = zip_source_buffer_create(bytes->data(), bytes->size(), 0, &detail);
        if (source != nullptr) {
            zip_ = zip_open_from_source(source, ZIP_RDONLY, &detail);
            if (zip_ == nullptr) zip_source_free(source);
        }
    } else {
        int error = 0;
        zip_ = zip_open(path.c_str(), ZIP_RDONLY, &error);
        if (zip_ == nullptr) zip_error_set(&detail, error, 0);
    }
    if (zip_ == nullptr) {
        std::string why = zip_error_strerror(&detail);
        zip_error_fini(&detail);
        throw std::runtime_error("not an xlsx workbook (" + why + ")");
    }
    zip_error_fini(&detail);
    try {
        std::string workbook = "xl/workbook.xml";
        for (const auto& [id, relation] : relationships("")) {
            if (ends_with(relation.first, "/officeDocument")) workbook = relation.second;
        }
        read_workbook(workbook);
    } catch (...) {
        zip_discard(zip_);
        throw;
    }
}

XlsxPackage::~XlsxPackage() { zip_discard(zip_); }

std::map<std::string, std::pair<std::string, std::string>> XlsxPackage::relationships(
    const std::string& part) const {
    const auto slash = part.rfind('/');
    const std::string folder = slash == std::string::npos ? "" : part.substr(0, slash + 1);
    const std::string rels = folder + "_rels/" + part.substr(folder.size()) + ".rels";
    std::map<std::string, std::pair<std::string, std::string>> out;
    if (zip_name_locate(zip_, rels.c_str(), 0) < 0) return out;
    XmlPart xml(zip_, rels);
    while (xml.next()) {
        if (!xml.is_start() || xml.name() != "Relationship") continue;
        const auto id = xml.attribute("Id"), type = xml.attribute("Type"), target = xml.attribute("Target");
        if (id && type && target && xml.attribute("TargetMode").value_or("") != "External")
            out[*id] = {*type, resolved(part.empty() ? "/" : part, *target)};
    }
    return out;
}

void XlsxPackage::read_workbook(const std::string& part) {
    const auto related = relationships(part);
    XmlPart xml(zip_, part);
    while (xml.next()) {
        if (!xml.is_start()) continue;
        const std::string name = xml.name();
        if (name == "workbookPr") {
            date1904_ = is_true(xml.attribute("date1904"));
        } else if (name == "sheet") {
            const auto sheet_name = xml.attribute("name");
            const auto id = xml.attribute_any_namespace("id");
            const auto found = id ? related.find(*id) : related.end();
            if (!sheet_name || found == related.end())
                throw std::runtime_error("the workbook names a sheet that is not in the file");
            sheets_.push_back({*sheet_name, found->second.second});
        }
    }
    for (const auto& [id, relation] : related) {
        if (ends_with(relation.first, "/sharedStrings")) read_shared_strings(relation.second);
        if (ends_with(relation.first, "/styles")) read_styles(relation.second);
    }
}

void XlsxPackage::read_shared_strings(const std::string& part) {
    XmlPart xml(zip_, part);
    while (xml.next()) {
        if (xml.is_start() && xml.name() == "si") shared_strings_.push_back(read_string_item(xml));
    }
}

void XlsxPackage::read_styles(const std::string& part) {
    XmlPart xml(zip_, part);
    std::map<int, std::string> formats;  // custom number formats by id
    bool in_cell_formats = false;
    while (xml.next()) {
        const std::string name = xml.name();
        if (xml.is_end() && name == "cellXfs") in_cell_formats = false;
        if (!xml.is_start()) continue;
        if (name == "numFmt") {
            const auto id = xml.attribute("numFmtId"), code = xml.attribute("formatCode");
            if (id && code) formats[std::atoi(id->c_str())] = *code;
        } else if (name == "cellXfs") {
            in_cell_formats = !xml.is_empty();
        } else if (name == "xf" && in_cell_formats) {
            const int id = std::atoi(xml.attribute("numFmtId").value_or("0").c_str());
            const auto custom = formats.find(id);
            styles_.push_back(custom != formats.end() ? date_shown_by_format(custom->second)
                                                      : built_in_date_shown(id));
        }
    }
}

}  // namespace kizuna::importers
