#include "print_pdf.h"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>
#include <vector>

#include "kizuna/app/errors.h"

extern char** environ;

namespace kizuna::app {

namespace {

constexpr auto kPrintTimeout = std::chrono::seconds(60);  // a browser that hangs must not hang the command
constexpr auto kPoll = std::chrono::milliseconds(20);

std::string find_on_path(const std::string& name) {
    if (name.find('/') != std::string::npos) return access(name.c_str(), X_OK) == 0 ? name : "";
    const char* path = std::getenv("PATH");
    std::stringstream dirs(path != nullptr ? path : "/usr/bin:/bin");
    for (std::string dir; std::getline(dirs, dir, ':');) {
        const std::string candidate = (dir.empty() ? "." : dir) + "/" + name;
        if (access(candidate.c_str(), X_OK) == 0) return candidate;
    }
    return "";
}

std::string find_chromium() {
    if (const char* chosen = std::getenv("KIZUNA_CHROMIUM")) return *chosen ? find_on_path(chosen) : "";
    for (const char* name : {"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"}) {
        if (std::string found = find_on_path(name); !found.empty()) return found;
    }
    return "";
}

// A private folder for the page, the PDF and the browser's profile, removed however printing ends.
class PrintFolder {
  public:
    PrintFolder() {
        std::string pattern = (std::filesystem::temp_directory_path() / "kizuna-brief-XXXXXX").string();
        if (mkdtemp(pattern.data()) == nullptr)
            throw AppError(ErrorKind::Internal, {"cannot make a temporary folder to print the PDF in"});
        path_ = pattern;
    }
    ~PrintFolder() {
        std::error_code ignored;
        std::filesystem::remove_all(path_, ignored);
    }
    PrintFolder(const PrintFolder&) = delete;
    PrintFolder& operator=(const PrintFolder&) = delete;
    [[nodiscard]] const std::filesystem::path& path() const { return path_; }

  private:
    std::filesystem::path path_;
};

}  // namespace

std::string print_pdf(const std::string& html) {
    const std::string browser = find_chromium();
    if (browser.empty()) {
        throw AppError(ErrorKind::Usage,
                       {"a PDF sheet is printed by headless Chromium, which is not installed: install "
                        "the Debian package chromium (apt-get install chromium), or write .html"});
    }
    const PrintFolder folder;
    const auto page = folder.path() / "sheet.html", pdf = folder.path() / "sheet.pdf";
    const auto log = folder.path() / "browser.log";
    {
        std::ofstream file(page, std::ios::binary);
        file << html;
        if (!file)
            throw AppError(ErrorKind::Internal,
                           {"cannot write the page to print in " + folder.path().string()});
    }
    std::vector<std::string> args = {browser,
                                     "--headless",
                                     "--disable-gpu",
                                     "--no-first-run",
                                     "--no-pdf-header-footer",
                                     "--user-data-dir=" + (folder.path() / "profile").string(),
                                     "--print-to-pdf=" + pdf.string(),
                                     "file://" + page.string()};
    // Chromium's sandbox refuses to start as root; the page is our own, without scripts or requests.
    if (geteuid() == 0) args.insert(args.begin() + 1, "--no-sandbox");
    std::vector<char*> argv;
    for (auto& arg : args) argv.push_back(arg.data());
    argv.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, log.c_str(), O_WRONLY | O_CREAT | O_TRUNC,
                                     0600);
    posix_spawn_file_actions_adddup2(&actions, STDOUT_FILENO, STDERR_FILENO);
    pid_t child = 0;
    const int spawned = posix_spawn(&child, browser.c_str(), &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    if (spawned != 0) throw AppError(ErrorKind::Internal, {"cannot start " + browser + " to print the PDF"});
    int status = 0;
    const auto deadline = std::chrono::steady_clock::now() + kPrintTimeout;
    while (waitpid(child, &status, WNOHANG) == 0) {
        if (std::chrono::steady_clock::now() > deadline) {
            kill(child, SIGKILL);
            waitpid(child, &status, 0);
            throw AppError(ErrorKind::Internal, {browser + " did not print the PDF within a minute"});
        }
        std::this_thread::sleep_for(kPoll);
    }
    std::ifstream file(pdf, std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0 || bytes.rfind("%PDF", 0) != 0) {
        std::ifstream said(log);
        std::string last, line;
        while (std::getline(said, line))
            if (!line.empty()) last = line;
        throw AppError(ErrorKind::Internal,
                       {browser + " failed to print the PDF" + (last.empty() ? "" : ": " + last)});
    }
    return bytes;
}

}  // namespace kizuna::app
