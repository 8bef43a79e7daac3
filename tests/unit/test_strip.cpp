// Strip instead of refuse: mime::strip_parts cuts parts out of raw bytes by content key, and
// the Engine marks which parts to cut (attachments.strip) with rule stripped_attachment.
#include <catch2/catch.hpp>

#include <string>

#include "checks/assemble.h"
#include "policy/engine.h"
#include "checks/scan.h"
#include "disposition/strip.h"
#include "mime/codec.h"
#include "mime/parse.h"
#include "mime/strip.h"

namespace {

const std::string kJs = "WScript.Echo('payroll');\r\nvar s = new ActiveXObject('WScript.Shell');\r\n";
const std::string kPdf = "%PDF-1.4\n% quarterly figures\n";

std::string b64(const std::string& in) { return ord::mime::encode_base64(in); }

std::string eol(std::string s, bool lf) {
    if (!lf) return s;
    std::string out;
    for (char c : s)
        if (c != '\r') out += c;
    return out;
}

std::string mixed(const std::string& parts) {
    return "From: mallory@example.com\r\nTo: bob@modot.mo.gov\r\nSubject: files\r\nMIME-Version: 1.0\r\n"
           "Content-Type: multipart/mixed; boundary=\"b1\"\r\n\r\npreamble\r\n--b1\r\nContent-Type: text/plain\r\n\r\n"
           "See attached.\r\n" +
           parts + "--b1--\r\nepilogue\r\n";
}

std::string att(const std::string& name, const std::string& type, const std::string& cte, const std::string& body) {
    return "--b1\r\nContent-Type: " + type + "; name=\"" + name + "\"\r\nContent-Disposition: attachment; filename=\"" +
           name + "\"\r\nContent-Transfer-Encoding: " + cte + "\r\n\r\n" + body;
}

// The decoded bytes of every leaf part of a parsed message, depth first.
std::vector<std::string> leaves(const std::string& raw) {
    std::vector<std::string> out;
    auto m = ord::mime::parse(raw);
    m.for_each_part([&](const ord::mime::Part& p) {
        if (p.children.empty() && !p.embedded && !p.is_multipart()) out.push_back(p.body);
    });
    return out;
}

std::shared_ptr<const ord::Engine> engine(std::vector<std::string> sets) {
    auto e = ord::load_engine(std::string(ORDINANCE_SOURCE_DIR) + "/config/examples/ordinance.toml", sets);
    if (!e) FAIL(e.error().message);
    return *e;
}

}  // namespace

TEST_CASE("part_key: the same content gives the same key whatever its encoding", "[strip]") {
    bool ok = true;
    CHECK(ord::mime::part_key(kJs) == ord::mime::part_key(ord::mime::decode_base64(b64(kJs), ok)));
    CHECK(ord::mime::part_key(kJs) == ord::mime::part_key(kJs + "\r\n\r\n"));  // a boundary's line break
    CHECK(ord::mime::part_key(kJs) != ord::mime::part_key(kPdf));
    CHECK(ord::mime::part_key("a") != ord::mime::part_key("b"));
}

TEST_CASE("strip_parts cuts out exactly the parts asked for and keeps every other byte", "[strip]") {
    struct Case {
        const char* what;
        std::string raw;
        bool lf;
    };
    std::string two = att("run.js", "application/javascript", "base64", b64(kJs)) +
                      att("figures.pdf", "application/pdf", "base64", b64(kPdf));
    std::vector<Case> cases = {
        {"base64 script between text and a PDF, CRLF", mixed(two), false},
        {"the same with LF line ends", eol(mixed(two), true), true},
        {"7bit script", mixed(att("run.js", "text/javascript", "7bit", kJs) +
                              att("figures.pdf", "application/pdf", "base64", b64(kPdf))),
         false},
        {"quoted-printable script",
         mixed(att("run.js", "text/javascript", "quoted-printable", "WScript.Echo('payroll');\r\nvar s =3D new "
                                                                    "ActiveXObject('WScript.Shell');\r\n") +
               att("figures.pdf", "application/pdf", "base64", b64(kPdf))),
         false},
    };
    for (const auto& c : cases) {
        INFO(c.what);
        std::string key = ord::mime::part_key(kJs);
        auto st = ord::mime::strip_parts(c.raw, {{key, "REMOVED run.js (script)"}});
        CHECK(st.missing.empty());
        CHECK(st.removed == 1);
        CHECK_FALSE(st.top_replaced);
        std::string out = ord::mime::stripped_message(c.raw, st);
        INFO(out);
        auto parts = leaves(out);
        REQUIRE(parts.size() == 3);
        CHECK(parts[0].find("See attached.") == 0);
        CHECK(parts[1].find("REMOVED run.js (script)") == 0);
        CHECK(parts[2] == kPdf);
        CHECK(out.find("WScript") == std::string::npos);
        CHECK(out.find("preamble") != std::string::npos);
        CHECK(out.find("epilogue") != std::string::npos);
        CHECK((out.find("\r\n") == std::string::npos) == c.lf);  // line ends as they came
        // Nothing asked, nothing changed.
        auto none = ord::mime::strip_parts(c.raw, {});
        CHECK(ord::mime::stripped_message(c.raw, none) == c.raw);
    }
}

