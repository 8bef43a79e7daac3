// The closed set of verdicts a message or recipient can get, ordered by severity.
// Dependency-free so that config/ can name actions without depending on the engine.
#pragma once

#include <optional>
#include <string_view>

namespace ord {

enum class Verdict { Accept = 0, Tag = 1, Quarantine = 2, Discard = 3, TempFail = 4, Reject = 5 };

constexpr std::string_view verdict_name(Verdict v) {
    switch (v) {
        case Verdict::Accept: return "accept";
        case Verdict::Tag: return "tag";
        case Verdict::Quarantine: return "quarantine";
        case Verdict::Discard: return "discard";
        case Verdict::TempFail: return "tempfail";
        case Verdict::Reject: return "reject";
    }
    return "accept";
}

inline std::optional<Verdict> parse_verdict(std::string_view s) {
    for (Verdict v : {Verdict::Accept, Verdict::Tag, Verdict::Quarantine, Verdict::Discard, Verdict::TempFail,
                      Verdict::Reject})
        if (verdict_name(v) == s) return v;
    return std::nullopt;
}

// The more severe of two verdicts: reject > tempfail > discard > quarantine > tag > accept.
constexpr Verdict worse(Verdict a, Verdict b) { return static_cast<int>(a) >= static_cast<int>(b) ? a : b; }

}  // namespace ord
