#include <catch2/catch.hpp>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <set>
#include <string>

#include "checks/assemble.h"
#include "policy/direction.h"
#include "policy/engine.h"
#include "checks/personal_data.h"
#include "checks/scan.h"
#include "checks/content_rules.h"

namespace {

const std::string kConfig = std::string(ORDINANCE_SOURCE_DIR) + "/config/examples/ordinance.toml";

std::shared_ptr<const ord::Engine> engine(std::vector<std::string> sets = {}) {
    auto e = ord::load_engine(kConfig, sets);
    if (!e) FAIL(e.error().message);
    return *e;
}

std::string mail(const std::string& from, const std::string& subject, const std::string& body,
                 const std::string& extra_headers = "", const std::string& ctype = "text/plain; charset=utf-8") {
    return "From: " + from + "\r\nTo: someone@example.org\r\nSubject: " + subject + "\r\n" + extra_headers +
           "MIME-Version: 1.0\r\nContent-Type: " + ctype + "\r\n\r\n" + body + "\r\n";
}

struct Outcome {
    std::set<std::string> categories;
    ord::Verdict verdict;
    std::string evidence;
};

Outcome run(const ord::Engine& e, const std::string& from, std::vector<std::string> rcpts, const std::string& raw) {
    ord::Envelope env;
    env.client_addr = "127.0.0.1";
    env.mail_from = from;
    env.rcpts = std::move(rcpts);
    auto o = ord::scan_message(e, env, raw);
    Outcome out{{}, o.decision.verdict, {}};
    for (const auto& f : o.decision.findings) {
        out.categories.insert(f.category);
        out.evidence += f.evidence + "\n";
    }
    return out;
}

}  // namespace

TEST_CASE("personal-data validators", "[content][personal_data]") {
    struct Case {
        const char* digits;
        bool ssn, luhn, issuer, aba;
    };
    auto c = GENERATE(values<Case>({
        {"212456789", true, false, false, false},
        {"000456789", false, false, false, false},  // area 000
        {"666456789", false, false, false, false},  // area 666
        {"912456789", false, false, false, false},  // area 9xx
        {"212006789", false, false, false, false},  // group 00
        {"212450000", false, false, false, false},  // serial 0000
        {"078051120", false, false, false, true},   // the Woolworth wallet number (a valid ABA checksum)
        {"4111111111111111", false, true, true, false},
        {"4111111111111112", false, false, true, false},
        {"5500000000000004", false, true, true, false},
        {"340000000000009", false, true, true, false},
        {"9111111111111111", false, false, false, false},  // no issuer starts with 9
        {"021000021", false, false, false, true},            // JPMorgan Chase routing
        {"011000015", false, false, false, true},            // Federal Reserve Boston
        {"021000022", false, false, false, false},           // checksum off by one
        {"991000017", false, false, false, false},          // prefix 99 is no Fed district
    }));
    CAPTURE(c.digits);
    std::string d = c.digits;
    CHECK(ord::ssn_valid(d) == c.ssn);
    if (d.size() >= 13) {
        CHECK(ord::luhn_valid(d) == c.luhn);
        CHECK(ord::card_issuer_valid(d) == c.issuer);
    }
    if (d.size() == 9) CHECK(ord::aba_valid(d) == c.aba);
}

TEST_CASE("personal-data detection needs context for SSNs and routing numbers", "[content][personal_data]") {
    ord::PersonalDataSettings s;
    s.ssn_context = {"ssn", "social security"};
    s.card_context = {"card", "visa"};
    s.routing_context = {"routing"};
    struct Case {
        const char* text;
        std::size_t hits;
    };
    auto c = GENERATE(values<Case>({
        {"Employee SSN: 212-45-6789.", 1},
        {"Please complete form 212-45-6789 today.", 0},      // looks like one, no context
        {"SSN 666-45-6789 and 212-00-6789", 0},               // invalid area, invalid group
        {"name,ssn\nA,212-45-6789\nB,401-22-1234\n", 2},     // CSV column header gives context
        {"social security number 212456789", 1},
        {"Visa 4111 1111 1111 1111 exp 08/28", 1},
        {"4111-1111-1111-1111", 1},                           // grouped card numbers need no context
        {"order 4111111111111111 shipped", 0},                // bare digits without context
        {"routing number 021000021", 1},
        {"file number 021000021", 0},
        {"SSN 212-45-6789-01", 0},                            // part of a longer number
        {"ssn 12.212456789", 0},
    }));
    CAPTURE(c.text);
    CHECK(ord::find_personal_data(c.text, s).size() == c.hits);
}

