// The cost of holding a message in the quarantine store: FsQuarantineStore::put (two files,
// O_EXCL + fsync + rename, directory fsyncs) of a message of a given size, N times, in
// DIR (default a fresh directory under /tmp). Prints puts/s and ms per put (p50, p99).
//   build/bench/quarantine_put [--messages N] [--bytes B] [--dir DIR]
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>
#include <algorithm>

#include "quarantine/store.h"

int main(int argc, char** argv) {
    int n = 1000;
    std::size_t bytes = 20000;
    std::string dir;
    for (int i = 1; i + 1 < argc; i += 2) {
        std::string a = argv[i];
        if (a == "--messages") n = std::atoi(argv[i + 1]);
        else if (a == "--bytes") bytes = static_cast<std::size_t>(std::atol(argv[i + 1]));
        else if (a == "--dir") dir = argv[i + 1];
    }
    bool made = dir.empty();
    if (made) dir = "/tmp/ord-qput-" + std::to_string(::getpid());
    auto store = ord::quarantine::FsQuarantineStore::open(dir);
    if (!store) {
        std::fprintf(stderr, "%s\n", store.error().message.c_str());
        return 2;
    }
    std::string raw = "From: alice@modot.mo.gov\r\nTo: bob@modot.mo.gov\r\nSubject: bench\r\n\r\n";
    while (raw.size() < bytes) raw += "Please forward this message to ten friends for good luck.\r\n";
    std::vector<double> ms;
    auto t0 = std::chrono::steady_clock::now();
    for (int i = 0; i < n; ++i) {
        ord::quarantine::Item it;
        it.id = ord::quarantine::new_item_id(1764655000, static_cast<uint32_t>(i));
        it.sender = "alice@modot.mo.gov";
        ord::quarantine::Recipient r;
        r.addr = "bob@modot.mo.gov";
        it.rcpts = {r};
        it.findings = {{"chain_letter", "chain_letter", "quarantine", "Chain letter", "forward_to_n", "2503 section 7 N"}};
        auto a = std::chrono::steady_clock::now();
        if (auto p = (*store)->put(it, raw); !p) {
            std::fprintf(stderr, "%s\n", p.error().message.c_str());
            return 1;
        }
        ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - a).count());
    }
    double total = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    std::sort(ms.begin(), ms.end());
    std::printf("quarantine_put: %d puts of %zu bytes: %.0f puts/s, p50 %.2f ms, p99 %.2f ms\n", n, raw.size(), n / total,
                ms[ms.size() / 2], ms[ms.size() * 99 / 100]);
    if (made) std::filesystem::remove_all(dir);
    return 0;
}
