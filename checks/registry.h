// The explicit table of checks: every check with its factory. No self-registration. The
// rules they report are in the rule book (policy/rulebook.h).
#pragma once

#include <memory>
#include <span>
#include <string_view>

#include "policy/check.h"
#include "base/verdict.h"
#include "policy/config.h"
#include "policy/services.h"

namespace ord {

std::span<const CheckFactory> check_table();

}  // namespace ord
