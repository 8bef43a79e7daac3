// Carrying out a Plan. The order is fixed here, once, for the milter and the tests:
//
//   1. every MTA action the plan needs must have been granted (else 451 4.3.5, nothing done);
//   2. the original is kept whole (when a part is cut out);
//   3. the MTA changes: headers, recipients (add before delete), header fields and body, hold;
//   4. the quarantine item (quarantine.mode "store": the answer is then discard);
//   5. the journal entry;
//   6. notices (spooled; the MTA hears nothing of them);
//   7. the answer.
//
// A step that fails stops the plan: the answer becomes the configured one for that step
// (disposition.on_*_error, tempfail by default), the kept original and a stored quarantine
// item are removed again, and
// nothing later happens — so the journal never holds a message the MTA was told 451, and a
// hold that failed is never a delivery. A notice that cannot be spooled is logged and does
// not change the answer: the message is already journaled by then.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"
#include "policy/config.h"
#include "disposition/plan.h"

namespace ord::disposition {

// The MTA's side: the milter implements it with smfi_*; each call true on success.
class MtaPort {
public:
    virtual ~MtaPort() = default;
    virtual unsigned granted() const = 0;  // Need flags the MTA granted at negotiation
    virtual bool add_header(const std::string& name, const std::string& value) = 0;
    virtual bool change_header(const std::string& name, const std::optional<std::string>& value) = 0;
    virtual bool add_rcpt(const std::string& addr) = 0;
    virtual bool del_rcpt(const std::string& addr) = 0;
    virtual bool replace_body(std::string_view body) = 0;
    virtual bool hold(const std::string& reason) = 0;
};

// The durable writes: disposition/durable.h implements them on the real stores.
class DurablePort {
public:
    virtual ~DurablePort() = default;
    // The original of a stripped message, as p.keep (under attachments.stripped_dir, or as a
    // quarantine item when p.keep_in_quarantine).
    virtual Result<Ok> keep(const Plan& p, std::string_view raw) = 0;
    virtual void unkeep(const Plan& p) = 0;  // a kept original whose message was not taken
    // Stores the plan's quarantine item (p.store) durably; returns its id.
    virtual Result<std::string> quarantine(const Plan& p) = 0;
    virtual void unquarantine(const std::string& id) = 0;  // an item whose message was not taken
    virtual Result<Ok> journal(const Plan& p) = 0;
    virtual Result<Ok> notice(const Notice& n) = 0;
};

struct Step {
    std::string name;    // "keep", "headers", "recipients", "body", "hold", "quarantine", "journal", "notice", "granted"
    bool ok = true;
    std::string detail;  // what failed
};

struct Outcome {
    Answer answer;             // what the MTA is told
    std::vector<Step> steps;   // every step tried, in order
    bool as_planned = true;    // false: a step failed and `answer` is the failure answer
};

Outcome execute(const Plan& p, std::string_view raw, const Config::Disposition& on_error, MtaPort& mta,
                DurablePort& durable);

}  // namespace ord::disposition
