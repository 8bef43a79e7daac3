// Where journal bytes live: entry objects written once and read back, and append-only
// logs (the hash chain, disposals, holds). An interface so the journal can move to
// shared storage (docs/journal-scale.md); FsStore is the real one, MemoryStore its twin.
#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"

namespace ord::journal {

class JournalStore {
public:
    virtual ~JournalStore() = default;
    // Writes an object under `key` ("entries/2026/11/25/ID.ojm"); never overwrites.
    // The bytes are durable when put returns; the name is durable after sync().
    virtual Result<Ok> put(const std::string& key, std::string_view bytes) = 0;
    // Makes the names of every put so far durable (the group-commit point).
    virtual Result<Ok> sync() = 0;
    virtual Result<std::string> get(const std::string& key) const = 0;
    virtual bool exists(const std::string& key) const = 0;
    virtual Result<Ok> remove(const std::string& key) = 0;
    // Keys under a prefix ("entries/2026/11/"), sorted; unfinished writes are not listed.
    virtual Result<std::vector<std::string>> list(const std::string& prefix) const = 0;
    // Appends to a log durably ("chain/2026-11-25", "disposal.log").
    virtual Result<Ok> append(const std::string& log, std::string_view data) = 0;
    // A log's whole content; empty when it does not exist yet.
    virtual Result<std::string> read_log(const std::string& log) const = 0;
    // Cuts a log back to `size` bytes (recovery of a torn last line only).
    virtual Result<Ok> truncate_log(const std::string& log, std::size_t size) = 0;
    // Leftovers of writes that never finished (a crash between open and rename); removed.
    virtual Result<std::size_t> remove_unfinished(const std::string& prefix) = 0;
    // A log's bytes from `offset` to its end; empty when the log is shorter or missing.
    virtual Result<std::string> read_log_from(const std::string& log, std::size_t offset) const = 0;
    // One writer at a time, across processes (two milters on one journal, a restart that
    // overlaps the old process's drain, the command line's holds and purges): held from
    // reading a log's last line to appending after it. Reentrant within one thread.
    virtual Result<Ok> lock() = 0;
    virtual void unlock() = 0;
};

// Holds a store's lock for its scope.
class StoreLock {
public:
    static Result<StoreLock> take(JournalStore& s) {
        if (auto r = s.lock(); !r) return r.error();
        return StoreLock(&s);
    }
    StoreLock(StoreLock&& o) noexcept : s_(o.s_) { o.s_ = nullptr; }
    StoreLock(const StoreLock&) = delete;
    StoreLock& operator=(const StoreLock&) = delete;
    StoreLock& operator=(StoreLock&&) = delete;
    ~StoreLock() {
        if (s_) s_->unlock();
    }

private:
    explicit StoreLock(JournalStore* s) : s_(s) {}
    JournalStore* s_;
};

// A directory tree. Objects: temp name opened O_EXCL mode 0600, write, fsync, rename;
// sync() fsyncs every directory that gained a name since the last sync.
class FsStore : public JournalStore {
public:
    static Result<std::unique_ptr<FsStore>> open(const std::string& root);

    Result<Ok> put(const std::string& key, std::string_view bytes) override;
    Result<Ok> sync() override;
    Result<std::string> get(const std::string& key) const override;
    bool exists(const std::string& key) const override;
    Result<Ok> remove(const std::string& key) override;
    Result<std::vector<std::string>> list(const std::string& prefix) const override;
    Result<Ok> append(const std::string& log, std::string_view data) override;
    Result<std::string> read_log(const std::string& log) const override;
    Result<Ok> truncate_log(const std::string& log, std::size_t size) override;
    Result<std::size_t> remove_unfinished(const std::string& prefix) override;
    Result<std::string> read_log_from(const std::string& log, std::size_t offset) const override;
    // flock(LOCK_EX) on ROOT/journal.lock, which is made on first use (by root: handed to the
    // journal directory's owner, so the milter can still take it).
    Result<Ok> lock() override;
    void unlock() override;
    const std::string& root() const { return root_; }
    ~FsStore() override;

private:
    explicit FsStore(std::string root) : root_(std::move(root)) {}
    Result<Ok> make_dirs(const std::string& rel_dir);

    std::string root_;
    std::mutex mu_;
    std::set<std::string> dirty_dirs_;  // absolute paths
    // Relative directories known to exist: put() makes them once, not once per object (a
    // journal entry per message would otherwise cost four failing mkdir calls).
    std::set<std::string> made_dirs_;
    std::recursive_mutex lock_mu_;
    int lock_depth_ = 0;
    int lock_fd_ = -1;
};

// In memory, for unit tests: same contract, plus faults to inject.
class MemoryStore : public JournalStore {
public:
    Result<Ok> put(const std::string& key, std::string_view bytes) override;
    Result<Ok> sync() override;
    Result<std::string> get(const std::string& key) const override;
    bool exists(const std::string& key) const override;
    Result<Ok> remove(const std::string& key) override;
    Result<std::vector<std::string>> list(const std::string& prefix) const override;
    Result<Ok> append(const std::string& log, std::string_view data) override;
    Result<std::string> read_log(const std::string& log) const override;
    Result<Ok> truncate_log(const std::string& log, std::size_t size) override;
    Result<std::size_t> remove_unfinished(const std::string& prefix) override;
    Result<std::string> read_log_from(const std::string& log, std::size_t offset) const override;
    Result<Ok> lock() override {
        lock_mu_.lock();
        return Ok{};
    }
    void unlock() override { lock_mu_.unlock(); }

    // Test hooks: fail every write with ENOSPC's message while set; edit stored bytes.
    void set_full(bool full) { full_ = full; }
    void overwrite(const std::string& key, std::string bytes) { objects_[key] = std::move(bytes); }
    void overwrite_log(const std::string& log, std::string bytes) { logs_[log] = std::move(bytes); }

private:
    mutable std::mutex mu_;
    std::recursive_mutex lock_mu_;
    bool full_ = false;
    std::map<std::string, std::string> objects_;
    std::map<std::string, std::string> logs_;
};

}  // namespace ord::journal
