// What `ordinance quarantine` and its interactive `review` share: the item filters, the item
// rendering (summary, explanation, text) and the release and delete actions with their rights
// checks and audit records, so the two front ends cannot drift apart.
#pragma once

#include <cstdint>
#include <memory>
#include <ostream>
#include <string>
#include <vector>

#include "policy/config.h"
#include "quarantine/store.h"

namespace ord {
class ClamAvEngine;
}

namespace ord::cli::qcmd {

using ord::quarantine::Item;
using ord::quarantine::QuarantineStore;

// The Unix user running the command (and the sudo caller), and the time now.
std::string whoami();
int64_t now();
// "YYYY-MM-DD HH:MM" UTC.
std::string utc(int64_t t);
// The item's rule ids, each once, comma-separated.
std::string rules_of(const Item& it);

struct Filter {
    int64_t since = -1;
    std::string rule, category, sender, rcpt, state;
    bool match(const Item& it) const;
};
// Parses the filter option at a[i] (and its value: i moves past it). 1: it was one; 0: it is
// not a filter option; -1: a bad value, `err` says why (prefixed with `cmd`).
int parse_filter_option(const std::vector<std::string>& a, std::size_t& i, Filter& f, const std::string& cmd,
                        std::string& err);

// The items the user running the command may view (quarantine/rights.h may_view), in order;
// the number left out goes to standard error in one line (nothing when none is), for `cmd`.
std::vector<Item> viewable(std::vector<Item> items, const Config& cfg, const std::string& cmd);

// The envelope, each recipient's state, moderators, the findings with their evidence and
// policy paragraphs, and the history: every mail-derived value rendered safely
// (base/terminal.h). What `show` prints before the header block.
std::string render_item(const Item& i);
// The header block of a raw message.
std::string header_block(const std::string& raw);
// The text of every text part that is not an attachment, rendered safely (show --text).
std::string render_text(const std::string& raw);

// The release of one or more items as `release` does it: rights (quarantine/rights.h), the
// re-scan with the current signatures, the release itself; every refusal and outcome in one
// line on `out` and in the audit log. 0 when all were released, 1 otherwise.
struct ReleaseOptions {
    std::string reason;
    std::vector<std::string> only;  // --rcpt
    bool force = false;
    bool rescan = true;
};
class ReleaseRunner {
public:
    ReleaseRunner(QuarantineStore& store, const Config& cfg);
    ~ReleaseRunner();
    int run(const std::vector<std::string>& ids, const ReleaseOptions& o, std::ostream& out);

private:
    std::string rescan_refusal(const std::string& id);
    QuarantineStore& store_;
    const Config& cfg_;
    std::shared_ptr<const ord::ClamAvEngine> av_;  // loaded once, at the first re-scan
    bool av_tried_ = false;
};

// The delete of one or more items as `delete` does it (rights, audit); 0 when all were deleted.
int delete_items(QuarantineStore& store, const Config& cfg, const std::vector<std::string>& ids,
                 const std::string& reason, std::ostream& out);

// `ordinance quarantine review [filters]` (cli/quarantine_review.cpp).
int cmd_review(QuarantineStore& store, const Config& cfg, const std::vector<std::string>& args);
// `ordinance quarantine settle ID... --maillog FILE` (cli/quarantine_settle.cpp).
int cmd_settle(QuarantineStore& store, const std::vector<std::string>& args);
// `ordinance quarantine digest [--dry-run]` (cli/quarantine_digest.cpp).
int cmd_digest(QuarantineStore& store, const Config& cfg, const std::vector<std::string>& args);

}  // namespace ord::cli::qcmd
