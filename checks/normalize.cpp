#include "checks/normalize.h"

#include "mime/codec.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <array>
#include <cstdint>

namespace ord {
namespace {

// Decodes one UTF-8 code point at s[i]; advances i. Returns -1 for an invalid byte (skipped).
int32_t next_cp(std::string_view s, std::size_t& i) {
    auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
        ++i;
        return c;
    }
    int len = c >= 0xF0 && c < 0xF5 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 && c < 0xE0 ? 2 : 0;
    if (len == 0 || i + len > s.size()) {
        ++i;
        return -1;
    }
    int32_t cp = c & (len == 2 ? 0x1F : len == 3 ? 0x0F : 0x07);
    for (int k = 1; k < len; ++k) {
        auto cc = static_cast<unsigned char>(s[i + k]);
        if ((cc & 0xC0) != 0x80) {
            ++i;
            return -1;
        }
        cp = (cp << 6) | (cc & 0x3F);
    }
    i += len;
    return cp;
}

void put_cp(std::string& out, int32_t cp) { mime::append_utf8(out, static_cast<uint32_t>(cp)); }

// Cyrillic and Greek letters that pass for Latin ones (after case folding).
int32_t homoglyph(int32_t cp) {
    switch (cp) {
        case 0x0430: return 'a'; case 0x0432: return 'b'; case 0x0435: return 'e'; case 0x0451: return 'e';
        case 0x043A: return 'k'; case 0x043C: return 'm'; case 0x043D: return 'h'; case 0x043E: return 'o';
        case 0x0440: return 'p'; case 0x0441: return 'c'; case 0x0442: return 't'; case 0x0443: return 'y';
        case 0x0445: return 'x'; case 0x0455: return 's'; case 0x0456: return 'i'; case 0x0457: return 'i';
        case 0x0458: return 'j'; case 0x0501: return 'd'; case 0x051B: return 'q'; case 0x051D: return 'w';
        case 0x04BB: return 'h'; case 0x0261: return 'g'; case 0x0131: return 'i'; case 0x01C0: return 'l';
        case 0x03B1: return 'a'; case 0x03B2: return 'b'; case 0x03B5: return 'e'; case 0x03B9: return 'i';
        case 0x03BA: return 'k'; case 0x03BD: return 'v'; case 0x03BF: return 'o'; case 0x03C1: return 'p';
        case 0x03C4: return 't'; case 0x03C5: return 'u'; case 0x03C7: return 'x'; case 0x03B3: return 'y';
        case 0x03C9: return 'w'; case 0x03B7: return 'n'; case 0x03BC: return 'u';
        case 0x2018: case 0x2019: case 0x02BC: return '\'';
        case 0x201C: case 0x201D: return '"';
        case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2212: return '-';
        default: return cp;
    }
}

struct Builder {
    std::string text;  // sized ahead; `n` bytes are used
    std::size_t n = 0;
    std::vector<std::pair<uint32_t, uint32_t>> anchors;
    bool pending_space = false, pending_newline = false;

    std::size_t next_src = SIZE_MAX;  // the source offset the next byte maps to without a new anchor

    void map(std::size_t src) {
        if (src != next_src) anchors.emplace_back(static_cast<uint32_t>(n), static_cast<uint32_t>(src));
        next_src = src + 1;
    }
    std::size_t space_src = 0;  // where the pending whitespace run started

