// bench/forwarding: what the forwarding check (issue 17) costs, in process, on one core:
// parse + engine with the check on versus off, on a mixed corpus and on a forwarding-heavy one
// (tests/corpus/forwarding), the check alone on top of parsing, and the journal lookups it
// makes (recipients_of by Message-ID, recipients_by sender + subject + window) at p50/p99 on
// an index made by `journal_ingest gen-index DB 1000000`.
//   forwarding CONFIG CORPUS_DIR [ROUNDS=3] [INDEX_DB] [QUERIES=2000]
#include <dirent.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include "checks/assemble.h"
#include "checks/forwarding.h"
#include "checks/journal_history.h"
#include "checks/scan.h"
#include "mime/parse.h"
#include "policy/context.h"

namespace {

using Clock_ = std::chrono::steady_clock;
double secs(Clock_::time_point a, Clock_::time_point b) { return std::chrono::duration<double>(b - a).count(); }

std::vector<std::string> load_dir(const std::string& dir) {
    std::vector<std::string> names, out;
    if (DIR* d = ::opendir(dir.c_str())) {
        while (auto* e = ::readdir(d)) {
            std::string n = e->d_name;
            if (n.size() > 4 && n.compare(n.size() - 4, 4, ".eml") == 0) names.push_back(dir + "/" + n);
        }
        ::closedir(d);
    }
    std::sort(names.begin(), names.end());
    for (const auto& p : names) {
        std::ifstream in(p, std::ios::binary);
        out.emplace_back(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    }
    return out;
}

// The pipeline bench's kind of ordinary mail: 2 KB text, 20 KB HTML, 200 KB with an attachment.
std::vector<std::string> mixed(std::size_t n) {
    std::mt19937 rng(42);
    const char* kWords[] = {"district", "bridge", "schedule", "report", "budget", "meeting", "highway", "the", "and"};
    auto words = [&](std::size_t bytes) {
        std::string s;
        while (s.size() < bytes) s += std::string(kWords[rng() % 9]) + (s.size() % 70 < 8 ? "\r\n" : " ");
        return s;
    };
    std::vector<std::string> out;
    for (std::size_t i = 0; i < n; ++i) {
        std::string h = "From: Alice <alice@modot.mo.gov>\r\nTo: bob@modot.mo.gov\r\nSubject: Weekly report " +
                        std::to_string(i) + "\r\nMessage-ID: <" + std::to_string(i) + "@bench>\r\nMIME-Version: 1.0\r\n";
        if (i % 3 == 0) out.push_back(h + "Content-Type: text/plain\r\n\r\n" + words(2000));
        else if (i % 3 == 1) out.push_back(h + "Content-Type: text/html\r\n\r\n<html><body><p>" + words(20000) + "</p></body></html>\r\n");
        else
            out.push_back(h + "Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\n" +
                          words(1000) + "\r\n--b\r\nContent-Type: application/octet-stream; name=x.bin\r\n"
                          "Content-Transfer-Encoding: base64\r\n\r\n" + std::string(200000 / 76 * 78, 'A') + "\r\n--b--\r\n");
    }
    return out;
}

ord::Envelope envelope_of(const std::string& raw) {
    ord::Envelope env;
    env.client_addr = "127.0.0.1";
    ord::mime::Message m = ord::mime::parse(raw);
    env.mail_from = ord::extract_address(m.header("from"));
    std::string to = ord::extract_address(m.header("to"));
    env.rcpts = {to.empty() ? "bob@modot.mo.gov" : to};
    return env;
}

void engine_cost(const char* label, const std::vector<std::string>& msgs, const std::string& config, int rounds) {
    auto on = ord::load_engine(config, {"journal.enabled=false"});
    auto off = ord::load_engine(config, {"journal.enabled=false", "forwarding.enabled=false"});
    if (!on || !off) {
        std::fprintf(stderr, "%s\n", (!on ? on.error() : off.error()).message.c_str());
        std::exit(2);
    }
    std::vector<ord::Envelope> envs;
    std::vector<ord::mime::Message> parsed;
    for (const auto& m : msgs) {
        envs.push_back(envelope_of(m));
        parsed.push_back(ord::mime::parse(m, (*on)->config().limits));
    }
    // The check alone, on messages parsed once (its own cost, without the engine's noise).
    const ord::Services& sv = (*on)->services();
    ord::ForwardingCheck check((*on)->config(), sv.policy, nullptr, sv.clock);
    double best_on = 1e99, best_off = 1e99, best_check = 1e99;
    std::size_t findings = 0;
    for (int r = 0; r < rounds; ++r) {
        // Alternate which engine goes first: the second of two runs gains from a warm cache.
        for (int pass = 0; pass < 2; ++pass) {
            bool with = (pass == 0) == (r % 2 == 0);
            const ord::Engine& e = with ? **on : **off;
            auto a = Clock_::now();
            for (std::size_t i = 0; i < msgs.size(); ++i) findings += ord::scan_message(e, envs[i], msgs[i]).decision.findings.size();
            double t = secs(a, Clock_::now());
            (with ? best_on : best_off) = std::min(with ? best_on : best_off, t);
        }
        auto a = Clock_::now();
        for (std::size_t i = 0; i < msgs.size(); ++i) {
            ord::MessageContext ctx = ord::make_context(*sv.policy, envs[i], ord::Deadline::never());
            ord::Findings out;
            check.on_message(ctx, parsed[i], out);
            findings += out.size();
        }
        best_check = std::min(best_check, secs(a, Clock_::now()));
    }
    double n = static_cast<double>(msgs.size());
    std::printf("%-17s %5zu msgs  engine without the check %6.0f msg/s, with %6.0f msg/s (%+5.1f%%)  the check alone "
                "%5.1f us/msg (%.1f%% of the engine's time)\n",
                label, msgs.size(), n / best_off, n / best_on, 100.0 * (best_on - best_off) / best_off, 1e6 * best_check / n,
                100.0 * best_check / best_on);
    (void)findings;
}

void lookups(const std::string& db, int queries) {
    ord::JournalHistory h(db);
    std::mt19937_64 rng(11);
    const char* kWords[] = {"bridge", "budget", "contract", "inspection", "meeting", "report", "schedule", "highway",
                            "district", "permit", "invoice", "survey", "traffic", "safety", "paving", "culvert",
                            "review", "draft", "approval", "county", "project", "deadline", "vendor", "grant",
                            "ordinance", "records", "request", "minutes", "agenda", "commission"};
    std::vector<double> by_id, by_sender, miss;
    std::size_t found = 0;
    const int64_t start = 1609459200;  // 2021-01-01, as gen-index
    for (int q = 0; q < queries; ++q) {
        int k = static_cast<int>(rng() % 1000000);
        auto a = Clock_::now();
        auto r = h.recipients_of("<gen-" + std::to_string(k) + "@bench>", ord::Deadline::never());
        auto b = Clock_::now();
        found += r.found();
        by_id.push_back(secs(a, b) * 1000);
        // A quoted original without Message-ID: sender, subject, a five-day window.
        int64_t t = start + static_cast<int64_t>(rng() % (5LL * 365 * 86400));
        std::string who = "user" + std::to_string(rng() % 5000) + "@modot.mo.gov";
        std::string subject = std::string(kWords[rng() % 30]) + " " + kWords[rng() % 30] + " " + std::to_string(rng() % 1000);
        a = Clock_::now();
        auto s = h.recipients_by(who, "FW: " + subject, t - 2 * 86400, t + 3 * 86400, ord::Deadline::never());
        b = Clock_::now();
        by_sender.push_back(secs(a, b) * 1000);
        a = Clock_::now();
        auto m = h.recipients_of("<absent-" + std::to_string(q) + "@nowhere>", ord::Deadline::never());
        b = Clock_::now();
        miss.push_back(secs(a, b) * 1000);
        if (s.unavailable() || m.unavailable()) {
            std::fprintf(stderr, "%s\n", (s.unavailable() ? s.reason() : m.reason()).c_str());
            std::exit(2);
        }
    }
    auto report = [&](const char* what, std::vector<double>& v) {
        std::sort(v.begin(), v.end());
        std::printf("journal %-38s p50 %6.3f ms  p99 %6.3f ms  max %6.3f ms\n", what, v[v.size() / 2],
                    v[v.size() * 99 / 100], v.back());
    };
    std::printf("journal lookups: %d queries each on %s (%zu of %d Message-IDs found)\n", queries, db.c_str(), found, queries);
    report("recipients_of (Message-ID present)", by_id);
    report("recipients_of (Message-ID absent)", miss);
    report("recipients_by (sender, subject, 5 days)", by_sender);
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 3) {
        std::fprintf(stderr, "usage: forwarding CONFIG CORPUS_DIR [ROUNDS=3] [INDEX_DB] [QUERIES=2000]\n");
        return 2;
    }
    std::string config = argv[1], corpus = argv[2];
    int rounds = argc > 3 ? std::atoi(argv[3]) : 3;
    auto fwd = load_dir(corpus);
    if (fwd.empty()) return std::fprintf(stderr, "no .eml in %s\n", corpus.c_str()), 2;
    std::vector<std::string> heavy;
    while (heavy.size() < 3000) heavy.insert(heavy.end(), fwd.begin(), fwd.end());
    engine_cost("mixed", mixed(3000), config, rounds);
    engine_cost("forwarding-heavy", heavy, config, rounds);
    if (argc > 4) lookups(argv[4], argc > 5 ? std::atoi(argv[5]) : 2000);
    return 0;
}
