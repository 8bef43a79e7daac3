// bench/rcpt: the RCPT-time decision (Engine::recipient, every check's RCPT stage) with a
// 20,000-member protected group and 5,000 aliases, in process. Prints median and p99 latency
// per recipient, next to a baseline that only canonicalizes the address (one hash lookup).
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include "checks/assemble.h"
#include "cache/memory_policy_store.h"
#include "policy/engine.h"

namespace fs = std::filesystem;

int main(int argc, char** argv) {
    std::string base_config = argc > 1 ? argv[1] : "config/examples/ordinance.toml";
    int members = argc > 2 ? std::atoi(argv[2]) : 20000;
    int aliases = argc > 3 ? std::atoi(argv[3]) : 5000;
    int rounds = argc > 4 ? std::atoi(argv[4]) : 200000;

    fs::path dir = fs::temp_directory_path() / ("ordinance-bench-rcpt-" + std::to_string(::getpid()));
    fs::create_directories(dir);
    {
        std::ofstream m(dir / "members.txt");
        for (int i = 0; i < members; ++i) m << "user" << i << "@modot.mo.gov\n";
        std::ofstream g(dir / "groups.toml");
        g << "[[group]]\naddress = \"users@modot.mo.gov\"\nname = \"USERS\"\nmembers_file = \"members.txt\"\n"
             "authorized_senders = [\"comms@modot.mo.gov\", \"director@modot.mo.gov\", \"managers@modot.mo.gov\"]\n"
             "aliases = [\"allstaff@modot.mo.gov\"]\n";
        g << "[[group]]\naddress = \"managers@modot.mo.gov\"\nprotected = false\nmembers = [";
        for (int i = 0; i < 200; ++i) g << (i ? ", " : "") << "\"user" << i * 97 % members << "@modot.mo.gov\"";
        g << "]\n";
        for (int k = 0; k < 50; ++k) {
            g << "[[group]]\naddress = \"district" << k << "@modot.mo.gov\"\nmembers_file = \"d" << k << ".txt\"\n"
              << "authorized_senders = [\"comms@modot.mo.gov\"]\n";
            std::ofstream d(dir / ("d" + std::to_string(k) + ".txt"));
            for (int i = k; i < members; i += 50) d << "user" << i << "@modot.mo.gov\n";
        }
        std::ofstream a(dir / "aliases.csv");
        for (int i = 0; i < aliases; ++i) a << "login" << i << ",user" << i << "@modot.mo.gov\n";
        std::ofstream de(dir / "deactivated.csv");
        for (int i = 0; i < 500; ++i) de << "gone" << i << "@modot.mo.gov,2025-01-01\n";
    }
    auto t0 = std::chrono::steady_clock::now();
    auto engine = ord::load_engine(base_config, {"policy.groups=" + (dir / "groups.toml").string(),
                                                  "policy.aliases=" + (dir / "aliases.csv").string(),
                                                  "policy.deactivated=" + (dir / "deactivated.csv").string()});
    auto t1 = std::chrono::steady_clock::now();
    if (!engine) {
        std::fprintf(stderr, "%s\n", engine.error().message.c_str());
        return 2;
    }

    // A mixed stream of recipients and senders, like a busy gateway's.
    std::mt19937 rng(7);
    struct Case {
        ord::Envelope env;
        std::string rcpt;
    };
    std::vector<Case> cases;
    for (int i = 0; i < 4096; ++i) {
        Case c;
        c.env.client_addr = (i % 3) ? "127.0.0.1" : "192.0.2.7";
        int who = static_cast<int>(rng() % members);
        if (i % 4 == 0) c.env.auth_login = "login" + std::to_string(who % aliases);
        c.env.mail_from = (i % 10 == 0) ? "comms@modot.mo.gov" : "user" + std::to_string(who) + "@modot.mo.gov";
        switch (i % 5) {
            case 0: c.rcpt = "users@modot.mo.gov"; break;
            case 1: c.rcpt = "USERS+x@modot.mo.gov"; break;
            case 2: c.rcpt = "district" + std::to_string(i % 50) + "@modot.mo.gov"; break;
            case 3: c.rcpt = "gone" + std::to_string(i % 500) + "@modot.mo.gov"; break;
            default: c.rcpt = "user" + std::to_string(rng() % members) + "@modot.mo.gov";
        }
        cases.push_back(std::move(c));
    }
    auto measure = [&](auto&& fn) {
        std::vector<double> ns;
        ns.reserve(rounds);
        for (int i = 0; i < rounds; ++i) {
            const Case& c = cases[i % cases.size()];
            auto a = std::chrono::steady_clock::now();
            fn(c);
            auto b = std::chrono::steady_clock::now();
            ns.push_back(std::chrono::duration<double, std::nano>(b - a).count());
        }
        std::sort(ns.begin(), ns.end());
        return std::pair{ns[ns.size() / 2], ns[ns.size() * 99 / 100]};
    };
    std::string err;
    ord::PolicyData pd;
    for (int i = 0; i < aliases; ++i) pd.aliases.emplace_back("login" + std::to_string(i), "user" + std::to_string(i) + "@modot.mo.gov");
    auto store = ord::MemoryPolicyStore::build(pd, err);
    size_t sink = 0;
    auto [b50, b99] = measure([&](const Case& c) { sink += store->canonical(c.rcpt)->size(); });
    size_t refused = 0;
    auto [r50, r99] = measure([&](const Case& c) {
        auto d = (*engine)->recipient(c.env, c.rcpt);
        refused += d.verdict == ord::Verdict::Reject;
    });
    std::printf("rcpt: %d-member group, %d aliases, 51 groups; policy load %.1f ms\n", members, aliases,
                std::chrono::duration<double, std::milli>(t1 - t0).count());
    std::printf("rcpt: baseline(canonicalize) median=%.2f us p99=%.2f us\n", b50 / 1000, b99 / 1000);
    std::printf("rcpt: decision median=%.2f us p99=%.2f us  ratio(median)=%.1f  refused=%.0f%%\n", r50 / 1000,
                r99 / 1000, r50 / b50, 100.0 * refused / rounds);
    fs::remove_all(dir);
    return sink == 0 ? 1 : 0;
}