TEST_CASE("direction of a recipient and of a message", "[content][direction]") {
    auto e = engine();
    auto dir = [&](const ord::Envelope& env, std::string rcpt) { return e->context(env, &rcpt).recipient_direction; };
    auto whole = [&](const ord::Envelope& env) { return e->context(env).direction; };
    ord::Envelope env;
    env.client_addr = "127.0.0.1";
    env.mail_from = "alice@modot.mo.gov";
    CHECK(dir(env, "bob@modot.mo.gov") == ord::Direction::Internal);
    CHECK(dir(env, "x@gmail.com") == ord::Direction::Outbound);
    CHECK(dir(env, "x@sub.modot.mo.gov") == ord::Direction::Internal);
    env.rcpts = {"bob@modot.mo.gov", "x@gmail.com"};
    CHECK(whole(env) == ord::Direction::Outbound);
    auto ctx = e->context(env);
    CHECK(ctx.directions == std::vector{ord::Direction::Internal, ord::Direction::Outbound});
    env.client_addr = "203.0.113.9";  // internal-looking sender from outside, not authenticated
    CHECK(whole(env) == ord::Direction::Inbound);
    env.auth_login = "alice@modot.mo.gov";
    CHECK(whole(env) == ord::Direction::Outbound);
    env = {};
    env.mail_from = "news@shop.example";
    env.rcpts = {"bob@modot.mo.gov"};
    CHECK(whole(env) == ord::Direction::Inbound);
}

// The direction follows the one identity (AUTH login through the alias table, then the
// envelope sender), not the login's spelling. Before, any login without '@' counted as
// internal and a login with '@' was judged by its own domain, alias table or not.
TEST_CASE("direction follows the sender identity, alias table included", "[content][direction][identity]") {
    auto e = engine();
    struct Case {
        const char* login;
        const char* mail_from;
        const char* client;
        ord::Direction to_gmail;  // the direction of mail to x@gmail.com
        const char* identity;
    };
    auto c = GENERATE(values<Case>({
        // asmith@mail.realm: SASL realm outside our domains; the login maps through the alias
        // table to alice@modot.mo.gov, so she is one of ours and the mail is outbound (it
        // was inbound before: the login's own domain is not internal).
        {"asmith@mail.realm", "private@example.net", "203.0.113.9", ord::Direction::Outbound, "alice@modot.mo.gov"},
        {"alice", "", "203.0.113.9", ord::Direction::Outbound, "alice@modot.mo.gov"},
        // A login in no alias table is not an identity: the envelope sender decides, and
        // here that is an outside address, so the mail is inbound (it was outbound before,
        // as if any login without '@' were one of ours).
        {"mallory", "mallory@example.com", "203.0.113.9", ord::Direction::Inbound, "mallory@example.com"},
        // An unmapped login with one of our envelope senders: authenticated, so verified.
        {"mallory", "bob@modot.mo.gov", "203.0.113.9", ord::Direction::Outbound, "bob@modot.mo.gov"},
        // No AUTH, our address, from outside: unverified, so not one of ours.
        {"", "bob@modot.mo.gov", "203.0.113.9", ord::Direction::Inbound, "bob@modot.mo.gov"},
    }));
    CAPTURE(c.login, c.mail_from);
    ord::Envelope env;
    env.auth_login = c.login;
    env.mail_from = c.mail_from;
    env.client_addr = c.client;
    std::string rcpt = "x@gmail.com";
    auto ctx = e->context(env, &rcpt);
    CHECK(ctx.identity.address == c.identity);
    CHECK(ctx.recipient_direction == c.to_gmail);
    // The Decision carries the direction the Engine used, for what comes after the verdict.
    CHECK(e->recipient(env, rcpt).direction == c.to_gmail);
}