    void space(bool newline, std::size_t src) {
        if (!pending_space) space_src = src;
        pending_space = true;
        pending_newline = pending_newline || newline;
    }
    void flush_space() {
        if (n > 0) {
            map(space_src);
            text[n++] = pending_newline ? '\n' : ' ';
        }
        pending_space = pending_newline = false;
    }
    [[gnu::noinline]] void grow() { text.resize(text.size() * 2 + 16); }
    void ascii(char c, std::size_t src) {
        if (pending_space) flush_space();
        if (n + 8 > text.size()) [[unlikely]] grow();
        if (src != next_src) [[unlikely]] anchors.emplace_back(static_cast<uint32_t>(n), static_cast<uint32_t>(src));
        next_src = src + 1;
        text[n++] = c;
    }
    void put(int32_t cp, std::size_t src) {
        if (cp < 0x80) return ascii(static_cast<char>(cp), src);
        if (pending_space) flush_space();
        if (n + 8 > text.size()) grow();
        std::string tmp;
        put_cp(tmp, cp);
        map(src);  // the following bytes of this character map to src+1...: inside the source character
        for (char c : tmp) text[n++] = c;
        next_src = src + tmp.size();
    }
};

// Character classes of normalized ASCII, for the de-obfuscation passes.
enum : uint8_t { kLetter = 1, kDigit = 2, kLeetSymbol = 4, kSep = 8, kLeetDigit = 16 };
constexpr std::array<uint8_t, 256> make_classes() {
    std::array<uint8_t, 256> t{};
    for (int c = 'a'; c <= 'z'; ++c) t[c] = kLetter;
    for (int c = '0'; c <= '9'; ++c) t[c] = kDigit;
    for (char c : {'0', '1', '3', '4', '5', '7', '8'}) t[static_cast<unsigned char>(c)] |= kLeetDigit;
    for (char c : {'@', '$', '!', '|'}) t[static_cast<unsigned char>(c)] = kLeetSymbol;
    for (char c : {'.', '-', '_', ' ', '*', '/'}) t[static_cast<unsigned char>(c)] |= kSep;
    return t;
}
constexpr auto kClass = make_classes();
inline uint8_t cls(char c) { return kClass[static_cast<unsigned char>(c)]; }
inline bool is_letter(char c) { return cls(c) & kLetter; }
inline bool is_digit(char c) { return cls(c) & kDigit; }
inline bool is_leet_symbol(char c) { return cls(c) & kLeetSymbol; }
char leet(char c) {
    switch (c) {
        case '0': return 'o'; case '1': return 'i'; case '3': return 'e'; case '4': return 'a';
        case '5': return 's'; case '7': return 't'; case '8': return 'b'; case '@': return 'a';
        case '$': return 's'; case '!': return 'i'; case '|': return 'l';
        default: return c;
    }
}

// Rewrites in place runs such as "ch@in", "l3tter", "a$$": only when digits sit between
// letters or a symbol touches a letter, so "2nd", "a55", "covid19" and "$100" stay as they are.
void unleet(std::string& t) {
    std::size_t n = t.size();
    std::size_t i = 0;
    while (i < n) {
        // Skip to the next digit or symbol: most words have none.
        while (i < n && !(cls(t[i]) & (kDigit | kLeetSymbol))) ++i;
        if (i >= n) break;
        std::size_t s = i, e = i;
        const uint8_t tok = kLetter | kDigit | kLeetSymbol;
        while (s > 0 && (cls(t[s - 1]) & tok)) --s;
        while (e < n && (cls(t[e]) & tok)) ++e;
        i = e;
        bool address = e + 1 < n && t[e] == '.' && is_letter(t[e + 1]);
        bool qualifies = false;
        for (std::size_t k = s; k < e && !qualifies; ++k) {
            bool prev_l = k > s && is_letter(t[k - 1]), next_l = k + 1 < e && is_letter(t[k + 1]);
            if (is_digit(t[k]) && prev_l) {  // up to three look-alike digits between letters: "l3tter", "p00l"
                std::size_t d = k;
                while (d < e && (cls(t[d]) & kLeetDigit)) ++d;
                if (d < e && is_letter(t[d]) && d - k <= 3 && d > k) qualifies = true;
            }
            if (is_leet_symbol(t[k]) && (prev_l || next_l) && !(t[k] == '@' && address)) qualifies = true;
        }
        if (!qualifies) continue;
        for (std::size_t k = s; k < e; ++k)
            if (!(t[k] == '@' && address)) t[k] = leet(t[k]);
    }
}

// Joins single letters separated by one repeated separator: "c.h.a.i.n", "c-h-a-i-n",
// "c h a i n" (spaces need four letters so that ordinary text such as "a b c" stays).
void join_spaced(NormalizedText& nt) {
    const std::string& t = nt.text;
    std::size_t n = t.size();
    auto single = [&](std::size_t k) {  // a lone letter at k
        return is_letter(t[k]) && (k == 0 || !(is_letter(t[k - 1]) || is_digit(t[k - 1]))) &&
               (k + 1 >= n || !(is_letter(t[k + 1]) || is_digit(t[k + 1])));
    };
    auto sep_ok = [](char c) { return c == '.' || c == '-' || c == '_' || c == ' ' || c == '*' || c == '/'; };
    // The run starting at i, if it is one: its last letter's index.
    auto run_end = [&](std::size_t i) -> std::size_t {
        if (!(i + 2 < n && sep_ok(t[i + 1]) && is_letter(t[i + 2]) && single(i))) return 0;
        char sep = t[i + 1];
        std::size_t k = i, count = 1;
        while (k + 2 < n && t[k + 1] == sep && single(k + 2)) {
            k += 2;
            ++count;
        }
        return count >= (sep == ' ' ? 4u : 3u) ? k : 0;
    };
    std::size_t first = 0;
    bool any = false;
    // Quick scan: a letter standing alone before a separator and another letter.
    for (std::size_t i = 0; i + 2 < n; ++i) {
        if (!(cls(t[i + 1]) & kSep) || !(cls(t[i]) & kLetter) || !(cls(t[i + 2]) & kLetter)) continue;
        if (run_end(i)) {
            first = i;
            any = true;
            break;
        }
    }
    if (!any) return;  // the common case: nothing to rewrite, no copy
    Builder b;
    b.text.resize(n + 16);
    for (std::size_t i = 0; i < n;) {
        std::size_t k = i >= first ? run_end(i) : 0;
        if (k) {
            for (std::size_t j = i; j <= k; j += 2) b.ascii(t[j], nt.origin(j));
            i = k + 1;
            continue;
        }
        b.ascii(t[i], nt.origin(i));  // multi-byte UTF-8 is copied byte by byte; positions stay exact
        ++i;
    }
    b.text.resize(b.n);
    nt.text = std::move(b.text);
    nt.anchors = std::move(b.anchors);
}

}  // namespace

