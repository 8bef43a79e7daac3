// Services: what checks are handed when they are built, instead of reaching for globals: the
// policy store, the antivirus engine, a clock, a random source, rate counters and metrics.
// Built once per configuration load, immutable after, and swapped together with the Engine.
#pragma once

#include <chrono>
#include <memory>
#include <string>

#include "base/clock.h"
#include "base/random.h"
#include "base/result.h"
#include "cache/policy_store.h"
#include "cache/rate_counter.h"
#include "policy/config.h"
#include "policy/history.h"
#include "metrics/sink.h"

namespace ord {

class ClamAvEngine;  // checks/clamav_engine.h

struct Services {
    std::shared_ptr<const PolicyStore> policy;      // never null
    std::shared_ptr<const ClamAvEngine> antivirus;  // null when antivirus.enabled = false
    std::string antivirus_key;                      // the settings it was compiled with
    std::shared_ptr<const Clock> clock;             // never null
    std::shared_ptr<RandomSource> random;           // never null
    std::shared_ptr<RateCounter> rates;             // never null
    std::shared_ptr<MetricsSink> metrics;           // never null
    // Who received what, from the journal (the forwarding check); null when journal.enabled = false.
    std::shared_ptr<const MessageHistory> history;
    std::string history_path;                       // the index it reads
    // How long one step (MAIL, one RCPT, end of message) may wait for policy lookups in all.
    std::chrono::milliseconds lookup_budget{2000};
};

}  // namespace ord
