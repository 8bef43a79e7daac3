// Antivirus and attachment-type policy with a real libclamav engine, loaded from signature
// files this test writes: a benign marker (.ndb), a body signature taken from the bytes of
// Debian's clamav-testfiles clam.exe (.ndb), and the MD5 of a payload made here (.hdb).
#include <sys/stat.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "checks/assemble.h"
#include "checks/antivirus_check.h"
#include "checks/attachment_policy.h"
#include "checks/clamav_engine.h"
#include "policy/engine.h"
#include "checks/scan.h"
#include "mime/codec.h"
#include "mime/parse.h"

#include "tests/unit/scan_helpers.h"

namespace {

using namespace testutil;

const std::string kTestFiles = "/usr/share/clamav-testfiles";
const std::string kHashPayload = "Ordinance hash-signature payload: this file is harmless.\n";

std::string hex(std::string_view s) {
    static const char* d = "0123456789abcdef";
    std::string out;
    for (unsigned char c : s) {
        out += d[c >> 4];
        out += d[c & 15];
    }
    return out;
}

std::string md5_hex(const std::string& data) {
    // md5sum keeps the test free of a crypto library; the payload is fixed and tiny.
    char path[] = "/tmp/ordinance-md5-XXXXXX";
    int fd = mkstemp(path);
    REQUIRE(fd >= 0);
    REQUIRE(write(fd, data.data(), data.size()) == static_cast<ssize_t>(data.size()));
    close(fd);
    std::string cmd = std::string("md5sum ") + path;
    FILE* p = popen(cmd.c_str(), "r");
    REQUIRE(p);
    char buf[64] = {};
    REQUIRE(fread(buf, 1, 32, p) == 32);
    pclose(p);
    std::remove(path);
    return std::string(buf, 32);
}

bool have_testfiles() { return access((kTestFiles + "/clam.exe").c_str(), R_OK) == 0; }

// The signature directory, written once per run.
const std::string& sigdir() {
    static std::string dir = [] {
        char tmpl[] = "/tmp/ordinance-sigs-XXXXXX";
        std::string d = mkdtemp(tmpl);
        std::ofstream ndb(d + "/ordinance-test.ndb");
        ndb << "Ordinance.Test.NotEicar:0:*:" << hex("CLAMAV-TEST-STRING-NOT-EICAR") << "\n";
        if (have_testfiles()) {
            // clam.exe imports "CLAMessageBoxA": every sample in clamav-testfiles carries clam.exe,
            // packed, archived or embedded, and libclamav unpacks it back to those bytes.
            std::string exe = slurp(kTestFiles + "/clam.exe");
            auto at = exe.find("CLAMessageBoxA");
            REQUIRE(at != std::string::npos);
            ndb << "ClamAV.TestFile.Body:0:*:" << hex(exe.substr(at, 14)) << "\n";
        }
        std::ofstream(d + "/ordinance-test.hdb") << md5_hex(kHashPayload) << ":" << kHashPayload.size()
                                                 << ":Ordinance.Test.Hash\n";
        // Removed at exit; the path is copied out of the std::string, which is gone by then.
        static char path[64];
        std::snprintf(path, sizeof path, "%s", d.c_str());
        std::atexit([] {
            for (const char* f : {"/ordinance-test.ndb", "/ordinance-test.hdb"})
                std::remove((std::string(path) + f).c_str());
            rmdir(path);
        });
        return d;
    }();
    return dir;
}

std::shared_ptr<const ord::Engine> engine(std::vector<std::string> sets = {}) {
    sets.insert(sets.begin(), "antivirus.database=" + sigdir());
    auto e = ord::load_engine(std::string(ORDINANCE_SOURCE_DIR) + "/config/examples/ordinance.toml", sets);
    if (!e) FAIL(e.error().message);
    return *e;
}

// ---- mail ---------------------------------------------------------------------------------

struct Attachment {
    std::string content_type;  // "application/pdf; name=x.pdf"
    std::string disposition;   // "attachment; filename=x.pdf" or ""
    std::string data;
};

std::string b64(const std::string& in) { return ord::mime::encode_base64(in); }

std::string mail(const std::vector<Attachment>& atts, const std::string& from = "mallory@example.com") {
    std::string m = "From: " + from +
                    "\r\nTo: bob@modot.mo.gov\r\nSubject: documents\r\nMIME-Version: 1.0\r\n"
                    "Content-Type: multipart/mixed; boundary=\"b1\"\r\n\r\n--b1\r\n"
                    "Content-Type: text/plain\r\n\r\nPlease see the attached files.\r\n";
    for (const auto& a : atts) {
        m += "--b1\r\nContent-Type: " + a.content_type + "\r\n";
        if (!a.disposition.empty()) m += "Content-Disposition: " + a.disposition + "\r\n";
        m += "Content-Transfer-Encoding: base64\r\n\r\n" + b64(a.data);
    }
    return m + "--b1--\r\n";
}

}  // namespace

