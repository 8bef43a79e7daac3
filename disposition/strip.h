// Strip instead of refuse (attachments.strip): which parts a decision says to cut out of the
// message, and the notice that takes each one's place.
#pragma once

#include <map>
#include <string>
#include <string_view>

#include "policy/engine.h"
#include "mime/message.h"

namespace ord {

// True when the message goes on (accept, tag, quarantine) and some stripped_attachment
// finding names a part to cut out.
bool wants_strip(const Decision& d);

// part_key -> the text that replaces the part: what was removed, why, and where the original
// is kept (`reference`, e.g. the file name under attachments.stripped_dir; may be empty).
std::map<std::string, std::string> strip_notices(const Decision& d, const std::string& reference);

// One line for a header or a log: "'a.docm' (macro_document); 'b.js' (script)".
std::string stripped_summary(const Decision& d);

}  // namespace ord
