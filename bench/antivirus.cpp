// bench/antivirus: what scanning costs. Loads the configured signatures (time and RSS), then
// over a directory of .eml files compares, per message: our parse alone, parse + every
// decoded leaf part through libclamav (what AntivirusCheck does), and the raw message handed
// whole to libclamav's own mail parser (what clamav-milter does), and parse + parts again with
// the engine's cache of clean results warm (the same messages seen before: antivirus.scan_cache_mb).
// Prints msg/s and us/msg.
//
//   build-av/bench/antivirus CONFIG DIR [ROUNDS]
#include <dirent.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "checks/assemble.h"
#include "checks/clamav_engine.h"
#include "policy/config.h"
#include "mime/parse.h"

namespace {

long rss_kb() {
    long pages = 0, rss = 0;
    if (FILE* f = std::fopen("/proc/self/statm", "r")) {
        if (std::fscanf(f, "%ld %ld", &pages, &rss) != 2) rss = 0;
        std::fclose(f);
    }
    return rss * 4;
}

std::vector<std::string> read_dir(const std::string& dir) {
    std::vector<std::string> names, out;
    if (DIR* d = opendir(dir.c_str())) {
        while (dirent* e = readdir(d)) {
            std::string n = e->d_name;
            if (n.size() > 4 && n.compare(n.size() - 4, 4, ".eml") == 0) names.push_back(dir + "/" + n);
        }
        closedir(d);
    }
    std::sort(names.begin(), names.end());
    for (const auto& n : names) {
        std::ifstream in(n, std::ios::binary);
        std::stringstream ss;
        ss << in.rdbuf();
        out.push_back(ss.str());
    }
    return out;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 3) {
        std::fprintf(stderr, "usage: %s CONFIG DIR [ROUNDS]\n", argv[0]);
        return 2;
    }
    int rounds = argc > 3 ? std::atoi(argv[3]) : 3;
    auto cfg = ord::load_config(argv[1]);
    if (!cfg) {
        std::fprintf(stderr, "%s\n", cfg.error().message.c_str());
        return 2;
    }
    const auto& c = **cfg;
    ord::Config::Antivirus uncached = c.antivirus;
    uncached.scan_cache_mb = 0;  // every part scanned, every round: the cost of mail never seen before
    long rss0 = rss_kb();
    auto av = ord::ClamAvEngine::load(uncached, c.resolve(c.antivirus.database));
    long rss1 = rss_kb();
    ord::Config::Antivirus with_cache = c.antivirus;
    if (with_cache.scan_cache_mb == 0) with_cache.scan_cache_mb = 16;
    auto cached = av ? ord::ClamAvEngine::load(with_cache, c.resolve(c.antivirus.database)) : av;
    if (!av || !cached) {
        std::fprintf(stderr, "%s\n", av.error().message.c_str());
        return 2;
    }
    std::printf("antivirus: database=%s signatures=%u load+compile=%.1f ms RSS +%ld KB\n", (*av)->database().c_str(),
                (*av)->signatures(), (*av)->load_ms(), rss1 - rss0);

    auto msgs = read_dir(argv[2]);
    if (msgs.empty()) {
        std::fprintf(stderr, "no .eml files in %s\n", argv[2]);
        return 2;
    }
    using clock = std::chrono::steady_clock;
    // Parses every message and scans its decoded leaf parts with `engine`; returns detections.
    std::size_t parts = 0;
    auto scan_parts = [&](const ord::ClamAvEngine& engine) {
        std::size_t h = 0;
        parts = 0;
        for (const auto& m : msgs) {
            ord::mime::Message msg = ord::mime::parse(m, c.limits);
            msg.for_each_part([&](const ord::mime::Part& p) {
                if (!p.children.empty() || p.embedded || p.is_multipart() || p.body.empty()) return;
                ++parts;
                if (engine.scan(p.body, p.filename).status != ord::AvScan::Status::Clean) ++h;
            });
        }
        return h;
    };
    scan_parts(**cached);  // fills the cache
    double best[4] = {1e99, 1e99, 1e99, 1e99};
    std::size_t hits[3] = {0, 0, 0}, anomalies = 0;
    for (int r = 0; r < rounds; ++r) {
        auto t0 = clock::now();
        for (const auto& m : msgs) anomalies += ord::mime::parse(m, c.limits).anomalies.size();
        auto t1 = clock::now();
        hits[0] = scan_parts(**av);
        auto t2 = clock::now();
        std::size_t hr = 0;
        for (const auto& m : msgs)
            if ((*av)->scan(m, "message.eml").status != ord::AvScan::Status::Clean) ++hr;
        hits[1] = hr;
        auto t3 = clock::now();
        hits[2] = scan_parts(**cached);
        auto t4 = clock::now();
        best[0] = std::min(best[0], std::chrono::duration<double>(t1 - t0).count());
        best[1] = std::min(best[1], std::chrono::duration<double>(t2 - t1).count());
        best[2] = std::min(best[2], std::chrono::duration<double>(t3 - t2).count());
        best[3] = std::min(best[3], std::chrono::duration<double>(t4 - t3).count());
    }
    std::size_t scans = parts;
    volatile std::size_t keep = anomalies;  // the parse-only pass is not optimised away
    (void)keep;
    double n = static_cast<double>(msgs.size());
    std::printf("antivirus: %zu messages, %zu leaf parts, best of %d\n", msgs.size(), scans, rounds);
    std::printf("antivirus: parse only        %8.0f msg/s  %8.1f us/msg\n", n / best[0], 1e6 * best[0] / n);
    std::printf("antivirus: parse + parts     %8.0f msg/s  %8.1f us/msg  (scan adds %.1f us/msg; detections %zu)\n",
                n / best[1], 1e6 * best[1] / n, 1e6 * (best[1] - best[0]) / n, hits[0]);
    std::printf("antivirus: raw, clamav mail  %8.0f msg/s  %8.1f us/msg  (detections %zu)\n", n / best[2],
                1e6 * best[2] / n, hits[1]);
    auto st = (*cached)->cache_stats();
    std::printf("antivirus: parts, seen before %7.0f msg/s  %8.1f us/msg  (scan adds %.1f us/msg; detections %zu; "
                "cache %llu entries %llu KB)\n",
                n / best[3], 1e6 * best[3] / n, 1e6 * (best[3] - best[0]) / n, hits[2],
                static_cast<unsigned long long>(st.entries), static_cast<unsigned long long>(st.bytes / 1024));
    return 0;
}
