// What `ordinance eval` reads beside a corpus's labels.tsv besides the messages: a journal to
// seed (journal.tsv: who received which original, for cases only the journal can settle) and
// per-message envelopes (FILE.envelope: mail_from, rcpt, auth_login, client_addr lines).
#pragma once

#include <string>
#include <vector>

#include "base/result.h"
#include "policy/envelope.h"

namespace ord::cli {

// A temporary journal index made from DIR/journal.tsv, removed when this goes away.
class EvalJournal {
public:
    EvalJournal() = default;
    ~EvalJournal();
    EvalJournal(const EvalJournal&) = delete;
    EvalJournal& operator=(const EvalJournal&) = delete;
    // When DIR/journal.tsv exists: makes the journal and appends the overrides that point the
    // configuration at it (journal.enabled, journal.dir) to `sets`. Lines:
    //   MESSAGE-ID<TAB>SENDER<TAB>RECIPIENT[,RECIPIENT...]<TAB>YYYY-MM-DD<TAB>SUBJECT
    // ("-" for no Message-ID); '#' comments. Errors name journal.tsv:line.
    Result<Ok> seed(const std::string& dir, std::vector<std::string>& sets);
    std::size_t entries() const { return entries_; }

private:
    std::string tmp_;
    std::size_t entries_ = 0;
};

// Reads PATH when it exists (KEY=VALUE lines: mail_from, rcpt (each line one; replaces the
// header's), auth_login, client_addr, helo) into `env`. Errors name PATH:line.
Result<Ok> apply_envelope_file(const std::string& path, Envelope& env);

}  // namespace ord::cli
