#include "policy/rulebook.h"

#include <array>

namespace ord {
namespace {

// The rules of the coded checks. They stay compiled in: each is emitted by code in checks/,
// so a data file could only drift from it (a rule dropped from the file would silently fall
// back to tag). Their actions and replies are set per site in [rules.ID].
struct Builtin {
    std::string_view id, category;
    Verdict action;
    std::string_view policy;
};

constexpr std::array kBuiltins{
    Builtin{"oversize", "oversize", Verdict::Reject, "2503 section 9 D (large file transfers)"},
    Builtin{"virus", "virus", Verdict::Reject, "DNR Internet policy (files and attachments virus-checked)"},
    Builtin{"virus_unscannable", "virus", Verdict::Quarantine,
            "DNR Internet policy (files and attachments virus-checked)"},
    Builtin{"antivirus_error", "policy_unavailable", Verdict::TempFail,
            "DNR Internet policy (files and attachments virus-checked)"},
    Builtin{"banned_attachment", "banned_attachment", Verdict::Reject, "2503 section 24 (no software from outside)"},
    Builtin{"stripped_attachment", "banned_attachment", Verdict::Tag, "2503 section 24 (no software from outside)"},
    Builtin{"protected_group", "protected_group", Verdict::Reject, "2503 section 3"},
    Builtin{"protected_group_moderated", "protected_group", Verdict::Quarantine, "2503 section 3"},
    Builtin{"protected_group_share", "protected_group", Verdict::Reject, "2503 section 3"},
    Builtin{"deactivated_sender", "deactivated_account", Verdict::Reject, "2503 section 5"},
    Builtin{"deactivated_recipient", "deactivated_account", Verdict::Reject, "2503 section 5"},
    Builtin{"deactivated_redirect", "deactivated_account", Verdict::Tag, "2503 section 5"},
    Builtin{"sender_identity", "sender_identity", Verdict::Tag, "2503 section 7 L"},
    Builtin{"sender_identity_protected", "sender_identity", Verdict::Reject, "2503 sections 3 and 7 L"},
    Builtin{"malformed", "malformed", Verdict::Tag, "RFC 5322 and RFC 2045 message format"},
    // checks/forwarding.h. The weak form (original recipients unknown) proposes tag itself.
    Builtin{"forward_by_nonrecipient", "forward_by_nonrecipient", Verdict::Quarantine,
            "2503 sections 2 and 7 J (forwarding mail one was not an intended recipient of)"},
    Builtin{"auto_forward_trace", "auto_forward", Verdict::Reject,
            "2503 sections 4 and 13 (retention, department mail)"},
};

// Categories of the coded checks, and those no rule emits yet.
constexpr std::array<std::string_view, 10> kBuiltinCategories{
    "protected_group", "deactivated_account", "sender_identity", "forward_by_nonrecipient", "virus",
    "banned_attachment", "oversize", "malformed", "rate_limit", "policy_unavailable"};

}  // namespace

RuleBook RuleBook::builtin() {
    RuleBook b;
    for (auto c : kBuiltinCategories) b.categories_.emplace_back(c);
    for (const auto& r : kBuiltins) {
        RuleInfo info;
        info.id = r.id;
        info.category = r.category;
        info.policy = r.policy;
        info.action = r.action;
        for (auto& a : info.actions) a = r.action;
        b.add(std::move(info));
    }
    return b;
}

void RuleBook::add(RuleInfo r) {
    if (!has_category(r.category)) categories_.push_back(r.category);
    rules_.push_back(std::move(r));
}

void RuleBook::add_rule_files(const std::string& data_dir, const std::vector<std::string>& files,
                              ConfigReader& errors) {
    const char* keys[] = {"action_inbound", "action_outbound", "action_internal"};
    for (const auto& f : files) {
        std::string path = data_dir.empty() ? f : resolve_path(data_dir, f);
        auto parsed = parse_toml_file(path);
        if (!parsed) {
            errors.add(parsed.error().message);
            continue;
        }
        // A file without a usable [category] id is reported by the content check's loader,
        // with the rest of the file's mistakes; here it simply defines no rule.
        const toml::node* cn = parsed->get("category");
        const toml::table* ct = cn ? cn->as_table() : nullptr;
        auto id = ct && ct->get("id") ? ct->get("id")->value<std::string>() : std::nullopt;
        if (!id || id->empty()) continue;
        RuleInfo r;
        r.id = r.category = *id;
        r.file = path;
        r.line = ct->source().begin.line;
        if (const RuleInfo* before = find(r.id)) {
            if (before->file.empty())
                errors.add(path + ":" + std::to_string(r.line) + ": category '" + r.id +
                           "' is a built-in rule; choose another id");
            continue;  // the same id in two rule files: the content loader names both
        }
        auto text = [&](std::string_view key, std::string& out) {
            if (const toml::node* n = ct->get(key))
                if (auto s = n->value<std::string>()) out = *s;
        };
        text("policy", r.policy);
        text("reason", r.reason);
        text("reply", r.reply);
        r.action = Verdict::Accept;
        for (std::size_t d = 0; d < kDirectionCount; ++d) {
            if (const toml::node* n = ct->get(keys[d]))
                if (auto s = n->value<std::string>())
                    if (auto v = parse_verdict(*s)) r.actions[d] = *v;
            r.action = worse(r.action, r.actions[d]);
        }
        add(std::move(r));
    }
}

const RuleInfo* RuleBook::find(std::string_view id) const {
    for (const auto& r : rules_)
        if (r.id == id) return &r;
    return nullptr;
}

bool RuleBook::has_category(std::string_view category) const {
    for (const auto& c : categories_)
        if (c == category) return true;
    return false;
}

std::string RuleBook::policy_of(std::string_view id) const {
    const RuleInfo* r = find(id);
    return r ? r->policy : std::string();
}

std::string RuleBook::reference(std::string_view id) const { return rule_reference(id, policy_of(id)); }

std::string RuleBook::known_ids() const {
    std::string known;
    for (const auto& r : rules_) known += (known.empty() ? "" : ", ") + r.id;
    return known;
}

std::string rule_reference(std::string_view id, std::string_view policy) {
    std::string out = "rule " + std::string(id);
    if (!policy.empty()) out += ", policy " + std::string(policy);
    return out;
}

}  // namespace ord
