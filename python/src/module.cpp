// kizuna._kizuna: the facade (kizuna/kizuna.h) for Python. Each command takes its positional arguments
// and a dict of options (already named and checked by the Python package, kizuna/__init__.py) and
// returns the answer's JSON text, which the package turns into dicts: the same as `--format json`.
// The GIL is released while the database answers; errors become the package's exception classes
// (kizuna/_errors.py) with what they carry (candidates, problems).
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>
#include <pybind11/stl/filesystem.h>

#include <memory>
#include <string>
#include <vector>

#include "kizuna/kizuna.h"

namespace py = pybind11;
namespace api = kizuna::api;

namespace {

// options[key] as T, or fallback when it is absent or None.
template <typename T>
T option(const py::dict& options, const char* key, T fallback = {}) {
    if (!options.contains(key)) return fallback;
    const py::object value = options[key];
    return value.is_none() ? fallback : value.cast<T>();
}

api::Filter filter_of(const py::dict& options) {
    api::Filter filter;
    filter.types = option<std::vector<std::string>>(options, "type");
    filter.exclude_types = option<std::vector<std::string>>(options, "exclude_type");
    filter.as_of = option<std::string>(options, "as_of");
    filter.since = option<std::string>(options, "since");
    filter.until = option<std::string>(options, "until");
    const auto undated = option<std::string>(options, "undated");
    if (undated == "include") filter.undated = api::Undated::Include;
    if (undated == "exclude") filter.undated = api::Undated::Exclude;
    if (undated == "separate") filter.undated = api::Undated::Separate;
    filter.directed = option<bool>(options, "directed");
    filter.include_evidence = option<bool>(options, "include_evidence");
    return filter;
}

api::ListRequest::Ends ends_of(const py::dict& options, const std::string& suffix) {
    return {option<std::vector<std::string>>(options, ("kind" + suffix).c_str()),
            option<std::vector<std::string>>(options, ("country" + suffix).c_str()),
            option<std::vector<std::string>>(options, ("where" + suffix).c_str())};
}

// A Python value as a query parameter.
api::Value value_of(const py::handle& object) {
    if (object.is_none()) return {};
    if (py::isinstance<py::bool_>(object)) return object.cast<bool>();
    if (py::isinstance<py::int_>(object)) return object.cast<std::int64_t>();
    if (py::isinstance<py::float_>(object)) return object.cast<double>();
    if (py::isinstance<py::str>(object)) return object.cast<std::string>();
    if (py::isinstance<py::dict>(object)) {
        api::Value::Map map;
        for (const auto& [key, item] : object.cast<py::dict>())
            map.emplace(py::str(key).cast<std::string>(), value_of(item));
        return map;
    }
    if (py::isinstance<py::list>(object) || py::isinstance<py::tuple>(object)) {
        api::Value::List list;
        for (const auto& item : object) list.push_back(value_of(item));
        return list;
    }
    throw py::type_error("a query parameter must be None, bool, int, float, str, list, tuple or dict, not " +
                         py::str(py::type::of(object).attr("__name__")).cast<std::string>());
}

// Runs call without the GIL and returns its answer's JSON text.
template <typename Call>
std::string unlocked(Call&& call) {
    py::gil_scoped_release release;
    return call().to_json();
}

class Database {
  public:
    Database(const std::filesystem::path& path, bool writable, bool create)
        : db_(std::make_shared<api::Database>(
              create ? api::Database::create(path)
                     : api::Database::open(path, writable ? api::Database::Mode::Writable
                                                          : api::Database::Mode::ReadOnly))) {}

