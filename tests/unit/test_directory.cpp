#include <catch2/catch.hpp>
#include <string>

#include "checks/assemble.h"
#include "cache/memory_policy_store.h"
#include "checks/directory_check.h"
#include "policy/engine.h"
#include "policy/identity.h"
#include "checks/scan.h"

namespace {

std::shared_ptr<const ord::MemoryPolicyStore> demo_store() {
    ord::PolicyData d;
    d.internal_domains = {"modot.mo.gov"};
    d.trusted_networks = {"127.0.0.0/8", "10.0.0.0/8", "::1/128"};
    ord::Group users;
    users.address = "users@modot.mo.gov";
    users.name = "USERS";
    users.aliases = {"allstaff@modot.mo.gov"};
    users.members = {"district4@modot.mo.gov", "comms@modot.mo.gov", "director@modot.mo.gov"};
    users.authorized = {"comms@modot.mo.gov", "director@modot.mo.gov"};
    ord::Group d4;
    d4.address = "district4@modot.mo.gov";
    d4.name = "District 4";
    for (int i = 0; i < 40; ++i) d4.members.push_back("p" + std::to_string(i) + "@modot.mo.gov");
    d4.members.push_back("alice@modot.mo.gov");
    d4.authorized = {"d4managers@modot.mo.gov"};
    ord::Group mgrs;
    mgrs.address = "d4managers@modot.mo.gov";
    mgrs.is_protected = false;
    mgrs.members = {"carol@modot.mo.gov"};
    ord::Group announce;
    announce.address = "announce@modot.mo.gov";
    announce.name = "Announcements";
    announce.members = {"users@modot.mo.gov"};
    announce.authorized = {"director@modot.mo.gov"};
    announce.moderators = {"comms@modot.mo.gov"};
    ord::Group everyone;
    everyone.address = "everyone@modot.mo.gov";
    everyone.is_protected = false;
    everyone.members = {"users@modot.mo.gov", "contractor@example.com"};
    d.groups = {users, d4, mgrs, announce, everyone};
    d.aliases = {{"alice", "alice@modot.mo.gov"}, {"Alice.Smith@modot.mo.gov", "alice@modot.mo.gov"},
                 {"comms", "comms@modot.mo.gov"}, {"communications@modot.mo.gov", "comms@modot.mo.gov"}};
    d.deactivated = {{"former@modot.mo.gov", "2026-10-30", true}, {"gone@modot.mo.gov", "2025-01-01", false}};
    d.supervisors = {{"former@modot.mo.gov", "carol@modot.mo.gov"}};
    std::string err;
    auto s = ord::MemoryPolicyStore::build(d, err);
    REQUIRE(s);
    return s;
}

std::shared_ptr<const ord::Engine> engine_with(std::shared_ptr<const ord::PolicyStore>) {
    auto e = ord::load_engine(std::string(ORDINANCE_SOURCE_DIR) + "/config/examples/ordinance.toml", {});
    REQUIRE(e.ok());
    return *e;
}

}  // namespace

TEST_CASE("addresses resolve to one canonical person or group", "[directory]") {
    auto s = demo_store();
    struct Case {
        const char* in;
        const char* out;
    };
    auto c = GENERATE(values<Case>({
        {"USERS@MODOT.MO.GOV", "users@modot.mo.gov"},
        {"users+announce@modot.mo.gov", "users@modot.mo.gov"},
        {"<users@modot.mo.gov>", "users@modot.mo.gov"},
        {"Alice.Smith@modot.mo.gov", "alice@modot.mo.gov"},
        {"alice.smith+x@modot.mo.gov", "alice@modot.mo.gov"},
        {"communications@modot.mo.gov", "comms@modot.mo.gov"},
        {"someone@example.com", "someone@example.com"},
    }));
    CHECK(s->canonical(c.in).value() == c.out);
    CHECK(s->canonical(s->canonical(c.in).value()).value() == c.out);  // idempotent
}

TEST_CASE("groups expand, nest and authorize", "[directory]") {
    auto s = demo_store();
    auto group = [&](const char* a) { return s->group(a).value(); };
    CHECK(group("allstaff@modot.mo.gov") == group("users@modot.mo.gov"));
    CHECK(s->group("bob@modot.mo.gov").missing());
    CHECK(group("users@modot.mo.gov")->expanded_size == 43);  // 41 in district4 + comms + director
    // everyone@ is not protected itself but expands into USERS (and through it District 4).
    auto t = s->protected_targets("everyone@modot.mo.gov");
    REQUIRE(t.found());
    REQUIRE(t->size() == 2);
    CHECK(s->authorized(*group("district4@modot.mo.gov"), "carol@modot.mo.gov").value());  // via managers group
    CHECK_FALSE(s->authorized(*group("district4@modot.mo.gov"), "alice@modot.mo.gov").value());
    CHECK(s->authorized(*group("announce@modot.mo.gov"), "comms@modot.mo.gov").value());  // moderator
    CHECK(s->member_of("alice@modot.mo.gov")->size() == 3);  // district4, users, announce
    CHECK(s->member_of("nobody@modot.mo.gov")->empty());
    CHECK(s->deactivated("gone@modot.mo.gov")->since == "2025-01-01");
    CHECK(s->deactivated("bob@modot.mo.gov").missing());
    CHECK(s->supervisor("former@modot.mo.gov").value() == "carol@modot.mo.gov");
    CHECK(s->login_address("nobody").missing());
    CHECK(s->trusted_client("10.1.2.3"));
    CHECK(s->trusted_client("::ffff:127.0.0.1"));
    CHECK(s->trusted_client("IPv6:::1"));
    CHECK_FALSE(s->trusted_client("192.0.2.1"));
    CHECK(s->internal_domain("mail.modot.mo.gov"));
    CHECK_FALSE(s->internal_domain("modot.mo.gov.evil.example"));
}

