#include "journal/journal.h"

#include <chrono>
#include <cstdio>
#include <random>
#include <set>

#include "base/log.h"
#include "journal/codec.h"
#include "mime/parse.h"

namespace ord::journal {

Clock system_clock() {
    return [] {
        return static_cast<int64_t>(
            std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch())
                .count());
    };
}

Random system_random() {
    auto gen = std::make_shared<std::mt19937_64>(std::random_device{}());
    auto mu = std::make_shared<std::mutex>();
    return [gen, mu] {
        std::lock_guard<std::mutex> lock(*mu);
        return (*gen)();
    };
}

std::string chain_hash(const std::string& prev, uint64_t seq, const std::string& id, const std::string& key,
                       const std::string& entry_sha256) {
    return sha256_hex(prev + "\n" + std::to_string(seq) + " " + id + " " + key + " " + entry_sha256);
}

std::optional<ChainLink> parse_chain_line(std::string_view line) {
    ChainLink l;
    std::string parts[5];
    size_t pos = 0;
    for (int i = 0; i < 5; ++i) {
        size_t sp = i < 4 ? line.find(' ', pos) : line.size();
        if (sp == std::string_view::npos) return std::nullopt;
        parts[i] = std::string(line.substr(pos, sp - pos));
        pos = sp + 1;
    }
    if (parts[0].empty() || parts[0].find_first_not_of("0123456789") != std::string::npos) return std::nullopt;
    l.seq = std::stoull(parts[0]);
    l.id = parts[1];
    l.key = parts[2];
    l.entry_sha256 = parts[3];
    l.chain_sha256 = parts[4];
    if (l.entry_sha256.size() != 64 || l.chain_sha256.size() != 64) return std::nullopt;
    return l;
}

std::string body_text_of_raw(std::string_view raw) { return body_text_of(mime::parse(raw)); }

std::string body_text_of(const mime::Message& m) {
    std::string out;
    m.for_each_part([&](const mime::Part& p) {
        if (p.text.empty() || out.size() > (1u << 20)) return;
        out += p.text;
        out += "\n";
    });
    if (out.size() > (1u << 20)) out.resize(1u << 20);
    return out;
}

std::string JournalWriter::new_id(int64_t t) {
    CivilTime c = civil_from_unix(t);
    uint64_t r;
    {
        std::lock_guard<std::mutex> lock(id_mu_);
        r = opts_.random();
    }
    char buf[64];
    std::snprintf(buf, sizeof buf, "%04d%02d%02dT%02d%02d%02dZ-%016llx", c.year, c.month, c.day, c.hour, c.minute,
                  c.second, static_cast<unsigned long long>(r));
    return buf;
}

Result<std::unique_ptr<JournalWriter>> JournalWriter::open(std::unique_ptr<JournalStore> store,
                                                           std::unique_ptr<JournalIndex> index, Options opts) {
    std::unique_ptr<JournalWriter> w(new JournalWriter(std::move(store), std::move(index), std::move(opts)));
    if (auto r = w->recover(); !r) return r.error();
    return w;
}