TEST_CASE("the engine loads test signatures from a directory", "[antivirus]") {
    // Load time is measured by bench/antivirus, not asserted here (a loaded CI machine is slow).
    ord::Config::Antivirus s;
    auto av = ord::ClamAvEngine::load(s, sigdir());
    REQUIRE(av.ok());
    CHECK((*av)->signatures() >= 2);
    CHECK((*av)->load_ms() > 0);
    auto r = (*av)->scan("xx CLAMAV-TEST-STRING-NOT-EICAR xx", "t.txt");
    CHECK(r.status == ord::AvScan::Status::Virus);
    CHECK(r.virus.find("Ordinance.Test.NotEicar") == 0);
    CHECK((*av)->scan("nothing to see", "t.txt").status == ord::AvScan::Status::Clean);
}

TEST_CASE("a missing or empty signature database refuses to start, unless antivirus is off", "[antivirus]") {
    auto cfg = std::string(ORDINANCE_SOURCE_DIR) + "/config/examples/ordinance.toml";
    auto missing = ord::load_engine(cfg, {"antivirus.database=/nonexistent/clamav"});
    REQUIRE_FALSE(missing.ok());
    CHECK(missing.error().message.find("/nonexistent/clamav") != std::string::npos);
    CHECK(missing.error().message.find("antivirus.enabled = false") != std::string::npos);

    char tmpl[] = "/tmp/ordinance-empty-XXXXXX";
    std::string empty = mkdtemp(tmpl);
    auto none = ord::load_engine(cfg, {"antivirus.database=" + empty});
    REQUIRE_FALSE(none.ok());
    CHECK(none.error().message.find(empty) != std::string::npos);
    rmdir(empty.c_str());

    auto off = ord::load_engine(cfg, {"antivirus.database=/nonexistent/clamav", "antivirus.enabled=false"});
    REQUIRE(off.ok());
    auto o = scan(**off, mail({{"text/plain; name=a.txt", "", "CLAMAV-TEST-STRING-NOT-EICAR"}}));
    CHECK(with_rule(o, "virus").empty());
}

TEST_CASE("the shipped example configuration finds the benign marker and refuses naming it", "[antivirus]") {
    auto e = ord::load_engine(std::string(ORDINANCE_SOURCE_DIR) + "/config/examples/ordinance.toml", {});
    REQUIRE(e.ok());
    auto o = scan(**e, mail({{"text/plain; name=notes.txt", "attachment; filename=notes.txt",
                              "line one\nCLAMAV-TEST-STRING-NOT-EICAR\n"}}));
    INFO(describe(o));
    CHECK(o.decision.verdict == ord::Verdict::Reject);
    CHECK(o.decision.smtp_reply().rfind("550 5.7.1 Virus found: Ordinance.Test.NotEicar", 0) == 0);
    CHECK(o.decision.smtp_reply().find("notes.txt") != std::string::npos);
    auto v = with_rule(o, "virus");
    REQUIRE(v.size() == 1);
    CHECK(v[0]->category == "virus");
    CHECK(v[0]->evidence.find("part=notes.txt type=text/plain") != std::string::npos);
}

TEST_CASE("every part is scanned once: nested messages, several parts, the body", "[antivirus]") {
    auto e = engine();
    const std::string marker = "CLAMAV-TEST-STRING-NOT-EICAR";
    struct Case {
        const char* what;
        std::string raw;
        size_t viruses;
    };
    std::string inner = mail({{"text/plain; name=inner.txt", "attachment; filename=inner.txt", marker}});
    auto c = GENERATE_COPY(values<Case>({
        {"clean", mail({{"application/pdf; name=a.pdf", "", "%PDF-1.4 nothing"}}), 0},
        {"in the body", "From: a@example.com\r\nSubject: x\r\n\r\n" + marker + "\r\n", 1},
        {"two attachments", mail({{"text/plain; name=a.txt", "", marker}, {"text/plain; name=b.txt", "", marker}}), 2},
        {"forwarded message/rfc822", forwarded(inner), 1},
        {"forwarded twice", forwarded(forwarded(inner)), 1},
        {"quoted-printable html", "From: a@example.com\r\nMIME-Version: 1.0\r\nContent-Type: text/html\r\n"
                                  "Content-Transfer-Encoding: quoted-printable\r\n\r\n<p>CLAMAV-TEST-STRING-=\r\nNOT-EICAR</p>\r\n", 1},
    }));
    INFO(c.what);
    auto o = scan(*e, c.raw);
    INFO(describe(o));
    CHECK(with_rule(o, "virus").size() == c.viruses);
    CHECK((c.viruses ? o.decision.verdict == ord::Verdict::Reject : o.decision.verdict == ord::Verdict::Accept));
}

