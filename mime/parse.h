// The MIME front end: raw bytes in, a Message out, with hard limits checked before
// mimetic ever sees the bytes. It never throws, never recurses without a bound.
#pragma once

#include <cstddef>
#include <string_view>

#include "mime/message.h"

namespace ord::mime {

struct Limits {
    std::size_t max_message_bytes = 100u * 1024 * 1024;  // larger messages: headers only
    std::size_t max_depth = 32;                          // multipart + message/rfc822 nesting
    std::size_t max_parts = 1000;
    std::size_t max_headers = 1000;  // fields in one header block
    std::size_t max_line_length = 65536;
    // One header field, folded lines together: mimetic grows a field's buffer 128 bytes at a
    // time, so its cost is quadratic in the field's length. Postfix's header_size_limit.
    std::size_t max_header_bytes = 102400;
    // Past a limit, text is still read from the raw body for the content checks: at most this
    // many bytes (0: none).
    std::size_t max_salvage_bytes = 4u * 1024 * 1024;
};

// Parses a message. Anything wrong becomes an Anomaly in the result; whatever could be
// parsed is kept. Safe on arbitrary bytes.
Message parse(std::string_view raw, const Limits& limits = {});

}  // namespace ord::mime
