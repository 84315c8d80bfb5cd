#include "static_files.h"

#include <zlib.h>

#include <algorithm>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

namespace kizuna::server {

namespace {

namespace fs = std::filesystem;

std::string lowercase(std::string text) {
    std::transform(text.begin(), text.end(), text.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return text;
}

// The kinds of file a page loads, by extension, with their types; nothing else is served.
const std::map<std::string, std::string>& page_types() {
    static const std::map<std::string, std::string> types = {
        {".html", "text/html; charset=utf-8"},
        {".js", "text/javascript; charset=utf-8"},
        {".mjs", "text/javascript; charset=utf-8"},
        {".css", "text/css; charset=utf-8"},
        {".svg", "image/svg+xml"},
        {".png", "image/png"},
        {".jpg", "image/jpeg"},
        {".ico", "image/x-icon"},
        {".json", "application/json; charset=utf-8"},
        {".webmanifest", "application/manifest+json"},
        {".woff2", "font/woff2"},
        {".map", "application/json; charset=utf-8"},
    };
    return types;
}

const std::map<std::string, std::string>& package_types() {
    static const std::map<std::string, std::string> types = {
        {".js", "text/javascript; charset=utf-8"},
        {".mjs", "text/javascript; charset=utf-8"},
        {".cjs", "text/javascript; charset=utf-8"},
        {".css", "text/css; charset=utf-8"},
        {".map", "application/json; charset=utf-8"},
        {".svg", "image/svg+xml"},
        {".png", "image/png"},
        {".woff2", "font/woff2"},
        {".wasm", "application/wasm"},
    };
    return types;
}

bool compressible(const std::string& type) {
    return type.rfind("text/", 0) == 0 || type.rfind("application/json", 0) == 0 ||
           type.rfind("image/svg", 0) == 0 || type == "application/manifest+json";
}

// Folders that are never the page: its tests, its packages (served under /vendor/ only), hidden ones.
bool skipped_folder(const std::string& name) {
    return name.empty() || name[0] == '.' || name == "tests" || name == "test" || name == "node_modules";
}

// FNV-1a: a validator that stays the same across runs for the same bytes.
std::string digest(const std::string& bytes) {
    std::uint64_t hash = 14695981039346656037ull;
    for (const char c : bytes) {
        hash ^= static_cast<unsigned char>(c);
        hash *= 1099511628211ull;
    }
    std::ostringstream hex;
    hex << std::hex << hash << '-' << bytes.size();
    return hex.str();
}

std::string gzip(const std::string& bytes) {
    z_stream stream{};
    if (deflateInit2(&stream, Z_BEST_COMPRESSION, Z_DEFLATED, 15 + 16, 9, Z_DEFAULT_STRATEGY) != Z_OK)
        return {};
    std::string out(deflateBound(&stream, static_cast<uLong>(bytes.size())), '\0');
    stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data()));
    stream.avail_in = static_cast<uInt>(bytes.size());
    stream.next_out = reinterpret_cast<Bytef*>(out.data());
    stream.avail_out = static_cast<uInt>(out.size());
    const int result = deflate(&stream, Z_FINISH);
    out.resize(stream.total_out);
    deflateEnd(&stream);
    return result == Z_STREAM_END ? out : std::string();
}

// Accept-Encoding names gzip, without q=0.
bool accepts_gzip(const std::string& header) {
    std::istringstream items(header);
    for (std::string item; std::getline(items, item, ',');) {
        item.erase(std::remove(item.begin(), item.end(), ' '), item.end());
        item = lowercase(item);
        if (item == "gzip" || item.rfind("gzip;", 0) == 0) {
            const std::size_t q = item.find("q=");
            return q == std::string::npos || std::strtod(item.c_str() + q + 2, nullptr) > 0;
        }
    }
    return false;
}

bool none_match(const std::string& header, const std::string& etag) {
    std::istringstream items(header);
    for (std::string item; std::getline(items, item, ',');) {
        item.erase(std::remove(item.begin(), item.end(), ' '), item.end());
        if (item.rfind("W/", 0) == 0) item.erase(0, 2);
        if (item == etag || item == "*") return true;
    }
    return false;
}

std::string read_all(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error(path.string() + ": cannot read");
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return bytes.str();
}

// The packages the page needs: the lock file's entries that are not dev tools (with their own
// dependencies, which the lock file lists too); without a lock file, every package there.
std::set<std::string> page_packages(const fs::path& page, const fs::path& node_modules) {
    std::set<std::string> names;
    if (page.empty()) return names;
    const fs::path lock = page / "package-lock.json";
    std::error_code error;
    if (fs::is_regular_file(lock, error)) {
        const auto json = nlohmann::json::parse(read_all(lock), nullptr, false);
        if (json.is_object() && json.contains("packages") && json["packages"].is_object()) {
            const std::string prefix = "node_modules/";
            for (const auto& [key, entry] : json["packages"].items()) {
                if (key.rfind(prefix, 0) != 0 || key.find("/node_modules/") != std::string::npos) continue;
                if (entry.value("dev", false) || entry.value("devOptional", false)) continue;
                names.insert(key.substr(prefix.size()));
            }
        }
        return names;
    }
    for (const auto& entry : fs::directory_iterator(node_modules, error)) {
        const std::string name = entry.path().filename().string();
        if (!entry.is_directory() || name.empty() || name[0] == '.') continue;
        if (name[0] != '@') {
            names.insert(name);
            continue;
        }
        for (const auto& scoped : fs::directory_iterator(entry.path(), error))
            if (scoped.is_directory()) names.insert(name + "/" + scoped.path().filename().string());
    }
    return names;
}

}  // namespace

