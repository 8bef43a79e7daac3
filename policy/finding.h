// What a check reports: one Finding per rule that fired, with its evidence. A check never
// decides the SMTP answer; the Engine folds findings into a verdict from the configuration.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/verdict.h"

namespace ord {

struct Finding {
    std::string rule;       // rule id, e.g. "oversize"
    std::string category;   // the rule book's categories (policy/rulebook.h)
    Verdict action = Verdict::Accept;  // filled in by the Engine from the configuration
    double score = 0;
    std::string reason;     // human-readable; safe to show in an SMTP reply
    std::string evidence;   // short excerpt or figure that shows why
    std::string policy;     // policy paragraph, e.g. "2503 section 9 D"
    std::string enhanced_code{};  // RFC 3463 code for a refusal when not 5.7.1 / 4.7.1, e.g. "5.1.1"
    std::string recipient{};      // the recipient a RCPT-time finding is about
    std::string redirect_to{};    // deliver to this address instead of `recipient` (e.g. a supervisor)
    std::vector<std::string> moderators{};  // who decides on a held send to a moderated group
    std::optional<Verdict> proposed{};  // action from the check's own rule data; [rules.ID] keys override it
    std::string part{};           // mime::part_key of the part this is about, for stripped_attachment
    std::string part_label{};     // and how people are told of it: "'setup.exe' (executable)"
    std::string explanation{};    // the long form, several lines (ordinance scan --explain)
};

using Findings = std::vector<Finding>;

}  // namespace ord
