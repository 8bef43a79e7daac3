// The [policy] section of ordinance.toml: the files of policy data about people and groups
// (policy 2503 sections 3, 5, 7 L) the policy store loads, and how group sends are counted.
#pragma once

#include <cstddef>
#include <string>

#include "config/reader.h"

namespace ord {

// Files relative to data_dir in the configuration, resolved when read. Empty: none.
struct PolicySettings {
    std::string groups;       // TOML [[group]] tables
    std::string aliases;      // CSV name,address
    std::string deactivated;  // CSV address,since[,reject|redirect]
    std::string supervisors;  // CSV person,supervisor
    std::string recipient_delimiter = "+";
    // A message naming more than min(share_members, share_percent% of the group) members
    // of a protected group, and at least share_floor, counts as a send to the group.
    std::size_t share_members = 50;
    std::size_t share_percent = 25;
    std::size_t share_floor = 10;
    bool redirect_deactivated = false;  // deliver to the supervisor instead of 550 5.1.1
    // When the policy store cannot answer in time: "fail_closed" tempfails (451 4.7.1, rule
    // policy_unavailable), "fail_open" tags the message and decides on the data there is.
    std::string on_unavailable = "fail_closed";
    bool fail_open() const { return on_unavailable == "fail_open"; }
};

// Reads the [policy] table (when present) into `out`, file names resolved against `data_dir`.
void read_policy_settings(ConfigReader& r, const toml::table& root, const std::string& data_dir,
                          PolicySettings& out);

}  // namespace ord
