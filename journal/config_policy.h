// The retention policy of a loaded configuration: [journal] default_retention and its
// [[journal.retention]] classes, turned into the journal's own types.
#pragma once

#include "journal/retention.h"
#include "journal/settings.h"

namespace ord::journal {

RetentionPolicy policy_from_config(const Settings& settings);

// The whole configuration (policy/config.h, a layer above journal/) by its [journal] section,
// so that callers holding a Config need not name the section.
template <class Snapshot>
    requires requires(const Snapshot& c) { c.journal; }
RetentionPolicy policy_from_config(const Snapshot& cfg) {
    return policy_from_config(static_cast<const Settings&>(cfg.journal));
}

}  // namespace ord::journal