TEST_CASE("content categories fire with the action of their direction", "[content]") {
    auto e = engine();
    struct Case {
        const char* name;
        const char* from;
        const char* rcpt;
        std::string raw;
        const char* category;  // "" for none
        ord::Verdict verdict;
    };
    const std::string chain = "Forward this to 10 people within one hour or you will have bad luck. Don't break the chain!";
    auto c = GENERATE_REF(values<Case>({
        {"chain letter, internal", "a@modot.mo.gov", "b@modot.mo.gov", mail("a@modot.mo.gov", "Fw: Fw: Fw: wow", chain),
         "chain_letter", ord::Verdict::Quarantine},
        {"chain letter, inbound", "x@aol.com", "b@modot.mo.gov", mail("x@aol.com", "wow", chain), "chain_letter",
         ord::Verdict::Tag},
        {"obfuscated chain letter", "a@modot.mo.gov", "b@modot.mo.gov",
         mail("a@modot.mo.gov", "hi", "F0rward th\u0456s to 10 p.e.o.p.l.e or b\u200bad l u c k. D0n't break the ch@in"),
         "chain_letter", ord::Verdict::Quarantine},
        {"chain of command", "director@modot.mo.gov", "b@modot.mo.gov",
         mail("director@modot.mo.gov", "Chain of command",
              "Follow the chain of command for closures. Forward this to your crew leaders."),
         "", ord::Verdict::Accept},
        {"surplus auction from allow-listed sender", "surplus@oa.mo.gov", "b@modot.mo.gov",
         mail("surplus@oa.mo.gov", "Surplus auction", "Trucks for sale, asking price $5,000 or best offer. Call me."),
         "", ord::Verdict::Accept},
        {"the same sale from a colleague", "a@modot.mo.gov", "b@modot.mo.gov",
         mail("a@modot.mo.gov", "Truck", "My truck for sale, asking price $5,000 or best offer. Call me at 555-0101."),
         "solicitation", ord::Verdict::Quarantine},
        {"offensive, word boundaries", "a@modot.mo.gov", "b@modot.mo.gov",
         mail("a@modot.mo.gov", "Scunthorpe assessment", "The Essex class assessment at Cockrell Road. Hell Creek."), "",
         ord::Verdict::Accept},
        {"offensive, obfuscated", "a@modot.mo.gov", "b@modot.mo.gov",
         mail("a@modot.mo.gov", "re", "what a load of bullsh1t"), "offensive", ord::Verdict::Quarantine},
        {"newsletter by headers, inbound", "deals@shop.example", "b@modot.mo.gov",
         mail("deals@shop.example", "Sale", "View this email in your browser. Unsubscribe.",
              "List-Unsubscribe: <mailto:u@shop.example>\r\nPrecedence: bulk\r\n"),
         "newsletter", ord::Verdict::Tag},
        {"business list, allow-listed", "news@fhwa.dot.gov", "b@modot.mo.gov",
         mail("news@fhwa.dot.gov", "Innovator", "Unsubscribe here.", "List-Unsubscribe: <mailto:u@fhwa.dot.gov>\r\n"), "",
         ord::Verdict::Accept},
        {"SSN outbound to external", "a@modot.mo.gov", "x@titleco.example",
         mail("a@modot.mo.gov", "info", "SSN 212-45-6789"), "personal_data", ord::Verdict::Tag},
        {"SSN internal", "a@modot.mo.gov", "b@modot.mo.gov", mail("a@modot.mo.gov", "info", "SSN 212-45-6789"), "",
         ord::Verdict::Accept},
        {"SSN to a secure partner", "a@modot.mo.gov", "x@ssa.gov", mail("a@modot.mo.gov", "info", "SSN 212-45-6789"), "",
         ord::Verdict::Accept},
        {"SSN in S/MIME", "a@modot.mo.gov", "x@titleco.example",
         mail("a@modot.mo.gov", "info", "MIIBxyz", "", "application/pkcs7-mime; smime-type=enveloped-data"), "",
         ord::Verdict::Accept},
        {"five SSNs quarantine", "a@modot.mo.gov", "x@titleco.example",
         mail("a@modot.mo.gov", "roster",
              "name,ssn\na,212-45-6789\nb,401-22-1234\nc,518-66-0419\nd,332-19-8765\ne,145-72-9051"),
         "personal_data", ord::Verdict::Quarantine},
        {"auto-forward to webmail", "a@modot.mo.gov", "me@gmail.com",
         mail("a@modot.mo.gov", "FW: budget", "numbers", "Auto-Submitted: auto-forwarded\r\n"), "auto_forward",
         ord::Verdict::Reject},
        {"auto-forward inside", "a@modot.mo.gov", "b@modot.mo.gov",
         mail("a@modot.mo.gov", "FW: budget", "numbers", "Auto-Submitted: auto-forwarded\r\n"), "", ord::Verdict::Accept},
        {"social network verification", "security@facebookmail.com", "b@modot.mo.gov",
         mail("security@facebookmail.com", "123456 is your Facebook code", "Welcome to Facebook. Confirm your email."),
         "social_network", ord::Verdict::Tag},
    }));
    CAPTURE(c.name);
    auto o = run(*e, c.from, {c.rcpt}, c.raw);
    CAPTURE(o.evidence);
    if (*c.category) CHECK(o.categories == std::set<std::string>{c.category});
    else CHECK(o.categories.empty());
    CHECK(o.verdict == c.verdict);
}

