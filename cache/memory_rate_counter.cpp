#include "cache/rate_counter.h"

namespace ord {

MemoryRateCounter::MemoryRateCounter(std::shared_ptr<const Clock> clock) : clock_(std::move(clock)) {}

Lookup<std::uint64_t> MemoryRateCounter::add(std::string_view key, std::uint64_t n, std::chrono::seconds window,
                                             Deadline) {
    const std::int64_t len = window.count() > 0 ? window.count() : 1;
    const std::int64_t now =
        std::chrono::duration_cast<std::chrono::seconds>(clock_->now().time_since_epoch()).count();
    // floor division, so that a clock before the epoch still lands in the right window
    const std::int64_t start = (now >= 0 ? now / len : -((-now + len - 1) / len)) * len;
    std::string k(key);
    k += '\0';
    k += std::to_string(len);
    std::lock_guard<std::mutex> lock(mu_);
    // Amortised: a sweep after as many adds as there are slots keeps memory to the live keys.
    if (++adds_since_sweep_ > slots_.size() + 64) sweep(now);
    Slot& s = slots_[std::move(k)];
    if (s.window_start != start || s.window_end == 0) s = Slot{start, start + len, 0};
    s.count += n;
    return s.count;
}

void MemoryRateCounter::sweep(std::int64_t now) {
    adds_since_sweep_ = 0;
    for (auto it = slots_.begin(); it != slots_.end();)
        it = it->second.window_end <= now ? slots_.erase(it) : std::next(it);
}

std::size_t MemoryRateCounter::keys() const {
    std::lock_guard<std::mutex> lock(mu_);
    return slots_.size();
}

}  // namespace ord
