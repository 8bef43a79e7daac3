// MessageHistory: who actually received a message, as the journal recorded it (Bcc and group
// expansion included). The forwarding check asks it; checks/journal_history.h answers from the
// journal's index. An interface here so that policy/Services need not know the index.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "base/deadline.h"
#include "base/lookup.h"

namespace ord {

class MessageHistory {
public:
    virtual ~MessageHistory() = default;
    // Envelope recipients of every journaled message with this Message-ID (angle brackets
    // kept, as in the header). Not found: the journal has no such message.
    virtual Lookup<std::vector<std::string>> recipients_of(const std::string& message_id, Deadline deadline) const = 0;
    // The same for a message known only by its sender, its subject (compared without Re:/Fw:
    // prefixes and case) and a time window (unix seconds, [since, until)).
    virtual Lookup<std::vector<std::string>> recipients_by(const std::string& sender, const std::string& subject,
                                                           int64_t since, int64_t until, Deadline deadline) const = 0;
};

}  // namespace ord
