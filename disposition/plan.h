// From a decision to what happens to the message: a Plan lists every change the MTA is asked
// to make, every durable write and notice, and the SMTP answer. It is computed first, with no
// side effect (so `ordinance scan --plan` prints exactly what the milter will do); then
// disposition/execute.h carries it out in an order that never leaves a record of a message
// the MTA was not told was accepted.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/direction.h"
#include "base/verdict.h"
#include "policy/config.h"
#include "mime/message.h"
#include "policy/engine.h"
#include "policy/envelope.h"

namespace ord::disposition {

// What a plan needs the MTA to have granted (the milter's SMFIF_* actions, without libmilter).
enum Need : unsigned {
    kNeedAddHeader = 1u << 0,
    kNeedChangeHeader = 1u << 1,
    kNeedChangeBody = 1u << 2,
    kNeedHold = 1u << 3,
    kNeedAddRcpt = 1u << 4,
    kNeedDelRcpt = 1u << 5,
};
// "rule_a,rule_b": each rule that fired, once, in order.
std::string rule_list(const Findings& fs);
// "addheader,chgbody" for the flags in `needs`.
std::string need_names(unsigned needs);

struct HeaderAdd {
    std::string name, value;  // value: one line, at most 900 bytes
};
// Header fields rewritten when the message itself was the part cut out; nullopt deletes it.
struct HeaderChange {
    std::string name;
    std::optional<std::string> value;
};
// A recipient the policy sends elsewhere (a deactivated account's supervisor): the new one is
// added before the old one is removed, so that a failure never leaves nobody to deliver to.
struct RecipientSwap {
    std::string from, to, rule;
};
struct BodyReplacement {
    std::string body;       // every byte after the header block, as it is to be delivered
    std::size_t removed = 0;  // parts cut out
    std::string summary;    // "'a.exe' (executable)"
};
struct Notice {
    std::string to;       // envelope recipient (the sender of the held message)
    std::string message;  // RFC 5322, CRLF
};
// A quarantine held in our own store (quarantine.mode = "store"): the item is written, then
// the journal, and the MTA is told discard: the message is ours now, and a reviewer's
// release re-injects it to these recipients (redirects already applied).
struct StoreItem {
    std::string reason;               // "Ordinance: chain_letter"
    std::vector<std::string> rcpts;   // the envelope recipients the item holds
};
struct Answer {
    Verdict verdict = Verdict::Accept;
    std::string code, enhanced, text;  // empty code: the MTA's own reply
    std::string reply() const { return code.empty() ? "" : code + " " + enhanced + " " + text; }
};

struct Plan {
    std::string queue_id;
    Findings findings;
    std::optional<Direction> direction;  // of the message, as the engine decided it
    std::string strip_failed;  // the part a strip could not cut out (the plan is then a refusal)
    // MTA changes, applied in this order: headers added, recipients swapped, header fields
    // rewritten and the body replaced, then the hold.
    std::vector<HeaderAdd> headers;
    std::vector<RecipientSwap> recipients;
    std::vector<HeaderChange> header_changes;
    std::optional<BodyReplacement> body;
    std::optional<std::string> hold;  // the reason given with the MTA's hold (quarantine.mode "mta_hold")
    std::optional<StoreItem> store;   // held in the quarantine store (quarantine.mode "store")
    // Durable writes: the original kept whole (name under attachments.stripped_dir) before
    // the body is changed; the journal entry (whole message, or its metadata when refused).
    std::string keep;
    // The original goes into the quarantine store as item `keep` (quarantine.mode "store"), where
    // reviewers find it and may release it whole; else under attachments.stripped_dir.
    bool keep_in_quarantine = false;
    bool journal = false;
    bool journal_body = false;
    std::vector<Notice> notices;  // spooled once the journal has the message
    Answer answer;
    unsigned needs = 0;  // Need flags

    bool goes_on() const {
        return answer.verdict == Verdict::Accept || answer.verdict == Verdict::Tag ||
               answer.verdict == Verdict::Quarantine;
    }
    // What the journal records: a stored quarantine is "quarantine", not the discard the MTA hears.
    Verdict journal_verdict() const { return store ? Verdict::Quarantine : answer.verdict; }
};

struct PlanInputs {
    const Config& cfg;
    const Envelope& env;         // the accepted recipients
    std::string_view raw;        // the message as received
    const mime::Message& msg;    // parsed from raw
    // Name for the kept original when a part is stripped; empty: disposition::kept_name().
    std::string keep_name = {};
    // The engine that decided: for the supervisor notice (the sender's identity, the policy
    // store's supervisor map); null: no supervisor notice.
    const Engine* engine = nullptr;
};

// Computes the plan for the end-of-message decision `d`. No side effect. A part that the
// decision says to strip but that cannot be cut out makes the plan a refusal (550 naming
// rule stripped_attachment), as without attachments.strip.
Plan make_plan(const PlanInputs& in, Decision d);

// The answer for a failed step, from the configured verdict (tempfail or reject).
Answer failure_answer(Verdict configured, const std::string& what);

// Human-readable plan, one item per line (indented by `indent`), every mail-derived string
// made safe for a terminal; and the same plan as one JSON object.
std::string plan_text(const Plan& p, const std::string& indent = "  ");
std::string plan_json(const Plan& p);

}  // namespace ord::disposition
