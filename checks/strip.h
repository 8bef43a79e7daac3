// Strip instead of refuse (attachments.strip): which parts a decision says to cut out of the
// message, and the notice that takes each one's place.
#pragma once

#include <map>
#include <string>
#include <string_view>

#include "checks/engine.h"
#include "mime/message.h"

namespace ord {

// Whether a banned part of this kind is cut out (attachments.strip lists the kind) rather than
// the message refused: only a MIME part of its own can be (a uuencoded file cannot).
bool part_strippable(const Config& cfg, const mime::Part& p, std::string_view kind);
// Makes `f` name the part to cut out: its part_key, and `'shown' (kind)` for people (the media
// type when the part has no name).
void mark_stripped(Finding& f, const mime::Part& p, const std::string& shown, std::string_view kind);

// True when the message goes on (accept, tag, quarantine) and some stripped_attachment
// finding names a part to cut out.
bool wants_strip(const Decision& d);

// part_key -> the text that replaces the part: what was removed, why, and where the original
// is kept (`reference`, e.g. the file name under attachments.stripped_dir; may be empty).
std::map<std::string, std::string> strip_notices(const Decision& d, const std::string& reference);

// One line for a header or a log: "'a.docm' (macro_document); 'b.js' (script)".
std::string stripped_summary(const Decision& d);

}  // namespace ord
