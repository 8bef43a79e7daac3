#include "mime/parse.h"

#include <mimetic/mimetic.h>

#include <algorithm>
#include <cstring>
#include <exception>

#include "mime/codec.h"

namespace ord::mime {

bool Part::is_attachment() const {
    if (!filename.empty() || disposition == "attachment") return true;
    return type != "text" && type != "multipart" && type != "message";
}

namespace {

std::string trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r' || s.front() == '\n'))
        s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r' || s.back() == '\n'))
        s.remove_suffix(1);
    return std::string(s);
}

// Unfolds a header value: CRLF/LF followed by whitespace becomes that whitespace.
std::string unfold(std::string_view v) {
    std::string out;
    out.reserve(v.size());
    for (char c : v)
        if (c != '\r' && c != '\n') out += c;
    return trim(out);
}

void add(std::vector<Anomaly>& a, std::string kind, std::string detail) {
    for (const auto& x : a)
        if (x.kind == kind) return;  // one of each kind is enough to report
    a.push_back({std::move(kind), std::move(detail)});
}

// 7bit, 8bit, binary or none: the bytes are the content. A message/rfc822 in base64 or
// quoted-printable (not allowed by RFC 2046, sent all the same) is decoded and parsed on its own.
bool identity_encoding(std::string_view cte) {
    std::string v = to_lower(trim(cte));
    return v.empty() || v == "7bit" || v == "8bit" || v == "binary";
}

// ---------------------------------------------------------------------------
// Pre-scan: the limits, checked on raw bytes before mimetic sees them.
// It follows the structure just far enough to bound nesting depth, part count and
// header count the way mimetic's parser would see them.

struct ScanResult {
    bool structure_ok = true;  // false: do not hand the bytes to mimetic
    // The encoded bodies of message/rfc822 parts in base64 or quoted-printable, in document
    // order: mimetic reads such a body as the embedded message's header, so the bytes come from here.
    std::vector<std::string_view> encoded_messages;
    std::size_t delimited_parts = 0;  // parts opened by a delimiter line, nested messages included
    bool loose_delimiter = false;     // a delimiter line with more than white space after the boundary,
                                      // or one inside a part's header block
};

struct Frame {
    std::string boundary;  // empty for a message/rfc822 level
};

ScanResult prescan(std::string_view raw, const Limits& lim, std::vector<Anomaly>& an) {
    ScanResult r;
    if (raw.size() > lim.max_message_bytes) {
        add(an, "size", "message of " + std::to_string(raw.size()) + " bytes exceeds the parser limit of " +
                            std::to_string(lim.max_message_bytes));
        r.structure_ok = false;
        return r;
    }
    if (std::memchr(raw.data(), '\0', raw.size())) add(an, "nul", "NUL byte in message");
    for (const char* p = raw.data(); (p = static_cast<const char*>(std::memchr(p, '\r', raw.data() + raw.size() - p)));
         ++p) {
        if (p + 1 >= raw.data() + raw.size() || p[1] != '\n') {
            add(an, "bare_cr", "CR not followed by LF");
            break;
        }
    }

    std::vector<Frame> stack;
    bool in_header = true;
    size_t fields = 0;
    size_t field_bytes = 0;  // the current header field, folded lines together
    size_t parts = 1;
    bool in_ct = false, in_cte = false;
    std::string ct;      // unfolded Content-Type of the current header block
    std::string cte;     // and its Content-Transfer-Encoding
    const char* p = raw.data();
    const char* end = raw.data() + raw.size();
    const char* encoded_start = nullptr;  // inside an encoded message/rfc822 body
    auto end_encoded = [&](const char* at) {
        if (!encoded_start) return;
        const char* e = at;
        if (e > encoded_start && e[-1] == '\n') --e;
        if (e > encoded_start && e[-1] == '\r') --e;
        r.encoded_messages.emplace_back(encoded_start, static_cast<size_t>(std::max(e, encoded_start) - encoded_start));
        encoded_start = nullptr;
    };

    auto end_header_block = [&]() -> bool {
        in_header = false;
        std::string head;
        auto params = parse_params(ct, head);
        bool pushed = false;
        if (head.rfind("multipart/", 0) == 0) {
            auto b = params.find("boundary");
            if (b == params.end() || b->second.empty()) {
                add(an, "no_boundary", "multipart without a boundary parameter");
            } else {
                stack.push_back({b->second});
                pushed = true;
            }
        } else if (head == "message/rfc822" && identity_encoding(cte)) {
            stack.push_back({""});
            pushed = true;
            in_header = true;  // the body starts with the embedded message's header
        } else if (head == "message/rfc822") {
            encoded_start = p;  // the body starts after this empty line
        }
        ct.clear();
        cte.clear();
        in_ct = in_cte = false;
        fields = 0;
        if (pushed && stack.size() > lim.max_depth) {
            add(an, "depth", "MIME nesting deeper than " + std::to_string(lim.max_depth));
            return false;
        }
        return true;
    };

    while (p < end) {
        const char* nl = static_cast<const char*>(std::memchr(p, '\n', end - p));
        const char* le = nl ? nl : end;
        size_t len = le - p;
        if (len > 0 && p[len - 1] == '\r') --len;  // the line ending is not part of the line
        if (len > lim.max_line_length) {
            add(an, "line_length", "line of " + std::to_string(len) + " bytes exceeds " +
                                       std::to_string(lim.max_line_length));
            r.structure_ok = false;
            return r;
        }
        std::string_view line(p, len);
        p = nl ? nl + 1 : end;

        if (in_header) {
            if (line.empty()) {
                if (!end_header_block()) {
                    r.structure_ok = false;
                    return r;
                }
                continue;
            }
            bool folded = line.front() == ' ' || line.front() == '\t';
            field_bytes = (folded ? field_bytes : 0) + line.size() + 2;
            if (field_bytes > lim.max_header_bytes) {
                add(an, "header_size", "a header field of more than " + std::to_string(lim.max_header_bytes) + " bytes");
                r.structure_ok = false;
                return r;
            }
            if (folded) {
                if (in_ct && ct.size() < 16384) ct.append(line);
                if (in_cte && cte.size() < 256) cte.append(line);
                continue;
            }
            // A delimiter line before the blank line that ends a part's header: RFC 2046 ends the
            // part there, mimetic reads the line (and the parts after it) as that part's body.
            if (line.size() > 2 && line[0] == '-' && line[1] == '-' && line.find(':') == std::string_view::npos)
                for (const auto& f : stack)
                    if (!f.boundary.empty() && line.substr(2).compare(0, f.boundary.size(), f.boundary) == 0)
                        r.loose_delimiter = true;
            if (++fields > lim.max_headers) {
                add(an, "headers", "more than " + std::to_string(lim.max_headers) + " header fields");
                r.structure_ok = false;
                return r;
            }
            size_t colon = line.find(':');
            in_ct = colon != std::string_view::npos && iequals(trim(line.substr(0, colon)), "content-type");
            in_cte = colon != std::string_view::npos &&
                     iequals(trim(line.substr(0, colon)), "content-transfer-encoding");
            if (in_ct) ct.assign(line.substr(colon + 1));
            if (in_cte) cte.assign(line.substr(colon + 1, 256));
            continue;
        }
        // Body: only delimiter lines matter. mimetic also takes "--boundary" after other text
        // on a line ("preamble--b") as a delimiter, which RFC 2046 and mail clients do not:
        // two readings of where the parts start.
        // Only "--" after the line's start is looked at (memchr-fast; base64 has no '-').
        if (!r.loose_delimiter && line.size() > 3)
            for (std::size_t at = line.find("--", 1); at != std::string_view::npos && !r.loose_delimiter;
                 at = line.find("--", at + 1))
                for (const auto& f : stack)
                    if (!f.boundary.empty() && line.substr(at + 2).compare(0, f.boundary.size(), f.boundary) == 0)
                        r.loose_delimiter = true;
        if (line.size() < 3 || line[0] != '-' || line[1] != '-') continue;
        std::string_view rest = line.substr(2);
        for (size_t k = stack.size(); k-- > 0;) {
            const std::string& b = stack[k].boundary;
            if (b.empty() || rest.compare(0, b.size(), b) != 0) continue;
            std::string_view tail = rest.substr(b.size());
            bool closing = tail.size() >= 2 && tail[0] == '-' && tail[1] == '-';
            // RFC 2046 allows only white space after a delimiter; "--bogus" for boundary "b" is
            // a delimiter to mimetic (and here) but text to a strict client: two readings.
            if (tail.substr(closing ? 2 : 0).find_first_not_of(" \t") != std::string_view::npos) r.loose_delimiter = true;
            end_encoded(line.data());
            stack.resize(k + 1);
            if (closing) {
                stack.pop_back();
            } else {
                if (++parts > lim.max_parts) {
                    add(an, "parts", "more than " + std::to_string(lim.max_parts) + " MIME parts");
                    r.structure_ok = false;
                    return r;
                }
                in_header = true;
                fields = 0;
            }
            break;
        }
    }
    end_encoded(end);
    for (const auto& f : stack)
        if (!f.boundary.empty()) {
            add(an, "unclosed_boundary", "multipart boundary never closed");
            break;
        }
    r.delimited_parts = parts - 1;
    return r;
}

// ---------------------------------------------------------------------------
// Conversion from mimetic's tree to ours.

std::vector<HeaderField> convert_headers(const mimetic::Header& h, size_t max) {
    std::vector<HeaderField> out;
    for (const auto& f : h) {
        if (out.size() >= max) break;
        HeaderField hf;
        hf.name = std::string(f.name().begin(), f.name().end());
        hf.raw = unfold(f.value());
        hf.decoded = decode_rfc2047(hf.raw);
        out.push_back(std::move(hf));
    }
    return out;
}

const HeaderField* find(const std::vector<HeaderField>& hs, std::string_view name) {
    for (const auto& h : hs)
        if (iequals(h.name, name)) return &h;
    return nullptr;
}

// A multipart's preamble or epilogue that could hold a part: longer than a note, or with a
// delimiter line or a header field in it.
bool side_text_suspect(const std::string& text, const std::string& boundary) {
    if (text.size() > 1024) return true;
    if (!boundary.empty() && text.find("--" + boundary) != std::string::npos) return true;
    return to_lower(text).find("content-") != std::string::npos;
}

std::size_t count(const std::vector<HeaderField>& headers, std::string_view name) {
    std::size_t n = 0;
    for (const auto& h : headers) n += iequals(h.name, name);
    return n;
}

// uuencoded files read out of one text part, at most.
constexpr std::size_t kMaxInlineFiles = 100;

struct Converter {
    const Limits& lim;
    std::vector<Anomaly>& an;
    const std::vector<std::string_view>& encoded;  // ScanResult::encoded_messages
    size_t parts = 0;
    size_t mime_parts = 0;  // multipart children walked (parts also counts uuencoded files)
    size_t encoded_seen = 0;
    // Some bytes mimetic read are in no part of ours (a limit cut the walk short, or a
    // multipart held no parts): the message is then also scanned whole.
    bool lost = false;