TEST_CASE("a hash signature finds a generated file inside zip-in-zip", "[antivirus]") {
    auto e = engine();
    std::string inner = make_archive({{"payload.dat", kHashPayload}});
    std::string outer = make_archive({{"readme.txt", "see inside"}, {"inner.zip", inner}});
    auto o = scan(*e, mail({{"application/zip; name=files.zip", "attachment; filename=files.zip", outer}}));
    INFO(describe(o));
    auto v = with_rule(o, "virus");
    REQUIRE(v.size() == 1);
    CHECK(v[0]->reason.find("Ordinance.Test.Hash") != std::string::npos);
    CHECK(v[0]->reason.find("files.zip") != std::string::npos);
}

TEST_CASE("clamav-testfiles samples are found however they are wrapped", "[antivirus]") {
    if (!have_testfiles()) {
        WARN("clamav-testfiles not installed (deploy/install-deps.sh installs it); skipped");
        return;
    }
    auto e = engine();
    const char* samples[] = {"clam.exe", "clam.zip", "clam.7z", "clam.arj", "clam.cab", "clam.chm", "clam.pdf",
                             "clam.ole.doc", "clam.ppt", "clam.tar.gz", "clam.exe.bz2", "clam.exe.rtf",
                             "clam.exe.html", "clam.exe.binhex", "clam.tnef", "clam.mail", "clam.exe.mbox.uu",
                             "clam-upx.exe", "clam-petite.exe", "clam-nsis.exe", "clam.bz2.zip", "clam.impl.zip",
                             "clam.newc.cpio", "clam.sis", "clam.exe.szdd"};
    for (const char* name : samples) {
        std::string data = slurp(kTestFiles + "/" + name);
        REQUIRE(!data.empty());
        struct Wrap {
            const char* how;
            std::string raw;
        };
        std::string zipzip = make_archive({{"docs/inner.zip", make_archive({{name, data}})}});
        std::vector<Wrap> wraps = {
            {"plain", mail({{std::string("application/octet-stream; name=\"") + name + "\"",
                             std::string("attachment; filename=\"") + name + "\"", data}})},
            {"misleading name and type", mail({{"image/jpeg; name=holiday.jpg", "attachment; filename=holiday.jpg", data}})},
            {"zip-in-zip", mail({{"application/zip; name=docs.zip", "attachment; filename=docs.zip", zipzip}})},
            {"forwarded", forwarded(mail({{"application/octet-stream; name=report.pdf", "", data}}))},
        };
        for (const auto& w : wraps) {
            auto o = scan(*e, w.raw);
            INFO(name << " wrapped " << w.how << "\n" << describe(o));
            auto v = with_rule(o, "virus");
            REQUIRE(!v.empty());
            CHECK(v[0]->reason.find("ClamAV.TestFile.Body") != std::string::npos);
            CHECK(o.decision.verdict == ord::Verdict::Reject);
        }
    }
}

TEST_CASE("encrypted archives and zip bombs are unscannable, never accepted", "[antivirus]") {
    auto e = engine();
    SECTION("encrypted zip") {
        std::string z = make_archive({{"salary.xlsx", "not really a spreadsheet"}}, "zip", "secret");
        auto o = scan(*e, mail({{"application/zip; name=salary.zip", "", z}}));
        INFO(describe(o));
        REQUIRE(with_rule(o, "virus_unscannable").size() == 1);
        CHECK(with_rule(o, "virus_unscannable")[0]->reason.find("Encrypted") != std::string::npos);
        CHECK(o.decision.verdict == ord::Verdict::Quarantine);
    }
    SECTION("zip bomb: 64 MiB of zeros in a small zip, bounded time and memory") {
        auto e = engine({"antivirus.max_file_size=16777216"});
        std::string bomb = make_archive({{"zeros.bin", std::string(64u << 20, '\0')}});
        REQUIRE(bomb.size() < 1u << 20);
        auto t0 = std::chrono::steady_clock::now();
        auto o = scan(*e, mail({{"application/zip; name=big.zip", "", bomb}}));
        double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
        INFO(describe(o));
        CHECK(s < 10);
        REQUIRE(with_rule(o, "virus_unscannable").size() == 1);
        CHECK(with_rule(o, "virus_unscannable")[0]->evidence.find("limit=max_file_size") != std::string::npos);
        CHECK(o.decision.verdict == ord::Verdict::Quarantine);
    }
}

