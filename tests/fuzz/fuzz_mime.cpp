// libFuzzer target for the MIME front end and the checks that read its output.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "mime/parse.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    ord::mime::Limits lim;
    lim.max_depth = 16;
    lim.max_parts = 200;
    lim.max_headers = 200;
    lim.max_line_length = 4096;
    ord::mime::Message m = ord::mime::parse(std::string_view(reinterpret_cast<const char*>(data), size), lim);
    size_t n = 0;
    m.for_each_part([&](const ord::mime::Part& p) { n += p.text.size() + p.body.size() + p.filename.size(); });
    return n == SIZE_MAX ? 1 : 0;
}