std::size_t NormalizedText::origin(std::size_t i) const {
    if (i >= text.size() || anchors.empty()) return source_size;
    auto it = std::upper_bound(anchors.begin(), anchors.end(), std::make_pair(static_cast<uint32_t>(i), UINT32_MAX));
    if (it == anchors.begin()) return 0;
    --it;
    return it->second + (i - it->first);
}

std::pair<std::size_t, std::size_t> NormalizedText::source_span(std::size_t b, std::size_t e) const {
    std::size_t sb = origin(b), se = e > b ? origin(e - 1) + 1 : sb;
    // extend the end over the rest of a multi-byte source character
    if (e < text.size()) se = std::max(se, std::min(origin(e), se + 3));
    if (se < sb) se = sb;
    return {sb, std::min(se, source_size)};
}

NormalizedText normalize(std::string_view in, const NormalizeOptions& opt) {
    UErrorCode status = U_ZERO_ERROR;
    static const icu::Normalizer2* nfkd = icu::Normalizer2::getNFKDInstance(status);
    Builder b;
    b.text.resize(in.size() + 16);
    std::size_t i = 0;
    while (i < in.size()) {
        std::size_t src = i;
        auto c = static_cast<unsigned char>(in[i]);
        if (c > 0x20 && c < 0x7f) {  // the fast path: a run of printable ASCII, copied lower-cased
            if (b.pending_space) b.flush_space();
            if (b.n + (in.size() - i) + 8 > b.text.size()) b.text.resize(b.n + (in.size() - i) + 16);
            b.map(i);
            char* out = b.text.data() + b.n;
            std::size_t j = i;
            for (; j < in.size(); ++j) {
                auto d = static_cast<unsigned char>(in[j]);
                if (d == ' ' && j + 1 < in.size()) {  // one space between words stays in the run
                    auto e = static_cast<unsigned char>(in[j + 1]);
                    if (e > 0x20 && e < 0x7f) {
                        *out++ = ' ';
                        continue;
                    }
                }
                if (d <= 0x20 || d >= 0x7f) break;
                *out++ = static_cast<char>(d >= 'A' && d <= 'Z' ? d + 32 : d);
            }
            b.n += j - i;
            b.next_src = j;
            i = j;
            continue;
        }
        if (c < 0x80) {
            ++i;
            if (c == '\n') b.space(true, src);
            else if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v') b.space(false, src);
            else if (c < 0x20 || c == 0x7f) continue;
            else b.ascii(static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c), src);
            continue;
        }
        int32_t cp = next_cp(in, i);
        if (cp < 0) continue;
        if (u_hasBinaryProperty(cp, UCHAR_DEFAULT_IGNORABLE_CODE_POINT)) continue;  // ZW*, SHY, bidi
        if (u_isUWhiteSpace(cp)) {
            b.space(cp == 0x2028 || cp == 0x2029 || cp == 0x85, src);
            continue;
        }
        int8_t type = u_charType(cp);
        if (type == U_NON_SPACING_MARK || type == U_ENCLOSING_MARK || type == U_CONTROL_CHAR || type == U_FORMAT_CHAR)
            continue;
        icu::UnicodeString decomposed;
        if (nfkd && U_SUCCESS(status)) {
            UErrorCode st = U_ZERO_ERROR;
            decomposed = nfkd->normalize(icu::UnicodeString(static_cast<UChar32>(cp)), st);
            if (U_FAILURE(st)) decomposed = icu::UnicodeString(static_cast<UChar32>(cp));
        } else {
            decomposed = icu::UnicodeString(static_cast<UChar32>(cp));
        }
        decomposed.foldCase(U_FOLD_CASE_DEFAULT);  // full folding: "ß" -> "ss"
        for (int32_t k = 0; k < decomposed.length();) {
            UChar32 d = decomposed.char32At(k);
            k += U16_LENGTH(d);
            if (u_charType(d) == U_NON_SPACING_MARK) continue;
            if (u_isUWhiteSpace(d)) {
                b.space(false, src);
                continue;
            }
            b.put(homoglyph(d), src);
        }
    }
    b.text.resize(b.n);
    NormalizedText nt{std::move(b.text), std::move(b.anchors), in.size()};
    if (opt.deobfuscate) {
        unleet(nt.text);
        join_spaced(nt);
    }
    return nt;
}

