// A held message as the quarantine keeps it: the envelope with each recipient's own state,
// why it was held, and what happened to it since. Serialised as a small line format (meta)
// in which every value is percent-encoded, so no mail-derived value can forge a field.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"

namespace ord::quarantine {

// held -> releasing (claimed, SMTP under way) -> released; held -> deleted. A `releasing`
// recipient that stays so is one whose release may have been delivered (a crash between the
// listener's 250 and the mark): only a forced release sends it again.
enum class RcptState { Held, Releasing, Released, Deleted };
std::string_view state_name(RcptState s);
bool parse_state(std::string_view s, RcptState& out);

struct Recipient {
    std::string addr;
    RcptState state = RcptState::Held;
    std::string release_id;  // the claim that took it to releasing/released
};

struct FindingRecord {
    std::string rule, category, action, reason, evidence, policy;
};

struct HistoryEvent {
    int64_t time = 0;
    std::string who;     // Unix user, or "ordinance-milter"
    std::string what;    // held | claim | released | release_failed | deleted | expired
    std::string detail;  // recipients, release id, reason, SMTP error
};

struct Item {
    std::string id;  // ours: [0-9A-Za-z-], never from mail
    int64_t time = 0;
    std::string queue_id;
    std::string sender;
    std::vector<Recipient> rcpts;
    std::string identity;   // who sent it (login or verified sender)
    std::string direction;  // inbound | outbound | internal
    std::string client_addr;
    std::string subject;
    std::string reason;  // "Ordinance: chain_letter"
    std::vector<FindingRecord> findings;
    std::vector<std::string> moderators;
    std::vector<HistoryEvent> history;
    std::size_t size = 0;  // bytes of the raw message

    // held while any recipient is held or releasing; else the last state of all.
    std::string overall_state() const;
    bool has_state(RcptState s) const;
};

// A fresh id: UTC time and 8 random hex digits ("20261202T061500Z-3fa9c2e1").
std::string new_item_id(int64_t now, uint32_t random);
// True for ids we generate (letters, digits, '-', 1..64 chars): checked before any path is made.
bool valid_id(std::string_view id);

// Percent-encoding: bytes outside printable ASCII, space and '%' become %HH.
std::string encode_value(std::string_view s);
Result<std::string> decode_value(std::string_view s);

std::string format_meta(const Item& item);
Result<Item> parse_meta(std::string_view text);

}  // namespace ord::quarantine