    std::string search(const std::string& text, const py::dict& o) {
        const auto limit = option<std::size_t>(o, "limit", 20);
        return unlocked([&] { return db_->search(text, limit); });
    }
    std::string show(const std::string& name) {
        return unlocked([&] { return db_->show(name); });
    }
    std::string partners(const std::string& entity, const py::dict& o) {
        api::PartnersRequest request{filter_of(o), option<std::vector<std::string>>(o, "country"),
                                     option<std::vector<std::string>>(o, "kind"),
                                     option<bool>(o, "incoming")};
        return unlocked([&] { return db_->partners(entity, request); });
    }
    std::string path(const std::string& from, const std::string& to, const py::dict& o) {
        api::PathRequest request;
        request.filter = filter_of(o);
        request.k = option<std::size_t>(o, "k", 1);
        request.cap = option<std::size_t>(o, "cap", 100);
        if (o.contains("max_hops") && !o["max_hops"].is_none())
            request.max_hops = o["max_hops"].cast<std::size_t>();
        request.mode = option<bool>(o, "simple")              ? api::PathRequest::Mode::Simple
                       : option<bool>(o, "all")               ? api::PathRequest::Mode::AllShortest
                       : o.contains("k") && !o["k"].is_none() ? api::PathRequest::Mode::KShortest
                                                              : api::PathRequest::Mode::Shortest;
        return unlocked([&] { return db_->path(from, to, request); });
    }
    std::string common(const std::string& a, const std::string& b, const py::dict& o) {
        const auto filter = filter_of(o);
        return unlocked([&] { return db_->common(a, b, filter); });
    }
    std::string ego(const std::string& entity, const py::dict& o) {
        const api::EgoRequest request{option<std::size_t>(o, "radius", 1), filter_of(o)};
        return unlocked([&] { return db_->ego(entity, request); });
    }
    std::string timeline(const std::string& entity, const py::dict& o) {
        const auto filter = filter_of(o);
        return unlocked([&] { return db_->timeline(entity, filter); });
    }
    std::string stats(const py::dict& o) {
        const api::StatsRequest request{filter_of(o), option<std::size_t>(o, "top", 10),
                                        option<bool>(o, "betweenness"), option<std::size_t>(o, "sources")};
        return unlocked([&] { return db_->stats(request); });
    }
    std::string list(const py::dict& o) {
        api::ListRequest request;
        request.relations = option<bool>(o, "relations");
        request.entities = ends_of(o, "");
        request.filter = filter_of(o);
        request.categories = option<std::vector<std::string>>(o, "category");
        request.from = ends_of(o, "_from");
        request.to = ends_of(o, "_to");
        return unlocked([&] { return db_->list(request); });
    }
    std::string query(const std::string& text, const py::dict& parameters, const py::dict& o) {
        std::map<std::string, api::Value> params;
        for (const auto& [key, value] : parameters)
            params.emplace(py::str(key).cast<std::string>(), value_of(value));
        api::QueryOptions options;
        options.timeout_ms = option<std::int64_t>(o, "timeout_ms", options.timeout_ms);
        options.max_rows = option<std::size_t>(o, "max_rows", options.max_rows);
        options.lang = option<std::string>(o, "lang", options.lang);
        return unlocked([&] { return db_->query(text, params, options); });
    }
    std::string import_files(const std::vector<std::filesystem::path>& paths, bool dry_run) {
        return unlocked([&] { return db_->import_files(paths, {dry_run}); });
    }
    [[nodiscard]] std::string path_name() const { return db_->path().string(); }
    [[nodiscard]] bool writable() const { return db_->mode() == api::Database::Mode::Writable; }

  private:
    std::shared_ptr<api::Database> db_;
};

// Raises the package's exception class `name` built with (message, *extra).
void raise(const char* name, const std::string& message, const py::object& extra = py::none()) {
    const py::object errors = py::module_::import("kizuna._errors");
    const py::object type = errors.attr(name);
    const py::object instance = extra.is_none() ? type(message) : type(message, extra);
    PyErr_SetObject(type.ptr(), instance.ptr());
}

void translate(std::exception_ptr error) {
    try {
        if (error) std::rethrow_exception(error);
    } catch (const api::UnknownEntity& e) {
        raise("UnknownEntity", e.what(), py::cast(e.candidates()));
    } catch (const api::LimitReached& e) {
        raise("LimitReached", e.what());
    } catch (const api::UsageError& e) {
        raise("UsageError", e.what());
    } catch (const api::InvalidData& e) {
        raise("InvalidData", e.what(), py::make_tuple(py::cast(e.problems()), e.total()));
    } catch (const api::DatabaseError& e) {
        raise("DatabaseError", e.what());
    } catch (const api::Error& e) {
        raise("Error", e.what());
    }
}

}  // namespace

PYBIND11_MODULE(_kizuna, m) {
    m.doc() = "Kizuna's engine for the kizuna package: use kizuna.connect(), not this module.";
    m.attr("__version__") = api::version();
    py::register_exception_translator(&translate);
    py::class_<Database>(m, "Database")
        .def(py::init<const std::filesystem::path&, bool, bool>(), py::arg("path"), py::arg("writable"),
             py::arg("create"))
        .def("search", &Database::search)
        .def("show", &Database::show)
        .def("partners", &Database::partners)
        .def("path", &Database::path)
        .def("common", &Database::common)
        .def("ego", &Database::ego)
        .def("timeline", &Database::timeline)
        .def("stats", &Database::stats)
        .def("list", &Database::list)
        .def("query", &Database::query)
        .def("import_files", &Database::import_files)
        .def_property_readonly("filename", &Database::path_name)
        .def_property_readonly("writable", &Database::writable);
}
