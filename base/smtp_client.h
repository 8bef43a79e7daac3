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
// cannot help; every recipient refused with one counts too), "smtp_unsupported" (the message
// needs 8BITMIME or SMTPUTF8 and the server does not offer it: nothing sent; mail_parameters)
// or "smtp" (any other reply).
Result<Delivery> send_message(const std::string& hostport, const std::string& label, const std::string& helo,
                              const std::string& sender, const std::vector<std::string>& rcpts,
                              std::string_view message, int timeout_seconds);

// The service extensions of an EHLO reply that decide how a message may go (RFC 6152, 6531).
struct Extensions {
    bool eightbitmime = false;
    bool smtputf8 = false;
};
// From the EHLO reply's lines ("250-host", "250-8BITMIME", "250 SMTPUTF8"): keywords are
// case-insensitive; the first line is the greeting, not a keyword.
Extensions parse_ehlo(const std::vector<std::string>& lines);
// The MAIL FROM parameters the message and envelope need from a server with `ext`:
// " BODY=8BITMIME" for a message with a byte over 0x7F, " SMTPUTF8" for a non-ASCII address
// (the sender or a recipient). An error (code "smtp_unsupported") when one is needed and not
// offered: 8-bit data must not go to a 7-bit server (RFC 6152 section 3), nor a UTF-8 address
// to a server without SMTPUTF8 (RFC 6531 section 3.2); we do not downgrade.
Result<std::string> mail_parameters(const Extensions& ext, std::string_view message, const std::string& sender,
                                    const std::vector<std::string>& rcpts);

// The DATA block: dot-stuffed, bare LF made CRLF, ending with the final dot line.
std::string data_block(std::string_view message);

}  // namespace ord::smtp