    void entity(const mimetic::MimeEntity& e, Part& p, size_t depth) {
        p.headers = convert_headers(e.header(), lim.max_headers);
        std::string head;
        if (const auto* ct = find(p.headers, "content-type")) {
            p.params = parse_params(ct->raw, head);
            auto slash = head.find('/');
            if (slash != std::string::npos && slash > 0 && slash + 1 < head.size()) {
                p.type = head.substr(0, slash);
                p.subtype = head.substr(slash + 1);
            }
        }
        if (auto cs = p.params.find("charset"); cs != p.params.end()) p.charset = to_lower(trim(cs->second));
        p.transfer_encoding = "7bit";
        if (const auto* cte = find(p.headers, "content-transfer-encoding")) {
            std::string v = to_lower(trim(cte->raw));
            if (!v.empty()) p.transfer_encoding = v;
        }
        if (const auto* cd = find(p.headers, "content-disposition")) {
            std::string dhead;
            auto dparams = parse_params(cd->raw, dhead);
            p.disposition = dhead;
            if (auto fn = dparams.find("filename"); fn != dparams.end()) p.filename = fn->second;
        }
        if (p.filename.empty())
            if (auto nm = p.params.find("name"); nm != p.params.end()) p.filename = nm->second;
        if (!p.filename.empty()) {
            p.filename = decode_rfc2047(p.filename);
            for (unsigned char c : p.filename)
                if (c == '/' || c == '\\' || c < 0x20 || c == 0x7f) {
                    add(an, "filename", "attachment name contains a path separator or control character");
                    break;
                }
        }

        const auto& children = e.body().parts();
        bool rfc822 = p.type == "message" && p.subtype == "rfc822";
        if (!children.empty() && !rfc822 && p.type != "multipart") {
            // mimetic found parts where our reading of Content-Type sees none ("multipart" with
            // no subtype, say): they are what a lenient mail client shows, so they are walked as
            // multipart/mixed rather than left unread inside a leaf.
            add(an, "content_type", "parts inside a Content-Type that is not multipart/...: read as multipart/mixed");
            p.type = "multipart";
            p.subtype = "mixed";
        }
        // Where a mail client could read the structure otherwise than mimetic did, the message
        // is also scanned whole: a second Content-Type or transfer encoding (which one wins
        // differs between clients), a boundary read two ways (RFC 2231 continuations: mimetic
        // knows none), a multipart with no parts, or more than a note around its parts (the
        // preamble and epilogue, where a part after the closing boundary would sit).
        for (const char* name : {"content-type", "content-transfer-encoding"})
            if (count(p.headers, name) > 1) {
                add(an, "duplicate_header", std::string("more than one ") + name + " header in a part");
                lost = true;
            }
        if (p.type == "multipart") {
            auto b = p.params.find("boundary");
            const std::string& theirs = e.header().contentType().param("boundary");
            std::string ours = b == p.params.end() ? "" : b->second;
            if (ours != theirs) {  // both missing is the pre-scan's no_boundary
                add(an, "boundary", "the boundary parameter reads two ways");
                lost = true;
            }
            if (children.empty() || side_text_suspect(e.body().preamble(), theirs) ||
                side_text_suspect(e.body().epilogue(), theirs))
                lost = true;
        }
        if (p.type == "multipart" || (rfc822 && !children.empty())) {
            if (depth >= lim.max_depth) {
                add(an, "depth", "MIME nesting deeper than " + std::to_string(lim.max_depth));
                lost = true;
                return;
            }
        }
        if (p.type == "message" && p.subtype == "rfc822" && !identity_encoding(p.transfer_encoding)) {
            // Decoded and parsed as a message of its own; the pre-scan kept its bytes.
            std::string_view bytes = encoded_seen < encoded.size() ? encoded[encoded_seen] : std::string_view();
            ++encoded_seen;
            leaf(bytes, p);
            if (depth + 1 >= lim.max_depth) return;
            Limits inner_lim = lim;
            inner_lim.max_depth = lim.max_depth - depth - 1;
            auto m = std::make_shared<Message>(parse(p.body, inner_lim));
            for (const auto& a : m->anomalies) add(an, a.kind, a.detail);
            m->raw = {};  // p.body may move; the leaf keeps the bytes for a whole scan
            // Opened only when it parsed: else the part stays a leaf and is scanned whole.
            if (!m->headers_only) p.embedded = std::move(m);
            return;
        }
        if (p.type == "message" && p.subtype == "rfc822" && !children.empty()) {
            auto m = std::make_shared<Message>();
            const mimetic::MimeEntity& inner = *children.front();
            m->raw_size = e.body().size();
            entity(inner, m->root, depth + 1);
            m->headers = m->root.headers;
            p.embedded = std::move(m);
            return;
        }
        if (p.type == "multipart") {
            for (const auto* child : children) {
                if (++parts > lim.max_parts) {
                    add(an, "parts", "more than " + std::to_string(lim.max_parts) + " MIME parts");
                    lost = true;
                    return;
                }
                ++mime_parts;
                p.children.emplace_back();
                entity(*child, p.children.back(), depth + 1);
            }
            return;
        }
        leaf(e.body(), p);
    }

