// Differential libFuzzer target for the MIME front end.
//
// Property: every byte a mail client could show as an attachment reaches a check. A small
// reference decoder, independent of mime/, reads the well-formed subset: one top-level
// multipart/* with a plain boundary, parts split on exact delimiter lines, and each part
// declaring Content-Transfer-Encoding: base64 decoded strictly. Every non-empty part it
// decodes must appear, byte for byte, as the decoded body of some part of our parse result,
// unless our parser says it hands the raw message whole to the scanners (scan_raw or
// headers_only). Anything the reference is unsure about is skipped, never reported.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "mime/parse.h"

namespace {

constexpr std::size_t kMaxLine = 4000;  // below the harness's max_line_length (4096)
constexpr std::size_t kMaxHeaders = 150;  // below max_headers (200)
constexpr std::size_t kMaxParts = 150;    // below max_parts (200)

struct Skip {};  // thrown when the input is outside the subset the reference understands

char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

std::string lower(std::string_view s) {
    std::string r(s);
    for (auto& c : r) c = lower(c);
    return r;
}

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

// Lines without their terminator (LF or CRLF). Bare CR, NUL, long lines: not our subset.
std::vector<std::string_view> split_lines(std::string_view raw) {
    std::vector<std::string_view> out;
    std::size_t pos = 0;
    while (pos < raw.size()) {
        std::size_t nl = raw.find('\n', pos);
        std::size_t end = nl == std::string_view::npos ? raw.size() : nl;
        std::string_view line = raw.substr(pos, end - pos);
        if (nl != std::string_view::npos && !line.empty() && line.back() == '\r') line.remove_suffix(1);
        if (line.find('\r') != std::string_view::npos) throw Skip{};
        if (line.find('\0') != std::string_view::npos) throw Skip{};
        if (line.size() > kMaxLine) throw Skip{};
        out.push_back(line);
        pos = nl == std::string_view::npos ? raw.size() : nl + 1;
    }
    return out;
}

struct Field {
    std::string name;  // lower-case
    std::string value; // unfolded
};

// Parses the header block starting at lines[i]; returns the fields and sets i to the first
// body line. No blank line, a line without a colon, odd bytes: Skip.
std::vector<Field> parse_headers(const std::vector<std::string_view>& lines, std::size_t& i, std::size_t end) {
    std::vector<Field> fields;
    for (; i < end; ++i) {
        std::string_view l = lines[i];
        if (l.empty()) {
            ++i;
            return fields;
        }
        for (unsigned char c : l)
            if (c >= 0x80 || (c < 0x20 && c != '\t') || c == 0x7f) throw Skip{};
        if (l.front() == ' ' || l.front() == '\t') {
            if (fields.empty()) throw Skip{};
            fields.back().value += ' ';
            fields.back().value += std::string(trim(l));
            continue;
        }
        std::size_t colon = l.find(':');
        if (colon == std::string_view::npos || colon == 0) throw Skip{};
        std::string_view name = l.substr(0, colon);
        for (char c : name)
            if (c == ' ' || c == '\t') throw Skip{};
        fields.push_back({lower(name), std::string(trim(l.substr(colon + 1)))});
        if (fields.size() > kMaxHeaders) throw Skip{};
    }
    throw Skip{};  // no blank line before the end
}

// The single value of a field; nullopt when absent; Skip when duplicated or odd.
std::optional<std::string> single(const std::vector<Field>& fields, std::string_view name) {
    std::optional<std::string> v;
    for (const auto& f : fields) {
        if (f.name != name) continue;
        if (v) throw Skip{};
        v = f.value;
    }
    if (v && (v->find('(') != std::string::npos || v->find("=?") != std::string::npos ||
              v->find('\\') != std::string::npos))
        throw Skip{};  // comments, encoded words, quoted pairs
    return v;
}

struct ContentType {
    std::string type, subtype;
    std::optional<std::string> boundary;
};

bool token_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           std::string_view("!#$%&'*+-.^_`|~").find(c) != std::string_view::npos;
}

