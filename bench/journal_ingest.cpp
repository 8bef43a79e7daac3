// Journal benchmarks: durable ingestion with concurrent writers, and search over a large
// generated index.
//   journal_ingest ingest DIR CORPUS_DIR [N=2000] [THREADS=20]
//   journal_ingest gen-index DB [N=1000000]
//   journal_ingest search DB [QUERIES=20]
#include <dirent.h>
#include <sys/stat.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "journal/codec.h"
#include "journal/journal.h"
#include "journal/records.h"

using namespace ord::journal;
using Clock_ = std::chrono::steady_clock;

namespace {

double secs(Clock_::time_point a) { return std::chrono::duration<double>(Clock_::now() - a).count(); }

int ingest(const std::string& dir, const std::string& corpus, int n, int threads) {
    std::vector<std::string> raws, texts;
    DIR* d = ::opendir(corpus.c_str());
    if (!d) return std::fprintf(stderr, "cannot open %s\n", corpus.c_str()), 2;
    std::vector<std::string> names;
    while (auto* e = ::readdir(d))
        if (std::string(e->d_name).size() > 4 && std::string(e->d_name).rfind(".eml") == std::string(e->d_name).size() - 4)
            names.push_back(corpus + "/" + e->d_name);
    ::closedir(d);
    std::sort(names.begin(), names.end());
    for (const auto& p : names) {
        std::ifstream in(p, std::ios::binary);
        raws.emplace_back(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
        texts.push_back(body_text_of_raw(raws.back()));  // the milter has this from its own parse
    }
    if (raws.empty()) return std::fprintf(stderr, "no .eml in %s\n", corpus.c_str()), 2;
    auto store = FsStore::open(dir);
    if (!store) return std::fprintf(stderr, "%s\n", store.error().message.c_str()), 2;
    auto idx = JournalIndex::open(dir + "/index.sqlite");
    if (!idx) return std::fprintf(stderr, "%s\n", idx.error().message.c_str()), 2;
    auto w = JournalWriter::open(std::move(*store), std::move(*idx), {});
    if (!w) return std::fprintf(stderr, "%s\n", w.error().message.c_str()), 2;
    std::atomic<int> next{0};
    std::atomic<uint64_t> bytes{0};
    std::vector<double> lat;
    std::mutex lat_mu;
    auto t0 = Clock_::now();
    std::vector<std::thread> ts;
    for (int t = 0; t < threads; ++t)
        ts.emplace_back([&, t] {
            std::vector<double> mine;
            for (int i; (i = next++) < n;) {
                const std::string& raw = raws[static_cast<size_t>(i) % raws.size()];
                JournalEntry e;
                e.mail_from = "sender" + std::to_string(t) + "@modot.mo.gov";
                e.rcpts = {"rcpt" + std::to_string(i % 97) + "@modot.mo.gov"};
                e.queue_id = "Q" + std::to_string(i);
                e.verdict = "accept";
                auto s = Clock_::now();
                auto r = (*w)->record(e, raw, true, texts[static_cast<size_t>(i) % texts.size()]);
                mine.push_back(secs(s) * 1000);
                if (!r) {
                    std::fprintf(stderr, "record: %s\n", r.error().message.c_str());
                    std::exit(1);
                }
                bytes += raw.size();
            }
            std::lock_guard<std::mutex> l(lat_mu);
            lat.insert(lat.end(), mine.begin(), mine.end());
        });
    for (auto& t : ts) t.join();
    double el = secs(t0);
    std::sort(lat.begin(), lat.end());
    std::printf("journal ingest: %d messages (%zu-file corpus, %.1f KB avg), %d writers, durable (fsync+rename+dir fsync+chain): "
                "%.0f msg/s, %.1f MB/s raw; latency p50 %.1f ms p99 %.1f ms\n",
                n, raws.size(), bytes / 1024.0 / n, threads, n / el, bytes / el / 1e6, lat[lat.size() / 2],
                lat[lat.size() * 99 / 100]);
    auto v = verify((*w)->store(), system_clock()());
    std::printf("verify: %s, %zu links\n", v && v->ok() ? "ok" : "FAILED", v ? v->links : 0);
    return v && v->ok() ? 0 : 1;
}

const char* kWords[] = {"bridge", "budget", "contract", "inspection", "meeting", "report", "schedule", "highway",
                        "district", "permit", "invoice", "survey", "traffic", "safety", "paving", "culvert",
                        "review", "draft", "approval", "county", "project", "deadline", "vendor", "grant",
                        "ordinance", "records", "request", "minutes", "agenda", "commission"};

int gen_index(const std::string& db, int n) {
    auto idx = JournalIndex::open(db);
    if (!idx) return std::fprintf(stderr, "%s\n", idx.error().message.c_str()), 2;
    std::mt19937_64 rng(42);
    const int people = 5000;
    const int64_t start = *parse_utc("2021-01-01"), span = 5LL * 365 * 86400;
    auto t0 = Clock_::now();
    const int batch = 20000;
    std::vector<JournalEntry> es(batch);
    std::vector<JournalIndex::Item> items(batch);
    for (int done = 0; done < n;) {
        int m = std::min(batch, n - done);
        for (int i = 0; i < m; ++i) {
            JournalEntry& e = es[i];
            int k = done + i;
            e = JournalEntry{};
            e.id = "gen-" + std::to_string(k);
            e.time = start + static_cast<int64_t>(static_cast<uint64_t>(k) * span / static_cast<uint64_t>(n));
            e.mail_from = "user" + std::to_string(rng() % people) + "@modot.mo.gov";
            int nr = 1 + static_cast<int>(rng() % 3);
            for (int r = 0; r < nr; ++r) e.rcpts.push_back("user" + std::to_string(rng() % people) + "@modot.mo.gov");
            e.message_id = "<gen-" + std::to_string(k) + "@bench>";
            e.queue_id = "G" + std::to_string(k);
            e.subject = std::string(kWords[rng() % 30]) + " " + kWords[rng() % 30] + " " + std::to_string(k % 1000);
            e.verdict = "accept";
            e.retention_class = "default";
            e.has_body = true;
            e.size = 2000;
            std::string body;
            for (int w = 0; w < 40; ++w) body += std::string(kWords[rng() % 30]) + " ";
            items[i] = {&es[i], "entries/x/" + e.id + ".ojm", std::string(64, '0'), body};
        }
        std::vector<JournalIndex::Item> slice(items.begin(), items.begin() + m);
        if (auto r = (*idx)->insert(slice); !r) return std::fprintf(stderr, "%s\n", r.error().message.c_str()), 2;
        done += m;
        if (done % 200000 == 0) std::fprintf(stderr, "  %d rows, %.0f s\n", done, secs(t0));
    }
    std::printf("gen-index: %d messages in %.1f s (%.0f rows/s)\n", n, secs(t0), n / secs(t0));
    return 0;
}

int search(const std::string& db, int queries) {
    auto idx = JournalIndex::open(db);
    if (!idx) return std::fprintf(stderr, "%s\n", idx.error().message.c_str()), 2;
    std::printf("index: %lld messages\n", static_cast<long long>((*idx)->count().ok() ? (*idx)->count().value() : -1));
    std::mt19937_64 rng(7);
    struct Kind {
        const char* name;
        std::vector<double> ms;
        size_t rows = 0;
    } kinds[] = {{"participant + 1-year range", {}}, {"participant, all time", {}}, {"participant + range + text", {}},
                 {"text only (2 words)", {}}};
    for (int q = 0; q < queries; ++q) {
        std::string who = "user" + std::to_string(rng() % 5000) + "@modot.mo.gov";
        int64_t since = *parse_utc("2022-01-01") + static_cast<int64_t>(rng() % (2 * 365)) * 86400;
        for (int k = 0; k < 4; ++k) {
            SearchQuery sq;
            if (k < 3) sq.participants = {who};
            if (k == 0 || k == 2) {
                sq.since = since;
                sq.until = since + 365 * 86400;
            }
            if (k == 2) sq.text = kWords[rng() % 30];
            if (k == 3) sq.text = std::string(kWords[rng() % 30]) + " " + kWords[rng() % 30], sq.limit = 1000;
            auto t0 = Clock_::now();
            auto r = (*idx)->search(sq);
            kinds[k].ms.push_back(secs(t0) * 1000);
            if (!r) return std::fprintf(stderr, "%s\n", r.error().message.c_str()), 2;
            kinds[k].rows += r->size();
        }
    }
    for (auto& k : kinds) {
        std::sort(k.ms.begin(), k.ms.end());
        std::printf("search %-28s median %7.1f ms  max %7.1f ms  avg rows %zu\n", k.name, k.ms[k.ms.size() / 2],
                    k.ms.back(), k.rows / k.ms.size());
    }
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    std::vector<std::string> a(argv + 1, argv + argc);
    if (a.size() >= 3 && a[0] == "ingest")
        return ingest(a[1], a[2], a.size() > 3 ? std::atoi(a[3].c_str()) : 2000, a.size() > 4 ? std::atoi(a[4].c_str()) : 20);
    if (a.size() >= 2 && a[0] == "gen-index") return gen_index(a[1], a.size() > 2 ? std::atoi(a[2].c_str()) : 1000000);
    if (a.size() >= 2 && a[0] == "search") return search(a[1], a.size() > 2 ? std::atoi(a[2].c_str()) : 20);
    std::fprintf(stderr,
                 "usage: journal_ingest ingest DIR CORPUS_DIR [N] [THREADS]\n"
                 "       journal_ingest gen-index DB [N]\n       journal_ingest search DB [QUERIES]\n");
    return 2;
}
