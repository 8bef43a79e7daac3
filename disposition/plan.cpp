#include "disposition/plan.h"

#include <sstream>

#include <ctime>

#include "base/json.h"
#include "base/random.h"
#include "quarantine/item.h"
#include "base/terminal.h"
#include "disposition/keep.h"
#include "disposition/notify.h"
#include "disposition/strip.h"
#include "mime/strip.h"

namespace ord::disposition {
namespace {

// A header value as the MTA takes it: one line, bounded.
std::string header_value(const std::string& value) {
    std::string v;
    for (char c : value) v += (c == '\r' || c == '\n') ? ' ' : c;
    if (v.size() > 900) v.resize(900);
    return v;
}

}  // namespace

std::string rule_list(const Findings& fs) {
    std::string out;
    for (const auto& f : fs)
        if (out.find(f.rule) == std::string::npos) out += (out.empty() ? "" : ",") + f.rule;
    return out;
}

std::string need_names(unsigned needs) {
    static const std::pair<unsigned, const char*> names[] = {
        {kNeedAddHeader, "addheader"}, {kNeedChangeHeader, "chgheader"}, {kNeedChangeBody, "chgbody"},
        {kNeedHold, "quarantine"},     {kNeedAddRcpt, "addrcpt"},        {kNeedDelRcpt, "delrcpt"}};
    std::string out;
    for (const auto& [flag, name] : names)
        if (needs & flag) out += (out.empty() ? "" : ",") + std::string(name);
    return out;
}

Answer failure_answer(Verdict configured, const std::string& what) {
    if (configured == Verdict::Reject)
        return {Verdict::Reject, "550", "5.3.0", "Policy gateway cannot " + what + "; the message is refused"};
    return {Verdict::TempFail, "451", "4.3.0", "Policy gateway cannot " + what + " now, try again later"};
}

Plan make_plan(const PlanInputs& in, Decision d) {
    const Config& cfg = in.cfg;
    Plan p;
    p.queue_id = in.env.queue_id;
    p.direction = d.direction;

    // Strip instead of refuse: the parts are cut out now, so that a part that cannot be cut
    // out turns the plan into the refusal it would have been without attachments.strip.
    if (wants_strip(d)) {
        // In store mode the original becomes a quarantine item: its id is the reference.
        std::string keep = !in.keep_name.empty() ? in.keep_name
                           : cfg.quarantine.store() ? quarantine::new_item_id(static_cast<int64_t>(std::time(nullptr)),
                                                                              static_cast<uint32_t>(SystemRandom().next()))
                                                    : kept_name(in.env.queue_id);
        auto st = mime::strip_parts(in.raw, strip_notices(d, keep), cfg.limits);
        if (st.missing.empty() && st.removed > 0) {
            p.keep = keep;
            p.keep_in_quarantine = cfg.quarantine.store();
            p.body = BodyReplacement{std::move(st.body), st.removed, stripped_summary(d)};
            if (st.top_replaced)
                p.header_changes = {{"Content-Type", "text/plain; charset=utf-8"},
                                    {"Content-Transfer-Encoding", "8bit"},
                                    {"Content-Disposition", std::nullopt}};
        } else {
            const Finding* why = nullptr;
            for (const auto& f : d.findings)
                if (f.rule == "stripped_attachment" && !why) why = &f;
            p.strip_failed = st.missing.empty() ? "no part was removed" : st.missing;
            d.verdict = Verdict::Reject;
            d.smtp_code = "550";
            d.enhanced_code = "5.7.1";
            d.reply_text = reply_safe((why ? why->reason : std::string("a banned attachment")) +
                                      " (it could not be removed from the message) [" +
                                      cfg.rule_book->reference("stripped_attachment") + "]");
        }
    }
    p.answer = {d.verdict, d.smtp_code, d.enhanced_code, d.reply_text};

    if (d.verdict == Verdict::Quarantine && cfg.quarantine.store()) {
        // The original goes to the store whole and the MTA's copy is discarded: no change is
        // asked of the MTA. A redirect still applies to whom a release delivers.
        StoreItem item{"Ordinance: " + rule_list(d.findings), in.env.rcpts};
        for (const auto& f : d.findings) {
            if (f.redirect_to.empty() || f.recipient.empty()) continue;
            for (auto& r : item.rcpts)
                if (r == f.recipient) r = f.redirect_to;
        }
        p.store = std::move(item);
        p.keep.clear();
        p.keep_in_quarantine = false;
        p.body.reset();
        p.header_changes.clear();
        p.answer = {Verdict::Discard, "", "", ""};
    } else if (p.goes_on()) {
        if (!d.findings.empty()) {
            std::string findings;
            for (const auto& f : d.findings)
                findings += (findings.empty() ? "" : "; ") + f.rule + " (" + std::string(verdict_name(f.action)) + ")";
            p.headers.push_back({"X-Ordinance-Verdict", std::string(verdict_name(d.verdict))});
            p.headers.push_back({"X-Ordinance-Findings", header_value(findings)});
        }
        for (const auto& f : d.findings) {
            if (f.redirect_to.empty() || f.recipient.empty()) continue;
            p.recipients.push_back({"<" + f.recipient + ">", "<" + f.redirect_to + ">", f.rule});
            p.headers.push_back(
                {"X-Ordinance-Redirected", header_value(f.recipient + " -> " + f.redirect_to + ": " + f.reason)});
        }
        if (p.body)
            p.headers.push_back(
                {"X-Ordinance-Stripped", header_value(p.body->summary + "; original kept as " + p.keep)});
        if (d.verdict == Verdict::Quarantine) p.hold = "Ordinance: " + rule_list(d.findings);
    }
    // The journal keeps what goes on whole; a refusal or discard as metadata with its reason.
    p.journal = cfg.journal.enabled && d.verdict != Verdict::TempFail;
    p.journal_body = p.goes_on() || p.store.has_value();
    if (d.verdict == Verdict::Quarantine && wants_notice(cfg, in.env, d))
        p.notices.push_back({in.env.mail_from, compose_notice(cfg, in.env, in.msg, d)});
    // The sender's supervisor, for a policy violation by a verified sender of ours.
    if (in.engine && wants_supervisor_notice(cfg, d)) {
        MessageContext ctx = in.engine->context(in.env);
        if (ctx.identity.internal_sender() && !ctx.identity.address.empty()) {
            auto sup = in.engine->services().policy->supervisor(ctx.identity.address, ctx.deadline);
            if (sup.found())
                p.notices.push_back({*sup, compose_supervisor_notice(cfg, in.env, in.msg, d, ctx.identity.address, *sup)});
        }
    }

    if (!p.headers.empty()) p.needs |= kNeedAddHeader;
    if (!p.recipients.empty()) p.needs |= kNeedAddRcpt | kNeedDelRcpt;
    if (p.body) p.needs |= kNeedChangeBody;
    if (!p.header_changes.empty()) p.needs |= kNeedChangeHeader;
    if (p.hold) p.needs |= kNeedHold;
    p.findings = std::move(d.findings);
    return p;
}

std::string plan_text(const Plan& p, const std::string& in) {
    std::ostringstream os;
    os << in << "answer: " << verdict_name(p.answer.verdict);
    if (!p.answer.code.empty()) os << " (" << terminal_text(p.answer.reply()) << ")";
    os << "\n";
    if (!p.strip_failed.empty()) os << in << "strip failed: " << terminal_text(p.strip_failed) << "\n";
    if (!p.keep.empty())
        os << in << "keep original: " << terminal_text(p.keep)
           << (p.keep_in_quarantine ? " (quarantine item; reviewers may release it whole)" : "") << "\n";
    for (const auto& h : p.headers) os << in << "add header: " << terminal_text(h.name + ": " + h.value) << "\n";
    for (const auto& r : p.recipients)
        os << in << "redirect: " << terminal_text(r.from + " -> " + r.to) << " (rule " << terminal_text(r.rule) << ")\n";
    for (const auto& c : p.header_changes)
        os << in << (c.value ? "change header: " + terminal_text(c.name + ": " + *c.value) : "delete header: " + terminal_text(c.name))
           << "\n";
    if (p.body)
        os << in << "replace body: " << p.body->removed << " part(s) cut out: " << terminal_text(p.body->summary) << " ("
           << p.body->body.size() << " bytes)\n";
    if (p.hold) os << in << "hold: " << terminal_text(*p.hold) << " (the MTA's hold queue)\n";
    if (p.store) {
        std::string rcpts;
        for (const auto& r : p.store->rcpts) rcpts += (rcpts.empty() ? "" : ", ") + r;
        os << in << "quarantine: store item (" << terminal_text(p.store->reason) << ") for " << terminal_text(rcpts)
           << "; the MTA is told discard\n";
    }
    os << in << "journal: " << (!p.journal ? "no" : p.journal_body ? "whole message" : "metadata") << "\n";
    for (const auto& n : p.notices) os << in << "notice to: " << terminal_text(n.to.empty() ? "<>" : n.to) << "\n";
    if (p.needs) os << in << "needs: " << need_names(p.needs) << "\n";
    return os.str();
}

std::string plan_json(const Plan& p) {
    std::ostringstream os;
    os << "{\"answer\":{\"verdict\":" << json_string(verdict_name(p.answer.verdict))
       << ",\"reply\":" << json_string(p.answer.reply()) << "}";
    if (!p.strip_failed.empty()) os << ",\"strip_failed\":" << json_string(p.strip_failed);
    os << ",\"keep\":" << (p.keep.empty() ? "null" : json_string(p.keep))
       << ",\"keep_in_quarantine\":" << (p.keep_in_quarantine ? "true" : "false") << ",\"add_headers\":[";
    for (std::size_t i = 0; i < p.headers.size(); ++i)
        os << (i ? "," : "") << "{\"name\":" << json_string(p.headers[i].name)
           << ",\"value\":" << json_string(p.headers[i].value) << "}";
    os << "],\"redirects\":[";
    for (std::size_t i = 0; i < p.recipients.size(); ++i)
        os << (i ? "," : "") << "{\"from\":" << json_string(p.recipients[i].from)
           << ",\"to\":" << json_string(p.recipients[i].to) << ",\"rule\":" << json_string(p.recipients[i].rule) << "}";
    os << "],\"change_headers\":[";
    for (std::size_t i = 0; i < p.header_changes.size(); ++i)
        os << (i ? "," : "") << "{\"name\":" << json_string(p.header_changes[i].name) << ",\"value\":"
           << (p.header_changes[i].value ? json_string(*p.header_changes[i].value) : "null") << "}";
    os << "],\"replace_body\":";
    if (p.body)
        os << "{\"parts_removed\":" << p.body->removed << ",\"summary\":" << json_string(p.body->summary)
           << ",\"bytes\":" << p.body->body.size() << "}";
    else
        os << "null";
    os << ",\"hold\":" << (p.hold ? json_string(*p.hold) : "null") << ",\"quarantine\":";
    if (p.store) {
        os << "{\"reason\":" << json_string(p.store->reason) << ",\"rcpts\":[";
        for (std::size_t i = 0; i < p.store->rcpts.size(); ++i) os << (i ? "," : "") << json_string(p.store->rcpts[i]);
        os << "]}";
    } else {
        os << "null";
    }
    os
       << ",\"journal\":" << json_string(!p.journal ? "no" : p.journal_body ? "whole" : "metadata") << ",\"notices\":[";
    for (std::size_t i = 0; i < p.notices.size(); ++i) os << (i ? "," : "") << json_string(p.notices[i].to);
    os << "],\"needs\":" << json_string(need_names(p.needs)) << "}";
    return os.str();
}

}  // namespace ord::disposition
