#include "disposition/strip.h"

#include <set>

#include "mime/strip.h"

namespace ord {
namespace {

bool goes_on(Verdict v) { return v == Verdict::Accept || v == Verdict::Tag || v == Verdict::Quarantine; }

}  // namespace

bool wants_strip(const Decision& d) {
    if (!goes_on(d.verdict)) return false;
    for (const auto& f : d.findings)
        if (f.rule == "stripped_attachment" && !f.part.empty() && goes_on(f.action)) return true;
    return false;
}

std::map<std::string, std::string> strip_notices(const Decision& d, const std::string& reference) {
    std::map<std::string, std::string> reasons;
    if (!wants_strip(d)) return reasons;
    std::string policy;  // the rule book's paragraph, which the Engine set on the finding
    for (const auto& f : d.findings) {
        if (f.rule != "stripped_attachment" || f.part.empty() || !goes_on(f.action)) continue;
        if (policy.empty()) policy = f.policy;
        auto& r = reasons[f.part];
        if (r.find(f.reason) == std::string::npos) r += (r.empty() ? "" : "\n") + f.reason;
    }
    std::map<std::string, std::string> out;
    for (const auto& [key, why] : reasons) {
        std::string text =
            "An attachment was removed from this message by the mail gateway, under the agency's\n"
            "acceptable-use policy" + (policy.empty() ? std::string() : ", " + policy) + ".\n\n" + why + "\n\n";
        if (!reference.empty())
            text += "The original message is kept whole (reference " + reference +
                    ").\nIf you need the attachment for your work, ask the mail administrators to release it.\n";
        else
            text += "If you need the attachment for your work, ask the sender to send it in another form.\n";
        out.emplace(key, std::move(text));
    }
    return out;
}

std::string stripped_summary(const Decision& d) {
    std::string out;
    std::set<std::string> seen;
    for (const auto& f : d.findings) {
        if (f.rule != "stripped_attachment" || f.part.empty() || !seen.insert(f.part_label).second) continue;
        out += (out.empty() ? "" : "; ") + f.part_label;
    }
    return out;
}

}  // namespace ord
