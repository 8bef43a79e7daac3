#include <catch2/catch.hpp>

#include <memory>
#include <string>

#include "checks/assemble.h"
#include "checks/registry.h"
#include "base/clock.h"
#include "base/deadline.h"
#include "base/lookup.h"
#include "base/random.h"
#include "cache/memory_policy_store.h"
#include "cache/rate_counter.h"
#include "checks/directory_check.h"
#include "checks/scan.h"
#include "metrics/sink.h"
#include "policy/context.h"
#include "policy/engine.h"
#include "policy/services.h"

namespace {

using namespace std::chrono_literals;

const std::string kConfig = std::string(ORDINANCE_SOURCE_DIR) + "/config/examples/ordinance.toml";

// A store that cannot be reached: the one fault a real in-process store cannot show. The
// lookups named in `down` answer unavailable; the rest, and the organisation's own facts
// (from the configuration, never remote), come from the real store loaded from the demo files.
class UnreachableStore final : public ord::PolicyStore {
public:
    enum Part : unsigned { Aliases = 1, Groups = 2, Accounts = 4, All = 7 };
    UnreachableStore(std::shared_ptr<const ord::PolicyStore> real, unsigned down) : real_(std::move(real)), down_(down) {}

    ord::Lookup<std::string> canonical(std::string_view a, ord::Deadline d) const override {
        if (down_ & Aliases) return gone();
        return real_->canonical(a, d);
    }
    ord::Lookup<std::string> login_address(std::string_view l, ord::Deadline d) const override {
        if (down_ & Aliases) return gone();
        return real_->login_address(l, d);
    }
    ord::Lookup<ord::GroupRef> group(std::string_view a, ord::Deadline d) const override {
        if (down_ & Groups) return gone();
        return real_->group(a, d);
    }
    ord::Lookup<std::vector<ord::GroupRef>> protected_targets(std::string_view a, ord::Deadline d) const override {
        if (down_ & Groups) return gone();
        return real_->protected_targets(a, d);
    }
    ord::Lookup<ord::GroupRef> first_unauthorized(std::string_view r, std::string_view s, ord::Deadline d) const override {
        if (down_ & Groups) return gone();
        return real_->first_unauthorized(r, s, d);
    }
    ord::Lookup<std::vector<ord::GroupRef>> member_of(std::string_view a, ord::Deadline d) const override {
        if (down_ & Groups) return gone();
        return real_->member_of(a, d);
    }
    ord::Lookup<bool> authorized(const ord::Group& g, std::string_view s, ord::Deadline d) const override {
        if (down_ & Groups) return gone();
        return real_->authorized(g, s, d);
    }
    ord::Lookup<ord::Deactivation> deactivated(std::string_view a, ord::Deadline d) const override {
        if (down_ & Accounts) return gone();
        return real_->deactivated(a, d);
    }
    ord::Lookup<std::string> supervisor(std::string_view a, ord::Deadline d) const override {
        if (down_ & Accounts) return gone();
        return real_->supervisor(a, d);
    }
    bool internal_domain(std::string_view d) const override { return real_->internal_domain(d); }
    bool trusted_client(std::string_view ip) const override { return real_->trusted_client(ip); }

private:
    static ord::Unavailable gone() { return {"test: store unreachable"}; }
    std::shared_ptr<const ord::PolicyStore> real_;
    unsigned down_;
};

struct Rig {
    std::shared_ptr<const ord::Engine> engine;
    std::shared_ptr<ord::MemoryMetrics> metrics;
};

// The demo configuration's Engine, with the real checks, on a store with `down` unreachable.
Rig rig(unsigned down, std::vector<std::string> sets = {}) {
    auto cfg = ord::load_config(kConfig, sets);
    REQUIRE(cfg.ok());
    auto real = ord::build_services(**cfg);
    REQUIRE(real.ok());
    auto services = std::make_shared<ord::Services>(**real);
    if (down) services->policy = std::make_shared<UnreachableStore>((*real)->policy, down);
    auto metrics = std::make_shared<ord::MemoryMetrics>();
    services->metrics = metrics;
    auto e = ord::Engine::create(*cfg, services, ord::check_table());
    REQUIRE(e.ok());
    return {*e, metrics};
}

ord::Envelope from(const char* mail_from, const char* client = "127.0.0.1", const char* login = "") {
    ord::Envelope env;
    env.mail_from = mail_from;
    env.client_addr = client;
    env.auth_login = login;
    return env;
}

bool has_rule(const ord::Decision& d, std::string_view rule) {
    for (const auto& f : d.findings)
        if (f.rule == rule) return true;
    return false;
}

}  // namespace

