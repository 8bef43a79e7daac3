#include <catch2/catch.hpp>

#include <string>

#include "checks/forward_parse.h"
#include "journal/index.h"
#include "mime/parse.h"

using namespace ord::forwarding;

namespace {

struct InlineCase {
    const char* name;
    const char* text;
    const char* style;
    const char* from;  // address, or name when no address
    std::vector<std::string> to;  // addresses, or names
    const char* subject;
};

std::string who(const Person& p) { return p.address.empty() ? p.name : p.address; }

}  // namespace

TEST_CASE("inline forward blocks of each client style", "[forwarding]") {
    DisplayNames dir;
    dir.add("Smith, Alice", "alice@x.gov");
    dir.add("Jones, Bob", "bob@x.gov");
    const InlineCase cases[] = {
        {"outlook plain", "FYI\n\n-----Original Message-----\nFrom: Smith, Alice <alice@x.gov>\nSent: Monday, January 5, 2026 10:00 AM\nTo: Jones, Bob <bob@x.gov>; carol@x.gov\nSubject: Budget\n\nbody\n",
         "outlook", "alice@x.gov", {"bob@x.gov", "carol@x.gov"}, "Budget"},
        {"outlook names only", "see below\n________________________________\nFrom: Smith, Alice\nSent: Monday, January 5, 2026 10:00 AM\nTo: Jones, Bob\nSubject: Budget\n\nbody\n",
         "outlook", "alice@x.gov", {"bob@x.gov"}, "Budget"},
        {"gmail", "---------- Forwarded message ---------\nFrom: Alice Smith <alice@x.gov>\nDate: Mon, Jan 5, 2026 at 10:00 AM\nSubject: Budget\nTo: <bob@x.gov>\n\n",
         "gmail", "alice@x.gov", {"bob@x.gov"}, "Budget"},
        {"apple quoted", "Begin forwarded message:\n\n> From: Alice Smith <alice@x.gov>\n> Subject: Budget\n> Date: January 5, 2026 at 10:00:00 AM CST\n> To: Bob Jones <bob@x.gov>\n>\n> body\n",
         "apple", "alice@x.gov", {"bob@x.gov"}, "Budget"},
        {"thunderbird", "-------- Forwarded Message --------\nSubject: \tBudget\nDate: \tMon, 5 Jan 2026 10:00:00 -0600\nFrom: \tAlice Smith <alice@x.gov>\nTo: \tbob@x.gov\n\n",
         "thunderbird", "alice@x.gov", {"bob@x.gov"}, "Budget"},
        {"notes", "----- Forwarded by Dave Brown/MODOT on 01/05/2026 10:00 AM -----\n\nFrom:\tAlice Smith/MODOT@MODOT\nTo:\tBob Jones/MODOT@MODOT\nDate:\t01/05/2026 09:00 AM\nSubject:\tBudget\n\n",
         "notes", "alice@x.gov", {"bob@x.gov"}, "Budget"},
        {"spanish", "-----Mensaje original-----\nDe: Alice Smith <alice@x.gov>\nEnviado el: lunes, 5 de enero de 2026 10:00\nPara: bob@x.gov\nAsunto: Presupuesto\n\n",
         "outlook", "alice@x.gov", {"bob@x.gov"}, "Presupuesto"},
        {"french", "-------- Message transf\xc3\xa9r\xc3\xa9 --------\nDe : Alice Smith <alice@x.gov>\nDate : lundi 5 janvier 2026\n\xc3\x80 : bob@x.gov\nObjet : Budget\n\n",
         "thunderbird", "alice@x.gov", {"bob@x.gov"}, "Budget"},
        {"german", "---------- Weitergeleitete Nachricht ---------\nVon: Alice Smith <alice@x.gov>\nDatum: Mo., 5. Jan. 2026 um 10:00 Uhr\nBetreff: Haushalt\nAn: bob@x.gov\n\n",
         "gmail", "alice@x.gov", {"bob@x.gov"}, "Haushalt"},
    };
    // Lotus Notes names without the directory stay names.
    auto notes = parse_inline(cases[5].text, nullptr);
    REQUIRE(notes.size() == 1);
    CHECK(notes[0].from[0].name == "Alice Smith");
    CHECK(notes[0].from[0].address.empty());
    for (const auto& c : cases) {
        INFO(c.name);
        auto blocks = parse_inline(c.text, &dir);
        REQUIRE(blocks.size() == 1);
        CHECK(blocks[0].style == c.style);
        REQUIRE(!blocks[0].from.empty());
        CHECK(who(blocks[0].from[0]) == c.from);
        std::vector<std::string> to;
        for (const auto& p : blocks[0].to) to.push_back(who(p));
        CHECK(to == c.to);
        CHECK(blocks[0].subject == c.subject);
    }
}