Result<Ok> JournalWriter::recover() {
    // Under the lock: another writer on this journal (the old process of a restart, still
    // draining) neither appends nor is taken for a crash while the chain is read.
    auto held = StoreLock::take(*store_);
    if (!held) return held.error();
    auto logs = store_->list("chain/");
    if (!logs) return logs.error();
    std::set<std::string> chained;
    // The last three chain files cover every entry a crash could have left unchained.
    size_t first = logs->size() > 3 ? logs->size() - 3 : 0;
    for (size_t i = first; i < logs->size(); ++i) {
        auto text = store_->read_log((*logs)[i]);
        if (!text) return text.error();
        std::string& t = *text;
        if (i + 1 == logs->size() && !t.empty() && t.back() != '\n') {
            size_t keep = t.rfind('\n');
            keep = keep == std::string::npos ? 0 : keep + 1;
            log::warn("journal_torn_chain_line", {{"log", (*logs)[i]}, {"cut_bytes", std::to_string(t.size() - keep)}});
            if (auto r = store_->truncate_log((*logs)[i], keep); !r) return r;
            t.resize(keep);
        }
        chain_log_ = (*logs)[i];
        chain_off_ = t.size();
        follow_chain(t, chained);
    }
    // Entries of the last two days (and of the latest chain day) that are not chained.
    int64_t now = opts_.clock();
    std::set<std::string> days{day_path(now), day_path(now - 86400)};
    if (!logs->empty()) {
        std::string last = logs->back().substr(6);  // "chain/YYYY-MM-DD"
        if (auto t = parse_utc(last)) {
            days.insert(day_path(*t));
            days.insert(day_path(*t - 86400));
            days.insert(day_path(*t + 86400));
        }
    }
    std::vector<Pending> orphans;
    std::vector<JournalEntry> orphan_entries;
    std::vector<std::string> orphan_keys;
    for (const auto& d : days) {
        (void)store_->remove_unfinished("entries/" + d);
        auto keys = store_->list("entries/" + d + "/");
        if (!keys) continue;
        for (const auto& k : *keys) {
            auto slash = k.rfind('/');
            std::string id = k.substr(slash + 1, k.size() - slash - 1 - 4);
            if (chained.count(id)) continue;
            orphan_keys.push_back(k);
        }
    }
    orphan_entries.reserve(orphan_keys.size());
    for (const auto& k : orphan_keys) {
        auto bytes = store_->get(k);
        if (!bytes) continue;
        std::string raw;
        auto e = parse_entry(*bytes, &raw);
        if (!e) {
            log::error("journal_bad_entry", {{"key", k}, {"error", e.error().message}});
            continue;
        }
        orphan_entries.push_back(std::move(*e));
        Pending p;
        p.entry = nullptr;
        p.key = k;
        p.entry_sha256 = sha256_hex(*bytes);
        p.body_text = raw.empty() ? "" : body_text_of_raw(raw);
        orphans.push_back(std::move(p));
    }
    if (orphans.empty()) return Ok{};
    std::vector<Pending*> batch;
    for (size_t i = 0; i < orphans.size(); ++i) {
        orphans[i].entry = &orphan_entries[i];
        batch.push_back(&orphans[i]);
    }
    if (auto r = flush(batch); !r) return r;
    recovered_ = orphans.size();
    log::warn("journal_recovered", {{"entries", std::to_string(orphans.size())}});
    return Ok{};
}

// Moves the head to the last whole line of chain text `t`; the ids it chains go to `ids`.
void JournalWriter::follow_chain(std::string_view t, std::set<std::string>& ids) {
    size_t pos = 0;
    while (pos < t.size()) {
        size_t nl = t.find('\n', pos);
        if (nl == std::string_view::npos) break;
        auto link = parse_chain_line(t.substr(pos, nl - pos));
        pos = nl + 1;
        if (!link) continue;
        ids.insert(link->id);
        seq_ = link->seq;
        head_ = link->chain_sha256;
    }
}

// Reads what other writers appended to the chain since this one last read or wrote it, up to
// the log `target` (today's): the head moves to their last line, and the ids they chained go
// to `others`. Called under the store's lock.
Result<Ok> JournalWriter::catch_up(const std::string& target, std::set<std::string>& others) {
    std::vector<std::string> logs;
    if (!chain_log_.empty() && target == chain_log_) {
        logs.push_back(chain_log_);  // the same day: nobody can have begun a later log
    } else {
        auto all = store_->list("chain/");
        if (!all) return all.error();
        for (auto& l : *all)
            if (chain_log_.empty() || l >= chain_log_) logs.push_back(std::move(l));
    }
    for (const auto& l : logs) {
        size_t from = l == chain_log_ ? chain_off_ : 0;
        auto more = store_->read_log_from(l, from);
        if (!more) return more.error();
        std::string& t = *more;
        if (!t.empty() && t.back() != '\n') {
            // A writer died mid-line (no living one is appending: we hold the lock).
            size_t keep = t.rfind('\n');
            keep = keep == std::string::npos ? 0 : keep + 1;
            log::warn("journal_torn_chain_line", {{"log", l}, {"cut_bytes", std::to_string(t.size() - keep)}});
            if (auto r = store_->truncate_log(l, from + keep); !r) return r;
            t.resize(keep);
        }
        follow_chain(t, others);
        chain_log_ = l;
        chain_off_ = from + t.size();
    }
    return Ok{};
}

