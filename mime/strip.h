// Cutting parts out of a message: a banned attachment is replaced by a short text part that
// says what was removed and why, and every other byte of the message stays as it came.
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <string_view>

#include "mime/parse.h"

namespace ord::mime {

// A key for a leaf part's content: the same decoded bytes give the same key whatever their
// transfer encoding. Line breaks at the very end are not counted (a 7bit body's last line
// break belongs to the boundary that follows it). Hex, 16 digits and the length.
std::string part_key(std::string_view decoded_body);

struct Stripped {
    std::string body;            // the new body: every byte after the top-level header block
    std::size_t removed = 0;     // leaf parts replaced
    bool top_replaced = false;   // the message itself was the part: its header needs
                                 // Content-Type: text/plain; charset=utf-8, no CTE/disposition
    std::string missing;         // a key asked for and not found (then removed may be short)
};

// Replaces every leaf part whose part_key is a key of `notices` with a text/plain part whose
// text is the mapped notice. Walks the raw bytes (boundaries, message/rfc822 in 7bit/8bit/
// binary) to at most limits.max_depth. A key that cannot be found, e.g. inside a base64-encoded
// message/rfc822, is named in `missing`: the caller must then not deliver the message as it is.
Stripped strip_parts(std::string_view raw, const std::map<std::string, std::string>& notices,
                     const Limits& limits = {});

// The whole changed message: raw's header block (with the body's Content-Type, Content-
// Transfer-Encoding and Content-Disposition fields rewritten when top_replaced), then body.
// What the MTA delivers after the milter's changes; for `ordinance scan --strip-out`.
std::string stripped_message(std::string_view raw, const Stripped& s);

}  // namespace ord::mime