TEST_CASE("banned attachment types by content, name and names inside archives", "[attachments]") {
    auto e = engine();
    std::string exe = "MZ\x90\0\x03\0\0\0" + std::string(200, 'A');  // an executable's header, harmless bytes
    std::string lnk = std::string("L\0\0\0\x01\x14\x02\0", 8) + std::string(100, '\0');
    struct Case {
        const char* what;
        std::string raw;
        const char* kind;  // "" when allowed
    };
    auto c = GENERATE_COPY(values<Case>({
        {"exe named .pdf", mail({{"application/pdf; name=invoice.pdf", "attachment; filename=invoice.pdf", exe}}),
         "executable"},
        {"script by name", mail({{"text/plain; name=update.js", "", "WScript.Echo(1)"}}), "script"},
        {"double extension", mail({{"application/pdf; name=\"invoice.pdf.vbs\"", "", "x"}}), "script"},
        {"RFC 2231 encoded name",
         mail({{"application/octet-stream", "attachment; filename*=UTF-8''inv%6Fice.pdf%2Ebat", "echo"}}), "script"},
        {"RFC 2047 encoded name",
         mail({{"application/octet-stream; name=\"=?UTF-8?B?c2V0dXAuaHRh?=\"", "", "x"}}),
         "script"},
        {"right-to-left override", mail({{"application/octet-stream; name=\"invoice\xE2\x80\xAE" "fdp.txt\"", "", "x"}}),
         "disguised_name"},
        {"trailing dots", mail({{"application/octet-stream; name=\"report.exe...\"", "", "x"}}), "executable"},
        {"shortcut by content", mail({{"application/octet-stream; name=photo.jpg", "", lnk}}), "shortcut"},
        {"disk image by name", mail({{"application/octet-stream; name=backup.iso", "", "x"}}), "disk_image"},
        {"macro document by name", mail({{"application/vnd.ms-word; name=q3.docm", "", "PK"}}), "macro_document"},
        {"exe inside zip", mail({{"application/zip; name=a.zip", "", make_archive({{"setup.bin", exe}})}}), "executable"},
        {"script inside 7z", mail({{"application/x-7z-compressed; name=a.7z", "", make_archive({{"run.js", std::string(2000, '/') + "\nWScript.Echo(1);\n"}}, "7zip")}}),
         "script"},
        {"vba project inside a docx", mail({{"application/zip; name=a.docx", "", make_archive({{"word/vbaProject.bin", "x"}})}}),
         "macro_document"},
        {"pdf", mail({{"application/pdf; name=report.pdf", "", "%PDF-1.4\n1 0 obj\n"}}), ""},
        {"zip of documents", mail({{"application/zip; name=d.zip", "", make_archive({{"a.pdf", "%PDF-1.4"}, {"b.txt", "hi"}})}}),
         ""},
        {"version number in name", mail({{"application/pdf; name=\"v1.2 report.pdf\"", "", "%PDF-1.4"}}), ""},
    }));
    INFO(c.what);
    auto o = scan(*e, c.raw);
    INFO(describe(o));
    auto b = with_rule(o, "banned_attachment");
    if (std::string(c.kind).empty()) {
        CHECK(b.empty());
        CHECK(o.decision.verdict == ord::Verdict::Accept);
    } else {
        REQUIRE(!b.empty());
        CHECK(b[0]->category == "banned_attachment");
        CHECK(b[0]->evidence.find(std::string("kind=") + c.kind) != std::string::npos);
        CHECK(o.decision.verdict == ord::Verdict::Reject);
        CHECK(o.decision.smtp_reply().find("rule banned_attachment") != std::string::npos);
    }
}

TEST_CASE("the type ban follows directions and sender allow-lists", "[attachments]") {
    std::string raw = mail({{"application/octet-stream; name=tool.exe", "", "MZ harmless"}}, "it@modot.mo.gov");
    struct Case {
        std::vector<std::string> sets;
        const char* from;
        const char* rcpt;
        bool banned;
        const char* client = "127.0.0.1";  // a trusted network: an internal sender is one
    };
    auto c = GENERATE(values<Case>({
        {{}, "mallory@example.com", "bob@modot.mo.gov", true},
        {{"attachments.allow_senders=[\"it@modot.mo.gov\"]"}, "it@modot.mo.gov", "bob@modot.mo.gov", false},
        {{"attachments.allow_senders=[\"@example.com\"]"}, "mallory@example.com", "bob@modot.mo.gov", false},
        {{"attachments.allow_senders=[\"@example.com\"]"}, "mallory@example.org", "bob@modot.mo.gov", true},
        {{"attachments.directions=[\"inbound\"]"}, "it@modot.mo.gov", "bob@modot.mo.gov", false},
        {{"attachments.directions=[\"inbound\"]"}, "mallory@example.com", "bob@modot.mo.gov", true},
        {{"attachments.directions=[\"outbound\"]"}, "it@modot.mo.gov", "partner@example.com", true},
        // An internal address from outside the trusted networks, unauthenticated: inbound,
        // as every other rule reads the direction.
        {{"attachments.directions=[\"inbound\"]"}, "it@modot.mo.gov", "bob@modot.mo.gov", true, "192.0.2.10"},
        {{"attachments.enabled=false"}, "mallory@example.com", "bob@modot.mo.gov", false},
    }));
    auto e = engine(c.sets);
    auto o = scan(*e, raw, c.from, c.rcpt, c.client);
    INFO(c.from << " -> " << c.rcpt << "\n" << describe(o));
    CHECK(with_rule(o, "banned_attachment").empty() == !c.banned);
}

