#include "journal/records.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <map>
#include <set>

#include "base/address.h"
#include "base/log.h"
#include "journal/codec.h"

namespace ord::journal {

// ------------------------------------------------------------------ chained log

namespace {
// Reads fields into `out` until the line ends or one is malformed (what came before stays).
Result<Ok> read_fields(std::string_view l, Fields& out) {
    size_t p = 0;
    auto bad = [&](const std::string& why) {
        return Error{"format", "field " + std::to_string(out.size() + 1) + " (byte " + std::to_string(p) + "): " + why};
    };
    auto hex = [](char c) -> int {
        if (c >= '0' && c <= '9') return c - '0';
        if (c >= 'a' && c <= 'f') return c - 'a' + 10;
        if (c >= 'A' && c <= 'F') return c - 'A' + 10;
        return -1;
    };
    while (p < l.size()) {
        if (l[p] == ' ') {
            ++p;
            continue;
        }
        size_t k = p;
        while (p < l.size() && (std::isalnum(static_cast<unsigned char>(l[p])) || l[p] == '_')) ++p;
        if (p == k || p >= l.size() || l[p] != '=') return bad("expected key=value");
        std::string key(l.substr(k, p - k)), value;
        ++p;
        if (p < l.size() && l[p] == '"') {
            bool closed = false;
            for (++p; p < l.size(); ++p) {
                char c = l[p];
                if (c == '"') {
                    closed = true;
                    ++p;
                    break;
                }
                if (c != '\\') {
                    value += c;
                    continue;
                }
                if (p + 1 >= l.size()) return bad("escape at the end of the line");
                char n = l[++p];
                if (n == '"' || n == '\\') {
                    value += n;
                } else if (n == 'x' && p + 2 < l.size() && hex(l[p + 1]) >= 0 && hex(l[p + 2]) >= 0) {
                    value += static_cast<char>(hex(l[p + 1]) * 16 + hex(l[p + 2]));
                    p += 2;
                } else {
                    return bad("unknown escape in the value of " + key);
                }
            }
            if (!closed) return bad("the quoted value of " + key + " is not closed");
            if (p < l.size() && l[p] != ' ') return bad("text after the quoted value of " + key);
        } else {
            size_t e = l.find(' ', p);
            value = std::string(l.substr(p, e == std::string_view::npos ? std::string_view::npos : e - p));
            if (value.find_first_of("\"=\\") != std::string::npos) return bad("unquoted value of " + key + " holds \" = or \\");
            p = e == std::string_view::npos ? l.size() : e;
        }
        out.emplace_back(std::move(key), std::move(value));
    }
    return Ok{};
}
}  // namespace

Result<Fields> parse_fields(std::string_view l) {
    Fields out;
    if (auto r = read_fields(l, out); !r) return r.error();
    return out;
}

std::string field_of(const std::string& line, const std::string& key) {
    auto fields = parse_fields(line);
    if (!fields) return "";
    for (const auto& [k, v] : *fields)
        if (k == key) return v;
    return "";
}

void ChainedLog::take_head() {
    // Continue from the last recorded hash even if an earlier line is bad: verify reports it.
    size_t end = text_.size();
    if (end && text_.back() == '\n') {
        size_t start = end >= 2 ? text_.rfind('\n', end - 2) : std::string::npos;
        start = start == std::string::npos ? 0 : start + 1;
        std::string last = text_.substr(start, end - 1 - start);
        size_t hp = last.rfind(" hash=");  // the last field, as lines() reads it
        std::string h = hp == std::string::npos ? "" : last.substr(hp + 6);
        if (h.size() == 64) head_ = h;
    }
}

Result<ChainedLog> ChainedLog::open(JournalStore& store, const std::string& name) {
    ChainedLog l(store, name);
    auto text = store.read_log(name);
    if (!text) return text.error();
    l.text_ = std::move(*text);
    l.take_head();
    return l;
}

Result<Ok> ChainedLog::append(const std::string& line) {
    // Under the store's lock, after what another writer (a second purge, a hold added
    // meanwhile) appended since this log was read: the log stays one chain.
    auto held = StoreLock::take(*store_);
    if (!held) return held.error();
    auto more = store_->read_log_from(name_, text_.size());
    if (!more) return more.error();
    if (!more->empty()) {
        text_ += *more;
        take_head();
    }
    std::string h = sha256_hex(head_ + "\n" + line);
    std::string full = line + " hash=" + h + "\n";
    if (auto r = store_->append(name_, full); !r) return r;
    text_ += full;
    head_ = h;
    return Ok{};
}

std::vector<std::string> ChainedLog::lines(std::vector<std::string>* problems) const {
    std::vector<std::string> out;
    std::string head = kChainGenesis;
    size_t pos = 0, n = 0;
    while (pos < text_.size()) {
        size_t nl = text_.find('\n', pos);
        if (nl == std::string::npos) {
            if (problems) problems->push_back(name_ + ": torn last line");
            break;
        }
        std::string line = text_.substr(pos, nl - pos);
        pos = nl + 1;
        ++n;
        size_t hp = line.rfind(" hash=");
        if (hp == std::string::npos) {
            if (problems) problems->push_back(name_ + " line " + std::to_string(n) + ": no hash");
            continue;
        }
        std::string body = line.substr(0, hp), h = line.substr(hp + 6);
        if (sha256_hex(head + "\n" + body) != h && problems)
            problems->push_back(name_ + " line " + std::to_string(n) + ": altered, removed or reordered (hash does not follow)");
        head = h;
        out.push_back(body);
    }
    return out;
}

// ------------------------------------------------------------------ holds

namespace {
std::string join(const std::vector<std::string>& v, char sep = ',') {
    std::string out;
    for (const auto& s : v) out += (out.empty() ? "" : std::string(1, sep)) + s;
    return out;
}
std::vector<std::string> split(const std::string& s, char sep = ',') {
    std::vector<std::string> out;
    size_t p = 0;
    while (p <= s.size() && !s.empty()) {
        size_t e = s.find(sep, p);
        if (e == std::string::npos) e = s.size();
        if (e > p) out.push_back(s.substr(p, e - p));
        p = e + 1;
    }
    return out;
}
}  // namespace

Result<HoldEvent> parse_hold_event(std::string_view line) {
    auto fields = parse_fields(line);
    if (!fields) return fields.error();
    std::map<std::string, std::string> f;
    for (const auto& [k, v] : *fields)
        if (!f.emplace(k, v).second) return Error{"format", "field " + k + " appears twice"};
    auto take = [&](const char* key) -> std::optional<std::string> {
        auto it = f.find(key);
        if (it == f.end()) return std::nullopt;
        std::string v = std::move(it->second);
        f.erase(it);
        return v;
    };
    HoldEvent ev;
    auto event = take("event"), name = take("name"), time = take("time");
    if (!event || (*event != "hold_add" && *event != "hold_release"))
        return Error{"format", "event is not hold_add or hold_release"};
    ev.event = *event;
    if (!name || name->empty()) return Error{"format", "no hold name"};
    ev.hold.name = *name;
    auto t = time ? parse_utc(*time) : std::nullopt;
    if (!t) return Error{"format", "time is missing or not a date"};
    ev.time = *t;
    if (auto by = take("by")) ev.hold.added_by = *by;
    if (ev.event == "hold_add") {
        ev.hold.added = ev.time;
        auto c = take("custodians");
        if (c) ev.hold.custodians = split(*c);
        if (ev.hold.custodians.empty()) return Error{"format", "no custodians"};
        for (const char* key : {"since", "until"})
            if (auto d = take(key)) {
                auto v = parse_utc(*d);
                if (!v) return Error{"format", std::string(key) + " '" + *d + "' is not a date"};
                (key[0] == 's' ? ev.hold.since : ev.hold.until) = *v;
            }
        if (auto q = take("query")) {
            if (q->empty()) return Error{"format", "empty query"};
            ev.hold.query = *q;
        }
    }
    if (!f.empty()) return Error{"format", "unknown field " + f.begin()->first};
    return ev;
}

std::string hold_add_line(const LegalHold& h, int64_t now) {
    std::string line = "time=" + iso_utc(now) + " event=hold_add name=" + log::quote(h.name) +
                       " by=" + log::quote(h.added_by) + " custodians=" + log::quote(join(h.custodians));
    if (h.since) line += " since=" + iso_utc(*h.since);
    if (h.until) line += " until=" + iso_utc(*h.until);
    if (!h.query.empty()) line += " query=" + log::quote(h.query);
    return line;
}

Result<Ok> validate_hold(const JournalIndex& index, const LegalHold& h) {
    auto name_char = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.'; };
    if (h.name.empty() || h.name.size() > 128 || !std::all_of(h.name.begin(), h.name.end(), name_char))
        return Error{"usage", "a hold name is one word of letters, digits, - _ . (at most 128)"};
    if (h.custodians.empty()) return Error{"usage", "a hold needs at least one --custodian"};
    for (const auto& c : h.custodians) {
        bool bad = c.empty() || c == "@" || c.back() == '@' || std::count(c.begin(), c.end(), '@') > 1;
        for (unsigned char ch : c) bad = bad || ch <= ' ' || ch == 0x7f || ch == ',' || ch == '"' || ch == '\\';
        if (bad)
            return Error{"usage", "custodian '" + c +
                                      "' is not an address, @domain or domain (no spaces, commas, quotes or controls)"};
    }
    if (h.since && h.until && *h.since >= *h.until)
        return Error{"usage", "--since " + iso_utc(*h.since) + " is not before --until " + iso_utc(*h.until)};
    if (!h.query.empty()) {
        if (h.query.find_first_not_of(" \t") == std::string::npos)
            return Error{"usage", "--query is empty (leave it out to hold every message of the custodians)"};
        SearchQuery q;
        q.fts = h.query;
        if (auto r = index.check_text_query(q); !r)
            return Error{"usage", "--query '" + h.query + "' is not a valid FTS5 query: " + r.error().message};
    }
    return Ok{};
}

namespace {
struct HoldState {
    std::map<std::string, LegalHold> active;
    std::map<std::string, std::string> unreadable;  // hold name (or "line N") -> why
};

Result<HoldState> read_holds(JournalStore& store) {
    auto log = ChainedLog::open(store, "holds.log");
    if (!log) return log.error();
    HoldState st;
    size_t n = 0;
    for (const auto& l : log->lines()) {
        ++n;
        auto ev = parse_hold_event(l);
        if (!ev) {
            // Which hold it was, if the fields before the damage say: a release can end it.
            Fields before;
            (void)read_fields(l, before);
            std::string name, event;
            for (const auto& [k, v] : before) {
                if (k == "name" && name.empty()) name = v;
                if (k == "event" && event.empty()) event = v;
            }
            bool add = event == "hold_add" && !name.empty();
            std::string key = add ? name : "line " + std::to_string(n);
            st.unreadable[key] = "holds.log line " + std::to_string(n) + (add ? " (hold " + name + ")" : "") +
                                 " cannot be read: " + ev.error().message;
            if (add) st.active.erase(name);
            continue;
        }
        st.unreadable.erase(ev->hold.name);
        if (ev->event == "hold_add") st.active[ev->hold.name] = ev->hold;
        else st.active.erase(ev->hold.name);
    }
    return st;
}
}  // namespace

Result<std::vector<LegalHold>> active_holds(JournalStore& store, std::vector<std::string>* unreadable) {
    auto st = read_holds(store);
    if (!st) return st.error();
    if (!st->unreadable.empty()) {
        if (!unreadable) return Error{"holds", st->unreadable.begin()->second};
        for (const auto& [k, why] : st->unreadable) unreadable->push_back(why);
    }
    std::vector<LegalHold> out;
    for (auto& [k, v] : st->active) out.push_back(std::move(v));
    return out;
}

Result<Ok> add_hold(JournalStore& store, const JournalIndex& index, const LegalHold& h, int64_t now) {
    if (auto v = validate_hold(index, h); !v) return v;
    auto held = StoreLock::take(store);  // the check for a same-named hold and the append, as one
    if (!held) return held.error();
    auto st = read_holds(store);
    if (!st) return st.error();
    if (st->active.count(h.name)) return Error{"usage", "a hold named '" + h.name + "' is already active"};
    if (auto u = st->unreadable.find(h.name); u != st->unreadable.end())
        return Error{"usage", u->second + "; release it (hold release " + h.name + ") before adding it again"};
    auto log = ChainedLog::open(store, "holds.log");
    if (!log) return log.error();
    return log->append(hold_add_line(h, now));
}

Result<Ok> release_hold(JournalStore& store, const std::string& name, const std::string& by, int64_t now) {
    auto held = StoreLock::take(store);  // the check and the append, as one
    if (!held) return held.error();
    auto st = read_holds(store);
    if (!st) return st.error();
    if (!st->active.count(name) && !st->unreadable.count(name))
        return Error{"usage", "no active hold named '" + name + "'"};
    auto log = ChainedLog::open(store, "holds.log");
    if (!log) return log.error();
    return log->append("time=" + iso_utc(now) + " event=hold_release name=" + log::quote(name) + " by=" + log::quote(by));
}

Result<std::vector<std::string>> holds_covering(const JournalIndex& index, const IndexRow& row,
                                                const std::vector<LegalHold>& holds) {
    std::vector<std::string> out;
    if (holds.empty()) return out;
    auto parts = index.participants_of(row.rowid);
    if (!parts) return parts.error();
    for (const auto& h : holds) {
        if (h.since && row.time < *h.since) continue;
        if (h.until && row.time >= *h.until) continue;
        bool who = false;
        for (const auto& c : h.custodians)
            for (const auto& p : *parts) who = who || address_matches(p, c);
        if (!who) continue;
        if (!h.query.empty()) {
            SearchQuery q;
            q.fts = h.query;
            q.message_id.clear();
            q.since = row.time;
            q.until = row.time + 1;
            auto m = index.search(q);
            if (!m) return m.error();
            bool hit = false;
            for (const auto& r : *m) hit = hit || r.rowid == row.rowid;
            if (!hit) continue;
        }
        out.push_back(h.name);
    }
    return out;
}

// ------------------------------------------------------------------ purge

Result<PurgeReport> purge(JournalStore& store, JournalIndex& index, const RetentionPolicy& policy, int64_t now,
                          bool dry_run, const std::string& by) {
    // Fail closed: a hold that cannot be read, or whose query does not compile, might cover
    // anything; nothing is disposed until it is fixed (released and added again).
    auto holds = active_holds(store);
    if (!holds) return Error{"holds", "purge stopped, nothing disposed: " + holds.error().message};
    for (const auto& h : *holds) {
        SearchQuery q;
        q.fts = h.query;
        if (auto c = index.check_text_query(q); !c)
            return Error{"holds", "purge stopped, nothing disposed: hold " + h.name + " has a query that does not compile ('" +
                                      h.query + "': " + c.error().message + "); release it and add it again"};
    }
    PurgeReport rep;
    std::vector<IndexRow> due;
    std::map<std::string, std::string> rules;
    auto walked = index.for_each([&](const IndexRow& r) {
        auto period = policy.period_of(r.retention_class);
        if (!period) {
            rep.errors.push_back(r.id + ": retention class '" + r.retention_class +
                                 "' is not in the configuration; kept");
            ++rep.kept;
            return true;
        }
        auto end = retention_end(r.time, *period);
        if (!end || now < *end) {
            ++rep.kept;
            return true;
        }
        due.push_back(r);
        rules[r.id] = "retention " + r.retention_class + " " + period->str() + " ended " + iso_utc(*end);
        return true;
    });
    if (!walked) return walked.error();
    Result<ChainedLog> disposal = ChainedLog::open(store, "disposal.log");
    if (!disposal) return disposal.error();
    for (const auto& r : due) {
        auto covering = holds_covering(index, r, *holds);
        if (!covering) return covering.error();
        if (!covering->empty()) {
            ++rep.held;
            continue;
        }
        PurgeItem item{r, rules[r.id]};
        if (!dry_run) {
            // The disposal is recorded before the entry goes: a crash in between leaves an
            // entry the log already accounts for, which the next purge removes.
            std::string line = "time=" + iso_utc(now) + " event=disposed id=" + r.id + " sha256=" + r.entry_sha256 +
                               " class=" + r.retention_class + " date=" + iso_utc(r.time) +
                               " message_id=" + log::quote(r.message_id) + " by=" + log::quote(by) +
                               " rule=" + log::quote(item.rule);
            if (auto a = disposal->append(line); !a) return a.error();
            if (auto rm = store.remove(r.key); !rm) {
                rep.errors.push_back(r.id + ": " + rm.error().message);
                continue;
            }
            if (auto rm = index.remove(r.id); !rm) rep.errors.push_back(r.id + ": " + rm.error().message);
        }
        rep.disposed.push_back(std::move(item));
    }
    if (!dry_run)
        if (auto s = store.sync(); !s) return s.error();
    return rep;
}

// ------------------------------------------------------------------ verify

namespace {
std::optional<int64_t> time_of_id(const std::string& id) {
    // YYYYMMDDTHHMMSSZ-...
    if (id.size() < 16) return std::nullopt;
    std::string iso = id.substr(0, 4) + "-" + id.substr(4, 2) + "-" + id.substr(6, 2) + "T" + id.substr(9, 2) + ":" +
                      id.substr(11, 2) + ":" + id.substr(13, 2) + "Z";
    return parse_utc(iso);
}
}  // namespace

Result<VerifyReport> verify(JournalStore& store, int64_t now, int64_t grace_seconds) {
    VerifyReport rep;
    std::map<std::string, std::string> disposed;  // id -> entry sha
    {
        auto log = ChainedLog::open(store, "disposal.log");
        if (!log) return log.error();
        for (const auto& l : log->lines(&rep.problems)) disposed[field_of(l, "id")] = field_of(l, "sha256");
        auto holds = ChainedLog::open(store, "holds.log");
        if (!holds) return holds.error();
        (void)holds->lines(&rep.problems);
    }
    auto logs = store.list("chain/");
    if (!logs) return logs.error();
    std::set<std::string> chained;
    std::string head = kChainGenesis;
    uint64_t seq = 0;
    for (const auto& name : *logs) {
        auto text = store.read_log(name);
        if (!text) return text.error();
        size_t pos = 0, n = 0;
        while (pos < text->size()) {
            size_t nl = text->find('\n', pos);
            if (nl == std::string::npos) {
                rep.problems.push_back(name + ": torn last line");
                break;
            }
            std::string line = text->substr(pos, nl - pos);
            pos = nl + 1;
            ++n;
            auto link = parse_chain_line(line);
            std::string where = name + " line " + std::to_string(n);
            if (!link) {
                rep.problems.push_back(where + ": not a chain line");
                continue;
            }
            ++rep.links;
            if (link->seq != seq + 1)
                rep.problems.push_back(where + ": sequence " + std::to_string(link->seq) + " follows " +
                                       std::to_string(seq) + " (entry missing or reordered)");
            if (chain_hash(head, link->seq, link->id, link->key, link->entry_sha256) != link->chain_sha256)
                rep.problems.push_back(where + ": chain hash does not follow (line altered, removed or reordered)");
            seq = link->seq;
            head = link->chain_sha256;
            chained.insert(link->id);
            auto d = disposed.find(link->id);
            if (store.exists(link->key)) {
                auto bytes = store.get(link->key);
                if (!bytes) {
                    rep.problems.push_back(where + ": " + bytes.error().message);
                } else if (sha256_hex(*bytes) != link->entry_sha256) {
                    rep.problems.push_back("entry " + link->id + " altered (SHA-256 differs from the chain)");
                } else {
                    ++rep.entries_ok;
                }
            } else if (d != disposed.end()) {
                if (d->second != link->entry_sha256)
                    rep.problems.push_back("entry " + link->id + " disposed with a different hash than chained");
                ++rep.disposed;
            } else {
                rep.problems.push_back("entry " + link->id + " missing (" + link->key + "), no disposal recorded");
            }
        }
    }
    auto keys = store.list("entries/");
    if (!keys) return keys.error();
    for (const auto& k : *keys) {
        auto slash = k.rfind('/');
        if (k.size() < 4 || k.compare(k.size() - 4, 4, ".ojm") != 0) {
            rep.problems.push_back("unexpected file " + k);
            continue;
        }
        std::string id = k.substr(slash + 1, k.size() - slash - 5);
        if (chained.count(id)) continue;
        auto t = time_of_id(id);
        if (t && *t > now - grace_seconds) continue;  // may be in its group commit right now
        rep.problems.push_back("entry " + id + " is not in the chain (added outside the journal)");
    }
    return rep;
}

// ------------------------------------------------------------------ reindex

Result<std::size_t> reindex(JournalStore& store, JournalIndex& index) {
    auto keys = store.list("entries/");
    if (!keys) return keys.error();
    std::size_t n = 0;
    std::vector<JournalEntry> entries;
    std::vector<JournalIndex::Item> items;
    auto flush = [&]() -> Result<Ok> {
        for (size_t i = 0; i < items.size(); ++i) items[i].entry = &entries[i];
        auto r = index.insert(items);
        entries.clear();
        items.clear();
        return r;
    };
    entries.reserve(1000);
    for (const auto& k : *keys) {
        auto bytes = store.get(k);
        if (!bytes) return bytes.error();
        std::string raw;
        auto e = parse_entry(*bytes, &raw);
        if (!e) return Error{"format", k + ": " + e.error().message};
        entries.push_back(std::move(*e));
        items.push_back({nullptr, k, sha256_hex(*bytes), raw.empty() ? "" : body_text_of_raw(raw)});
        ++n;
        if (items.size() == 1000)
            if (auto r = flush(); !r) return r.error();
    }
    if (auto r = flush(); !r) return r.error();
    return n;
}

// ------------------------------------------------------------------ export

namespace {
uint32_t crc32(std::string_view data) {
    static uint32_t table[256];
    static bool init = [] {
        for (uint32_t i = 0; i < 256; ++i) {
            uint32_t c = i;
            for (int k = 0; k < 8; ++k) c = c & 1 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            table[i] = c;
        }
        return true;
    }();
    (void)init;
    uint32_t c = 0xFFFFFFFFu;
    for (unsigned char b : data) c = table[(c ^ b) & 0xFF] ^ (c >> 8);
    return c ^ 0xFFFFFFFFu;
}

void le16(std::string& s, uint32_t v) {
    s += static_cast<char>(v & 0xFF);
    s += static_cast<char>((v >> 8) & 0xFF);
}
void le32(std::string& s, uint32_t v) {
    le16(s, v & 0xFFFF);
    le16(s, v >> 16);
}

// A zip of stored (uncompressed) members: every reader opens it, and each member's bytes
// are the journaled message exactly. Classic zip limits apply (4 GiB, 65535 members).
class StoredZip {
public:
    explicit StoredZip(std::FILE* f) : f_(f) {}
    bool add(const std::string& name, std::string_view data) {
        if (offset_ + data.size() + name.size() + 30 > 0xFFFFFFF0ull || count_ >= 65535) return false;
        uint32_t crc = crc32(data);
        std::string h;
        le32(h, 0x04034b50);
        le16(h, 20);
        le16(h, 0x0800);  // UTF-8 names
        le16(h, 0);       // stored
        le16(h, 0);
        le16(h, 0x21);  // 1980-01-01
        le32(h, crc);
        le32(h, static_cast<uint32_t>(data.size()));
        le32(h, static_cast<uint32_t>(data.size()));
        le16(h, static_cast<uint32_t>(name.size()));
        le16(h, 0);
        h += name;
        std::string c;
        le32(c, 0x02014b50);
        le16(c, 20);
        le16(c, 20);
        le16(c, 0x0800);
        le16(c, 0);
        le16(c, 0);
        le16(c, 0x21);
        le32(c, crc);
        le32(c, static_cast<uint32_t>(data.size()));
        le32(c, static_cast<uint32_t>(data.size()));
        le16(c, static_cast<uint32_t>(name.size()));
        le16(c, 0);
        le16(c, 0);
        le16(c, 0);
        le16(c, 0);
        le32(c, 0100600u << 16);
        le32(c, static_cast<uint32_t>(offset_));
        c += name;
        central_ += c;
        if (std::fwrite(h.data(), 1, h.size(), f_) != h.size()) return false;
        if (std::fwrite(data.data(), 1, data.size(), f_) != data.size()) return false;
        offset_ += h.size() + data.size();
        ++count_;
        return true;
    }
    bool finish() {
        std::string e;
        le32(e, 0x06054b50);
        le16(e, 0);
        le16(e, 0);
        le16(e, static_cast<uint32_t>(count_));
        le16(e, static_cast<uint32_t>(count_));
        le32(e, static_cast<uint32_t>(central_.size()));
        le32(e, static_cast<uint32_t>(offset_));
        le16(e, 0);
        return std::fwrite(central_.data(), 1, central_.size(), f_) == central_.size() &&
               std::fwrite(e.data(), 1, e.size(), f_) == e.size();
    }

private:
    std::FILE* f_;
    std::string central_;
    uint64_t offset_ = 0;
    std::size_t count_ = 0;
};

// "From SENDER Www Mmm dd hh:mm:ss yyyy\n", built as a string: a sender of any length keeps
// its date and newline. The asctime date is always the last 24 characters, so a sender with
// spaces or quotes is read back exactly; a control byte (which SMTP never carries) would
// end or bend the line and is shown as '?'. The null sender <> is MAILER-DAEMON.
std::string mbox_from_line(const std::string& sender, int64_t t) {
    static const char* wd[] = {"Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"};
    static const char* mo[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    CivilTime c = civil_from_unix(t);
    int64_t days = t >= 0 ? t / 86400 : (t - 86399) / 86400;
    char date[64];
    std::snprintf(date, sizeof date, " %s %s %2d %02d:%02d:%02d %04d\n", wd[((days % 7) + 7) % 7], mo[c.month - 1],
                  c.day, c.hour, c.minute, c.second, c.year);
    std::string line = "From ";
    if (sender.empty()) line += "MAILER-DAEMON";
    for (unsigned char ch : sender) line += ch < 0x20 || ch == 0x7f ? '?' : static_cast<char>(ch);
    return line + date;
}

// What a reader gets back for a message: its lines with LF ends (a CR before the LF dropped),
// the last one ended too. The manifest's SHA-256 for mbox is of this form.
std::string mbox_message(std::string_view raw) {
    std::string out;
    out.reserve(raw.size() + 1);
    size_t pos = 0;
    while (pos < raw.size()) {
        size_t nl = raw.find('\n', pos);
        size_t end = nl == std::string_view::npos ? raw.size() : nl;
        std::string_view line = raw.substr(pos, end - pos);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        out.append(line);
        out += '\n';
        pos = end + 1;
    }
    return out;
}

// mboxrd: every line of the LF form matching ^>*From gets one more '>' (a reader takes
// one off again), and an empty line ends the message before the next From line.
std::string mboxrd_body(std::string_view lf) {
    std::string out;
    out.reserve(lf.size() + 64);
    size_t pos = 0;
    while (pos < lf.size()) {
        size_t nl = lf.find('\n', pos);
        size_t end = nl == std::string_view::npos ? lf.size() : nl + 1;
        std::string_view line = lf.substr(pos, end - pos);
        size_t g = 0;
        while (g < line.size() && line[g] == '>') ++g;
        if (line.substr(g, 5) == "From ") out += '>';
        out.append(line);
        pos = end;
    }
    out += '\n';
    return out;
}
}  // namespace

Result<ExportReport> export_messages(JournalStore& store, const std::vector<IndexRow>& rows, const std::string& format,
                                     const std::string& out, int64_t now, const Redactor& redactor) {
    if (format != "mbox" && format != "eml-zip") return Error{"usage", "--format must be mbox or eml-zip"};
    int fd = ::open(out.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0) return Error{"io", "create " + out + ": " + std::strerror(errno) + " (an export never overwrites)"};
    std::FILE* f = ::fdopen(fd, "wb");
    if (!f) {
        ::close(fd);
        return Error{"io", "fdopen " + out};
    }
    ExportReport rep;
    std::string manifest = "# ordinance journal export\n# created " + iso_utc(now) + "\n# format " + format +
                           (format == "mbox" ? " (mboxrd: take one '>' off each line matching ^>+From ; each message "
                                               "has LF line ends, and its sha256 is of that form)"
                                             : "") +
                           "\n# columns: n<TAB>file<TAB>sha256(exported message)<TAB>journal_id<TAB>date<TAB>queue_id<TAB>message_id\n";
    StoredZip zip(f);
    bool ok = true;
    size_t n = 0;
    for (const auto& r : rows) {
        auto bytes = store.get(r.key);
        if (!bytes) {
            ok = false;
            manifest += "# missing " + r.id + ": " + bytes.error().message + "\n";
            continue;
        }
        std::string raw;
        auto e = parse_entry(*bytes, &raw);
        if (!e) {
            ok = false;
            manifest += "# unreadable " + r.id + ": " + e.error().message + "\n";
            continue;
        }
        if (!e->has_body) {
            ++rep.metadata_only;
            manifest += "# metadata-only " + r.id + " verdict=" + e->verdict + " " + iso_utc(e->time) + "\n";
            continue;
        }
        std::string original_sha = e->raw_sha256;
        if (redactor) {
            Redaction red = redactor(raw);
            if (!red.complete) {
                ++rep.unredacted;
                manifest += "# WITHHELD " + r.id + " " + iso_utc(e->time) + " " + e->message_id +
                            ": personal data the redactor cannot remove in place (encoded part); review by hand\n";
                for (const auto& note : red.notes) manifest += "#   " + note + "\n";
                continue;
            }
            if (!red.notes.empty()) {
                ++rep.redacted;
                raw = std::move(red.text);
                manifest += "# redacted " + r.id + " (original sha256 " + original_sha + "):\n";
                for (const auto& note : red.notes) manifest += "#   " + note + "\n";
            }
        }
        ++n;
        char num[16];
        std::snprintf(num, sizeof num, "%06zu", n);
        std::string file = format == "eml-zip" ? std::string(num) + "-" + r.id + ".eml" : std::string("message ") + num;
        if (format == "eml-zip") {
            if (!zip.add(file, raw)) {
                ok = false;
                break;
            }
        } else {
            raw = mbox_message(raw);
            std::string m = mbox_from_line(e->mail_from, e->time) + mboxrd_body(raw);
            if (std::fwrite(m.data(), 1, m.size(), f) != m.size()) {
                ok = false;
                break;
            }
        }
        manifest += std::string(num) + "\t" + file + "\t" + sha256_hex(raw) + "\t" + r.id + "\t" + iso_utc(e->time) +
                    "\t" + e->queue_id + "\t" + e->message_id + "\n";
        ++rep.messages;
    }
    if (format == "eml-zip" && ok) ok = zip.finish();
    ok = std::fflush(f) == 0 && ::fsync(::fileno(f)) == 0 && ok;
    std::fclose(f);
    if (!ok) return Error{"io", "writing " + out + " failed (disk full, or an entry could not be read)"};
    std::string all;
    {
        std::ifstream in(out, std::ios::binary);
        all.assign(std::istreambuf_iterator<char>(in), {});
    }
    manifest += "# sha256 of " + out.substr(out.rfind('/') + 1) + ": " + sha256_hex(all) + "\n";
    rep.manifest_path = out + ".manifest";
    int mfd = ::open(rep.manifest_path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (mfd < 0) return Error{"io", "create " + rep.manifest_path + ": " + std::strerror(errno)};
    bool mok = ::write(mfd, manifest.data(), manifest.size()) == static_cast<ssize_t>(manifest.size()) && ::fsync(mfd) == 0;
    ::close(mfd);
    if (!mok) return Error{"io", "writing " + rep.manifest_path + " failed"};
    return rep;
}

// ------------------------------------------------------------------ reconcile

Result<ReconcileReport> reconcile(const JournalIndex& index, const std::string& maillog_path) {
    std::ifstream in(maillog_path);
    if (!in) return Error{"io", "cannot read " + maillog_path};
    ReconcileReport rep;
    std::set<std::string> qids, released;
    std::vector<std::string> order;
    for (std::string line; std::getline(in, line);) {
        if (size_t at = line.find("/reinject/smtpd["); at != std::string::npos) {
            size_t b = line.find("]: ", at), c = line.find(": client=", at);
            if (b != std::string::npos && c != std::string::npos && c > b + 3) released.insert(line.substr(b + 3, c - b - 3));
            continue;
        }
        if (line.find("status=sent") == std::string::npos) continue;
        size_t to = line.find(": to=<");
        if (to == std::string::npos) continue;
        size_t b = line.rfind(' ', to);
        if (b == std::string::npos) continue;
        std::string qid = line.substr(b + 1, to - b - 1);
        if (qid.empty() || qid == "NOQUEUE") continue;
        if (qids.insert(qid).second) order.push_back(qid);
    }
    for (const auto& q : order) {
        ++rep.delivered;
        if (released.count(q)) {
            ++rep.released;
            continue;
        }
        auto has = index.has_queue_id(q);
        if (!has) return has.error();
        if (*has) ++rep.found;
        else rep.missing.push_back(q);
    }
    return rep;
}

}  // namespace ord::journal