TEST_CASE("a reply is not a forward", "[forwarding]") {
    std::string raw =
        "From: bob@x.gov\r\nTo: alice@x.gov\r\nSubject: Re: Budget\r\n\r\nThanks.\r\n\r\nOn Mon, Jan 5, 2026 at 10:00 AM "
        "Alice <alice@x.gov> wrote:\r\n> the numbers\r\n";
    auto m = ord::mime::parse(raw);
    auto f = find_forwarded(m, nullptr);
    CHECK(f.is_reply());
    CHECK_FALSE(f.is_forward());
    std::string fwd = "From: bob@x.gov\r\nTo: dave@x.gov\r\nSubject: Fw: Budget\r\n\r\n-----Original Message-----\r\n"
                      "From: alice@x.gov\r\nSent: Monday, January 5, 2026\r\nTo: bob@x.gov\r\nSubject: Budget\r\n\r\nx\r\n";
    auto f2 = find_forwarded(ord::mime::parse(fwd), nullptr);
    CHECK(f2.is_forward());
    REQUIRE(f2.levels.size() == 1);
}

TEST_CASE("people lists and names without addresses", "[forwarding]") {
    DisplayNames dir;
    dir.add("Smith, John", "john@x.gov");
    auto one = parse_people("Smith, John", &dir);
    REQUIRE(one.size() == 1);
    CHECK(one[0].address == "john@x.gov");
    auto two = parse_people("Smith, John; Doe, Jane", &dir);
    REQUIRE(two.size() == 2);
    CHECK(two[0].address == "john@x.gov");
    CHECK(two[1].address.empty());
    CHECK(two[1].name == "Doe, Jane");
    auto enc = parse_people("=?utf-8?q?Jos=C3=A9_P=C3=A9rez?= <jose@x.gov>, b@x.gov", &dir);
    REQUIRE(enc.size() == 2);
    CHECK(enc[0].name == "Jos\xc3\xa9 P\xc3\xa9rez");
    CHECK(enc[1].address == "b@x.gov");
    CHECK(dir.find("john smith") == "john@x.gov");
    auto mailto = parse_people("Smith, John [mailto:JOHN@x.gov]", nullptr);
    REQUIRE(mailto.size() == 1);
    CHECK(mailto[0].address == "john@x.gov");
}

TEST_CASE("quoted dates of the clients", "[forwarding]") {
    long long d = quoted_day("Mon, 5 Jan 2026 10:00:00 -0600");
    CHECK(d == 1767571200);
    for (const char* s : {"Monday, January 5, 2026 10:00 AM", "Mon, Jan 5, 2026 at 10:00 AM", "01/05/2026 10:00 AM",
                          "lunes, 5 de enero de 2026 10:00", "lundi 5 janvier 2026 10:00", "Montag, 5. Januar 2026 10:00",
                          "2026-01-05 10:00"}) {
        INFO(s);
        CHECK(quoted_day(s) == d);
    }
    CHECK(quoted_day("no date here") == -1);
    CHECK(ord::journal::base_subject("RE: Fw: FWD:  Budget  2026") == "budget 2026");
    CHECK(ord::journal::base_subject("TR : Budget") == "budget");
}

