#include "checks/forward_parse.h"

#include <cctype>
#include <fstream>

#include "base/text.h"
#include "mime/codec.h"

namespace ord::forwarding {
namespace {

std::string trim(std::string_view s) {
    std::size_t b = 0, e = s.size();
    while (b < e && (s[b] == ' ' || s[b] == '\t' || s[b] == '\r' || s[b] == '\n' || s[b] == '"' || s[b] == '\''))
        ++b;
    while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\t' || s[e - 1] == '\r' || s[e - 1] == '\n' || s[e - 1] == '"' ||
                     s[e - 1] == '\''))
        --e;
    return std::string(s.substr(b, e - b));
}

// Lower-case (ASCII and the Latin-1 capitals field names use: À É), spaces collapsed.
std::string fold(std::string_view s) {
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        unsigned char c = static_cast<unsigned char>(s[i]);
        if (c == 0xC3 && i + 1 < s.size()) {
            unsigned char d = static_cast<unsigned char>(s[i + 1]);
            if (d >= 0x80 && d <= 0x9E && d != 0x97) d += 0x20;  // UTF-8 capitals U+00C0..U+00DE
            out += static_cast<char>(c);
            out += static_cast<char>(d);
            ++i;
            continue;
        }
        if (c == '\t' || c == 0xA0) c = ' ';
        if (c == ' ' && (out.empty() || out.back() == ' ')) continue;
        out += static_cast<char>(std::tolower(c));
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out;
}

bool valid_address(std::string_view a) {
    auto at = a.find('@');
    if (at == 0 || at == std::string_view::npos || at + 1 >= a.size()) return false;
    auto dot = a.find('.', at);
    if (dot == std::string_view::npos || dot + 1 >= a.size()) return false;
    for (char c : a)
        if (c == ' ' || c == '<' || c == '>' || c == ',' || c == ';' || c == '"') return false;
    return true;
}

// One person from one list item: "Name <a@b>", "a@b", "Name [mailto:a@b]", "a@b (Name)",
// "Name", Lotus Notes "Name/Org@Org".
Person person_of(std::string_view item) {
    Person p;
    std::string s = trim(item);
    if (s.find("=?") != std::string::npos) s = mime::decode_rfc2047(s);
    auto take = [&](char open, char close, std::string_view prefix) -> bool {
        auto b = s.find(open);
        if (b == std::string::npos) return false;
        auto e = s.find(close, b);
        if (e == std::string::npos) return false;
        std::string inner = s.substr(b + 1, e - b - 1);
        if (!prefix.empty()) {
            if (ascii_lower(inner).rfind(prefix, 0) != 0) return false;
            inner = inner.substr(prefix.size());
        }
        inner = trim(inner);
        if (inner.rfind("mailto:", 0) == 0) inner = inner.substr(7);
        if (!valid_address(inner)) return false;
        p.address = ascii_lower(inner);
        p.name = trim(s.substr(0, b) + s.substr(e + 1));
        return true;
    };
    if (!take('<', '>', "") && !take('[', ']', "mailto:")) {
        // a bare address, maybe with a comment: "a@b (Name)"
        std::string first = s.substr(0, s.find_first_of(" \t("));
        if (valid_address(first)) {
            p.address = ascii_lower(first);
            auto b = s.find('('), e = s.rfind(')');
            if (b != std::string::npos && e != std::string::npos && e > b) p.name = trim(s.substr(b + 1, e - b - 1));
        } else {
            p.name = s;
        }
    }
    // "John Smith/MODOT@MODOT" (Notes): the name before the organisation.
    if (p.address.empty()) {
        auto slash = p.name.find('/');
        if (slash != std::string::npos && slash > 0) p.name = trim(p.name.substr(0, slash));
    }
    if (!p.name.empty() && p.name == p.address) p.name.clear();
    return p;
}

// Splits on `sep` outside quotes and angle brackets.
std::vector<std::string> split_list(std::string_view v, char sep) {
    std::vector<std::string> out;
    std::string cur;
    bool quoted = false;
    int angle = 0;
    for (char c : v) {
        if (c == '"') quoted = !quoted;
        else if (!quoted && (c == '<' || c == '[')) ++angle;
        else if (!quoted && (c == '>' || c == ']') && angle > 0) --angle;
        if (c == sep && !quoted && angle == 0) {
            out.push_back(cur);
            cur.clear();
        } else {
            cur += c;
        }
    }
    out.push_back(cur);
    return out;
}

