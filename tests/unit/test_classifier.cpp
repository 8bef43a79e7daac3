// The content classifier: features, the model file, and how rules and model combine in the
// content check (checks/content_rules.h documents the one way they do).
#include <catch2/catch.hpp>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>

#include "checks/assemble.h"
#include "checks/classifier.h"
#include "checks/content_text.h"
#include "checks/scan.h"
#include "mime/codec.h"
#include "mime/parse.h"
#include "policy/engine.h"

namespace {

const std::string kConfig = std::string(ORDINANCE_SOURCE_DIR) + "/config/examples/ordinance.toml";

bool has(const ord::FeatureVector& fv, const std::string& name) {
    return std::any_of(fv.items.begin(), fv.items.end(), [&](const auto& it) { return it.first == name; });
}

ord::FeatureVector features(const std::string& raw) {
    ord::mime::Message msg = ord::mime::parse(raw, {});
    return ord::message_features(msg, ord::content_texts(msg));
}

struct TempDir {
    std::string path;
    TempDir() {
        char tmpl[] = "/tmp/ordinance-classifier.XXXXXX";
        path = mkdtemp(tmpl);
    }
    ~TempDir() { std::filesystem::remove_all(path); }
    std::string write(const std::string& name, const std::string& text) const {
        std::string p = path + "/" + name;
        std::ofstream(p, std::ios::binary) << text;
        return p;
    }
};

const char* kModel =
    "ordinance-content-model 1\n"
    "# a hand-made model for the tests\n"
    "categories\ttestcat\n"
    "bias\t-4\n"
    "zorblax\t12\n"
    "q:zorblax\t-14\n"
    "~quibbl\t15\n";

const char* kRules = R"(
[category]
id = "testcat"
reason = "Test category"
threshold = 2.0
model_threshold = 0.9
model_tag_threshold = 0.6
action_inbound = "quarantine"
action_outbound = "quarantine"
action_internal = "quarantine"

[[rule]]
id = "scored"
weight = 1.0
phrases = ["plain phrase"]

[[rule]]
id = "forced"
effect = "force"
phrases = ["forceword"]

[[rule]]
id = "vetoed"
effect = "veto"
phrases = ["vetoword"]
)";

std::string mail(const std::string& body, const std::string& subject = "hello") {
    return "From: someone@example.org\r\nTo: bob@modot.mo.gov\r\nSubject: " + subject +
           "\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n" + body + "\r\n";
}

struct Got {
    bool fired = false;
    ord::Verdict action = ord::Verdict::Accept;
    std::string evidence, explanation;
};

Got run(const ord::Engine& e, const std::string& raw) {
    ord::Envelope env;
    env.client_addr = "192.0.2.1";
    env.mail_from = "someone@example.org";
    env.rcpts = {"bob@modot.mo.gov"};
    Got g;
    for (const auto& f : ord::scan_message(e, env, raw).decision.findings)
        if (f.category == "testcat") {
            g.fired = true;
            g.action = f.action;
            g.evidence = f.evidence;
            g.explanation = f.explanation;
        }
    return g;
}

}  // namespace

TEST_CASE("classifier features: words, pairs, stems, subject and quoted words", "[classifier]") {
    auto fv = features(mail("Forwarding the quarterly numbers now.\r\n\r\n> old quoted swearword\r\n",
                            "Budget Review"));
    CHECK(has(fv, "forwarding"));
    CHECK(has(fv, "the quarterly"));
    CHECK(has(fv, "~forwar"));
    CHECK(has(fv, "s:budget"));
    CHECK(has(fv, "q:swearword"));
    CHECK(has(fv, "swearword"));       // quoted words also count as plain ones (at half weight)
    CHECK_FALSE(has(fv, "q:forwarding"));
    CHECK_FALSE(has(fv, "numbers old"));  // no pair across the quote boundary
    double norm = 0;
    for (const auto& it : fv.items) norm += double(it.second) * it.second;
    CHECK(norm == Approx(1.0).epsilon(1e-4));
    CHECK(std::is_sorted(fv.items.begin(), fv.items.end()));
    // digits read as 0, money as one token
    auto fv2 = features(mail("Tickets are $80 each, call 555-1234"));
    CHECK(has(fv2, "<money>"));
    CHECK(has(fv2, "000"));
    CHECK(has(fv2, "0000"));
}

