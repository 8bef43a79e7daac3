// Finding what a message forwards: message/rfc822 parts (nested too), the inline forward
// blocks mail clients write (Outlook, Gmail, Apple Mail, Thunderbird, Lotus Notes; English,
// Spanish, French and German field names), Resent-* headers, and the original's people.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "mime/message.h"

namespace ord::forwarding {

// One person named in a quoted header: a display name, an address, or both.
struct Person {
    std::string name;     // decoded display name, quotes removed; "" when none
    std::string address;  // lower-case; "" for a name written without one
};

// Display names of our people (policy data, e.g. display_names.csv: name,address), for
// header blocks that name people without addresses. Matching ignores case, repeated spaces and
// the order "Last, First" versus "First Last".
class DisplayNames {
public:
    // Lines `name,address` (the name in double quotes when it has a comma); '#' comments.
    // Errors name file:line.
    static bool load(const std::string& path, DisplayNames& out, std::string& error);
    void add(std::string_view name, std::string_view address);
    // The address for a display name; "" when unknown.
    std::string find(std::string_view name) const;
    bool empty() const { return names_.empty(); }
    // Every spelling of a name that find() would accept, normalized.
    static std::vector<std::string> keys(std::string_view name);

private:
    std::map<std::string, std::string> names_;
};

// A header field value as people, resolving names through `dir` (may be null). Outlook writes
// "Smith, John; Doe, Jane" or, with one recipient, "Smith, John": a comma-separated run of
// names is paired back into "Last, First" names when the directory knows them so (or, without a
// directory, when every piece is one word).
std::vector<Person> parse_people(std::string_view value, const DisplayNames* dir);

// The original of one forward (one level of a forward of a forward).
struct Original {
    std::string style;  // rfc822, outlook, gmail, apple, thunderbird, notes, header_block, resent
    std::vector<Person> from, to, cc;
    bool has_recipients = false;  // a To or Cc field was there (it may still have named no one)
    bool list = false;  // List-Id / List-Post: it came through a mailing list, its To is the list
    std::string date, subject, message_id;
};

struct Forwarded {
    // Outermost first: levels[0] is the message the forwarder got last, levels.back() the
    // first original. Each level was forwarded by the sender of the level before it.
    std::vector<Original> levels;
    bool forward_subject = false;  // Fw:, Fwd:, FW:, WG:, TR:, RV:, ENC: on the message itself
    bool reply_subject = false;    // Re:, AW:, SV:, RE: first on the message itself
    bool attribution = false;      // an "On ... wrote:" reply attribution in the body
    bool marker = false;           // a forward separator or message/rfc822 part was found
    bool resent = false;           // Resent-From / Resent-Sender on the message itself
    // A reply (Re: subject, or an attribution without any forward separator) and no forward.
    bool is_reply() const { return !forward_subject && !resent && (reply_subject || (attribution && !marker)); }
    bool is_forward() const { return !is_reply() && (forward_subject || marker || resent || !levels.empty()); }
};

Forwarded find_forwarded(const mime::Message& m, const DisplayNames* dir);

// The forward blocks in one text (a body's text/plain, or HTML reduced to text), in order.
std::vector<Original> parse_inline(std::string_view text, const DisplayNames* dir, bool* attribution = nullptr,
                                   bool* marker = nullptr);

// Unix seconds at 00:00 UTC of the day a quoted date names ("Mon, 5 Jan 2026 10:00:00 -0600",
// "Monday, January 5, 2026 10:00 AM", "5 de enero de 2026", "lundi 5 janvier 2026",
// "Montag, 5. Januar 2026", "01/05/2026 10:00 AM", "2026-01-05"); -1 when none is found.
long long quoted_day(std::string_view date);

}  // namespace ord::forwarding
