// Deadline: the point in (monotonic) time by which a lookup that can go remote must answer;
// past it, the lookup answers "unavailable" instead of waiting (Postfix's "retry later").
#pragma once

#include <chrono>

namespace ord {

class Deadline {
public:
    using time_point = std::chrono::steady_clock::time_point;

    constexpr Deadline() = default;  // never: for in-process data and tools that may wait
    constexpr explicit Deadline(time_point at) : at_(at) {}
    static constexpr Deadline never() { return Deadline(); }
    static Deadline after(std::chrono::steady_clock::duration d, time_point now) { return Deadline(now + d); }

    time_point at() const { return at_; }
    bool is_never() const { return at_ == time_point::max(); }
    bool passed(time_point now) const { return now >= at_; }
    // What is left at `now`, never negative.
    std::chrono::steady_clock::duration remaining(time_point now) const {
        return now >= at_ ? std::chrono::steady_clock::duration::zero() : at_ - now;
    }

private:
    time_point at_ = time_point::max();
};

}  // namespace ord