    void leaf(std::string_view body, Part& p) {
        p.encoded_size = body.size();
        bool ok = true;
        std::string uu_name;
        p.body = decode_transfer(body, p.transfer_encoding, ok, &uu_name);
        if (!ok) {
            const std::string& cte = p.transfer_encoding;
            add(an, cte == "quoted-printable" ? "quoted_printable" : cte == "base64" ? "base64" : "uuencode",
                "invalid " + cte + " in a " + p.media_type() + " part");
        }
        // A uuencoded body's begin-line name is one the file may be saved under: the attachment
        // policy sees it too.
        if (!uu_name.empty()) {
            if (p.filename.empty()) p.filename = uu_name;
            else if (uu_name != p.filename && !p.params.count("name")) p.params["name"] = uu_name;
        }
        if (p.type == "text") {
            p.text = to_utf8(p.body, p.charset);
            if (p.subtype == "html") p.text = html_to_text(p.text);
        }
        if (p.type == "text" && p.subtype == "plain")
            for (auto& f : find_uuencoded(p.body, kMaxInlineFiles)) {
                if (++parts > lim.max_parts) {
                    add(an, "parts", "more than " + std::to_string(lim.max_parts) + " MIME parts");
                    lost = true;
                    break;
                }
                Part file;
                file.type = "application";
                file.subtype = "octet-stream";
                file.filename = std::move(f.name);
                file.disposition = "attachment";
                file.transfer_encoding = "x-uuencode";
                file.encoded_size = f.data.size();
                file.body = std::move(f.data);
                file.extracted = true;
                p.inline_files.push_back(std::move(file));
            }
    }
};

void drop_encoded_messages(Part& p) {
    if (p.type == "message" && p.subtype == "rfc822" && !identity_encoding(p.transfer_encoding)) {
        p.embedded.reset();
        p.body.clear();
    }
    for (auto& c : p.children) drop_encoded_messages(c);
}

// Headers-only parse, for messages whose structure broke a limit: bounded, no mimetic.
void parse_headers_only(std::string_view raw, const Limits& lim, Message& m) {
    const char* p = raw.data();
    const char* end = raw.data() + raw.size();
    HeaderField* cur = nullptr;
    constexpr size_t kMaxValue = 16384;
    while (p < end && m.headers.size() <= lim.max_headers) {
        const char* nl = static_cast<const char*>(std::memchr(p, '\n', end - p));
        const char* le = nl ? nl : end;
        std::string_view line(p, le - p);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        p = nl ? nl + 1 : end;
        if (line.empty()) break;
        if (line.front() == ' ' || line.front() == '\t') {
            if (cur && cur->raw.size() < kMaxValue) cur->raw.append(line.substr(0, kMaxValue - cur->raw.size()));
            continue;
        }
        if (m.headers.size() == lim.max_headers) break;
        size_t colon = line.find(':');
        if (colon == std::string_view::npos || colon > 256) {
            cur = nullptr;
            continue;
        }
        m.headers.push_back({trim(line.substr(0, colon)), std::string(line.substr(colon + 1, kMaxValue)), {}});
        cur = &m.headers.back();
    }
    for (auto& h : m.headers) {
        h.raw = trim(h.raw);
        h.decoded = decode_rfc2047(h.raw);
    }
    m.root.headers = m.headers;
    if (const auto* ct = find(m.headers, "content-type")) {
        std::string head;
        m.root.params = parse_params(ct->raw, head);
        auto slash = head.find('/');
        if (slash != std::string::npos && slash > 0) {
            m.root.type = head.substr(0, slash);
            m.root.subtype = head.substr(slash + 1);
        }
    }
    m.root.encoded_size = static_cast<size_t>(end - p);
}

// Text read from the body of a message whose structure broke a limit, so that the content
// checks still see it: a simple walk over delimiter lines ("--..."), each segment's header
// block skipped but for its transfer encoding, base64 and quoted-printable bodies decoded, the
// rest kept as it is (long lines included). Linear, and at most `cap` bytes.
std::string salvage_text(std::string_view body, std::string top_cte, bool top_text, std::size_t cap) {
    std::string out, seg;
    std::string cte = to_lower(trim(top_cte));
    bool text_seg = top_text;  // a non-text segment (an attachment) is no text to match
    bool in_header = false;
    auto flush = [&] {
        if (!text_seg) seg.clear();
        bool ok = true;
        std::string bytes = cte == "base64" || cte == "quoted-printable" ? decode_transfer(seg, cte, ok) : seg;
        std::string text = to_utf8(bytes, "");
        if (out.size() < cap) out.append(text, 0, cap - out.size());
        seg.clear();
    };
    const char* p = body.data();
    const char* end = body.data() + body.size();
    while (p < end && out.size() + seg.size() < 2 * cap) {
        const char* nl = static_cast<const char*>(std::memchr(p, '\n', end - p));
        std::string_view line(p, (nl ? nl : end) - p);
        p = nl ? nl + 1 : end;
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        if (line.size() >= 3 && line[0] == '-' && line[1] == '-' && line.find(' ') == std::string_view::npos) {
            flush();
            cte.clear();
            text_seg = true;  // RFC 2045: text/plain when no Content-Type says otherwise
            in_header = true;
            continue;
        }
        if (in_header) {
            if (line.empty()) {
                in_header = false;
                continue;
            }
            size_t colon = line.find(':');
            if (colon != std::string_view::npos && iequals(trim(line.substr(0, colon)), "content-transfer-encoding"))
                cte = to_lower(trim(line.substr(colon + 1, 64)));
            if (colon != std::string_view::npos && iequals(trim(line.substr(0, colon)), "content-type")) {
                std::string t = to_lower(trim(line.substr(colon + 1, 64)));
                text_seg = t.rfind("text/", 0) == 0 || t.rfind("message/", 0) == 0 || t.rfind("multipart/", 0) == 0;
            }
            if (colon != std::string_view::npos || line.front() == ' ' || line.front() == '\t') continue;
            in_header = false;  // not a header line after all: text
        }
        seg.append(line).push_back('\n');
    }
    flush();
    return out;
}

// The structure broke a limit: the salvaged text goes where the content checks read it, in a
// part marked `extracted` (it has no MIME part of its own and cannot be cut out).
void add_salvaged_text(std::string_view raw, const Limits& lim, Message& m) {
    if (lim.max_salvage_bytes == 0 || m.root.encoded_size > raw.size()) return;
    std::string_view body = raw.substr(raw.size() - m.root.encoded_size);
    const auto* cte = find(m.headers, "content-transfer-encoding");
    bool multi = m.root.is_multipart();
    std::string text = salvage_text(body, multi || !cte ? "" : cte->raw, multi || m.root.type == "text" || m.root.type == "message",
                                    lim.max_salvage_bytes);
    if (text.empty()) return;
    Part part;
    part.extracted = true;
    part.body = text;
    part.text = std::move(text);
    part.charset = "utf-8";
    if (m.root.is_multipart()) {
        part.disposition = "inline";
        m.root.children.push_back(std::move(part));
    } else {
        m.root.type = "text";
        m.root.subtype = "plain";
        m.root.body = std::move(part.body);
        m.root.text = std::move(part.text);
    }
}

// mimetic gave up part way (it throws std::out_of_range on some malformed boundaries): the
// parts it made are not to be trusted, so the message is read as when the prescan finds its
// structure broken: headers only, and the raw bytes marked for ClamAV's own mail parser, so
// that nothing in it goes unscanned.
Message headers_only_fallback(std::string_view raw, const Limits& limits, Message m) {
    m.root = Part{};
    m.headers.clear();
    m.headers_only = m.scan_raw = true;
    try {
        parse_headers_only(raw, limits, m);
    } catch (...) {
        add(m.anomalies, "parser", "header block unreadable");
    }
    return m;
}

}  // namespace

