#include <catch2/catch.hpp>
#include <string>

#include "checks/assemble.h"
#include "policy/engine.h"
#include "checks/scan.h"

namespace {
std::shared_ptr<const ord::Engine> engine(std::vector<std::string> sets) {
    auto e = ord::load_engine(std::string(ORDINANCE_SOURCE_DIR) + "/config/examples/ordinance.toml", sets);
    REQUIRE(e.ok());
    return *e;
}

std::string message_with_attachment(size_t bytes) {
    std::string raw =
        "From: alice@modot.mo.gov\r\nTo: bob@modot.mo.gov\r\nSubject: big\r\nMIME-Version: 1.0\r\n"
        "Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\nsee attached\r\n"
        "--b\r\nContent-Type: application/octet-stream; name=data.bin\r\n\r\n";
    raw += std::string(bytes, 'x');
    raw += "\r\n--b--\r\n";
    return raw;
}
}  // namespace

TEST_CASE("size limits give oversize findings with the configured action", "[engine]") {
    struct Case {
        size_t attachment;
        size_t max_message;
        size_t max_attachment;
        const char* action;  // "" when nothing fires
        ord::Verdict verdict;
    };
    auto c = GENERATE(values<Case>({
        {1000, 100000, 50000, "", ord::Verdict::Accept},
        {60000, 100000, 50000, "reject", ord::Verdict::Reject},    // attachment too big
        {90000, 50000, 1000000, "reject", ord::Verdict::Reject},   // message too big
        {60000, 100000, 50000, "tag", ord::Verdict::Tag},          // configured to tag
    }));
    std::vector<std::string> sets{"size.max_message_bytes=" + std::to_string(c.max_message),
                                  "size.max_attachment_bytes=" + std::to_string(c.max_attachment)};
    if (std::string(c.action) == "tag") sets.push_back("rules.oversize.action=tag");
    auto e = engine(sets);
    ord::Envelope env;
    env.client_addr = "127.0.0.1";
    env.rcpts = {"bob@modot.mo.gov"};
    auto o = ord::scan_message(*e, env, message_with_attachment(c.attachment));
    CHECK(o.decision.verdict == c.verdict);
    if (std::string(c.action).empty()) {
        CHECK(o.decision.findings.empty());
    } else {
        REQUIRE(o.decision.findings.size() >= 1);
        CHECK(o.decision.findings[0].category == "oversize");
        CHECK(ord::verdict_name(o.decision.findings[0].action) == c.action);
    }
    if (c.verdict == ord::Verdict::Reject) {
        CHECK(o.decision.smtp_reply().rfind("550 5.7.1 ", 0) == 0);
        CHECK(o.decision.smtp_reply().find("rule oversize") != std::string::npos);
        CHECK(o.decision.smtp_reply().find("9 D") != std::string::npos);
    }
}

TEST_CASE("the most severe action wins", "[engine]") {
    CHECK(ord::worse(ord::Verdict::Tag, ord::Verdict::Reject) == ord::Verdict::Reject);
    CHECK(ord::worse(ord::Verdict::Quarantine, ord::Verdict::Tag) == ord::Verdict::Quarantine);
    CHECK(ord::worse(ord::Verdict::TempFail, ord::Verdict::Discard) == ord::Verdict::TempFail);
    // malformed (tag) + oversize (reject) -> reject, with both findings reported
    auto e = engine({"size.max_message_bytes=100"});
    ord::Envelope env;
    env.client_addr = "127.0.0.1";
    auto o = ord::scan_message(*e, env, "Content-Transfer-Encoding: base64\r\n\r\n" + std::string(200, '!'));
    CHECK(o.decision.verdict == ord::Verdict::Reject);
    CHECK(o.decision.findings.size() == 2);
}

TEST_CASE("the From: header stands in for a missing envelope sender", "[engine]") {
    CHECK(ord::extract_address("\"Smith, Al\" <al@modot.mo.gov>") == "al@modot.mo.gov");
    CHECK(ord::extract_address("al@modot.mo.gov (Al)") == "al@modot.mo.gov");
    CHECK(ord::extract_address("undisclosed") == "");
}
