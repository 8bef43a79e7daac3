// What records officers do with the journal: legal holds, purge past retention with a
// disposal log, verification of the hash chain, export for a records request, and
// reconciliation against the MTA's log. Each works on a store and its index.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/result.h"
#include "journal/index.h"
#include "journal/journal.h"
#include "journal/retention.h"
#include "journal/store.h"

namespace ord::journal {

// An append-only log whose every line ends in " hash=SHA256(prev_hash \n line)".
class ChainedLog {
public:
    static Result<ChainedLog> open(JournalStore& store, const std::string& name);
    Result<Ok> append(const std::string& line);  // line without the hash field, no newline
    // The lines (hash field removed); `problems` gets every line whose hash does not follow.
    std::vector<std::string> lines(std::vector<std::string>* problems = nullptr) const;

private:
    ChainedLog(JournalStore& s, std::string n) : store_(&s), name_(std::move(n)) {}
    void take_head();
    JournalStore* store_;
    std::string name_;
    std::string text_;
    std::string head_ = kChainGenesis;
};

// The key=value fields of a log line, in order, values unquoted as base/log.h quotes them
// ("..." with \" \\ and \xHH). A quoted value is a value, whatever it holds ("a until=b"
// is not a field). A bare word, an unterminated quote, an unknown escape, a key that is not
// [A-Za-z0-9_]+, or a quote or '=' in an unquoted value is an error naming the field.
using Fields = std::vector<std::pair<std::string, std::string>>;
Result<Fields> parse_fields(std::string_view line);
// The value of the first field `key` of a line ("" when absent or the line does not parse).
std::string field_of(const std::string& line, const std::string& key);

struct LegalHold {
    std::string name;
    std::vector<std::string> custodians;  // addresses or "@domain"
    std::optional<int64_t> since, until;  // message time within [since, until)
    std::string query;                    // FTS5 query over subject and body; empty: any
    int64_t added = 0;
    std::string added_by;
};

// One line of holds.log (without its hash field): a hold_add with every field of the hold,
// or a hold_release with its name. Read in order; an unknown, repeated or missing field, a
// date that is not one, or an empty custodian list is an error.
struct HoldEvent {
    std::string event;  // "hold_add" or "hold_release"
    int64_t time = 0;
    LegalHold hold;     // for a release: name and added_by (who released it)
};
Result<HoldEvent> parse_hold_event(std::string_view line);
// The holds.log line (without its hash) that records adding h at `now`.
std::string hold_add_line(const LegalHold& h, int64_t now);
// Checks a hold completely before it is recorded: its name, every custodian (an address,
// @domain or domain; no spaces, commas, quotes or controls), its dates (since before until),
// and its query, compiled against the index as search and purge will run it.
Result<Ok> validate_hold(const JournalIndex& index, const LegalHold& h);

// Holds live in the chained log "holds.log" (added and released events); never rewritten.
// A line that cannot be read completely makes this an error naming the line and the hold
// (purge stops rather than guess what the hold covers); with `unreadable`, such holds are
// listed there instead (as "holds.log line N (hold NAME): why"), so that `hold list` can
// show them and `hold release NAME` can end them.
Result<std::vector<LegalHold>> active_holds(JournalStore& store, std::vector<std::string>* unreadable = nullptr);
// Validates h (validate_hold) and appends it; refuses a name already active or unreadable.
Result<Ok> add_hold(JournalStore& store, const JournalIndex& index, const LegalHold& h, int64_t now);
Result<Ok> release_hold(JournalStore& store, const std::string& name, const std::string& by, int64_t now);
// Names of the active holds that cover an indexed message.
Result<std::vector<std::string>> holds_covering(const JournalIndex& index, const IndexRow& row,
                                                const std::vector<LegalHold>& holds);

struct PurgeItem {
    IndexRow row;
    std::string rule;  // "retention default 5y6m ended 2032-05-25T10:00:00Z"
};
struct PurgeReport {
    std::vector<PurgeItem> disposed;  // (or, in a dry run, to be disposed)
    std::size_t held = 0;             // past retention but under a hold
    std::size_t kept = 0;             // within retention or never deleted
    std::vector<std::string> errors;
};
// Removes what is past retention and under no hold, each disposal first appended to the
// chained "disposal.log" (id, entry hash, class, date, rule). The log is never purged.
// Fails closed: a hold that cannot be read, or whose query does not compile, stops the
// purge with an error naming it before anything is disposed.
Result<PurgeReport> purge(JournalStore& store, JournalIndex& index, const RetentionPolicy& policy, int64_t now,
                          bool dry_run, const std::string& by);

struct VerifyReport {
    std::size_t links = 0, entries_ok = 0, disposed = 0;
    std::vector<std::string> problems;  // altered, missing, reordered, unchained
    bool ok() const { return problems.empty(); }
};
// Walks every chain file in order: recomputes the chain, checks each entry's hash (or that
// the disposal log accounts for it), and lists entries on disk the chain does not name.
// Entries newer than `grace_seconds` before `now` may still be in their group commit.
Result<VerifyReport> verify(JournalStore& store, int64_t now, int64_t grace_seconds = 300);

// Rebuilds the index from the store (after its loss, or after a crash cut its tail).
Result<std::size_t> reindex(JournalStore& store, JournalIndex& index);

struct ExportReport {
    std::size_t messages = 0, metadata_only = 0;
    std::size_t redacted = 0;     // messages changed by the redactor
    std::size_t unredacted = 0;   // messages the redactor could not clean (withheld)
    std::string manifest_path;
};

// Rewrites one message for export. Appends a line per redaction to `notes`; sets
// `complete` false when something it should remove could not be (the message is then
// withheld from the export and listed in the manifest).
struct Redaction {
    std::string text;
    std::vector<std::string> notes;
    bool complete = true;
};
using Redactor = std::function<Redaction(std::string_view raw)>;
// Writes the raw messages matching the rows as mbox (mboxrd quoting) or a zip of .eml files
// (stored, byte-identical), plus OUT.manifest: one line per message with its SHA-256, and
// the SHA-256 of OUT itself. Metadata-only entries are listed in the manifest, not exported.
// With a redactor, the exported copies are redacted (the journal keeps the original) and
// the manifest lists each redaction and both hashes.
Result<ExportReport> export_messages(JournalStore& store, const std::vector<IndexRow>& rows, const std::string& format,
                                     const std::string& out, int64_t now, const Redactor& redactor = nullptr);

struct ReconcileReport {
    std::size_t delivered = 0, found = 0;
    std::size_t released = 0;          // queue ids of quarantine releases (postfix/reinject/smtpd)
    std::vector<std::string> missing;  // queue ids
};
// Every queue id Postfix logged as delivered ("status=sent") must have a journal entry, but
// for those its re-injection smtpd (syslog_name postfix/reinject) took: quarantine releases,
// journaled under the held message's own queue id.
Result<ReconcileReport> reconcile(const JournalIndex& index, const std::string& maillog_path);

}  // namespace ord::journal
