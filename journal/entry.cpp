#include "journal/entry.h"

#include <algorithm>
#include <set>

#include "base/text.h"
#include "journal/codec.h"

namespace ord::journal {

std::vector<std::string> addresses_in(std::string_view v) {
    std::vector<std::string> out;
    auto stop = [](char c) {
        return c == ' ' || c == '\t' || c == '<' || c == '>' || c == ',' || c == ';' || c == '"' || c == '(' ||
               c == ')' || c == '\r' || c == '\n' || c == ':' || c == '[' || c == ']';
    };
    for (size_t at = v.find('@'); at != std::string_view::npos; at = v.find('@', at + 1)) {
        size_t b = at, e = at + 1;
        while (b > 0 && !stop(v[b - 1])) --b;
        while (e < v.size() && !stop(v[e])) ++e;
        if (b == at || e == at + 1) continue;
        std::string a = ascii_lower(std::string(v.substr(b, e - b)));
        if (std::find(out.begin(), out.end(), a) == out.end()) out.push_back(a);
        at = e - 1;
    }
    return out;
}

std::vector<std::string> JournalEntry::participants() const {
    std::vector<std::string> out;
    std::set<std::string> seen;
    auto add = [&](const std::string& a) {
        std::string l = ascii_lower(a);
        if (l.find('@') == std::string::npos) return;
        if (seen.insert(l).second) out.push_back(l);
    };
    add(mail_from);
    add(auth_login);
    for (const auto& r : rcpts) add(r);
    for (const auto* list : {&header_from, &header_to, &header_cc})
        for (const auto& a : *list) add(a);
    return out;
}

std::string entry_key(const JournalEntry& e) { return "entries/" + day_path(e.time) + "/" + e.id + ".ojm"; }

namespace {
constexpr std::string_view kMagic = "ORDINANCE-JOURNAL 1\n";

void field(std::string& out, std::string_view k, std::string_view v) {
    out.append(k).append(": ").append(escape_value(v)).append("\n");
}
}  // namespace

Result<std::string> serialize_entry(const JournalEntry& e, std::string_view raw) {
    std::string out(kMagic);
    field(out, "id", e.id);
    field(out, "time", std::to_string(e.time));
    field(out, "date", iso_utc(e.time));
    field(out, "queue_id", e.queue_id);
    field(out, "message_id", e.message_id);
    field(out, "mail_from", e.mail_from);
    for (const auto& r : e.rcpts) field(out, "rcpt", r);
    field(out, "auth", e.auth_login);
    field(out, "client_addr", e.client_addr);
    field(out, "subject", e.subject);
    for (const auto& a : e.header_from) field(out, "header_from", a);
    for (const auto& a : e.header_to) field(out, "header_to", a);
    for (const auto& a : e.header_cc) field(out, "header_cc", a);
    field(out, "verdict", e.verdict);
    field(out, "reason", e.reason);
    for (const auto& f : e.findings) field(out, "finding", f.rule + "\t" + f.action + "\t" + f.reason);
    field(out, "retention", e.retention_class);
    field(out, "size", std::to_string(e.size));
    std::string frame;
    if (e.has_body) {
        auto z = zstd_compress(raw);
        if (!z) return z.error();
        frame = std::move(*z);
        field(out, "raw_sha256", e.raw_sha256.empty() ? sha256_hex(raw) : e.raw_sha256);
        field(out, "body", "zstd " + std::to_string(frame.size()));
    } else {
        field(out, "body", "none");
    }
    out += "\n";
    out += frame;
    return out;
}

namespace {
Result<JournalEntry> parse_entry_unguarded(std::string_view bytes, std::string* raw) {
    if (bytes.substr(0, kMagic.size()) != kMagic) return Error{"format", "not a journal entry"};
    JournalEntry e;
    size_t pos = kMagic.size();
    size_t body_len = 0;
    bool body = false, ended = false;
    while (pos < bytes.size()) {
        size_t nl = bytes.find('\n', pos);
        if (nl == std::string_view::npos) return Error{"format", "truncated entry header"};
        std::string_view line = bytes.substr(pos, nl - pos);
        pos = nl + 1;
        if (line.empty()) {
            ended = true;
            break;
        }
        size_t colon = line.find(": ");
        if (colon == std::string_view::npos) return Error{"format", "bad entry header line"};
        std::string_view k = line.substr(0, colon);
        std::string v = unescape_value(line.substr(colon + 2));
        if (k == "id") e.id = v;
        else if (k == "time") e.time = std::stoll(v);
        else if (k == "queue_id") e.queue_id = v;
        else if (k == "message_id") e.message_id = v;
        else if (k == "mail_from") e.mail_from = v;
        else if (k == "rcpt") e.rcpts.push_back(v);
        else if (k == "auth") e.auth_login = v;
        else if (k == "client_addr") e.client_addr = v;
        else if (k == "subject") e.subject = v;
        else if (k == "header_from") e.header_from.push_back(v);
        else if (k == "header_to") e.header_to.push_back(v);
        else if (k == "header_cc") e.header_cc.push_back(v);
        else if (k == "verdict") e.verdict = v;
        else if (k == "reason") e.reason = v;
        else if (k == "retention") e.retention_class = v;
        else if (k == "size") e.size = std::stoull(v);
        else if (k == "raw_sha256") e.raw_sha256 = v;
        else if (k == "finding") {
            JournalFinding f;
            size_t t1 = v.find('\t'), t2 = t1 == std::string::npos ? t1 : v.find('\t', t1 + 1);
            f.rule = v.substr(0, t1);
            if (t1 != std::string::npos) f.action = v.substr(t1 + 1, t2 == std::string::npos ? t2 : t2 - t1 - 1);
            if (t2 != std::string::npos) f.reason = v.substr(t2 + 1);
            e.findings.push_back(std::move(f));
        } else if (k == "body") {
            if (v.rfind("zstd ", 0) == 0) {
                body = true;
                body_len = std::stoull(v.substr(5));
            }
        }
    }
    if (!ended) return Error{"format", "truncated entry header"};
    e.has_body = body;
    if (body && pos + body_len != bytes.size()) return Error{"format", "entry body length does not match"};
    if (!body && pos != bytes.size()) return Error{"format", "trailing bytes after entry"};
    if (raw && body) {
        auto r = zstd_decompress(bytes.substr(pos, body_len));
        if (!r) return r.error();
        if (sha256_hex(*r) != e.raw_sha256) return Error{"format", "raw message does not match its SHA-256"};
        *raw = std::move(*r);
    }
    return e;
}
}  // namespace

Result<JournalEntry> parse_entry(std::string_view bytes, std::string* raw) {
    try {
        return parse_entry_unguarded(bytes, raw);
    } catch (const std::exception&) {  // std::stoll on a damaged number
        return Error{"format", "bad number in entry header"};
    }
}

}  // namespace ord::journal
