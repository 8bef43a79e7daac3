// The journal's catalogue in SQLite (WAL): envelope, participants, date, subject, size,
// retention class, and FTS5 over subject and body text. Rebuildable from the store at any
// time (`ordinance journal reindex`), so it is never the only copy of anything.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"
#include "journal/entry.h"

namespace ord::journal {

struct SearchQuery {
    std::vector<std::string> participants;  // each must have taken part (any role)
    std::vector<std::string> from;          // each must be a sender (envelope, header From, login)
    std::vector<std::string> to;            // each must be a recipient (envelope, To, Cc)
    std::optional<int64_t> since;           // time >= since
    std::optional<int64_t> until;           // time < until
    std::string subject;                    // words, all in the subject
    std::string text;                       // words, all in subject or body
    std::string fts;                        // a raw FTS5 query (legal holds)
    std::string message_id;
    std::string queue_id;
    std::string id;                         // one journal entry
    std::size_t limit = 0;                  // 0: no limit

    bool empty() const;
};

struct IndexRow {
    int64_t rowid = 0;
    std::string id, key, entry_sha256;
    int64_t time = 0;
    std::string queue_id, message_id, mail_from, subject, verdict, retention_class;
    uint64_t size = 0;
    bool has_body = false;
};

class JournalIndex {
public:
    static Result<std::unique_ptr<JournalIndex>> open(const std::string& path);
    ~JournalIndex();
    JournalIndex(const JournalIndex&) = delete;
    JournalIndex& operator=(const JournalIndex&) = delete;

    struct Item {
        const JournalEntry* entry;
        std::string key;
        std::string entry_sha256;
        std::string body_text;
    };
    // One transaction for the whole batch; entries already present are skipped.
    Result<Ok> insert(const std::vector<Item>& items);
    Result<std::vector<IndexRow>> search(const SearchQuery& q) const;
    // Compiles q's full-text part (subject, text, fts) exactly as search() runs it, on the
    // FTS5 table itself (so even an empty index judges it): a syntax error, an unknown
    // column or a bad operator comes back as an error, before anything depends on it. The
    // raw fts query must also compile on its own, not only inside search's parentheses.
    Result<Ok> check_text_query(const SearchQuery& q) const;
    // Envelope recipients of every journaled message with this Message-ID (the forwarding check).
    Result<std::vector<std::string>> recipients_of(const std::string& message_id) const;
    // The same for a message not known by its Message-ID: sent by `sender` (envelope, header
    // From or login) in [since, until) with this subject (compared case-insensitively after
    // Re:/Fw: prefixes are dropped, see base_subject). Found empty when none matches.
    Result<std::vector<std::string>> recipients_by(const std::string& sender, const std::string& subject,
                                                   int64_t since, int64_t until) const;
    Result<bool> contains(const std::string& id) const;
    Result<bool> has_queue_id(const std::string& queue_id) const;
    Result<Ok> remove(const std::string& id);
    Result<int64_t> count() const;
    // Calls f(row) for every row in time order; stops early when f returns false.
    template <typename F>
    Result<Ok> for_each(F&& f) const;
    Result<std::vector<std::string>> participants_of(int64_t rowid) const;
    // Fast path for bulk loads (benchmarks, reindex): one outer transaction.
    Result<Ok> begin();
    Result<Ok> commit();

private:
    explicit JournalIndex(sqlite3* db) : db_(db) {}
    Result<Ok> exec(const std::string& sql) const;
    Result<std::vector<IndexRow>> rows(const std::string& where, const std::vector<std::string>& binds,
                                       const std::vector<int64_t>& int_binds, std::size_t limit) const;
    sqlite3* db_;
    bool in_tx_ = false;
};

// A subject without its reply and forward prefixes (Re:, Fw:, Fwd:, AW:, WG:, TR:, RV:, SV:,
// [Fwd: ...] brackets kept as text), lower-cased and with runs of spaces made one.
std::string base_subject(std::string_view subject);

// The FTS5 query that matches all these words (each quoted, so no query syntax applies).
std::string fts_words(const std::string& words, const std::string& column = "");

template <typename F>
Result<Ok> JournalIndex::for_each(F&& f) const {
    auto all = rows("1", {}, {}, 0);
    if (!all) return all.error();
    for (const auto& r : *all)
        if (!f(r)) break;
    return Ok{};
}

}  // namespace ord::journal
