#include "mime/strip.h"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <set>
#include <vector>

#include "mime/codec.h"

namespace ord::mime {

std::string part_key(std::string_view body) {
    while (!body.empty() && (body.back() == '\n' || body.back() == '\r')) body.remove_suffix(1);
    std::uint64_t h = 1469598103934665603ull;  // FNV-1a 64
    for (unsigned char c : body) {
        h ^= c;
        h *= 1099511628211ull;
    }
    char buf[48];
    std::snprintf(buf, sizeof buf, "%016llx-%zu", static_cast<unsigned long long>(h), body.size());
    return buf;
}

namespace {

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
    return s;
}

struct Cut {
    std::size_t begin, end;  // entity bytes [begin, end) in raw: header block and body
    std::string text;        // what goes there instead
};

class Walker {
public:
    Walker(std::string_view raw, const std::map<std::string, std::string>& notices, const Limits& lim)
        : raw_(raw), notices_(notices), lim_(lim) {}

    // One entity in raw[b, e): its header block, then a multipart's children, an embedded
    // message, or a leaf body to judge.
    void entity(std::size_t b, std::size_t e, std::size_t depth) {
        std::string ct, cte;
        std::string* cur = nullptr;
        std::size_t pos = b, body = e;
        bool crlf = false;
        while (pos < e) {
            const char* nl = static_cast<const char*>(std::memchr(raw_.data() + pos, '\n', e - pos));
            std::size_t le = nl ? static_cast<std::size_t>(nl - raw_.data()) : e;
            std::string_view line = raw_.substr(pos, le - pos);
            if (!line.empty() && line.back() == '\r') {
                line.remove_suffix(1);
                crlf = true;
            }
            pos = nl ? le + 1 : e;
            if (line.empty()) {
                body = pos;
                break;
            }
            if (line.front() == ' ' || line.front() == '\t') {
                if (cur && cur->size() < 16384) cur->append(line);
                continue;
            }
            cur = nullptr;
            auto colon = line.find(':');
            if (colon == std::string_view::npos) continue;
            std::string_view name = trim(line.substr(0, colon));
            if (iequals(name, "content-type")) cur = &ct;
            else if (iequals(name, "content-transfer-encoding")) cur = &cte;
            if (cur) cur->assign(line.substr(colon + 1));
        }
        if (pos >= e && body == e) body = e;  // header block only
        std::string head;
        auto params = parse_params(ct, head);
        cte = to_lower(trim(cte));
        eol_ = crlf ? "\r\n" : "\n";

        if (head.rfind("multipart/", 0) == 0) {
            auto bd = params.find("boundary");
            if (bd == params.end() || bd->second.empty() || depth >= lim_.max_depth) return;
            children(body, e, bd->second, depth);
            return;
        }
        bool identity = cte.empty() || cte == "7bit" || cte == "8bit" || cte == "binary";
        if (head == "message/rfc822" && identity) {
            if (depth < lim_.max_depth) entity(body, e, depth + 1);
            return;
        }
        // A leaf, or a message/rfc822 in base64 or quoted-printable (the parser does not open
        // those; ClamAV does, and a ban inside one names the whole forwarded message).
        std::string_view enc = raw_.substr(body, e - body);
        bool ok = true;
        std::string decoded = identity ? std::string() : decode_transfer(enc, cte, ok);
        std::string_view content = identity ? enc : std::string_view(decoded);
        std::string notice;
        if (auto n = notices_.find(part_key(content)); n != notices_.end()) {
            found_.insert(n->first);
            notice = n->second;
        }
        // An encoded forwarded message cannot be cut into without re-encoding it: when a part
        // to strip is inside, the whole forwarded message goes, with the notices of all of them.
        if (head == "message/rfc822" && !identity && depth + 1 < lim_.max_depth) {
            std::string inner(content);
            Walker sub(inner, notices_, lim_);
            sub.entity(0, inner.size(), depth + 1);
            for (const auto& k : sub.found_) {
                found_.insert(k);
                const std::string& more = notices_.at(k);
                if (notice.find(more) == std::string::npos) notice += (notice.empty() ? "" : "\n\n") + more;
            }
        }
        if (notice.empty()) return;
        if (b == 0) {
            top_notice_ = notice;
            return;
        }
        std::string text = "Content-Type: text/plain; charset=utf-8" + eol_ + "Content-Disposition: inline" + eol_ +
                           "Content-Transfer-Encoding: 8bit" + eol_ + eol_ + with_eol(notice);
        cuts_.push_back({b, e, std::move(text)});
    }

