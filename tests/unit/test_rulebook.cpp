// The rule book: a content category defined only in a rule file is a rule like the built-in
// ones ([rules.ID] accepted and applied, its policy paragraph in the refusal); unknown ids fail.
#include <catch2/catch.hpp>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "checks/assemble.h"
#include "checks/scan.h"
#include "policy/config.h"
#include "policy/engine.h"
#include "policy/rulebook.h"

namespace {

// A directory with ordinance.toml naming one rule file of a category no build knows.
struct RuleDir {
    std::string dir;
    std::string config;
    explicit RuleDir(const std::string& extra_config = "", const std::string& category_extra = "") {
        char tmpl[] = "/tmp/ordinance-rulebook-XXXXXX";
        dir = mkdtemp(tmpl);
        std::ofstream(dir + "/harassment.toml") << "# Harassment: a category only this file defines.\n"
                                                   "[category]\n"
                                                   "id = \"harassment\"\n"
                                                   "policy = \"2503 section 7 F (harassment)\"\n"
                                                   "reason = \"Harassing message\"\n"
                                                << category_extra
                                                << "action_inbound = \"tag\"\n"
                                                   "action_outbound = \"tag\"\n"
                                                   "action_internal = \"tag\"\n"
                                                   "\n[[rule]]\n"
                                                   "id = \"threat\"\n"
                                                   "phrases = [\"you will regret this\"]\n";
        config = dir + "/ordinance.toml";
        std::ofstream(config) << "[organisation]\n"
                                 "internal_domains = [\"modot.mo.gov\"]\n"
                                 "trusted_networks = [\"127.0.0.1\"]\n"
                                 "[antivirus]\n"
                                 "enabled = false\n"
                                 "[content]\n"
                                 "rules = [\"harassment.toml\"]\n"
                              << extra_config;
    }
    ~RuleDir() { std::filesystem::remove_all(dir); }
};

ord::Decision scan(const ord::Engine& e, const std::string& body) {
    ord::Envelope env;
    env.client_addr = "192.0.2.7";
    env.mail_from = "someone@example.org";
    env.rcpts = {"alice@modot.mo.gov"};
    std::string raw = "From: someone@example.org\r\nTo: alice@modot.mo.gov\r\nSubject: hello\r\n"
                      "MIME-Version: 1.0\r\nContent-Type: text/plain\r\n\r\n" + body + "\r\n";
    return ord::scan_message(e, env, raw).decision;
}

}  // namespace

TEST_CASE("a category defined only in a rule file is a rule: [rules.ID] is accepted and applied", "[rulebook]") {
    RuleDir d;
    auto cfg = ord::load_config(d.config, {"rules.harassment.action=reject"});
    REQUIRE(cfg.ok());
    const auto& book = *(*cfg)->rule_book;
    REQUIRE(book.find("harassment"));
    CHECK(book.find("harassment")->file == d.dir + "/harassment.toml");
    CHECK(book.find("harassment")->line == 2);
    CHECK(book.policy_of("harassment") == "2503 section 7 F (harassment)");
    CHECK(book.has_category("harassment"));
    CHECK(book.has_category("virus"));  // the built-in categories stay
    CHECK_FALSE(book.has_category("gambling"));  // a content category exists only with its file

    auto with = ord::load_engine(d.config, {"rules.harassment.action=reject"});
    REQUIRE(with.ok());
    auto refused = scan(**with, "Send the report or you will regret this.");
    CHECK(refused.verdict == ord::Verdict::Reject);
    CHECK(refused.smtp_reply() ==
          "550 5.7.1 Harassing message (threat) [rule harassment, policy 2503 section 7 F (harassment)]");
    CHECK(scan(**with, "The report is attached.").verdict == ord::Verdict::Accept);

    // Without the override the file's own action (tag) holds: the override is what refused it.
    auto without = ord::load_engine(d.config, {});
    REQUIRE(without.ok());
    CHECK(scan(**without, "Send the report or you will regret this.").verdict == ord::Verdict::Tag);

    // Per-direction keys work for it too: the message above is inbound.
    auto inbound = ord::load_engine(d.config, {"rules.harassment.action_inbound=quarantine"});
    REQUIRE(inbound.ok());
    CHECK(scan(**inbound, "you will regret this").verdict == ord::Verdict::Quarantine);
}

TEST_CASE("a rule file's reply text is the refusal's text", "[rulebook]") {
    RuleDir d("", "reply = \"This message breaks the harassment policy\"\naction_inbound = \"reject\"\n");
    // action_inbound appears twice in the file now: TOML refuses, file:line names it.
    auto dup = ord::load_engine(d.config, {});
    REQUIRE_FALSE(dup.ok());
    CHECK(dup.error().message.find(d.dir + "/harassment.toml:") == 0);

    RuleDir r("", "reply = \"This message breaks the harassment policy\"\n");
    auto e = ord::load_engine(r.config, {"rules.harassment.action=reject"});
    REQUIRE(e.ok());
    CHECK(scan(**e, "you will regret this").smtp_reply() ==
          "550 5.7.1 This message breaks the harassment policy [rule harassment, policy 2503 section 7 F "
          "(harassment)]");
}

TEST_CASE("an unknown rule id in [rules.X] still fails with file:line", "[rulebook][config]") {
    RuleDir d("[rules.harasment]\naction = \"reject\"\n");
    auto e = ord::load_engine(d.config, {});
    REQUIRE_FALSE(e.ok());
    INFO(e.error().message);
    // Line 8: the [rules.harasment] header after the 7 lines RuleDir writes.
    CHECK(e.error().message.find(d.config + ":8: unknown rule 'harasment' in [rules.harasment]") == 0);
    CHECK(e.error().message.find("harassment") != std::string::npos);  // the known ids include the file's

    auto set = ord::load_engine(d.config, {"rules.nosuch.action=reject"});
    REQUIRE_FALSE(set.ok());
    CHECK(set.error().message.find("unknown rule 'nosuch'") != std::string::npos);
}

TEST_CASE("a rule file cannot redefine a built-in rule", "[rulebook][config]") {
    RuleDir d;
    std::ofstream(d.dir + "/virus.toml") << "[category]\nid = \"virus\"\n\n[[rule]]\nid = \"x\"\nphrases = [\"x\"]\n";
    auto cfg = ord::load_config(d.config, {"content.rules=[\"harassment.toml\", \"virus.toml\"]"});
    REQUIRE_FALSE(cfg.ok());
    CHECK(cfg.error().message == d.dir + "/virus.toml:1: category 'virus' is a built-in rule; choose another id");
}
