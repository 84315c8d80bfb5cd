#include "synthetic_graph.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <random>
#include <stdexcept>
#include <string>
#include <vector>

#include "kizuna/core/csv_format.h"

namespace kizuna::bench {

namespace {

// Relation types of the default vocabulary, weighted like a health-industry registry: many MOUs and
// partnerships, fewer acquisitions and joint ventures.
struct TypeShare {
    const char* id;
    int weight;
};
constexpr std::array<TypeShare, 7> kTypes = {{{"mou", 30},
                                              {"partnership", 25},
                                              {"cooperation", 15},
                                              {"acquisition", 10},
                                              {"joint_venture", 8},
                                              {"subsidiary_of", 7},
                                              {"supports", 5}}};
constexpr std::array<const char*, 6> kKinds = {"company",    "company",  "company",
                                               "university", "hospital", "ministry"};
constexpr std::array<const char*, 6> kCountries = {"JP", "VN", "JP", "VN", "TH", "SG"};

std::string entity_id(std::size_t n) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "org-%07zu", n);
    return buffer;
}

std::string relation_id(std::size_t n) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "rel-%08zu", n);
    return buffer;
}

std::string date(std::mt19937_64& random, int from_year) {
    const int year = from_year + static_cast<int>(random() % static_cast<unsigned>(2026 - from_year));
    char buffer[16];
    switch (random() % 3) {
        case 0:
            std::snprintf(buffer, sizeof buffer, "%04d", year);
            break;
        case 1:
            std::snprintf(buffer, sizeof buffer, "%04d-%02d", year, static_cast<int>(1 + random() % 12));
            break;
        default:
            std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", year, static_cast<int>(1 + random() % 12),
                          static_cast<int>(1 + random() % 28));
    }
    return buffer;
}

std::ofstream open_for_writing(const std::filesystem::path& path) {
    std::ofstream out(path, std::ios::binary);
    if (!out) throw std::runtime_error(path.string() + ": cannot write");
    return out;
}

}  // namespace

SyntheticFiles write_synthetic_graph(const SyntheticSpec& spec, const std::filesystem::path& dir) {
    const std::size_t n = spec.entities != 0 ? spec.entities : std::max<std::size_t>(spec.relations / 10, 2);
    std::filesystem::create_directories(dir / "data");
    SyntheticFiles files{dir / "data" / "entities.csv", dir / "data" / "relations.csv", dir / "pairs.csv", n,
                         spec.relations};
    std::mt19937_64 random(spec.seed);

    // Vertex labels are shuffled so that hubs are spread over the id range, as in real data.
    std::vector<std::uint32_t> label(n);
    for (std::size_t i = 0; i < n; ++i) label[i] = static_cast<std::uint32_t>(i);
    std::shuffle(label.begin(), label.end(), random);

    {
        auto out = open_for_writing(files.entities);
        out << format_csv_row(
            {"id", "kind", "name_en", "name_ja", "name_vi", "aliases", "country", "attributes", "sources"});
        for (std::size_t i = 0; i < n; ++i) {
            const std::string number = std::to_string(i);
            const char* country = kCountries[i % kCountries.size()];
            out << format_csv_row({entity_id(i), kKinds[(i / 7) % kKinds.size()], "Organisation " + number,
                                   "組織" + number, std::string(country) == "VN" ? "Tổ chức " + number : "",
                                   "ORG" + number, country, "", ""});
        }
    }

    // Chung-Lu style: endpoints drawn with probability proportional to w_i = (i + 1)^(-1 / (gamma - 1)),
    // gamma = 2.5, which gives a power-law degree distribution.
    std::vector<double> cumulative(n);
    double total = 0;
    for (std::size_t i = 0; i < n; ++i) {
        total += std::pow(static_cast<double>(i + 1), -1.0 / 1.5);
        cumulative[i] = total;
    }
    std::uniform_real_distribution<double> unit(0.0, total);
    auto endpoint = [&] {
        const auto it = std::upper_bound(cumulative.begin(), cumulative.end(), unit(random));
        return label[std::min<std::size_t>(static_cast<std::size_t>(it - cumulative.begin()), n - 1)];
    };
    int weight_total = 0;
    for (const auto& type : kTypes) weight_total += type.weight;
    {
        auto out = open_for_writing(files.relations);
        out << format_csv_row({"id", "type", "from", "to", "start", "end", "attributes", "sources"});
        for (std::size_t r = 0; r < spec.relations; ++r) {
            std::uint32_t a = endpoint(), b = endpoint();
            while (a == b) b = endpoint();
            int pick = static_cast<int>(random() % static_cast<unsigned>(weight_total));
            const char* type = kTypes.back().id;
            for (const auto& share : kTypes) {
                if (pick < share.weight) {
                    type = share.id;
                    break;
                }
                pick -= share.weight;
            }
            std::string start = random() % 10 == 0 ? "" : date(random, 1990);
            std::string end =
                !start.empty() && random() % 5 == 0 ? date(random, std::stoi(start.substr(0, 4))) : "";
            if (!end.empty() && end.compare(0, 4, start, 0, 4) == 0)
                end = end.substr(0, 4);  // same year: coarse
            out << format_csv_row({relation_id(r), type, entity_id(a), entity_id(b), start, end, "",
                                   "Synthetic registry | | row " + std::to_string(r + 2)});
        }
    }
    {
        auto out = open_for_writing(files.pairs);
        out << format_csv_row({"from", "to"});
        std::uniform_int_distribution<std::size_t> any(0, n - 1);
        for (std::size_t i = 0; i < spec.pairs; ++i)
            out << format_csv_row({entity_id(any(random)), entity_id(any(random))});
    }
    return files;
}

}  // namespace kizuna::bench
