// Notice templates: a Subject line, a blank line and a body, with {{name}} placeholders that
// are checked against the names a caller offers when the file is read, so a misspelt
// placeholder is a configuration error (file:line) and never an empty hole in a notice.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"

namespace ord {

struct TextTemplate {
    std::string file;     // where it was read from, for errors
    std::string subject;  // the Subject line's value, placeholders unexpanded
    std::string body;     // lines joined with "\n", placeholders unexpanded
};

// Parses a template: '#' lines first are comments; then "Subject: ..." ; then an empty line;
// then the body. Every {{name}} must be one of `names`. Errors read "FILE:LINE: what".
Result<TextTemplate> parse_text_template(std::string_view text, const std::string& file,
                                         const std::vector<std::string>& names);
// Reads and parses FILE.
Result<TextTemplate> load_text_template(const std::string& file, const std::vector<std::string>& names);

// Replaces each {{name}} by values[name] ("" when absent). Values are inserted as they are:
// the caller makes them fit where they go (one line in the Subject).
std::string expand_template(std::string_view text, const std::map<std::string, std::string>& values);

}  // namespace ord
