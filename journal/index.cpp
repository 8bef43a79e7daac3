#include "journal/index.h"

#include <unistd.h>

#include <algorithm>
#include <cctype>

#include "base/text.h"

namespace ord::journal {
namespace {

constexpr const char* kSchema = R"(
CREATE TABLE IF NOT EXISTS messages(
  rowid INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  key TEXT NOT NULL,
  entry_sha256 TEXT NOT NULL,
  time INTEGER NOT NULL,
  queue_id TEXT, message_id TEXT, mail_from TEXT, auth_login TEXT, client_addr TEXT,
  subject TEXT, size INTEGER, verdict TEXT, findings TEXT, retention_class TEXT,
  has_body INTEGER NOT NULL DEFAULT 0);
CREATE INDEX IF NOT EXISTS messages_time ON messages(time);
CREATE INDEX IF NOT EXISTS messages_message_id ON messages(message_id);
CREATE INDEX IF NOT EXISTS messages_queue_id ON messages(queue_id);
CREATE TABLE IF NOT EXISTS participants(
  msg INTEGER NOT NULL, address TEXT NOT NULL, role TEXT NOT NULL, time INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS participants_address ON participants(address, time, msg);
CREATE INDEX IF NOT EXISTS participants_msg ON participants(msg);
CREATE VIRTUAL TABLE IF NOT EXISTS message_text USING fts5(subject, body, tokenize='unicode61');
)";

class Stmt {
public:
    Stmt(sqlite3* db, const std::string& sql) { rc_ = sqlite3_prepare_v2(db, sql.c_str(), -1, &s_, nullptr); }
    ~Stmt() { sqlite3_finalize(s_); }
    bool ok() const { return rc_ == SQLITE_OK; }
    sqlite3_stmt* get() { return s_; }
    void text(int i, const std::string& v) { sqlite3_bind_text(s_, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT); }
    void i64(int i, int64_t v) { sqlite3_bind_int64(s_, i, v); }
    std::string col(int i) {
        const unsigned char* t = sqlite3_column_text(s_, i);
        return t ? std::string(reinterpret_cast<const char*>(t), static_cast<size_t>(sqlite3_column_bytes(s_, i))) : "";
    }

private:
    sqlite3_stmt* s_ = nullptr;
    int rc_;
};

Error db_error(sqlite3* db, const std::string& what) { return Error{"index", what + ": " + sqlite3_errmsg(db)}; }

std::string fts_phrase(const std::string& w) {
    std::string out = "\"";
    for (char c : w) out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
}

}  // namespace

std::string fts_words(const std::string& words, const std::string& column) {
    std::string out;
    size_t i = 0;
    while (i < words.size()) {
        while (i < words.size() && (words[i] == ' ' || words[i] == '\t')) ++i;
        size_t b = i;
        while (i < words.size() && words[i] != ' ' && words[i] != '\t') ++i;
        if (i > b) out += (out.empty() ? "" : " AND ") + (column.empty() ? "" : column + " : ") + fts_phrase(words.substr(b, i - b));
    }
    return out;
}

namespace {
// The FTS5 MATCH expression of a query's word and raw-query filters ("" when it has none).
std::string match_expression(const SearchQuery& q) {
    std::string fts;
    if (!q.subject.empty()) fts = fts_words(q.subject, "subject");
    if (!q.text.empty()) fts += (fts.empty() ? "" : " AND ") + fts_words(q.text);
    if (!q.fts.empty()) fts += (fts.empty() ? "" : " AND ") + ("(" + q.fts + ")");
    return fts;
}
}  // namespace

bool SearchQuery::empty() const {
    return participants.empty() && from.empty() && to.empty() && !since && !until && subject.empty() &&
           text.empty() && fts.empty() && message_id.empty() && queue_id.empty() && id.empty();
}

Result<std::unique_ptr<JournalIndex>> JournalIndex::open(const std::string& path) {
    sqlite3* db = nullptr;
    int rc = sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX,
                             nullptr);
    if (rc != SQLITE_OK) {
        Error e{"index", "open " + path + ": " + (db ? sqlite3_errmsg(db) : "out of memory")};
        sqlite3_close(db);
        return e;
    }
    std::unique_ptr<JournalIndex> idx(new JournalIndex(db));
    sqlite3_busy_timeout(db, 10000);
    // WAL: readers (search, export) never block the milter's writes. synchronous=NORMAL is
    // enough: the index is rebuilt from the durable store if a crash ever loses its tail.
    if (auto r = idx->exec("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=OFF;"); !r)
        return r.error();
    if (auto r = idx->exec(kSchema); !r) return r.error();
    return idx;
}