TEST_CASE("findings name the matched phrases with evidence spans", "[content]") {
    auto e = engine();
    auto o = run(*e, "a@modot.mo.gov", {"b@modot.mo.gov"},
                 mail("a@modot.mo.gov", "hello", "Hi all,\r\n\r\n> Super Bowl squares, $10 per square. Winner takes all."));
    REQUIRE(o.categories.count("gambling"));
    CHECK(o.evidence.find("gambling.pool \"Super Bowl squares\" body[") != std::string::npos);
    CHECK(o.evidence.find("depth 1") != std::string::npos);
}

TEST_CASE("per-direction actions from [rules.ID] override the rule file", "[content][engine]") {
    auto e = engine({"rules.chain_letter.action_inbound=reject", "rules.gambling.action=tag"});
    std::string chain = mail("x@aol.com", "Fw: Fw: Fw: read", "Forward this to 10 people or bad luck will follow!");
    CHECK(run(*e, "x@aol.com", {"b@modot.mo.gov"}, chain).verdict == ord::Verdict::Reject);
    std::string squares = mail("a@modot.mo.gov", "squares", "Super Bowl squares, $10 per square, winner takes all");
    CHECK(run(*e, "a@modot.mo.gov", {"b@modot.mo.gov"}, squares).verdict == ord::Verdict::Tag);
}

TEST_CASE("rule files: a bad regex or key is reported as file:line", "[content][config]") {
    std::string dir = "/tmp/ordinance-test-rules-" + std::to_string(::getpid());
    std::filesystem::create_directories(dir);
    {
        std::ofstream f(dir + "/bad.toml");
        f << "[category]\nid = \"chain_letter\"\nthreshold = 2\n\n[[rule]]\nid = \"x\"\nweight = 1\n"
             "phrases = [\"fine\"]\nregex = ['ok',\n         '(unclosed']\ncolour = \"red\"\n";
    }
    auto r = ord::load_content_rules(dir, {"bad.toml"});
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().message.find(dir + "/bad.toml:10: bad regex in rule 'x'") != std::string::npos);
    CHECK(r.error().message.find(dir + "/bad.toml:11: unknown key 'colour'") != std::string::npos);
    {
        std::ofstream f(dir + "/good.toml");
        f << "[category]\nid = \"gambling\"\naction_internal = \"reject\"\n[[rule]]\nid = \"y\"\nphrases = [\"office pool\"]\n";
    }
    auto g = ord::load_content_rules(dir, {"good.toml"});
    REQUIRE(g.ok());
    CHECK((*g)->categories.at(0).actions[static_cast<int>(ord::Direction::Internal)] == ord::Verdict::Reject);
    std::filesystem::remove_all(dir);
}
