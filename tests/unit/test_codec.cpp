#include <catch2/catch.hpp>

#include "mime/codec.h"

using namespace ord::mime;

TEST_CASE("base64 decoding", "[codec]") {
    struct Case {
        const char* in;
        const char* out;
        bool ok;
    };
    auto c = GENERATE(values<Case>({
        {"aGVsbG8=", "hello", true},
        {"aGVs\r\nbG8=", "hello", true},
        {"aGVsbA==", "hell", true},
        {"", "", true},
        {"aGVs*bG8=", "hello", false},   // garbage character
        {"aGVsbG8", "hello", false},     // truncated quantum
        {"aGVsbA==aGk=", "hellhi", false},  // data after padding
    }));
    bool ok = true;
    CHECK(decode_base64(c.in, ok) == c.out);
    CHECK(ok == c.ok);
}

TEST_CASE("quoted-printable decoding", "[codec]") {
    struct Case {
        const char* in;
        const char* out;
        bool ok;
    };
    auto c = GENERATE(values<Case>({
        {"caf=C3=A9", "caf\xC3\xA9", true},
        {"soft=\r\nbreak", "softbreak", true},
        {"soft=  \nbreak", "softbreak", true},
        {"a=ZZb", "a=ZZb", false},
        {"trailing=", "trailing", true},
    }));
    bool ok = true;
    CHECK(decode_qp(c.in, ok) == c.out);
    CHECK(ok == c.ok);
}

TEST_CASE("RFC 2047 encoded words", "[codec]") {
    struct Case {
        const char* in;
        const char* out;
    };
    auto c = GENERATE(values<Case>({
        {"=?UTF-8?B?SsO2cmc=?=", "J\xC3\xB6rg"},
        {"=?iso-8859-1?Q?Caf=E9?= =?utf-8?q?_menu?=", "Caf\xC3\xA9 menu"},  // adjacent words join
        {"Re: =?utf-8?q?hello_world?= again", "Re: hello world again"},
        {"plain text", "plain text"},
        {"=?x-unknown?Q?abc?=", "abc"},
        {"=?utf-8?X?abc?=", "=?utf-8?X?abc?="},  // unknown encoding stays
        {"caf\xE9", "caf\xC3\xA9"},            // raw 8-bit latin-1 tolerated
        {"=?UTF-8*en?B?SGk=?=", "Hi"},          // RFC 2231 language suffix
    }));
    CHECK(decode_rfc2047(c.in) == c.out);
}

TEST_CASE("RFC 2045/2231 parameters", "[codec]") {
    struct Case {
        const char* in;
        const char* head;
        const char* key;
        const char* value;
    };
    auto c = GENERATE(values<Case>({
        {"multipart/mixed; boundary=\"a b\"", "multipart/mixed", "boundary", "a b"},
        {"Text/Plain; CHARSET=utf-8", "text/plain", "charset", "utf-8"},
        {"attachment; filename*=UTF-8''%E2%82%AC.pdf", "attachment", "filename", "\xE2\x82\xAC.pdf"},
        {"attachment; filename*0*=UTF-8''a%20; filename*1=\"b.txt\"", "attachment", "filename", "a b.txt"},
        {"attachment; filename*1=\"second\"; filename*0=\"first\"", "attachment", "filename", "firstsecond"},
        {"attachment; filename*=iso-8859-1'fr'caf%E9.doc", "attachment", "filename", "caf\xC3\xA9.doc"},
        {"application/octet-stream; name=\"x;y.bin\"", "application/octet-stream", "name", "x;y.bin"},
    }));
    std::string head;
    auto params = parse_params(c.in, head);
    CHECK(head == c.head);
    CHECK(params[c.key] == c.value);
}

TEST_CASE("charset conversion to UTF-8", "[codec]") {
    CHECK(to_utf8("caf\xE9", "iso-8859-1") == "caf\xC3\xA9");
    CHECK(to_utf8("\x93quoted\x94", "windows-1252") == "\xE2\x80\x9Cquoted\xE2\x80\x9D");
    CHECK(to_utf8("\xA4", "iso-8859-15") == "\xE2\x82\xAC");
    CHECK(to_utf8("ok \xFF", "utf-8") == "ok \xEF\xBF\xBD");
    CHECK(to_utf8("caf\xE9", "no-such-charset") == "caf\xC3\xA9");
    CHECK(valid_utf8(to_utf8(std::string("\x80\x81\xFE\xFF", 4), "shift_jis")));
}

