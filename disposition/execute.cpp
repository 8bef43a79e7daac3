#include "disposition/execute.h"

#include "base/log.h"

namespace ord::disposition {

Outcome execute(const Plan& p, std::string_view raw, const Config::Disposition& on_error, MtaPort& mta,
                DurablePort& durable) {
    Outcome out;
    out.answer = p.answer;
    const std::string& qid = p.queue_id;
    bool kept = false;
    std::string stored;  // the quarantine item written, taken back when a later step fails
    auto fail = [&](const char* step, const std::string& detail, Verdict configured, const char* what) {
        out.steps.push_back({step, false, detail});
        if (kept) {
            durable.unkeep(p);
            out.steps.push_back({"unkeep", true, p.keep});
        }
        if (!stored.empty()) {
            durable.unquarantine(stored);
            out.steps.push_back({"unquarantine", true, stored});
        }
        out.answer = failure_answer(configured, what);
        out.as_planned = false;
        log::error("disposition_failed", {{"qid", qid}, {"step", step}, {"what", detail},
                                          {"answer", out.answer.reply()}});
        return out;
    };

    // A tempfail is no disposition: the message comes back, nothing is recorded.
    if (p.answer.verdict == Verdict::TempFail) return out;

    if (unsigned missing = p.needs & ~mta.granted(); missing != 0) {
        std::string names = need_names(missing);
        log::error("action_not_granted", {{"qid", qid}, {"action", std::string(verdict_name(p.answer.verdict))},
                                          {"missing", names}, {"hint", "the MTA did not grant these milter actions"}});
        out.steps.push_back({"granted", false, names});
        out.answer = {Verdict::TempFail, "451", "4.3.5",
                      "Policy gateway cannot apply its policy to this message now, try again later"};
        out.as_planned = false;
        return out;
    }

    if (!p.keep.empty()) {
        if (auto k = durable.keep(p, raw); !k)
            return fail("keep", k.error().message, on_error.on_keep_error, "keep the original message");
        kept = true;
        out.steps.push_back({"keep", true, p.keep});
    }
    if (!p.headers.empty()) {
        for (const auto& h : p.headers)
            if (!mta.add_header(h.name, h.value))
                return fail("headers", "add " + h.name, on_error.on_change_error, "change the message");
        out.steps.push_back({"headers", true, std::to_string(p.headers.size()) + " added"});
    }
    if (!p.recipients.empty()) {
        for (const auto& r : p.recipients) {
            if (!mta.add_rcpt(r.to)) return fail("recipients", "add " + r.to, on_error.on_change_error, "change the message");
            if (!mta.del_rcpt(r.from))
                return fail("recipients", "delete " + r.from, on_error.on_change_error, "change the message");
            log::info("redirect", {{"qid", qid}, {"rcpt", r.from}, {"to", r.to}, {"rule", r.rule}});
        }
        out.steps.push_back({"recipients", true, std::to_string(p.recipients.size()) + " redirected"});
    }
    if (p.body) {
        for (const auto& c : p.header_changes)
            if (!mta.change_header(c.name, c.value))
                return fail("body", "change " + c.name, on_error.on_change_error, "change the message");
        if (!mta.replace_body(p.body->body))
            return fail("body", "replace body", on_error.on_change_error, "change the message");
        log::info("stripped", {{"qid", qid}, {"parts", std::to_string(p.body->removed)}, {"what", p.body->summary},
                               {"kept", p.keep}});
        out.steps.push_back({"body", true, p.body->summary});
    }
    if (p.hold) {
        if (!mta.hold(*p.hold)) return fail("hold", "the MTA refused the hold", on_error.on_hold_error, "hold the message");
        out.steps.push_back({"hold", true, *p.hold});
    }
    if (p.store) {
        auto q = durable.quarantine(p);
        if (!q) return fail("quarantine", q.error().message, on_error.on_hold_error, "hold the message");
        stored = *q;
        log::info("quarantined", {{"qid", qid}, {"id", stored}, {"reason", p.store->reason},
                                  {"rcpts", std::to_string(p.store->rcpts.size())}});
        out.steps.push_back({"quarantine", true, stored});
    }
    if (p.journal) {
        if (auto j = durable.journal(p); !j)
            return fail("journal", j.error().message, on_error.on_journal_error, "journal the message");
        out.steps.push_back({"journal", true, p.journal_body ? "whole" : "metadata"});
    }
    for (const auto& n : p.notices) {
        if (auto r = durable.notice(n); !r) {
            log::error("notice_spool_failed", {{"qid", qid}, {"to", n.to}, {"what", r.error().message}});
            out.steps.push_back({"notice", false, r.error().message});
        } else {
            log::info("notice_queued", {{"qid", qid}, {"to", n.to}});
            out.steps.push_back({"notice", true, n.to});
        }
    }
    return out;
}

}  // namespace ord::disposition
