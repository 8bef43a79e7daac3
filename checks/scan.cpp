#include "checks/scan.h"

#include "mime/parse.h"

namespace ord {

std::string extract_address(std::string_view v) {
    auto lt = v.find('<');
    if (lt != std::string_view::npos) {
        auto gt = v.find('>', lt);
        if (gt != std::string_view::npos) return std::string(v.substr(lt + 1, gt - lt - 1));
    }
    // First whitespace-delimited token holding '@'.
    size_t i = 0;
    while (i < v.size()) {
        while (i < v.size() && (v[i] == ' ' || v[i] == '\t' || v[i] == ',')) ++i;
        size_t s = i;
        while (i < v.size() && v[i] != ' ' && v[i] != '\t' && v[i] != ',') ++i;
        std::string_view tok = v.substr(s, i - s);
        if (tok.find('@') != std::string_view::npos) return std::string(tok);
    }
    return {};
}

ScanOutcome scan_message(const Engine& engine, Envelope env, std::string_view raw, bool from_header_stands_in) {
    ScanOutcome out;
    out.parsed = mime::parse(raw, engine.config().limits);
    const mime::Message& msg = out.parsed;
    out.parse_anomalies = msg.anomalies.size();
    if (env.mail_from.empty() && from_header_stands_in) env.mail_from = extract_address(msg.header("from"));
    env.size = raw.size();

    // MAIL FROM: a refusal here refuses the whole transaction, as in the milter.
    std::vector<std::string> rcpts = std::move(env.rcpts);
    env.rcpts.clear();
    Decision sender = engine.sender(env);
    if (sender.verdict == Verdict::Reject || sender.verdict == Verdict::TempFail) {
        out.decision = std::move(sender);
        return out;
    }
    Findings carried = std::move(sender.findings);

    // RCPT TO, one by one: refused recipients drop out, the rest carry their findings on.
    Findings refused_findings;
    const Decision* worst_refusal = nullptr;
    for (const auto& r : rcpts) {
        Decision d = engine.recipient(env, r);
        if (d.verdict == Verdict::Reject || d.verdict == Verdict::TempFail) {
            refused_findings.insert(refused_findings.end(), d.findings.begin(), d.findings.end());
        } else {
            env.rcpts.push_back(r);
            for (auto& f : d.findings) carried.push_back(std::move(f));
        }
        out.recipients.emplace_back(r, std::move(d));
    }
    for (const auto& [r, d] : out.recipients)
        if ((d.verdict == Verdict::Reject || d.verdict == Verdict::TempFail) &&
            (!worst_refusal || static_cast<int>(d.verdict) > static_cast<int>(worst_refusal->verdict)))
            worst_refusal = &d;

    Decision m = engine.message(env, msg, std::move(carried));
    out.accepted = env;
    if (!env.rcpts.empty() || rcpts.empty()) out.message = m;
    // The verdict shown is the worst answer any part of the transaction got; a recipient refused at
    // RCPT while others were accepted shows as that refusal, with every finding listed.
    if (worst_refusal && static_cast<int>(worst_refusal->verdict) > static_cast<int>(m.verdict)) {
        Decision shown = *worst_refusal;
        shown.findings = std::move(refused_findings);
        shown.findings.insert(shown.findings.end(), m.findings.begin(), m.findings.end());
        out.decision = std::move(shown);
    } else {
        m.findings.insert(m.findings.begin(), refused_findings.begin(), refused_findings.end());
        out.decision = std::move(m);
    }
    return out;
}

}  // namespace ord
