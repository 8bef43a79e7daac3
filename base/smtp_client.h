// One message out by SMTP: what the notice sender (disposition/notify) and the quarantine's
// re-injection (quarantine/release) both do. A timeout on every step; no TLS, no AUTH: both
// talk to a listener on the gateway's own loopback.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"

namespace ord::smtp {

struct Delivery {
    std::vector<std::string> taken;  // the recipients the server took, in order
    std::string refusals;            // "addr: reply; ..." for the others
};

// Connects to `hostport` (HOST:PORT, [v6]:PORT), greets with EHLO `helo`, MAIL FROM:<sender>
// ("" for the null sender), RCPT TO each recipient, and sends `message` dot-stuffed with CRLF
// line ends once at least one recipient was taken. Errors start with `label` for the address
// ("notify.smtp", "reinjection listener") or "SMTP <step>"; their code is "config" (not
// HOST:PORT), "io" (connect, lost connection, no reply), "smtp_permanent" (a 5xx: trying again
// cannot help; every recipient refused with one counts too) or "smtp" (any other reply).
Result<Delivery> send_message(const std::string& hostport, const std::string& label, const std::string& helo,
                              const std::string& sender, const std::vector<std::string>& rcpts,
                              std::string_view message, int timeout_seconds);

// The DATA block: dot-stuffed, bare LF made CRLF, ending with the final dot line.
std::string data_block(std::string_view message);

}  // namespace ord::smtp
