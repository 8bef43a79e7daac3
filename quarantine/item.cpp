#include "quarantine/item.h"

#include <cstdio>
#include <ctime>

namespace ord::quarantine {
namespace {

std::vector<std::string_view> split_spaces(std::string_view line) {
    std::vector<std::string_view> out;
    std::size_t i = 0;
    while (i < line.size()) {
        std::size_t j = line.find(' ', i);
        if (j == std::string_view::npos) j = line.size();
        out.push_back(line.substr(i, j - i));
        i = j + 1;
    }
    return out;
}

}  // namespace

std::string_view state_name(RcptState s) {
    switch (s) {
        case RcptState::Held: return "held";
        case RcptState::Releasing: return "releasing";
        case RcptState::Released: return "released";
        case RcptState::Deleted: return "deleted";
    }
    return "held";
}

bool parse_state(std::string_view s, RcptState& out) {
    for (RcptState x : {RcptState::Held, RcptState::Releasing, RcptState::Released, RcptState::Deleted})
        if (state_name(x) == s) {
            out = x;
            return true;
        }
    return false;
}

bool Item::has_state(RcptState s) const {
    for (const auto& r : rcpts)
        if (r.state == s) return true;
    return false;
}

std::string Item::overall_state() const {
    if (has_state(RcptState::Releasing)) return "releasing";
    if (has_state(RcptState::Held)) return "held";
    if (has_state(RcptState::Released)) return "released";
    return rcpts.empty() ? "held" : "deleted";
}

std::string new_item_id(int64_t now, uint32_t random) {
    std::time_t t = static_cast<std::time_t>(now);
    std::tm tm{};
    ::gmtime_r(&t, &tm);
    char buf[64];
    std::strftime(buf, sizeof buf, "%Y%m%dT%H%M%SZ", &tm);
    char out[80];
    std::snprintf(out, sizeof out, "%s-%08x", buf, random);
    return out;
}

bool valid_id(std::string_view id) {
    if (id.empty() || id.size() > 64) return false;
    for (char c : id)
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-')) return false;
    return true;
}

std::string encode_value(std::string_view s) {
    static const char* hex = "0123456789ABCDEF";
    std::string out;
    out.reserve(s.size());
    for (unsigned char c : s) {
        if (c <= 0x20 || c >= 0x7f || c == '%') {
            out += '%';
            out += hex[c >> 4];
            out += hex[c & 15];
        } else {
            out += static_cast<char>(c);
        }
    }
    return out.empty() ? "%" : out;  // a lone '%' is the empty value, so no field is ever missing
}

Result<std::string> decode_value(std::string_view s) {
    if (s == "%") return std::string();
    std::string out;
    out.reserve(s.size());
    auto nib = [](char c) -> int {
        if (c >= '0' && c <= '9') return c - '0';
        if (c >= 'A' && c <= 'F') return c - 'A' + 10;
        if (c >= 'a' && c <= 'f') return c - 'a' + 10;
        return -1;
    };
    for (std::size_t i = 0; i < s.size(); ++i) {
        unsigned char c = static_cast<unsigned char>(s[i]);
        if (c == '%') {
            if (i + 2 >= s.size()) return Error{"format", "truncated %-escape"};
            int a = nib(s[i + 1]), b = nib(s[i + 2]);
            if (a < 0 || b < 0) return Error{"format", "bad %-escape"};
            out += static_cast<char>(a * 16 + b);
            i += 2;
        } else if (c <= 0x20 || c >= 0x7f) {
            return Error{"format", "raw control or non-ASCII byte in a value"};
        } else {
            out += static_cast<char>(c);
        }
    }
    return out;
}

// One record a line: a keyword and its values, each value percent-encoded.
std::string format_meta(const Item& it) {
    std::string m = "ordinance-quarantine 1\n";
    auto line = [&](const char* key, std::initializer_list<std::string_view> vals) {
        m += key;
        for (auto v : vals) m += " " + encode_value(v);
        m += "\n";
    };
    line("id", {it.id});
    line("time", {std::to_string(it.time)});
    line("queue_id", {it.queue_id});
    line("sender", {it.sender});
    line("identity", {it.identity});
    line("direction", {it.direction});
    line("client", {it.client_addr});
    line("subject", {it.subject});
    line("reason", {it.reason});
    line("size", {std::to_string(it.size)});
    for (const auto& r : it.rcpts) line("rcpt", {state_name(r.state), r.release_id, r.addr});
    for (const auto& f : it.findings) line("finding", {f.rule, f.category, f.action, f.reason, f.evidence, f.policy});
    for (const auto& mo : it.moderators) line("moderator", {mo});
    for (const auto& h : it.history) line("event", {std::to_string(h.time), h.who, h.what, h.detail});
    m += "end\n";
    return m;
}

Result<Item> parse_meta(std::string_view text) {
    Item it;
    std::size_t lineno = 0, pos = 0;
    bool header = false, end = false;
    auto fail = [&](const std::string& why) { return Error{"format", "meta line " + std::to_string(lineno) + ": " + why}; };
    while (pos < text.size()) {
        std::size_t nl = text.find('\n', pos);
        if (nl == std::string_view::npos) return Error{"format", "meta: last line unterminated (torn write)"};
        std::string_view line = text.substr(pos, nl - pos);
        pos = nl + 1;
        ++lineno;
        if (!header) {
            if (line != "ordinance-quarantine 1") return fail("not a quarantine item (version line)");
            header = true;
            continue;
        }
        if (line == "end") {
            end = true;
            break;
        }
        auto parts = split_spaces(line);
        if (parts.empty()) return fail("empty line");
        std::vector<std::string> v;
        for (std::size_t i = 1; i < parts.size(); ++i) {
            auto d = decode_value(parts[i]);
            if (!d) return fail(d.error().message);
            v.push_back(std::move(*d));
        }
        std::string_view key = parts[0];
        auto want = [&](std::size_t n) { return v.size() == n; };
        auto num = [&](const std::string& s, int64_t& out) {
            if (s.empty() || s.find_first_not_of("0123456789") != std::string::npos || s.size() > 18) return false;
            out = std::stoll(s);
            return true;
        };
        int64_t n = 0;
        if (key == "id" && want(1)) it.id = v[0];
        else if (key == "time" && want(1) && num(v[0], n)) it.time = n;
        else if (key == "queue_id" && want(1)) it.queue_id = v[0];
        else if (key == "sender" && want(1)) it.sender = v[0];
        else if (key == "identity" && want(1)) it.identity = v[0];
        else if (key == "direction" && want(1)) it.direction = v[0];
        else if (key == "client" && want(1)) it.client_addr = v[0];
        else if (key == "subject" && want(1)) it.subject = v[0];
        else if (key == "reason" && want(1)) it.reason = v[0];
        else if (key == "size" && want(1) && num(v[0], n)) it.size = static_cast<std::size_t>(n);
        else if (key == "rcpt" && want(3)) {
            Recipient r;
            if (!parse_state(v[0], r.state)) return fail("unknown recipient state");
            r.release_id = v[1];
            r.addr = v[2];
            it.rcpts.push_back(std::move(r));
        } else if (key == "finding" && want(6)) {
            it.findings.push_back({v[0], v[1], v[2], v[3], v[4], v[5]});
        } else if (key == "moderator" && want(1)) {
            it.moderators.push_back(v[0]);
        } else if (key == "event" && want(4) && num(v[0], n)) {
            it.history.push_back({n, v[1], v[2], v[3]});
        } else {
            return fail("unknown or malformed record '" + std::string(key.substr(0, 32)) + "'");
        }
    }
    if (!end) return Error{"format", "meta: no end line (torn write)"};
    if (!valid_id(it.id)) return Error{"format", "meta: invalid id"};
    return it;
}

}  // namespace ord::quarantine
