// The text of a message as the content policy reads it: the subject, the header block, and
// every text part and text-bearing attachment (office documents, PDF, .txt, .csv), one rendering of
// each multipart/alternative, embedded messages one nesting level deeper. Shared by the rule
// matcher (checks/content_check) and the classifier (checks/classifier), so that training and
// the mail path see exactly the same text.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "checks/content_rules.h"
#include "mime/message.h"

namespace ord {

struct ContentText {
    Scope scope;
    std::string source;    // decoded text as the sender's client shows it
    int depth = 0;         // nesting: embedded messages count one level
    bool quoting = false;  // may carry quote/forward structure (bodies and attachments)
};

// At most `budget` bytes of part text in all (the subject and headers are extra).
std::vector<ContentText> content_texts(const mime::Message& msg, std::size_t budget = 4u << 20);

// Text of a PDF (poppler, at most 50 pages of a file up to 16 MB); empty when not one or locked.
std::string pdf_text(std::string_view pdf_bytes, std::size_t max_bytes = 8u << 20);

// Text of docx/xlsx/odt/pptx attachments (their XML with tags dropped); empty when not one.
std::string office_text(std::string_view zip_bytes, std::size_t max_bytes = 8u << 20);

}  // namespace ord
