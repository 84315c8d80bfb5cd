// export: the whole database as CSV, JSON Lines, GraphML or xlsx.
#include "../fields.h"

namespace kizuna::app {

const Description<ExportRequest>& ExportRequest::description() {
    using R = ExportRequest;
    static const Description<R> description{
        "export",
        "write the whole database to CSV, JSON Lines, GraphML or xlsx",
        "`kizuna import` reads csv, jsonl and graphml exports back into the same database. xlsx has sheets "
        "of "
        "entities (names in three languages), relations (with both ends' names), relation types and sources, "
        "header rows frozen and filtered; dates stay text in the data's precision.",
        {fields::choice<R>(
             {.name = "format",
              .help = "csv (a folder of three files), jsonl, graphml, or xlsx (an Excel workbook "
                      "for people)",
              .placeholder = "FORMAT",
              .choices = {"csv", "jsonl", "graphml", "xlsx"},
              .required = true},
             &R::format),
         fields::text<R>({.name = "output",
                          .help = "output file (a folder for csv)",
                          .placeholder = "PATH",
                          .short_name = "o",
                          .required = true},
                         &R::path)}};
    return description;
}

void ExportRequest::validate() const {
    fields::check_choice(description().find("format")->param, format);
    if (path.empty()) throw AppError(ErrorKind::Usage, {Setting{"output"}, " is required"});
}

}  // namespace kizuna::app