std::string Message::header(std::string_view name) const {
    const auto* h = find(headers, name);
    return h ? h->decoded : std::string();
}

bool Message::has_header(std::string_view name) const { return find(headers, name) != nullptr; }

Message parse(std::string_view raw, const Limits& limits) {
    Message m;
    m.raw_size = raw.size();
    m.raw = raw;
    try {
        ScanResult scan = prescan(raw, limits, m.anomalies);
        if (!scan.structure_ok) {
            m.headers_only = m.scan_raw = true;
            parse_headers_only(raw, limits, m);
            add_salvaged_text(raw, limits, m);
            return m;
        }
        // Built first, then loaded: when mimetic throws inside load(), `me` is a complete object
        // whose destructor frees the parts made so far. (Loading in the constructor leaked them:
        // a constructor that throws never runs its destructor.)
        mimetic::MimeEntity me;
        me.load(raw.data(), raw.data() + raw.size());
        Converter conv{limits, m.anomalies, scan.encoded_messages};
        conv.entity(me, m.root, 0);
        m.headers = m.root.headers;
        // The pre-scan's count of delimiter lines and mimetic's count of parts differ: the
        // structure reads two ways (a delimiter with text after it, say), and a mail client may
        // take the other reading, so the whole message is scanned as well.
        if (conv.lost || conv.mime_parts != scan.delimited_parts || scan.loose_delimiter) m.scan_raw = true;
        if (conv.encoded_seen != scan.encoded_messages.size()) {
            // The two readings of the structure disagree on the encoded forwarded messages:
            // none of them is trusted, and the raw message is to be scanned whole.
            add(m.anomalies, "encoded_message", "encoded message/rfc822 parts could not be located");
            drop_encoded_messages(m.root);
            m.scan_raw = true;
        }
    } catch (const std::bad_alloc&) {
        add(m.anomalies, "parser", "out of memory while parsing");
        return headers_only_fallback(raw, limits, std::move(m));
    } catch (const std::exception& e) {
        add(m.anomalies, "parser", std::string("parser error: ") + e.what());
        return headers_only_fallback(raw, limits, std::move(m));
    } catch (...) {
        add(m.anomalies, "parser", "parser error");
        return headers_only_fallback(raw, limits, std::move(m));
    }
    return m;
}

}  // namespace ord::mime
