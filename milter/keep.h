// Keeping the original of a message the gateway changed (an attachment stripped): written
// whole under attachments.stripped_dir before the MTA hears accept, with the journal's atomic
// writes (O_EXCL temp file, fsync, rename, directory fsync).
#pragma once

#include <string>
#include <string_view>

#include "base/result.h"
#include "config/config.h"

namespace ord::milter {

// A name for the kept original: "YYYY/MM/DD/QUEUEID-HHMMSS-RANDOM.eml" (UTC).
std::string kept_name(const std::string& queue_id);

// Writes `raw` as `name` under cfg.attachments.stripped_dir; durable when it returns Ok.
Result<Ok> keep_original(const Config& cfg, const std::string& name, std::string_view raw);

// Makes stripped_dir (mode 0700) and hands it to `user` when attachments.strip is set;
// called as root before privileges are dropped.
Result<Ok> prepare_stripped_dir(const Config& cfg, const std::string& user);

}  // namespace ord::milter
