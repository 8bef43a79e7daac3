// Text normalization before content matching: Unicode compatibility decomposition, case
// folding, accents, zero-width/soft-hyphen/bidi removal, homoglyphs and light de-obfuscation.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace ord {

struct NormalizedText {
    std::string text;               // lower-case UTF-8, whitespace runs collapsed to ' ' or '\n'
    // Where text bytes came from, kept sparse: anchor (t, s) says text byte t came from source
    // byte s, and the bytes after it from s+1, s+2... up to the next anchor.
    std::vector<std::pair<uint32_t, uint32_t>> anchors;
    std::size_t source_size = 0;
    // The source byte offset text byte i came from (i == text.size(): the source size).
    std::size_t origin(std::size_t i) const;
    // The source byte range [begin, end) that produced text bytes [b, e).
    std::pair<std::size_t, std::size_t> source_span(std::size_t b, std::size_t e) const;
};

struct NormalizeOptions {
    bool deobfuscate = true;  // join "c.h.a.i.n" / "c h a i n", read "ch@in", "l3tter" as letters
};

// Never fails: invalid UTF-8 bytes are dropped.
NormalizedText normalize(std::string_view utf8, const NormalizeOptions& opt = {});

// Quote depth of each region of a mail body: lines starting with '>' count one level per '>',
// and everything after a forwarded-message or original-message separator one level more.
class QuoteDepth {
public:
    explicit QuoteDepth(std::string_view body);
    int at(std::size_t source_offset) const;
    static int forward_markers(std::string_view body);  // how many separators the body has

private:
    std::vector<std::pair<std::size_t, int>> starts_;  // (line start offset, depth), ascending
};

}  // namespace ord
