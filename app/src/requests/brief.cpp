// brief ENTITY: the partner introduction sheet — what it is, its relation with another entity, what it
// does, its collaborations with a country — every sentence footnoted to its sources.
#include "../fields.h"

namespace kizuna::app {

const Description<BriefRequest>& BriefRequest::description() {
    using R = BriefRequest;
    static const Description<R> description = [] {
        Description<R> d{
            "brief",
            "the partner introduction sheet of an entity (HTML or PDF), every fact footnoted",
            "Sections: (1) what it is, (2) its relation with --about, (3) what it does, (4) its "
            "collaborations "
            "with --country: (a) between governments (its own and its parts' relations), (b) between the "
            "companies and institutions of that country and of its own; then other relations. Each relation "
            "once, with its state on --as-of (default today), its caveat and its sources as footnotes; a "
            "16:9 diagram and a timeline. Words follow --lang (en, ja, vi).\n"
            "-o FILE.html writes one self-contained page; -o FILE.pdf prints it on A4 landscape with "
            "headless Chromium (Debian package chromium). --format json prints the content for scripts.\n"
            "Examples:\n"
            "  kizuna brief vn-moh --about kanagawa --country JP --lang ja -o moh.html\n"
            "  kizuna brief vn-moh --about kanagawa --country JP -o moh.pdf\n"
            "  kizuna --format json brief vn-moh --country JP",
            {fields::entity<R>("entity", "ENTITY", &R::entity),
             fields::text<R>({.name = "about",
                              .help = "section (2): every relation between the entity and this one",
                              .placeholder = "OTHER"},
                             &R::about),
             fields::text<R>({.name = "country",
                              .help = "section (4): collaborations with this country (ISO code, e.g. JP)",
                              .placeholder = "CC"},
                             &R::country)}};
        const Param as_of{.name = "as_of",
                          .type = ParamType::Date,
                          .help = "the sheet's date: each relation's state on it (default today)",
                          .placeholder = "DATE"};
        d.fields.push_back({as_of, [](R& request, const std::string& value) {
                                request.as_of = fields::parse_date("as_of", value);
                            }});
        d.fields.push_back(fields::count<R>({.name = "limit",
                                             .help = "most relations per section (default 40, at most 1000); "
                                                     "a capped section says how many it leaves out",
                                             .placeholder = "N",
                                             .least = 1,
                                             .most = kMostBriefItems,
                                             .default_value = "40"},
                                            &R::limit));
        return d;
    }();
    return description;
}

void BriefRequest::validate() const {
    fields::check_count(description().find("limit")->param, limit);
    if (format != "html" && format != "pdf" && format != "json")
        throw AppError(ErrorKind::Usage, {"the sheet is written as html, pdf or json, not '" + format + "'"});
    if (lang != "en" && lang != "ja" && lang != "vi")
        throw AppError(ErrorKind::Usage, {Setting{"lang"}, " '" + lang + "': write en, ja or vi"});
    if (entity.empty()) throw AppError(ErrorKind::Usage, {Setting{"entity"}, " is required"});
}

}  // namespace kizuna::app
