#include "brief_sheet.h"

#include <algorithm>
#include <cstdio>
#include <sstream>

#include "brief_words.h"
#include "kizuna/core/vocabulary.h"

namespace kizuna::app {

namespace {

constexpr std::size_t kTimelineRows = 24;  // a strip, not a second listing: the sections hold the rest
constexpr double kTimelineWidth = 1000, kTimelineLabels = 380, kTimelineRow = 17, kTimelineAxis = 30;

std::string esc(const std::string& text) {
    std::string out;
    out.reserve(text.size());
    for (const char c : text) {
        switch (c) {
            case '&':
                out += "&amp;";
                break;
            case '<':
                out += "&lt;";
                break;
            case '>':
                out += "&gt;";
                break;
            case '"':
                out += "&quot;";
                break;
            case '\'':
                out += "&#39;";
                break;
            default:
                out += c;
        }
    }
    return out;
}

bool is_web_link(const std::string& url) {
    return url.rfind("https://", 0) == 0 || url.rfind("http://", 0) == 0;
}

std::string link(const std::string& url) {
    if (!is_web_link(url)) return esc(url);
    return "<a href=\"" + esc(url) + "\">" + esc(url) + "</a>";
}

std::string marks(const std::vector<std::size_t>& notes) {
    if (notes.empty()) return "";
    std::string out = "<sup class=\"fn\">";
    for (std::size_t i = 0; i < notes.size(); ++i) {
        const std::string n = std::to_string(notes[i]);
        if (i > 0) out += ',';
        out.append("<a href=\"#fn-").append(n).append("\">").append(n).append("</a>");
    }
    return out + "</sup>";
}

bool ends_with(const std::string& text, const std::string& tail) {
    return text.size() > tail.size() && text.compare(text.size() - tail.size(), tail.size(), tail) == 0;
}

// The attributes a reader sees, each once: name_ja stands for name in Japanese, and is shown instead of it
// there; the caveat and the note are said on their own line.
std::vector<std::pair<std::string, std::string>> shown_attributes(const Attributes& attributes,
                                                                  const std::string& lang,
                                                                  const std::vector<std::string>& apart) {
    std::vector<std::pair<std::string, std::string>> out;
    for (const auto& [name, value] : attributes) {
        if (std::find(apart.begin(), apart.end(), name) != apart.end()) continue;
        bool variant = false;
        for (const char* suffix : {"_en", "_ja", "_vi"}) {
            if (ends_with(name, suffix) && attributes.count(name.substr(0, name.size() - 3)) > 0)
                variant = true;
        }
        if (variant) continue;
        const auto local = attributes.find(name + "_" + lang);
        out.emplace_back(name, local != attributes.end() ? local->second : value);
    }
    // As an agreement reads: its title, its purpose, its areas, then the rest by name.
    auto rank = [](const std::string& name) {
        return name == "title" ? 0 : name == "purpose" ? 1 : name.rfind("area", 0) == 0 ? 2 : 3;
    };
    std::stable_sort(out.begin(), out.end(),
                     [&](const auto& a, const auto& b) { return rank(a.first) < rank(b.first); });
    return out;
}

std::string attribute_name(const std::string& name, const std::string& lang) {
    const std::string word = attribute_word(name, lang);
    return word.empty() ? name : word;
}

class SheetWriter {
  public:
    SheetWriter(const BriefAnswer& brief, const SheetPage& page)
        : brief_(brief), page_(page), lang_(page.lang) {}

    std::string write() {
        const std::string name = brief_.book.name(brief_.entity.id, lang_);
        const std::string date = brief_.as_of ? date_words(*brief_.as_of, lang_) : std::string();
        out_ << "<!DOCTYPE html>\n<html lang=\"" << lang_ << "\">\n<head>\n<meta charset=\"utf-8\">\n<title>"
             << esc(name) << " — " << esc(w("Partner introduction")) << "</title>\n<style>\n"
             << style() << "</style>\n</head>\n<body>\n<header><h1>" << esc(name) << "</h1><p class=\"sub\">"
             << (lang_ == "ja" ? "＜" + esc(w("Partner introduction")) + "＞ "
                               : esc(w("Partner introduction")) + " · ")
             << esc(w("as of {0}", {date})) << "</p></header>\n";
        what_it_is();
        if (const auto* about = brief_.section("about"))
            section_block(w("(2) Its relation with {0}", {brief_.book.name(brief_.about, lang_)}), *about);
        if (const auto* does = brief_.section("does")) section_block(w("(3) What does it do?"), *does);
        collaborations();
        if (const auto* other = brief_.section("other"); other != nullptr && other->total > 0)
            section_block(w("Other relations and documents that mention it"), *other);
        diagram();
        timeline();
        sources();
        out_ << "<footer><p>"
             << esc(w("Written by Kizuna from the database {0} on {1}; every statement is footnoted to its "
                      "sources.",
                      {page_.database, page_.written_on}))
             << "</p><p>"
             << esc(w("States are those on {0} under the interval rule of partial dates: a year or a month "
                      "is the "
                      "whole period it may stand for.",
                      {date}))
             << "</p></footer>\n</body>\n</html>\n";
        return out_.str();
    }

