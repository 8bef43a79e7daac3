#include "quarantine/release.h"

#include <netdb.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

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

class Conn {
public:
    Conn(int fd, int timeout) : fd_(fd), timeout_ms_(timeout * 1000) {}
    ~Conn() {
        if (fd_ >= 0) ::close(fd_);
    }
    bool send(std::string_view s) {
        std::size_t off = 0;
        while (off < s.size()) {
            pollfd p{fd_, POLLOUT, 0};
            if (::poll(&p, 1, timeout_ms_) <= 0) return false;
            ssize_t n = ::send(fd_, s.data() + off, s.size() - off, MSG_NOSIGNAL);
            if (n < 0 && errno == EINTR) continue;
            if (n <= 0) return false;
            off += static_cast<std::size_t>(n);
        }
        return true;
    }
    // The code of the next (possibly multi-line) reply; 0 on a broken connection or timeout.
    int reply(std::string& text) {
        text.clear();
        for (;;) {
            auto nl = buf_.find('\n');
            if (nl == std::string::npos) {
                pollfd p{fd_, POLLIN, 0};
                if (::poll(&p, 1, timeout_ms_) <= 0) return 0;
                char b[4096];
                ssize_t n = ::recv(fd_, b, sizeof b, 0);
                if (n <= 0) return 0;
                buf_.append(b, static_cast<std::size_t>(n));
                if (buf_.size() > 65536) return 0;
                continue;
            }
            std::string line = buf_.substr(0, nl);
            buf_.erase(0, nl + 1);
            if (!line.empty() && line.back() == '\r') line.pop_back();
            text += (text.empty() ? "" : " ") + line;
            if (line.size() < 3) return 0;
            if (line.size() == 3 || line[3] == ' ') return std::atoi(line.substr(0, 3).c_str());
        }
    }

private:
    int fd_;
    int timeout_ms_;
    std::string buf_;
};

// Dot-stuffed, CRLF line ends, ending with the final dot.
std::string data_block(std::string_view message) {
    std::string out;
    out.reserve(message.size() + message.size() / 50 + 8);
    bool bol = true;
    for (std::size_t i = 0; i < message.size(); ++i) {
        char c = message[i];
        if (bol && c == '.') out += '.';
        if (c == '\n' && (i == 0 || message[i - 1] != '\r')) out += '\r';
        out += c;
        bol = c == '\n';
    }
    if (!bol) out += "\r\n";
    return out + ".\r\n";
}

}  // namespace

Result<std::vector<std::string>> SmtpReinjector::send(const std::string& sender, const std::vector<std::string>& rcpts,
                                                      std::string_view message) {
    auto colon = hostport_.rfind(':');
    if (colon == std::string::npos) return Error{"config", "quarantine.reinject '" + hostport_ + "' is not HOST:PORT"};
    std::string host = hostport_.substr(0, colon), port = hostport_.substr(colon + 1);
    if (host.size() >= 2 && host.front() == '[' && host.back() == ']') host = host.substr(1, host.size() - 2);
    addrinfo hints{};
    hints.ai_socktype = SOCK_STREAM;
    addrinfo* res = nullptr;
    if (int rc = ::getaddrinfo(host.c_str(), port.c_str(), &hints, &res); rc != 0)
        return Error{"io", "reinjection " + hostport_ + ": " + ::gai_strerror(rc)};
    int fd = -1, err = 0;
    for (addrinfo* a = res; a && fd < 0; a = a->ai_next) {
        fd = ::socket(a->ai_family, a->ai_socktype | SOCK_CLOEXEC, a->ai_protocol);
        if (fd >= 0 && ::connect(fd, a->ai_addr, a->ai_addrlen) != 0) {
            err = errno;
            ::close(fd);
            fd = -1;
        }
    }
    ::freeaddrinfo(res);
    if (fd < 0) return Error{"io", "reinjection listener " + hostport_ + ": connect: " + std::strerror(err ? err : errno)};
    Conn c(fd, timeout_);
    std::string text;
    auto step = [&](const std::string& cmd, int want, const char* what) -> Result<Ok> {
        if (!cmd.empty() && !c.send(cmd)) return Error{"io", std::string("SMTP ") + what + ": connection lost"};
        int code = c.reply(text);
        if (code / 100 != want / 100) return Error{"smtp", std::string("SMTP ") + what + ": " + (code ? text : "no reply")};
        return Ok{};
    };
    if (auto r = step("", 220, "greeting"); !r) return r.error();
    if (auto r = step("EHLO ordinance-release\r\n", 250, "EHLO"); !r) return r.error();
    if (auto r = step("MAIL FROM:<" + sender + ">\r\n", 250, "MAIL FROM"); !r) return r.error();
    std::vector<std::string> taken;
    std::string refusals;
    for (const auto& r : rcpts) {
        if (!c.send("RCPT TO:<" + r + ">\r\n")) return Error{"io", "SMTP RCPT TO: connection lost"};
        int code = c.reply(text);
        if (code == 0) return Error{"io", "SMTP RCPT TO: no reply"};
        if (code / 100 == 2) taken.push_back(r);
        else refusals += (refusals.empty() ? "" : "; ") + r + ": " + text;
    }
    if (taken.empty()) return Error{"smtp", "SMTP RCPT TO refused every recipient: " + refusals};
    if (auto r = step("DATA\r\n", 354, "DATA"); !r) return r.error();
    if (auto r = step(data_block(message), 250, "end of data"); !r) return r.error();
    c.send("QUIT\r\n");
    return taken;
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
                                              ": it may have been delivered already; check the reinjection log for "
                                              "the release id, then use --force to send it again"};
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
