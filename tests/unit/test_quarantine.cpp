// The quarantine store (fs and memory, one table of both), its meta format against hostile
// values, and release exactly once per recipient: claim, mark, failure, concurrency, crash.
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <mutex>
#include <thread>

#include "quarantine/item.h"
#include "quarantine/release.h"
#include "quarantine/rights.h"
#include "quarantine/store.h"

using namespace ord::quarantine;

namespace {

const std::string kRaw = "From: alice@modot.mo.gov\r\nTo: bob@modot.mo.gov\r\nSubject: Send this to ten friends\r\n"
                         "\r\nPlease forward.\r\n.\r\n";

Item sample(const std::string& id, int64_t time = 1764655000) {
    Item it;
    it.id = id;
    it.time = time;
    it.queue_id = "4Xk2";
    it.sender = "alice@modot.mo.gov";
    for (const char* a : {"bob@modot.mo.gov", "carol@modot.mo.gov", "hidden@modot.mo.gov"}) {
        Recipient r;
        r.addr = a;
        it.rcpts.push_back(r);
    }
    it.identity = "alice@modot.mo.gov";
    it.direction = "internal";
    it.subject = "Send this to ten friends";
    it.reason = "Ordinance: chain_letter";
    it.findings = {{"chain_letter", "chain_letter", "quarantine", "a chain letter", "forward to ten", "2503 section 6"}};
    it.history = {{time, "ordinance-milter", "held", "chain_letter"}};
    return it;
}

struct TempDir {
    std::string path;
    TempDir() {
        char tmpl[] = "/tmp/ord-quar-XXXXXX";
        REQUIRE(mkdtemp(tmpl));
        path = tmpl;
    }
    ~TempDir() { std::filesystem::remove_all(path); }
};

// Both stores behind one interface: every test below runs on each.
struct Stores {
    TempDir tmp;
    std::unique_ptr<QuarantineStore> store;
    explicit Stores(const std::string& kind) {
        if (kind == "memory") {
            store = std::make_unique<MemoryQuarantineStore>();
        } else {
            auto fs = FsQuarantineStore::open(tmp.path + "/q");
            REQUIRE(fs);
            store = std::move(*fs);
        }
    }
};

// A listener that records what it was sent and takes or refuses it.
class RecordingReinjector : public Reinjector {
public:
    bool down = false;
    std::vector<std::string> refuse;  // recipients refused at RCPT
    std::atomic<int> messages{0};
    std::vector<std::pair<std::string, std::vector<std::string>>> sent;
    std::string last;
    std::mutex mu;
    std::function<void()> during;  // runs while "sending" (another releaser, a crash)
    ord::Result<std::vector<std::string>> send(const std::string& sender, const std::vector<std::string>& rcpts,
                                               std::string_view message) override {
        if (during) during();
        if (down) return ord::Error{"io", "reinjection listener 127.0.0.1:10026: connect: Connection refused"};
        std::vector<std::string> taken;
        for (const auto& r : rcpts)
            if (std::find(refuse.begin(), refuse.end(), r) == refuse.end()) taken.push_back(r);
        std::lock_guard<std::mutex> l(mu);
        ++messages;
        sent.push_back({sender, taken});
        last = std::string(message);
        return taken;
    }
};

ReleaseRequest req(const std::string& id, const std::string& rid, std::vector<std::string> only = {},
                   bool force = false) {
    return {id, {"reviewer", "not a chain letter after all", 1764656000}, std::move(only), force, rid};
}

}  // namespace

TEST_CASE("meta survives hostile values exactly and rejects torn or forged files") {
    Item it = sample("20261202T061500Z-0000abcd");
    it.subject = "line\r\nrcpt held - evil@x.example\nend\n%41 \x1b[2J \xff\xfe";
    it.findings[0].evidence = std::string("nul\0byte", 8);
    it.sender = "";
    std::string m = format_meta(it);
    // One record a line: a value cannot add a line or a recipient.
    CHECK(std::count(m.begin(), m.end(), '\n') == 17);
    auto back = parse_meta(m);
    REQUIRE(back);
    CHECK(back->subject == it.subject);
    CHECK(back->findings[0].evidence == it.findings[0].evidence);
    CHECK(back->sender.empty());
    CHECK(back->rcpts.size() == 3);
    CHECK_FALSE(parse_meta(m.substr(0, m.size() - 4)));  // torn: no end line
    std::string bad = m;
    bad.replace(bad.find("rcpt held"), 9, "rcpt gone");
    CHECK_FALSE(parse_meta(bad));
    CHECK_FALSE(valid_id("../etc"));
    CHECK_FALSE(valid_id(""));
    CHECK(valid_id(new_item_id(1764655000, 0xdeadbeef)));
    CHECK(new_item_id(1764655000, 0xdeadbeef) == "20251202T055640Z-deadbeef");
}

