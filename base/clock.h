// Clock: where time comes from, injected so that tests of windows, deadlines and expiry are
// exact. SystemClock reads the real clocks; ManualClock is set and advanced by hand.
#pragma once

#include <atomic>
#include <chrono>

namespace ord {

class Clock {
public:
    virtual ~Clock() = default;
    // Wall time, for what is written down (dates, retention, windows shared with other hosts).
    virtual std::chrono::system_clock::time_point now() const = 0;
    // Monotonic time, for deadlines and durations.
    virtual std::chrono::steady_clock::time_point steady() const = 0;
};

class SystemClock final : public Clock {
public:
    std::chrono::system_clock::time_point now() const override { return std::chrono::system_clock::now(); }
    std::chrono::steady_clock::time_point steady() const override { return std::chrono::steady_clock::now(); }
};

// Both clocks move together, only when told to. Thread-safe.
class ManualClock final : public Clock {
public:
    explicit ManualClock(std::chrono::system_clock::time_point start = std::chrono::system_clock::time_point{})
        : offset_(start.time_since_epoch().count()) {}
    std::chrono::system_clock::time_point now() const override {
        return std::chrono::system_clock::time_point(std::chrono::system_clock::duration(offset_.load()));
    }
    std::chrono::steady_clock::time_point steady() const override {
        auto d = std::chrono::duration_cast<std::chrono::steady_clock::duration>(
            std::chrono::system_clock::duration(offset_.load()));
        return std::chrono::steady_clock::time_point(d);
    }
    void advance(std::chrono::system_clock::duration d) { offset_ += d.count(); }

private:
    std::atomic<std::chrono::system_clock::rep> offset_;
};

}  // namespace ord
