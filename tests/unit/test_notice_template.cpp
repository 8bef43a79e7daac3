// Notice templates (base/text_template.h): parsing, placeholder checks with file:line, expansion.
#include <catch2/catch.hpp>

#include "base/text_template.h"

using namespace ord;

TEST_CASE("notice templates: parsed, checked, expanded", "[notice]") {
    const std::vector<std::string> names = {"sender", "rules"};
    auto t = parse_text_template("# a comment\nSubject: Held: {{rules}}\n\nDear {{sender}},\nheld for {{rules}}.\n",
                                 "held.txt", names);
    REQUIRE(t);
    CHECK(t->subject == "Held: {{rules}}");
    CHECK(expand_template(t->subject, {{"rules", "chain_letter"}}) == "Held: chain_letter");
    CHECK(expand_template(t->body, {{"sender", "alice@x"}, {"rules", "r1"}}) == "Dear alice@x,\nheld for r1.\n");
    // An absent value is empty, not the placeholder.
    CHECK(expand_template("a{{sender}}b", {}) == "ab");

    struct Bad {
        const char* text;
        const char* error;
    } bad[] = {
        {"Dear {{sender}}\n", "held.txt:1: expected 'Subject: ...' (then an empty line, then the body)"},
        {"Subject: x\nbody\n", "held.txt:2: expected an empty line after the Subject"},
        {"Subject: x\n\nDear {{sendr}}\n", "held.txt:3: unknown placeholder {{sendr}} (known: sender, rules)"},
        {"Subject: {{rules\n\nx\n", "held.txt:1: '{{' without '}}'"},
    };
    for (const auto& b : bad) {
        auto r = parse_text_template(b.text, "held.txt", names);
        INFO(b.text);
        REQUIRE_FALSE(r);
        CHECK(r.error().message == b.error);
    }
    CHECK_FALSE(load_text_template("/nonexistent/held.txt", names));
}
