// The disposition layer: a plan computed from the real engine's decision, carried out against
// the real journal and kept-original store, with the MTA side played by a recorder that can
// be told to fail one step (a real Postfix cannot be made to refuse smfi_replacebody or
// smfi_quarantine on demand).
#include <catch2/catch.hpp>

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "checks/assemble.h"
#include "checks/scan.h"
#include "disposition/durable.h"
#include "disposition/execute.h"
#include "disposition/journal_write.h"
#include "disposition/plan.h"
#include "disposition/strip.h"
#include "journal/index.h"
#include "mime/parse.h"
#include "policy/engine.h"
#include "quarantine/store.h"

namespace fs = std::filesystem;
using namespace ord::disposition;

namespace {

const char* kExe =
    "From: mallory@example.com\r\nTo: bob@modot.mo.gov\r\nSubject: the tool\r\nMessage-ID: <t1@example.com>\r\n"
    "MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"b1\"\r\n\r\n--b1\r\nContent-Type: text/plain\r\n\r\n"
    "Run this.\r\n--b1\r\nContent-Type: application/octet-stream; name=\"tool.exe\"\r\n"
    "Content-Disposition: attachment; filename=\"tool.exe\"\r\nContent-Transfer-Encoding: base64\r\n\r\n"
    "TVqQAAMAAAAEAAAA//8AALgAAAAAAAAAQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAgAAAAA==\r\n--b1--\r\n";

const char* kPlain =
    "From: alice@modot.mo.gov\r\nTo: bob@modot.mo.gov\r\nSubject: minutes\r\nMessage-ID: <m1@modot.mo.gov>\r\n\r\n"
    "The minutes of Tuesday's meeting are below.\r\n";

// Records every MTA call; `fail` names the one call that returns false.
struct RecordingMta : MtaPort {
    unsigned grant = ~0u;
    std::string fail;
    std::vector<std::string> calls;
    unsigned granted() const override { return grant; }
    bool step(const std::string& what) {
        calls.push_back(what);
        return what.rfind(fail, 0) != 0 || fail.empty();
    }
    bool add_header(const std::string& n, const std::string&) override { return step("add_header " + n); }
    bool change_header(const std::string& n, const std::optional<std::string>&) override {
        return step("change_header " + n);
    }
    bool add_rcpt(const std::string& a) override { return step("add_rcpt " + a); }
    bool del_rcpt(const std::string& a) override { return step("del_rcpt " + a); }
    bool replace_body(std::string_view) override { return step("replace_body"); }
    bool hold(const std::string&) override { return step("hold"); }
};

struct Dirs {
    std::string root;
    Dirs() {
        char tmpl[] = "/tmp/ordinance-disposition-XXXXXX";
        REQUIRE(mkdtemp(tmpl));
        root = tmpl;
    }
    ~Dirs() { fs::remove_all(root); }
    std::vector<std::string> sets(std::vector<std::string> more = {}) const {
        std::vector<std::string> s = {"journal.dir=\"" + root + "/journal\"",
                                      "attachments.stripped_dir=\"" + root + "/stripped\"",
                                      "notify.spool_dir=\"" + root + "/notices\"",
                                      "quarantine.dir=\"" + root + "/quarantine\""};
        s.insert(s.end(), more.begin(), more.end());
        return s;
    }
    std::size_t quarantined() const {
        auto q = ord::quarantine::FsQuarantineStore::open(root + "/quarantine");
        REQUIRE(q);
        auto ids = (*q)->ids();
        REQUIRE(ids);
        return ids->size();
    }
    int64_t journaled() const {
        auto idx = ord::journal::JournalIndex::open(root + "/journal/index.sqlite");
        REQUIRE(idx);
        auto n = (*idx)->count();
        REQUIRE(n);
        return *n;
    }
    std::size_t kept() const {
        std::size_t n = 0;
        if (!fs::exists(root + "/stripped")) return 0;
        for (const auto& e : fs::recursive_directory_iterator(root + "/stripped")) n += e.is_regular_file();
        return n;
    }
};

std::shared_ptr<const ord::Engine> engine(const std::vector<std::string>& sets) {
    auto e = ord::load_engine(std::string(ORDINANCE_SOURCE_DIR) + "/config/examples/ordinance.toml", sets);
    if (!e) FAIL(e.error().message);
    return *e;
}

ord::Envelope inbound() {
    ord::Envelope env;
    env.mail_from = "mallory@example.com";
    env.rcpts = {"bob@modot.mo.gov"};
    env.client_addr = "192.0.2.10";
    env.queue_id = "4XyZ1";
    return env;
}

// Alice, from the trusted network: a chain letter she sends is held (quarantine).
ord::Envelope internal() {
    ord::Envelope env = inbound();
    env.mail_from = "alice@modot.mo.gov";
    env.client_addr = "127.0.0.1";
    return env;
}

// One message as the milter runs it: decision, plan, execution against the real stores.
struct Run {
    Plan plan;
    Outcome out;
};
Run run(const Dirs& d, const std::vector<std::string>& sets, const std::string& raw, RecordingMta& mta,
        const ord::Envelope& env = inbound(), ord::quarantine::QuarantineStore* store = nullptr) {
    auto e = engine(d.sets(sets));
    const ord::Config& cfg = e->config();
    REQUIRE(ord::disposition::prepare_journal_dir(cfg, "")); // makes journal.dir
    auto sink = JournalSink::open(cfg);
    REQUIRE(sink);
    bool made = mkdir((d.root + "/stripped").c_str(), 0700) == 0 || errno == EEXIST;
    REQUIRE(made);
    ord::mime::Message msg = ord::mime::parse(raw, cfg.limits);
    ord::Decision dec = e->message(env, msg);
    Run r;
    r.plan = make_plan({cfg, env, raw, msg}, dec);
    auto fs = ord::quarantine::FsQuarantineStore::open(cfg.quarantine.dir);
    REQUIRE(fs);
    MailDurables durable(cfg, env, raw, msg, sink->get(), nullptr, store ? store : fs->get());
    r.out = execute(r.plan, raw, cfg.disposition, mta, durable);
    return r;
}

// A chain letter from the labelled corpus: quarantined by the example configuration.
std::string chain_letter() {
    std::ifstream in(std::string(ORDINANCE_SOURCE_DIR) + "/tests/corpus/policy/000_chain_00.eml", std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    REQUIRE(!ss.str().empty());
    return ss.str();
}

const std::vector<std::string> kStrip = {"attachments.strip=[\"executable\"]"};

}  // namespace

TEST_CASE("a stripped message whose body cannot be replaced is tempfailed and never journaled", "[disposition]") {
    // Before the disposition layer the milter journaled first and stripped after: a failed
    // smfi_replacebody left the journal holding a message the MTA had been told 451, and a
    // second copy when the client retried.
    Dirs d;
    RecordingMta mta;
    mta.fail = "replace_body";
    Run r = run(d, kStrip, kExe, mta);
    REQUIRE(r.plan.body);
    CHECK_FALSE(r.plan.keep.empty());
    CHECK(r.plan.journal);
    CHECK(r.out.answer.verdict == ord::Verdict::TempFail);
    CHECK(r.out.answer.reply().rfind("451 4.3.0 ", 0) == 0);
    CHECK_FALSE(r.out.as_planned);
    CHECK(d.journaled() == 0);  // the journal holds nothing of it
    CHECK(d.kept() == 0);       // and the kept original is taken back
    CHECK(d.quarantined() == 0);
}

TEST_CASE("a stripped message is kept, changed, then journaled, in that order", "[disposition]") {
    Dirs d;
    RecordingMta mta;
    Run r = run(d, kStrip, kExe, mta);
    REQUIRE(r.out.as_planned);
    CHECK(r.out.answer.verdict == ord::Verdict::Tag);
    std::vector<std::string> steps;
    for (const auto& s : r.out.steps) steps.push_back(s.name);
    CHECK(steps == std::vector<std::string>{"keep", "headers", "body", "journal"});
    CHECK(d.journaled() == 1);
    // quarantine.mode "store": the original is a quarantine item reviewers can release whole
    CHECK(d.kept() == 0);
    REQUIRE(d.quarantined() == 1);
    CHECK(r.plan.keep_in_quarantine);
    auto q = ord::quarantine::FsQuarantineStore::open(d.root + "/quarantine");
    REQUIRE(q);
    auto item = (*q)->get(r.plan.keep);
    REQUIRE(item);
    CHECK(item->reason.find("original of a stripped message") != std::string::npos);
    CHECK(item->rcpts.size() == 1);
    auto raw = (*q)->raw(r.plan.keep);
    REQUIRE(raw);
    CHECK((raw->find("MZ") != std::string::npos || raw->find("TVq") != std::string::npos));  // the program, whole
    CHECK(std::find(mta.calls.begin(), mta.calls.end(), "add_header X-Ordinance-Stripped") != mta.calls.end());
    CHECK(std::find(mta.calls.begin(), mta.calls.end(), "replace_body") != mta.calls.end());
}

TEST_CASE("with quarantine.mode mta_hold the stripped original is kept under stripped_dir", "[disposition]") {
    Dirs d;
    RecordingMta mta;
    Run r = run(d, [] { auto s = kStrip; s.push_back("quarantine.mode=mta_hold"); return s; }(), kExe, mta);
    REQUIRE(r.out.as_planned);
    CHECK_FALSE(r.plan.keep_in_quarantine);
    CHECK(d.kept() == 1);
    CHECK(d.quarantined() == 0);
}

TEST_CASE("a held message is stored, journaled whole, and the MTA told discard", "[disposition]") {
    Dirs d;
    RecordingMta mta;
    Run r = run(d, {}, chain_letter(), mta, internal());
    REQUIRE(r.plan.store);
    CHECK_FALSE(r.plan.hold);
    CHECK(r.plan.needs == 0);  // nothing is asked of the MTA: its copy is dropped
    CHECK(r.plan.store->rcpts == std::vector<std::string>{"bob@modot.mo.gov"});
    CHECK(plan_text(r.plan).find("quarantine: store item (Ordinance: chain_letter") != std::string::npos);
    REQUIRE(r.out.as_planned);
    std::vector<std::string> steps;
    for (const auto& s : r.out.steps) steps.push_back(s.name);
    CHECK(steps == std::vector<std::string>{"quarantine", "journal"});
    CHECK(r.out.answer.verdict == ord::Verdict::Discard);
    CHECK(mta.calls.empty());
    CHECK(d.quarantined() == 1);
    CHECK(d.journaled() == 1);
    auto idx = ord::journal::JournalIndex::open(d.root + "/journal/index.sqlite");
    REQUIRE(idx);
    auto q = ord::quarantine::FsQuarantineStore::open(d.root + "/quarantine");
    auto item = (*q)->get((*q)->ids()->front());
    REQUIRE(item);
    CHECK(item->sender == "alice@modot.mo.gov");
    CHECK(item->queue_id == "4XyZ1");
    CHECK(item->findings.front().rule == "chain_letter");
    CHECK(*(*q)->raw(item->id) == chain_letter());
}

TEST_CASE("a held message whose store fails is tempfailed and journals nothing", "[disposition]") {
    Dirs d;
    RecordingMta mta;
    ord::quarantine::MemoryQuarantineStore full;  // a full disk, which a real directory cannot be made on demand
    full.set_full(true);
    Run r = run(d, {}, chain_letter(), mta, internal(), &full);
    REQUIRE(r.plan.store);
    CHECK(r.out.answer.verdict == ord::Verdict::TempFail);
    CHECK(r.out.answer.reply().rfind("451 4.3.0 ", 0) == 0);
    CHECK(d.journaled() == 0);
    SECTION("or refused, when disposition.on_hold_error says so") {
        Dirs d2;
        RecordingMta mta2;
        Run r2 = run(d2, {"disposition.on_hold_error=\"reject\""}, chain_letter(), mta2, internal(), &full);
        CHECK(r2.out.answer.reply().rfind("550 5.3.0 ", 0) == 0);
        CHECK(d2.journaled() == 0);
    }
}

TEST_CASE("a stored item whose journal write fails is taken back out of the store", "[disposition]") {
    Dirs d;
    RecordingMta mta;
    auto e = engine(d.sets());
    ord::Envelope env = internal();
    std::string raw = chain_letter();
    ord::mime::Message msg = ord::mime::parse(raw, e->config().limits);
    Plan p = make_plan({e->config(), env, raw, msg}, e->message(env, msg));
    REQUIRE(p.store);
    ord::quarantine::MemoryQuarantineStore store;
    MailDurables durable(e->config(), env, raw, msg, nullptr, nullptr, &store);  // no journal
    Outcome o = execute(p, raw, e->config().disposition, mta, durable);
    CHECK(o.answer.verdict == ord::Verdict::TempFail);
    CHECK(store.ids()->empty());  // the sender's retry is the only copy
}

TEST_CASE("with quarantine.mode mta_hold, a hold that fails is tempfailed, not delivered", "[disposition]") {
    Dirs d;
    RecordingMta mta;
    mta.fail = "hold";
    Run r = run(d, {"quarantine.mode=\"mta_hold\""}, chain_letter(), mta, internal());
    REQUIRE(r.plan.answer.verdict == ord::Verdict::Quarantine);
    REQUIRE(r.plan.hold);
    CHECK_FALSE(r.plan.store);
    CHECK(std::find(mta.calls.begin(), mta.calls.end(), "hold") != mta.calls.end());
    CHECK(r.out.answer.verdict == ord::Verdict::TempFail);
    CHECK(d.journaled() == 0);
    CHECK(d.quarantined() == 0);
    SECTION("or refused, when disposition.on_hold_error says so") {
        Dirs d2;
        RecordingMta mta2;
        mta2.fail = "hold";
        Run r2 = run(d2, {"disposition.on_hold_error=\"reject\"", "quarantine.mode=\"mta_hold\""}, chain_letter(),
                     mta2, internal());
        CHECK(r2.out.answer.reply().rfind("550 5.3.0 ", 0) == 0);
        CHECK(d2.journaled() == 0);
    }
}

TEST_CASE("a plan that needs an action the MTA did not grant does nothing and tempfails 4.3.5", "[disposition]") {
    Dirs d;
    RecordingMta mta;
    mta.grant = kNeedAddHeader | kNeedChangeHeader | kNeedAddRcpt | kNeedDelRcpt | kNeedHold;  // no chgbody
    Run r = run(d, kStrip, kExe, mta);
    CHECK(r.out.answer.reply().rfind("451 4.3.5 ", 0) == 0);
    CHECK(mta.calls.empty());
    CHECK(d.journaled() == 0);
    CHECK(d.kept() == 0);
}

TEST_CASE("a refusal is journaled as metadata and changes nothing at the MTA", "[disposition]") {
    Dirs d;
    RecordingMta mta;
    Run r = run(d, {}, kExe, mta);  // no strip: the executable refuses the message
    CHECK(r.plan.answer.verdict == ord::Verdict::Reject);
    CHECK(r.plan.headers.empty());
    CHECK(r.plan.needs == 0);
    CHECK(r.plan.journal);
    CHECK_FALSE(r.plan.journal_body);
    CHECK(r.out.answer.reply().rfind("550 5.7.1 ", 0) == 0);
    CHECK(mta.calls.empty());
    CHECK(d.journaled() == 1);
}

TEST_CASE("a journal that cannot be written turns the answer into the configured one", "[disposition]") {
    Dirs d;
    RecordingMta mta;
    auto e = engine(d.sets());
    ord::Envelope env = inbound();
    ord::mime::Message msg = ord::mime::parse(kPlain, e->config().limits);
    Plan p = make_plan({e->config(), env, kPlain, msg}, e->message(env, msg));
    // A sink that was never opened stands for a journal directory that vanished.
    MailDurables durable(e->config(), env, kPlain, msg, nullptr, nullptr);
    Outcome o = execute(p, kPlain, e->config().disposition, mta, durable);
    CHECK(o.answer.verdict == ord::Verdict::TempFail);
    CHECK(o.steps.back().name == "journal");
    CHECK_FALSE(o.steps.back().ok);
}

TEST_CASE("a part that cannot be cut out makes the plan the refusal it would have been", "[disposition]") {
    auto e = engine({"attachments.strip=[\"executable\"]"});
    std::string raw = kExe;
    ord::Envelope env = inbound();
    ord::mime::Message msg = ord::mime::parse(raw, e->config().limits);
    ord::Decision dec = e->message(env, msg);
    REQUIRE(ord::wants_strip(dec));
    // The part named is not where the cutter looks (as when a message's structure reads two
    // ways, or the part sits inside a base64-encoded forward): no part can be removed.
    for (auto& f : dec.findings)
        if (f.rule == "stripped_attachment") f.part = "00000000deadbeef-1";
    Plan p = make_plan({e->config(), env, raw, msg}, dec);
    CHECK_FALSE(p.strip_failed.empty());
    CHECK(p.answer.verdict == ord::Verdict::Reject);
    CHECK(p.answer.text.find("[rule stripped_attachment, policy 2503 section 24") != std::string::npos);
    CHECK_FALSE(p.body);
    CHECK(p.keep.empty());
}

TEST_CASE("scan --plan and the milter see the same plan", "[disposition]") {
    auto e = engine({"attachments.strip=[\"executable\"]"});
    ord::Envelope env = inbound();
    auto o = ord::scan_message(*e, env, kExe);
    REQUIRE(o.message);
    ord::mime::Message msg = ord::mime::parse(kExe, e->config().limits);
    Plan from_scan = make_plan({e->config(), o.accepted, kExe, o.parsed, "fixed.eml"}, *o.message);
    Plan direct = make_plan({e->config(), env, kExe, msg, "fixed.eml"}, e->message(env, msg));
    CHECK(plan_json(from_scan) == plan_json(direct));
    std::string j = plan_json(direct);
    CHECK(j.find("\"keep\":\"fixed.eml\"") != std::string::npos);
    CHECK(j.find("\"needs\":\"addheader,chgbody\"") != std::string::npos);
    CHECK(plan_text(direct).find("replace body: 1 part(s) cut out: 'tool.exe' (executable)") != std::string::npos);
}

TEST_CASE("disposition.on_*_error takes tempfail or reject, nothing else", "[disposition][config]") {
    const std::string path = std::string(ORDINANCE_SOURCE_DIR) + "/config/examples/ordinance.toml";
    auto ok = ord::load_config(path, {"disposition.on_journal_error=\"reject\""});
    REQUIRE(ok);
    CHECK((*ok)->disposition.on_journal_error == ord::Verdict::Reject);
    CHECK((*ok)->disposition.on_hold_error == ord::Verdict::TempFail);
    auto bad = ord::load_config(path, {"disposition.on_hold_error=\"accept\""});
    REQUIRE_FALSE(bad);
    CHECK(bad.error().message.find("disposition.on_hold_error must be \"tempfail\"") != std::string::npos);
    auto unknown = ord::load_config(path, {"disposition.on_notice_error=\"reject\""});
    REQUIRE_FALSE(unknown);
    CHECK(unknown.error().message.find("unknown key 'on_notice_error' in [disposition]") != std::string::npos);
}

TEST_CASE("a held send to a moderated group records the group's moderators on the item", "[disposition]") {
    Dirs d;
    auto e = engine(d.sets());
    ord::Envelope env = internal();
    env.rcpts.clear();
    ord::Decision at_rcpt = e->recipient(env, "announce@modot.mo.gov");
    INFO(at_rcpt.smtp_reply());
    REQUIRE(at_rcpt.verdict == ord::Verdict::Quarantine);
    env.rcpts = {"announce@modot.mo.gov"};
    ord::mime::Message msg = ord::mime::parse(kPlain, e->config().limits);
    Plan p = make_plan({e->config(), env, kPlain, msg}, e->message(env, msg, at_rcpt.findings));
    REQUIRE(p.store);
    auto item = quarantine_item(e->config(), env, msg, p, "ID1", 1764633600);
    CHECK(item.moderators == std::vector<std::string>{"comms@modot.mo.gov"});
    // Anything else held has none.
    Plan chain = make_plan({e->config(), internal(), chain_letter(), ord::mime::parse(chain_letter())},
                           e->message(internal(), ord::mime::parse(chain_letter())));
    REQUIRE(chain.store);
    CHECK(quarantine_item(e->config(), internal(), msg, chain, "ID2", 1764633600).moderators.empty());
}