TEST_CASE("name tricks and kinds, one by one", "[attachments]") {
    CHECK(ord::name_trick("invoice.pdf.exe") == "double extension .pdf.exe");
    CHECK(ord::name_trick("invoice.pdf") == "");
    CHECK(ord::name_trick("v1.2.exe") == "double extension .2.exe");
    CHECK(ord::name_trick("photo.jpg                    .scr") == "padding before the real extension");
    CHECK(ord::name_trick("a\xE2\x80\xAEgpj.exe").find("right-to-left") != std::string::npos);
    CHECK(ord::kind_from_name("dir/sub/RUN.JS")->kind == ord::FileKind::Script);
    CHECK(!ord::kind_from_name("archive.tar.gz"));
    CHECK(ord::kind_from_clamav_type("CL_TYPE_MSEXE")->kind == ord::FileKind::Executable);
    CHECK(!ord::kind_from_clamav_type("CL_TYPE_PDF"));
    CHECK(ord::kind_from_content(std::string("\x7f" "ELF\x02", 5))->kind == ord::FileKind::Executable);
    CHECK(!ord::kind_from_content("%PDF-1.7"));
}

TEST_CASE("a new signature file is noticed", "[antivirus]") {
    char tmpl[] = "/tmp/ordinance-sigs2-XXXXXX";
    std::string dir = mkdtemp(tmpl);
    std::ofstream(dir + "/a.ndb") << "Ordinance.Test.A:0:*:" << hex("FIRST-MARKER-STRING") << "\n";
    ord::Config::Antivirus s;
    auto av = ord::ClamAvEngine::load(s, dir);
    REQUIRE(av.ok());
    CHECK_FALSE((*av)->database_changed());
    std::ofstream(dir + "/b.ndb") << "Ordinance.Test.B:0:*:" << hex("SECOND-MARKER-STRING") << "\n";
    CHECK((*av)->database_changed());
    auto again = ord::ClamAvEngine::load(s, dir);
    REQUIRE(again.ok());
    CHECK((*again)->scan("SECOND-MARKER-STRING", "x").status == ord::AvScan::Status::Virus);
    CHECK((*av)->scan("SECOND-MARKER-STRING", "x").status == ord::AvScan::Status::Clean);  // old one unchanged
    std::remove((dir + "/a.ndb").c_str());
    std::remove((dir + "/b.ndb").c_str());
    rmdir(dir.c_str());
}

TEST_CASE("a reload shares the running ClamAV engine until a signature file changes", "[antivirus]") {
    char tmpl[] = "/tmp/ordinance-sigs3-XXXXXX";
    std::string dir = mkdtemp(tmpl);
    std::ofstream(dir + "/a.ndb") << "Ordinance.Test.A:0:*:" << hex("FIRST-MARKER-STRING") << "\n";
    const std::string config = std::string(ORDINANCE_SOURCE_DIR) + "/config/examples/ordinance.toml";
    auto load = [&](std::vector<std::string> sets, const ord::Engine* previous) {
        sets.push_back("antivirus.database=" + dir);
        auto e = ord::load_engine(config, sets, previous);
        REQUIRE(e.ok());
        REQUIRE((*e)->services().antivirus);
        return *e;
    };
    auto first = load({}, nullptr);
    auto second = load({"policy.share_floor=12"}, first.get());  // a rule tweak, the same signatures
    CHECK(second->services().antivirus == first->services().antivirus);  // shared, not compiled again
    CHECK(second->services().rates == first->services().rates);  // counts survive the reload
    // No hidden sharing: an engine loaded without a previous one compiles its own.
    CHECK(load({}, nullptr)->services().antivirus != first->services().antivirus);
    // Other limits: a different engine.
    CHECK(load({"antivirus.max_files=77"}, first.get())->services().antivirus != first->services().antivirus);
    std::ofstream(dir + "/b.ndb") << "Ordinance.Test.B:0:*:" << hex("SECOND-MARKER-STRING") << "\n";
    auto third = load({}, second.get());
    CHECK(third->services().antivirus != first->services().antivirus);  // a new file: compiled afresh
    CHECK(third->services().antivirus->scan("SECOND-MARKER-STRING", "x").status == ord::AvScan::Status::Virus);
    std::remove((dir + "/a.ndb").c_str());
    std::remove((dir + "/b.ndb").c_str());
    rmdir(dir.c_str());
}

