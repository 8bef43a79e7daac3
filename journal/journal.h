// The JournalWriter: every message the gateway lets through is written here, durably,
// before the MTA hears accept. Concurrent records share one group commit (directory
// fsync + hash-chain append) while each caller waits for its own entry to be durable.
#pragma once

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"
#include "journal/entry.h"
#include "journal/index.h"
#include "journal/retention.h"
#include "journal/store.h"
#include "mime/message.h"

namespace ord::journal {

using Clock = std::function<int64_t()>;      // unix seconds, UTC
using Random = std::function<uint64_t()>;

Clock system_clock();
Random system_random();

// One line of the hash chain: "SEQ ID KEY ENTRY_SHA256 CHAIN_SHA256".
struct ChainLink {
    uint64_t seq = 0;
    std::string id, key, entry_sha256, chain_sha256;
};
std::string chain_hash(const std::string& prev, uint64_t seq, const std::string& id, const std::string& key,
                       const std::string& entry_sha256);
std::optional<ChainLink> parse_chain_line(std::string_view line);
constexpr const char* kChainGenesis = "0000000000000000000000000000000000000000000000000000000000000000";

class JournalWriter {
public:
    struct Options {
        RetentionPolicy policy;
        Clock clock = system_clock();
        Random random = system_random();
    };
    // Recovers first: removes unfinished temp files, cuts a torn last chain line, and
    // chains (and indexes) complete entries a crash left unchained.
    static Result<std::unique_ptr<JournalWriter>> open(std::unique_ptr<JournalStore> store,
                                                       std::unique_ptr<JournalIndex> index, Options opts);

    // Writes one entry. `e` carries the envelope, verdict and findings; id, time, size,
    // hash and retention class are filled in here. With `keep_body` the raw message is
    // stored (zstd); otherwise only the metadata and the message's size. Returns the entry id once it is durable
    // and chained; an error means nothing was kept and the caller must tempfail.
    // `policy` overrides the writer's retention policy (a reloaded configuration).
    Result<std::string> record(JournalEntry e, std::string_view raw, bool keep_body, const std::string& body_text,
                               const RetentionPolicy* policy = nullptr);

    JournalStore& store() { return *store_; }
    JournalIndex* index() { return index_.get(); }
    std::size_t recovered() const { return recovered_; }

private:
    struct Pending {
        const JournalEntry* entry;
        std::string key, entry_sha256, body_text;
        uint64_t ticket = 0;
    };
    JournalWriter(std::unique_ptr<JournalStore> s, std::unique_ptr<JournalIndex> i, Options o)
        : store_(std::move(s)), index_(std::move(i)), opts_(std::move(o)) {}
    Result<Ok> recover();
    Result<Ok> catch_up(const std::string& target, std::set<std::string>& others);
    void follow_chain(std::string_view chain_text, std::set<std::string>& ids);
    Result<Ok> flush(const std::vector<Pending*>& batch);
    Result<Ok> commit(Pending& p);
    std::string new_id(int64_t t);

    std::unique_ptr<JournalStore> store_;
    std::unique_ptr<JournalIndex> index_;
    Options opts_;
    std::mutex id_mu_;

    // Group commit state.
    std::mutex mu_;
    std::condition_variable cv_;
    std::vector<Pending*> queue_;
    bool leader_ = false;
    uint64_t next_ticket_ = 0, done_upto_ = 0;
    std::map<uint64_t, Error> failed_;

    // The chain's head: only the leader (or open) touches it. Another process may append
    // to the chain too (under the store's lock): chain_log_ and chain_off_ say how far this
    // writer has read or written, so it reads only what the others added since.
    uint64_t seq_ = 0;
    std::string head_ = kChainGenesis;
    std::string chain_log_;
    std::size_t chain_off_ = 0;
    std::size_t recovered_ = 0;
};

// Text of every text part, for the full-text index (bounded to 1 MiB).
std::string body_text_of(const mime::Message& m);
std::string body_text_of_raw(std::string_view raw);

}  // namespace ord::journal
