#include "metrics/sink.h"

namespace ord {

void MemoryMetrics::add(std::string_view name, std::uint64_t n) {
    std::lock_guard<std::mutex> lock(mu_);
    auto it = counters_.find(name);
    if (it == counters_.end()) it = counters_.emplace(std::string(name), 0).first;
    it->second += n;
}

std::uint64_t MemoryMetrics::value(std::string_view name) const {
    std::lock_guard<std::mutex> lock(mu_);
    auto it = counters_.find(name);
    return it == counters_.end() ? 0 : it->second;
}

std::map<std::string, std::uint64_t> MemoryMetrics::snapshot() const {
    std::lock_guard<std::mutex> lock(mu_);
    return {counters_.begin(), counters_.end()};
}

}  // namespace ord
