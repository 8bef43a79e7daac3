// terminal_text and terminal_lines: what mail-derived text looks like on a terminal.
#include <catch2/catch.hpp>

#include "base/terminal.h"

using namespace std::string_literals;

TEST_CASE("terminal_text shows every control, bidi and invalid byte visibly", "[terminal]") {
    struct Case {
        const char* what;
        std::string in, out;
    };
    const Case cases[] = {
        {"plain ASCII", "Settlement terms", "Settlement terms"},
        {"UTF-8 text kept", "R\xc3\xa9sum\xc3\xa9 \xe2\x82\xac 5 \xf0\x9f\x93\x8e", "R\xc3\xa9sum\xc3\xa9 \xe2\x82\xac 5 \xf0\x9f\x93\x8e"},
        {"forged line and screen clear", "x\nchief.counsel@modot.mo.gov  Settlement terms\x1b[2J",
         "x\\nchief.counsel@modot.mo.gov  Settlement terms\\x1b[2J"},
        {"CR, LF and TAB inside a field", "a\rb\r\nc\td", "a\\rb\\r\\nc\\td"},
        {"NUL and other C0", "a\0b\x07\x08"s, "a\\x00b\\x07\\x08"},
        {"DEL", "a\x7f", "a\\x7f"},
        {"C1 controls (CSI U+009B, NEL U+0085)", "\xc2\x9b" "2J\xc2\x85", "\\u009b2J\\u0085"},
        {"U+00A0 is printable", "\xc2\xa0", "\xc2\xa0"},
        {"bidi override RLO", "invoice\xe2\x80\xaexcod.exe", "invoice\\u202excod.exe"},
        {"bidi embeddings and PDF", "\xe2\x80\xaa\xe2\x80\xab\xe2\x80\xac\xe2\x80\xad", "\\u202a\\u202b\\u202c\\u202d"},
        {"bidi isolates", "\xe2\x81\xa6\xe2\x81\xa7\xe2\x81\xa8\xe2\x81\xa9", "\\u2066\\u2067\\u2068\\u2069"},
        {"bidi marks", "\xe2\x80\x8e\xe2\x80\x8f\xd8\x9c", "\\u200e\\u200f\\u061c"},
        {"line and paragraph separators", "a\xe2\x80\xa8" "b\xe2\x80\xa9", "a\\u2028b\\u2029"},
        {"lone continuation byte", "a\x80" "b", "a\\x80b"},
        {"truncated sequence", "a\xe2\x82", "a\\xe2\\x82"},
        {"overlong encoding of ESC", "\xc0\x9b", "\\xc0\\x9b"},
        {"overlong 3-byte", "\xe0\x80\xaf", "\\xe0\\x80\\xaf"},
        {"UTF-16 surrogate", "\xed\xa0\x80", "\\xed\\xa0\\x80"},
        {"beyond U+10FFFF", "\xf4\x90\x80\x80", "\\xf4\\x90\\x80\\x80"},
        {"Latin-1 byte", "caf\xe9", "caf\\xe9"},
        {"backslash is escaped, so a literal \\x1b differs from ESC", "\\x1b", "\\\\x1b"},
        {"empty", "", ""},
    };
    for (const auto& c : cases) {
        INFO(c.what);
        CHECK(ord::terminal_text(c.in) == c.out);
    }
}

TEST_CASE("terminal_lines keeps line ends and TABs, and shows every other control", "[terminal]") {
    struct Case {
        const char* what;
        std::string in, out;
    };
    const Case cases[] = {
        {"LF and CRLF lines", "Subject: a\r\n\r\nbody\n", "Subject: a\r\n\r\nbody\n"},
        {"TAB kept, backslash kept", "a\tb\\c", "a\tb\\c"},
        {"ESC in a body", "see \x1b]0;owned\x07 here\n", "see \\x1b]0;owned\\x07 here\n"},
        {"lone CR is shown", "a\rb\n", "a\\rb\n"},
        {"bidi and C1", "\xe2\x80\xae\xc2\x9b\n", "\\u202e\\u009b\n"},
        {"invalid UTF-8", "\xff\n", "\\xff\n"},
    };
    for (const auto& c : cases) {
        INFO(c.what);
        CHECK(ord::terminal_lines(c.in) == c.out);
    }
}
