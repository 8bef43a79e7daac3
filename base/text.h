// Small ASCII text helpers shared by every layer but mime/ (which keeps its own, as it
// includes nothing of ours). Mail addresses and domains compare case-insensitively in ASCII.
#pragma once

#include <string>
#include <string_view>

namespace ord {

inline std::string ascii_lower(std::string_view s) {
    std::string out(s);
    for (auto& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

}  // namespace ord