TEST_CASE("a lookup is found, not found or unavailable", "[services][lookup]") {
    ord::Lookup<std::string> found = std::string("a@b");
    ord::Lookup<std::string> missing = ord::not_found;
    ord::Lookup<std::string> down = ord::Unavailable{"timeout after 50 ms"};
    CHECK(found.found());
    CHECK(*found == "a@b");
    CHECK(missing.missing());
    CHECK_FALSE(missing);
    CHECK(missing.value_or("x") == "x");
    CHECK(down.unavailable());
    CHECK_FALSE(down);
    CHECK(down.value_or("x") == "x");
    CHECK(down.reason() == "timeout after 50 ms");
    CHECK(down.error().code == "unavailable");
    CHECK(down.failure<int>().unavailable());
    CHECK(down.failure<int>().reason() == "timeout after 50 ms");
    CHECK(missing.failure<int>().missing());
}

TEST_CASE("deadlines pass on the injected clock", "[services][clock]") {
    ord::ManualClock clock(std::chrono::system_clock::time_point(1'800'000'000s));
    auto d = ord::Deadline::after(50ms, clock.steady());
    CHECK_FALSE(d.passed(clock.steady()));
    CHECK(d.remaining(clock.steady()) == 50ms);
    clock.advance(49ms);
    CHECK_FALSE(d.passed(clock.steady()));
    clock.advance(1ms);
    CHECK(d.passed(clock.steady()));
    CHECK(d.remaining(clock.steady()) == 0ms);
    CHECK(ord::Deadline::never().is_never());
    CHECK_FALSE(ord::Deadline::never().passed(clock.steady()));
    CHECK(clock.now() == std::chrono::system_clock::time_point(1'800'000'000'050ms));
}

TEST_CASE("random sources: seeded ones repeat, the system one does not", "[services][random]") {
    ord::SeededRandom a(42), b(42), c(43);
    for (int i = 0; i < 8; ++i) {
        auto x = a.next();
        CHECK(x == b.next());
        CHECK(x != c.next());
    }
    ord::SystemRandom r;
    CHECK(r.next() != r.next());  // 2^-64 to fail by chance
}

TEST_CASE("rate counters count per key in fixed windows", "[services][rates]") {
    auto clock = std::make_shared<ord::ManualClock>(std::chrono::system_clock::time_point(1'800'000'010s));
    ord::MemoryRateCounter rates(clock);
    const auto never = ord::Deadline::never();
    CHECK(rates.add("alice", 1, 60s, never).value() == 1);
    CHECK(rates.add("alice", 2, 60s, never).value() == 3);
    CHECK(rates.add("bob", 5, 60s, never).value() == 5);       // keys apart
    CHECK(rates.add("alice", 1, 3600s, never).value() == 1);   // window lengths apart
    clock->advance(49s);                                       // ...059: same minute
    CHECK(rates.add("alice", 1, 60s, never).value() == 4);
    clock->advance(1s);                                        // ...060: the next minute
    CHECK(rates.add("alice", 1, 60s, never).value() == 1);
    CHECK(rates.add("alice", 0, 3600s, never).value() == 1);   // the hour goes on
    // Ended windows are swept as adds go on, so memory stays with the live keys.
    clock->advance(7200s);
    for (int i = 0; i < 200; ++i) rates.add("k" + std::to_string(i % 10), 1, 60s, never);
    CHECK(rates.keys() <= 10 + 3);
    CHECK(rates.add("k0", 0, 60s, never).value() == 20);
}

TEST_CASE("metrics: the memory sink counts, the null sink takes anything", "[services][metrics]") {
    ord::MemoryMetrics m;
    m.add("a_total");
    m.add("a_total", 4);
    m.add("b_total");
    CHECK(m.value("a_total") == 5);
    CHECK(m.value("b_total") == 1);
    CHECK(m.value("never_total") == 0);
    CHECK(m.snapshot().size() == 2);
    ord::NullMetrics n;
    n.add("a_total", 7);  // nothing to observe but that it does not throw
}

TEST_CASE("each step's deadline comes from the injected clock and the lookup budget", "[services][clock]") {
    auto cfg = ord::load_config(kConfig, {});
    REQUIRE(cfg.ok());
    auto real = ord::build_services(**cfg);
    REQUIRE(real.ok());
    auto services = std::make_shared<ord::Services>(**real);
    auto clock = std::make_shared<ord::ManualClock>(std::chrono::system_clock::time_point(1'800'000'000s));
    services->clock = clock;
    services->lookup_budget = 150ms;
    auto e = ord::Engine::create(*cfg, services, ord::check_table());
    REQUIRE(e.ok());
    auto ctx = (*e)->context(from("alice@modot.mo.gov"));
    CHECK(ctx.deadline.at() == clock->steady() + 150ms);
}

TEST_CASE("the policy store unreachable: fail_closed tempfails, fail_open tags", "[services][directory][unavailable]") {
    // alice may not send to USERS: with the store reachable, refused.
    auto up = rig(0);
    auto env = from("alice@modot.mo.gov");
    auto d = up.engine->recipient(env, "users@modot.mo.gov");
    REQUIRE(d.verdict == ord::Verdict::Reject);
    CHECK_FALSE(has_rule(d, "policy_unavailable"));
    CHECK(up.metrics->value("ordinance_policy_unavailable_total") == 0);

    SECTION("fail_closed (the default): 451 4.7.1 at RCPT, the sender's MTA retries") {
        auto down = rig(UnreachableStore::Groups);
        auto r = down.engine->recipient(env, "users@modot.mo.gov");
        CHECK(r.verdict == ord::Verdict::TempFail);
        CHECK(r.smtp_reply().rfind("451 4.7.1 ", 0) == 0);
        CHECK(r.smtp_reply().find("rule policy_unavailable") != std::string::npos);
        REQUIRE(has_rule(r, "policy_unavailable"));
        CHECK(r.findings[0].category == "policy_unavailable");
        CHECK(r.findings[0].recipient == "users@modot.mo.gov");
        CHECK(r.findings[0].evidence.find("test: store unreachable") != std::string::npos);
        CHECK(down.metrics->value("ordinance_policy_unavailable_total") == 1);
        // A recipient that is no group needs no group data... but whether it is one is the
        // question the store cannot answer: every recipient waits.
        CHECK(down.engine->recipient(env, "bob@modot.mo.gov").verdict == ord::Verdict::TempFail);
    }
    SECTION("fail_open: accepted and tagged, on the data there is") {
        auto down = rig(UnreachableStore::Groups, {"policy.on_unavailable=\"fail_open\""});
        auto r = down.engine->recipient(env, "users@modot.mo.gov");
        CHECK(r.verdict == ord::Verdict::Tag);
        CHECK(r.smtp_reply().empty());
        REQUIRE(r.findings.size() == 1);
        CHECK(r.findings[0].rule == "policy_unavailable");
        CHECK(r.findings[0].action == ord::Verdict::Tag);
        // The account data is still there: a deactivated mailbox is refused as before.
        auto gone = down.engine->recipient(env, "retired.engineer@modot.mo.gov");
        CHECK(gone.verdict == ord::Verdict::Reject);
        CHECK(has_rule(gone, "deactivated_recipient"));
    }
}

TEST_CASE("the alias table unreachable: the identity falls back to the envelope", "[services][identity][unavailable]") {
    auto env = from("comms@modot.mo.gov", "203.0.113.9", "alice");
    SECTION("fail_closed: MAIL FROM is tempfailed") {
        auto down = rig(UnreachableStore::Aliases);
        auto ctx = down.engine->context(env);
        CHECK(ctx.identity.address == "comms@modot.mo.gov");  // the login could not be mapped
        CHECK_FALSE(ctx.identity.login_mapped);
        CHECK_FALSE(ctx.identity.unavailable.empty());  // and says so
        auto d = down.engine->sender(env);
        CHECK(d.verdict == ord::Verdict::TempFail);
        CHECK(has_rule(d, "policy_unavailable"));
    }
    SECTION("fail_open: tagged, and the whole message goes through on what there is") {
        auto down = rig(UnreachableStore::All, {"policy.on_unavailable=\"fail_open\""});
        env.rcpts = {"bob@modot.mo.gov"};
        auto o = ord::scan_message(*down.engine, env, "From: comms@modot.mo.gov\r\nSubject: hi\r\n\r\nhello\r\n");
        CHECK(o.decision.verdict == ord::Verdict::Tag);
        CHECK(has_rule(o.decision, "policy_unavailable"));
        CHECK(down.metrics->value("ordinance_policy_unavailable_total") >= 3);  // MAIL, RCPT, end of message
    }
}

TEST_CASE("policy.on_unavailable takes fail_closed or fail_open only", "[services][config]") {
    auto bad = ord::load_config(kConfig, {"policy.on_unavailable=\"retry\""});
    REQUIRE_FALSE(bad.ok());
    CHECK(bad.error().message.find("on_unavailable") != std::string::npos);
    auto dflt = ord::load_config(kConfig, {});
    REQUIRE(dflt.ok());
    CHECK((*dflt)->policy.on_unavailable == "fail_closed");
}

TEST_CASE("a group is a snapshot: it outlives the store that answered", "[services][directory]") {
    ord::PolicyData data;
    ord::Group g;
    g.address = "Users@modot.mo.gov";
    g.members = {"a@modot.mo.gov", "b@modot.mo.gov"};
    data.groups = {g};
    std::string err;
    auto store = ord::MemoryPolicyStore::build(data, err);
    REQUIRE(store);
    auto snap = store->group("users@modot.mo.gov").value();
    store.reset();  // a reload dropped the store
    CHECK(snap->address == "users@modot.mo.gov");
    CHECK(snap->expanded_size == 2);
}