// --- the check, through the real engine and a real journal index on disk ----------------------

#include <unistd.h>

#include <filesystem>

#include "checks/assemble.h"
#include "checks/scan.h"
#include "journal/entry.h"

namespace {

const std::string kConfig = std::string(ORDINANCE_SOURCE_DIR) + "/config/examples/ordinance.toml";

struct TempJournal {
    std::string dir;
    TempJournal() {
        char tmpl[] = "/tmp/ordinance-fwd-XXXXXX";
        dir = ::mkdtemp(tmpl);
    }
    ~TempJournal() { std::filesystem::remove_all(dir); }
    // One journaled message: its Message-ID (or ""), sender, envelope recipients, time, subject.
    void add(const std::string& mid, const std::string& from, std::vector<std::string> rcpts, int64_t t,
             const std::string& subject) {
        auto idx = ord::journal::JournalIndex::open(dir + "/index.sqlite");
        REQUIRE(idx);
        ord::journal::JournalEntry e;
        e.id = "e" + std::to_string(++n);
        e.time = t;
        e.message_id = mid;
        e.mail_from = from;
        e.rcpts = std::move(rcpts);
        e.subject = subject;
        e.verdict = "accept";
        std::vector<ord::journal::JournalIndex::Item> items{{&e, ord::journal::entry_key(e), std::string(64, '0'), ""}};
        REQUIRE((*idx)->insert(items));
    }
    int n = 0;
};

std::string fwd_of(const std::string& forwarder, const std::string& block) {
    return "From: " + forwarder + "\r\nTo: erin@modot.mo.gov\r\nSubject: FW: Budget\r\nMessage-ID: <x@modot.mo.gov>\r\n\r\nFYI\r\n\r\n" +
           block;
}

const char* kBlock =
    "-----Original Message-----\r\nFrom: Smith, Alice <alice@modot.mo.gov>\r\nSent: Monday, November 2, 2026 9:14 AM\r\n"
    "To: Jones, Bob\r\nSubject: Budget\r\n\r\nnumbers\r\n";

std::vector<ord::Finding> forwarding_findings(const ord::Engine& e, const std::string& from, const std::string& raw) {
    ord::Envelope env;
    env.client_addr = "127.0.0.1";
    env.mail_from = from;
    env.rcpts = {"erin@modot.mo.gov"};
    auto o = ord::scan_message(e, env, raw);
    std::vector<ord::Finding> out;
    for (const auto& f : o.decision.findings)
        if (f.category == "forward_by_nonrecipient" || f.rule == "auto_forward_trace") out.push_back(f);
    return out;
}

}  // namespace

