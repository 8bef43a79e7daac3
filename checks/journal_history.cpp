#include "checks/journal_history.h"

#include <sys/stat.h>

namespace ord {

const journal::JournalIndex* JournalHistory::index(std::string& why) const {
    std::lock_guard lock(mu_);
    if (index_) return index_.get();
    struct stat st {};
    // Never create it here: the journal's owner (the milter, `ordinance journal`) makes it with
    // the right owner and mode; until then there is simply no history.
    if (::stat(path_.c_str(), &st) != 0) {
        why = "no journal index at " + path_;
        return nullptr;
    }
    auto idx = journal::JournalIndex::open(path_);
    if (!idx) {
        why = idx.error().message;
        return nullptr;
    }
    index_ = std::move(*idx);
    return index_.get();
}

namespace {
Lookup<std::vector<std::string>> answer(Result<std::vector<std::string>> r) {
    if (!r) return Unavailable{r.error().message};
    if (r->empty()) return not_found;
    return std::move(*r);
}
}  // namespace

Lookup<std::vector<std::string>> JournalHistory::recipients_of(const std::string& message_id, Deadline) const {
    std::string why;
    const journal::JournalIndex* idx = index(why);
    if (!idx) return Unavailable{why};
    // The index is opened with SQLITE_OPEN_FULLMUTEX: one connection serves every thread.
    return answer(idx->recipients_of(message_id));
}

Lookup<std::vector<std::string>> JournalHistory::recipients_by(const std::string& sender, const std::string& subject,
                                                               int64_t since, int64_t until, Deadline) const {
    std::string why;
    const journal::JournalIndex* idx = index(why);
    if (!idx) return Unavailable{why};
    return answer(idx->recipients_by(sender, subject, since, until));
}

}  // namespace ord