TEST_CASE("content model file: round trip and errors that name the line", "[classifier]") {
    auto m = ord::ContentModel::parse(kModel, "t.model");
    REQUIRE(m);
    CHECK((*m)->categories() == std::vector<std::string>{"testcat"});
    CHECK((*m)->feature_count() == 3);
    auto again = ord::ContentModel::parse((*m)->serialize(), "t.model");
    REQUIRE(again);
    CHECK((*again)->serialize() == (*m)->serialize());

    auto bad_magic = ord::ContentModel::parse("hello\n", "x.model");
    REQUIRE_FALSE(bad_magic);
    CHECK(bad_magic.error().message.find("x.model:1") != std::string::npos);
    CHECK(bad_magic.error().message.find("ordinance train") != std::string::npos);
    auto bad_fields = ord::ContentModel::parse("ordinance-content-model 1\ncategories\ta\tb\nbias\t0\t0\nword\t1\n", "y.model");
    REQUIRE_FALSE(bad_fields);
    CHECK(bad_fields.error().message.find("y.model:4") != std::string::npos);
    auto bad_number = ord::ContentModel::parse("ordinance-content-model 1\ncategories\ta\nbias\tzero\n", "z.model");
    REQUIRE_FALSE(bad_number);
    CHECK(bad_number.error().message.find("z.model:3") != std::string::npos);
    auto twice = ord::ContentModel::parse("ordinance-content-model 1\ncategories\ta\nbias\t0\nw\t1\nw\t2\n", "d.model");
    REQUIRE_FALSE(twice);
}

TEST_CASE("content model scores: probability and strongest terms", "[classifier]") {
    auto m = ord::ContentModel::parse(kModel, "t.model");
    REQUIRE(m);
    auto s = (*m)->score(features(mail("zorblax zorblax and more words")));
    REQUIRE(s.size() == 1);
    CHECK(s[0].probability > 0.5);
    REQUIRE_FALSE(s[0].top.empty());
    CHECK(s[0].top[0].feature == "zorblax");
    auto quiet = (*m)->score(features(mail("nothing to see here")));
    CHECK(quiet[0].probability < 0.05);
    CHECK(quiet[0].top.empty());
}

TEST_CASE("rules and model combine: model threshold, tag band, force, veto", "[classifier][content]") {
    TempDir dir;
    std::string model = dir.write("t.model", kModel);
    std::string rules = dir.write("testcat.toml", kRules);
    auto e = ord::load_engine(kConfig, {"content.rules=[\"" + rules + "\"]", "content.model=" + model});
    REQUIRE(e);
    // the model alone, well past model_threshold
    Got g = run(**e, mail("zorblax zorblax zorblax zorblax"));
    CHECK(g.fired);
    CHECK(g.action == ord::Verdict::Quarantine);
    CHECK(g.evidence.find("model p=") != std::string::npos);
    CHECK(g.evidence.find("zorblax") != std::string::npos);
    CHECK(g.explanation.find("threshold 0.90") != std::string::npos);
    // the same word quoted: the q: weight pulls it back under every threshold
    CHECK_FALSE(run(**e, mail("see below\r\n\r\n> zorblax zorblax zorblax\r\n")).fired);
    // between the tag threshold and the threshold: tagged only
    Got band = run(**e, mail("quibbling quibbler"));
    CHECK(band.fired);
    CHECK(band.action == ord::Verdict::Tag);
    // nothing
    CHECK_FALSE(run(**e, mail("an ordinary note about a meeting")).fired);
    // a force rule fires with no score; a veto rule wins over the model and the rules
    CHECK(run(**e, mail("forceword")).fired);
    CHECK_FALSE(run(**e, mail("zorblax zorblax zorblax zorblax vetoword")).fired);
    CHECK_FALSE(run(**e, mail("forceword vetoword")).fired);
    // without a model the same rules decide alone
    auto rules_only = ord::load_engine(kConfig, {"content.rules=[\"" + rules + "\"]", "content.model="});
    REQUIRE(rules_only);
    CHECK_FALSE(run(**rules_only, mail("zorblax zorblax zorblax zorblax")).fired);
    CHECK(run(**rules_only, mail("forceword")).fired);
}

TEST_CASE("a bad model file stops the engine from loading, naming the file", "[classifier][config]") {
    TempDir dir;
    std::string model = dir.write("broken.model", "not a model\n");
    auto e = ord::load_engine(kConfig, {"content.model=" + model});
    REQUIRE_FALSE(e);
    CHECK(e.error().message.find(model) != std::string::npos);
    auto missing = ord::load_engine(kConfig, {"content.model=" + dir.path + "/absent.model"});
    REQUIRE_FALSE(missing);
    CHECK(missing.error().message.find("absent.model") != std::string::npos);
    // a category with model_threshold that the model does not know
    std::string other = dir.write("other.model", "ordinance-content-model 1\ncategories\tsomething\nbias\t0\n");
    std::string rules = dir.write("testcat.toml", kRules);
    auto unknown = ord::load_engine(kConfig, {"content.rules=[\"" + rules + "\"]", "content.model=" + other});
    REQUIRE_FALSE(unknown);
    CHECK(unknown.error().message.find("no category 'testcat'") != std::string::npos);
}

