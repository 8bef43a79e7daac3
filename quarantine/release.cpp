#include "quarantine/release.h"


#include <cerrno>
#include <cstring>

#include "base/smtp_client.h"
#include "base/text.h"

namespace ord::quarantine {
namespace {

std::string joined(const std::vector<std::string>& v) {
    std::string out;
    for (const auto& s : v) out += (out.empty() ? "" : ",") + s;
    return out;
}

bool wanted(const std::vector<std::string>& only, const std::string& addr) {
    if (only.empty()) return true;
    for (const auto& o : only)
        if (ascii_lower(o) == ascii_lower(addr)) return true;
    return false;
}

}  // namespace

Result<std::vector<std::string>> SmtpReinjector::send(const std::string& sender, const std::vector<std::string>& rcpts,
                                                      std::string_view message) {
    auto d = smtp::send_message(hostport_, "reinjection listener", "ordinance-release", sender, rcpts, message, timeout_);
    if (!d) return d.error();
    return d->taken;
}

std::string audit_line(const Action& act, const std::string& action, const std::string& id,
                       const std::vector<std::string>& rcpts, const std::string& release_id,
                       const std::string& detail) {
    std::string l = "time=" + std::to_string(act.now) + " who=" + encode_value(act.who) + " action=" +
                    encode_value(action) + " id=" + encode_value(id) + " rcpts=" + encode_value(joined(rcpts));
    if (!release_id.empty()) l += " release=" + encode_value(release_id);
    l += " reason=" + encode_value(act.reason);
    if (!detail.empty()) l += " detail=" + encode_value(detail);
    return l;
}

Result<ReleaseResult> release(QuarantineStore& store, Reinjector& out, const ReleaseRequest& req) {
    ReleaseResult res;
    res.release_id = req.release_id;
    if (req.act.reason.empty()) return Error{"usage", "a release needs a reason"};
    std::vector<std::string> targets;
    std::string sender;
    // 1. The claim, durable before a byte goes out.
    auto claimed = store.update(req.id, [&](Item& it) -> Result<Ok> {
        targets.clear();
        res.refused.clear();
        bool any_match = false;
        for (auto& r : it.rcpts) {
            if (!wanted(req.only, r.addr)) continue;
            any_match = true;
            if (r.state == RcptState::Held || (r.state == RcptState::Releasing && req.force)) {
                r.state = RcptState::Releasing;
                r.release_id = req.release_id;
                targets.push_back(r.addr);
            } else if (r.state == RcptState::Releasing) {
                res.refused.push_back(r.addr + " (release " + r.release_id + " did not finish)");
            }
        }
        if (!any_match) return Error{"usage", "item " + it.id + " has no recipient " + joined(req.only)};
        if (targets.empty()) {
            if (!res.refused.empty())
                return Error{"releasing", "item " + it.id + ": " + joined(res.refused) +
                                              ": it may have been delivered already; settle it from the re-injection "
                                              "listener's log (ordinance quarantine settle ID --maillog FILE), or use "
                                              "--force to send it again"};
            return Error{"nothing", "item " + it.id + " has no recipient left to release (" + it.overall_state() + ")"};
        }
        it.history.push_back({req.act.now, req.act.who, "claim", "release " + req.release_id + " to " + joined(targets)});
        sender = it.sender;
        return Ok{};
    });
    if (!claimed) return claimed.error();
    (void)store.append_audit(audit_line(req.act, "claim", req.id, targets, req.release_id));
    // 2. The message goes out with its release id.
    auto raw = store.raw(req.id);
    Result<std::vector<std::string>> sent = Error{"deleted", "the message is gone"};
    if (raw) {
        std::string msg = std::string(kReleaseHeader) + ": " + req.release_id + "\r\n" + *raw;
        sent = out.send(sender, targets, msg);
    } else {
        sent = raw.error();
    }
    // 3. The mark.
    std::vector<std::string> taken = sent ? *sent : std::vector<std::string>{};
    if (!sent) res.error = sent.error().message;
    else if (taken.size() < targets.size()) res.error = "the listener refused some recipients";
    auto marked = store.update(req.id, [&](Item& it) -> Result<Ok> {
        for (auto& r : it.rcpts) {
            if (r.state != RcptState::Releasing || r.release_id != req.release_id) continue;
            bool ok = false;
            for (const auto& t : taken)
                if (t == r.addr) ok = true;
            r.state = ok ? RcptState::Released : RcptState::Held;
            (ok ? res.released : res.failed).push_back(r.addr);
        }
        if (!res.released.empty())
            it.history.push_back({req.act.now, req.act.who, "released",
                                  "release " + req.release_id + " to " + joined(res.released) + "; " + req.act.reason});
        if (!res.failed.empty())
            it.history.push_back({req.act.now, req.act.who, "release_failed",
                                  "release " + req.release_id + " to " + joined(res.failed) + ": " + res.error});
        return Ok{};
    });
    if (!marked)
        return Error{"mark", "release " + req.release_id + (sent ? " was sent" : " failed") +
                                 " but its outcome could not be recorded (" + marked.error().message +
                                 "); the recipients stay 'releasing'"};
    if (!res.released.empty())
        (void)store.append_audit(audit_line(req.act, "release", req.id, res.released, req.release_id));
    if (!res.failed.empty())
        (void)store.append_audit(audit_line(req.act, "release_failed", req.id, res.failed, req.release_id, res.error));
    return res;
}

Result<Item> delete_item(QuarantineStore& store, const std::string& id, const Action& act) {
    if (act.reason.empty()) return Error{"usage", "a delete needs a reason"};
    std::vector<std::string> gone;
    auto it = store.update(id, [&](Item& item) -> Result<Ok> {
        for (auto& r : item.rcpts)
            if (r.state == RcptState::Held) {
                r.state = RcptState::Deleted;
                gone.push_back(r.addr);
            }
        if (gone.empty() && item.has_state(RcptState::Releasing))
            return Error{"releasing", "item " + id + " has recipients being released; not deleted"};
        item.history.push_back({act.now, act.who, "deleted", joined(gone) + "; " + act.reason});
        return Ok{};
    });
    if (!it) return it;
    if (auto a = store.append_audit(audit_line(act, "delete", id, gone)); !a) return a.error();
    if (!it->has_state(RcptState::Held) && !it->has_state(RcptState::Releasing))
        if (auto d = store.drop_message(id); !d) return d.error();
    return it;
}

Result<std::vector<std::string>> expire(QuarantineStore& store, int64_t days, const Action& act) {
    auto ids = store.ids();
    if (!ids) return ids.error();
    std::vector<std::string> gone;
    int64_t cutoff = act.now - days * 86400;
    for (const auto& id : *ids) {
        auto it = store.get(id);
        if (!it || it->time >= cutoff) continue;
        std::vector<std::string> left;
        for (const auto& r : it->rcpts)
            if (r.state == RcptState::Held || r.state == RcptState::Releasing) left.push_back(r.addr);
        if (auto a = store.append_audit(audit_line(act, "expire", id, left, "", "held since " + std::to_string(it->time)));
            !a)
            return a.error();
        if (auto r = store.remove(id); !r) return r.error();
        gone.push_back(id);
    }
    return gone;
}

}  // namespace ord::quarantine
