// Renders text that came from mail (subjects, addresses, reasons, part names) for a terminal,
// so that no value can move the cursor, clear the screen, forge a line or reorder what follows.
#pragma once

#include <string>
#include <string_view>

namespace ord {

// One value on one line. Shown visibly instead of passed through: C0 controls (TAB, CR and
// LF included: \t \r \n, others \xHH, ESC as \x1b), DEL (\x7f), C1 controls U+0080-U+009F
// (\u0080), the bidi embeddings, overrides, isolates and marks (U+202A-U+202E, U+2066-U+2069,
// U+200E, U+200F, U+061C: \u202e), the line and paragraph separators U+2028, U+2029, and every
// byte that is not part of well-formed UTF-8 (\xHH). A backslash is shown as \\, so the
// rendering is unambiguous. Everything else (printable ASCII and UTF-8) is kept as is.
std::string terminal_text(std::string_view s);

// A text of several lines (a raw message, an entry's header block): as terminal_text, but a
// line feed (or CR LF) still ends a line, a TAB stays a TAB, and a backslash is kept as is.
std::string terminal_lines(std::string_view s);

}  // namespace ord
