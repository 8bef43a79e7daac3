// The milter's two calls into the journal: open it at start (the directory is made and
// handed to the milter's user before root is dropped), and record each message at end of data.
#pragma once

#include <string>
#include <memory>
#include <string_view>

#include "base/result.h"
#include "policy/envelope.h"
#include "policy/finding.h"
#include "base/verdict.h"
#include "policy/config.h"
#include "mime/message.h"

namespace ord::journal {
class JournalWriter;
}

namespace ord::disposition {

// As root, before dropping privileges: creates journal.dir (mode 0700) and gives it, and
// the files the milter writes in it, to `user`. A no-op when the journal is disabled.
Result<Ok> prepare_journal_dir(const Config& cfg, const std::string& user);
// The daemon's journal: opened once after privileges are dropped (store, index, recovery),
// then shared by every connection's thread (the writer serialises its own writes).
class JournalSink {
public:
    ~JournalSink();
    // A sink that records nothing when journal.enabled is false.
    static Result<std::unique_ptr<JournalSink>> open(const Config& cfg);
    // Journals one message: whole when `keep_body` (it goes on to the MTA), else its metadata
    // with `reason` (refused, discarded). An error means the message is not journaled.
    Result<Ok> record(const Config& cfg, const Envelope& env, std::string_view raw, const mime::Message& msg,
                      Verdict verdict, bool keep_body, const Findings& findings, const std::string& reason);

private:
    JournalSink();
    std::unique_ptr<journal::JournalWriter> writer_;
};

}  // namespace ord::disposition