namespace {

bool forward_marker(std::string_view line) {
    while (!line.empty() && (line.front() == ' ' || line.front() == '\t' || line.front() == '>')) line.remove_prefix(1);
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.remove_suffix(1);
    auto has = [&](std::string_view needle) {
        if (line.size() < needle.size()) return false;
        for (std::size_t i = 0; i + needle.size() <= line.size(); ++i) {
            bool eq = true;
            for (std::size_t k = 0; k < needle.size() && eq; ++k) {
                char a = line[i + k];
                if (a >= 'A' && a <= 'Z') a = static_cast<char>(a - 'A' + 'a');
                eq = a == needle[k];
            }
            if (eq) return true;
        }
        return false;
    };
    if (line.size() > 80) return false;
    return (line.rfind("--", 0) == 0 && (has("original message") || has("forwarded message"))) ||
           has("begin forwarded message") || line.rfind("________________________________", 0) == 0;
}

}  // namespace

QuoteDepth::QuoteDepth(std::string_view body) {
    int forwarded = 0;
    std::size_t pos = 0;
    int last = -1;
    while (pos <= body.size()) {
        std::size_t nl = body.find('\n', pos);
        std::size_t end = nl == std::string_view::npos ? body.size() : nl;
        std::string_view line = body.substr(pos, end - pos);
        if (forward_marker(line)) ++forwarded;
        int quotes = 0;
        for (char c : line) {
            if (c == '>') ++quotes;
            else if (c != ' ' && c != '\t') break;
        }
        int depth = forwarded + quotes;
        if (depth != last) {
            starts_.emplace_back(pos, depth);
            last = depth;
        }
        if (nl == std::string_view::npos) break;
        pos = nl + 1;
    }
}

int QuoteDepth::at(std::size_t off) const {
    auto it = std::upper_bound(starts_.begin(), starts_.end(), std::make_pair(off, 1 << 30));
    if (it == starts_.begin()) return 0;
    return std::prev(it)->second;
}

int QuoteDepth::forward_markers(std::string_view body) {
    int n = 0;
    std::size_t pos = 0;
    while (pos < body.size()) {
        std::size_t nl = body.find('\n', pos);
        std::size_t end = nl == std::string_view::npos ? body.size() : nl;
        if (forward_marker(body.substr(pos, end - pos))) ++n;
        if (nl == std::string_view::npos) break;
        pos = nl + 1;
    }
    return n;
}

}  // namespace ord