TEST_CASE("the message's scan time is bounded, and running out is unscannable", "[antivirus]") {
    auto e = engine({"antivirus.max_scan_time_ms=1", "limits.max_parts=1000"});
    // Each part different: libclamav caches clean results by hash, and 300 identical parts
    // could then all be "scanned" inside the 2 ms budget.
    std::vector<Attachment> parts;
    for (int i = 0; i < 300; ++i)
        parts.push_back(Attachment{"text/plain; name=p.txt", "", std::to_string(i) + std::string(4000, 'x')});
    auto o = scan(*e, mail(parts));
    INFO(describe(o));
    REQUIRE(!with_rule(o, "virus_unscannable").empty());
    // Either bound may fire first: the message's budget (limit=max_scan_time_ms), or on a busy
    // machine libclamav's own per-part limit (Heuristics.Limits.Exceeded.MaxScanTime).
    bool timed_out = false;
    for (const auto* f : with_rule(o, "virus_unscannable"))
        timed_out = timed_out || f->evidence.find("max_scan_time_ms") != std::string::npos ||
                    f->evidence.find("MaxScanTime") != std::string::npos;
    CHECK(timed_out);
    CHECK(o.decision.verdict == ord::Verdict::Quarantine);
}

TEST_CASE("a refusal can carry the text configured for its kind", "[attachments]") {
    auto e = engine({"attachments.replies={ macro_document = \"Macro documents: ask the sender for a PDF\" }"});
    auto o = scan(*e, mail({{"application/vnd.ms-excel; name=budget.xlsm", "", "PK"}}));
    INFO(describe(o));
    CHECK(o.decision.smtp_reply().rfind("550 5.7.1 Macro documents: ask the sender for a PDF: 'budget.xlsm'", 0) == 0);
    auto bad = ord::load_config(std::string(ORDINANCE_SOURCE_DIR) + "/config/examples/ordinance.toml",
                                {"attachments.replies={ sofware = \"x\" }"});
    REQUIRE_FALSE(bad.ok());
    CHECK(bad.error().message.find("attachments.replies: 'sofware' is not one of executable") != std::string::npos);
}

TEST_CASE("a message too complex for the MIME parser is still scanned, by ClamAV's mail parser", "[antivirus]") {
    auto e = engine();
    const std::string marker = "CLAMAV-TEST-STRING-NOT-EICAR";
    std::string head = "From: mallory@example.com\r\nTo: bob@modot.mo.gov\r\nSubject: many\r\nMIME-Version: 1.0\r\n";
    // Malformed, and the virus found once, by ClamAV's own mail parser on the whole message.
    auto found_whole = [&](const std::string& m) {
        auto o = scan(*e, m);
        INFO(describe(o));
        CHECK_FALSE(with_rule(o, "malformed").empty());
        auto v = with_rule(o, "virus");
        REQUIRE(v.size() == 1);
        CHECK(v[0]->evidence.find("scanner=clamav-mail") != std::string::npos);
        CHECK(o.decision.verdict == ord::Verdict::Reject);
    };
    SECTION("more parts than limits.max_parts: the virus is found and named") {
        std::string m = head + "Content-Type: multipart/mixed; boundary=\"B\"\r\n\r\n";
        for (int i = 0; i < 1100; ++i) m += "--B\r\nContent-Type: text/plain\r\n\r\nhello " + std::to_string(i) + "\r\n";
        m += "--B\r\nContent-Type: text/plain; name=\"m.txt\"\r\n\r\nxx " + marker + " yy\r\n--B--\r\n";
        found_whole(m);
    }
    SECTION("a structure mimetic throws on part way: read whole by ClamAV, the virus found") {
        // Found by the fuzzer: mimetic 0.9.8 throws std::out_of_range on this nested closing
        // boundary. Before, the message went on with no parts at all, so nothing was scanned.
        std::string m = head + "Content-Type: multipart/mixed; boundary=\"tr\"\r\n\r\n--tr\r\n"
                               "Content-Type: text/plain; name=\"m.txt\"\r\n\r\nxx " + marker +
                        " yy\r\n--trContent-Type:multipart;boundary=\"alt-b\"\n\n--alt-b--\n\r\n--tr";
        REQUIRE(ord::mime::parse(m).scan_raw);
        found_whole(m);
    }
    SECTION("a \"multipart\" with no subtype hides nothing: its parts are scanned and type-checked") {
        std::string m = head + "Content-Type: multipart; boundary=\"b\"\r\n\r\n--b\r\n"
                               "Content-Type: application/octet-stream; name=\"x.bin\"\r\n"
                               "Content-Transfer-Encoding: base64\r\n\r\n" + b64("xx " + marker + " yy") + "--b--\r\n";
        auto o = scan(*e, m);
        INFO(describe(o));
        auto v = with_rule(o, "virus");
        REQUIRE(v.size() == 2);  // in the part, and in the whole message read by ClamAV (it reads two ways)
        CHECK((v[0]->evidence.find("part=x.bin") != std::string::npos ||
               v[1]->evidence.find("part=x.bin") != std::string::npos));
        CHECK(o.decision.verdict == ord::Verdict::Reject);
    }
    SECTION("nesting deeper than ClamAV's own recursion limit: unscannable, not a silent accept") {
        std::string m = head, tail;
        for (int i = 0; i < 60; ++i) {
            m += "Content-Type: multipart/mixed; boundary=\"b" + std::to_string(i) + "\"\r\n\r\n--b" + std::to_string(i) + "\r\n";
            tail = "\r\n--b" + std::to_string(i) + "--\r\n" + tail;
        }
        m += "Content-Type: text/plain\r\n\r\nclean words\r\n" + tail;
        auto o = scan(*e, m);
        INFO(describe(o));
        CHECK_FALSE(with_rule(o, "malformed").empty());
        CHECK(with_rule(o, "virus").empty());
        CHECK_FALSE(with_rule(o, "virus_unscannable").empty());
        CHECK(o.decision.verdict == ord::Verdict::Quarantine);
    }
}

