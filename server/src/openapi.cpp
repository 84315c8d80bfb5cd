// The OpenAPI 3 document of the API, made from the requests' own descriptions (the same ones the
// endpoints fill their requests through), so that the document cannot drift from what is served.
#include <algorithm>
#include <nlohmann/json.hpp>

#include "endpoints.h"

namespace kizuna::server {

namespace {

nlohmann::json schema_of(const app::Param& param) {
    nlohmann::json schema;
    switch (param.type) {
        case app::ParamType::Text:
            schema = {{"type", "string"}};
            break;
        case app::ParamType::Date:
            schema = {{"type", "string"}, {"pattern", "^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$"}};
            break;
        case app::ParamType::Count:
            schema = {{"type", "integer"}, {"minimum", param.least}, {"maximum", param.most}};
            break;
        case app::ParamType::Number:
            schema = {{"type", "number"}};
            break;
        case app::ParamType::Flag:
            schema = {{"type", "boolean"}};
            break;
        case app::ParamType::Choice:
            schema = {{"type", "string"}, {"enum", param.choices}};
            break;
        case app::ParamType::List: {
            nlohmann::json item = {{"type", "string"}};
            if (!param.choices.empty()) item["enum"] = param.choices;
            schema = {{"type", "array"}, {"items", item}};
            if (param.values > 0) {
                schema["minItems"] = param.values;
                schema["maxItems"] = param.values;
            }
            break;
        }
    }
    if (!param.default_value.empty()) {
        if (param.type == app::ParamType::Count) {
            schema["default"] = std::stoull(param.default_value);
        } else if (param.type == app::ParamType::Number) {
            schema["default"] = std::stod(param.default_value);
        } else if (param.type != app::ParamType::List) {
            schema["default"] = param.default_value;
        }
    }
    return schema;
}

nlohmann::json parameter_of(const app::Param& param) {
    std::string help = param.help;
    if (!param.excludes.empty()) {
        help += " (not with";
        for (const auto& other : param.excludes) help += " " + other;
        help += ")";
    }
    if (!param.needs.empty()) {
        help += " (needs";
        for (const auto& other : param.needs) help += " " + other;
        help += ")";
    }
    nlohmann::json parameter = {{"name", param.name},
                                {"in", "query"},
                                {"description", help},
                                {"required", false},
                                {"schema", schema_of(param)}};
    if (param.type == app::ParamType::List) {
        parameter["style"] = "form";
        parameter["explode"] = true;
    }
    return parameter;
}

nlohmann::json error_responses() {
    const nlohmann::json error = {{"$ref", "#/components/responses/Error"}};
    return {{"400", error}, {"422", error}, {"500", error}, {"503", error}};
}

nlohmann::json read_operation(const Endpoint& endpoint) {
    nlohmann::json parameters = nlohmann::json::array();
    for (const auto& param : endpoint.params) parameters.push_back(parameter_of(param));
    for (const auto& [alias, name] : endpoint.aliases) {
        parameters.push_back({{"name", alias},
                              {"in", "query"},
                              {"description", "the same as " + name},
                              {"required", false},
                              {"schema", {{"type", "string"}}}});
    }
    parameters.push_back({{"$ref", "#/components/parameters/lang"}});
    const bool svg = endpoint.content_type.rfind("image/svg+xml", 0) == 0;
    const bool html = endpoint.content_type.rfind("text/html", 0) == 0;
    const nlohmann::json content =
        svg    ? nlohmann::json{{"image/svg+xml", {{"schema", {{"type", "string"}}}}}}
        : html ? nlohmann::json{{"text/html", {{"schema", {{"type", "string"}}}}}}
               : nlohmann::json{{"application/json", {{"schema", {{"type", "object"}}}}}};
    std::string description = endpoint.summary +
                              ". Positional parameters may also be given as path segments, in order: /api/" +
                              endpoint.name;
    for (const auto& param : endpoint.params) {
        if (param.positional) description += "/{" + param.name + "}";
    }
    nlohmann::json responses = error_responses();
    responses["200"] = {
        {"description", "the answer, as `kizuna " + endpoint.name + " --format json` prints it"},
        {"content", content}};
    return {{"get",
             {{"operationId", endpoint.name},
              {"summary", endpoint.summary},
              {"description", description},
              {"parameters", parameters},
              {"responses", responses}}}};
}

nlohmann::json write_operation(const std::string& id, const std::string& summary, nlohmann::json body) {
    nlohmann::json responses = error_responses();
    responses["200"] = {
        {"description", "what was read and changed"},
        {"content", {{"application/json", {{"schema", {{"$ref", "#/components/schemas/ImportReport"}}}}}}}};
    responses["401"] = {{"$ref", "#/components/responses/Error"}};
    responses["403"] = {{"$ref", "#/components/responses/Error"}};
    return {{"post",
             {{"operationId", id},
              {"summary", summary},
              {"security", {{{"bearer", nlohmann::json::array()}}}},
              {"parameters", {{{"$ref", "#/components/parameters/lang"}}}},
              {"requestBody", {{"required", true}, {"content", std::move(body)}}},
              {"responses", responses}}}};
}

// A write whose query parameters are its request's fields (undo, merge, not-duplicates), answered as the
// command's --format json answer.
template <typename Request>
nlohmann::json described_write_operation() {
    const auto& description = Request::description();
    nlohmann::json parameters = nlohmann::json::array();
    for (const auto& field : description.fields) {
        nlohmann::json parameter = parameter_of(field.param);
        parameter["required"] = field.param.required;
        parameters.push_back(std::move(parameter));
    }
    parameters.push_back({{"$ref", "#/components/parameters/lang"}});  // the words of a refusal
    nlohmann::json responses = error_responses();
    responses["200"] = {
        {"description", "the answer, as `kizuna " + description.name + " --format json` prints it"},
        {"content", {{"application/json", {{"schema", {{"type", "object"}}}}}}}};
    responses["401"] = {{"$ref", "#/components/responses/Error"}};
    responses["403"] = {{"$ref", "#/components/responses/Error"}};
    std::string id = description.name;
    std::replace(id.begin(), id.end(), '-', '_');
    return {{"post",
             {{"operationId", id},
              {"summary", description.summary},
              {"security", {{{"bearer", nlohmann::json::array()}}}},
              {"parameters", parameters},
              {"responses", responses}}}};
}

}  // namespace

nlohmann::json openapi_document() {
    nlohmann::json paths = nlohmann::json::object();
    for (const auto& [name, endpoint] : read_endpoints()) paths["/api/" + name] = read_operation(endpoint);
    const auto& record = app::RecordRequest::description();
    for (const auto& kind : record.find("kind")->param.choices) {
        paths["/api/" + kind] = write_operation(
            "add_" + kind,
            "add one " + kind +
                " record, checked as an import checks it; an id that exists is refused (409, conflict)" +
                (kind == "entity" || kind == "relation" ? "; at least one source with a title is required"
                                                        : ""),
            {{"application/json", {{"schema", {{"type", "object"}}}}}});
        nlohmann::json edit = write_operation(
            "edit_" + kind,
            "edit one stored " + kind +
                " record: the body is the record, or {record, opened} with the record as it was read, "
                "refused (409, conflict, naming the change) when the stored one is no longer that",
            {{"application/json",
              {{"schema",
                {{"type", "object"},
                 {"properties",
                  {{"record", {{"type", "object"}}},
                   {"opened",
                    {{"type", "object"}, {"description", "the record as it was read"}}}}}}}}}})["post"];
        edit["responses"]["409"] = {{"$ref", "#/components/responses/Error"}};
        paths["/api/" + kind]["put"] = std::move(edit);
        paths["/api/" + kind]["post"]["responses"]["409"] = {{"$ref", "#/components/responses/Error"}};
    }
    paths["/api/capabilities"] = {
        {"get",
         {{"operationId", "capabilities"},
          {"summary", "what this server lets a client do: whether it takes writes (with the token)"},
          {"responses",
           {{"200",
             {{"description", "{writes, token_required, lang}"},
              {"content",
               {{"application/json",
                 {{"schema",
                   {{"type", "object"},
                    {"properties",
                     {{"writes", {{"type", "boolean"}}},
                      {"token_required", {{"type", "boolean"}}},
                      {"lang", {{"type", "string"}}}}}}}}}}}}}}}}}};
    paths["/api/import"] = write_operation(
        "import", app::ImportRequest::description().summary + ", all or nothing",
        {{"multipart/form-data",
          {{"schema",
            {{"type", "object"}, {"additionalProperties", {{"type", "string"}, {"format", "binary"}}}}}}},
         {"application/octet-stream", {{"schema", {{"type", "string"}, {"format", "binary"}}}}}});
    paths["/api/import"]["post"]["parameters"] = {
        {{"name", "format"},
         {"in", "query"},
         {"description", "the body's format when it is not multipart"},
         {"schema", {{"type", "string"}, {"enum", {"csv", "jsonl", "graphml", "xlsx"}}}}},
        {{"name", "name"},
         {"in", "query"},
         {"description", "the body's file name (csv: entities.csv, relations.csv …)"},
         {"schema", {{"type", "string"}}}},
        {{"$ref", "#/components/parameters/lang"}}};
    paths["/api/undo"] = described_write_operation<app::UndoRequest>();
    paths["/api/merge"] = described_write_operation<app::MergeRequest>();
    paths["/api/not-duplicates"] = described_write_operation<app::NotDuplicatesRequest>();
    paths["/api/openapi.json"] = {
        {"get",
         {{"operationId", "openapi"},
          {"summary", "this document"},
          {"responses",
           {{"200",
             {{"description", "the OpenAPI document"},
              {"content", {{"application/json", {{"schema", {{"type", "object"}}}}}}}}}}}}}};
    const nlohmann::json error_schema = {
        {"type", "object"},
        {"required", {"error", "exit", "kind"}},
        {"properties",
         {{"error",
           {{"type", "string"}, {"description", "what is wrong, parameters named as this API names them"}}},
          {"exit", {{"type", "integer"}, {"description", "the command line's exit code of the same error"}}},
          {"kind",
           {{"type", "string"},
            {"enum",
             {"usage", "unknown_entity", "ambiguous_entity", "invalid_data", "database", "limit", "conflict",
              "internal", "unauthorized", "read_only", "not_found", "misdirected", "busy"}}}},
          {"change",
           {{"type", "integer"},
            {"description", "conflict: the change that changed the record since it was read"}}},
          {"candidates", {{"type", "array"}, {"items", {{"type", "string"}}}, {"description", "entity ids"}}},
          {"problems",
           {{"type", "array"}, {"items", {{"type", "string"}}}, {"description", "file:line: message"}}},
          {"limit", {{"type", "string"}, {"description", "the parameter of the limit reached"}}}}}};
    const nlohmann::json counts = {{"type", "object"}, {"additionalProperties", {{"type", "integer"}}}};
    return {
        {"openapi", "3.0.3"},
        {"info",
         {{"title", "Kizuna"},
          {"version", "0.1.0"},
          {"description",
           "The HTTP API of `kizuna serve`: every answer is the command line's `--format json`."}}},
        {"paths", paths},
        {"components",
         {{"schemas",
           {{"Error", error_schema},
            {"ImportReport",
             {{"type", "object"},
              {"properties", {{"dry_run", {{"type", "boolean"}}}, {"read", counts}, {"changed", counts}}}}}}},
          {"parameters",
           {{"lang",
             {{"name", "lang"},
              {"in", "query"},
              {"description", "language of names and messages: en, ja or vi"},
              {"required", false},
              {"schema", {{"type", "string"}, {"enum", {"en", "ja", "vi"}}}}}}}},
          {"responses",
           {{"Error",
             {{"description",
               "an error, by kind: usage, unknown/ambiguous entity and limit 400, unauthorized 401 (no "
               "token or another), read_only 403, not_found 404, conflict 409, invalid data 422, database "
               "and busy 503"},
              {"content", {{"application/json", {{"schema", {{"$ref", "#/components/schemas/Error"}}}}}}}}}}},
          {"securitySchemes", {{"bearer", {{"type", "http"}, {"scheme", "bearer"}}}}}}}};
}

}  // namespace kizuna::server