TEST_CASE("strip_parts inside forwarded messages, and when the message is the part", "[strip]") {
    std::string key = ord::mime::part_key(kJs);
    std::string inner = mixed(att("run.js", "application/javascript", "base64", b64(kJs)));
    SECTION("a 7bit message/rfc822: only the script inside is cut") {
        std::string raw = "From: c@example.org\r\nSubject: Fwd\r\nMIME-Version: 1.0\r\n"
                          "Content-Type: multipart/mixed; boundary=\"fw\"\r\n\r\n--fw\r\nContent-Type: "
                          "message/rfc822\r\n\r\n" +
                          inner + "\r\n--fw--\r\n";
        auto st = ord::mime::strip_parts(raw, {{key, "REMOVED"}});
        CHECK(st.removed == 1);
        std::string out = ord::mime::stripped_message(raw, st);
        CHECK(out.find("See attached.") != std::string::npos);
        CHECK(out.find("Subject: files") != std::string::npos);  // the forwarded message's header stays
        CHECK(out.find("REMOVED") != std::string::npos);
        CHECK(out.find(b64(kJs).substr(0, 20)) == std::string::npos);
    }
    SECTION("a base64 message/rfc822 goes whole, with the notice") {
        std::string raw = "From: c@example.org\r\nSubject: Fwd\r\nMIME-Version: 1.0\r\n"
                          "Content-Type: multipart/mixed; boundary=\"fw\"\r\n\r\n--fw\r\nContent-Type: text/plain\r\n\r\n"
                          "Forwarding.\r\n--fw\r\nContent-Type: message/rfc822\r\nContent-Transfer-Encoding: "
                          "base64\r\n\r\n" +
                          b64(inner) + "--fw--\r\n";
        auto st = ord::mime::strip_parts(raw, {{key, "REMOVED"}});
        CHECK(st.missing.empty());
        std::string out = ord::mime::stripped_message(raw, st);
        CHECK(out.find("message/rfc822") == std::string::npos);
        CHECK(out.find("Forwarding.") != std::string::npos);
        CHECK(out.find("REMOVED") != std::string::npos);
    }
    SECTION("a single-part message that is the program becomes the notice") {
        std::string raw = "From: m@example.com\r\nSubject: tool\r\nContent-Type: application/x-msdownload; "
                          "name=\"setup.exe\"\r\nContent-Disposition: attachment;\r\n filename=\"setup.exe\"\r\n"
                          "Content-Transfer-Encoding: base64\r\n\r\n" +
                          b64(kJs);
        auto st = ord::mime::strip_parts(raw, {{key, "REMOVED setup.exe"}});
        CHECK(st.top_replaced);
        std::string out = ord::mime::stripped_message(raw, st);
        INFO(out);
        auto m = ord::mime::parse(out);
        CHECK(m.root.media_type() == "text/plain");
        CHECK(m.root.body.find("REMOVED setup.exe") == 0);
        CHECK_FALSE(m.has_header("Content-Disposition"));
        CHECK(out.find("filename") == std::string::npos);  // the folded line went with its field
        CHECK(m.header("Subject") == "tool");
    }
    SECTION("a key found nowhere is reported missing") {
        auto st = ord::mime::strip_parts(inner, {{ord::mime::part_key("not in this message"), "X"}});
        CHECK_FALSE(st.missing.empty());
        CHECK(st.removed == 0);
    }
}

