// Time complexity of the MIME decoders and scanners: each runs on hostile inputs of size n and
// 8n and must take at most about 8 times as long (a quadratic scan takes about 64 times).
#include <catch2/catch.hpp>

#include <algorithm>
#include <chrono>
#include <functional>
#include <string>

#include "mime/codec.h"
#include "mime/parse.h"

using namespace ord::mime;

namespace {

std::string repeat(std::string_view s, std::size_t k) {
    std::string out;
    out.reserve(s.size() * k);
    for (std::size_t i = 0; i < k; ++i) out += s;
    return out;
}

// Seconds for one run: runs repeated until 5 ms have passed, the minimum of three such
// rounds, to tame the noise of a shared machine without making the inputs huge.
double seconds(const std::function<void()>& f) {
    double best = 1e9;
    for (int r = 0; r < 3; ++r) {
        auto t0 = std::chrono::steady_clock::now();
        int runs = 0;
        double elapsed = 0;
        do {
            f();
            ++runs;
            elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
        } while (elapsed < 0.005);
        best = std::min(best, elapsed / runs);
    }
    return best;
}

struct Shape {
    const char* name;
    // Builds an input of about k repetitions of the hostile unit; run() times the code under test.
    std::function<std::string(std::size_t)> make;
    std::function<void(const std::string&)> run;
};

const auto kParse = [](const std::string& s) { (void)parse(s); };
const auto kMultipart = [](std::string_view body) {
    return "MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=bb\r\n\r\n--bb\r\n" + std::string(body);
};

}  // namespace

TEST_CASE("decoders and scanners take time linear in their input", "[complexity]") {
    const std::vector<Shape> shapes = {
        {"decode_rfc2047: encoded-word starts", [](std::size_t k) { return repeat("=?a?b?c ", k); },
         [](const std::string& s) { (void)decode_rfc2047(s); }},
        {"html_to_text: unclosed <script>", [](std::size_t k) { return repeat("<script>x ", k); },
         [](const std::string& s) { (void)html_to_text(s); }},
        {"html_to_text: '&' without ';'", [](std::size_t k) { return repeat("&am ", k) + ";"; },
         [](const std::string& s) { (void)html_to_text(s); }},
        {"html_to_text: many unclosed tags", [](std::size_t k) { return repeat("<b x <i ", k) + ">"; },
         [](const std::string& s) { (void)html_to_text(s); }},
        {"parse: header of encoded-word starts",
         [](std::size_t k) { return "Subject: " + repeat("=?a?b?c ", k) + "\r\n\r\nbody\r\n"; }, kParse},
        {"parse: encoded-word starts in a part header",
         [](std::size_t k) {
             return kMultipart("Content-Type: text/plain\r\nX-A: " + repeat("=?a?b?c ", k) + "\r\n\r\nhi\r\n--bb--\r\n");
         },
         kParse},
        {"parse: unclosed <script> in text/html",
         [](std::size_t k) {
             return "Content-Type: text/html\r\n\r\n" + repeat("<script>x\r\n", k);
         },
         kParse},
        {"parse: long line", [](std::size_t k) { return "Subject: x\r\n\r\n" + repeat("word ", k) + "\r\n"; }, kParse},
        {"parse: many boundaries", [](std::size_t k) { return kMultipart(repeat("\r\n--bb\r\n\r\nx\r\n", k)); },
         kParse},
        {"parse: deep nesting",
         [](std::size_t k) {
             std::string s = "Content-Type: multipart/mixed; boundary=b0\r\n\r\n";
             for (std::size_t i = 1; i <= k; ++i)
                 s += "--b" + std::to_string(i - 1) + "\r\nContent-Type: multipart/mixed; boundary=b" +
                      std::to_string(i) + "\r\n\r\n";
             return s + "--b" + std::to_string(k) + "\r\n\r\ntext\r\n";
         },
         kParse},
        {"parse: one long folded header field",
         [](std::size_t k) { return "To: " + repeat("someone@example.org,\r\n ", k) + "x@example.org\r\n\r\nhi\r\n"; },
         kParse},
        {"parse: RFC 2231 continuations",
         [](std::size_t k) {
             std::string ct = "Content-Type: application/octet-stream";
             for (std::size_t i = 0; i < k; ++i) ct += ";\r\n name*" + std::to_string(i) + "*=x";
             return kMultipart(ct + "\r\n\r\nxx\r\n--bb--\r\n");
         },
         kParse},
        {"parse: many headers", [](std::size_t k) { return repeat("X-H: v\r\n", k) + "\r\nbody\r\n"; }, kParse},
        {"parse: long uuencode",
         [](std::size_t k) {
             return "Content-Type: text/plain\r\n\r\nbegin 644 f.bin\r\n" +
                    repeat("M86)C9&5F9VAI:FML;6YO<'%R<W1U=G=X>7I!0D-$149'2$E*2TQ-3D]045)3\r\n", k) + "`\r\nend\r\n";
         },
         kParse},
    };
    for (const auto& sh : shapes) {
        SECTION(sh.name) {
            // n grows until one run takes 1 ms or the input reaches 256 KiB, so that 8n stays in
            // the same regime (well inside the parser's limits, the machine's caches aside).
            std::size_t k = 64;
            double t1 = 0;
            while ((t1 = seconds([&, in = sh.make(k)] { sh.run(in); })) < 0.001 && sh.make(k).size() < (256u << 10)) k *= 2;
            std::string small = sh.make(k), big = sh.make(8 * k);
            double t8 = seconds([&] { sh.run(big); });
            // A quadratic scan gives about 64 every time; a busy machine (or the cache, at 8n)
            // can push one linear measurement past 32, but hardly three in a row.
            for (int again = 0; again < 2 && t8 / t1 >= 32.0; ++again) {
                t1 = seconds([&] { sh.run(small); });
                t8 = seconds([&] { sh.run(big); });
            }
            INFO(sh.name << ": k=" << k << " t(n)=" << t1 * 1e3 << " ms t(8n)=" << t8 * 1e3 << " ms ratio="
                         << t8 / t1);
            CHECK(t8 / t1 < 32.0);
        }
    }
}
