#include "checks/assemble.h"

#include "checks/registry.h"

#include "base/log.h"
#include "cache/policy_files.h"
#include "checks/clamav_engine.h"
#include "checks/journal_history.h"

namespace ord {
namespace {

Result<std::shared_ptr<const PolicyStore>> load_store(const Config& cfg) {
    PolicyFiles f;
    f.groups = cfg.policy.groups;
    f.aliases = cfg.policy.aliases;
    f.deactivated = cfg.policy.deactivated;
    f.supervisors = cfg.policy.supervisors;
    f.internal_domains = cfg.organisation.internal_domains;
    f.trusted_networks = cfg.organisation.trusted_networks;
    f.recipient_delimiter = cfg.policy.recipient_delimiter;
    f.redirect_deactivated = cfg.policy.redirect_deactivated;
    auto store = load_policy_files(f);
    if (!store) return Error{"config", store.error().message};
    return std::shared_ptr<const PolicyStore>(*store);
}

// Everything a compiled engine depends on besides the signature files' contents.
std::string antivirus_key(const Config::Antivirus& s, const std::string& database) {
    std::string key = database + '\n' + s.tmpdir;
    for (auto v : {s.archives, s.ole2, s.macros, s.pdf, s.html, s.heuristics}) key += v ? '1' : '0';
    for (auto v : {s.max_file_size, s.max_scan_size, s.max_recursion, s.max_files, s.max_scan_time_ms, s.scan_cache_mb})
        key += ',' + std::to_string(v);
    return key;
}

}  // namespace

Result<std::shared_ptr<const Services>> build_services(const Config& cfg, const Services* previous) {
    auto s = std::make_shared<Services>();
    auto store = load_store(cfg);
    if (!store) return store.error();
    s->policy = *store;

    if (cfg.antivirus.enabled) {
        std::string database = cfg.resolve(cfg.antivirus.database);
        s->antivirus_key = antivirus_key(cfg.antivirus, database);
        if (previous && previous->antivirus && previous->antivirus_key == s->antivirus_key &&
            !previous->antivirus->database_changed()) {
            s->antivirus = previous->antivirus;
        } else {
            auto av = ClamAvEngine::load(cfg.antivirus, database);
            if (!av) return Error{"config", cfg.path + ": " + av.error().message};
            s->antivirus = *av;
            log::event(log::Level::Debug, "antivirus_loaded",
                       {{"database", s->antivirus->database()},
                        {"signatures", std::to_string(s->antivirus->signatures())},
                        {"ms", std::to_string(static_cast<long>(s->antivirus->load_ms()))}});
        }
    }

    if (cfg.journal.enabled && cfg.forwarding.enabled && cfg.forwarding.use_journal) {
        std::string path = cfg.journal.dir + "/index.sqlite";
        if (previous && previous->history && previous->history_path == path)
            s->history = previous->history;  // keeps its open index
        else
            s->history = std::make_shared<JournalHistory>(path);
        s->history_path = path;
    }

    if (previous) {
        s->clock = previous->clock;
        s->random = previous->random;
        s->rates = previous->rates;
        s->metrics = previous->metrics;
        s->lookup_budget = previous->lookup_budget;
    }
    if (!s->clock) s->clock = std::make_shared<SystemClock>();
    if (!s->random) s->random = std::make_shared<SystemRandom>();
    if (!s->rates) s->rates = std::make_shared<MemoryRateCounter>(s->clock);
    if (!s->metrics) s->metrics = std::make_shared<NullMetrics>();
    return std::shared_ptr<const Services>(std::move(s));
}

Result<std::shared_ptr<const Engine>> build_engine(std::shared_ptr<const Config> cfg, const Engine* previous) {
    // A misspelt rule is reported before anything is loaded (signatures take seconds).
    if (std::string errors = Engine::unknown_rules(*cfg); !errors.empty()) return Error{"config", errors};
    auto services = build_services(*cfg, previous ? &previous->services() : nullptr);
    if (!services) return services.error();
    return Engine::create(std::move(cfg), *services, check_table());
}

Result<std::shared_ptr<const Engine>> load_engine(const std::string& path, const std::vector<std::string>& overrides,
                                                  const Engine* previous) {
    auto cfg = load_config(path, overrides);
    if (!cfg) return cfg.error();
    return build_engine(*cfg, previous);
}

}  // namespace ord
