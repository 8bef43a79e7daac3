// MetricsSink: where checks and the Engine count what happened (lookups unavailable, findings
// by rule). A no-op sink and an in-memory one here; the Prometheus exporter comes later.
#pragma once

#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <string_view>

namespace ord {

class MetricsSink {
public:
    virtual ~MetricsSink() = default;
    // Adds `n` to the counter `name` (Prometheus style: "ordinance_policy_unavailable_total").
    // Thread-safe; never fails, never blocks on I/O.
    virtual void add(std::string_view name, std::uint64_t n = 1) = 0;
};

class NullMetrics final : public MetricsSink {
public:
    void add(std::string_view, std::uint64_t) override {}
};

class MemoryMetrics final : public MetricsSink {
public:
    void add(std::string_view name, std::uint64_t n = 1) override;
    std::uint64_t value(std::string_view name) const;  // 0 for a counter never added to
    std::map<std::string, std::uint64_t> snapshot() const;

private:
    mutable std::mutex mu_;
    std::map<std::string, std::uint64_t, std::less<>> counters_;
};

}  // namespace ord
