// RateCounter: how many events a key (a sender, a client) had in the current window, for the
// rate-limit checks. One interface: the in-process counter here, a shared (Redis) one later.
#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>

#include "base/clock.h"
#include "base/deadline.h"
#include "base/lookup.h"

namespace ord {

class RateCounter {
public:
    virtual ~RateCounter() = default;
    // Adds `n` to `key`'s count in the current fixed window of length `window` (windows start
    // at multiples of `window` since the epoch, so every host sharing a counter agrees) and
    // answers the count after the add; unavailable when the counter could not be reached in
    // time. Thread-safe.
    virtual Lookup<std::uint64_t> add(std::string_view key, std::uint64_t n, std::chrono::seconds window,
                                      Deadline deadline) = 0;
};

// Counts in this process's memory: never unavailable; lost on restart, kept across reloads
// (the Services builder hands the same counter to the new Engine).
class MemoryRateCounter final : public RateCounter {
public:
    explicit MemoryRateCounter(std::shared_ptr<const Clock> clock);
    Lookup<std::uint64_t> add(std::string_view key, std::uint64_t n, std::chrono::seconds window,
                              Deadline deadline) override;
    std::size_t keys() const;  // live (key, window length) entries, for tests and metrics

private:
    struct Slot {
        std::int64_t window_start = 0;  // seconds since the epoch
        std::int64_t window_end = 0;
        std::uint64_t count = 0;
    };
    void sweep(std::int64_t now);  // drops slots whose window ended; mu_ held

    std::shared_ptr<const Clock> clock_;
    mutable std::mutex mu_;
    std::unordered_map<std::string, Slot> slots_;  // key + '\0' + window length -> slot
    std::size_t adds_since_sweep_ = 0;
};

}  // namespace ord
