// Decoders used by the MIME front end: base64, quoted-printable, RFC 2047 encoded words,
// RFC 2231 parameters, charset conversion to UTF-8 and HTML to text.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace ord::mime {

// Encodes base64 (RFC 2045): lines of 76 characters, each ending CRLF, the last one too.
// For messages the gateway writes and for tests and benchmarks that build them.
std::string encode_base64(std::string_view in);
// Decodes base64, skipping whitespace. `ok` is false when other characters or bad padding appear.
std::string decode_base64(std::string_view in, bool& ok);
// Decodes quoted-printable (soft line breaks honoured). `ok` is false on '=' not followed by hex.
std::string decode_qp(std::string_view in, bool& ok, bool underscore_is_space = false);
// Converts bytes in `charset` to UTF-8. Unknown charsets and invalid bytes never fail: invalid
// sequences become U+FFFD; an unknown charset is read as UTF-8 if valid, else windows-1252.
std::string to_utf8(std::string_view in, std::string_view charset);
// True when `in` is well-formed UTF-8.
bool valid_utf8(std::string_view in);
// Decodes RFC 2047 encoded words in a header value; whitespace between adjacent words is dropped.
// Unencoded 8-bit bytes are taken as UTF-8 if valid, else windows-1252.
std::string decode_rfc2047(std::string_view value);
// Parses "type/subtype; a=b; c*0*=..." parameters (RFC 2045 + RFC 2231 continuations and
// charsets). Returns the value before the first ';' lower-cased in `head`; names lower-case.
std::map<std::string, std::string> parse_params(std::string_view value, std::string& head);
// Reduces HTML to readable text: tags dropped, script/style skipped, entities decoded,
// block elements become line breaks.
std::string html_to_text(std::string_view html);
std::string to_lower(std::string_view s);
// Files uuencoded in a text body: "begin MODE NAME" then uuencoded lines up to "end", or
// "begin-base64 MODE NAME" then base64 up to "====". At most `max_files`; a file whose end
// line is missing runs to the end of the text.
struct UuFile {
    std::string name;
    std::string data;
};
std::vector<UuFile> find_uuencoded(std::string_view text, std::size_t max_files);
// A body decoded from its Content-Transfer-Encoding (lower-case): base64, quoted-printable,
// or x-uuencode/uuencode/x-uue (the first file; not MIME, but clients and ClamAV decode it);
// any other value leaves the bytes as they are. `ok` is false when the encoding is damaged.
// For uuencode, `uu_name` (when given) receives the name on the begin line.
std::string decode_transfer(std::string_view body, std::string_view cte, bool& ok, std::string* uu_name = nullptr);
bool is_uuencode(std::string_view cte);
// ASCII case-insensitive equality (header field names, media types).
bool iequals(std::string_view a, std::string_view b);
// Appends code point `cp` as UTF-8; surrogates and values past U+10FFFF become U+FFFD.
void append_utf8(std::string& out, uint32_t cp);

}  // namespace ord::mime
