// The attachment-type policy (policy 2503 section 24: no software from outside): which
// kinds of file are dangerous, told from content first and from names, and when the ban applies.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "policy/context.h"
#include "policy/envelope.h"
#include "policy/finding.h"
#include "mime/message.h"
#include "policy/config.h"

namespace ord {

enum class FileKind { Executable, Script, Shortcut, DiskImage, Installer, MacroDocument };
std::string_view file_kind_name(FileKind k);  // "executable", ... as in attachments.banned_kinds

struct KindMatch {
    FileKind kind;
    std::string why;  // "content is a Windows executable", "name ends in .js", ...
};

// From the first bytes of a file (magic numbers), for when ClamAV is not loaded or not asked.
std::optional<KindMatch> kind_from_content(std::string_view bytes);
// From ClamAV's type name ("CL_TYPE_MSEXE").
std::optional<KindMatch> kind_from_clamav_type(std::string_view type);
// From a file name: the last extension, after trailing dots and spaces are dropped (Windows
// drops them too); a name inside an archive may carry a path.
std::optional<KindMatch> kind_from_name(std::string_view name);

// Tricks in a name that hide its real type: a right-to-left override or other bidi control
// ("invoice<RLO>fdp.exe" shows as "invoiceexe.pdf"), a double extension whose last part is
// dangerous ("invoice.pdf.exe"), padding before the real extension. Empty when none.
std::string name_trick(std::string_view name);

// The member names in a zip's central directory (zip, docx, xlsm, jar, ...), at most `max`;
// empty when the bytes are not a readable zip. Reads the directory only, never inflates.
std::vector<std::string> zip_member_names(std::string_view zip, std::size_t max = 10000);

// A name fit to show: bidi controls written as <U+202E>, other control characters as '?', so
// that a log line, a reply or a terminal shows the name as it really is.
std::string shown_name(std::string_view name);

// Whether the ban applies to this message: attachments.enabled, the direction is listed in
// attachments.directions, and the sender is not in attachments.allow_senders.
bool attachment_policy_applies(const Config& cfg, const MessageContext& ctx);
bool kind_banned(const Config& cfg, FileKind k);
// Whether attachments of this kind ("macro_document", "disguised_name", ...) are cut out of the
// message (rule stripped_attachment) rather than the message refused (banned_attachment).
inline bool kind_stripped(const Config& cfg, std::string_view kind) {
    for (const auto& k : cfg.attachments.strip)
        if (k == kind) return true;
    return false;
}

// Whether a banned part of this kind is cut out (attachments.strip lists the kind) rather than
// the message refused: only a MIME part of its own can be (a uuencoded file cannot).
bool part_strippable(const Config& cfg, const mime::Part& p, std::string_view kind);
// Makes `f` name the part to cut out: its part_key, and `'shown' (kind)` for people (the media
// type when the part has no name).
void mark_stripped(Finding& f, const mime::Part& p, const std::string& shown, std::string_view kind);


}  // namespace ord
