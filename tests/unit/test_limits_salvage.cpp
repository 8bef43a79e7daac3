// A message that breaks a parser limit keeps its content findings: the text is salvaged from
// the raw body (Limits::max_salvage_bytes) instead of only `malformed` firing.
#include <catch2/catch.hpp>

#include <set>
#include <string>

#include "checks/assemble.h"
#include "policy/engine.h"
#include "checks/scan.h"
#include "mime/parse.h"
#include "scan_helpers.h"

namespace {

// Splits a corpus message into its header block (without Content-* fields) and its body.
void split(const std::string& raw, std::string& head, std::string& body) {
    auto at = raw.find("\n\n");
    REQUIRE(at != std::string::npos);
    body = raw.substr(at + 2);
    head.clear();
    std::size_t pos = 0;
    while (pos < at + 1) {
        std::size_t nl = raw.find('\n', pos);
        std::string line = raw.substr(pos, nl - pos + 1);
        if (line.rfind("Content-", 0) != 0 && line.rfind("MIME-", 0) != 0) head += line;
        pos = nl + 1;
    }
}

std::string hostile(const std::string& raw, const std::string& kind) {
    std::string head, body;
    split(raw, head, body);
    const std::string text_part = "Content-Type: text/plain; charset=utf-8\n\n" + body;
    if (kind == "line_length") return raw + std::string(70000, ' ') + "\n";
    if (kind == "headers") {
        std::string h;
        for (int i = 0; i < 1001; ++i) h += "X-Filler: " + std::to_string(i) + "\n";
        return h + raw;
    }
    if (kind == "header_size") {  // one folded field of more than 100 KiB
        std::string h = "X-Filler: x";
        while (h.size() < 110000) h += "\n filler";
        return h + "\n" + raw;
    }
    if (kind == "parts") {
        std::string m = head + "MIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=bb\n\n--bb\n" + text_part;
        for (int i = 0; i < 1001; ++i) m += "\n--bb\nContent-Type: text/plain\n\nfiller\n";
        return m + "\n--bb--\n";
    }
    // depth: 33 multiparts, the text in the innermost
    std::string m = head + "MIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=b0\n\n";
    for (int i = 1; i <= 33; ++i)
        m += "--b" + std::to_string(i - 1) + "\nContent-Type: multipart/mixed; boundary=b" + std::to_string(i) + "\n\n";
    return m + "--b33\n" + text_part + "\n--b33--\n";
}

// The envelope is taken from the unbroken message's header: SMTP gives it, not the header.
std::set<std::string> rules(const ord::Engine& e, const std::string& raw, const std::string& original) {
    ord::Envelope env;
    env.mail_from = ord::extract_address(ord::mime::parse(original).header("from"));
    env.client_addr = "127.0.0.1";
    env.rcpts = {ord::extract_address(ord::mime::parse(original).header("to"))};  // as the corpus runner does
    std::set<std::string> out;
    for (const auto& f : ord::scan_message(e, env, raw).decision.findings) out.insert(f.rule);
    return out;
}

}  // namespace

TEST_CASE("a message past a parser limit keeps its content findings", "[parse][limits]") {
    auto loaded = ord::load_engine(std::string(ORDINANCE_SOURCE_DIR) + "/config/examples/ordinance.toml", {});
    REQUIRE(loaded.ok());
    const ord::Engine& e = **loaded;
    auto file = GENERATE(as<std::string>{}, "072_offensive_00.eml", "088_pii_00.eml");
    auto kind = GENERATE(as<std::string>{}, "line_length", "headers", "header_size", "parts", "depth");
    std::string raw;
    for (char c : testutil::slurp(std::string(ORDINANCE_SOURCE_DIR) + "/tests/corpus/policy/" + file))
        if (c != '\r') raw += c;  // LF only, so that the shapes below are built one way
    std::set<std::string> before = rules(e, raw, raw);
    before.erase("malformed");
    REQUIRE_FALSE(before.empty());
    std::set<std::string> after = rules(e, hostile(raw, kind), raw);
    INFO(file << " broken by " << kind);
    CHECK(after.count("malformed") == 1);  // the limit break is still reported
    for (const auto& r : before) CHECK(after.count(r) == 1);
}