TEST_CASE("HTML to text", "[codec]") {
    struct Case {
        const char* in;
        const char* out;
    };
    auto c = GENERATE(values<Case>({
        {"<p>Hello &amp; welcome</p>", "Hello & welcome\n"},
        {"<style>p{}</style>Body", "Body"},
        {"a<br>b", "a\nb"},
        {"x<script>alert(1)</script>y", "xy"},
        {"&#8364;&#x41;", "\xE2\x82\xAC" "A"},
        {"<!-- hidden -->shown", "shown"},
        {"unterminated <b", "unterminated "},
    }));
    CHECK(html_to_text(c.in) == c.out);
}

TEST_CASE("encode_base64 writes 76-character CRLF lines that decode back", "[codec]") {
    for (std::size_t n : {0u, 1u, 2u, 3u, 56u, 57u, 58u, 114u, 1000u}) {
        std::string in;
        for (std::size_t i = 0; i < n; ++i) in += static_cast<char>(i * 37 % 256);
        std::string enc = ord::mime::encode_base64(in);
        INFO(n);
        CHECK(enc.size() >= 2);
        CHECK(enc.compare(enc.size() - 2, 2, "\r\n") == 0);
        CHECK(enc.find("\r\n\r\n") == std::string::npos);
        for (std::size_t at = 0, nl; (nl = enc.find("\r\n", at)) != std::string::npos; at = nl + 2) CHECK(nl - at <= 76);
        bool ok = false;
        CHECK(ord::mime::decode_base64(enc, ok) == in);
        CHECK(ok);
    }
    CHECK(ord::mime::encode_base64("Man") == "TWFu\r\n");
    CHECK(ord::mime::encode_base64("Ma") == "TWE=\r\n");
}

namespace {
// uuencode as the uuencode(1) tool writes it: 45 bytes a line, a length character, "`" for zero.
std::string uuencode(const std::string& name, const std::string& data) {
    auto ch = [](unsigned v) { return static_cast<char>(v ? v + ' ' : '`'); };
    std::string out = "begin 644 " + name + "\r\n";
    for (std::size_t i = 0; i < data.size(); i += 45) {
        std::string chunk = data.substr(i, 45);
        out += ch(static_cast<unsigned>(chunk.size()));
        for (std::size_t j = 0; j < chunk.size(); j += 3) {
            unsigned v = 0;
            for (std::size_t k = 0; k < 3; ++k)
                v = v << 8 | (j + k < chunk.size() ? static_cast<unsigned char>(chunk[j + k]) : 0u);
            for (int k = 3; k >= 0; --k) out += ch((v >> (6 * k)) & 63);
        }
        out += "\r\n";
    }
    return out + "`\r\nend\r\n";
}
}  // namespace

TEST_CASE("uuencoded files are found in text and decoded", "[codec]") {
    std::string bin;
    for (int i = 0; i < 1000; ++i) bin += static_cast<char>((i * 37) & 0xff);
    SECTION("uuencode, any bytes, any length") {
        for (std::size_t n : {0u, 1u, 44u, 45u, 46u, 1000u}) {
            INFO(n);
            auto files = find_uuencoded("Hello,\r\nsee below.\r\n\r\n" + uuencode("tool.exe", bin.substr(0, n)) + "Bye\r\n", 10);
            REQUIRE(files.size() == 1);
            CHECK(files[0].name == "tool.exe");
            CHECK(files[0].data == bin.substr(0, n));
        }
    }
    SECTION("begin-base64, several files, a missing end line") {
        std::string t = "begin-base64 600 a.js\nV1NjcmlwdC5FY2hvKDEp\n====\ntext between\n" + uuencode("b.bin", "xyz") +
                        "begin 644 c.dat\n" + uuencode("ignored", "q").substr(0, 0) + "#86)C\n";
        auto files = find_uuencoded(t, 10);
        REQUIRE(files.size() == 3);
        CHECK(files[0].name == "a.js");
        CHECK(files[0].data == "WScript.Echo(1)");
        CHECK(files[1].data == "xyz");
        CHECK(files[2].name == "c.dat");
        CHECK(files[2].data == "abc");  // runs to the end of the text
    }
    SECTION("prose that begins with 'begin' is not a file; the count is bounded") {
        CHECK(find_uuencoded("begin the meeting at 10\nbegin 12 x\nbegin 644\n", 10).empty());
        CHECK(find_uuencoded("To unpack it, type\nbegin 644 setup.exe\nand then press Enter to go on.\n", 10).empty());
        std::string many;
        for (int i = 0; i < 20; ++i) many += uuencode("f" + std::to_string(i), "x");
        CHECK(find_uuencoded(many, 5).size() == 5);
    }
}
