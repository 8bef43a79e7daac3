#include <catch2/catch.hpp>
#include <string>

#include "checks/normalize.h"

TEST_CASE("normalize folds case, Unicode tricks and light obfuscation", "[normalize]") {
    struct Case {
        const char* in;
        const char* out;
    };
    auto c = GENERATE(values<Case>({
        {"Do NOT Break The Chain", "do not break the chain"},
        {"c.h.a.i.n letter", "chain letter"},
        {"c-h-a-i-n", "chain"},
        {"c h a i n", "chain"},
        {"ch@in", "chain"},
        {"l3tter p00l sh1t", "letter pool shit"},
        {"a$$hole", "asshole"},
        {"ch\u200bain lu\u00adck", "chain luck"},                 // zero-width space, soft hyphen
        {"\u202egood\u202c luck", "good luck"},                  // bidi override
        {"\u0441h\u0430in", "chain"},                              // Cyrillic es and a
        {"\uff43\uff48\uff41\uff49\uff4e", "chain"},               // fullwidth
        {"Caf\u00e9 NA\u00cfVE", "cafe naive"},                    // accents dropped
        {"STRASSE stra\u00dfe", "strasse strasse"},               // case folding
        {"line one\r\n\r\n  line   two", "line one\nline two"},
        // left alone: ordinary numbers, addresses, short letter lists
        {"2nd a55 covid19 $100 i-70", "2nd a55 covid19 $100 i-70"},
        {"bob@modot.mo.gov", "bob@modot.mo.gov"},
        {"plan a b c", "plan a b c"},
        {"e.g. p.m.", "e.g. p.m."},
    }));
    CAPTURE(c.in);
    CHECK(ord::normalize(c.in).text == c.out);
}

TEST_CASE("normalize can leave obfuscation alone (headers)", "[normalize]") {
    CHECK(ord::normalize("X-Mailer: Ch@in 2.0", {.deobfuscate = false}).text == "x-mailer: ch@in 2.0");
}

TEST_CASE("normalized offsets point back into the source", "[normalize]") {
    std::string src = "Please F.O.R.W.A.R.D this \u200bto\u00ad all";
    auto nt = ord::normalize(src);
    REQUIRE(nt.text == "please forward this to all");
    CHECK(nt.origin(nt.text.size()) == src.size());
    auto b = nt.text.find("forward");
    auto [sb, se] = nt.source_span(b, b + 7);
    CHECK(src.substr(sb, se - sb).rfind("F.O.R.W.A.R.D", 0) == 0);
    auto t = nt.text.find("to");
    CHECK(src.substr(nt.source_span(t, t + 1).first, 1) == "t");
}

TEST_CASE("quote depth counts '>' and forwarded separators", "[normalize]") {
    std::string body =
        "top line\n> quoted once\n>> quoted twice\nback at top\n-----Original Message-----\nFrom: x\nforwarded text\n";
    ord::QuoteDepth qd(body);
    CHECK(qd.at(body.find("top line")) == 0);
    CHECK(qd.at(body.find("quoted once")) == 1);
    CHECK(qd.at(body.find("quoted twice")) == 2);
    CHECK(qd.at(body.find("back at top")) == 0);
    CHECK(qd.at(body.find("forwarded text")) == 1);
    CHECK(ord::QuoteDepth::forward_markers(body) == 1);
    CHECK(ord::QuoteDepth::forward_markers("---------- Forwarded message ---------\nBegin forwarded message:\n") == 2);
}
