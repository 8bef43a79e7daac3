// One message through the whole engine, as the milter runs it: every recipient through the
// RCPT-time checks, then the message through the end-of-message checks. Used by
// `ordinance scan` and the benchmarks so that they measure and show exactly what the milter does.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "policy/engine.h"

namespace ord {

struct ScanOutcome {
    Decision decision;  // the folded verdict over recipients and message
    std::vector<std::pair<std::string, Decision>> recipients;  // per recipient, as answered at RCPT
    std::size_t parse_anomalies = 0;
    // What the milter's end of message sees: the envelope with the recipients accepted at RCPT
    // (and the sender as used), and the end-of-message decision; absent when the transaction
    // was refused before the data (at MAIL FROM, or every recipient).
    Envelope accepted;
    std::optional<Decision> message;
    mime::Message parsed;  // the message as the checks saw it (its raw view is the caller's bytes)
};

// When env.mail_from is empty and `from_header_stands_in`, the From: address is used.
ScanOutcome scan_message(const Engine& engine, Envelope env, std::string_view raw, bool from_header_stands_in = true);

// The addr-spec of a header value such as `"Name" <a@b>` or `a@b (x)`; lower-cased domain.
std::string extract_address(std::string_view header_value);

}  // namespace ord