TEST_CASE("identity: AUTH first, then the envelope; internal claims from outside are unverified", "[directory]") {
    auto s = demo_store();
    struct Case {
        const char* login;
        const char* mail_from;
        const char* client;
        const char* address;
        bool verified;
    };
    auto c = GENERATE(values<Case>({
        {"alice", "comms@modot.mo.gov", "192.0.2.1", "alice@modot.mo.gov", true},  // login wins
        {"alice@mail.realm", "comms@modot.mo.gov", "192.0.2.1", "alice@modot.mo.gov", true},  // SASL realm
        {"Alice.Smith@modot.mo.gov", "", "192.0.2.1", "alice@modot.mo.gov", true},  // login is an address
        {"", "comms@modot.mo.gov", "10.9.9.9", "comms@modot.mo.gov", true},        // trusted network
        {"", "comms@modot.mo.gov", "192.0.2.1", "comms@modot.mo.gov", false},      // claim from outside
        {"", "partner@example.com", "192.0.2.1", "partner@example.com", true},     // external sender
        {"", "", "192.0.2.1", "", true},                                           // null sender
    }));
    ord::Envelope env;
    env.auth_login = c.login;
    env.mail_from = c.mail_from;
    env.client_addr = c.client;
    auto id = ord::resolve_identity(*s, env);
    CHECK(id.address == c.address);
    CHECK(id.verified() == c.verified);
}

TEST_CASE("RCPT-time decisions for protected groups and deactivated accounts", "[directory]") {
    auto s = demo_store();
    ord::Config cfg;
    ord::DirectoryCheck check(cfg, s);
    struct Case {
        const char* login;
        const char* mail_from;
        const char* client;
        const char* rcpt;
        const char* rule;  // "" = nothing
    };
    auto c = GENERATE(values<Case>({
        {"", "comms@modot.mo.gov", "127.0.0.1", "users@modot.mo.gov", ""},
        {"", "director@modot.mo.gov", "127.0.0.1", "USERS+x@modot.mo.gov", ""},
        {"", "alice@modot.mo.gov", "127.0.0.1", "users@modot.mo.gov", "protected_group"},
        {"", "alice@modot.mo.gov", "127.0.0.1", "allstaff@modot.mo.gov", "protected_group"},
        {"", "alice@modot.mo.gov", "127.0.0.1", "everyone@modot.mo.gov", "protected_group"},  // nested
        {"", "alice@modot.mo.gov", "127.0.0.1", "bob@modot.mo.gov", ""},
        {"", "comms@modot.mo.gov", "192.0.2.1", "users@modot.mo.gov", "sender_identity_protected"},
        {"comms", "alice@modot.mo.gov", "192.0.2.1", "users@modot.mo.gov", ""},  // AUTH as comms
        {"alice", "comms@modot.mo.gov", "127.0.0.1", "users@modot.mo.gov", "protected_group"},  // AUTH as alice
        {"", "communications@modot.mo.gov", "127.0.0.1", "users@modot.mo.gov", ""},  // comms' alias
        {"", "carol@modot.mo.gov", "127.0.0.1", "district4@modot.mo.gov", ""},      // via managers group
        {"", "bob@modot.mo.gov", "127.0.0.1", "announce@modot.mo.gov", "protected_group_moderated"},
        {"", "bob@modot.mo.gov", "127.0.0.1", "former@modot.mo.gov", "deactivated_redirect"},
        {"", "bob@modot.mo.gov", "127.0.0.1", "gone@modot.mo.gov", "deactivated_recipient"},
    }));
    ord::Envelope env;
    env.auth_login = c.login;
    env.mail_from = c.mail_from;
    env.client_addr = c.client;
    ord::Findings out;
    const std::string rcpt = c.rcpt;
    check.on_recipient(ord::make_context(*s, env, {}, &rcpt), rcpt, out);
    INFO(c.mail_from << " -> " << c.rcpt);
    if (std::string(c.rule).empty()) {
        CHECK(out.empty());
    } else {
        REQUIRE(out.size() == 1);
        CHECK(out[0].rule == c.rule);
        CHECK(out[0].recipient == c.rcpt);
    }
}

