// The [forwarding] section of ordinance.toml: the forwarding check (checks/forwarding.h) --
// forwarding by people who were not the intended recipients (policy 2503 sections 2 and 7 J)
// and automatic forwarding to outside mail services (sections 4 and 13).
#pragma once

#include <cstddef>
#include <string>

#include "config/reader.h"

namespace ord {

struct ForwardingSettings {
    bool enabled = true;
    // Display names without an address ("Smith, John" in an Outlook header block) resolved
    // through this file (name,address per line), relative to data_dir; "" none.
    std::string display_names;
    // Ask the journal who received the original (Bcc, group expansion).
    bool use_journal = true;
    // A quoted original with no parsable date is looked up in the journal this far back.
    std::size_t lookback_days = 90;
    // Automatic forwarding to outside addresses (rule auto_forward_trace).
    bool auto_forward = true;
};

// Reads the [forwarding] table (when present) into `out`; errors go to `r` as file:line.
void read_forwarding_settings(ConfigReader& r, const toml::table& root, ForwardingSettings& out);

}  // namespace ord