ContentType parse_content_type(std::string_view v) {
    ContentType ct;
    std::size_t semi = v.find(';');
    std::string_view mt = trim(v.substr(0, semi));
    std::size_t slash = mt.find('/');
    if (slash == std::string_view::npos) throw Skip{};
    ct.type = lower(trim(mt.substr(0, slash)));
    ct.subtype = lower(trim(mt.substr(slash + 1)));
    if (ct.type.empty() || ct.subtype.empty()) throw Skip{};
    for (char c : ct.type + ct.subtype)
        if (!token_char(c)) throw Skip{};
    std::string_view rest = semi == std::string_view::npos ? std::string_view() : v.substr(semi + 1);
    while (!trim(rest).empty()) {
        rest = trim(rest);
        std::size_t eq = rest.find('=');
        if (eq == std::string_view::npos) throw Skip{};
        std::string name = lower(trim(rest.substr(0, eq)));
        if (name.empty() || name.find('*') != std::string::npos) throw Skip{};  // RFC 2231
        for (char c : name)
            if (!token_char(c)) throw Skip{};
        rest = trim(rest.substr(eq + 1));
        std::string value;
        if (!rest.empty() && rest.front() == '"') {
            std::size_t close = rest.find('"', 1);
            if (close == std::string_view::npos) throw Skip{};
            value = std::string(rest.substr(1, close - 1));
            rest = trim(rest.substr(close + 1));
            if (!rest.empty() && rest.front() != ';') throw Skip{};
        } else {
            std::size_t s2 = rest.find(';');
            value = std::string(trim(rest.substr(0, s2)));
            if (value.empty()) throw Skip{};
            for (char c : value)
                if (!token_char(c)) throw Skip{};
            rest = s2 == std::string_view::npos ? std::string_view() : rest.substr(s2);
        }
        if (!rest.empty()) rest.remove_prefix(1);  // the ';'
        if (name == "boundary") {
            if (ct.boundary) throw Skip{};  // duplicate parameter
            ct.boundary = value;
        }
    }
    return ct;
}

// RFC 2046 bchars, no trailing space, 1..70 characters.
bool plain_boundary(std::string_view b) {
    if (b.empty() || b.size() > 70 || b.back() == ' ') return false;
    for (char c : b)
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
              std::string_view("'()+_,-./:=? ").find(c) != std::string_view::npos))
            return false;
    return true;
}

// Strict base64: alphabet and whitespace only, length a multiple of 4, padding only at the
// end, unused bits zero. nullopt otherwise.
std::optional<std::string> strict_base64(std::string_view body) {
    std::string s;
    for (char c : body) {
        if (c == ' ' || c == '\t' || c == '\r' || c == '\n') continue;
        s += c;
    }
    if (s.size() % 4 != 0) return std::nullopt;
    auto val = [](char c) -> int {
        if (c >= 'A' && c <= 'Z') return c - 'A';
        if (c >= 'a' && c <= 'z') return c - 'a' + 26;
        if (c >= '0' && c <= '9') return c - '0' + 52;
        if (c == '+') return 62;
        if (c == '/') return 63;
        return -1;
    };
    std::string out;
    for (std::size_t i = 0; i < s.size(); i += 4) {
        bool last = i + 4 == s.size();
        int v[4];
        int pad = 0;
        for (int k = 0; k < 4; ++k) {
            char c = s[i + k];
            if (c == '=') {
                if (!last || k < 2) return std::nullopt;
                ++pad;
                v[k] = 0;
                continue;
            }
            if (pad) return std::nullopt;  // data after '='
            v[k] = val(c);
            if (v[k] < 0) return std::nullopt;
        }
        std::uint32_t n = (v[0] << 18) | (v[1] << 12) | (v[2] << 6) | v[3];
        if (pad == 2 && (n & 0xffff) != 0) return std::nullopt;
        if (pad == 1 && (n & 0xff) != 0) return std::nullopt;
        out += static_cast<char>((n >> 16) & 0xff);
        if (pad < 2) out += static_cast<char>((n >> 8) & 0xff);
        if (pad < 1) out += static_cast<char>(n & 0xff);
    }
    return out;
}

