// The retention policy of a loaded configuration: [journal] default_retention and its
// [[journal.retention]] classes, turned into the journal's own types.
#pragma once

#include "config/config.h"
#include "journal/retention.h"

namespace ord::journal {

RetentionPolicy policy_from_config(const Config& cfg);

}  // namespace ord::journal
