#include "quarantine/digest.h"

#include <algorithm>

#include "quarantine/rights.h"

namespace ord::quarantine {

bool waiting(const Item& it) { return it.has_state(RcptState::Held); }

std::vector<std::string> waiting_for(const Settings& s, const Item& it) {
    std::vector<std::string> out;
    for (const auto& f : it.findings) {
        bool never = std::find(s.never_release.begin(), s.never_release.end(), f.category) != s.never_release.end();
        const auto& rights = never ? s.delete_groups : s.release_groups;
        if (auto g = rights.find(f.category); g != rights.end()) out.insert(out.end(), g->second.begin(), g->second.end());
        // Without groups of its own to act, those who may view it are those who may act on it.
        else if (auto v = s.view_groups.find(f.category); v != s.view_groups.end())
            out.insert(out.end(), v->second.begin(), v->second.end());
    }
    if (out.empty() && !s.reviewers_group.empty()) out.push_back(s.reviewers_group);
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    // A group is told only of what its members may view (the other categories' view_groups).
    out.erase(std::remove_if(out.begin(), out.end(),
                             [&](const std::string& g) { return !may_view(s, it, Reviewer{"group " + g, false, {g}}); }),
              out.end());
    return out;
}

std::string format_digest_state(const DigestState& st) {
    std::string out = "ordinance-digest 1\n";
    for (const auto& [addr, id] : st) out += encode_value(addr) + " " + encode_value(id) + "\n";
    return out;
}

Result<DigestState> parse_digest_state(std::string_view text) {
    DigestState st;
    if (text.empty()) return st;
    std::size_t start = 0, line = 0;
    while (start < text.size()) {
        std::size_t nl = text.find('\n', start);
        if (nl == std::string_view::npos) return Error{"format", "digest state: line " + std::to_string(line + 1) + " is torn"};
        std::string_view l = text.substr(start, nl - start);
        start = nl + 1;
        if (line++ == 0) {
            if (l != "ordinance-digest 1") return Error{"format", "digest state: not an ordinance digest state file"};
            continue;
        }
        auto sp = l.find(' ');
        auto a = decode_value(l.substr(0, sp == std::string_view::npos ? 0 : sp));
        auto id = decode_value(sp == std::string_view::npos ? std::string_view() : l.substr(sp + 1));
        if (sp == std::string_view::npos || !a || !id)
            return Error{"format", "digest state: line " + std::to_string(line) + ": expected ADDRESS ID"};
        st[*a] = *id;
    }
    return st;
}

}  // namespace ord::quarantine