// The reference view: the strictly decoded base64 parts, or nullopt when the input is
// outside the subset.
std::optional<std::vector<std::string>> reference(std::string_view raw) {
    try {
        auto lines = split_lines(raw);
        std::size_t i = 0;
        auto top = parse_headers(lines, i, lines.size());
        auto ctv = single(top, "content-type");
        if (!ctv) return std::nullopt;
        if (single(top, "content-transfer-encoding")) {
            std::string cte = lower(*single(top, "content-transfer-encoding"));
            if (cte != "7bit" && cte != "8bit" && cte != "binary") return std::nullopt;
        }
        ContentType ct = parse_content_type(*ctv);
        if (ct.type != "multipart" || !ct.boundary || !plain_boundary(*ct.boundary)) return std::nullopt;
        const std::string dash = "--" + *ct.boundary;

        // Delimiter lines; any other line starting with "--boundary" is ambiguous: skip.
        std::vector<std::size_t> delims;
        std::size_t close = 0;
        bool closed = false;
        for (std::size_t k = i; k < lines.size(); ++k) {
            std::string_view l = lines[k];
            if (l.substr(0, dash.size()) != dash) continue;
            std::string_view rest = l.substr(dash.size());
            if (rest.empty()) {
                if (closed) return std::nullopt;  // delimiter after the close delimiter
                delims.push_back(k);
            } else if (rest == "--") {
                if (closed) return std::nullopt;
                close = k;
                closed = true;
            } else {
                return std::nullopt;  // transport padding, longer boundary, ...
            }
        }
        if (!closed || delims.empty() || delims.size() > kMaxParts) return std::nullopt;
        delims.push_back(close);

        std::vector<std::string> decoded;
        for (std::size_t d = 0; d + 1 < delims.size(); ++d) {
            std::size_t b = delims[d] + 1, e = delims[d + 1];
            try {
                auto ph = parse_headers(lines, b, e);
                if (auto pct = single(ph, "content-type")) {
                    ContentType c = parse_content_type(*pct);
                    if (c.type == "multipart" || c.type == "message") continue;  // nested: not checked
                }
                auto cte = single(ph, "content-transfer-encoding");
                if (!cte || lower(*cte) != "base64") continue;
                std::string body;
                for (std::size_t k = b; k < e; ++k) {
                    body += lines[k];
                    body += '\n';
                }
                auto bytes = strict_base64(body);
                if (bytes && !bytes->empty()) decoded.push_back(std::move(*bytes));
            } catch (const Skip&) {
                // this part is outside the subset; the others still count
            }
        }
        return decoded;
    } catch (const Skip&) {
        return std::nullopt;
    }
}

void dump(const char* what, std::string_view s) {
    std::fprintf(stderr, "  %s: %zu bytes:", what, s.size());
    for (std::size_t k = 0; k < s.size() && k < 48; ++k)
        std::fprintf(stderr, " %02x", static_cast<unsigned char>(s[k]));
    std::fprintf(stderr, "%s\n", s.size() > 48 ? " ..." : "");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    std::string_view raw(reinterpret_cast<const char*>(data), size);
    ord::mime::Limits lim;
    lim.max_depth = 16;
    lim.max_parts = 200;
    lim.max_headers = 200;
    lim.max_line_length = 4096;
    ord::mime::Message m = ord::mime::parse(raw, lim);

    auto ref = reference(raw);
    if (!ref || ref->empty()) return 0;
    // The parser gave up on the structure and the scanners read the raw bytes whole.
    if (m.scan_raw || m.headers_only) return 0;

    std::vector<std::string_view> ours;
    m.for_each_part([&](const ord::mime::Part& p) {
        if (!p.body.empty()) ours.push_back(p.body);
    });

    for (std::size_t r = 0; r < ref->size(); ++r) {
        const std::string& want = (*ref)[r];
        bool found = false;
        for (auto o : ours)
            if (o == want) found = true;
        if (found) continue;
        std::fprintf(stderr, "fuzz-mime-diff: reference part %zu (strict base64) is in no parsed part\n", r);
        std::fprintf(stderr, "reference view (%zu parts):\n", ref->size());
        for (const auto& s : *ref) dump("ref", s);
        std::fprintf(stderr, "our view (%zu non-empty bodies, scan_raw=%d headers_only=%d):\n", ours.size(),
                     m.scan_raw, m.headers_only);
        m.for_each_part([&](const ord::mime::Part& p) {
            std::string label = p.media_type() + " cte=" + p.transfer_encoding + (p.extracted ? " extracted" : "");
            dump(label.c_str(), p.body);
        });
        for (const auto& a : m.anomalies) std::fprintf(stderr, "  anomaly %s: %s\n", a.kind.c_str(), a.detail.c_str());
        std::abort();
    }
    return 0;
}
