#include "base/terminal.h"

#include <cstdint>
#include <cstdio>

namespace ord {
namespace {

void hex_byte(std::string& out, unsigned char c) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "\\x%02x", c);
    out += buf;
}

void code_point(std::string& out, uint32_t cp) {
    char buf[12];
    std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned>(cp));
    out += buf;
}

// The length of the well-formed UTF-8 sequence at s[i] (2 to 4) and its code point, or 0
// (overlong forms, surrogates, beyond U+10FFFF and truncated sequences are not well formed).
size_t utf8_sequence(std::string_view s, size_t i, uint32_t& cp) {
    auto b = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
    unsigned char c = b(i);
    size_t n;
    unsigned char lo = 0x80, hi = 0xBF;
    if (c >= 0xC2 && c <= 0xDF) n = 2, cp = c & 0x1F;
    else if (c >= 0xE0 && c <= 0xEF) n = 3, cp = c & 0x0F, lo = c == 0xE0 ? 0xA0 : 0x80, hi = c == 0xED ? 0x9F : 0xBF;
    else if (c >= 0xF0 && c <= 0xF4) n = 4, cp = c & 0x07, lo = c == 0xF0 ? 0x90 : 0x80, hi = c == 0xF4 ? 0x8F : 0xBF;
    else return 0;
    if (i + n > s.size()) return 0;
    for (size_t k = 1; k < n; ++k) {
        unsigned char t = b(i + k);
        if (t < (k == 1 ? lo : 0x80) || t > (k == 1 ? hi : 0xBF)) return 0;
        cp = (cp << 6) | (t & 0x3F);
    }
    return n;
}

bool invisible_format(uint32_t cp) {
    return (cp >= 0x80 && cp <= 0x9F) || (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) ||
           cp == 0x200E || cp == 0x200F || cp == 0x061C || cp == 0x2028 || cp == 0x2029;
}

std::string render(std::string_view s, bool lines) {
    std::string out;
    out.reserve(s.size());
    for (size_t i = 0; i < s.size();) {
        unsigned char c = static_cast<unsigned char>(s[i]);
        if (c < 0x80) {
            if (lines && (c == '\n' || c == '\t')) out += static_cast<char>(c);
            else if (lines && c == '\r' && i + 1 < s.size() && s[i + 1] == '\n') out += "\r\n", ++i;
            else if (c == '\n') out += "\\n";
            else if (c == '\r') out += "\\r";
            else if (c == '\t') out += "\\t";
            else if (c == '\\' && !lines) out += "\\\\";
            else if (c < 0x20 || c == 0x7f) hex_byte(out, c);
            else out += static_cast<char>(c);
            ++i;
            continue;
        }
        uint32_t cp = 0;
        size_t n = utf8_sequence(s, i, cp);
        if (n == 0) {
            hex_byte(out, c);
            ++i;
        } else {
            if (invisible_format(cp)) code_point(out, cp);
            else out.append(s.substr(i, n));
            i += n;
        }
    }
    return out;
}

}  // namespace

std::string terminal_text(std::string_view s) { return render(s, false); }
std::string terminal_lines(std::string_view s) { return render(s, true); }

}  // namespace ord
