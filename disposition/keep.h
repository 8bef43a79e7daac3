// Keeping the original of a message the gateway changed (an attachment stripped): written
// whole under attachments.stripped_dir before the MTA hears accept, with the journal's atomic
// writes (O_EXCL temp file, fsync, rename, directory fsync).
#pragma once

#include <string>
#include <string_view>

#include "base/result.h"
#include "policy/config.h"

namespace ord::disposition {

// A name for the kept original: "YYYY/MM/DD/QUEUEID-HHMMSS-RANDOM.eml" (UTC).
std::string kept_name(const std::string& queue_id);

// Writes `raw` as `name` under cfg.attachments.stripped_dir; durable when it returns Ok.
Result<Ok> keep_original(const Config& cfg, const std::string& name, std::string_view raw);

// Makes `dir` (mode 0700) if it is missing and, running as root, hands it to `user`: the
// directories only the milter may use (spool, stripped originals, notices). `what` names the
// setting in errors, e.g. "attachments.stripped_dir".
Result<Ok> make_private_dir(const std::string& dir, const std::string& user, const std::string& what);

// make_private_dir for attachments.stripped_dir when attachments.strip is set; called as
// root before privileges are dropped.
Result<Ok> prepare_stripped_dir(const Config& cfg, const std::string& user);

}  // namespace ord::disposition