bool one_word(std::string_view s) {
    std::string t = trim(s);
    return !t.empty() && t.find(' ') == std::string::npos;
}

}  // namespace

// --- display names ---------------------------------------------------------------------------

std::vector<std::string> DisplayNames::keys(std::string_view name) {
    std::string n = fold(trim(name));
    std::vector<std::string> out;
    if (n.empty()) return out;
    out.push_back(n);
    auto comma = n.find(',');
    if (comma != std::string::npos) {
        // "smith, john" -> "john smith"
        std::string last = trim(n.substr(0, comma)), first = trim(n.substr(comma + 1));
        if (!last.empty() && !first.empty()) out.push_back(first + " " + last);
    } else {
        auto sp = n.rfind(' ');
        if (sp != std::string::npos) out.push_back(n.substr(sp + 1) + ", " + n.substr(0, sp));
    }
    return out;
}

void DisplayNames::add(std::string_view name, std::string_view address) {
    for (const auto& k : keys(name)) names_.emplace(k, ascii_lower(trim(address)));
}

std::string DisplayNames::find(std::string_view name) const {
    for (const auto& k : keys(name)) {
        auto it = names_.find(k);
        if (it != names_.end()) return it->second;
    }
    return {};
}

bool DisplayNames::load(const std::string& path, DisplayNames& out, std::string& error) {
    std::ifstream in(path);
    if (!in) {
        error = path + ": cannot read the display-name file";
        return false;
    }
    std::string line;
    for (std::size_t lineno = 1; std::getline(in, line); ++lineno) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        std::string t = trim(line);
        if (t.empty() || line[line.find_first_not_of(" \t")] == '#') continue;
        auto cols = split_list(line, ',');
        if (cols.size() != 2 || trim(cols[0]).empty() || !valid_address(trim(cols[1]))) {
            error = path + ":" + std::to_string(lineno) + ": expected NAME,ADDRESS (a name with a comma in double quotes)";
            return false;
        }
        out.add(trim(cols[0]), trim(cols[1]));
    }
    return true;
}

std::vector<Person> parse_people(std::string_view value, const DisplayNames* dir) {
    std::vector<Person> out;
    std::string v = trim(value);
    if (v.empty()) return out;
    if (split_list(v, ';').size() > 1) {
        for (const auto& item : split_list(v, ';'))
            if (!trim(item).empty()) out.push_back(person_of(item));
    } else {
        auto items = split_list(v, ',');
        for (std::size_t i = 0; i < items.size(); ++i) {
            if (trim(items[i]).empty()) continue;
            Person p = person_of(items[i]);
            if (p.address.empty() && i + 1 < items.size()) {
                Person next = person_of(items[i + 1]);
                std::string joined = trim(items[i]) + ", " + trim(items[i + 1]);
                bool pair = next.address.empty() && ((dir && !dir->find(joined).empty() && dir->find(p.name).empty()) ||
                                                     ((!dir || dir->empty()) && one_word(items[i]) && one_word(items[i + 1])));
                // "Smith, John <js@x>": the address closes a "Last, First" name
                bool named_address = !next.address.empty() && !next.name.empty() && !trim(items[i]).empty();
                if (pair || named_address) {
                    p = next.address.empty() ? person_of(joined) : next;
                    if (named_address) p.name = trim(items[i]) + ", " + next.name;
                    ++i;
                }
            }
            out.push_back(std::move(p));
        }
    }
    if (dir)
        for (auto& p : out)
            if (p.address.empty() && !p.name.empty()) p.address = dir->find(p.name);
    return out;
}

// --- inline blocks ---------------------------------------------------------------------------

