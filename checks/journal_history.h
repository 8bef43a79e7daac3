// JournalHistory: MessageHistory (policy/history.h) answered from the retention journal's
// index (journal/index.h), opened read-side on first use, so that an engine built before the
// milter's journal made its index (a first start) still finds it once it exists.
#pragma once

#include <memory>
#include <mutex>
#include <string>

#include "journal/index.h"
#include "policy/history.h"

namespace ord {

class JournalHistory final : public MessageHistory {
public:
    explicit JournalHistory(std::string index_path) : path_(std::move(index_path)) {}
    Lookup<std::vector<std::string>> recipients_of(const std::string& message_id, Deadline deadline) const override;
    Lookup<std::vector<std::string>> recipients_by(const std::string& sender, const std::string& subject,
                                                   int64_t since, int64_t until, Deadline deadline) const override;

private:
    // The index, or null with the reason in `why` when it does not exist (yet) or cannot be opened.
    const journal::JournalIndex* index(std::string& why) const;
    std::string path_;
    mutable std::mutex mu_;
    mutable std::unique_ptr<journal::JournalIndex> index_;
};

}  // namespace ord
