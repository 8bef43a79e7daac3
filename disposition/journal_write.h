// The milter's two calls into the journal: open it at start (the directory is made and
// handed to the milter's user before root is dropped), and record each message at end of data.
#pragma once

#include <string>
#include <string_view>

#include "base/result.h"
#include "policy/envelope.h"
#include "policy/finding.h"
#include "base/verdict.h"
#include "policy/config.h"
#include "mime/message.h"

namespace ord::journal {

// As root, before dropping privileges: creates journal.dir (mode 0700) and gives it, and
// the files the milter writes in it, to `user`. A no-op when the journal is disabled.
Result<Ok> prepare_journal_dir(const Config& cfg, const std::string& user);
// After dropping privileges: opens the process's journal (store, index, recovery).
Result<Ok> open_milter_journal(const Config& cfg);

// Journals one message at end of data. What goes on to the MTA (accept, tag, quarantine)
// is kept whole; reject and discard are kept as metadata with their reason. An error
// means the message is not journaled and the milter must tempfail it.
Result<Ok> journal_message(const Config& cfg, const Envelope& env, std::string_view raw, const mime::Message& msg,
                           Verdict verdict, const Findings& findings, const std::string& reason);

}  // namespace ord::journal