TEST_CASE("attachments.strip turns a refusal into stripped_attachment, only for the kinds listed", "[strip]") {
    std::string raw = mixed(att("run.js", "application/javascript", "base64", b64(kJs)) +
                            att("disk.iso", "application/octet-stream", "base64", b64(std::string(32769, '\0') + "CD001")));
    ord::Envelope env;
    env.mail_from = "mallory@example.com";
    env.rcpts = {"bob@modot.mo.gov"};
    env.client_addr = "192.0.2.10";
    auto rules = [](const ord::Decision& d, const std::string& rule) {
        int n = 0;
        for (const auto& f : d.findings) n += f.rule == rule;
        return n;
    };
    SECTION("no strip configured: refused") {
        auto o = ord::scan_message(*engine({}), env, raw);
        CHECK(o.decision.verdict == ord::Verdict::Reject);
        CHECK(rules(o.decision, "stripped_attachment") == 0);
        CHECK_FALSE(ord::wants_strip(o.decision));
    }
    SECTION("script and disk_image stripped: tagged, both parts named, notices say why and where") {
        auto o = ord::scan_message(*engine({"attachments.strip=[\"script\", \"disk_image\"]"}), env, raw);
        INFO(o.decision.smtp_reply());
        CHECK(o.decision.verdict == ord::Verdict::Tag);
        CHECK(rules(o.decision, "stripped_attachment") == 2);
        CHECK(rules(o.decision, "banned_attachment") == 0);
        REQUIRE(ord::wants_strip(o.decision));
        auto notices = ord::strip_notices(o.decision, "2026/11/25/ABC-120000-1.eml");
        REQUIRE(notices.size() == 2);
        auto plain = engine({});
        const auto& book = *plain->config().rule_book;
        for (const auto& [k, text] : notices) {
            CHECK(text.find("2026/11/25/ABC-120000-1.eml") != std::string::npos);
            // The paragraph comes from the rule book, not from a copy in disposition/.
            CHECK(text.find("policy, " + book.policy_of("stripped_attachment") + ".") != std::string::npos);
        }
        CHECK(book.reference("stripped_attachment") ==
              "rule stripped_attachment, policy 2503 section 24 (no software from outside)");
        CHECK(ord::stripped_summary(o.decision) == "'run.js' (script); 'disk.iso' (disk_image)");
        auto st = ord::mime::strip_parts(raw, notices);
        CHECK(st.removed == 2);
        CHECK(st.missing.empty());
        auto again = ord::scan_message(*engine({}), env, ord::mime::stripped_message(raw, st));
        CHECK(again.decision.verdict == ord::Verdict::Accept);  // nothing banned is left
    }
    SECTION("only script stripped: the disk image still refuses the message") {
        auto o = ord::scan_message(*engine({"attachments.strip=[\"script\"]"}), env, raw);
        CHECK(o.decision.verdict == ord::Verdict::Reject);
        CHECK_FALSE(ord::wants_strip(o.decision));
    }
    SECTION("a name that looks like the evidence's own fields is named whole, with its real kind") {
        std::string tricky = mixed(att("kind=pdf type=text x.js", "application/javascript", "base64", b64(kJs)));
        auto o = ord::scan_message(*engine({"attachments.strip=[\"script\"]"}), env, tricky);
        REQUIRE(ord::wants_strip(o.decision));
        CHECK(ord::stripped_summary(o.decision) == "'kind=pdf type=text x.js' (script)");
    }
    SECTION("a uuencoded script has no part to cut out: refused even where scripts are stripped") {
        std::string uu = "From: mallory@example.com\r\nTo: bob@modot.mo.gov\r\nSubject: uu\r\n\r\nRun this.\r\n\r\n"
                         "begin-base64 644 run.js\r\n" + b64(kJs) + "====\r\n";
        auto o = ord::scan_message(*engine({"attachments.strip=[\"script\"]"}), env, uu);
        INFO(o.decision.smtp_reply());
        CHECK(o.decision.verdict == ord::Verdict::Reject);
        CHECK(rules(o.decision, "banned_attachment") == 1);
        CHECK_FALSE(ord::wants_strip(o.decision));
    }
    SECTION("a part in x-uuencode is a MIME part: it is cut out like any other") {
        std::string uu = mixed(att("run.js", "application/javascript", "x-uuencode",
                                   "begin 644 run.js\r\n#86)C\r\n`\r\nend\r\n"));
        auto o = ord::scan_message(*engine({"attachments.strip=[\"script\"]"}), env, uu);
        INFO(o.decision.smtp_reply());
        REQUIRE(ord::wants_strip(o.decision));
        auto st = ord::mime::strip_parts(uu, ord::strip_notices(o.decision, ""));
        CHECK(st.removed == 1);
        CHECK(st.missing.empty());
    }
    SECTION("a virus is never stripped") {
        std::string v = mixed(att("run.js", "application/javascript", "base64", b64(kJs)) +
                              att("n.txt", "text/plain", "7bit", "CLAMAV-TEST-STRING-NOT-EICAR\r\n"));
        auto o = ord::scan_message(*engine({"attachments.strip=[\"script\"]"}), env, v);
        CHECK(o.decision.verdict == ord::Verdict::Reject);
        CHECK_FALSE(ord::wants_strip(o.decision));
    }
    SECTION("a bad kind in attachments.strip is a configuration error") {
        auto e = ord::load_engine(std::string(ORDINANCE_SOURCE_DIR) + "/config/examples/ordinance.toml",
                                   {"attachments.strip=[\"spreadsheet\"]"});
        REQUIRE_FALSE(e.ok());
        CHECK(e.error().message.find("attachments.strip: 'spreadsheet'") != std::string::npos);
    }
}
