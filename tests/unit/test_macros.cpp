// Macro-enabled Office documents are a banned_attachment of kind macro_document (policy 2503
// section 24), whatever they are named and however they are wrapped: real documents written by
// tests/data/make_office_docs.py (OLE2 .doc/.xls with a VBA project, OOXML .docm/.xlsm with
// vbaProject.bin, and the same without macros), through the real Engine and libclamav.
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <map>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "checks/assemble.h"
#include "mime/codec.h"
#include "checks/attachment_policy.h"
#include "checks/clamav_engine.h"
#include "policy/engine.h"
#include "checks/scan.h"

#include "tests/unit/scan_helpers.h"

namespace {

using namespace testutil;

const std::string kConfig = std::string(ORDINANCE_SOURCE_DIR) + "/config/examples/ordinance.toml";

// The documents, written once per run by the generator into a scratch directory and read back.
const std::map<std::string, std::string>& docs() {
    static const std::map<std::string, std::string> d = [] {
        char tmpl[] = "/tmp/ordinance-officedocs-XXXXXX";
        REQUIRE(mkdtemp(tmpl));
        std::string dir = tmpl;
        std::string cmd = "python3 '" + std::string(ORDINANCE_SOURCE_DIR) + "/tests/data/make_office_docs.py' '" + dir + "'";
        INFO(cmd);
        REQUIRE(std::system(cmd.c_str()) == 0);
        std::map<std::string, std::string> out;
        for (const char* n : {"macro.doc", "plain.doc", "macro.xls", "xlm.xls", "plain.xls", "macro.docm", "plain.docx",
                              "macro.xlsm", "plain.xlsx", "vbaProject.bin"}) {
            std::string p = dir + "/" + n;
            out[n] = slurp(p);
            REQUIRE(out[n].size() > 500);
            std::remove(p.c_str());
        }
        rmdir(dir.c_str());
        return out;
    }();
    return d;
}

const std::string& doc(const std::string& name) { return docs().at(name); }

std::string b64(const std::string& in) { return ord::mime::encode_base64(in); }

// One attachment named `name` (Content-Type name= and Content-Disposition filename=).
std::string mail(const std::string& type, const std::string& name, const std::string& data) {
    return "From: mallory@example.com\r\nTo: bob@modot.mo.gov\r\nSubject: quarterly figures\r\nMIME-Version: 1.0\r\n"
           "Content-Type: multipart/mixed; boundary=\"b1\"\r\n\r\n--b1\r\nContent-Type: text/plain\r\n\r\n"
           "Figures attached.\r\n--b1\r\nContent-Type: " + type + "; name=\"" + name +
           "\"\r\nContent-Disposition: attachment; filename=\"" + name +
           "\"\r\nContent-Transfer-Encoding: base64\r\n\r\n" + b64(data) + "--b1--\r\n";
}

std::shared_ptr<const ord::Engine> engine(const std::vector<std::string>& sets = {}) {
    auto e = ord::load_engine(kConfig, sets);
    if (!e) FAIL(e.error().message);
    return *e;
}

struct Case {
    const char* what;
    std::string raw;
    bool banned;  // a banned_attachment of kind macro_document, and the message refused
};

std::vector<Case> cases() {
    const std::string& mdoc = doc("macro.doc");
    const std::string& mxls = doc("macro.xls");
    const std::string& docm = doc("macro.docm");
    return {
        // Legacy OLE2 with a VBA project: only libclamav's Heuristics.OLE2.ContainsMacros tells.
        {"Word .doc with macros", mail("application/msword", "report.doc", mdoc), true},
        {"the same bytes named report.pdf", mail("application/pdf", "report.pdf", mdoc), true},
        {"the same bytes named notes.txt", mail("text/plain", "notes.txt", mdoc), true},
        {"the same bytes named report.docx", mail("application/octet-stream", "report.docx", mdoc), true},
        {"Word .doc with macros inside a zip", mail("application/zip", "docs.zip", make_archive({{"report.doc", mdoc}})), true},
        {"... renamed .pdf inside a zip", mail("application/zip", "docs.zip", make_archive({{"scan.pdf", mdoc}})), true},
        {"... inside a zip inside a zip",
         mail("application/zip", "docs.zip", make_archive({{"inner/more.zip", make_archive({{"report.doc", mdoc}})}})), true},
        {"... in a forwarded message", forwarded(mail("application/msword", "report.doc", mdoc)), true},
        {"Excel .xls with macros", mail("application/vnd.ms-excel", "budget.xls", mxls), true},
        {"Excel .xls with macros named budget.txt", mail("text/plain", "budget.txt", mxls), true},
        {"Excel .xls with an Excel 4.0 macro sheet (XLM)", mail("application/vnd.ms-excel", "budget.xls", doc("xlm.xls")),
         true},
        {"... named budget.pdf inside a zip", mail("application/zip", "b.zip", make_archive({{"budget.pdf", doc("xlm.xls")}})),
         true},
        {"a bare vbaProject.bin named data.bin", mail("application/octet-stream", "data.bin", doc("vbaProject.bin")), true},
        // OOXML: the name, the zip's own directory (word/vbaProject.bin), and libclamav inside.
        {"Word .docm", mail("application/vnd.ms-word.document.macroEnabled.12", "report.docm", docm), true},
        {"Excel .xlsm", mail("application/vnd.ms-excel.sheet.macroEnabled.12", "budget.xlsm", doc("macro.xlsm")), true},
        {".docm renamed report.docx", mail("application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                                           "report.docx", docm), true},
        {".docm renamed report.pdf", mail("application/pdf", "report.pdf", docm), true},
        {".docm renamed .docx inside a zip", mail("application/zip", "docs.zip", make_archive({{"report.docx", docm}})), true},
        {".xlsm renamed .xlsx inside a zip", mail("application/zip", "docs.zip", make_archive({{"b.xlsx", doc("macro.xlsm")}})),
         true},
        // No macros: no finding at all (no false positive).
        {"Word .doc without macros", mail("application/msword", "report.doc", doc("plain.doc")), false},
        {"Excel .xls without macros", mail("application/vnd.ms-excel", "budget.xls", doc("plain.xls")), false},
        {"Word .docx", mail("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "report.docx",
                            doc("plain.docx")), false},
        {"Excel .xlsx", mail("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "budget.xlsx",
                             doc("plain.xlsx")), false},
        {"plain .doc and .docx inside a zip",
         mail("application/zip", "docs.zip", make_archive({{"a.doc", doc("plain.doc")}, {"b.docx", doc("plain.docx")}})),
         false},
    };
}

}  // namespace

TEST_CASE("libclamav flags the generated macro documents and only those", "[macros]") {
    ord::Config::Antivirus s;  // defaults: ole2 and macros on
    auto av = ord::ClamAvEngine::load(s, std::string(ORDINANCE_SOURCE_DIR) + "/config/examples/clamav");
    REQUIRE(av.ok());
    s.macros = false;
    auto off = ord::ClamAvEngine::load(s, std::string(ORDINANCE_SOURCE_DIR) + "/config/examples/clamav");
    REQUIRE(off.ok());
    struct Row {
        const char* name;
        bool macros;
    };
    auto r = GENERATE(values<Row>({{"macro.doc", true}, {"macro.xls", true}, {"xlm.xls", true}, {"macro.docm", true},
                                   {"macro.xlsm", true}, {"vbaProject.bin", true}, {"plain.doc", false},
                                   {"plain.xls", false}, {"plain.docx", false}, {"plain.xlsx", false}}));
    INFO(r.name);
    auto on = (*av)->scan(doc(r.name), "innocent.pdf");
    INFO("virus=" << on.virus << " error=" << on.error);
    if (r.macros) {
        REQUIRE(on.status == ord::AvScan::Status::Virus);
        CHECK(on.virus.rfind("Heuristics.OLE2.ContainsMacros", 0) == 0);
    } else {
        CHECK(on.status == ord::AvScan::Status::Clean);
    }
    CHECK((*off)->scan(doc(r.name), "innocent.pdf").status == ord::AvScan::Status::Clean);
}

TEST_CASE("macro documents are banned however they are named or wrapped; documents without are not", "[macros]") {
    auto e = engine();
    for (const auto& c : cases()) {
        auto o = scan(*e, c.raw);
        INFO(c.what << "\n" << describe(o));
        auto b = with_rule(o, "banned_attachment");
        if (c.banned) {
            REQUIRE(!b.empty());
            CHECK(b.size() == 1);  // one document, one finding: name, zip directory and ClamAV agree
            for (const auto* f : b) CHECK(f->evidence.find("kind=macro_document") != std::string::npos);
            CHECK(o.decision.verdict == ord::Verdict::Reject);
            // The example configuration's own refusal text for this kind.
            CHECK(o.decision.smtp_reply().rfind("550 5.7.1 Documents with macros are not accepted", 0) == 0);
        } else {
            CHECK(b.empty());
            CHECK(o.decision.findings.empty());
            CHECK(o.decision.verdict == ord::Verdict::Accept);
        }
        CHECK(with_rule(o, "virus").empty());  // a macro is a type ban, never reported as a virus
    }
}

TEST_CASE("without macro_document in attachments.banned_kinds, macro documents pass", "[macros]") {
    auto e = engine({"attachments.banned_kinds=[\"executable\", \"script\", \"shortcut\", \"disk_image\", \"installer\"]"});
    for (const auto& c : cases()) {
        auto o = scan(*e, c.raw);
        INFO(c.what << "\n" << describe(o));
        CHECK(o.decision.findings.empty());
        CHECK(o.decision.verdict == ord::Verdict::Accept);
    }
}

TEST_CASE("a virus beside a macro document is still named a virus, also where macros are allowed", "[macros]") {
    // libclamav reports the macro heuristic as "potentially unwanted": a signature match in the
    // same part takes precedence, so the macro finding can never hide a virus.
    const std::string marker = "xx CLAMAV-TEST-STRING-NOT-EICAR xx";
    std::string both = mail("application/zip", "docs.zip", make_archive({{"a.doc", doc("macro.doc")}, {"b.txt", marker}}));
    std::string macro_only = mail("application/msword", "report.doc", doc("macro.doc"));
    for (bool allowed : {false, true}) {
        auto e = engine(allowed ? std::vector<std::string>{"attachments.allow_senders=[\"@example.com\"]"}
                                : std::vector<std::string>{});
        auto o = scan(*e, both);
        INFO("allow_senders " << allowed << "\n" << describe(o));
        REQUIRE(with_rule(o, "virus").size() == 1);
        CHECK(with_rule(o, "virus")[0]->reason.find("Ordinance.Test.NotEicar") != std::string::npos);
        CHECK(o.decision.verdict == ord::Verdict::Reject);
        auto m = scan(*e, macro_only);
        INFO(describe(m));
        CHECK(with_rule(m, "banned_attachment").empty() == allowed);
        CHECK(with_rule(m, "virus").empty());
    }
}

TEST_CASE("antivirus.macros = false leaves legacy OLE2 macros to no one; names and zip members still count",
          "[macros]") {
    // What the switch means, pinned: without libclamav's macro heuristic a .doc with VBA is
    // not recognised (nothing else reads OLE2), while a .docm still is by its name or members.
    auto e = engine({"antivirus.macros=false"});
    struct Row {
        const char* what;
        std::string raw;
        bool banned;
    };
    std::vector<Row> rows = {
        {"Word .doc with macros", mail("application/msword", "report.doc", doc("macro.doc")), false},
        {"Word .docm", mail("application/octet-stream", "report.docm", doc("macro.docm")), true},
        {".docm renamed .docx", mail("application/octet-stream", "report.docx", doc("macro.docm")), true},
    };
    for (const auto& r : rows) {
        auto o = scan(*e, r.raw);
        INFO(r.what << "\n" << describe(o));
        CHECK(with_rule(o, "banned_attachment").empty() == !r.banned);
    }
}
