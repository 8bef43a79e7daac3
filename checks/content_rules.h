// Content-policy rule files (config/rules/*.toml), read for the content check: one category per
// file, with its threshold, per-direction actions, allow-lists, scored phrases and RE2 regexes.
#pragma once

#include <cstddef>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "base/direction.h"
#include "base/result.h"
#include "base/verdict.h"

namespace ord {

// Where a pattern is matched.
enum class Scope { Subject = 0, Body = 1, Attachment = 2, Headers = 3 };
constexpr std::size_t kScopeCount = 4;
const char* scope_name(Scope s);

struct ContentPattern {
    std::string text;   // a phrase (matched on normalized text, word-bounded) or an RE2 regex
    bool regex = false;
    std::size_t line = 0;
};

// How a rule's match counts (see ContentCategory for the one way rules and model combine).
enum class RuleEffect { Score, Force, Veto };

struct ContentRule {
    std::string id;          // "forward_to_n"; reported as category.id
    double weight = 1.0;     // negative weights subtract (context that makes a phrase harmless)
    // weight_inbound / _outbound / _internal: the weight in one direction (default: weight)
    double direction_weight[kDirectionCount] = {1.0, 1.0, 1.0};
    RuleEffect effect = RuleEffect::Score;  // force: the category fires; veto: it cannot fire
    bool scopes[kScopeCount] = {false, true, true, false};
    bool directions[kDirectionCount] = {true, true, true};
    std::vector<ContentPattern> patterns;
    std::size_t line = 0;
};

// Personal-data detectors (only in personal_data.toml).
struct PersonalDataSettings {
    bool ssn = true, cards = true, routing = true;
    std::vector<std::string> ssn_context, card_context, routing_context;  // lower-case words
    std::size_t context_window = 150;  // bytes either side of a number where a context word counts
    // Count thresholds: the highest tier whose count is reached gives the proposed action.
    std::vector<std::pair<std::size_t, Verdict>> tiers{{1, Verdict::Tag}, {5, Verdict::Quarantine},
                                                       {20, Verdict::Reject}};
    std::vector<std::string> secure_partner_domains;
};

// A category fires on a message when no veto rule of it matched and any of:
//   - a force rule matched;
//   - the rules' score reaches `threshold` (weights add up; quoted text decays) and, when
//     `rules_need_model` is set and a model is loaded, the model's probability is at least that
//     (the rules propose, the model confirms: phrase lists written for one corpus misfire on
//     business mail that merely shares a phrase);
//   - the trained model's probability reaches `model_threshold`.
// Short of that, a probability at or above `model_tag_threshold` gives a tag only. allow_senders
// and a direction whose action is accept switch the category off before anything is scored.
struct ContentCategory {
    std::string id;      // category and engine rule id, e.g. "chain_letter"
    std::string file;    // the rule file it came from
    std::string policy;  // policy paragraph
    std::string reason;  // human reason prefix
    std::string reply;   // SMTP reply text for a refusal; empty: the reason (policy/rulebook.h)
    double threshold = 1.0;
    std::optional<double> model_threshold;      // none: the model does not decide this category
    std::optional<double> model_tag_threshold;  // none: no tag-only band
    std::optional<double> rules_need_model;     // none: the rules' score decides alone
    double quote_decay = 0.85;  // weight multiplier per quoting / forwarding level
    // Proposed action per direction; Accept means the category does not apply there.
    Verdict actions[kDirectionCount] = {Verdict::Tag, Verdict::Tag, Verdict::Tag};
    std::vector<std::string> allow_senders;  // addresses or domains (suffix match) never flagged
    std::vector<std::string> sender_domains;  // sender domains that add sender_weight to the score
    double sender_weight = 0;
    std::vector<std::string> recipient_domains;  // e.g. consumer webmail: escalate to recipient_action
    std::optional<Verdict> recipient_action;
    std::vector<ContentRule> rules;
    std::optional<PersonalDataSettings> personal_data;
};

struct ContentRules {
    std::vector<ContentCategory> categories;
    std::vector<std::string> files;  // absolute or config-relative paths as resolved
};

// Loads the rule files named in [content] rules, resolved relative to `config_dir`. Every
// regex is compiled once here so that a bad one is reported as file:line.
Result<std::shared_ptr<const ContentRules>> load_content_rules(const std::string& config_dir,
                                                               const std::vector<std::string>& files);

}  // namespace ord
