// The parsed form of one RFC 5322 message: decoded header fields, the MIME part tree,
// decoded bodies and UTF-8 text, attachments with their real names, nested messages.
#pragma once

#include <cstddef>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace ord::mime {

struct HeaderField {
    std::string name;     // as written (case preserved)
    std::string raw;      // unfolded raw value, bytes as received
    std::string decoded;  // RFC 2047 decoded, UTF-8
};

// Something the parser found wrong with the message. Never fatal: the parse goes on.
struct Anomaly {
    std::string kind;    // short id: depth, parts, headers, line_length, unclosed_boundary, nul, bare_cr,
                         // base64, quoted_printable, filename, no_boundary, size
    std::string detail;  // human-readable, no message content beyond short names
};

struct Message;

struct Part {
    std::string type = "text";     // lower-case media type
    std::string subtype = "plain";  // lower-case subtype
    std::map<std::string, std::string> params;  // Content-Type parameters, names lower-case, RFC 2231 applied
    std::string disposition;                    // "inline", "attachment" or empty
    std::string filename;                       // from Content-Disposition filename or Content-Type name (UTF-8)
    std::string charset;                        // declared charset, lower-case ("" when none)
    std::string transfer_encoding;              // lower-case, "7bit" when absent
    std::vector<HeaderField> headers;           // this part's own header fields
    std::string body;                           // decoded bytes (leaf parts only)
    std::size_t encoded_size = 0;               // body size before transfer decoding
    std::string text;                           // UTF-8 text for text/* parts (HTML reduced to text)
    std::vector<Part> children;                 // multipart children
    std::shared_ptr<Message> embedded;          // message/rfc822 parsed as a message
    // Files uuencoded inside this text/plain part ("begin 644 NAME" ... "end", or
    // "begin-base64"), decoded: mail clients such as Outlook show them as attachments.
    std::vector<Part> inline_files;
    bool extracted = false;  // this part is one of those: no MIME part of its own, it cannot be cut out

    bool is_multipart() const { return type == "multipart"; }
    bool is_attachment() const;  // has a filename or attachment disposition, or is a non-text leaf
    std::string media_type() const { return type + "/" + subtype; }
};

struct Message {
    std::vector<HeaderField> headers;  // top-level header fields, in order
    Part root;                         // the top-level entity (headers duplicated in root.headers)
    std::vector<Anomaly> anomalies;    // everything the parser flagged, nested messages included
    std::size_t raw_size = 0;
    // The structure broke a parser limit (depth, parts, headers, line length, size): only the
    // top-level header was parsed, and the text read from the raw body (bounded by
    // Limits::max_salvage_bytes) is in `root` or one `extracted` part of it, for the content
    // checks. Checks that must see every byte (antivirus) then read `raw` themselves.
    bool headers_only = false;
    // Some bytes are in no part (headers_only, or a part the parser could not locate): checks
    // that must see every byte read `raw` whole as well.
    bool scan_raw = false;
    // The bytes given to parse(), top level only (empty for embedded messages). A view: valid
    // only while the caller's buffer is, which covers every check run on this message.
    std::string_view raw;

    // First header field with this name (case-insensitive), decoded; empty when absent.
    std::string header(std::string_view name) const;
    bool has_header(std::string_view name) const;
    // Visits every part depth-first, descending into embedded messages and uuencoded files.
    template <typename F>
    void for_each_part(F&& f) const;
};

namespace detail {
template <typename F>
void visit(const Part& p, F& f) {
    f(p);
    for (const auto& c : p.children) visit(c, f);
    for (const auto& c : p.inline_files) visit(c, f);
    if (p.embedded) visit(p.embedded->root, f);
}
}  // namespace detail

template <typename F>
void Message::for_each_part(F&& f) const {
    detail::visit(root, f);
}

}  // namespace ord::mime