TEST_CASE("a forwarded message sent in base64 is opened and every part in it scanned", "[antivirus]") {
    auto e = engine();
    std::string inner = mail({{"text/plain; name=m.txt", "attachment; filename=m.txt", "x CLAMAV-TEST-STRING-NOT-EICAR x"}});
    std::string raw = "From: carol@example.org\r\nTo: bob@modot.mo.gov\r\nSubject: Fwd\r\nMIME-Version: 1.0\r\n"
                      "Content-Type: multipart/mixed; boundary=\"fw\"\r\n\r\n--fw\r\nContent-Type: text/plain\r\n\r\n"
                      "Forwarding.\r\n--fw\r\nContent-Type: message/rfc822\r\nContent-Transfer-Encoding: base64\r\n\r\n" +
                      b64(inner) + "--fw--\r\n";
    auto o = scan(*e, raw);
    INFO(describe(o));
    auto v = with_rule(o, "virus");
    REQUIRE(v.size() == 1);
    CHECK(v[0]->evidence.find("part=m.txt") != std::string::npos);  // found in its own part, by name
    CHECK(with_rule(o, "malformed").empty());
}

TEST_CASE("a clean part seen again comes from the cache, file list and all", "[antivirus]") {
    ord::Config::Antivirus s;
    auto av = ord::ClamAvEngine::load(s, sigdir());
    REQUIRE(av.ok());
    const auto& e = **av;
    std::string exe = "MZ\x90\0\x03\0\0\0" + std::string(200, 'A');
    std::string zip = make_archive({{"docs/setup.bin", exe}, {"readme.txt", "hello"}});

    auto first = e.scan(zip, "a.zip");
    REQUIRE(first.status == ord::AvScan::Status::Clean);
    REQUIRE(first.limit.empty());
    CHECK(e.cache_stats().hits == 0);
    CHECK(e.cache_stats().entries == 1);
    auto again = e.scan(zip, "a.zip");
    CHECK(e.cache_stats().hits == 1);
    CHECK(again.status == ord::AvScan::Status::Clean);
    REQUIRE(again.files.size() == first.files.size());
    bool saw_exe = false;
    for (std::size_t i = 0; i < first.files.size(); ++i) {
        CHECK(again.files[i].type == first.files[i].type);
        CHECK(again.files[i].path == first.files[i].path);
        CHECK(again.files[i].depth == first.files[i].depth);
        saw_exe = saw_exe || again.files[i].type == "CL_TYPE_MSEXE";
    }
    CHECK(saw_exe);  // what the attachment policy reads survives the cache

    // Another name is another entry: names reach libclamav and the file list.
    e.scan(zip, "b.zip");
    CHECK(e.cache_stats().hits == 1);
    CHECK(e.cache_stats().entries == 2);
    // One byte changed is another part.
    std::string other = zip;
    other.back() ^= 1;
    e.scan(other, "a.zip");
    CHECK(e.cache_stats().hits == 1);
}

TEST_CASE("findings, limit hits and encrypted archives are scanned every time, never cached", "[antivirus]") {
    ord::Config::Antivirus s;
    s.max_file_size = 1 << 20;
    auto av = ord::ClamAvEngine::load(s, sigdir());
    REQUIRE(av.ok());
    const auto& e = **av;
    std::string marked = "xx CLAMAV-TEST-STRING-NOT-EICAR xx";
    std::string locked = make_archive({{"salary.xlsx", "not really a spreadsheet"}}, "zip", "secret");
    std::string bomb = make_archive({{"zeros.bin", std::string(4u << 20, '\0')}});
    for (int round = 0; round < 2; ++round) {
        INFO("round " << round);
        CHECK(e.scan(marked, "m.txt").status == ord::AvScan::Status::Virus);
        auto l = e.scan(locked, "salary.zip");
        CHECK(l.status == ord::AvScan::Status::Virus);
        CHECK(l.virus.find("Encrypted") != std::string::npos);
        CHECK(e.scan(bomb, "big.zip").limit == "max_file_size");
    }
    CHECK(e.cache_stats().hits == 0);
    CHECK(e.cache_stats().entries == 0);
}

