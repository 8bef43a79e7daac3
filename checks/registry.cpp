#include "checks/registry.h"

#include <array>

#include "checks/malformed_check.h"
#include "checks/size_check.h"

namespace ord {
namespace {

constexpr std::array kRules{
    RuleInfo{"oversize", "oversize", Verdict::Reject, "2503 section 9 D (large file transfers)"},
    RuleInfo{"malformed", "malformed", Verdict::Tag, "RFC 5322 and RFC 2045 message format"},
};

const std::array kChecks{
    CheckFactory{"size", [](const Config& c) -> std::unique_ptr<Check> { return std::make_unique<SizeCheck>(c); }},
    CheckFactory{"malformed",
                 [](const Config&) -> std::unique_ptr<Check> { return std::make_unique<MalformedCheck>(); }},
};

constexpr std::array<std::string_view, 18> kCategories{
    "protected_group", "deactivated_account", "sender_identity", "forward_by_nonrecipient", "chain_letter",
    "solicitation",    "gambling",            "newsletter",      "offensive",               "personal_data",
    "auto_forward",    "social_network",      "virus",           "banned_attachment",       "oversize",
    "malformed",       "rate_limit",          "policy_unavailable"};

}  // namespace

std::span<const RuleInfo> rule_table() { return kRules; }
std::span<const CheckFactory> check_table() { return kChecks; }
std::span<const std::string_view> categories() { return kCategories; }

const RuleInfo* find_rule(std::string_view id) {
    for (const auto& r : kRules)
        if (r.id == id) return &r;
    return nullptr;
}

}  // namespace ord
