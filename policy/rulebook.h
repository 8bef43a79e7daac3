// The rule book: every rule id the Engine knows, with its category, policy paragraph, reason,
// default action per direction and reply text. Built-in rules of the coded checks plus one
// rule per content rule file ([category] table), so a new rule file needs no rebuild.
#pragma once

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "base/direction.h"
#include "base/verdict.h"
#include "config/reader.h"

namespace ord {

struct RuleInfo {
    std::string id;        // "oversize", or a rule file's category id ("chain_letter")
    std::string category;  // finding category (a built-in one, or the rule file's id)
    std::string policy;    // paragraph the rule enforces (ASCII, fit for an SMTP reply)
    std::string reason;    // human reason; empty: the check's own words
    // Default action per direction; `action` where none applies (at MAIL FROM).
    Verdict actions[kDirectionCount] = {Verdict::Tag, Verdict::Tag, Verdict::Tag};
    Verdict action = Verdict::Tag;
    std::string reply;     // SMTP reply text for a refusal; empty: the finding's reason
    std::string file;      // the rule file that defines it; empty: built in
    std::size_t line = 0;

    Verdict default_action(std::optional<Direction> dir) const {
        return dir ? actions[static_cast<std::size_t>(*dir)] : action;
    }
};

class RuleBook {
public:
    // The rules of the coded checks (size, antivirus, attachments, directory, malformed) and
    // the categories that have no rule file (rate_limit, forward_by_nonrecipient, ...).
    static RuleBook builtin();

    // Adds the rule each content rule file defines in its [category] table (id, policy, reason,
    // reply, action_inbound/_outbound/_internal). Only what the rule book needs is read here;
    // the content check reads and validates the rest of the file (checks/content_rules.h).
    // Errors (file unreadable, a category that redefines a built-in rule) go to `errors`.
    void add_rule_files(const std::string& data_dir, const std::vector<std::string>& files,
                        ConfigReader& errors);

    const RuleInfo* find(std::string_view id) const;
    std::span<const RuleInfo> rules() const { return rules_; }
    // Finding categories: the built-in ones, then one per rule file.
    std::span<const std::string> categories() const { return categories_; }
    bool has_category(std::string_view category) const;
    // The policy paragraph of a rule; "" for an unknown one.
    std::string policy_of(std::string_view id) const;
    // "rule ID, policy PARAGRAPH" (or "rule ID" when it has none): what a refusal names.
    std::string reference(std::string_view id) const;
    // Every id, comma-separated, for "unknown rule" errors.
    std::string known_ids() const;

private:
    void add(RuleInfo r);
    std::vector<RuleInfo> rules_;
    std::vector<std::string> categories_;
};

// "rule ID, policy PARAGRAPH" for a rule and the paragraph a finding names (which may be more
// precise than the rule's, e.g. a protected group's own).
std::string rule_reference(std::string_view id, std::string_view policy);

}  // namespace ord
