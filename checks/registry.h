// The explicit tables of rules and checks: every rule id with its category, default action
// and policy paragraph, and every check with its factory. No self-registration.
#pragma once

#include <memory>
#include <span>
#include <string_view>

#include "policy/check.h"
#include "base/verdict.h"
#include "config/config.h"
#include "policy/services.h"

namespace ord {

struct RuleInfo {
    std::string_view id;
    std::string_view category;
    Verdict default_action;
    std::string_view policy;  // paragraph the rule enforces (ASCII, fit for an SMTP reply)
};

struct CheckFactory {
    std::string_view name;
    std::unique_ptr<Check> (*make)(const Config&, const Services&);
};

std::span<const RuleInfo> rule_table();
std::span<const CheckFactory> check_table();
const RuleInfo* find_rule(std::string_view id);

// The closed set of finding categories.
std::span<const std::string_view> categories();

}  // namespace ord
