#pragma once
// Private to server: the explorer page's own files, and nothing else of its folder. The page is the
// folder's files of the kinds a page loads (html, js, css, svg, png, json …), outside tests/,
// node_modules/ and hidden folders, and never package.json or package-lock.json; its npm packages are
// served under /vendor/NAME/ — the ones web/package-lock.json lists for the page (not its dev tools),
// or every package of an installed page's node_modules/.
//
// Each file is read, given a strong ETag and gzip-compressed once, on its first request, and answered
// from memory after; a client that has it gets 304. Packages are also served at
// /vendor/NAME@VERSION/, cached for a year (the version is in the address), and the page's own html
// and js files have their vendor/NAME/ addresses rewritten to those; the page's files are revalidated
// on every load (Cache-Control: no-cache), which costs a 304.
#include <httplib.h>

#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <string>

namespace kizuna::server {

class StaticFiles {
  public:
    // Indexes the files (reads none yet). page: the page's folder; node_modules: its npm packages.
    StaticFiles(const std::filesystem::path& page, const std::filesystem::path& node_modules);

    // Answers a GET or HEAD of one of the files; false when the path is not one.
    bool answer(const httplib::Request& request, httplib::Response& response);

    [[nodiscard]] std::size_t size() const { return files_.size(); }

  private:
    struct File {
        std::filesystem::path source;
        bool page = false;  // the page's own file (vendor addresses rewritten in html and js)
        std::once_flag loaded;
        std::string type, body, gzip, etag, gzip_etag;
        bool missing = false;  // gone since the start
    };
    struct Entry {
        std::shared_ptr<File> file;  // a package file has two addresses, plain and versioned
        bool immutable = false;      // the versioned address
    };
    void load(File& file) const;

    std::map<std::string, Entry> files_;           // by URL path
    std::map<std::string, std::string> versions_;  // package -> version
};

}  // namespace kizuna::server