Result<Ok> JournalWriter::flush(const std::vector<Pending*>& batch) {
    std::vector<Pending*> mine = batch;
    auto undo = [&](const Error& e) -> Result<Ok> {
        // Nothing of a failed batch may look journaled: its callers tempfail.
        for (auto* p : mine) (void)store_->remove(p->key);
        (void)store_->sync();
        return e;
    };
    std::string day = day_path(opts_.clock());
    for (auto& c : day) c = c == '/' ? '-' : c;
    const std::string target = "chain/" + day;
    // One writer at a time from reading the head to appending after it: with two processes
    // on one journal the chain stays one line of links.
    auto held = StoreLock::take(*store_);
    if (!held) return undo(held.error());
    std::set<std::string> others;
    if (auto r = catch_up(target, others); !r) return undo(r.error());
    // An entry another process's recovery already chained (it found it between our rename and
    // this append) is journaled: it is not chained twice.
    if (!others.empty()) {
        std::vector<Pending*> left;
        for (auto* p : mine)
            if (!others.count(p->entry->id)) left.push_back(p);
        mine.swap(left);
        if (mine.empty()) return Ok{};
    }
    if (auto r = store_->sync(); !r) return undo(r.error());
    std::string lines;
    uint64_t seq = seq_;
    std::string head = head_;
    for (auto* p : mine) {
        ++seq;
        head = chain_hash(head, seq, p->entry->id, p->key, p->entry_sha256);
        lines += std::to_string(seq) + " " + p->entry->id + " " + p->key + " " + p->entry_sha256 + " " + head + "\n";
    }
    size_t before = chain_off_;
    if (target != chain_log_) {
        auto existing = store_->read_log_from(target, 0);  // an earlier day's log (the clock went back)
        if (!existing) return undo(existing.error());
        before = existing->size();
    }
    if (auto r = store_->append(target, lines); !r) return undo(r.error());
    seq_ = seq;
    head_ = head;
    chain_log_ = target;
    chain_off_ = before + lines.size();
    if (index_) {
        std::vector<JournalIndex::Item> items;
        items.reserve(mine.size());
        for (auto* p : mine) items.push_back({p->entry, p->key, p->entry_sha256, p->body_text});
        // The index is a catalogue, rebuilt by `journal reindex`; its failure never fails a message.
        if (auto r = index_->insert(items); !r)
            log::error("journal_index_error", {{"error", r.error().message}, {"entries", std::to_string(mine.size())}});
    }
    return Ok{};
}

Result<Ok> JournalWriter::commit(Pending& p) {
    std::unique_lock<std::mutex> lk(mu_);
    p.ticket = ++next_ticket_;
    queue_.push_back(&p);
    while (done_upto_ < p.ticket) {
        if (!leader_) {
            leader_ = true;
            std::vector<Pending*> batch;
            batch.swap(queue_);
            lk.unlock();
            Result<Ok> r = Error{"internal", "journal flush threw"};
            try {
                r = flush(batch);
            } catch (const std::exception& e) {
                r = Error{"internal", e.what()};
            }
            lk.lock();
            if (!r)
                for (auto* b : batch) failed_[b->ticket] = r.error();
            done_upto_ = batch.back()->ticket;
            leader_ = false;
            cv_.notify_all();
        } else {
            cv_.wait(lk);
        }
    }
    auto it = failed_.find(p.ticket);
    if (it != failed_.end()) {
        Error e = it->second;
        failed_.erase(it);
        return e;
    }
    return Ok{};
}

Result<std::string> JournalWriter::record(JournalEntry e, std::string_view raw, bool keep_body,
                                          const std::string& body_text, const RetentionPolicy* policy) {
    e.time = opts_.clock();
    e.id = new_id(e.time);
    e.size = raw.size();
    e.has_body = keep_body;
    e.raw_sha256 = keep_body ? sha256_hex(raw) : "";
    e.retention_class = (policy ? *policy : opts_.policy).class_for(e.participants());
    auto bytes = serialize_entry(e, raw);
    if (!bytes) return bytes.error();
    Pending p;
    p.entry = &e;
    p.key = entry_key(e);
    p.entry_sha256 = sha256_hex(*bytes);
    p.body_text = keep_body ? body_text : "";
    if (auto r = store_->put(p.key, *bytes); !r) return r.error();
    if (auto r = commit(p); !r) return r.error();
    return e.id;
}

}  // namespace ord::journal