namespace {

enum class Field { None, From, To, Cc, Bcc, Date, Subject, Other };

// Field names as the clients write them, folded (lower-case), without the colon.
Field field_of(const std::string& name) {
    static const std::map<std::string, Field> kFields = {
        {"from", Field::From},       {"de", Field::From},         {"von", Field::From},
        {"da", Field::From},         {"van", Field::From},        {"to", Field::To},
        {"para", Field::To},         {"\xc3\xa0", Field::To},     {"a", Field::To},
        {"an", Field::To},           {"aan", Field::To},          {"cc", Field::Cc},
        {"kopie", Field::Cc},        {"copie \xc3\xa0", Field::Cc},
        {"bcc", Field::Bcc},         {"cco", Field::Bcc},         {"cci", Field::Bcc},
        {"date", Field::Date},       {"sent", Field::Date},       {"fecha", Field::Date},
        {"enviado", Field::Date},    {"envoy\xc3\xa9", Field::Date}, {"gesendet", Field::Date},
        {"datum", Field::Date},      {"enviado el", Field::Date}, {"envoy\xc3\xa9 le", Field::Date},
        {"subject", Field::Subject}, {"asunto", Field::Subject},  {"objet", Field::Subject},
        {"betreff", Field::Subject}, {"sujet", Field::Subject}, {"oggetto", Field::Subject}, {"onderwerp", Field::Subject},
        {"reply-to", Field::Other},  {"importance", Field::Other}, {"message-id", Field::Other},
        {"r\xc3\xa9pondre \xc3\xa0", Field::Other}, {"responder a", Field::Other},
        {"antwort an", Field::Other}, {"priorit\xc3\xa4t", Field::Other}, {"attachments", Field::Other},
    };
    auto it = kFields.find(name);
    return it == kFields.end() ? Field::None : it->second;
}

// "From: x" / "Date : x" / "*From:* x" (bold in plain text) -> field and value.
Field split_field(std::string_view line, std::string& value, std::string* raw_name = nullptr) {
    auto colon = line.find(':');
    if (colon == std::string_view::npos || colon == 0 || colon > 24) return Field::None;
    std::string_view name = line.substr(0, colon);
    std::string clean;
    for (char c : name)
        if (c != '*') clean += c;
    Field f = field_of(fold(trim(clean)));
    if (f == Field::None) return f;
    value = trim(std::string_view(line).substr(colon + 1));
    if (!value.empty() && value.front() == '*') value.erase(0, value.find_first_not_of('*'));
    if (raw_name) *raw_name = fold(trim(clean));
    return f;
}

// The separator a client writes above a forwarded or original message; "" when `l` is none.
std::string marker_style(std::string_view raw) {
    std::string l = fold(trim(raw));
    if (l.empty()) return {};
    std::size_t lead = 0;
    while (lead < l.size() && l[lead] == '-') ++lead;
    std::string core = l.substr(lead);
    while (!core.empty() && (core.back() == '-' || core.back() == ' ')) core.pop_back();
    core = trim(core);
    if (core.size() > 4 && core.rfind("forwarded by ", 0) == 0 && lead >= 3) return "notes";
    if (lead >= 3) {
        static const char* kOriginal[] = {"original message", "mensaje original", "message d'origine",
                                          "urspr\xc3\xbcngliche nachricht", "messaggio originale", "original"};
        for (const char* o : kOriginal)
            if (core == o) return "outlook";
        static const char* kForwarded[] = {"forwarded message", "mensaje reenviado", "message transf\xc3\xa9r\xc3\xa9",
                                           "weitergeleitete nachricht", "messaggio inoltrato", "doorgestuurd bericht",
                                           "mensagem encaminhada"};
        for (const char* o : kForwarded)
            if (core == o) return lead == 8 ? "thunderbird" : "gmail";
    }
    static const char* kApple[] = {"begin forwarded message:", "inicio del mensaje reenviado:",
                                   "d\xc3\xa9" "but du message r\xc3\xa9" "exp\xc3\xa9" "di\xc3\xa9 :",
                                   "d\xc3\xa9" "but du message r\xc3\xa9" "exp\xc3\xa9" "di\xc3\xa9:",
                                   "anfang der weitergeleiteten nachricht:", "inizio messaggio inoltrato:"};
    for (const char* a : kApple)
        if (l == a) return "apple";
    if (l.size() >= 10 && l.find_first_not_of('_') == std::string::npos) return "outlook";
    return {};
}

// "On Mon, Jan 5, 2026 at 10:00 AM Alice <a@x> wrote:" and its translations.
bool attribution_line(std::string_view raw) {
    std::string l = fold(trim(raw));
    if (l.size() < 8 || l.back() != ':') return false;
    auto starts = [&](const char* p) { return l.rfind(p, 0) == 0; };
    auto has = [&](const char* p) { return l.find(p) != std::string::npos; };
    return (starts("on ") && has(" wrote")) || (starts("el ") && has("escribi")) ||
           (starts("le ") && has("a \xc3\xa9" "crit")) || (starts("am ") && has("schrieb")) ||
           (has(" wrote:") && l.size() < 200) || (starts("il ") && has("ha scritto"));
}

// One text line with its quote prefix ("> > ") and indentation removed.
std::string_view unquote(std::string_view line) {
    std::size_t i = 0;
    while (i < line.size() && (line[i] == '>' || line[i] == ' ' || line[i] == '\t' || line[i] == '|')) ++i;
    std::string_view s = line.substr(i);
    while (!s.empty() && (s.back() == '\r' || s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

// Only a line with an early colon (a field), one ending in a colon (Apple's separator, a reply
// attribution) or one of dashes or underscores (a separator) can start anything: the rest is
// passed over without folding it (most of a long body).
bool may_start(std::string_view l) {
    if (l.empty()) return false;
    if (l.front() == '-' || l.front() == '_' || l.back() == ':') return true;
    auto c = l.find(':');
    return c != std::string_view::npos && c <= 24;
}

}  // namespace

std::vector<Original> parse_inline(std::string_view text, const DisplayNames* dir, bool* attribution, bool* marker) {
    std::vector<std::string_view> lines;
    for (std::size_t pos = 0; pos <= text.size();) {
        std::size_t e = text.find('\n', pos);
        if (e == std::string_view::npos) e = text.size();
        lines.push_back(unquote(text.substr(pos, e - pos)));
        pos = e + 1;
    }
    std::vector<Original> out;
    std::size_t i = 0;
    while (i < lines.size()) {
        if (!may_start(lines[i])) {
            ++i;
            continue;
        }
        std::string style = marker_style(lines[i]);
        if (attribution && attribution_line(lines[i])) *attribution = true;
        std::string value;
        std::size_t start = lines.size();
        std::string notes_from;
        if (!style.empty()) {
            // The header block starts within a few lines of the separator.
            for (std::size_t k = i + 1; k < lines.size() && k <= i + 6; ++k) {
                if (split_field(lines[k], value) != Field::None) {
                    start = k;
                    break;
                }
                if (style == "notes" && notes_from.empty() && !lines[k].empty()) notes_from = std::string(lines[k]);
            }
        } else if (split_field(lines[i], value) == Field::From) {
            // A header block with no separator above it: From plus two more fields close by.
            int fields = 0;
            for (std::size_t k = i + 1; k < lines.size() && k <= i + 6; ++k) {
                Field f = split_field(lines[k], value);
                if (f == Field::To || f == Field::Date || f == Field::Subject || f == Field::Cc) ++fields;
            }
            if (fields >= 2) {
                start = i;
                style = "header_block";
            }
        }
        if (start == lines.size()) {
            ++i;
            continue;
        }
        Original o;
        o.style = style;
        Field last = Field::None;
        std::size_t k = start;
        int seen = 0;
        for (; k < lines.size(); ++k) {
            std::string_view l = lines[k];
            if (l.empty()) {
                // A block ends at an empty line, unless one more field follows at once (HTML
                // reduced to text leaves empty lines between rows).
                if (k + 1 < lines.size() && split_field(lines[k + 1], value) != Field::None &&
                    !(seen > 0 && split_field(lines[k + 1], value) == Field::From))
                    continue;
                break;
            }
            Field f = split_field(l, value);
            if (f == Field::From && seen > 0 && !o.from.empty()) break;  // the next block
            if (f == Field::None) {
                // Outlook wraps long To/Cc lines; anything else ends the block.
                if ((last == Field::To || last == Field::Cc) && (l.find(';') != std::string::npos || l.find('@') != std::string::npos)) {
                    auto more = parse_people(l, dir);
                    (last == Field::To ? o.to : o.cc).insert((last == Field::To ? o.to : o.cc).end(), more.begin(), more.end());
                    continue;
                }
                break;
            }
            ++seen;
            last = f;
            switch (f) {
                case Field::From: o.from = parse_people(value, dir); break;
                case Field::To: {
                    auto p = parse_people(value, dir);
                    o.to.insert(o.to.end(), p.begin(), p.end());
                    o.has_recipients = true;
                    break;
                }
                case Field::Cc: {
                    auto p = parse_people(value, dir);
                    o.cc.insert(o.cc.end(), p.begin(), p.end());
                    o.has_recipients = true;
                    break;
                }
                case Field::Date: o.date = value; break;
                case Field::Subject: o.subject = value; break;
                default: break;
            }
        }
        if (o.from.empty() && !notes_from.empty()) o.from = parse_people(notes_from, dir);
        if (!o.from.empty() || o.has_recipients || !o.subject.empty()) {
            if (marker) *marker = true;
            out.push_back(std::move(o));
        }
        i = k > i ? k : i + 1;
    }
    return out;
}

// --- the message -----------------------------------------------------------------------------

namespace {

bool prefixed(std::string_view subject, std::initializer_list<const char*> words) {
    std::string s = fold(trim(subject));
    for (const char* w : words) {
        std::string p = w;
        if (s.rfind(p + ":", 0) == 0 || s.rfind(p + " :", 0) == 0 || s.rfind("[" + p + ":", 0) == 0) return true;
        if (s.rfind(p + "[", 0) == 0) return true;  // "Re[2]:"
    }
    return false;
}

Original from_headers(const std::vector<mime::HeaderField>& headers, const DisplayNames* dir, const char* style) {
    Original o;
    o.style = style;
    for (const auto& h : headers) {
        std::string n = ascii_lower(h.name);
        if (n == "from" && o.from.empty()) o.from = parse_people(h.decoded, dir);
        else if (n == "to" || n == "cc") {
            auto p = parse_people(h.decoded, dir);
            auto& into = n == "to" ? o.to : o.cc;
            into.insert(into.end(), p.begin(), p.end());
            o.has_recipients = true;
        } else if (n == "date" && o.date.empty()) o.date = trim(h.raw);
        else if (n == "subject" && o.subject.empty()) o.subject = trim(h.decoded);
        else if (n == "message-id" && o.message_id.empty()) o.message_id = trim(h.raw);
        else if (n == "list-id" || n == "list-post") o.list = true;
    }
    return o;
}

const mime::Part* first_text(const mime::Part& p, const char* subtype) {
    if (p.embedded) return nullptr;
    if (p.type == "text" && p.subtype == subtype && !p.is_attachment()) return &p;
    for (const auto& c : p.children)
        if (const mime::Part* t = first_text(c, subtype)) return t;
    return nullptr;
}

void collect(const mime::Message& m, const DisplayNames* dir, Forwarded& f, int depth);

void embedded_parts(const mime::Part& p, const DisplayNames* dir, Forwarded& f, int depth) {
    if (p.embedded) {
        f.marker = true;
        f.levels.push_back(from_headers(p.embedded->headers, dir, "rfc822"));
        collect(*p.embedded, dir, f, depth + 1);
        return;
    }
    for (const auto& c : p.children) embedded_parts(c, dir, f, depth);
}

// Levels from the body text first (the forwarder's own inline quote), then attached messages.
void collect(const mime::Message& m, const DisplayNames* dir, Forwarded& f, int depth) {
    if (depth > 8) return;
    const mime::Part* t = first_text(m.root, "plain");
    if (!t) t = first_text(m.root, "html");
    if (t) {
        bool attribution = false, marker = false;
        auto blocks = parse_inline(t->text, dir, &attribution, &marker);
        if (depth == 0) {
            f.attribution = attribution;
            f.marker = f.marker || marker;
        }
        // An Outlook "Original Message" block under a reply is quoted history, not a forward:
        // it stays a level (the reply decides), the caller looks at is_reply().
        for (auto& b : blocks) f.levels.push_back(std::move(b));
    }
    embedded_parts(m.root, dir, f, depth);
}

}  // namespace

Forwarded find_forwarded(const mime::Message& m, const DisplayNames* dir) {
    Forwarded f;
    std::string subject = m.header("subject");
    f.forward_subject = prefixed(subject, {"fw", "fwd", "wg", "tr", "rv", "enc", "fwd", "i", "doorst"});
    f.reply_subject = !f.forward_subject && prefixed(subject, {"re", "aw", "sv", "vs", "rif", "res", "antw"});
    if (m.has_header("resent-from") || m.has_header("resent-sender")) {
        f.resent = true;
        f.marker = true;
        Original o = from_headers(m.headers, dir, "resent");
        f.levels.push_back(std::move(o));
    }
    collect(m, dir, f, 0);
    return f;
}

// --- dates -----------------------------------------------------------------------------------

namespace {

long long days_from_civil(long long y, unsigned m, unsigned d) {
    y -= m <= 2;
    const long long era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<long long>(doe) - 719468;
}

int month_of(const std::string& w) {
    static const std::map<std::string, int> kMonths = {
        {"jan", 1}, {"january", 1}, {"enero", 1}, {"janvier", 1}, {"januar", 1}, {"janv", 1}, {"ene", 1},
        {"feb", 2}, {"february", 2}, {"febrero", 2}, {"f\xc3\xa9vrier", 2}, {"februar", 2}, {"f\xc3\xa9v", 2},
        {"mar", 3}, {"march", 3}, {"marzo", 3}, {"mars", 3}, {"m\xc3\xa4rz", 3},
        {"apr", 4}, {"april", 4}, {"abril", 4}, {"avril", 4}, {"abr", 4}, {"avr", 4},
        {"may", 5}, {"mayo", 5}, {"mai", 5},
        {"jun", 6}, {"june", 6}, {"junio", 6}, {"juin", 6}, {"juni", 6},
        {"jul", 7}, {"july", 7}, {"julio", 7}, {"juillet", 7}, {"juli", 7}, {"juil", 7},
        {"aug", 8}, {"august", 8}, {"agosto", 8}, {"ao\xc3\xbbt", 8}, {"ago", 8},
        {"sep", 9}, {"sept", 9}, {"september", 9}, {"septiembre", 9}, {"septembre", 9},
        {"oct", 10}, {"october", 10}, {"octubre", 10}, {"octobre", 10}, {"oktober", 10}, {"okt", 10},
        {"nov", 11}, {"november", 11}, {"noviembre", 11}, {"novembre", 11},
        {"dec", 12}, {"december", 12}, {"diciembre", 12}, {"d\xc3\xa9" "cembre", 12}, {"dezember", 12},
        {"dic", 12}, {"dez", 12}, {"d\xc3\xa9" "c", 12},
    };
    auto it = kMonths.find(w);
    return it == kMonths.end() ? 0 : it->second;
}

}  // namespace

long long quoted_day(std::string_view date) {
    std::string s = fold(date);
    std::vector<std::string> words;
    std::vector<long> nums;
    std::string cur;
    auto flush = [&] {
        if (cur.empty()) return;
        words.push_back(cur);
        cur.clear();
    };
    for (char c : s) {
        if (std::isalnum(static_cast<unsigned char>(c)) || (static_cast<unsigned char>(c) >= 0x80)) cur += c;
        else if (c == '/' || c == '-' || c == '.') {
            flush();
            words.push_back(std::string(1, c));
        } else flush();
    }
    flush();
    int year = 0, month = 0, day = 0;
    // ISO and numeric forms first: 2026-01-05, 01/05/2026 (US, as Outlook and Notes write it).
    for (std::size_t i = 0; i + 4 < words.size(); ++i) {
        auto num = [](const std::string& w) {
            if (w.empty() || w.size() > 4) return -1;
            for (char c : w)
                if (!std::isdigit(static_cast<unsigned char>(c))) return -1;
            return std::stoi(w);
        };
        int a = num(words[i]), b = num(words[i + 2]), c = num(words[i + 4]);
        if (a < 0 || b < 0 || c < 0 || words[i + 1] != words[i + 3] || words[i + 1] == ".") continue;
        if (words[i].size() == 4) year = a, month = b, day = c;
        else if (words[i + 4].size() == 4) year = c, month = a, day = b;
        break;
    }
    if (!year) {
        for (const auto& w : words) {
            bool digits = !w.empty() && std::isdigit(static_cast<unsigned char>(w[0]));
            if (digits) {
                int v = 0;
                for (char c : w) {
                    if (!std::isdigit(static_cast<unsigned char>(c))) { v = -1; break; }
                    v = v * 10 + (c - '0');
                    if (v > 100000) break;
                }
                if (v >= 1970 && v < 2200 && !year) year = v;
                else if (v >= 1 && v <= 31 && !day && w.size() <= 2) day = v;
            } else if (!month) {
                month = month_of(w);
            }
        }
    }
    if (!year || month < 1 || month > 12 || day < 1 || day > 31) return -1;
    return days_from_civil(year, static_cast<unsigned>(month), static_cast<unsigned>(day)) * 86400;
}

}  // namespace ord::forwarding