TEST_CASE("the scan cache stays inside antivirus.scan_cache_mb, and 0 turns it off", "[antivirus]") {
    ord::Config::Antivirus s;
    s.scan_cache_mb = 1;
    auto av = ord::ClamAvEngine::load(s, sigdir());
    REQUIRE(av.ok());
    for (int i = 0; i < 20000; ++i) (*av)->scan("part number " + std::to_string(i), "p.txt");
    auto st = (*av)->cache_stats();
    CHECK(st.bytes <= 1u << 20);
    CHECK(st.entries > 1000);   // still useful when full
    CHECK(st.entries < 20000);  // the oldest went
    CHECK((*av)->scan("part number 19999", "p.txt").status == ord::AvScan::Status::Clean);
    CHECK((*av)->cache_stats().hits == 1);                 // the newest stayed
    (*av)->scan("part number 0", "p.txt");
    CHECK((*av)->cache_stats().hits == 1);                 // the oldest did not

    s.scan_cache_mb = 0;
    auto off = ord::ClamAvEngine::load(s, sigdir());
    REQUIRE(off.ok());
    CHECK((*off)->scan("same", "p.txt").status == ord::AvScan::Status::Clean);
    CHECK((*off)->scan("same", "p.txt").status == ord::AvScan::Status::Clean);
    CHECK((*off)->cache_stats().entries == 0);
    CHECK((*off)->cache_stats().hits == 0);
}

TEST_CASE("the same banned archive sent twice is refused twice, the second time from the cache", "[attachments]") {
    auto e = engine({"antivirus.max_files=9999"});  // an engine of its own: counts start at zero
    std::string exe = "MZ\x90\0\x03\0\0\0" + std::string(300, 'B');
    std::string raw = mail({{"application/zip; name=tools.zip", "", make_archive({{"tool.bin", exe}})}});
    for (int round = 0; round < 2; ++round) {
        INFO("round " << round);
        auto o = scan(*e, raw);
        INFO(describe(o));
        auto b = with_rule(o, "banned_attachment");
        REQUIRE(b.size() == 1);
        CHECK(b[0]->evidence.find("kind=executable") != std::string::npos);
        CHECK(o.decision.verdict == ord::Verdict::Reject);
    }
    CHECK(e->services().antivirus->cache_stats().hits >= 2);  // the zip and the text part
}

TEST_CASE("a virus uuencoded in a plain-text body is found and named, as ClamAV's mail parser would", "[antivirus]") {
    auto e = engine();
    std::string m = "From: mallory@example.com\r\nTo: bob@modot.mo.gov\r\nSubject: old style\r\n\r\nSee below.\r\n\r\n"
                    "begin-base64 644 notes.txt\r\n" + b64("xx CLAMAV-TEST-STRING-NOT-EICAR yy") + "====\r\n";
    auto o = scan(*e, m);
    INFO(describe(o));
    auto v = with_rule(o, "virus");
    REQUIRE(v.size() == 1);
    CHECK(v[0]->evidence.find("part=notes.txt") != std::string::npos);
    CHECK(o.decision.verdict == ord::Verdict::Reject);
}

TEST_CASE("a file with no name of its own inside a container is called (unnamed), never a scratch name", "[attachments]") {
    auto e = engine();
    // An executable gzipped: the decompressed stream has no name.
    std::string exe = "MZ\x90\0\x03\0\0\0" + std::string(200, 'A');
    char tmpl[] = "/tmp/ordinance-gz-XXXXXX";
    int fd = mkstemp(tmpl);
    REQUIRE(fd >= 0);
    REQUIRE(write(fd, exe.data(), exe.size()) == static_cast<ssize_t>(exe.size()));
    close(fd);
    REQUIRE(std::system(("gzip -n -f " + std::string(tmpl)).c_str()) == 0);
    std::string gz = slurp(std::string(tmpl) + ".gz");
    std::remove((std::string(tmpl) + ".gz").c_str());
    auto o = scan(*e, mail({{"application/gzip; name=data.gz", "", gz}}));
    INFO(describe(o));
    auto b = with_rule(o, "banned_attachment");
    REQUIRE(b.size() == 1);
    CHECK(b[0]->evidence.find("inner=data.gz/(unnamed)") != std::string::npos);
    CHECK(b[0]->reason.find("clamav-") == std::string::npos);
}
