#pragma once
// Private to app: the partner introduction sheet as one self-contained HTML page — styles, the diagram
// (inline SVG) and the timeline (inline SVG) inside it, a print stylesheet for A4 landscape — written from
// a BriefAnswer, every word in the sheet's language. A view: it reads the answer and decides nothing.
#include <string>

#include "kizuna/queries/answers/brief_answer.h"

namespace kizuna::app {

struct SheetPage {
    std::string lang = "en";
    std::string diagram_svg;            // the 16:9 diagram, an <svg> element; "" for none
    std::size_t diagram_relations = 0;  // how many of the sheet's relations it draws
    std::size_t sheet_relations = 0;    // how many the sheet could draw
    std::string database;               // the database's file name, for the colophon
    std::string written_on;             // today, YYYY-MM-DD
};

[[nodiscard]] std::string sheet_html(const BriefAnswer& brief, const SheetPage& page);

}  // namespace kizuna::app