JournalIndex::~JournalIndex() { sqlite3_close_v2(db_); }

Result<Ok> JournalIndex::exec(const std::string& sql) const {
    char* err = nullptr;
    if (sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &err) != SQLITE_OK) {
        std::string m = err ? err : "error";
        sqlite3_free(err);
        return Error{"index", m};
    }
    return Ok{};
}

Result<Ok> JournalIndex::begin() {
    if (auto r = exec("BEGIN IMMEDIATE"); !r) return r;
    in_tx_ = true;
    return Ok{};
}
Result<Ok> JournalIndex::commit() {
    in_tx_ = false;
    return exec("COMMIT");
}

Result<Ok> JournalIndex::insert(const std::vector<Item>& items) {
    bool own_tx = !in_tx_;
    if (own_tx)
        if (auto r = exec("BEGIN IMMEDIATE"); !r) return r;
    auto fail = [&](Error e) -> Result<Ok> {
        if (own_tx) (void)exec("ROLLBACK");
        return e;
    };
    Stmt m(db_,
           "INSERT OR IGNORE INTO messages(id,key,entry_sha256,time,queue_id,message_id,mail_from,auth_login,"
           "client_addr,subject,size,verdict,findings,retention_class,has_body) VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
    Stmt p(db_, "INSERT INTO participants(msg,address,role,time) VALUES(?,?,?,?)");
    Stmt t(db_, "INSERT INTO message_text(rowid,subject,body) VALUES(?,?,?)");
    if (!m.ok() || !p.ok() || !t.ok()) return fail(db_error(db_, "prepare"));
    for (const auto& it : items) {
        const JournalEntry& e = *it.entry;
        std::string findings;
        for (const auto& f : e.findings) findings += (findings.empty() ? "" : ",") + f.rule;
        sqlite3_reset(m.get());
        m.text(1, e.id);
        m.text(2, it.key);
        m.text(3, it.entry_sha256);
        m.i64(4, e.time);
        m.text(5, e.queue_id);
        m.text(6, e.message_id);
        m.text(7, ascii_lower(e.mail_from));
        m.text(8, e.auth_login);
        m.text(9, e.client_addr);
        m.text(10, e.subject);
        m.i64(11, static_cast<int64_t>(e.size));
        m.text(12, e.verdict);
        m.text(13, findings);
        m.text(14, e.retention_class);
        m.i64(15, e.has_body ? 1 : 0);
        if (sqlite3_step(m.get()) != SQLITE_DONE) return fail(db_error(db_, "insert message"));
        if (sqlite3_changes(db_) == 0) continue;  // already indexed
        int64_t rowid = sqlite3_last_insert_rowid(db_);
        auto add = [&](const std::string& addr, const char* role) -> bool {
            if (addr.find('@') == std::string::npos) return true;
            sqlite3_reset(p.get());
            p.i64(1, rowid);
            p.text(2, ascii_lower(addr));
            p.text(3, role);
            p.i64(4, e.time);
            return sqlite3_step(p.get()) == SQLITE_DONE;
        };
        bool ok = add(e.mail_from, "from") && add(e.auth_login, "from");
        for (const auto& a : e.header_from) ok = ok && add(a, "from");
        for (const auto& a : e.rcpts) ok = ok && add(a, "rcpt");
        for (const auto& a : e.header_to) ok = ok && add(a, "to");
        for (const auto& a : e.header_cc) ok = ok && add(a, "to");
        if (!ok) return fail(db_error(db_, "insert participant"));
        sqlite3_reset(t.get());
        t.i64(1, rowid);
        t.text(2, e.subject);
        t.text(3, it.body_text);
        if (sqlite3_step(t.get()) != SQLITE_DONE) return fail(db_error(db_, "insert text"));
    }
    if (own_tx)
        if (auto r = exec("COMMIT"); !r) return fail(r.error());
    return Ok{};
}

Result<std::vector<IndexRow>> JournalIndex::rows(const std::string& where, const std::vector<std::string>& binds,
                                                 const std::vector<int64_t>& int_binds, std::size_t limit) const {
    std::string sql =
        "SELECT rowid,id,key,entry_sha256,time,queue_id,message_id,mail_from,subject,verdict,retention_class,size,"
        "has_body FROM messages m WHERE " +
        where + " ORDER BY time, id";
    if (limit) sql += " LIMIT " + std::to_string(limit);
    Stmt s(db_, sql);
    if (!s.ok()) return db_error(db_, "query");
    int i = 1;
    for (const auto& b : binds) s.text(i++, b);
    for (auto b : int_binds) s.i64(i++, b);
    std::vector<IndexRow> out;
    int rc;
    while ((rc = sqlite3_step(s.get())) == SQLITE_ROW) {
        IndexRow r;
        r.rowid = sqlite3_column_int64(s.get(), 0);
        r.id = s.col(1);
        r.key = s.col(2);
        r.entry_sha256 = s.col(3);
        r.time = sqlite3_column_int64(s.get(), 4);
        r.queue_id = s.col(5);
        r.message_id = s.col(6);
        r.mail_from = s.col(7);
        r.subject = s.col(8);
        r.verdict = s.col(9);
        r.retention_class = s.col(10);
        r.size = static_cast<uint64_t>(sqlite3_column_int64(s.get(), 11));
        r.has_body = sqlite3_column_int(s.get(), 12) != 0;
        out.push_back(std::move(r));
    }
    if (rc != SQLITE_DONE) return db_error(db_, "query");
    return out;
}

Result<std::vector<IndexRow>> JournalIndex::search(const SearchQuery& q) const {
    // Text binds first, then integer binds: the WHERE clause is built in that order.
    std::vector<std::string> where_text, where_int, binds;
    std::vector<int64_t> ints;
    std::string time_sub;
    auto participant = [&](const std::string& addr, const char* roles) {
        std::string sub = "rowid IN (SELECT msg FROM participants WHERE address = ?";
        if (roles) sub += std::string(" AND role IN ") + roles;
        // The date range inside the subquery lets SQLite walk (address, time) directly.
        if (q.since) sub += " AND time >= " + std::to_string(*q.since);
        if (q.until) sub += " AND time < " + std::to_string(*q.until);
        where_text.push_back(sub + ")");
        binds.push_back(ascii_lower(addr));
    };
    for (const auto& a : q.participants) participant(a, nullptr);
    for (const auto& a : q.from) participant(a, "('from')");
    for (const auto& a : q.to) participant(a, "('rcpt','to')");
    if (!q.message_id.empty()) {
        where_text.push_back("message_id = ?");
        binds.push_back(q.message_id);
    }
    if (!q.queue_id.empty()) {
        where_text.push_back("queue_id = ?");
        binds.push_back(q.queue_id);
    }
    if (!q.id.empty()) {
        where_text.push_back("id = ?");
        binds.push_back(q.id);
    }
    std::string fts = match_expression(q);
    if (!fts.empty()) {
        where_text.push_back("rowid IN (SELECT rowid FROM message_text WHERE message_text MATCH ?)");
        binds.push_back(fts);
    }
    if (q.since) {
        where_int.push_back("time >= ?");
        ints.push_back(*q.since);
    }
    if (q.until) {
        where_int.push_back("time < ?");
        ints.push_back(*q.until);
    }
    std::string where;
    for (const auto* list : {&where_text, &where_int})
        for (const auto& w : *list) where += (where.empty() ? "" : " AND ") + w;
    if (where.empty()) where = "1";
    return rows(where, binds, ints, q.limit);
}

Result<Ok> JournalIndex::check_text_query(const SearchQuery& q) const {
    // The raw query alone too: one that only parses inside search's parentheses ("a) OR (b")
    // would change meaning beside other filters.
    for (const std::string& fts : {match_expression(q), q.fts}) {
        if (fts.empty()) continue;
        // FTS5 parses the expression when the scan starts (the first step), not at prepare.
        Stmt s(db_, "SELECT rowid FROM message_text WHERE message_text MATCH ? LIMIT 1");
        if (!s.ok()) return db_error(db_, "prepare");
        s.text(1, fts);
        int rc = sqlite3_step(s.get());
        if (rc != SQLITE_ROW && rc != SQLITE_DONE) return Error{"query", sqlite3_errmsg(db_)};
    }
    return Ok{};
}

Result<std::vector<std::string>> JournalIndex::recipients_of(const std::string& message_id) const {
    Stmt s(db_,
           "SELECT DISTINCT p.address FROM participants p JOIN messages m ON m.rowid = p.msg "
           "WHERE m.message_id = ? AND p.role = 'rcpt' AND m.verdict IN ('accept','tag','quarantine') "
           "ORDER BY p.address");
    if (!s.ok()) return db_error(db_, "query");
    s.text(1, message_id);
    std::vector<std::string> out;
    while (sqlite3_step(s.get()) == SQLITE_ROW) out.push_back(s.col(0));
    return out;
}

std::string base_subject(std::string_view s) {
    static const char* kPrefixes[] = {"re", "fw", "fwd", "aw", "wg", "tr", "rv", "sv", "vs", "rif", "enc", "res"};
    std::string out(s);
    for (bool again = true; again;) {
        again = false;
        std::size_t i = 0;
        while (i < out.size() && (out[i] == ' ' || out[i] == '\t')) ++i;
        std::size_t w = i;
        while (w < out.size() && std::isalpha(static_cast<unsigned char>(out[w]))) ++w;
        std::size_t c = w;
        if (c < out.size() && out[c] == '[') {  // "Re[2]:"
            while (c < out.size() && out[c] != ']') ++c;
            if (c < out.size()) ++c;
        }
        while (c < out.size() && out[c] == ' ') ++c;  // "TR :" (French clients)
        if (w > i && c < out.size() && out[c] == ':') {
            std::string word = ascii_lower(std::string_view(out).substr(i, w - i));
            for (const char* p : kPrefixes)
                if (word == p) {
                    out.erase(0, c + 1);
                    again = true;
                    break;
                }
        }
    }
    std::string norm;
    for (char ch : out) {
        if (ch == '\t' || ch == '\r' || ch == '\n') ch = ' ';
        if (ch == ' ' && (norm.empty() || norm.back() == ' ')) continue;
        norm += ch;
    }
    while (!norm.empty() && norm.back() == ' ') norm.pop_back();
    return ascii_lower(norm);
}

Result<std::vector<std::string>> JournalIndex::recipients_by(const std::string& sender, const std::string& subject,
                                                             int64_t since, int64_t until) const {
    // Candidates by sender and time (the participants index), then the subject compared here:
    // stored subjects keep their prefixes, and SQLite's lower() knows only ASCII.
    Stmt s(db_,
           "SELECT m.rowid, m.subject FROM messages m WHERE m.rowid IN (SELECT msg FROM participants WHERE "
           "address = ? AND role = 'from' AND time >= ? AND time < ?) AND m.verdict IN ('accept','tag','quarantine')");
    if (!s.ok()) return db_error(db_, "query");
    s.text(1, ascii_lower(sender));
    s.i64(2, since);
    s.i64(3, until);
    std::string want = base_subject(subject);
    std::vector<int64_t> hits;
    while (sqlite3_step(s.get()) == SQLITE_ROW)
        if (base_subject(s.col(1)) == want) hits.push_back(sqlite3_column_int64(s.get(), 0));
    std::vector<std::string> out;
    Stmt r(db_, "SELECT DISTINCT address FROM participants WHERE msg = ? AND role = 'rcpt'");
    if (!r.ok()) return db_error(db_, "query");
    for (int64_t id : hits) {
        sqlite3_reset(r.get());
        r.i64(1, id);
        while (sqlite3_step(r.get()) == SQLITE_ROW) out.push_back(r.col(0));
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

Result<std::vector<std::string>> JournalIndex::participants_of(int64_t rowid) const {
    Stmt s(db_, "SELECT DISTINCT address FROM participants WHERE msg = ?");
    if (!s.ok()) return db_error(db_, "query");
    s.i64(1, rowid);
    std::vector<std::string> out;
    while (sqlite3_step(s.get()) == SQLITE_ROW) out.push_back(s.col(0));
    return out;
}

Result<bool> JournalIndex::contains(const std::string& id) const {
    Stmt s(db_, "SELECT 1 FROM messages WHERE id = ?");
    if (!s.ok()) return db_error(db_, "query");
    s.text(1, id);
    return sqlite3_step(s.get()) == SQLITE_ROW;
}

Result<bool> JournalIndex::has_queue_id(const std::string& queue_id) const {
    Stmt s(db_, "SELECT 1 FROM messages WHERE queue_id = ? AND verdict IN ('accept','tag','quarantine')");
    if (!s.ok()) return db_error(db_, "query");
    s.text(1, queue_id);
    return sqlite3_step(s.get()) == SQLITE_ROW;
}

Result<Ok> JournalIndex::remove(const std::string& id) {
    Stmt s(db_, "SELECT rowid FROM messages WHERE id = ?");
    if (!s.ok()) return db_error(db_, "query");
    s.text(1, id);
    if (sqlite3_step(s.get()) != SQLITE_ROW) return Ok{};
    int64_t rowid = sqlite3_column_int64(s.get(), 0);
    std::string r = std::to_string(rowid);
    return exec("BEGIN IMMEDIATE; DELETE FROM participants WHERE msg = " + r + "; DELETE FROM message_text WHERE rowid = " +
                r + "; DELETE FROM messages WHERE rowid = " + r + "; COMMIT;");
}

Result<int64_t> JournalIndex::count() const {
    Stmt s(db_, "SELECT count(*) FROM messages");
    if (!s.ok() || sqlite3_step(s.get()) != SQLITE_ROW) return db_error(db_, "count");
    return static_cast<int64_t>(sqlite3_column_int64(s.get(), 0));
}

}  // namespace ord::journal