namespace {
// A one-page PDF whose page shows `text` (Helvetica), with a correct cross-reference table.
std::string tiny_pdf(const std::string& text) {
    std::string stream = "BT /F1 12 Tf 72 712 Td (" + text + ") Tj ET";
    std::vector<std::string> objs = {
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
        "<< /Length " + std::to_string(stream.size()) + " >>\nstream\n" + stream + "\nendstream",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"};
    std::string pdf = "%PDF-1.4\n";
    std::vector<std::size_t> offsets;
    for (std::size_t i = 0; i < objs.size(); ++i) {
        offsets.push_back(pdf.size());
        pdf += std::to_string(i + 1) + " 0 obj\n" + objs[i] + "\nendobj\n";
    }
    std::size_t xref = pdf.size();
    pdf += "xref\n0 " + std::to_string(objs.size() + 1) + "\n0000000000 65535 f \n";
    for (auto o : offsets) {
        char line[32];
        std::snprintf(line, sizeof line, "%010zu 00000 n \n", o);
        pdf += line;
    }
    pdf += "trailer\n<< /Size " + std::to_string(objs.size() + 1) + " /Root 1 0 R >>\nstartxref\n" +
           std::to_string(xref) + "\n%%EOF\n";
    return pdf;
}
}  // namespace

TEST_CASE("PDF attachments are read for text; broken ones give none", "[classifier][pdf]") {
    std::string text = ord::pdf_text(tiny_pdf("Super Bowl squares five dollars a box"));
    CHECK(text.find("Super Bowl squares") != std::string::npos);
    CHECK(ord::pdf_text("%PDF-1.4\ngarbage that is not a pdf\n").empty());
    CHECK(ord::pdf_text("not a pdf at all").empty());
    std::string cut = tiny_pdf("cut short");
    cut.resize(cut.size() / 2);
    (void)ord::pdf_text(cut);  // must not crash; text may or may not be recovered
    // and the attachment's text reaches the content texts
    std::string b64 = ord::mime::encode_base64(tiny_pdf("Super Bowl squares five dollars a box"));
    std::string raw = "From: a@example.org\r\nTo: b@modot.mo.gov\r\nSubject: sheet\r\nMIME-Version: 1.0\r\n"
                      "Content-Type: multipart/mixed; boundary=XX\r\n\r\n--XX\r\nContent-Type: text/plain\r\n\r\nsee attached\r\n"
                      "--XX\r\nContent-Type: application/pdf; name=pool.pdf\r\nContent-Disposition: attachment; filename=pool.pdf\r\n"
                      "Content-Transfer-Encoding: base64\r\n\r\n" + b64 + "--XX--\r\n";
    ord::mime::Message msg = ord::mime::parse(raw, {});
    bool found = false;
    for (const auto& t : ord::content_texts(msg))
        found = found || (t.scope == ord::Scope::Attachment && t.source.find("Super Bowl squares") != std::string::npos);
    CHECK(found);
}

TEST_CASE("the mail path scores exactly as the training features do", "[classifier]") {
    auto m = ord::ContentModel::load(std::string(ORDINANCE_SOURCE_DIR) + "/config/models/content.model");
    REQUIRE(m);
    for (const std::string& body :
         {std::string("Forward this to ten friends within 24 hours or bad luck will follow! Amen."),
          std::string("Selling my truck, $4,500 OBO.\r\n\r\n> On Monday Bob wrote:\r\n> is the truck still for sale?\r\n"),
          std::string("Quarterly bridge inspection schedule attached; see the district plan.")}) {
        std::string raw = mail(body, "FW: FW: please read");
        ord::mime::Message msg = ord::mime::parse(raw, {});
        auto texts = ord::content_texts(msg);
        auto a = (*m)->score(ord::message_features(msg, texts));
        auto b = (*m)->score_texts(texts);
        REQUIRE(a.size() == b.size());
        for (std::size_t c = 0; c < a.size(); ++c) {
            CAPTURE(body, c);
            CHECK(a[c].probability == Approx(b[c].probability).epsilon(1e-5));
            REQUIRE(a[c].top.size() == b[c].top.size());
            for (std::size_t k = 0; k < a[c].top.size(); ++k) CHECK(a[c].top[k].feature == b[c].top[k].feature);
        }
    }
}
