#include "file_digest.h"

#include <nettle/sha2.h>

#include <algorithm>
#include <cctype>
#include <fstream>

namespace kizuna::app {

namespace {

std::string hex_digest(sha256_ctx& context) {
    std::uint8_t digest[SHA256_DIGEST_SIZE];
    sha256_digest(&context, SHA256_DIGEST_SIZE, digest);
    static const char* const kHex = "0123456789abcdef";
    std::string out;
    for (const std::uint8_t byte : digest) {
        out += kHex[byte >> 4];
        out += kHex[byte & 0xF];
    }
    return out;
}

std::string sha256_of(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return {};
    sha256_ctx context;
    sha256_init(&context);
    std::vector<char> buffer(1 << 20);
    while (in) {
        in.read(buffer.data(), static_cast<std::streamsize>(buffer.size()));
        const auto got = static_cast<std::size_t>(in.gcount());
        if (got > 0) sha256_update(&context, got, reinterpret_cast<const std::uint8_t*>(buffer.data()));
    }
    if (in.bad()) return {};
    return hex_digest(context);
}

}  // namespace

std::vector<ChangeFile> upload_digests(const std::vector<FileInMemory>& uploads) {
    std::vector<ChangeFile> out;
    for (const auto& upload : uploads) {
        sha256_ctx context;
        sha256_init(&context);
        sha256_update(&context, upload.bytes.size(),
                      reinterpret_cast<const std::uint8_t*>(upload.bytes.data()));
        out.push_back({upload.name, hex_digest(context)});
    }
    std::sort(out.begin(), out.end(),
              [](const ChangeFile& a, const ChangeFile& b) { return a.path < b.path; });
    return out;
}

std::vector<ChangeFile> file_digests(const std::vector<std::string>& paths) {
    std::vector<ChangeFile> out;
    for (const auto& given : paths) {
        std::error_code error;
        if (std::filesystem::is_directory(given, error)) {
            std::vector<std::filesystem::path> inside;
            for (const auto& entry : std::filesystem::directory_iterator(given, error)) {
                std::string extension = entry.path().extension().string();
                std::transform(extension.begin(), extension.end(), extension.begin(),
                               [](unsigned char ch) { return static_cast<char>(std::tolower(ch)); });
                if (extension == ".csv") inside.push_back(entry.path());  // what import reads of a folder
            }
            std::sort(inside.begin(), inside.end());
            for (const auto& path : inside) out.push_back({path.string(), sha256_of(path)});
        } else {
            out.push_back({given, sha256_of(given)});
        }
    }
    return out;
}

}  // namespace kizuna::app