    Stripped finish() {
        Stripped s;
        // The top-level body starts after the first empty line.
        std::size_t body = raw_.size();
        for (std::size_t pos = 0; pos < raw_.size();) {
            const char* nl = static_cast<const char*>(std::memchr(raw_.data() + pos, '\n', raw_.size() - pos));
            std::size_t le = nl ? static_cast<std::size_t>(nl - raw_.data()) : raw_.size();
            std::string_view line = raw_.substr(pos, le - pos);
            pos = nl ? le + 1 : raw_.size();
            if (line.empty() || line == "\r") {
                body = pos;
                break;
            }
        }
        if (!top_notice_.empty()) {
            s.top_replaced = true;
            s.removed = 1;
            s.body = with_eol(top_notice_);
        } else {
            std::sort(cuts_.begin(), cuts_.end(), [](const Cut& a, const Cut& b) { return a.begin < b.begin; });
            std::size_t at = body;
            for (const auto& c : cuts_) {
                if (c.begin < at) continue;  // nested in one already cut (cannot happen for leaves)
                s.body.append(raw_.substr(at, c.begin - at));
                s.body.append(c.text);
                at = c.end;
                ++s.removed;
            }
            s.body.append(raw_.substr(at));
        }
        for (const auto& [key, text] : notices_)
            if (!found_.count(key)) {
                s.missing = key;
                break;
            }
        return s;
    }

private:
    // The children of a multipart body raw[b, e) with this boundary. A delimiter line starts
    // with "--boundary"; the line break before it belongs to it (RFC 2046 section 5.1.1).
    void children(std::size_t b, std::size_t e, const std::string& boundary, std::size_t depth) {
        std::size_t pos = b, start = std::string::npos;
        std::size_t count = 0;
        while (pos < e) {
            const char* nl = static_cast<const char*>(std::memchr(raw_.data() + pos, '\n', e - pos));
            std::size_t le = nl ? static_cast<std::size_t>(nl - raw_.data()) : e;
            std::string_view line = raw_.substr(pos, le - pos);
            std::size_t line_start = pos;
            pos = nl ? le + 1 : e;
            if (line.size() < 2 + boundary.size() || line[0] != '-' || line[1] != '-' ||
                line.compare(2, boundary.size(), boundary) != 0)
                continue;
            std::string_view tail = line.substr(2 + boundary.size());
            bool closing = tail.size() >= 2 && tail[0] == '-' && tail[1] == '-';
            if (start != std::string::npos) {
                std::size_t end = line_start;
                if (end > start && raw_[end - 1] == '\n') --end;
                if (end > start && raw_[end - 1] == '\r') --end;
                if (++count <= lim_.max_parts) entity(start, std::max(start, end), depth + 1);
            }
            if (closing) return;
            start = pos;
        }
        if (start != std::string::npos && start < e && ++count <= lim_.max_parts) entity(start, e, depth + 1);
    }

    std::string with_eol(std::string_view text) const {
        while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.remove_suffix(1);
        std::string out;
        for (char c : text) {
            if (c == '\n') out += eol_;
            else if (c != '\r') out += c;
        }
        return out + eol_;
    }

    std::string_view raw_;
    const std::map<std::string, std::string>& notices_;
    const Limits& lim_;
    std::vector<Cut> cuts_;
    std::set<std::string> found_;
    std::string top_notice_;
    std::string eol_ = "\r\n";
};

}  // namespace

Stripped strip_parts(std::string_view raw, const std::map<std::string, std::string>& notices, const Limits& limits) {
    Walker w(raw, notices, limits);
    if (!notices.empty()) w.entity(0, raw.size(), 0);
    return w.finish();
}

std::string stripped_message(std::string_view raw, const Stripped& s) {
    std::string out;
    std::string eol = "\r\n";
    bool skipping = false;  // inside a field being dropped (its continuation lines too)
    for (std::size_t pos = 0; pos < raw.size();) {
        const char* nl = static_cast<const char*>(std::memchr(raw.data() + pos, '\n', raw.size() - pos));
        std::size_t le = nl ? static_cast<std::size_t>(nl - raw.data()) : raw.size();
        std::string_view line = raw.substr(pos, le - pos);
        std::string_view full = raw.substr(pos, (nl ? le + 1 : le) - pos);
        pos = nl ? le + 1 : raw.size();
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        else eol = "\n";
        if (line.empty()) break;
        if (line.front() == ' ' || line.front() == '\t') {
            if (!skipping) out.append(full);
            continue;
        }
        auto colon = line.find(':');
        std::string_view name = trim(colon == std::string_view::npos ? line : line.substr(0, colon));
        skipping = s.top_replaced && (iequals(name, "content-type") || iequals(name, "content-transfer-encoding") ||
                                      iequals(name, "content-disposition"));
        if (!skipping) out.append(full);
    }
    if (s.top_replaced)
        out += "Content-Type: text/plain; charset=utf-8" + eol + "Content-Transfer-Encoding: 8bit" + eol;
    out += eol;
    out += s.body;
    return out;
}

}  // namespace ord::mime
