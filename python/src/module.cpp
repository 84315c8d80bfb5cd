// kizuna._kizuna: the application layer (app/) for Python, a front end like the command line and the
// server. Each command's keyword arguments (already named by the package, kizuna/__init__.py) fill the
// command's typed request through the request's own description — the setters the command line's
// options and the HTTP API's parameters use, so that every value is parsed, checked and named in errors
// as theirs are — and a session answers it with the answer's JSON (the command's --format json), which
// the package turns into dicts. The GIL is released while the session answers. Errors leave as the
// package's exception classes (kizuna/_errors.py) chosen by the error's kind, with what they carry.
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>
#include <pybind11/stl/filesystem.h>

#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "kizuna/app/session.h"
#include "kizuna/core/errors.h"
#include "kizuna/core/snapshot.h"
#include "kizuna/core/store.h"
#include "kizuna/version.h"

namespace py = pybind11;
namespace app = kizuna::app;

namespace {

// A keyword argument's value as the text a setter takes: flags true/false, numbers and dates as written.
std::string setting_text(const py::handle& value) {
    if (py::isinstance<py::bool_>(value)) return value.cast<bool>() ? "true" : "false";
    if (py::isinstance<py::str>(value)) return value.cast<std::string>();
    return py::str(value).cast<std::string>();
}

// The request of type R with each setting given (None: not given; a list or tuple: each value).
template <typename R>
R filled(const py::dict& settings) {
    R request;
    const auto& description = R::description();
    for (const auto& [key, value] : settings) {
        if (value.is_none()) continue;
        const std::string name = py::str(key).cast<std::string>();
        const auto* field = description.find(name);
        if (field == nullptr) throw py::type_error(description.name + "() takes no setting '" + name + "'");
        if (py::isinstance<py::list>(value) || py::isinstance<py::tuple>(value)) {
            for (const auto& item : value) field->set(request, setting_text(item));
        } else {
            field->set(request, setting_text(value));
        }
    }
    return request;
}

// A Python value as a query parameter.
kizuna::cypher::Value parameter_of(const py::handle& object) {
    namespace cypher = kizuna::cypher;
    if (object.is_none()) return {};
    if (py::isinstance<py::bool_>(object)) return object.cast<bool>();
    if (py::isinstance<py::int_>(object)) return object.cast<std::int64_t>();
    if (py::isinstance<py::float_>(object)) return object.cast<double>();
    if (py::isinstance<py::str>(object)) return object.cast<std::string>();
    if (py::isinstance<py::dict>(object)) {
        cypher::Map map;
        for (const auto& [key, item] : object.cast<py::dict>())
            map.emplace(py::str(key).cast<std::string>(), parameter_of(item));
        return map;
    }
    if (py::isinstance<py::list>(object) || py::isinstance<py::tuple>(object)) {
        cypher::List list;
        for (const auto& item : object) list.push_back(parameter_of(item));
        return list;
    }
    throw py::type_error("a query parameter must be None, bool, int, float, str, list, tuple or dict, not " +
                         py::str(py::type::of(object).attr("__name__")).cast<std::string>());
}

class Database {
  public:
    Database(const std::filesystem::path& path, bool writable, bool create)
        : path_(path), writable_(writable || create), graph_(std::make_unique<kizuna::SharedGraph>()) {
        py::gil_scoped_release release;
        if (create) {
            (void)kizuna::Store::open(path, kizuna::Store::Mode::Create);  // as `kizuna init`
        } else if (!std::filesystem::exists(path)) {
            throw kizuna::StorageError(path.string() +
                                       ": no database here; create one with kizuna.create(path)");
        }
        // Opened once now, so that a file that is no database (or cannot be written) is said here; one of
        // an older Kizuna is upgraded in place.
        (void)(writable_ ? app::open_for_writing(path) : app::open_for_reading(path));
    }

    // command: search, show, partners, path, common, ego, timeline, stats, communities, changes, list,
    // duplicates, log, diff; the writes import, merge, not-duplicates, undo.
    std::string answer(const std::string& command, const py::dict& settings) {
        if (command == "search") return answered(filled<app::SearchRequest>(settings));
        if (command == "show") return answered(filled<app::ShowRequest>(settings));
        if (command == "partners") return answered(filled<app::PartnersRequest>(settings));
        if (command == "path") return answered(filled<app::PathRequest>(settings));
        if (command == "common") return answered(filled<app::CommonRequest>(settings));
        if (command == "ego") return answered(filled<app::EgoRequest>(settings));
        if (command == "timeline") return answered(filled<app::TimelineRequest>(settings));
        if (command == "stats") return answered(filled<app::StatsRequest>(settings));
        if (command == "communities") return answered(filled<app::CommunitiesRequest>(settings));
        if (command == "changes") return answered(filled<app::ChangesRequest>(settings));
        if (command == "list") return answered(filled<app::ListRequest>(settings));
        if (command == "duplicates") return answered(filled<app::DuplicatesRequest>(settings));
        if (command == "log") return answered(filled<app::LogRequest>(settings));
        if (command == "diff") return answered(filled<app::DiffRequest>(settings));
        if (command == "import" || command == "merge" || command == "not-duplicates" || command == "undo") {
            if (!writable_) {
                throw app::AppError(app::ErrorKind::Usage,
                                    {path_.string() + ": opened read-only; " + command +
                                     " needs kizuna.connect(path, writable=True)"});
            }
            if (command == "import") return answered(filled<app::ImportRequest>(settings));
            if (command == "merge") return answered(filled<app::MergeRequest>(settings));
            if (command == "not-duplicates") return answered(filled<app::NotDuplicatesRequest>(settings));
            return answered(filled<app::UndoRequest>(settings));
        }
        throw py::value_error("no command " + command);
    }