  private:
    std::string w(std::string_view english, std::initializer_list<std::string> values = {}) const {
        return sheet_word(english, lang_, values);
    }

    static std::string style() {
        return R"(body{font-family:"Noto Sans CJK JP","Noto Sans JP","Noto Sans",sans-serif;color:#1d2733;margin:24px auto;max-width:1180px;font-size:14px;line-height:1.55}
header{border-bottom:4px solid #1f5f8b;margin-bottom:12px}
h1{font-size:26px;margin:0}
.sub{color:#1f5f8b;margin:2px 0 8px;font-weight:bold}
h2{font-size:17px;background:#1f5f8b;color:#fff;padding:4px 10px;margin:22px 0 8px;break-after:avoid}
h3{font-size:15px;color:#1f5f8b;border-left:5px solid #1f5f8b;padding-left:8px;margin:14px 0 6px;break-after:avoid}
h4{font-size:14px;margin:10px 0 4px;color:#444;break-after:avoid}
table.facts{border-collapse:collapse;width:100%}
table.facts th{background:#e8f0f6;text-align:left;width:18%;padding:4px 8px;border:1px solid #c9d6e2;vertical-align:top;font-weight:normal}
table.facts td{padding:4px 8px;border:1px solid #c9d6e2;vertical-align:top}
ul.items{list-style:none;padding:0;margin:0}
ul.items>li{border-left:3px solid #c9d6e2;padding:3px 0 3px 10px;margin:6px 0;break-inside:avoid}
.who{font-weight:bold}
.type{background:#eef3f7;border-radius:3px;padding:0 5px;margin:0 2px}
.when{color:#333}
.state{font-size:12px;border-radius:3px;padding:0 5px;margin-left:4px;border:1px solid #999}
.state-active{background:#e3f4e3;border-color:#4a9a4a}
.state-possibly_active{background:#fff6d9;border-color:#c9a227}
.state-inactive{background:#eee;border-color:#999}
.state-date_unknown{background:#fff;border-style:dashed}
dl.attrs{margin:2px 0 0 0;display:grid;grid-template-columns:max-content 1fr;column-gap:10px;font-size:13px}
dl.attrs dt{color:#555}
dl.attrs dd{margin:0}
.caveat{font-size:13px;color:#8a4b00;margin-top:2px}
.capped,.empty{font-size:13px;color:#666;font-style:italic}
sup.fn{font-size:10px;margin-left:2px}
sup.fn a{color:#1f5f8b;text-decoration:none}
figure.diagram{margin:8px 0;aspect-ratio:16/9;width:100%;border:1px solid #c9d6e2;display:flex;align-items:center;justify-content:center;overflow:hidden}
figure.diagram svg{width:100%;height:100%}
figcaption,.note{font-size:12px;color:#666}
svg.timeline{width:100%;height:auto}
ol.sources{font-size:12px;padding-left:26px}
ol.sources li{margin:2px 0;word-break:break-all}
footer{margin-top:20px;border-top:1px solid #c9d6e2;font-size:12px;color:#666}
a{color:#1f5f8b}
@page{size:A4 landscape;margin:10mm 12mm}
@media print{body{margin:0;max-width:none;font-size:11pt}h2{-webkit-print-color-adjust:exact;print-color-adjust:exact}
.state,table.facts th{-webkit-print-color-adjust:exact;print-color-adjust:exact}
section.map{break-before:page}figure.diagram{height:150mm;width:auto;aspect-ratio:16/9;margin:0 auto}}
)";
    }

    void fact(const std::string& label, const std::string& value_html) {
        out_ << "<tr><th>" << esc(label) << "</th><td>" << value_html << marks(brief_.entity_notes)
             << "</td></tr>\n";
    }

    void what_it_is() {
        const Entity& e = brief_.entity;
        out_ << "<section class=\"is\"><h2>" << esc(w("(1) What is it?"))
             << "</h2>\n<table class=\"facts\">\n";
        const std::pair<const char*, const std::string*> names[] = {
            {"English", &e.names.en}, {"Japanese", &e.names.ja}, {"Vietnamese", &e.names.vi}};
        for (const auto& [language, value] : names) {
            if (!value->empty()) fact(w("Name ({0})", {w(language)}), esc(*value));
        }
        if (!e.aliases.empty()) {
            std::string all;
            for (const auto& alias : e.aliases) all += (all.empty() ? "" : " / ") + alias;
            fact(w("Also known as"), esc(all));
        }
        fact(w("Kind"), esc(brief_.book.kind_name(e.kind, lang_)));
        if (!e.country.empty()) fact(w("Country"), esc(country_name(e.country, lang_)));
        if (auto site = e.attributes.find("website"); site != e.attributes.end())
            fact(w("Website"), link(site->second));
        if (auto about = e.attributes.find("description"); about != e.attributes.end()) {
            const auto local = e.attributes.find("description_" + lang_);
            fact(w("Description"), esc(local != e.attributes.end() ? local->second : about->second));
        }
        for (const auto& [name, value] : shown_attributes(e.attributes, lang_, {"website", "description"}))
            fact(attribute_name(name, lang_), is_web_link(value) ? link(value) : esc(value));
        out_ << "</table>\n";
        if (!brief_.parts.empty()) {
            std::string names_of_parts;
            for (const auto& part : brief_.parts)
                names_of_parts += (names_of_parts.empty() ? ""
                                   : lang_ == "ja"        ? "、"
                                                          : ", ") +
                                  brief_.book.name(part, lang_);
            out_ << "<p>" << esc(w("Parts: {0}", {names_of_parts})) << "</p>\n";
        }
        if (const auto* structure = brief_.section("structure");
            structure != nullptr && structure->total > 0) {
            out_ << "<h3>" << esc(w("Organisation")) << "</h3>\n";
            items(*structure);
        }
        out_ << "</section>\n";
    }

    void collaborations() {
        if (brief_.country.empty()) return;
        out_ << "<section class=\"with\"><h2>"
             << esc(w("(4) Collaborations with {0}", {country_name(brief_.country, lang_)})) << "</h2>\n";
        if (const auto* government = brief_.section("government")) {
            out_ << "<h3>" << esc(w("(a) Between governments")) << "</h3>\n";
            items(*government, true);
        }
        if (const auto* business = brief_.section("business")) {
            out_ << "<h3>" << esc(w("(b) Between companies and institutions")) << "</h3>\n";
            items(*business);
        }
        out_ << "</section>\n";
    }

    void section_block(const std::string& heading, const BriefSection& section) {
        out_ << "<section class=\"" << section.id << "\"><h2>" << esc(heading) << "</h2>\n";
        items(section);
        out_ << "</section>\n";
    }

    void items(const BriefSection& section, bool by_category = false) {
        if (section.items.empty()) {
            out_ << "<p class=\"empty\">" << esc(w("The data records no such relation.")) << "</p>\n";
            return;
        }
        std::string category;
        bool open = false;
        for (const auto& item : section.items) {
            const std::string now = brief_.book.category(item.relation);
            if (by_category && (!open || now != category)) {
                if (open) out_ << "</ul>\n";
                out_ << "<h4>" << esc(category_name(now, lang_)) << "</h4>\n";
                open = false;
                category = now;
            }
            if (!open) out_ << "<ul class=\"items\">\n";
            open = true;
            item_html(item);
        }
        out_ << "</ul>\n";
        if (section.total > section.items.size()) {
            out_ << "<p class=\"capped\">"
                 << esc(w("Showing {0} of {1} relations (at most {2} per section; raise --limit).",
                          {std::to_string(section.items.size()), std::to_string(section.total),
                           std::to_string(brief_.most_per_section)}))
                 << "</p>\n";
        }
    }

    void item_html(const BriefItem& item) {
        const Relation& r = item.relation;
        const std::string direction = brief_.book.direction(r, item.subject);
        const char* arrow = direction == "outgoing" ? " → " : direction == "incoming" ? " ← " : " — ";
        // Without dates the state (date unknown) says it.
        const std::string when = span_words(r.start, r.end, lang_);
        out_ << "<li id=\"r-" << esc(r.id) << "\" data-relation=\"" << esc(r.id) << "\"><span class=\"who\">"
             << esc(brief_.book.name(item.subject, lang_)) << arrow
             << esc(brief_.book.name(item.counterpart, lang_)) << "</span> <span class=\"type\">"
             << esc(brief_.book.label(r.type, lang_)) << "</span> "
             << (when.empty() ? "" : "<span class=\"when\">" + esc(when) + "</span> ")
             << "<span class=\"state state-" << activity_key(item.state) << "\">"
             << esc(state_word(item.state, lang_)) << "</span>" << marks(item.notes);
        const auto attributes = shown_attributes(r.attributes, lang_, {"caveat", "note"});
        if (!attributes.empty()) {
            out_ << "<dl class=\"attrs\">";
            for (const auto& [name, value] : attributes)
                out_ << "<dt>" << esc(attribute_name(name, lang_)) << "</dt><dd>"
                     << (is_web_link(value) ? link(value) : esc(value)) << "</dd>";
            out_ << "</dl>";
        }
        if (!item.caveat.empty()) {
            const bool is_caveat = r.attributes.count("caveat") > 0;
            out_ << "<div class=\"caveat\">※ " << esc(is_caveat ? w("Caveat") : attribute_name("note", lang_))
                 << ": " << esc(item.caveat) << "</div>";
        }
        out_ << "</li>\n";
    }

    void diagram() {
        out_ << "<section class=\"map\"><h2>" << esc(w("Relationship map")) << "</h2>\n";
        if (!page_.diagram_svg.empty())
            out_ << "<figure class=\"diagram\">" << page_.diagram_svg << "</figure>\n";
        if (page_.diagram_relations < page_.sheet_relations) {
            out_ << "<p class=\"note\">"
                 << esc(w("The diagram draws {0} of the sheet's {1} relations.",
                          {std::to_string(page_.diagram_relations), std::to_string(page_.sheet_relations)}))
                 << "</p>\n";
        }
        out_ << "</section>\n";
    }

    static double year_of(std::int32_t day) {
        const int y = day / 10000, m = (day / 100) % 100, d = day % 100;
        return y + (m - 1) / 12.0 + (d - 1) / 372.0;
    }

    void timeline() {
        std::vector<const BriefItem*> dated;
        for (const auto& section : brief_.sections) {
            if (section.id == "other") continue;
            for (const auto& item : section.items)
                if (item.relation.start || item.relation.end) dated.push_back(&item);
        }
        std::sort(dated.begin(), dated.end(), [](const BriefItem* a, const BriefItem* b) {
            const auto first = [](const BriefItem* i) {
                return days_of(i->relation.start ? *i->relation.start : *i->relation.end).first;
            };
            return std::make_pair(first(a), a->relation.id) < std::make_pair(first(b), b->relation.id);
        });
        out_ << "<section class=\"timeline\"><h3>" << esc(w("Timeline")) << "</h3>\n";
        if (dated.empty()) {
            out_ << "<p class=\"empty\">" << esc(w("No relation of the sheet has a date."))
                 << "</p></section>\n";
            return;
        }
        const std::size_t total = dated.size();
        if (dated.size() > kTimelineRows) dated.resize(kTimelineRows);
        double low = year_of(brief_.window.first), high = year_of(brief_.window.last);
        for (const auto* item : dated) {
            if (item->relation.start) low = std::min(low, year_of(days_of(*item->relation.start).first));
            if (item->relation.end) high = std::max(high, year_of(days_of(*item->relation.end).last));
        }
        low = static_cast<int>(low);
        high = static_cast<int>(high) + 1;
        const double plot = kTimelineWidth - kTimelineLabels - 10;
        auto x = [&](double year) { return kTimelineLabels + (year - low) / (high - low) * plot; };
        const double height = kTimelineAxis + static_cast<double>(dated.size()) * kTimelineRow + 6;
        char buffer[256];
        out_ << "<svg class=\"timeline\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 "
             << kTimelineWidth << ' ' << height
             << "\" font-family=\"Noto Sans CJK JP, sans-serif\" font-size=\"11\">\n";
        const int step = high - low > 30 ? 5 : high - low > 12 ? 2 : 1;
        for (int year = static_cast<int>(low); year <= static_cast<int>(high); year += step) {
            std::snprintf(
                buffer, sizeof buffer,
                "<line x1=\"%.1f\" y1=\"18\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#dde4ea\"/><text x=\"%.1f\" "
                "y=\"13\" text-anchor=\"middle\" fill=\"#555\">%d</text>\n",
                x(year), x(year), height, x(year), year);
            out_ << buffer;
        }
        for (std::size_t i = 0; i < dated.size(); ++i) {
            const Relation& r = dated[i]->relation;
            const double y = kTimelineAxis + static_cast<double>(i) * kTimelineRow;
            const double from = r.start ? year_of(days_of(*r.start).first) : low;
            const double to = r.end ? year_of(days_of(*r.end).last) : year_of(brief_.window.last);
            // The entity's own relations by their other end; its parts' and (4b)'s by both.
            const std::string ends = dated[i]->subject == brief_.entity.id
                                         ? brief_.book.name(dated[i]->counterpart, lang_)
                                         : brief_.book.name(dated[i]->subject, lang_) + " / " +
                                               brief_.book.name(dated[i]->counterpart, lang_);
            const std::string label = ends + " · " + brief_.book.label(r.type, lang_);
            std::snprintf(buffer, sizeof buffer,
                          "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"8\" rx=\"3\" fill=\"%s\" "
                          "opacity=\"%s\"/><circle cx=\"%.1f\" cy=\"%.1f\" r=\"4\" fill=\"#1f5f8b\"/>",
                          x(from), y - 4, std::max(1.0, x(std::max(from, to)) - x(from)),
                          dated[i]->state == Activity::Active ? "#4a9a4a" : "#c9a227", r.end ? "0.9" : "0.45",
                          x(from), y);
            out_ << buffer << "<text x=\"" << kTimelineLabels - 8 << "\" y=\"" << y + 4
                 << "\" text-anchor=\"end\"><title>" << esc(label) << "</title>"
                 << esc(clip(ends) + " · " + brief_.book.label(r.type, lang_)) << "</text>\n";
        }
        std::snprintf(buffer, sizeof buffer,
                      "<line x1=\"%.1f\" y1=\"16\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#c0392b\" "
                      "stroke-dasharray=\"4 3\"/>",
                      x(year_of(brief_.window.first)), x(year_of(brief_.window.first)), height);
        out_ << buffer << "</svg>\n";
        if (total > dated.size()) {
            out_ << "<p class=\"note\">"
                 << esc(w("The timeline shows {0} of {1} dated relations.",
                          {std::to_string(dated.size()), std::to_string(total)}))
                 << "</p>\n";
        }
        out_ << "</section>\n";
    }

    // A label cut to fit the label column (a Latin letter about half as wide as a kanji: 1 and 2 units),
    // the whole in its tooltip.
    static std::string clip(const std::string& text) {
        constexpr std::size_t kMostUnits = 50;  // with room for " · type"
        std::size_t units = 0, at = 0;
        for (; at < text.size(); ++at) {
            const auto byte = static_cast<unsigned char>(text[at]);
            if ((byte & 0xC0) == 0x80) continue;              // inside a character
            units += byte < 0x80 ? 1 : byte >= 0xE0 ? 2 : 1;  // 3- and 4-byte characters: CJK, wide
            if (units > kMostUnits) break;
        }
        return at < text.size() ? text.substr(0, at) + "…" : text;
    }

    void sources() {
        out_ << "<section class=\"sources\"><h2>" << esc(w("Sources")) << "</h2>\n<ol class=\"sources\">\n";
        for (std::size_t i = 0; i < brief_.sources.size(); ++i) {
            const Source& s = brief_.sources[i];
            out_ << "<li id=\"fn-" << i + 1 << "\">" << esc(s.title);
            if (!s.locator.empty()) out_ << (lang_ == "ja" ? "　" : ", ") << esc(s.locator);
            if (!s.url.empty()) out_ << (lang_ == "ja" ? "　" : ", ") << link(s.url);
            out_ << "</li>\n";
        }
        out_ << "</ol></section>\n";
    }

    const BriefAnswer& brief_;
    const SheetPage& page_;
    const std::string& lang_;
    std::ostringstream out_;
};

}  // namespace

std::string sheet_html(const BriefAnswer& brief, const SheetPage& page) {
    return SheetWriter(brief, page).write();
}

}  // namespace kizuna::app
