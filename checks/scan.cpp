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
    mime::Message msg = mime::parse(raw, engine.config().limits);
    out.parse_anomalies = msg.anomalies.size();
    if (env.mail_from.empty() && from_header_stands_in) env.mail_from = extract_address(msg.header("from"));
    env.size = raw.size();

    std::vector<std::string> rcpts = std::move(env.rcpts);
    env.rcpts.clear();
    Findings all;
    Verdict worst = Verdict::Accept;
    const Decision* worst_rcpt = nullptr;
    size_t refused = 0;
    for (const auto& r : rcpts) {
        Decision d = engine.recipient(env, r);
        if (d.verdict == Verdict::Reject || d.verdict == Verdict::TempFail) ++refused;
        else env.rcpts.push_back(r);
        out.recipients.emplace_back(r, std::move(d));
    }
    for (const auto& [r, d] : out.recipients) {
        for (const auto& f : d.findings) all.push_back(f);
        if (!worst_rcpt || static_cast<int>(d.verdict) > static_cast<int>(worst_rcpt->verdict)) worst_rcpt = &d;
        worst = worse(worst, d.verdict);
    }
    Decision m = engine.message(env, msg);
    if (worst_rcpt && static_cast<int>(worst) > static_cast<int>(m.verdict)) {
        out.decision = *worst_rcpt;
        out.decision.verdict = worst;
    } else {
        out.decision = m;
    }
    for (auto& f : m.findings) all.push_back(std::move(f));
    out.decision.findings = std::move(all);
    (void)refused;
    return out;
}

}  // namespace ord
