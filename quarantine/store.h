// Where held messages live: the QuarantineStore interface, its filesystem implementation
// (the daemon's and the command line's) and an in-memory twin for unit tests. Every change
// to an item happens under that item's exclusive lock and is durable before the lock goes.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"
#include "quarantine/item.h"

namespace ord::quarantine {

class QuarantineStore {
public:
    virtual ~QuarantineStore() = default;
    // Stores a new item with its raw message; durable when it returns. An id that exists is
    // refused (ids are ours and never reused).
    virtual Result<Ok> put(const Item& item, std::string_view raw) = 0;
    virtual Result<Item> get(const std::string& id) const = 0;
    // The raw message; an error once the item was deleted (only its record stays).
    virtual Result<std::string> raw(const std::string& id) const = 0;
    // Every item id, sorted (ids begin with their UTC time, so oldest first).
    virtual Result<std::vector<std::string>> ids() const = 0;
    // Reads the item under its exclusive lock (held against other threads and processes),
    // lets `change` edit it and writes it back durably before the lock is released. An error
    // from `change` leaves the item as it was and is returned.
    using Change = std::function<Result<Ok>(Item&)>;
    virtual Result<Item> update(const std::string& id, const Change& change) = 0;
    // Drops the raw message and keeps the record (delete); or removes the item whole (expire).
    virtual Result<Ok> drop_message(const std::string& id) = 0;
    virtual Result<Ok> remove(const std::string& id) = 0;
    // The audit log: `line` (no newline, no hash) appended with its chain hash, durably,
    // after whatever other writers appended (one lock across processes).
    virtual Result<Ok> append_audit(const std::string& line) = 0;
    virtual Result<std::string> audit_text() const = 0;
    // Every item's record without its history, oldest first: what list, stats, review and
    // digest filter on. This reads every item; the filesystem store answers from its index.
    virtual Result<std::vector<Item>> summaries() const;
    // Rebuilds the index from the items (verify); the number of items. 0 where there is none.
    virtual Result<std::size_t> rebuild_index() { return std::size_t{0}; }
};

// The chain: each audit line ends in " hash=H", H = SHA-256 hex of (previous H "\n" line);
// the first line's previous H is 64 zeros.
std::string chain_append(std::string_view log_text, std::string_view line);
// Every line of `log_text` whose hash does not follow, as "line N: why"; empty when intact.
std::vector<std::string> chain_problems(std::string_view log_text);

// DIR/items/ID/{meta,message.eml}, DIR/tmp/ (items being made), DIR/audit.log, DIR/index.
// The index is a cache for summaries(), appended to under its lock: "? ID" (fsync'd) before an
// item's meta is written, "+ META" (the record without history, its lines joined by TABs)
// after, "- ID" when it is removed. An id whose last line is "?" (a writer died between the
// two) is read from its meta; an item the index lacks is read from its meta; no index, or a
// torn one, reads every item. rebuild_index() writes it anew (verify).
// Files: O_EXCL temp, fsync, rename, directory fsync; mode 0600, or 0640 with group `group`
// (the reviewers' Unix group), directories 0700 / 0750. A root caller (the command line) gives
// what it makes to the owner of DIR, so the daemon's user can still change it.
class FsQuarantineStore : public QuarantineStore {
public:
    static Result<std::unique_ptr<FsQuarantineStore>> open(const std::string& dir, const std::string& group = "");

    Result<Ok> put(const Item& item, std::string_view raw) override;
    Result<Item> get(const std::string& id) const override;
    Result<std::string> raw(const std::string& id) const override;
    Result<std::vector<std::string>> ids() const override;
    Result<Item> update(const std::string& id, const Change& change) override;
    Result<Ok> drop_message(const std::string& id) override;
    Result<Ok> remove(const std::string& id) override;
    Result<Ok> append_audit(const std::string& line) override;
    Result<std::string> audit_text() const override;
    Result<std::vector<Item>> summaries() const override;
    Result<std::size_t> rebuild_index() override;
    const std::string& dir() const { return dir_; }

private:
    FsQuarantineStore(std::string dir, int gid, int uid, int owner_gid)
        : dir_(std::move(dir)), gid_(gid), uid_(uid), owner_gid_(owner_gid) {}
    int chown_gid() const { return gid_ >= 0 ? gid_ : owner_gid_; }
    Result<Ok> write_file(int dirfd, const std::string& where, const std::string& name, std::string_view bytes) const;
    // Appends `line` to DIR/index (made when missing) under its lock, fsync'd when `sync`. On
    // failure the index is removed, so that summaries() reads the items instead of a stale index.
    void index_append(const std::string& line, bool sync) const;
    std::string dir_;
    int gid_;  // -1: no reviewers group
    int uid_;  // owner given to what a root caller makes; -1: leave it
    int owner_gid_;  // and its group (DIR's), when there is no reviewers group
};

class MemoryQuarantineStore : public QuarantineStore {
public:
    Result<Ok> put(const Item& item, std::string_view raw) override;
    Result<Item> get(const std::string& id) const override;
    Result<std::string> raw(const std::string& id) const override;
    Result<std::vector<std::string>> ids() const override;
    Result<Item> update(const std::string& id, const Change& change) override;
    Result<Ok> drop_message(const std::string& id) override;
    Result<Ok> remove(const std::string& id) override;
    Result<Ok> append_audit(const std::string& line) override;
    Result<std::string> audit_text() const override;

    // Test hooks: fail every write while set (a full disk); edit the audit log.
    void set_full(bool full) { full_ = full; }
    void overwrite_audit(std::string text) { audit_ = std::move(text); }

private:
    struct Stored {
        Item item;
        std::string raw;
        bool has_raw = true;
    };
    mutable std::mutex mu_;
    bool full_ = false;
    std::map<std::string, Stored> items_;
    std::string audit_;
};

}  // namespace ord::quarantine