TEST_CASE("MAIL-time: deactivated senders and borrowed identities", "[directory]") {
    auto s = demo_store();
    ord::Config cfg;
    ord::DirectoryCheck check(cfg, s);
    struct Case {
        const char* login;
        const char* mail_from;
        const char* client;
        const char* rule;
    };
    auto c = GENERATE(values<Case>({
        {"", "former@modot.mo.gov", "127.0.0.1", "deactivated_sender"},
        {"", "Former+x@modot.mo.gov", "192.0.2.1", "deactivated_sender"},
        {"alice", "alice.smith@modot.mo.gov", "192.0.2.1", ""},  // her own alias
        {"alice", "bob@modot.mo.gov", "192.0.2.1", "sender_identity"},
        {"", "bob@modot.mo.gov", "192.0.2.1", "sender_identity"},  // unverified internal claim
        {"", "bob@modot.mo.gov", "127.0.0.1", ""},
    }));
    ord::Envelope env;
    env.auth_login = c.login;
    env.mail_from = c.mail_from;
    env.client_addr = c.client;
    ord::Findings out;
    check.on_sender(ord::make_context(*s, env, {}), out);
    if (std::string(c.rule).empty()) {
        CHECK(out.empty());
    } else {
        REQUIRE(out.size() == 1);
        CHECK(out[0].rule == c.rule);
    }
}

TEST_CASE("naming many members one by one counts as a send to the group", "[directory]") {
    auto s = demo_store();
    ord::Config cfg;  // defaults: min(50, 25%) members, at least 10
    ord::DirectoryCheck check(cfg, s);
    struct Case {
        int named;
        const char* sender;
        bool district4;  // flagged as a send to District 4
        bool users;      // flagged as a send to USERS (43 members; District 4 is inside it)
    };
    auto c = GENERATE(values<Case>({{5, "alice@modot.mo.gov", false, false},
                                    {10, "alice@modot.mo.gov", false, false},  // 10 of 41 = 24%: under the share
                                    {11, "alice@modot.mo.gov", true, true},    // 11 > 25% of 41 and of 43
                                    {30, "carol@modot.mo.gov", false, true},   // authorized for District 4 only
                                    {30, "bob@modot.mo.gov", true, true}}));
    std::string to;
    ord::Envelope env;
    env.mail_from = c.sender;
    env.client_addr = "127.0.0.1";
    for (int i = 0; i < c.named; ++i) {
        if (i % 2) env.rcpts.push_back("p" + std::to_string(i) + "@modot.mo.gov");  // envelope
        else to += (to.empty() ? "" : ", ") + std::string("\"P, ") + std::to_string(i) + "\" <p" + std::to_string(i) +
                   "@modot.mo.gov>";  // To: header
    }
    ord::mime::Message msg;
    msg.headers.push_back({"To", to, to});
    ord::Findings out;
    check.on_message(ord::make_context(*s, env, {}), msg, out);
    bool district4 = false, users = false;
    for (const auto& f : out) {
        if (f.rule != "protected_group_share") continue;
        CHECK(f.evidence.find("members_addressed=" + std::to_string(c.named)) != std::string::npos);
        district4 |= f.evidence.find("group=district4@") != std::string::npos;
        users |= f.evidence.find("group=users@") != std::string::npos;
    }
    CHECK(district4 == c.district4);
    CHECK(users == c.users);
}

TEST_CASE("the demo configuration refuses unauthorized sends end to end", "[directory]") {
    auto e = engine_with(nullptr);
    ord::Envelope env;
    env.client_addr = "127.0.0.1";
    env.mail_from = "alice@modot.mo.gov";
    env.rcpts = {"users@modot.mo.gov", "bob@modot.mo.gov"};
    auto o = ord::scan_message(*e, env, "From: alice@modot.mo.gov\r\nSubject: hi\r\n\r\nhello\r\n");
    CHECK(o.decision.verdict == ord::Verdict::Reject);
    CHECK(o.decision.smtp_reply().rfind("550 5.7.1 ", 0) == 0);
    CHECK(o.decision.smtp_reply().find("users@modot.mo.gov") != std::string::npos);
    CHECK(o.decision.smtp_reply().find("2503 section 3") != std::string::npos);
    REQUIRE(o.recipients.size() == 2);
    CHECK(o.recipients[1].second.verdict == ord::Verdict::Accept);  // bob still gets it
    env.mail_from = "director@modot.mo.gov";
    CHECK(ord::scan_message(*e, env, "Subject: hi\r\n\r\nhello\r\n").decision.verdict == ord::Verdict::Accept);
    env.rcpts = {"retired.engineer@modot.mo.gov"};
    auto gone = ord::scan_message(*e, env, "Subject: hi\r\n\r\nhello\r\n");
    CHECK(gone.decision.smtp_reply().rfind("550 5.1.1 ", 0) == 0);
}