TEST_CASE("store: put, get, raw, ids, refuse a duplicate id") {
    auto kind = GENERATE(std::string("memory"), std::string("fs"));
    Stores s(kind);
    INFO(kind);
    REQUIRE(s.store->put(sample("20261202T000002Z-00000002"), kRaw));
    REQUIRE(s.store->put(sample("20261202T000001Z-00000001"), kRaw));
    CHECK_FALSE(s.store->put(sample("20261202T000001Z-00000001"), kRaw));
    auto ids = s.store->ids();
    REQUIRE(ids);
    CHECK(*ids == std::vector<std::string>{"20261202T000001Z-00000001", "20261202T000002Z-00000002"});
    auto raw = s.store->raw("20261202T000001Z-00000001");
    REQUIRE(raw);
    CHECK(*raw == kRaw);
    CHECK(s.store->get("20261202T000001Z-00000001")->rcpts[2].addr == "hidden@modot.mo.gov");
    CHECK(s.store->get("nope").error().code == "not_found");
    CHECK_FALSE(s.store->get("../../etc/passwd"));
}

TEST_CASE("fs store: files 0600 in 0700 directories, nothing left in tmp") {
    TempDir tmp;
    auto fs = FsQuarantineStore::open(tmp.path + "/q");
    REQUIRE(fs);
    REQUIRE((*fs)->put(sample("20261202T000001Z-00000001"), kRaw));
    struct stat st {};
    REQUIRE(::stat((tmp.path + "/q/items/20261202T000001Z-00000001/message.eml").c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0600);
    REQUIRE(::stat((tmp.path + "/q/items/20261202T000001Z-00000001/meta").c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0600);
    REQUIRE(::stat((tmp.path + "/q/items/20261202T000001Z-00000001").c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0700);
    CHECK(std::filesystem::is_empty(tmp.path + "/q/tmp"));
}

TEST_CASE("release: claim then mark, to held recipients only, with the release header") {
    auto kind = GENERATE(std::string("memory"), std::string("fs"));
    Stores s(kind);
    INFO(kind);
    const std::string id = "20261202T000001Z-00000001";
    REQUIRE(s.store->put(sample(id), kRaw));
    RecordingReinjector out;
    // While the message is "on the wire", the store says releasing, with the claim's id.
    out.during = [&] {
        auto it = s.store->get(id);
        REQUIRE(it);
        CHECK(it->rcpts[0].state == RcptState::Releasing);
        CHECK(it->rcpts[0].release_id == "R1");
    };
    auto r = release(*s.store, out, req(id, "R1", {"bob@modot.mo.gov"}));
    REQUIRE(r);
    CHECK(r->released == std::vector<std::string>{"bob@modot.mo.gov"});
    CHECK(out.last.rfind("X-Ordinance-Release: R1\r\nFrom: alice", 0) == 0);
    CHECK(out.sent[0].first == "alice@modot.mo.gov");
    auto it = s.store->get(id);
    CHECK(it->rcpts[0].state == RcptState::Released);
    CHECK(it->rcpts[1].state == RcptState::Held);  // one recipient released leaves the others held
    // The rest, Bcc included; bob is not sent again.
    out.during = nullptr;
    r = release(*s.store, out, req(id, "R2"));
    REQUIRE(r);
    CHECK(out.sent[1].second == std::vector<std::string>{"carol@modot.mo.gov", "hidden@modot.mo.gov"});
    auto again = release(*s.store, out, req(id, "R3"));
    REQUIRE_FALSE(again);
    CHECK(again.error().code == "nothing");
    CHECK(out.messages == 2);
    CHECK(s.store->get(id)->overall_state() == "released");
    auto audit = s.store->audit_text();
    REQUIRE(audit);
    CHECK(chain_problems(*audit).empty());
    CHECK(audit->find("action=release id=" + id + " rcpts=carol@modot.mo.gov,hidden@modot.mo.gov release=R2") !=
          std::string::npos);
}

TEST_CASE("release: listener down leaves every recipient held, the failure in the history") {
    auto kind = GENERATE(std::string("memory"), std::string("fs"));
    Stores s(kind);
    const std::string id = "20261202T000001Z-00000001";
    REQUIRE(s.store->put(sample(id), kRaw));
    RecordingReinjector out;
    out.down = true;
    auto r = release(*s.store, out, req(id, "R1"));
    REQUIRE(r);
    CHECK(r->released.empty());
    CHECK(r->failed.size() == 3);
    CHECK(r->error.find("Connection refused") != std::string::npos);
    auto it = s.store->get(id);
    for (const auto& rc : it->rcpts) CHECK(rc.state == RcptState::Held);
    CHECK(it->history.back().what == "release_failed");
    // A recipient refused at RCPT stays held; the others go.
    out.down = false;
    out.refuse = {"carol@modot.mo.gov"};
    r = release(*s.store, out, req(id, "R2"));
    REQUIRE(r);
    CHECK(r->failed == std::vector<std::string>{"carol@modot.mo.gov"});
    CHECK(s.store->get(id)->rcpts[1].state == RcptState::Held);
    CHECK(s.store->get(id)->rcpts[0].state == RcptState::Released);
}

TEST_CASE("release: a crash after the 250 leaves 'releasing', refused without --force") {
    auto kind = GENERATE(std::string("memory"), std::string("fs"));
    Stores s(kind);
    const std::string id = "20261202T000001Z-00000001";
    REQUIRE(s.store->put(sample(id), kRaw));
    // The crash-shaped state: claimed, sent, never marked.
    REQUIRE(s.store->update(id, [](Item& it) -> ord::Result<ord::Ok> {
        it.rcpts[0].state = RcptState::Releasing;
        it.rcpts[0].release_id = "R0";
        return ord::Ok{};
    }));
    RecordingReinjector out;
    auto r = release(*s.store, out, req(id, "R1", {"bob@modot.mo.gov"}));
    REQUIRE_FALSE(r);
    CHECK(r.error().code == "releasing");
    CHECK(r.error().message.find("R0") != std::string::npos);
    CHECK(out.messages == 0);
    // Without a filter the held ones go and bob is reported refused.
    r = release(*s.store, out, req(id, "R2"));
    REQUIRE(r);
    CHECK(r->released.size() == 2);
    CHECK(r->refused.size() == 1);
    CHECK(s.store->get(id)->rcpts[0].state == RcptState::Releasing);
    r = release(*s.store, out, req(id, "R3", {}, true));
    REQUIRE(r);
    CHECK(r->released == std::vector<std::string>{"bob@modot.mo.gov"});
    CHECK(s.store->get(id)->rcpts[0].release_id == "R3");
}

TEST_CASE("release: a mark that cannot be written leaves 'releasing' and says so") {
    MemoryQuarantineStore store;
    const std::string id = "20261202T000001Z-00000001";
    REQUIRE(store.put(sample(id), kRaw));
    RecordingReinjector out;
    out.during = [&] { store.set_full(true); };
    auto r = release(store, out, req(id, "R1"));
    REQUIRE_FALSE(r);
    CHECK(r.error().code == "mark");
    store.set_full(false);
    CHECK(store.get(id)->rcpts[0].state == RcptState::Releasing);
    CHECK(out.messages == 1);
}

TEST_CASE("release: two releasers at once deliver once") {
    auto kind = GENERATE(std::string("memory"), std::string("fs"));
    Stores s(kind);
    INFO(kind);
    for (int round = 0; round < 20; ++round) {
        const std::string id = "20261202T000001Z-000000" + std::to_string(10 + round);
        REQUIRE(s.store->put(sample(id), kRaw));
        RecordingReinjector out;
        std::atomic<int> ok{0}, refused{0};
        auto run = [&](const std::string& rid) {
            auto r = release(*s.store, out, req(id, rid));
            if (r && !r->released.empty()) ++ok;
            else ++refused;
        };
        std::thread a(run, "RA"), b(run, "RB");
        a.join();
        b.join();
        CHECK(ok == 1);
        CHECK(refused == 1);
        CHECK(out.messages == 1);
        CHECK(out.sent[0].second.size() == 3);
    }
}

TEST_CASE("delete and expire: recorded, the message dropped, the chain intact; an edit is caught") {
    auto kind = GENERATE(std::string("memory"), std::string("fs"));
    Stores s(kind);
    REQUIRE(s.store->put(sample("20261202T000001Z-00000001", 1000), kRaw));
    REQUIRE(s.store->put(sample("20261202T000002Z-00000002", 100000), kRaw));
    Action act{"reviewer", "spam", 100000 + 86400};
    REQUIRE_FALSE(delete_item(*s.store, "20261202T000001Z-00000001", {"reviewer", "", 5}));  // a reason is required
    auto d = delete_item(*s.store, "20261202T000001Z-00000001", act);
    REQUIRE(d);
    CHECK(d->overall_state() == "deleted");
    CHECK(s.store->raw("20261202T000001Z-00000001").error().code == "deleted");
    auto gone = expire(*s.store, 1, act);  // older than one day: only the first
    REQUIRE(gone);
    CHECK(*gone == std::vector<std::string>{"20261202T000001Z-00000001"});
    CHECK(s.store->ids()->size() == 1);
    auto audit = s.store->audit_text();
    REQUIRE(audit);
    CHECK(chain_problems(*audit).empty());
    std::string edited = *audit;
    auto at = edited.find("who=reviewer");
    REQUIRE(at != std::string::npos);
    edited.replace(at, 12, "who=intruder");
    auto p = chain_problems(edited);
    REQUIRE(p.size() == 1);
    CHECK(p[0].rfind("line 1:", 0) == 0);
}

TEST_CASE("rights: never-released categories refuse everyone, release groups refuse non-members") {
    Settings s;  // defaults: never_release = ["virus"]
    s.release_groups["personal_data"] = {"supervisors"};
    Item chain = sample("20261202T000001Z-00000001");
    Item virus = chain;
    virus.findings = {{"virus", "virus", "quarantine", "Virus found", "virus=X", ""}};
    Item pd = chain;
    pd.findings.push_back({"personal_data", "personal_data", "quarantine", "SSNs", "", ""});
    Reviewer clerk{"clerk", false, {"clerk", "staff"}};
    Reviewer boss{"boss", false, {"boss", "supervisors"}};
    Reviewer root{"root", true, {"root"}};
    CHECK(may_release(s, chain, clerk));
    auto v = may_release(s, virus, root);
    REQUIRE_FALSE(v);
    CHECK(v.error().message.find("never released") != std::string::npos);
    auto p = may_release(s, pd, clerk);
    REQUIRE_FALSE(p);
    CHECK(p.error().message == "clerk may not release items held for personal_data (only members of supervisors, "
                               "quarantine.release_groups)");
    CHECK(may_release(s, pd, boss));
    CHECK(may_release(s, pd, root));
    // Deleting: only delete_groups limits it; a virus may always be deleted.
    CHECK(may_delete(s, pd, clerk));
    CHECK(may_delete(s, virus, clerk));
    s.delete_groups["personal_data"] = {"supervisors"};
    auto d = may_delete(s, pd, clerk);
    REQUIRE_FALSE(d);
    CHECK(d.error().message == "clerk may not delete items held for personal_data (only members of supervisors, "
                               "quarantine.delete_groups)");
    CHECK(may_delete(s, pd, boss));
    CHECK(may_delete(s, pd, root));
    CHECK(may_delete(s, chain, clerk));
}

TEST_CASE("rights: view groups hide a category from the rest; release and delete rights imply view",
          "[quarantine][rights]") {
    Settings s;
    s.view_groups["personal_data"] = {"auditors"};
    s.release_groups["personal_data"] = {"supervisors"};
    s.delete_groups["personal_data"] = {"privacy"};
    s.view_groups["gambling"] = {"auditors"};  // no release_groups: releasing needs the view
    auto held_for = [](std::vector<std::string> cats) {
        Item it = sample("20261202T000001Z-00000001");
        it.findings.clear();
        for (auto& c : cats) it.findings.push_back({c + "_rule", c, "quarantine", "", "", ""});
        return it;
    };
    const Reviewer clerk{"clerk", false, {"clerk", "staff"}}, auditor{"audrey", false, {"audrey", "auditors"}},
        boss{"boss", false, {"boss", "supervisors"}}, privacy{"pat", false, {"pat", "privacy"}}, root{"root", true, {"root"}};
    struct Case {
        std::vector<std::string> cats;
        const Reviewer* who;
        bool view, release, del;
    } cases[] = {
        // A category view_groups does not name: whoever can read the store, as before.
        {{"chain_letter"}, &clerk, true, true, true},
        {{"personal_data"}, &clerk, false, false, false},
        {{"personal_data"}, &auditor, true, false, false},
        {{"personal_data"}, &boss, true, true, false},  // a release right is a view right
        {{"personal_data"}, &privacy, true, false, true},
        {{"personal_data"}, &root, true, true, true},
        {{"gambling"}, &clerk, false, false, false},
        {{"gambling"}, &auditor, true, true, true},
        {{"gambling"}, &boss, false, false, false},
        // Every category counts: one hidden category hides the item.
        {{"chain_letter", "gambling"}, &clerk, false, false, false},
        {{"personal_data", "gambling"}, &boss, false, false, false},
        {{"personal_data", "gambling"}, &auditor, true, false, false},
    };
    for (const auto& c : cases) {
        Item it = held_for(c.cats);
        INFO(c.who->user << " on " << c.cats.front() << (c.cats.size() > 1 ? "+" + c.cats.back() : ""));
        CHECK(bool(may_view(s, it, *c.who)) == c.view);
        CHECK(bool(may_release(s, it, *c.who)) == c.release);
        CHECK(bool(may_delete(s, it, *c.who)) == c.del);
    }
    auto v = may_view(s, held_for({"personal_data"}), clerk);
    REQUIRE_FALSE(v);
    CHECK(v.error().message == "clerk may not view items held for personal_data (only members of auditors, "
                               "quarantine.view_groups)");
    // A release refused for the view says so, not something about release groups.
    auto r = may_release(s, held_for({"gambling"}), boss);
    REQUIRE_FALSE(r);
    CHECK(r.error().message.find("may not view items held for gambling") != std::string::npos);
}

TEST_CASE("fs store index: summaries follow every change, and the items win over a stale index", "[quarantine][index]") {
    TempDir tmp;
    auto fs = FsQuarantineStore::open(tmp.path + "/q");
    REQUIRE(fs);
    FsQuarantineStore& st = **fs;
    const std::string a = "20261202T000001Z-00000001", b = "20261202T000002Z-00000002", c = "20261202T000003Z-00000003";
    for (const auto& id : {a, b, c}) REQUIRE(st.put(sample(id), kRaw));
    REQUIRE(st.update(b, [](Item& it) -> ord::Result<ord::Ok> {
        it.rcpts[0].state = RcptState::Released;
        return ord::Ok{};
    }));
    REQUIRE(st.remove(c));
    // What summaries say is what the items say (without history).
    auto truth = [&] {
        std::vector<std::string> out;
        auto ids = st.ids();
        REQUIRE(ids);
        for (const auto& id : *ids) {
            Item it = *st.get(id);
            it.history.clear();
            out.push_back(format_meta(it));
        }
        return out;
    };
    auto summary = [&] {
        std::vector<std::string> out;
        auto all = st.summaries();
        REQUIRE(all);
        for (const auto& it : *all) out.push_back(format_meta(it));
        return out;
    };
    const std::string index = tmp.path + "/q/index";
    REQUIRE(std::filesystem::exists(index));
    CHECK(summary() == truth());
    CHECK(summary().size() == 2);
    auto append = [&](const std::string& s) {
        std::ofstream(index, std::ios::app) << s;
    };
    // A writer that died between "?" and "+": the meta it wrote is read, not the old line.
    {
        Item it = *st.get(a);
        it.subject = "changed behind the index";
        append("? " + a + "\n");
        std::ofstream(tmp.path + "/q/items/" + a + "/meta", std::ios::trunc) << format_meta(it);
    }
    CHECK(summary() == truth());
    CHECK(summary()[0].find("changed%20behind%20the%20index") != std::string::npos);
    // An item the index does not know (put by an older version) is read from its meta.
    std::filesystem::remove(index);
    REQUIRE(st.put(sample(c), kRaw));  // makes a new index holding only c
    CHECK(summary() == truth());
    CHECK(summary().size() == 3);
    // A torn or foreign index: every item is read.
    append("+ ordinance-quarantine 1\tid ");
    CHECK(summary() == truth());
    REQUIRE(st.rebuild_index());
    CHECK(*st.rebuild_index() == 3);
    CHECK(summary() == truth());
    std::ifstream in(index);
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    CHECK(std::count(text.begin(), text.end(), '\n') == 4);  // header and one line per item
}
