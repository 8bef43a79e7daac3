// The explicit table of checks: every check with its factory. No self-registration. The
// rules they report are in the rule book (policy/rulebook.h).
#pragma once

#include <memory>
#include <span>
#include <string_view>

#include "policy/check.h"
#include "base/verdict.h"
#include "policy/config.h"

namespace ord {

struct CheckFactory {
    std::string_view name;
    std::unique_ptr<Check> (*make)(const Config&);
};

std::span<const CheckFactory> check_table();

}  // namespace ord
