// Loads the in-process policy store from plain, diff-able files: groups (TOML), and the
// alias, deactivated-account and supervisor maps (CSV). Errors read "file:line: what".
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "base/result.h"
#include "cache/memory_policy_store.h"

namespace ord {

struct PolicyFiles {
    std::string groups;       // TOML: [[group]] tables
    std::string aliases;      // CSV: name,address       (name: a login or an alternate address)
    std::string deactivated;  // CSV: address,since[,reject|redirect]
    std::string supervisors;  // CSV: person,supervisor
    std::vector<std::string> internal_domains;
    std::vector<std::string> trusted_networks;
    std::string recipient_delimiter = "+";
    bool redirect_deactivated = false;  // default for deactivated rows without a third column
};

Result<std::shared_ptr<const MemoryPolicyStore>> load_policy_files(const PolicyFiles& files);

}  // namespace ord