TEST_CASE("forward_by_nonrecipient from the quoted header, the directory and the journal", "[forwarding]") {
    TempJournal j;
    auto engine = ord::load_engine(kConfig, {"journal.dir=" + j.dir});
    REQUIRE(engine);
    // bob is named by display name only (the directory resolves "Jones, Bob"): his forward passes.
    CHECK(forwarding_findings(**engine, "bob@modot.mo.gov", fwd_of("bob@modot.mo.gov", kBlock)).empty());
    CHECK(forwarding_findings(**engine, "alice@modot.mo.gov", fwd_of("alice@modot.mo.gov", kBlock)).empty());
    // dave got it from nobody: held.
    auto dave = forwarding_findings(**engine, "dave@modot.mo.gov", fwd_of("dave@modot.mo.gov", kBlock));
    REQUIRE(dave.size() == 1);
    CHECK(dave[0].action == ord::Verdict::Quarantine);
    CHECK(dave[0].evidence.find("original_to=bob@modot.mo.gov") != std::string::npos);
    CHECK(dave[0].evidence.find("decided=headers") != std::string::npos);
    // carol was in Bcc: the journal (by sender, day and subject, no Message-ID quoted) says so.
    CHECK(forwarding_findings(**engine, "carol@modot.mo.gov", fwd_of("carol@modot.mo.gov", kBlock)).size() == 1);
    j.add("", "alice@modot.mo.gov", {"bob@modot.mo.gov", "carol@modot.mo.gov"}, 1793632440, "Budget");  // 2026-11-02
    CHECK(forwarding_findings(**engine, "carol@modot.mo.gov", fwd_of("carol@modot.mo.gov", kBlock)).empty());
    auto again = forwarding_findings(**engine, "dave@modot.mo.gov", fwd_of("dave@modot.mo.gov", kBlock));
    REQUIRE(again.size() == 1);
    CHECK(again[0].evidence.find("decided=journal") != std::string::npos);
    // References: the journal shows erin received a message the forward refers to.
    std::string other = "-----Original Message-----\r\nFrom: alice@modot.mo.gov\r\nSent: Monday, November 2, 2026\r\n"
                        "To: bob@modot.mo.gov\r\nSubject: Thread\r\n\r\nx\r\n";
    std::string refs = "From: erin@modot.mo.gov\r\nTo: bob@modot.mo.gov\r\nSubject: FW: Thread\r\n"
                       "References: <thread-1@modot.mo.gov>\r\n\r\nFYI\r\n\r\n" + other;
    CHECK(forwarding_findings(**engine, "erin@modot.mo.gov", refs).size() == 1);
    j.add("<thread-1@modot.mo.gov>", "alice@modot.mo.gov", {"bob@modot.mo.gov", "erin@modot.mo.gov"}, 1793632440, "An earlier message");
    CHECK(forwarding_findings(**engine, "erin@modot.mo.gov", refs).empty());
    // Recipients nobody can know: the weak finding, tagged.
    std::string unknown = "-----Original Message-----\r\nFrom: alice@modot.mo.gov\r\nSent: Monday, November 2, 2026\r\n"
                          "To: Distribution List\r\nSubject: Other\r\n\r\nx\r\n";
    auto weak = forwarding_findings(**engine, "dave@modot.mo.gov", fwd_of("dave@modot.mo.gov", unknown));
    REQUIRE(weak.size() == 1);
    CHECK(weak[0].action == ord::Verdict::Tag);
    CHECK(weak[0].score < 1);
}

TEST_CASE("automatic forwarding to outside, apart from a manual forward", "[forwarding]") {
    auto engine = ord::load_engine(kConfig, {"journal.enabled=false"});
    REQUIRE(engine);
    std::string sieve = "Delivered-To: bob@modot.mo.gov\r\nFrom: Sam <sam@acme-supply.com>\r\nTo: bob@modot.mo.gov\r\n"
                        "Subject: Invoice\r\n\r\nInvoice 4.\r\n";
    ord::Envelope env;
    env.client_addr = "127.0.0.1";
    env.mail_from = "sam@acme-supply.com";
    env.rcpts = {"bob.jones@gmail.com"};
    auto o = ord::scan_message(**engine, env, sieve);
    bool found = false;
    for (const auto& f : o.decision.findings) found = found || f.rule == "auto_forward_trace";
    CHECK(found);
    CHECK(o.decision.verdict == ord::Verdict::Reject);
    // bob, logged in, redirecting it himself (Resent-From: bob): his own choice.
    std::string redirect = "Resent-From: bob@modot.mo.gov\r\nResent-To: bob.jones@gmail.com\r\n" + sieve;
    env.auth_login = "bob";
    env.mail_from = "bob@modot.mo.gov";
    auto m = ord::scan_message(**engine, env, redirect);
    for (const auto& f : m.decision.findings) CHECK(f.rule != "auto_forward_trace");
    // The same message to a colleague inside is no forward to outside.
    env.auth_login.clear();
    env.mail_from = "sam@acme-supply.com";
    env.rcpts = {"erin@modot.mo.gov"};
    auto inside = ord::scan_message(**engine, env, sieve);
    for (const auto& f : inside.decision.findings) CHECK(f.rule != "auto_forward_trace");
}