StaticFiles::StaticFiles(const fs::path& page, const fs::path& node_modules) {
    std::error_code error;
    auto add = [this](const std::string& url, const std::shared_ptr<File>& file, bool immutable) {
        files_[url] = Entry{file, immutable};
    };
    const auto& types = page_types();
    for (auto at =
             fs::recursive_directory_iterator(page, fs::directory_options::skip_permission_denied, error);
         at != fs::recursive_directory_iterator(); at.increment(error)) {
        if (error) break;
        const std::string name = at->path().filename().string();
        if (at->is_directory(error)) {
            if (skipped_folder(name)) at.disable_recursion_pending();
            continue;
        }
        const auto type = types.find(lowercase(at->path().extension().string()));
        if (!at->is_regular_file(error) || name[0] == '.' || name == "package.json" ||
            name == "package-lock.json" || type == types.end())
            continue;
        auto file = std::make_shared<File>();
        file->source = at->path();
        file->page = true;
        file->type = type->second;
        const std::string url = "/" + fs::relative(at->path(), page).generic_string();
        add(url, file, false);
        if (name == "index.html") add(url.substr(0, url.size() - name.size()), file, false);
    }
    for (const auto& package : page_packages(page, node_modules)) {
        const fs::path folder = node_modules / package;
        if (!fs::is_directory(folder, error)) continue;
        const auto manifest = fs::is_regular_file(folder / "package.json", error)
                                  ? nlohmann::json::parse(read_all(folder / "package.json"), nullptr, false)
                                  : nlohmann::json();
        const std::string version = manifest.is_object() ? manifest.value("version", "") : "";
        if (!version.empty()) versions_[package] = version;
        const auto& kinds = package_types();
        for (auto at = fs::recursive_directory_iterator(folder, fs::directory_options::skip_permission_denied,
                                                        error);
             at != fs::recursive_directory_iterator(); at.increment(error)) {
            if (error) break;
            const std::string name = at->path().filename().string();
            if (at->is_directory(error)) {
                if (name.empty() || name[0] == '.' || name == "node_modules") at.disable_recursion_pending();
                continue;
            }
            const auto type = kinds.find(lowercase(at->path().extension().string()));
            if (!at->is_regular_file(error) || name[0] == '.' || type == kinds.end()) continue;
            auto file = std::make_shared<File>();
            file->source = at->path();
            file->type = type->second;
            const std::string inside = fs::relative(at->path(), folder).generic_string();
            add("/vendor/" + package + "/" + inside, file, false);
            if (!version.empty()) add("/vendor/" + package + "@" + version + "/" + inside, file, true);
        }
    }
}

void StaticFiles::load(File& file) const {
    try {
        file.body = read_all(file.source);
    } catch (const std::exception&) {
        file.missing = true;
        return;
    }
    // The page's own addresses of its packages become the versioned ones, cached for a year.
    if (file.page && (file.type.rfind("text/html", 0) == 0 || file.type.rfind("text/javascript", 0) == 0)) {
        for (const auto& [package, version] : versions_) {
            const std::string plain = "vendor/" + package + "/",
                              pinned = "vendor/" + package + "@" + version + "/";
            for (std::size_t at = 0; (at = file.body.find(plain, at)) != std::string::npos;
                 at += pinned.size())
                file.body.replace(at, plain.size(), pinned);
        }
    }
    const std::string tag = digest(file.body);
    file.etag = "\"" + tag + "\"";
    if (compressible(file.type)) {
        std::string packed = gzip(file.body);
        if (!packed.empty() && packed.size() < file.body.size()) {
            file.gzip = std::move(packed);
            file.gzip_etag = "\"" + tag + "-gzip\"";
        }
    }
}

bool StaticFiles::answer(const httplib::Request& request, httplib::Response& response) {
    const auto found = files_.find(request.path);
    if (found == files_.end()) return false;
    const std::shared_ptr<File> file = found->second.file;
    std::call_once(file->loaded, [this, &file] { load(*file); });
    if (file->missing) return false;
    const bool packed = !file->gzip.empty() && accepts_gzip(request.get_header_value("Accept-Encoding"));
    const std::string& etag = packed ? file->gzip_etag : file->etag;
    response.set_header("ETag", etag);
    response.set_header("Vary", "Accept-Encoding");
    response.set_header("Cache-Control",
                        found->second.immutable ? "public, max-age=31536000, immutable" : "no-cache");
    if (none_match(request.get_header_value("If-None-Match"), etag)) {
        response.status = 304;
        return true;
    }
    if (packed) response.set_header("Content-Encoding", "gzip");
    // Given as a provider of its length, the bytes go out as they are: httplib compresses only a body.
    const std::shared_ptr<const std::string> bytes(file, packed ? &file->gzip : &file->body);
    if (bytes->empty()) {
        response.set_content(std::string(), file->type.c_str());
        return true;
    }
    response.set_content_provider(bytes->size(), file->type.c_str(),
                                  [bytes](std::size_t offset, std::size_t length, httplib::DataSink& sink) {
                                      sink.write(bytes->data() + offset, length);
                                      return true;
                                  });
    return true;
}

}  // namespace kizuna::server