    std::string query(const py::dict& settings, const py::dict& parameters, const std::string& lang) {
        auto request = filled<app::QueryRequest>(settings);
        request.lang = lang;
        for (const auto& [key, value] : parameters)
            request.parameters.emplace(py::str(key).cast<std::string>(), parameter_of(value));
        return answered(request);
    }

    [[nodiscard]] std::string filename() const { return path_.string(); }
    [[nodiscard]] bool writable() const { return writable_; }

  private:
    // The answer's JSON text, from a session of its own (a session is one thread's), without the GIL.
    template <typename Request>
    std::string answered(const Request& request) {
        py::gil_scoped_release release;
        app::SessionOptions options;
        options.writes_allowed = writable_;
        options.writes_refused =
            path_.string() +
            ": opened read-only; a query that writes needs kizuna.connect(path, writable=True)";
        app::Session session(path_, *graph_, std::move(options));
        const nlohmann::json answer = session.answer(request);
        return answer.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    }

    std::filesystem::path path_;
    bool writable_;
    std::unique_ptr<kizuna::SharedGraph> graph_;  // shared by the calls of every thread
};

// The names of a command's settings, as its request describes them (for the package's tests: each
// method's keyword arguments are these).
std::vector<std::string> settings_of(const std::string& command) {
    if (command == "search") return app::SearchRequest::description().names();
    if (command == "show") return app::ShowRequest::description().names();
    if (command == "partners") return app::PartnersRequest::description().names();
    if (command == "path") return app::PathRequest::description().names();
    if (command == "common") return app::CommonRequest::description().names();
    if (command == "ego") return app::EgoRequest::description().names();
    if (command == "timeline") return app::TimelineRequest::description().names();
    if (command == "stats") return app::StatsRequest::description().names();
    if (command == "communities") return app::CommunitiesRequest::description().names();
    if (command == "changes") return app::ChangesRequest::description().names();
    if (command == "list") return app::ListRequest::description().names();
    if (command == "import") return app::ImportRequest::description().names();
    if (command == "duplicates") return app::DuplicatesRequest::description().names();
    if (command == "log") return app::LogRequest::description().names();
    if (command == "diff") return app::DiffRequest::description().names();
    if (command == "merge") return app::MergeRequest::description().names();
    if (command == "not-duplicates") return app::NotDuplicatesRequest::description().names();
    if (command == "undo") return app::UndoRequest::description().names();
    if (command == "query") return app::QueryRequest::description().names();
    throw py::value_error("no command " + command);
}

// Raises the package's exception class `name` built with (message, *extra).
void raise(const char* name, const std::string& message, const py::object& extra = py::none()) {
    const py::object errors = py::module_::import("kizuna._errors");
    const py::object type = errors.attr(name);
    const py::object instance = extra.is_none() ? type(message) : type(message, extra);
    PyErr_SetObject(type.ptr(), instance.ptr());
}

void raise_of_kind(const app::AppError& e) {
    switch (e.kind()) {
        case app::ErrorKind::Usage:
            return raise("UsageError", e.what());
        case app::ErrorKind::UnknownEntity:
            return raise("UnknownEntity", e.what(), py::cast(e.candidates));
        case app::ErrorKind::AmbiguousEntity:
            return raise("AmbiguousEntity", e.what(), py::cast(e.candidates));
        case app::ErrorKind::InvalidData:
            // An import's problems come listed; a single refusal (a query's write) is its one problem.
            if (e.problems.empty())
                return raise("InvalidData", e.what(),
                             py::make_tuple(py::cast(std::vector{std::string(e.what())}), 1));
            return raise("InvalidData", e.problems.front() + " (" + e.what() + ")",
                         py::make_tuple(py::cast(e.problems), e.total_problems));
        case app::ErrorKind::Database:
            return raise("DatabaseError", e.what());
        case app::ErrorKind::Limit:
            return raise("LimitReached", e.what());
        case app::ErrorKind::Conflict:
            return raise("Conflict", e.what());
        case app::ErrorKind::Internal:
            break;
    }
    raise("Error", e.what());
}

void translate(std::exception_ptr error) {
    try {
        if (error) std::rethrow_exception(error);
    } catch (const app::AppError& e) {
        raise_of_kind(e);
    } catch (const kizuna::StorageError& e) {  // opening the database
        raise("DatabaseError", e.what());
    } catch (const kizuna::Error& e) {
        raise("Error", e.what());
    }
}

}  // namespace

PYBIND11_MODULE(_kizuna, m) {
    m.doc() = "Kizuna's engine for the kizuna package: use kizuna.connect(), not this module.";
    m.attr("__version__") = KIZUNA_VERSION;
    py::register_exception_translator(&translate);
    m.def("settings", &settings_of, py::arg("command"), "the names of a command's settings");
    py::class_<Database>(m, "Database")
        .def(py::init<const std::filesystem::path&, bool, bool>(), py::arg("path"), py::arg("writable"),
             py::arg("create"))
        .def("answer", &Database::answer, py::arg("command"), py::arg("settings"))
        .def("query", &Database::query, py::arg("settings"), py::arg("parameters"), py::arg("lang"))
        .def_property_readonly("filename", &Database::filename)
        .def_property_readonly("writable", &Database::writable);
}
