#include "mime/codec.h"

#include <iconv.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstdint>
#include <optional>
#include <vector>

namespace ord::mime {

namespace {

// "begin 644 name" / "begin-base64 644 name": the name, or nullopt when `line` is not one.
std::optional<std::string> uu_begin(std::string_view line, bool& base64) {
    base64 = line.rfind("begin-base64 ", 0) == 0;
    if (!base64 && line.rfind("begin ", 0) != 0) return std::nullopt;
    line.remove_prefix(base64 ? 13 : 6);
    std::size_t digits = 0;
    while (digits < line.size() && line[digits] >= '0' && line[digits] <= '7') ++digits;
    if (digits < 3 || digits > 4 || digits >= line.size() || line[digits] != ' ') return std::nullopt;
    line.remove_prefix(digits + 1);
    while (!line.empty() && (line.back() == ' ' || line.back() == '\t')) line.remove_suffix(1);
    if (line.empty()) return std::nullopt;
    return std::string(line);
}

// Decodes one uuencoded line onto `out`; true when the line has the length its count says.
bool uu_line(std::string_view line, std::string& out) {
    if (line.empty()) return false;
    std::size_t n = static_cast<unsigned char>(line[0] - ' ') & 63;
    std::size_t expected = 1 + 4 * ((n + 2) / 3);  // some encoders add a padding character or two
    bool well_formed = n > 0 && line.size() >= expected && line.size() <= expected + 2;
    std::size_t start = out.size();
    auto six = [&](std::size_t i) -> unsigned {
        return i < line.size() ? static_cast<unsigned>(static_cast<unsigned char>(line[i] - ' ') & 63) : 0;
    };
    for (std::size_t i = 1; out.size() - start < n; i += 4) {
        unsigned v = six(i) << 18 | six(i + 1) << 12 | six(i + 2) << 6 | six(i + 3);
        for (int k = 2; k >= 0 && out.size() - start < n; --k) out.push_back(static_cast<char>((v >> (8 * k)) & 0xff));
    }
    return well_formed;
}

}  // namespace

std::vector<UuFile> find_uuencoded(std::string_view text, std::size_t max_files) {
    std::vector<UuFile> files;
    if (text.find("begin") == std::string_view::npos) return files;
    UuFile* cur = nullptr;
    bool b64 = false, seen = false;  // seen: a well-formed line or the end line, else it was prose
    std::string b64_text;
    auto finish = [&] {
        if (cur && b64) {
            bool ok = true;
            cur->data = decode_base64(b64_text, ok);
            seen = seen || (ok && !cur->data.empty());
        }
        if (cur && !seen) files.pop_back();  // "begin 644 setup.exe" quoted in a sentence
        cur = nullptr;
        seen = false;
        b64_text.clear();
    };
    std::size_t at = 0;
    while (at < text.size()) {
        std::size_t nl = text.find('\n', at);
        std::string_view line = text.substr(at, nl == std::string_view::npos ? std::string_view::npos : nl - at);
        at = nl == std::string_view::npos ? text.size() : nl + 1;
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        if (!cur) {
            bool is_b64 = false;
            if (auto name = uu_begin(line, is_b64)) {
                if (files.size() >= max_files) break;
                files.push_back({*name, {}});
                cur = &files.back();
                b64 = is_b64;
            }
            continue;
        }
        if (b64 ? line == "====" : line == "end") {
            seen = true;
            finish();
            continue;
        }
        if (b64) b64_text.append(line).push_back('\n');
        else if (uu_line(line, cur->data)) seen = true;
    }
    finish();
    return files;
}

bool is_uuencode(std::string_view cte) { return cte == "x-uuencode" || cte == "uuencode" || cte == "x-uue"; }

std::string decode_transfer(std::string_view body, std::string_view cte, bool& ok, std::string* uu_name) {
    ok = true;
    if (cte == "base64") return decode_base64(body, ok);
    if (cte == "quoted-printable") return decode_qp(body, ok);
    if (is_uuencode(cte)) {
        auto files = find_uuencoded(body, 1);
        if (!files.empty()) {
            if (uu_name) *uu_name = std::move(files[0].name);
            return std::move(files[0].data);
        }
        ok = false;
    }
    return std::string(body);
}

bool iequals(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (size_t i = 0; i < a.size(); ++i) {
        char x = a[i], y = b[i];
        if (x >= 'A' && x <= 'Z') x = static_cast<char>(x - 'A' + 'a');
        if (y >= 'A' && y <= 'Z') y = static_cast<char>(y - 'A' + 'a');
        if (x != y) return false;
    }
    return true;
}

std::string to_lower(std::string_view s) {
    std::string out(s);
    for (auto& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

namespace {

constexpr std::array<int8_t, 256> make_b64_table() {
    std::array<int8_t, 256> t{};
    for (auto& v : t) v = -1;
    const char* a = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    for (int i = 0; i < 64; ++i) t[static_cast<unsigned char>(a[i])] = static_cast<int8_t>(i);
    return t;
}
constexpr auto kB64 = make_b64_table();

int hexval(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    return -1;
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }


}  // namespace

void append_utf8(std::string& out, uint32_t cp) {
    if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

namespace {

// windows-1252 0x80..0x9F; the rest of the range maps like ISO-8859-1.
constexpr uint16_t kCp1252[32] = {0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
                                  0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD,
                                  0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
                                  0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178};

std::string cp1252_to_utf8(std::string_view in) {
    std::string out;
    out.reserve(in.size() + in.size() / 8);
    for (unsigned char c : in) {
        if (c < 0x80) out += static_cast<char>(c);
        else if (c < 0xA0) append_utf8(out, kCp1252[c - 0x80]);
        else append_utf8(out, c);
    }
    return out;
}

// Replaces invalid UTF-8 sequences by U+FFFD.
std::string sanitize_utf8(std::string_view in) {
    std::string out;
    out.reserve(in.size());
    size_t i = 0;
    while (i < in.size()) {
        unsigned char c = static_cast<unsigned char>(in[i]);
        size_t len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
        bool good = len > 0 && i + len <= in.size();
        for (size_t k = 1; good && k < len; ++k)
            if ((static_cast<unsigned char>(in[i + k]) & 0xC0) != 0x80) good = false;
        if (good && len > 1) {
            uint32_t cp = c & (0xFF >> (len + 1));
            for (size_t k = 1; k < len; ++k) cp = (cp << 6) | (static_cast<unsigned char>(in[i + k]) & 0x3F);
            static constexpr uint32_t kMin[5] = {0, 0, 0x80, 0x800, 0x10000};
            if (cp < kMin[len] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) good = false;
        }
        if (good) {
            out.append(in.substr(i, len));
            i += len;
        } else {
            append_utf8(out, 0xFFFD);
            ++i;
        }
    }
    return out;
}

std::string normalize_charset(std::string_view cs) {
    std::string c = to_lower(cs);
    while (!c.empty() && (c.back() == ' ' || c.back() == '"')) c.pop_back();
    while (!c.empty() && (c.front() == ' ' || c.front() == '"')) c.erase(c.begin());
    return c;
}

class Iconv {
public:
    Iconv(const std::string& from) : cd_(iconv_open("UTF-8", from.c_str())) {}
    ~Iconv() {
        if (ok()) iconv_close(cd_);
    }
    Iconv(const Iconv&) = delete;
    Iconv& operator=(const Iconv&) = delete;
    bool ok() const { return cd_ != reinterpret_cast<iconv_t>(-1); }
    std::string convert(std::string_view in) {
        std::string out;
        out.reserve(in.size() * 2);
        char* src = const_cast<char*>(in.data());
        size_t left = in.size();
        std::vector<char> buf(16384);
        while (left > 0) {
            char* dst = buf.data();
            size_t room = buf.size();
            size_t r = iconv(cd_, &src, &left, &dst, &room);
            out.append(buf.data(), buf.size() - room);
            if (r == static_cast<size_t>(-1)) {
                if (errno == E2BIG) continue;
                // EILSEQ or EINVAL: skip one byte, mark it, and go on.
                append_utf8(out, 0xFFFD);
                ++src;
                --left;
                iconv(cd_, nullptr, nullptr, nullptr, nullptr);
            }
        }
        return out;
    }

private:
    iconv_t cd_;
};

}  // namespace

bool valid_utf8(std::string_view in) {
    // Fast path for ASCII.
    bool ascii = true;
    for (unsigned char c : in)
        if (c >= 0x80) {
            ascii = false;
            break;
        }
    if (ascii) return true;
    return sanitize_utf8(in) == in;
}

std::string to_utf8(std::string_view in, std::string_view charset) {
    std::string cs = normalize_charset(charset);
    bool ascii = true;
    for (unsigned char c : in)
        if (c >= 0x80) {
            ascii = false;
            break;
        }
    if (ascii && cs != "utf-16" && cs != "utf-16le" && cs != "utf-16be" && cs != "utf-32" && cs != "utf-7")
        return std::string(in);
    if (cs.empty() || cs == "us-ascii" || cs == "ascii" || cs == "utf-8" || cs == "utf8" ||
        cs == "unknown-8bit" || cs == "x-unknown") {
        if (valid_utf8(in)) return std::string(in);
        return cs.rfind("utf", 0) == 0 ? sanitize_utf8(in) : cp1252_to_utf8(in);
    }
    if (cs == "iso-8859-1" || cs == "latin1" || cs == "windows-1252" || cs == "cp1252")
        return cp1252_to_utf8(in);
    Iconv cv(cs);
    if (!cv.ok()) return valid_utf8(in) ? std::string(in) : cp1252_to_utf8(in);
    return sanitize_utf8(cv.convert(in));
}

std::string encode_base64(std::string_view in) {
    static const char* a = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string out;
    out.reserve(in.size() / 3 * 4 + in.size() / 57 * 2 + 8);
    for (std::size_t i = 0; i < in.size(); i += 3) {
        std::uint32_t n = static_cast<unsigned char>(in[i]) << 16;
        if (i + 1 < in.size()) n |= static_cast<unsigned char>(in[i + 1]) << 8;
        if (i + 2 < in.size()) n |= static_cast<unsigned char>(in[i + 2]);
        out += a[(n >> 18) & 63];
        out += a[(n >> 12) & 63];
        out += i + 1 < in.size() ? a[(n >> 6) & 63] : '=';
        out += i + 2 < in.size() ? a[n & 63] : '=';
        if ((i / 3 + 1) % 19 == 0 && i + 3 < in.size()) out += "\r\n";
    }
    return out + "\r\n";
}

std::string decode_base64(std::string_view in, bool& ok) {
    ok = true;
    std::string out(in.size() / 4 * 3 + 3, '\0');
    char* w = out.data();
    const unsigned char* p = reinterpret_cast<const unsigned char*>(in.data());
    const unsigned char* end = p + in.size();
    // Fast path: whole groups of four alphabet characters, as in any well-formed line.
    uint32_t acc = 0;
    int bits = 0;
    int pad = 0;
    size_t quantum = 0;  // significant chars in the current 4-char group
    while (p < end) {
        if (quantum == 0 && pad == 0 && end - p >= 4) {
            int a = kB64[p[0]], b = kB64[p[1]], c = kB64[p[2]], d = kB64[p[3]];
            if ((a | b | c | d) >= 0) {
                uint32_t n = (uint32_t(a) << 18) | (uint32_t(b) << 12) | (uint32_t(c) << 6) | uint32_t(d);
                w[0] = static_cast<char>(n >> 16);
                w[1] = static_cast<char>(n >> 8);
                w[2] = static_cast<char>(n);
                w += 3;
                p += 4;
                continue;
            }
        }
        char ch = static_cast<char>(*p++);
        if (is_space(ch)) continue;
        if (ch == '=') {
            ++pad;
            if (++quantum == 4) quantum = 0;
            continue;
        }
        int v = kB64[static_cast<unsigned char>(ch)];
        if (v < 0 || pad > 0) {
            ok = false;  // garbage, or data after padding
            if (v < 0) continue;
            pad = 0;  // a new group starts after padding
            bits = 0;
            acc = 0;
        }
        acc = (acc << 6) | static_cast<uint32_t>(v);
        bits += 6;
        if (++quantum == 4) quantum = 0;
        if (bits >= 8) {
            bits -= 8;
            *w++ = static_cast<char>((acc >> bits) & 0xFF);
        }
    }
    if (quantum != 0 || pad > 2) ok = false;
    out.resize(static_cast<size_t>(w - out.data()));
    return out;
}

std::string decode_qp(std::string_view in, bool& ok, bool underscore_is_space) {
    ok = true;
    std::string out;
    out.reserve(in.size());
    size_t i = 0;
    while (i < in.size()) {
        char c = in[i];
        if (c == '=') {
            if (i + 2 < in.size() + 0 && hexval(in[i + 1]) >= 0 && hexval(in[i + 2]) >= 0) {
                out += static_cast<char>(hexval(in[i + 1]) * 16 + hexval(in[i + 2]));
                i += 3;
                continue;
            }
            // Soft line break: '=' then optional trailing whitespace then CRLF or LF.
            size_t j = i + 1;
            while (j < in.size() && (in[j] == ' ' || in[j] == '\t')) ++j;
            if (j < in.size() && in[j] == '\r') ++j;
            if (j < in.size() && in[j] == '\n') {
                i = j + 1;
                continue;
            }
            if (j >= in.size()) {  // '=' at the very end: a soft break without newline
                i = j;
                continue;
            }
            ok = false;
            out += c;
            ++i;
            continue;
        }
        if (underscore_is_space && c == '_') c = ' ';
        out += c;
        ++i;
    }
    return out;
}

std::string decode_rfc2047(std::string_view v) {
    std::string out;
    std::string pending_ws;  // whitespace seen after an encoded word
    bool last_encoded = false;
    size_t i = 0;
    std::string plain;
    auto flush_plain = [&] {
        if (plain.empty()) return;
        out += valid_utf8(plain) ? plain : cp1252_to_utf8(plain);
        plain.clear();
    };
    while (i < v.size()) {
        if (v[i] == '=' && i + 1 < v.size() && v[i + 1] == '?') {
            // =?charset?enc?text?=, searched for within the 4,096 bytes an encoded word may
            // take: a search to the end of the value from every "=?" is quadratic.
            std::string_view win = v.substr(0, std::min(v.size(), i + 4096));
            size_t q1 = win.find('?', i + 2);
            size_t q2 = q1 == std::string_view::npos ? q1 : win.find('?', q1 + 1);
            // The encoded text holds no space (such a word is not decoded below): "?=" is looked
            // for only up to the next one.
            if (size_t sp = q2 == std::string_view::npos ? q2 : win.find(' ', q2 + 1); sp != std::string_view::npos)
                win = win.substr(0, sp);
            size_t end = q2 == std::string_view::npos || q2 != q1 + 2 ? std::string_view::npos : win.find("?=", q2 + 1);
            if (end != std::string_view::npos && end - i < 4096) {
                std::string cs(v.substr(i + 2, q1 - i - 2));
                if (auto star = cs.find('*'); star != std::string::npos) cs.resize(star);  // RFC 2231 language
                char enc = static_cast<char>(v[q1 + 1] | 0x20);
                std::string_view text = v.substr(q2 + 1, end - q2 - 1);
                if ((enc == 'b' || enc == 'q') && text.find(' ') == std::string_view::npos) {
                    bool ok = true;
                    std::string bytes = enc == 'b' ? decode_base64(text, ok) : decode_qp(text, ok, true);
                    if (!last_encoded) out += pending_ws;
                    pending_ws.clear();
                    flush_plain();
                    out += to_utf8(bytes, cs);
                    last_encoded = true;
                    i = end + 2;
                    continue;
                }
            }
        }
        char c = v[i];
        if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
            if (last_encoded) {
                pending_ws += (c == '\r' || c == '\n') ? ' ' : c;
            } else {
                plain += c;
            }
        } else {
            if (last_encoded) {
                out += pending_ws;
                pending_ws.clear();
                last_encoded = false;
            }
            plain += c;
        }
        ++i;
    }
    flush_plain();
    out += pending_ws;
    return out;
}

namespace {

std::string pct_decode(std::string_view s) {
    std::string out;
    for (size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '%' && i + 2 < s.size() + 0 && hexval(s[i + 1]) >= 0 && hexval(s[i + 2]) >= 0) {
            out += static_cast<char>(hexval(s[i + 1]) * 16 + hexval(s[i + 2]));
            i += 2;
        } else {
            out += s[i];
        }
    }
    return out;
}

struct Piece {
    std::string value;
    bool extended = false;  // name*N*= : percent-encoded
};

}  // namespace

std::map<std::string, std::string> parse_params(std::string_view v, std::string& head) {
    std::map<std::string, std::string> plain;                 // name -> value
    std::map<std::string, std::map<int, Piece>> continued;    // base -> index -> piece
    size_t i = 0;
    auto skip_ws = [&] {
        while (i < v.size() && (is_space(v[i]))) ++i;
    };
    // Head: up to the first ';'.
    size_t semi = v.find(';');
    std::string_view h = v.substr(0, semi);
    while (!h.empty() && is_space(h.front())) h.remove_prefix(1);
    while (!h.empty() && is_space(h.back())) h.remove_suffix(1);
    head = to_lower(h);
    if (semi == std::string_view::npos) return {};
    i = semi + 1;
    size_t count = 0;
    while (i < v.size() && ++count < 256) {
        skip_ws();
        size_t ns = i;
        while (i < v.size() && v[i] != '=' && v[i] != ';') ++i;
        std::string name = to_lower(v.substr(ns, i - ns));
        while (!name.empty() && is_space(name.back())) name.pop_back();
        if (i >= v.size() || v[i] == ';') {
            ++i;
            continue;
        }
        ++i;  // '='
        skip_ws();
        std::string value;
        if (i < v.size() && v[i] == '"') {
            ++i;
            while (i < v.size() && v[i] != '"') {
                // Only \" and \\ are escapes: Outlook writes C:\path names unescaped.
                if (v[i] == '\\' && i + 1 < v.size() && (v[i + 1] == '"' || v[i + 1] == '\\')) ++i;
                value += v[i++];
            }
            ++i;
            while (i < v.size() && v[i] != ';') ++i;
        } else {
            size_t vs = i;
            while (i < v.size() && v[i] != ';') ++i;
            value = std::string(v.substr(vs, i - vs));
            while (!value.empty() && is_space(value.back())) value.pop_back();
        }
        ++i;  // ';'
        if (name.empty()) continue;
        // RFC 2231: name*  name*N  name*N*
        size_t star = name.find('*');
        if (star == std::string::npos) {
            plain.emplace(name, value);
            continue;
        }
        std::string base = name.substr(0, star);
        std::string rest = name.substr(star + 1);
        Piece piece{value, false};
        int index = 0;
        if (rest.empty()) {
            piece.extended = true;
        } else {
            if (rest.back() == '*') {
                piece.extended = true;
                rest.pop_back();
            }
            if (rest.empty() || rest.size() > 3 || rest.find_first_not_of("0123456789") != std::string::npos)
                continue;
            index = std::stoi(rest);
        }
        continued[base].emplace(index, std::move(piece));
    }
    std::map<std::string, std::string> out = plain;
    for (auto& [base, pieces] : continued) {
        std::string charset;
        std::string bytes;
        int expect = 0;
        for (auto& [idx, p] : pieces) {
            if (idx != expect++) break;  // a gap ends the value (RFC 2231 §3)
            std::string val = p.value;
            if (idx == 0 && p.extended) {
                size_t q1 = val.find('\'');
                size_t q2 = q1 == std::string::npos ? q1 : val.find('\'', q1 + 1);
                if (q2 != std::string::npos) {
                    charset = val.substr(0, q1);
                    val = val.substr(q2 + 1);
                }
            }
            bytes += p.extended ? pct_decode(val) : val;
        }
        out[base] = to_utf8(bytes, charset.empty() ? "utf-8" : charset);
    }
    return out;
}

namespace {

bool iequal_prefix(std::string_view s, size_t at, std::string_view word) {
    if (at + word.size() > s.size()) return false;
    for (size_t k = 0; k < word.size(); ++k) {
        char c = s[at + k];
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        if (c != word[k]) return false;
    }
    return true;
}

struct Entity {
    const char* name;
    uint32_t cp;
};
constexpr Entity kEntities[] = {{"amp", '&'},    {"lt", '<'},       {"gt", '>'},       {"quot", '"'},
                                {"apos", '\''},  {"nbsp", 0xA0},    {"copy", 0xA9},    {"reg", 0xAE},
                                {"euro", 0x20AC}, {"mdash", 0x2014}, {"ndash", 0x2013}, {"hellip", 0x2026},
                                {"rsquo", 0x2019}, {"lsquo", 0x2018}, {"ldquo", 0x201C}, {"rdquo", 0x201D},
                                {"trade", 0x2122}, {"bull", 0x2022}};

}  // namespace

std::string html_to_text(std::string_view h) {
    std::string out;
    out.reserve(h.size() / 2);
    size_t i = 0;
    auto newline = [&] {
        if (!out.empty() && out.back() != '\n') out += '\n';
    };
    std::map<std::string, size_t> close_search;  // tag -> where its close tag was last found
    while (i < h.size()) {
        char c = h[i];
        if (c == '<') {
            if (h.compare(i, 4, "<!--") == 0) {
                size_t e = h.find("-->", i + 4);
                i = e == std::string_view::npos ? h.size() : e + 3;
                continue;
            }
            size_t e = h.find('>', i + 1);
            if (e == std::string_view::npos) {
                break;  // unterminated tag: drop the rest
            }
            size_t ns = i + 1;
            bool closing = ns < e && h[ns] == '/';
            if (closing) ++ns;
            size_t ne = ns;
            while (ne < e && ((h[ne] >= 'a' && h[ne] <= 'z') || (h[ne] >= 'A' && h[ne] <= 'Z') ||
                              (h[ne] >= '0' && h[ne] <= '9')))
                ++ne;
            std::string tag = to_lower(h.substr(ns, ne - ns));
            if (!closing && (tag == "script" || tag == "style" || tag == "head" || tag == "title")) {
                // Skip to the matching close tag. Where the last search for this tag's close
                // ended is kept: with it unclosed, each further open tag would rescan the rest.
                size_t& from = close_search[tag];
                size_t k = std::max(e + 1, from);
                size_t found = std::string_view::npos;
                if (from != std::string_view::npos) {
                    while ((k = h.find("</", k)) != std::string_view::npos) {
                        if (iequal_prefix(h, k + 2, tag)) {
                            found = k;
                            break;
                        }
                        k += 2;
                    }
                    from = found;  // npos: none later in the text
                }
                if (found == std::string_view::npos) {
                    i = e + 1;
                } else {
                    size_t ce = h.find('>', found);
                    i = ce == std::string_view::npos ? h.size() : ce + 1;
                }
                if (tag == "title") newline();
                continue;
            }
            static const char* kBlocks[] = {"br", "p",  "div", "tr", "li", "h1", "h2",  "h3",         "h4",
                                            "h5", "h6", "table", "ul", "ol", "hr", "pre", "blockquote", "td"};
            for (const char* b : kBlocks)
                if (tag == b) {
                    if (tag == "td") out += ' ';
                    else newline();
                    break;
                }
            i = e + 1;
            continue;
        }
        if (c == '&') {
            size_t semi = h.substr(0, std::min(h.size(), i + 11)).find(';', i + 1);  // bounded: '&' without ';'
            if (semi != std::string_view::npos && semi - i <= 10) {
                std::string_view name = h.substr(i + 1, semi - i - 1);
                bool done = false;
                if (!name.empty() && name[0] == '#') {
                    uint32_t cp = 0;
                    bool hex = name.size() > 1 && (name[1] == 'x' || name[1] == 'X');
                    bool valid = name.size() > (hex ? 2u : 1u);
                    for (size_t k = hex ? 2 : 1; k < name.size() && valid; ++k) {
                        int d = hex ? hexval(name[k]) : (name[k] >= '0' && name[k] <= '9' ? name[k] - '0' : -1);
                        if (d < 0) valid = false;
                        else cp = cp * (hex ? 16 : 10) + static_cast<uint32_t>(d);
                        if (cp > 0x10FFFF) valid = false;
                    }
                    if (valid) {
                        append_utf8(out, cp == 0 ? 0xFFFD : cp);
                        done = true;
                    }
                } else {
                    for (const auto& en : kEntities)
                        if (name == en.name) {
                            append_utf8(out, en.cp == 0xA0 ? ' ' : en.cp);
                            done = true;
                            break;
                        }
                }
                if (done) {
                    i = semi + 1;
                    continue;
                }
            }
        }
        if (c == '\r' || c == '\n' || c == '\t') c = ' ';
        if (c == ' ' && !out.empty() && (out.back() == ' ' || out.back() == '\n')) {
            ++i;
            continue;
        }
        out += c;
        ++i;
    }
    return out;
}

}  // namespace ord::mime
