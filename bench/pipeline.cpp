// bench/pipeline: messages per second through parse + checks (scan_message), in process, on
// one core, over a generated mixed corpus (2 KB text, 20 KB HTML, 200 KB with a base64
// attachment), next to a baseline that only reads the same bytes. Prints both and the ratio.
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <algorithm>
#include <random>
#include <string>
#include <vector>

#include "checks/assemble.h"
#include "mime/codec.h"
#include "policy/engine.h"
#include "cache/memory_policy_store.h"
#include "checks/content_check.h"
#include "checks/classifier.h"
#include "config/reader.h"
#include "checks/scan.h"
#include "mime/parse.h"

namespace {

std::string words(std::mt19937& rng, size_t bytes) {
    static const char* kWords[] = {"district", "bridge", "maintenance", "schedule", "report", "project",
                                   "budget", "meeting", "highway", "contract", "review", "please",
                                   "the", "and", "for", "with", "update", "Friday", "inspection", "plan"};
    std::string out;
    size_t col = 0;
    while (out.size() < bytes) {
        const char* w = kWords[rng() % (sizeof kWords / sizeof *kWords)];
        out += w;
        col += std::strlen(w) + 1;
        if (col > 70) {
            out += "\r\n";
            col = 0;
        } else {
            out += ' ';
        }
    }
    return out;
}

std::string base64(const std::string& in) { return ord::mime::encode_base64(in); }

std::string headers(int i, const char* ct) {
    return "From: Alice Example <alice@modot.mo.gov>\r\nTo: bob@modot.mo.gov\r\nSubject: Weekly report " +
           std::to_string(i) + "\r\nDate: Tue, 24 Nov 2026 10:00:00 +0000\r\nMessage-ID: <" + std::to_string(i) +
           "@bench.modot.mo.gov>\r\nMIME-Version: 1.0\r\nContent-Type: " + ct + "\r\n";
}

std::vector<std::string> corpus(size_t n) {
    std::mt19937 rng(42);
    std::vector<std::string> out;
    for (size_t i = 0; i < n; ++i) {
        switch (i % 3) {
            case 0:
                out.push_back(headers(i, "text/plain; charset=utf-8") + "\r\n" + words(rng, 2000));
                break;
            case 1: {
                std::string text = words(rng, 9000);
                std::string html = "<html><body><p>" + words(rng, 9000) + "</p><table><tr><td>x</td></tr></table></body></html>";
                out.push_back(headers(i, "multipart/alternative; boundary=\"alt\"") +
                              "\r\n--alt\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n" + text +
                              "\r\n--alt\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + html + "\r\n--alt--\r\n");
                break;
            }
            default: {
                std::string blob(145000, '\0');
                for (auto& c : blob) c = static_cast<char>(rng());
                out.push_back(headers(i, "multipart/mixed; boundary=\"mix\"") +
                              "\r\n--mix\r\nContent-Type: text/plain\r\n\r\n" + words(rng, 1000) +
                              "\r\n--mix\r\nContent-Type: application/pdf; name=\"plan.pdf\"\r\n"
                              "Content-Disposition: attachment; filename=\"plan.pdf\"\r\n"
                              "Content-Transfer-Encoding: base64\r\n\r\n" +
                              base64(blob) + "\r\n--mix--\r\n");
            }
        }
    }
    return out;
}

long rss_kb() {
    long pages = 0, rss = 0;
    if (FILE* f = std::fopen("/proc/self/statm", "r")) {
        if (std::fscanf(f, "%ld %ld", &pages, &rss) != 2) rss = 0;
        std::fclose(f);
    }
    return rss * 4;
}

// The content check's share (issue 5), in one run: parse only, then parse + the content
// check alone (all shipped rule files), and the cost of compiling the rule files.
void content_cost(const std::string& config, const std::vector<std::string>& msgs, const ord::Envelope& env,
                  int rounds) {
    using clock = std::chrono::steady_clock;
    auto cfg = ord::load_config(config);
    if (!cfg) return;
    long rss0 = rss_kb();
    auto t0 = clock::now();
    ord::ContentCheck check(**cfg);
    auto t1 = clock::now();
    // The direction the check reads, worked out as the Engine does (policy/context.h).
    ord::PolicyData org;
    org.internal_domains = (*cfg)->organisation.internal_domains;
    org.trusted_networks = (*cfg)->organisation.trusted_networks;
    std::string org_error;
    auto org_store = ord::MemoryPolicyStore::build(org, org_error);
    if (!org_store) return;
    const ord::MessageContext ctx = ord::make_context(*org_store, env, ord::Deadline::never());
    long rss1 = rss_kb();
    std::size_t patterns = check.pattern_count();  // loading the rule files is part of the cost
    double best_parse = 1e99, best_content = 1e99;
    const ord::mime::Limits& limits = (*cfg)->limits;
    size_t sink = 0, findings = 0;
    for (int r = 0; r < rounds; ++r) {
        auto a = clock::now();
        for (const auto& m : msgs) sink += ord::mime::parse(m, limits).anomalies.size();
        auto b = clock::now();
        for (const auto& m : msgs) {
            ord::mime::Message msg = ord::mime::parse(m, limits);
            ord::Findings out;
            check.on_message(ctx, msg, out);
            findings += out.size();
        }
        auto c = clock::now();
        best_parse = std::min(best_parse, std::chrono::duration<double>(b - a).count());
        best_content = std::min(best_content, std::chrono::duration<double>(c - b).count());
    }
    double n = static_cast<double>(msgs.size());
    std::printf("content: parse-only=%.0f msg/s  parse+content=%.0f msg/s  content costs %.1f%% on top of parsing "
                "(%.1f us/msg)%s\n",
                n / best_parse, n / best_content, 100.0 * (best_content - best_parse) / best_parse,
                1e6 * (best_content - best_parse) / n, findings ? "  (findings on a clean corpus!)" : "");
    if (!(*cfg)->content.model.empty()) {
        // The classifier's model alone: load time and resident memory (a second copy, as a reload makes).
        long m0 = rss_kb();
        auto l0 = clock::now();
        auto model = ord::ContentModel::load(ord::resolve_path((*cfg)->data_dir, (*cfg)->content.model));
        auto l1 = clock::now();
        if (model)
            std::printf("content: model %zu features x %zu categories loaded in %.1f ms, RSS +%ld KB\n",
                        (*model)->feature_count(), (*model)->categories().size(),
                        std::chrono::duration<double>(l1 - l0).count() * 1e3, rss_kb() - m0);
    }
    std::printf("content: %zu patterns from %zu rule files compiled in %.1f ms, RSS +%ld KB after compiling, "
                "+%ld KB after matching (DFA caches; sink %zu)\n",
                patterns, (*cfg)->content.rules.size(), std::chrono::duration<double>(t1 - t0).count() * 1e3,
                rss1 - rss0, rss_kb() - rss0, sink % 10);
}

}  // namespace

int main(int argc, char** argv) {
    std::string config = argc > 1 ? argv[1] : "config/examples/ordinance.toml";
    size_t n = argc > 2 ? std::strtoul(argv[2], nullptr, 10) : 3000;
    int rounds = argc > 3 ? std::atoi(argv[3]) : 3;
    auto engine = ord::load_engine(config, {});
    if (!engine) {
        std::fprintf(stderr, "%s\n", engine.error().message.c_str());
        return 2;
    }
    auto msgs = corpus(n);
    size_t bytes = 0;
    for (const auto& m : msgs) bytes += m.size();
    ord::Envelope env;
    env.client_addr = "127.0.0.1";
    env.rcpts = {"bob@modot.mo.gov"};

    using clock = std::chrono::steady_clock;
    double best_base = 1e99, best_pipe = 1e99;
    volatile uint64_t sink = 0;
    size_t findings = 0;
    for (int r = 0; r < rounds; ++r) {
        auto t0 = clock::now();
        uint64_t sum = 0;
        for (const auto& m : msgs)
            for (unsigned char c : m) sum += c;  // the baseline: touch every byte once
        sink = sink + sum;
        auto t1 = clock::now();
        for (const auto& m : msgs) findings += ord::scan_message(**engine, env, m).decision.findings.size();
        auto t2 = clock::now();
        best_base = std::min(best_base, std::chrono::duration<double>(t1 - t0).count());
        best_pipe = std::min(best_pipe, std::chrono::duration<double>(t2 - t1).count());
    }
    double base_rate = n / best_base, pipe_rate = n / best_pipe;
    std::printf("pipeline: corpus=%zu messages (%.1f MB, mixed 2KB text / 20KB html / 200KB base64), best of %d\n",
                n, bytes / 1e6, rounds);
    std::printf("pipeline: baseline(read bytes)=%.0f msg/s  parse+checks=%.0f msg/s  ratio=%.4f  (%.1f MB/s)\n",
                base_rate, pipe_rate, pipe_rate / base_rate, bytes / best_pipe / 1e6);
    if (findings) std::printf("pipeline: note: %zu findings on a clean corpus\n", findings);
    content_cost(config, msgs, env, rounds);
    return 0;
}
