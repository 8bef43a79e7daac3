#include "checks/registry.h"

#include <array>

#include "checks/antivirus_check.h"
#include "checks/attachment_check.h"
#include "checks/content_check.h"
#include "checks/directory_check.h"
#include "checks/malformed_check.h"
#include "checks/size_check.h"

namespace ord {
namespace {

constexpr std::array kRules{
    RuleInfo{"oversize", "oversize", Verdict::Reject, "2503 section 9 D (large file transfers)"},
    RuleInfo{"virus", "virus", Verdict::Reject, "DNR Internet policy (files and attachments virus-checked)"},
    RuleInfo{"virus_unscannable", "virus", Verdict::Quarantine, "DNR Internet policy (files and attachments virus-checked)"},
    RuleInfo{"antivirus_error", "policy_unavailable", Verdict::TempFail, "DNR Internet policy (files and attachments virus-checked)"},
    RuleInfo{"banned_attachment", "banned_attachment", Verdict::Reject, "2503 section 24 (no software from outside)"},
    RuleInfo{"stripped_attachment", "banned_attachment", Verdict::Tag, "2503 section 24 (no software from outside)"},
    RuleInfo{"chain_letter", "chain_letter", Verdict::Tag, "2503 section 7 N (chain letters, jokes)"},
    RuleInfo{"solicitation", "solicitation", Verdict::Tag, "2503 section 7 N and 7 C (solicitation, private business)"},
    RuleInfo{"gambling", "gambling", Verdict::Tag, "2503 section 7 E (gambling, betting pools)"},
    RuleInfo{"newsletter", "newsletter", Verdict::Tag, "2503 section 7 D (non-business newsletters)"},
    RuleInfo{"offensive", "offensive", Verdict::Quarantine, "2503 section 7 F (offensive material)"},
    RuleInfo{"personal_data", "personal_data", Verdict::Tag, "DNR policy (confidential personal information)"},
    RuleInfo{"auto_forward", "auto_forward", Verdict::Reject, "2503 sections 4 and 13 (retention, department mail)"},
    RuleInfo{"social_network", "social_network", Verdict::Tag, "DNR policy (department address as social login)"},
    RuleInfo{"protected_group", "protected_group", Verdict::Reject, "2503 section 3"},
    RuleInfo{"protected_group_moderated", "protected_group", Verdict::Quarantine, "2503 section 3"},
    RuleInfo{"protected_group_share", "protected_group", Verdict::Reject, "2503 section 3"},
    RuleInfo{"deactivated_sender", "deactivated_account", Verdict::Reject, "2503 section 5"},
    RuleInfo{"deactivated_recipient", "deactivated_account", Verdict::Reject, "2503 section 5"},
    RuleInfo{"deactivated_redirect", "deactivated_account", Verdict::Tag, "2503 section 5"},
    RuleInfo{"sender_identity", "sender_identity", Verdict::Tag, "2503 section 7 L"},
    RuleInfo{"sender_identity_protected", "sender_identity", Verdict::Reject, "2503 sections 3 and 7 L"},
    RuleInfo{"malformed", "malformed", Verdict::Tag, "RFC 5322 and RFC 2045 message format"},
};

const std::array kChecks{
    CheckFactory{"size", [](const Config& c, const Services&) -> std::unique_ptr<Check> {
                     return std::make_unique<SizeCheck>(c);
                 }},
    CheckFactory{"directory", [](const Config& c, const Services& s) -> std::unique_ptr<Check> {
                     return std::make_unique<DirectoryCheck>(c, s.policy);
                 }},
    CheckFactory{"content", [](const Config& c, const Services&) -> std::unique_ptr<Check> {
                     return std::make_unique<ContentCheck>(c);
                 }},
    CheckFactory{"malformed", [](const Config&, const Services&) -> std::unique_ptr<Check> {
                     return std::make_unique<MalformedCheck>();
                 }},
    CheckFactory{"attachments", [](const Config& c, const Services&) -> std::unique_ptr<Check> {
                     return std::make_unique<AttachmentCheck>(c);
                 }},
    CheckFactory{"antivirus", [](const Config& c, const Services& s) -> std::unique_ptr<Check> {
                     return std::make_unique<AntivirusCheck>(c, s.antivirus);
                 }},
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
