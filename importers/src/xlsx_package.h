#pragma once
// Private to importers: the parts of an xlsx workbook (Office Open XML, ECMA-376) that the reader needs:
// the sheets by name, the shared strings, which cell styles show a number as a date and to what
// precision, and the workbook's date system. The zip is read with libzip and the XML with libxml2's
// streaming reader, so a sheet is never held whole in memory.
#include <libxml/xmlreader.h>
#include <zip.h>

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace kizuna::importers {

// How much of a date a cell's number format shows.
enum class DateShown { None, Year, Month, Day };

// A number format code's date precision ("yyyy-mm-dd" Day, "mmm-yy" Month, "0.00" None).
[[nodiscard]] DateShown date_shown_by_format(const std::string& code);

// One XML part of the package, read node by node.
class XmlPart {
  public:
    XmlPart(zip_t* zip, const std::string& name);  // throws std::runtime_error when missing or unreadable
    ~XmlPart();
    XmlPart(const XmlPart&) = delete;
    XmlPart& operator=(const XmlPart&) = delete;

    // Moves to the next node; false at the end. Throws std::runtime_error on malformed XML.
    bool next();
    [[nodiscard]] bool is_start() const;     // an element's start tag (or an empty element)
    [[nodiscard]] bool is_end() const;       // an element's end tag
    [[nodiscard]] bool is_empty() const;     // an empty element (<a/>): no end tag follows
    [[nodiscard]] bool is_text() const;      // text or CDATA (white space kept)
    [[nodiscard]] std::string name() const;  // the local name, without a namespace prefix
    [[nodiscard]] int depth() const;
    [[nodiscard]] std::optional<std::string> attribute(const char* name) const;
    // An attribute by local name in any namespace ("r:id" of the two relationship namespaces).
    [[nodiscard]] std::optional<std::string> attribute_any_namespace(const char* local_name) const;
    [[nodiscard]] std::string value() const;  // a text node's text

  private:
    zip_file_t* file_ = nullptr;
    xmlTextReaderPtr reader_ = nullptr;
    std::string name_;
};

class XlsxPackage {
  public:
    // Throws std::runtime_error saying why the file is no workbook.
    // bytes: the workbook's bytes, when in memory (kept by the caller while the package lives).
    explicit XlsxPackage(const std::string& path, const std::string* bytes = nullptr);
    ~XlsxPackage();
    XlsxPackage(const XlsxPackage&) = delete;
    XlsxPackage& operator=(const XlsxPackage&) = delete;

    struct Sheet {
        std::string name, part;
    };
    [[nodiscard]] const std::vector<Sheet>& sheets() const { return sheets_; }
    [[nodiscard]] const std::vector<std::string>& shared_strings() const { return shared_strings_; }
    [[nodiscard]] DateShown date_shown(std::size_t style) const {
        return style < styles_.size() ? styles_[style] : DateShown::None;
    }
    [[nodiscard]] bool date1904() const { return date1904_; }
    [[nodiscard]] std::unique_ptr<XmlPart> open(const std::string& part) const {
        return std::make_unique<XmlPart>(zip_, part);
    }

  private:
    void read_workbook(const std::string& part);
    void read_shared_strings(const std::string& part);
    void read_styles(const std::string& part);
    // Relationship id -> target part, of the part's relationships (_rels/NAME.rels beside it).
    [[nodiscard]] std::map<std::string, std::pair<std::string, std::string>> relationships(
        const std::string& part) const;

    zip_t* zip_ = nullptr;
    std::vector<Sheet> sheets_;
    std::vector<std::string> shared_strings_;
    std::vector<DateShown> styles_;  // by cell style index (cellXfs)
    bool date1904_ = false;
};

// The text of a string item (<si>, <is>): its <t> elements, runs' too, without phonetic guides (<rPh>,
// the furigana Japanese Excel adds), with OOXML's _xHHHH_ escapes decoded. REQUIRES: at the item's start.
[[nodiscard]] std::string read_string_item(XmlPart& part);

}  // namespace kizuna::importers
