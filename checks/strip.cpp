#include "checks/strip.h"

namespace ord {
namespace {

bool goes_on(Verdict v) { return v == Verdict::Accept || v == Verdict::Tag || v == Verdict::Quarantine; }

// "part=NAME type=T ... kind=K" -> value of one key (values have no spaces but the name may).
std::string evidence_value(const std::string& ev, const std::string& key) {
    auto at = ev.find(key + "=");
    if (at == std::string::npos) return "";
    at += key.size() + 1;
    auto next = ev.find(" type=", at);
    if (key != "part") next = ev.find(' ', at);
    return ev.substr(at, next == std::string::npos ? std::string::npos : next - at);
}

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
    for (const auto& f : d.findings) {
        if (f.rule != "stripped_attachment" || f.part.empty() || !goes_on(f.action)) continue;
        auto& r = reasons[f.part];
        if (r.find(f.reason) == std::string::npos) r += (r.empty() ? "" : "\n") + f.reason;
    }
    std::map<std::string, std::string> out;
    for (const auto& [key, why] : reasons) {
        std::string text =
            "An attachment was removed from this message by the mail gateway, under the agency's\n"
            "acceptable-use policy (2503 section 24: no software from outside the agency).\n\n" +
            why + "\n\n";
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
    for (const auto& f : d.findings) {
        if (f.rule != "stripped_attachment" || f.part.empty()) continue;
        std::string item = "'" + evidence_value(f.evidence, "part") + "' (" + evidence_value(f.evidence, "kind") + ")";
        if (out.find(item) == std::string::npos) out += (out.empty() ? "" : "; ") + item;
    }
    return out;
}

}  // namespace ord
